"""Release-slip rules (物品放行条): arrears, the items, and the signed code the guard scans.

The QR carries ``LKS:<slip number>:<MAC>``, the MAC an HMAC-SHA256 under a site key kept outside
the database of the number, a random nonce and the issue time kept on the slip (``SlipBinding``;
slips issued before migration 0019 have none, their MAC covers the number only). A slip number
typed into a QR generator, a printed code with one character changed, or an old paper slip whose
number a database restored from a backup gave again, fails the MAC: the guard screen says
"invalid", never "unknown slip". A slip is good until its ``valid_until`` (``slip_valid_until``).

Under the QR the slip prints a short code for the guard to type when the scanner fails:
``S000001-7K2M-9QXD``, the slip number and the first 40 bits of the same MAC in Crockford base32
(digits and letters without I, L, O and U, so nothing reads as another character). It binds what
the QR binds (the number and its binding, under the site key) and is checked by the same path; 40 bits leave one
chance in 10^12 per guess, each guess typed at the guard screen and audited.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo

from kiosk.domain.codes import CROCKFORD, crockford
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
_NUMBER = re.compile(r"^S[0-9]{6,12}$")  # ASCII digits: \d also takes other scripts' digits
_HEX_MAC = re.compile(r"^[0-9a-f]{10,}$")
CHECK_CHARS = 8  # 40 bits of the MAC, 5 bits a character
# Crockford's reading rules: the letters people write for 1 and 0 are read as those digits.
_READ_AS = str.maketrans("ILO", "110")
# Typed between groups, or by habit: dots, slashes, underscores (dashes and spaces of any width too).
_SEPARATORS = frozenset("._/·")


class SlipStatus(enum.Enum):
    ISSUED = "issued"  # handed to the holder, not yet shown to the guard
    RELEASED = "released"  # the guard let the goods out: used up
    VOIDED = "voided"  # the goods did not match: back to the office for a new slip


class SlipCodeError(ValueError):
    """Not a slip code of this site, or one that was altered."""


class SlipNumberOnlyError(SlipCodeError):
    """Only the slip number was typed, without the check code printed after it under the QR."""


class SlipCodeMistypedError(SlipCodeError):
    """A typed short code (a slip number, then something) whose check code does not match."""


@dataclass(frozen=True)
class SlipBinding:
    """What a slip's code is signed over besides its number: a random nonce and the issue time,
    both kept on the slip. A database restored from a backup numbers slips again from where the
    backup stood; an old paper slip of the same number has another nonce, and its code fails."""

    nonce: str
    issued_at: datetime


@dataclass(frozen=True)
class SlipCodeRead:
    """A slip code as read: the number, and the QR's hex MAC or the typed check characters."""

    number: str
    mac: str = ""
    check: str = ""


@dataclass(frozen=True)
class TypedSlipCode:
    """A short code as read from what a guard typed: the slip number and the check characters."""

    number: str
    check: str


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


def sign_slip_code(key: bytes, number: str, binding: SlipBinding | None = None) -> str:
    """The code a slip's QR carries. ``binding``: the slip's nonce and issue time (every slip since
    migration 0019); None only for a slip issued before, whose code covers its number alone."""
    if not _NUMBER.match(number):
        raise ValueError(f"not a slip number: {number!r}")
    return f"{SLIP_PREFIX}:{number}:{_mac(key, number, binding)}"


def new_slip_binding(issued_at: datetime) -> SlipBinding:
    return SlipBinding(secrets.token_hex(16), issued_at)


def slip_valid_until(issued_at: datetime, valid_hours: int, zone: tzinfo) -> datetime:
    """When the guard stops accepting a slip issued at ``issued_at``: ``valid_hours`` later, or
    with 0 at the end of the site day it was issued on (the goods leave while the holder waits;
    tomorrow's move gets tomorrow's slip)."""
    if valid_hours:
        return issued_at + timedelta(hours=valid_hours)
    local = issued_at.astimezone(zone)
    midnight = datetime.combine(local.date() + timedelta(days=1), time(0, 0), tzinfo=zone)
    return midnight.astimezone(issued_at.tzinfo)


def short_code_of(qr_code: str) -> str:
    """The code printed under the slip's QR for a guard to type, ``S000001-7K2M-9QXD``, from the
    code the QR carries (made by :func:`sign_slip_code`)."""
    parts = qr_code.split(":")
    if (
        len(parts) != 3
        or parts[0] != SLIP_PREFIX
        or not _NUMBER.match(parts[1])
        or not _HEX_MAC.match(parts[2])
    ):
        raise SlipCodeError("not a release-slip code")
    check = _check(parts[2])
    return f"{parts[1]}-{check[:4]}-{check[4:]}"


def parse_typed_code(text: str) -> TypedSlipCode:
    """Read a short code as a guard types it: any case, with or without spaces or dashes, in
    full-width characters from a Chinese input method, I or L for 1 and O for 0.

    SlipNumberOnlyError for a slip number alone, SlipCodeMistypedError for a slip number followed
    by anything but check characters, SlipCodeError for text that is no slip code at all.
    """
    compact = "".join(
        ch.upper() if ch.isascii() else ch
        for ch in unicodedata.normalize("NFKC", text)
        if not (ch.isspace() or ch in _SEPARATORS or unicodedata.category(ch) == "Pd")
    )
    if _NUMBER.match(compact):
        raise SlipNumberOnlyError("the slip number without its check code")
    if not re.match(r"S[0-9]", compact):
        raise SlipCodeError("not a release-slip code")
    number, check = compact[:-CHECK_CHARS], compact[-CHECK_CHARS:].translate(_READ_AS)
    if not _NUMBER.match(number) or not all(ch in CROCKFORD for ch in check):
        raise SlipCodeMistypedError("not a slip number followed by its check code")
    return TypedSlipCode(number, check)


def read_slip_code(code: str) -> SlipCodeRead:
    """A scanned QR code or a typed short code, read but not verified: its slip number, whose
    binding the caller looks up to verify it with :func:`slip_code_matches`. SlipCodeError (or one
    of its kinds, for typed codes) for text that is no slip code."""
    text = code.strip()
    if ":" not in text and not text.upper().startswith(SLIP_PREFIX):
        typed = parse_typed_code(text)
        return SlipCodeRead(typed.number, check=typed.check)
    parts = text.split(":")
    if len(parts) != 3 or parts[0].upper() != SLIP_PREFIX:
        raise SlipCodeError("not a release-slip code")
    number, mac = parts[1].upper(), parts[2].lower()
    # Hex, not only its length: hmac.compare_digest raises TypeError for a non-ASCII string.
    if not _NUMBER.match(number) or len(mac) != _MAC_HEX or not _HEX_MAC.match(mac):
        raise SlipCodeError("not a release-slip code")
    return SlipCodeRead(number, mac=mac)


def slip_code_matches(key: bytes, read: SlipCodeRead, binding: SlipBinding | None) -> bool:
    """Whether ``read`` is the code of slip ``read.number`` signed with ``binding``."""
    mac = _mac(key, read.number, binding)
    if read.check:
        return hmac.compare_digest(read.check, _check(mac))
    return hmac.compare_digest(read.mac, mac)


def verify_slip_code(key: bytes, code: str, binding: SlipBinding | None = None) -> str:
    """The slip number a scanned QR code or a typed short code carries, if this site signed it with
    ``binding``; SlipCodeError (or one of its kinds, for typed codes) otherwise."""
    read = read_slip_code(code)
    if not slip_code_matches(key, read, binding):
        if read.check:
            raise SlipCodeMistypedError("the check code does not match the slip number")
        raise SlipCodeError("this code was not issued here or has been altered")
    return read.number


def _mac(key: bytes, number: str, binding: SlipBinding | None) -> str:
    message = f"release-slip:{number}"
    if binding is not None:
        # The issue time to the second, in UTC: what the database gives back on either engine.
        at = binding.issued_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        message = f"release-slip:v2:{number}:{binding.nonce}:{at}"
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()[:_MAC_HEX]


def _check(mac_hex: str) -> str:
    """The first 40 bits of a hex MAC as eight Crockford base32 characters."""
    return crockford(bytes.fromhex(mac_hex[: CHECK_CHARS * 5 // 4]), CHECK_CHARS)


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
