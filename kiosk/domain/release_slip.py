"""Release-slip rules (物品放行条): arrears, the items, and the signed code the guard scans.

The QR carries ``LKS:<slip number>:<MAC>``, the MAC an HMAC-SHA256 of the number under a site
key kept outside the database. A slip number typed into a QR generator, or a printed code with one
character changed, fails the MAC: the guard screen says "invalid", never "unknown slip".
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import re
from dataclasses import dataclass

from kiosk.domain.errors import ValidationError
from kiosk.domain.text import sanitize_text

SLIP_PREFIX = "LKS"
_MAC_HEX = 32  # 128 bits
# Owners more than this many months behind need a supervisor (管理处主任) to approve the slip.
OWNER_ARREARS_OVERRIDE_MONTHS = 3
ITEM_NAME_MAX = 40
ITEM_QUANTITY_MAX = 999
ITEMS_MAX = 30
REASON_MAX = 200
_NUMBER = re.compile(r"^S\d{6,12}$")


class SlipStatus(enum.Enum):
    ISSUED = "issued"  # handed to the holder, not yet shown to the guard
    RELEASED = "released"  # the guard let the goods out: used up
    VOIDED = "voided"  # the goods did not match: back to the office for a new slip


class SlipCodeError(ValueError):
    """Not a slip code of this site, or one that was altered."""


@dataclass(frozen=True)
class Arrears:
    """Months (``YYYY-MM``) whose paid is below due, and how much is outstanding in fen."""

    months: tuple[str, ...]
    amount_fen: int

    @property
    def count(self) -> int:
        return len(self.months)


def arrears_from_ledger(rows: list[tuple[str, int, int]]) -> Arrears:
    """``(month, due_fen, paid_fen)`` rows -> the months in arrears and the sum outstanding."""
    owed = sorted((month, due - paid) for month, due, paid in rows if paid < due)
    return Arrears(tuple(m for m, _ in owed), sum(a for _, a in owed))


def owner_needs_override(arrears: Arrears) -> bool:
    return arrears.count > OWNER_ARREARS_OVERRIDE_MONTHS


def slip_number(value: int) -> str:
    return f"S{value:06d}"


def sign_slip_code(key: bytes, number: str) -> str:
    if not _NUMBER.match(number):
        raise ValueError(f"not a slip number: {number!r}")
    return f"{SLIP_PREFIX}:{number}:{_mac(key, number)}"


def verify_slip_code(key: bytes, code: str) -> str:
    """The slip number the code carries, if this site signed it; SlipCodeError otherwise."""
    parts = code.strip().split(":")
    if len(parts) != 3 or parts[0].upper() != SLIP_PREFIX:
        raise SlipCodeError("not a release-slip code")
    number, mac = parts[1].upper(), parts[2].lower()
    if not _NUMBER.match(number) or len(mac) != _MAC_HEX:
        raise SlipCodeError("not a release-slip code")
    if not hmac.compare_digest(mac, _mac(key, number)):
        raise SlipCodeError("this code was not issued here or has been altered")
    return number


def _mac(key: bytes, number: str) -> str:
    return hmac.new(key, f"release-slip:{number}".encode(), hashlib.sha256).hexdigest()[:_MAC_HEX]


def validate_item(name: str, quantity: int) -> tuple[str, int]:
    clean = sanitize_text(name)
    if not clean:
        raise ValidationError("item", "required")
    if len(clean) > ITEM_NAME_MAX:
        raise ValidationError("item", "too_long", max=ITEM_NAME_MAX)
    if not 1 <= quantity <= ITEM_QUANTITY_MAX:
        raise ValidationError("quantity", "out_of_range", max=ITEM_QUANTITY_MAX)
    return clean, quantity


def validate_items(items: list[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    if not items:
        raise ValidationError("items", "required")
    if len(items) > ITEMS_MAX:
        raise ValidationError("items", "too_many", max=ITEMS_MAX)
    return tuple(validate_item(name, quantity) for name, quantity in items)


def check_signature(holder_name: str, typed_name: str, confirmed: bool) -> str:
    """The holder signs by typing their name and ticking the confirmation."""
    typed = sanitize_text(typed_name)
    if not typed or not confirmed:
        raise ValidationError("signature", "required")
    if typed.replace(" ", "").casefold() != holder_name.replace(" ", "").casefold():
        raise ValidationError("signature", "mismatch")
    return typed


def mask_phone(phone: str) -> str:
    """``13845265254`` -> ``138****5254``; short numbers keep their last four."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) >= 11:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
    return "*" * max(0, len(digits) - 4) + digits[-4:]
