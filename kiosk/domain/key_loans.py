"""Key loans (钥匙借用): the register of the keys and access cards the desk keeps (seed 003 §3.2:
会议室钥匙、门禁卡; seed 000: keys handed over face to face at shift change), and their loans.

A set (one label on one hook: "301 会议室", three keys) is lent to a named person against their ID
(its type and last four characters only, never the number) or a staff number, due back at a
time; it comes back, perhaps short, to whoever is signed in at the desk. The keys the desk should
hold are the register's keys less those out on loan: the shift handover counts against that.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

from kiosk.domain.errors import ValidationError
from kiosk.domain.identity import ID_TYPES
from kiosk.domain.repairs import validate_phone
from kiosk.domain.text import optional_text, required_text
from kiosk.domain.visitor import validate_visitor_name
from kiosk.domain.visitor_log import parse_last_four

LABEL_MAX = 40
OPENS_MAX = 120
KEPT_AT_MAX = 60
REASON_MAX = 200
NOTE_MAX = 200
COMPANY_MAX = 80
STAFF_NUMBER_MAX = 20
# More keys on one ring than any desk keeps: a typing slip, not a set.
KEYS_MAX = 50
# A loan longer than this is a handover of the key, not a loan (and a typo in the date).
LOAN_MAX = timedelta(days=31)
SEARCH_MAX = 60

# 工号: letters, digits and the dashes companies put in them.
_STAFF_NUMBER = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")


class KeyKind(enum.Enum):
    """What a set in the register is: keys on a ring, or access cards (门禁卡) kept at the desk."""

    KEY = "key"  # 钥匙
    ACCESS_CARD = "access_card"  # 门禁卡


class LoanState(enum.Enum):
    """A loan on the board: out, due within the warning time (amber), past due (red)."""

    OUT = "out"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class KeyLoanSettings:
    """[keys] in the configuration. ``due_hours`` 0: a loan is due back at ``day_ends_at`` (the
    desk's day, 总服务台 8:30-17:30 in seed 003), the next day's if lent after it; otherwise
    ``due_hours`` after it was lent. ``amber_minutes``: the board warns this long before."""

    due_hours: int = 0
    day_ends_at: time = time(17, 30)
    amber_minutes: int = 30


def default_due(lent_at: datetime, zone: tzinfo, settings: KeyLoanSettings) -> datetime:
    """When a loan made at ``lent_at`` is due back unless the clerk says otherwise."""
    if settings.due_hours:
        return lent_at + timedelta(hours=settings.due_hours)
    local = lent_at.astimezone(zone)
    end = datetime.combine(local.date(), settings.day_ends_at, tzinfo=zone)
    if end <= local:
        end = datetime.combine(local.date() + timedelta(days=1), settings.day_ends_at, tzinfo=zone)
    return end.astimezone(lent_at.tzinfo)


def loan_state(due_at: datetime, now: datetime, amber: timedelta) -> LoanState:
    if now >= due_at:
        return LoanState.OVERDUE
    return LoanState.DUE_SOON if now >= due_at - amber else LoanState.OUT


def checked_due(due_at: datetime, now: datetime) -> datetime:
    """A due time the clerk chose: aware, after now, within :data:`LOAN_MAX`."""
    if due_at.tzinfo is None:
        raise ValidationError("due_at", "no_time_zone")
    if due_at <= now:
        raise ValidationError("due_at", "past")
    if due_at - now > LOAN_MAX:
        raise ValidationError("due_at", "too_far", days=LOAN_MAX.days)
    return due_at


def checked_keys(count: int, field: str = "keys") -> int:
    """A number of keys: at least one, at most :data:`KEYS_MAX`."""
    if count < 1:
        raise ValidationError(field, "not_positive")
    if count > KEYS_MAX:
        raise ValidationError(field, "too_many", max=KEYS_MAX)
    return count


@dataclass(frozen=True)
class SetDraft:
    """A set as the supervisor enters it in the register."""

    label: str  # what is on the tag: "301", "B2 机房"
    opens: str  # the room or door it opens
    key_count: int
    kept_at: str = ""  # the hook or cabinet: "钥匙柜 A-03"
    kind: KeyKind = KeyKind.KEY

    def checked(self) -> SetDraft:
        return SetDraft(
            required_text(self.label, "label", LABEL_MAX),
            required_text(self.opens, "opens", OPENS_MAX),
            checked_keys(self.key_count, "key_count"),
            optional_text(self.kept_at, "kept_at", KEPT_AT_MAX),
            self.kind,
        )


@dataclass(frozen=True)
class Borrower:
    """Who takes the keys: a name, and an ID's type and last four or a staff number (工号), or both.
    The full ID number is never asked for: the clerk looks at the card and types its last four."""

    name: str
    company: str = ""  # the unit, company or department
    phone: str = ""
    id_type: str = ""
    id_last_four: str = ""
    staff_number: str = ""

    def checked(self) -> Borrower:
        try:
            name = validate_visitor_name(self.name)
        except ValidationError as error:
            raise ValidationError("borrower", error.code, **error.params) from None
        staff_number = parse_staff_number(self.staff_number)
        last_four = parse_last_four(self.id_last_four)
        id_type = self.id_type.strip()
        if last_four and id_type not in ID_TYPES:
            raise ValidationError("id_type", "unknown")
        if not last_four and not staff_number:
            raise ValidationError("identity", "required")
        return Borrower(
            name,
            optional_text(self.company, "company", COMPANY_MAX),
            validate_phone(self.phone) if self.phone.strip() else "",
            id_type if last_four else "",
            last_four,
            staff_number,
        )


def parse_staff_number(raw: str) -> str:
    """A staff number (工号) as typed: upper case, spaces dropped; empty allowed."""
    text = re.sub(r"[\s\u3000]", "", raw).upper()
    if not text:
        return ""
    if len(text) > STAFF_NUMBER_MAX:
        raise ValidationError("staff_number", "too_long", max=STAFF_NUMBER_MAX)
    if not _STAFF_NUMBER.match(text):
        raise ValidationError("staff_number", "characters")
    return text


def identity_text(id_type: str, last_four: str, staff_number: str) -> str:
    """How the borrower's proof reads on the desk's lists: ``resident_id …002X`` / ``工号 E1023``."""
    parts = []
    if last_four:
        parts.append(f"{id_type} …{last_four}")
    if staff_number:
        parts.append(f"#{staff_number}")
    return " · ".join(parts)


# --- what the desk and the server exchange -------------------------------------------------------


@dataclass(frozen=True)
class KeySetView:
    """A set in the register, with how many of its keys are at the desk now."""

    set_id: int
    label: str
    opens: str
    kind: KeyKind
    key_count: int
    kept_at: str
    out: int  # keys out on open loans
    added_at: datetime
    retired_at: datetime | None = None
    retired_reason: str = ""

    @property
    def at_desk(self) -> int:
        return max(0, self.key_count - self.out)


@dataclass(frozen=True)
class KeyReturnView:
    """One return of keys (or a write-off of lost ones) on a loan."""

    at: datetime
    keys: int
    received_by_name: str
    lost: bool = False
    note: str = ""


@dataclass(frozen=True)
class KeyLoanView:
    """A loan: the set, the borrower (ID type and last four only), when due, what came back."""

    loan_id: int
    set_id: int
    set_label: str
    opens: str
    kind: KeyKind
    keys_lent: int
    borrower: str
    company: str
    phone: str
    id_type: str
    id_last_four: str
    staff_number: str
    note: str
    lent_at: datetime
    lent_by_name: str
    due_at: datetime
    keys_back: int
    keys_lost: int
    closed_at: datetime | None
    returns: tuple[KeyReturnView, ...] = ()

    @property
    def outstanding(self) -> int:
        return self.keys_lent - self.keys_back - self.keys_lost

    @property
    def open(self) -> bool:
        return self.closed_at is None

    def state(self, now: datetime, amber: timedelta) -> LoanState:
        return loan_state(self.due_at, now, amber)


@dataclass(frozen=True)
class KeyLoanOnBoard:
    """An open loan on the lobby board: which set, who has it, when due. No ID digits or phone
    (guards read the board); the desk's page has the rest."""

    loan_id: int
    set_label: str
    opens: str
    kind: KeyKind
    keys_out: int
    borrower: str
    company: str
    due_at: datetime
    amber_from: datetime

    def state(self, now: datetime) -> LoanState:
        return loan_state(self.due_at, now, self.due_at - self.amber_from)


@dataclass(frozen=True)
class KeysAtDesk:
    """What the desk should hold: the register's keys (sets in use) less those out on loan."""

    registered: int = 0
    out: int = 0
    sets: int = 0

    @property
    def expected(self) -> int:
        return max(0, self.registered - self.out)


@dataclass(frozen=True)
class KeysOverview:
    """What the desk's page shows at once: the register, the open loans, what should be at the
    desk, and the due time a new loan starts from."""

    sets: list[KeySetView]
    loans: list[KeyLoanView]
    at_desk: KeysAtDesk
    default_due: datetime
    amber_minutes: int
