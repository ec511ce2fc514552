"""The visitor badge as a document: what it says, independent of paper and printer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

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


def checkout_code(badge_number: str) -> str:
    """What the badge QR carries: a prefix the kiosk's scanner input recognises, then the number."""
    return f"{CHECKOUT_PREFIX}{badge_number}"


CHECKOUT_PREFIX = "LKV:"


def parse_checkout_code(scanned: str) -> str | None:
    """The badge number a scanned badge QR carries, or None if it is not one of our badges."""
    text = scanned.strip()
    if not text.startswith(CHECKOUT_PREFIX):
        return None
    number = text[len(CHECKOUT_PREFIX) :]
    if len(number) == 7 and number[0] == "V" and number[1:].isdigit():
        return number
    return None
