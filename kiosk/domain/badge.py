"""The visitor badge as a document: what it says, independent of paper and printer."""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo

from kiosk.domain.codes import CROCKFORD, as_keyed, mac_chars

# A visitor badge is a day pass: it ends with the site's day, however late the visitor came.
BADGE_LAST_MINUTE = time(23, 59)


@dataclass(frozen=True)
class Badge:
    """Everything printed on a visitor badge. Text fields are already sanitised."""

    badge_number: str
    visitor_name: str
    company: str
    host_name: str
    host_department: str
    checked_in_at: datetime
    valid_until: datetime
    site_name: str
    checkout_code: str


def badge_valid_until(checked_in_at: datetime, valid_hours: int, zone: tzinfo) -> datetime:
    """When a badge issued at ``checked_in_at`` stops being valid: ``valid_hours`` later, but never
    past 23:59 of its day in the site's ``zone`` (an evening visitor's badge does not run into the
    night; someone still inside after that is an overstay the board flags)."""
    local = checked_in_at.astimezone(zone)
    end_of_day = datetime.combine(local.date(), BADGE_LAST_MINUTE, tzinfo=zone)
    until = min(checked_in_at + timedelta(hours=valid_hours), end_of_day)
    return max(until, checked_in_at).astimezone(checked_in_at.tzinfo)


def format_badge_number(value: int) -> str:
    """Badge numbers people read and scanners type: ``V`` and six digits, from a DB counter."""
    if value < 1:
        raise ValueError(f"badge counter must be positive, got {value}")
    return f"V{value:06d}"


# What the badge QR carries: ``LKV2-V000123-`` and 80 bits of an HMAC under the site's code key
# over the visit id, the badge number and the check-in time, in Crockford base32. Capitals, digits
# and dashes only: all typed without Shift but the capitals (read back in any case), all in a QR
# code's alphanumeric mode (29 characters: a version 2 code). A number copied off another badge,
# or a QR printed for one visit and shown for another, fails the MAC at the server.
CHECKOUT_PREFIX = "LKV2-"
# Badges printed before codes were signed: ``LKV:V000123``, refused (anyone could print one).
LEGACY_CHECKOUT_PREFIXES = ("LKV:", "LKV;")
CHECKOUT_MAC_CHARS = 16
_BADGE_NUMBER = re.compile(r"^V[0-9]{6,9}$")  # ASCII digits: \d also takes other scripts' digits


class UnsignedBadgeCodeError(ValueError):
    """A badge printed before check-out codes were signed: the desk checks its visitor out."""


@dataclass(frozen=True)
class CheckoutCode:
    """A scanned badge QR as read, not yet verified (only the server holds the key)."""

    badge_number: str
    mac: str


def checkout_code(key: bytes, visit_id: int, badge_number: str, checked_in_at: datetime) -> str:
    """The code a visit's badge QR carries (see ``CHECKOUT_PREFIX``)."""
    if not _BADGE_NUMBER.match(badge_number):
        raise ValueError(f"not a badge number: {badge_number!r}")
    return f"{CHECKOUT_PREFIX}{badge_number}-{_checkout_mac(key, visit_id, badge_number, checked_in_at)}"


def parse_checkout_code(scanned: str) -> CheckoutCode | None:
    """What a scanned badge QR says, or None if it is not one of our badges; UnsignedBadgeCodeError
    for an old unsigned badge. Read as the scanner's keys were meant (see ``as_keyed``)."""
    text = as_keyed(scanned)
    if text.startswith(LEGACY_CHECKOUT_PREFIXES):
        raise UnsignedBadgeCodeError("a badge printed before check-out codes were signed")
    if not text.startswith(CHECKOUT_PREFIX):
        return None
    number, _, mac = text[len(CHECKOUT_PREFIX) :].partition("-")
    if not _BADGE_NUMBER.match(number) or len(mac) != CHECKOUT_MAC_CHARS:
        return None
    if not all(ch in CROCKFORD for ch in mac):
        return None
    return CheckoutCode(number, mac)


def checkout_code_matches(
    key: bytes, code: CheckoutCode, visit_id: int, badge_number: str, checked_in_at: datetime
) -> bool:
    """Whether ``code`` is the one printed on this visit's badge."""
    expected = _checkout_mac(key, visit_id, badge_number, checked_in_at)
    return code.badge_number == badge_number and hmac.compare_digest(code.mac, expected)


def _checkout_mac(key: bytes, visit_id: int, badge_number: str, checked_in_at: datetime) -> str:
    # The check-in instant to the second, in UTC: what the database gives back on either engine.
    # It tells apart two visits that share an id and a badge number (a database restored from a
    # backup numbers again from where the backup stood).
    at = checked_in_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return mac_chars(key, f"badge-checkout:v2:{visit_id}:{badge_number}:{at}", CHECKOUT_MAC_CHARS)
