"""IDC machine-room visitor passes (IDC机房访客证): pass numbers and the weekday reconciliation rules.

Seed 003 第十一条/第十二条: passes are signed out at the front desk by a company staff member, the
desk records their numbers and count, and every weekday at 09:00 the desk and the machine-room
duty guard reconcile the previous day's passes and both sign. Monday covers Friday to Sunday;
working days follow China's official calendar (kiosk.domain.work_calendar).
"""

from __future__ import annotations

import enum
import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from kiosk.domain.errors import ValidationError
from kiosk.domain.work_calendar import MONDAY_TO_FRIDAY, WorkingDays, previous_working_day

PASS_NUMBER_MAX_CHARS = 20
# One range may name at most this many passes: a typo like P1-P10000 must not flood the pool.
RANGE_MAX = 500
RECONCILIATION_TIME = time(9, 0)
NOTE_MAX_CHARS = 200

# Pass numbers are letters and digits (P001, A12); "-" and "~" are kept for ranges.
_NUMBER = re.compile(r"^[A-Z0-9]+$")
_SEPARATORS = re.compile(r"[\s,，、;；]+")
_RANGE = re.compile(r"^([A-Z0-9]+)\s*[-~～至]\s*([A-Z0-9]+)$")
_PREFIX_DIGITS = re.compile(r"^([A-Z]*)(\d+)$", re.ASCII)


class PassStatus(enum.Enum):
    IN = "in"  # in the desk's drawer, can be signed out
    OUT = "out"  # signed out, not yet returned
    RETIRED = "retired"  # lost or damaged, taken out of the pool


class DiscrepancyKind(enum.Enum):
    NOT_RETURNED = "not_returned"  # 未收回
    NOT_RECORDED_OUT = "not_recorded_out"  # 收回但无发出记录
    COUNT_MISMATCH = "count_mismatch"  # 数量不符 (the duty guard's count)


class ReconciliationDue(enum.Enum):
    NOT_TODAY = "not_today"  # not a working day (weekend, holiday): nothing to reconcile
    # A weekday whose period saw no pass go out or come back (a new site, a quiet day): no sheet
    # is owed, so nothing is due or overdue. It can still be signed.
    NOTHING = "nothing"
    UPCOMING = "upcoming"  # a weekday before 09:00
    DUE = "due"  # 09:00 has passed and the sheet is not signed by both
    DONE = "done"  # both signed


@dataclass(frozen=True)
class MissedSheet:
    """A past working day whose sheet was owed and is not signed by both: it can still be signed,
    late, with the reason."""

    due_on: date
    period_start: date
    period_end: date
    desk_signed: bool = False
    guard_signed: bool = False


def normalise_pass_number(raw: str) -> str:
    """``p001 `` -> ``P001``; raises ValidationError("pass_number", ...) saying what is wrong."""
    number = raw.strip().upper()
    if not number:
        raise ValidationError("pass_number", "required")
    if len(number) > PASS_NUMBER_MAX_CHARS:
        raise ValidationError("pass_number", "too_long", max=PASS_NUMBER_MAX_CHARS)
    if not _NUMBER.match(number):
        raise ValidationError("pass_number", "invalid", number=raw.strip())
    return number


def parse_pass_numbers(text: str) -> tuple[str, ...]:
    """Numbers as the desk types them: ``P001-P010, P015`` (commas, 、 or spaces between; ranges
    with - or ~ keep the prefix and the digits' width). Each number once, in the order typed."""
    numbers: list[str] = []
    for part in _split(text.upper()):
        found = _RANGE.match(part)
        numbers.extend(_expand(found.group(1), found.group(2)) if found else [normalise_pass_number(part)])
    if not numbers:
        raise ValidationError("pass_number", "required")
    return tuple(dict.fromkeys(numbers))


def _split(text: str) -> list[str]:
    # Join "P001 - P010" back into one range before splitting on spaces.
    text = re.sub(r"\s*([-~～至])\s*", r"\1", text.strip())
    return [part for part in _SEPARATORS.split(text) if part]


def _expand(first: str, last: str) -> list[str]:
    a, b = _PREFIX_DIGITS.match(first), _PREFIX_DIGITS.match(last)
    if a is None or b is None or a.group(1) != b.group(1):
        raise ValidationError("pass_number", "bad_range", range=f"{first}-{last}")
    start, end = int(a.group(2)), int(b.group(2))
    if end < start:
        raise ValidationError("pass_number", "bad_range", range=f"{first}-{last}")
    if end - start + 1 > RANGE_MAX:
        raise ValidationError("pass_number", "range_too_long", max=RANGE_MAX)
    width = len(a.group(2))
    return [normalise_pass_number(f"{a.group(1)}{n:0{width}d}") for n in range(start, end + 1)]


def is_reconciliation_day(day: date, calendar: WorkingDays = MONDAY_TO_FRIDAY) -> bool:
    """A working day of ``calendar`` (the service passes the site's: official holidays off,
    make-up working days on, kiosk.domain.work_calendar)."""
    return calendar.is_working_day(day)


def reconciliation_period(due_on: date, calendar: WorkingDays = MONDAY_TO_FRIDAY) -> tuple[date, date]:
    """The days (first, last, inclusive) the 09:00 reconciliation of ``due_on`` covers: from the
    last working day before it to the day before it.

    In a plain week Tuesday to Friday cover the day before, Monday Friday to Sunday; the first
    working day after a holiday covers the whole holiday and the working day before it.
    """
    if not is_reconciliation_day(due_on, calendar):
        raise ValidationError("reconciliation", "not_a_working_day")
    return previous_working_day(due_on, calendar), due_on - timedelta(days=1)


# A discrepancy's detail column holds at most this many characters: each field is cut to fit.
DETAIL_MAX_CHARS = 200
_DETAIL_FIELD_MAX = 60


@dataclass(frozen=True)
class DiscrepancyDetail:
    """What the reconciliation found about one discrepancy, as data: each reader (the console, the
    supervisor's mail) puts it in their own language. Stored as JSON in the discrepancy's row.

    ``text`` is a row stored before details were data ("张三 (signed by 王芳)"): shown as it is.
    """

    visitor: str = ""  # not returned: who has the pass
    signed_by: str = ""  # not returned: the staff member who signed it out, by name
    returned_at: datetime | None = None  # returned, never signed out: when (UTC)
    received_by: str = ""  # ... and who took it back: an actor label (staff:wangfang)
    issued: int | None = None  # count does not match: passes issued
    counted: int | None = None  # ... and what the guard counted
    text: str = ""

    def stored(self) -> str:
        """As JSON within the column's width: names are cut shorter until it fits (never the JSON)."""
        for limit in (_DETAIL_FIELD_MAX, 20, 0):
            data: dict[str, object] = {
                "visitor": self.visitor[:limit],
                "signed_by": self.signed_by[:limit],
                "returned_at": self.returned_at.isoformat() if self.returned_at is not None else "",
                "received_by": self.received_by[:limit],
                "issued": self.issued,
                "counted": self.counted,
                "text": self.text[:limit],
            }
            kept = {key: value for key, value in data.items() if value not in ("", None)}
            stored = json.dumps(kept, ensure_ascii=False, separators=(",", ":"))
            if len(stored) <= DETAIL_MAX_CHARS:
                break
        return stored

    @classmethod
    def from_stored(cls, stored: str) -> DiscrepancyDetail:
        """A stored detail back as data; anything that is not our JSON is an older row's text."""
        try:
            data = json.loads(stored) if stored.startswith("{") else None
        except ValueError:
            data = None
        if not isinstance(data, dict):
            return cls(text=stored)
        try:
            returned = data.get("returned_at")
            at = datetime.fromisoformat(returned) if isinstance(returned, str) else None
            return cls(
                visitor=str(data.get("visitor", "")),
                signed_by=str(data.get("signed_by", "")),
                returned_at=at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at,
                received_by=str(data.get("received_by", "")),
                issued=_count(data.get("issued")),
                counted=_count(data.get("counted")),
                text=str(data.get("text", "")),
            )
        except ValueError:
            return cls(text=stored)


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
