"""The management office's permits (管理处开具的凭据, seed 001 rows 8 and 9): their kinds, numbers,
dates, the signed code on paper, and the one check the desk, the guard and the kiosk share.

Two families. A material permit (搬运材料凭据, ``CL000001``) lets goods IN: which materials and
how many, for which unit, up the goods lift (开电梯) or the stairs (走楼梯), on the days it is
valid. An entry permit (出入证, ``RZ000001``) lets a regular worker in: decoration workers (装修,
for a unit), newspaper and milk deliveries; the holder's name, ID type and last four, company.

A permit is valid on its days, ``valid_from`` to ``valid_until`` inclusive, on the site's
calendar, until the office cancels it (with a reason; nothing is deleted). The paper carries a
QR, ``LKP-CL000001-`` and 80 bits of an HMAC under the site's code key over the number, a random
nonce and the issue time (capitals, digits and dashes, read back through a scanner's Shift
slips as a badge's code is): a paper from before a database was restored verifies as nothing.
The number printed large under it may be typed instead (decided: a guard or clerk holding the
paper compares it with the record the screen shows; the public kiosk counts unknown numbers as
wrong tries).
"""

from __future__ import annotations

import enum
import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from kiosk.domain.codes import CROCKFORD, as_keyed, mac_chars
from kiosk.domain.errors import ValidationError
from kiosk.domain.release_slip import validate_items

CODE_PREFIX = "LKP-"
CODE_MAC_CHARS = 16
# The longest a permit may run: a decoration's workers come for its whole term (装修期, often
# three months); the office renews one that runs longer.
MAX_VALID_DAYS = 186
HOLDER_MAX = 40
COMPANY_MAX = 60
NOTE_MAX = 200
REASON_MAX = 200
_NUMBER = re.compile(r"^(CL|RZ)[0-9]{6,9}$")


class PermitKind(enum.Enum):
    MATERIAL = "material"  # 搬运材料凭据: goods in
    DECORATION = "decoration"  # 装修出入证
    NEWSPAPER = "newspaper"  # 送报出入证
    MILK = "milk"  # 送奶出入证

    @property
    def is_material(self) -> bool:
        return self is PermitKind.MATERIAL

    @property
    def prefix(self) -> str:
        return "CL" if self.is_material else "RZ"

    @property
    def needs_unit(self) -> bool:
        """Materials go to a unit; decoration workers work in one; deliveries go to many."""
        return self in (PermitKind.MATERIAL, PermitKind.DECORATION)


class PermitRoute(enum.Enum):
    """How the materials go up: the goods lift is opened for them (开电梯), or the stairs."""

    GOODS_LIFT = "goods_lift"
    STAIRS = "stairs"


class PermitStatus(enum.Enum):
    ISSUED = "issued"
    CANCELLED = "cancelled"  # by the office, with a reason


class PermitOutcome(enum.Enum):
    """What a check found. Every outcome but VALID is a refusal with its reason."""

    VALID = "valid"
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


class EntryDecision(enum.Enum):
    """What the guard or the desk did with a valid permit in front of them."""

    LET_IN = "let_in"
    REFUSED = "refused"  # valid on the register, refused all the same (the goods differ...)


@dataclass(frozen=True)
class Material:
    name: str
    quantity: int


@dataclass(frozen=True)
class PermitCodeRead:
    """A scanned QR or a typed number, read but not verified: ``mac`` empty for a typed number."""

    number: str
    mac: str = ""


def permit_number(kind: PermitKind, value: int) -> str:
    if value < 1:
        raise ValueError(f"permit counter must be positive, got {value}")
    return f"{kind.prefix}{value:06d}"


def counter_name(kind: PermitKind) -> str:
    """Material permits and entry permits are numbered apart (CL000001, RZ000001)."""
    return "material_permit" if kind.is_material else "entry_permit"


def new_nonce() -> str:
    return secrets.token_hex(16)


def permit_code(key: bytes, number: str, nonce: str, issued_at: datetime) -> str:
    """What the permit's QR carries (see the module's docstring)."""
    if not _NUMBER.match(number):
        raise ValueError(f"not a permit number: {number!r}")
    return f"{CODE_PREFIX}{number}-{_mac(key, number, nonce, issued_at)}"


def read_permit_code(text: str) -> PermitCodeRead | None:
    """A permit's QR as scanned, or its number as typed (any case, spaces, full-width from a
    Chinese input method); None for anything else (a slip's, a badge's or a work order's code)."""
    compact = "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())
    if _NUMBER.match(compact.upper()):
        return PermitCodeRead(compact.upper())
    keyed = as_keyed(compact)
    if not keyed.startswith(CODE_PREFIX):
        return None
    number, _, mac = keyed[len(CODE_PREFIX) :].partition("-")
    if not _NUMBER.match(number) or len(mac) != CODE_MAC_CHARS or not all(ch in CROCKFORD for ch in mac):
        return None
    return PermitCodeRead(number, mac)


def is_permit_code(text: str) -> bool:
    """Whether a scanned or typed code is a permit's (for the screens that take several kinds)."""
    return read_permit_code(text) is not None


def code_matches(key: bytes, read: PermitCodeRead, nonce: str, issued_at: datetime) -> bool:
    """Whether a scanned QR is this permit's; a typed number (no MAC) always names it."""
    if not read.mac:
        return True
    return hmac.compare_digest(read.mac, _mac(key, read.number, nonce, issued_at))


def _mac(key: bytes, number: str, nonce: str, issued_at: datetime) -> str:
    # The issue time to the second, in UTC: what the database gives back on either engine.
    at = issued_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return mac_chars(key, f"permit:v1:{number}:{nonce}:{at}", CODE_MAC_CHARS)


# --- what the office types ----------------------------------------------------------------------


def validate_dates(valid_from: date, valid_until: date, today: date) -> None:
    """A permit's days: from today or later, not ending before they start, at most
    ``MAX_VALID_DAYS`` long."""
    if valid_from < today:
        raise ValidationError("permit_from", "past", today=today.isoformat())
    if valid_until < valid_from:
        raise ValidationError("permit_until", "before_from")
    if (valid_until - valid_from).days + 1 > MAX_VALID_DAYS:
        raise ValidationError("permit_until", "too_long", max=MAX_VALID_DAYS)


def validate_materials(lines: list[tuple[str, int]]) -> tuple[Material, ...]:
    """The materials of a material permit, by the release slip's rules for its items: at least
    one, each named, 1 to 999 of it."""
    return tuple(Material(name, quantity) for name, quantity in validate_items(lines))


def ends_at(valid_until: date, zone: tzinfo) -> datetime:
    """The instant a permit's last day ends on the site's clock (in UTC): retention counts from it."""
    return datetime.combine(valid_until + timedelta(days=1), time(0, 0), tzinfo=zone).astimezone(UTC)


# --- the check ----------------------------------------------------------------------------------


def outcome_of(status: PermitStatus, valid_from: date, valid_until: date, today: date) -> PermitOutcome:
    """What a permit on the register is on ``today`` (the site's date). Cancelled first: a
    cancelled permit is refused as cancelled whatever its dates."""
    if status is PermitStatus.CANCELLED:
        return PermitOutcome.CANCELLED
    if today < valid_from:
        return PermitOutcome.NOT_YET_VALID
    if today > valid_until:
        return PermitOutcome.EXPIRED
    return PermitOutcome.VALID


def refusal(
    outcome: PermitOutcome, number: str = "", valid_from: date | None = None, valid_until: date | None = None
) -> ValidationError | None:
    """The refusal of a permit checked as ``outcome``, as the error every screen words in its
    user's language (field ``permit``; the dates as the site's ISO dates); None for VALID."""
    if outcome is PermitOutcome.VALID:
        return None
    if outcome is PermitOutcome.UNKNOWN:
        return ValidationError("permit", "unknown")
    params: dict[str, object] = {"number": number}
    if outcome is PermitOutcome.EXPIRED and valid_until is not None:
        params["valid_until"] = valid_until.isoformat()
    if outcome is PermitOutcome.NOT_YET_VALID and valid_from is not None:
        params["valid_from"] = valid_from.isoformat()
    return ValidationError("permit", outcome.value, **params)
