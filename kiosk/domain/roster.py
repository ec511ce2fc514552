"""The lobby assistants' duty roster (《大堂助理值班表》, seed 001: 大堂助理班长负责每月底编制下月
《大堂助理值班表》,报客户服务主管审批).

A month's roster is a grid: one row per lobby assistant, one column per day, each cell the shift
they work that day (早班 / 中班 / 夜班, the site's [roster] shifts) or nothing (休, off). It is
drafted (filled from last month's pattern or its own first week, then edited cell by cell),
submitted, and approved by another supervisor than the one who submitted it. An approved roster
is frozen: a change after that is a swap (换班) of one day's shift to another person, recorded with
the supervisor who agreed and why. The board shows who is on duty now and next; the shift
handover flags an incoming clerk who is not on the roster.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from kiosk.domain.errors import ValidationError

SHIFT_KEY_MAX = 10
SHIFT_NAME_MAX = 30
SHIFTS_MAX = 8
REASON_MAX = 200
# One edit of the grid: a whole month for everyone at most (40 people × 31 days).
CELLS_MAX = 40 * 31
# The roster names the shifts with these words; parsing is strict so a typo in the file is found.
_SHIFT = re.compile(
    r"^\s*(?P<key>\S{1,10})\s+(?P<english>.*?)\s*(?P<starts>\d{1,2}:\d{2})\s*[-–~]\s*(?P<ends>\d{1,2}:\d{2})\s*$"
)


class RosterStatus(enum.Enum):
    DRAFT = "draft"  # 草稿: the shift leader fills it
    SUBMITTED = "submitted"  # 已提交: waiting for the supervisor
    APPROVED = "approved"  # 已审批: frozen; changes are swaps


class FillFrom(enum.Enum):
    """Where a draft's cells are copied from: the last month's pattern (each day takes the day
    [roster] cycle_days before it, so a weekly or 4-day rotation runs on), or the month's own
    first week (days 8 onward repeat days 1-7)."""

    LAST_MONTH = "last_month"
    FIRST_WEEK = "first_week"


@dataclass(frozen=True)
class Shift:
    """One of the desk's shifts: its key (the word on the roster, 早班), its English name, and its
    hours; ``ends`` at or before ``starts`` ends the next day (夜班 23:00-07:00)."""

    key: str
    english: str
    starts: time
    ends: time

    def span(self, day: date, zone: tzinfo) -> tuple[datetime, datetime]:
        """When this shift worked on ``day`` begins and ends, in ``zone``."""
        start = datetime.combine(day, self.starts, tzinfo=zone)
        end_day = day if self.ends > self.starts else day + timedelta(days=1)
        return start, datetime.combine(end_day, self.ends, tzinfo=zone)

    @property
    def hours(self) -> str:
        return f"{self.starts:%H:%M}–{self.ends:%H:%M}"

    def label(self, english: bool = False) -> str:
        """``早班 07:00–15:00`` (or ``Early 07:00–15:00``)."""
        return f"{self.english if english and self.english else self.key} {self.hours}"


DEFAULT_SHIFTS = (
    Shift("早班", "Early", time(7, 0), time(15, 0)),
    Shift("中班", "Middle", time(15, 0), time(23, 0)),
    Shift("夜班", "Night", time(23, 0), time(7, 0)),
)


def parse_shift(text: str) -> Shift:
    """``早班 Early 07:00-15:00`` as a :class:`Shift`: the key, an optional English name, the hours."""
    found = _SHIFT.match(text)
    if found is None:
        raise ValidationError("shift", "format")
    english = found.group("english").strip()
    if len(english) > SHIFT_NAME_MAX:
        raise ValidationError("shift", "too_long", max=SHIFT_NAME_MAX)
    starts, ends = (_clock(found.group(name)) for name in ("starts", "ends"))
    if starts == ends:
        raise ValidationError("shift", "empty")
    return Shift(found.group("key"), english, starts, ends)


def _clock(text: str) -> time:
    hours, minutes = (int(part) for part in text.split(":"))
    if hours > 23 or minutes > 59:
        raise ValidationError("shift", "format")
    return time(hours, minutes)


def shifts_setting(value: object) -> tuple[Shift, ...]:
    """[roster] shifts as the configuration file has them: a list of ``"早班 Early 07:00-15:00"``."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError('must be a list of texts such as ["早班 Early 07:00-15:00"]')
    try:
        return checked_shifts([parse_shift(item) for item in value])
    except ValidationError as error:
        raise ValueError(
            f"{error.field} {error.code}: each shift is its word, an English name and its hours, "
            'such as "早班 Early 07:00-15:00", each word once, at most 8 shifts'
        ) from None


def shift_text(shift: Shift) -> str:
    """The configuration's words for ``shift`` (what :func:`parse_shift` reads back)."""
    middle = f" {shift.english}" if shift.english else ""
    return f"{shift.key}{middle} {shift.starts:%H:%M}-{shift.ends:%H:%M}"


def checked_shifts(shifts: Sequence[Shift]) -> tuple[Shift, ...]:
    """A site's shifts: one to :data:`SHIFTS_MAX`, each key once."""
    if not shifts or len(shifts) > SHIFTS_MAX:
        raise ValidationError("shifts", "count", max=SHIFTS_MAX)
    if len({s.key for s in shifts}) != len(shifts):
        raise ValidationError("shifts", "duplicate")
    return tuple(shifts)


@dataclass(frozen=True)
class RosterSettings:
    """[roster] in the configuration. ``cycle_days``: how far back "last month's pattern" copies
    from (28 carries both a weekly and a 4-day 早中夜休 rotation on); ``min_per_shift``: people each
    shift needs before the roster can be submitted; ``early_minutes``: how long before their
    shift an incoming clerk counts as on the roster at a handover."""

    shifts: tuple[Shift, ...] = DEFAULT_SHIFTS
    cycle_days: int = 28
    min_per_shift: int = 1
    early_minutes: int = 60


# --- the grid --------------------------------------------------------------------------------------

Assignments = Mapping[date, Mapping[int, str]]  # day -> staff id -> shift key


def pattern_fill(
    source: Assignments, days: Sequence[date], cycle: int, keep: Iterable[date] = ()
) -> dict[date, dict[int, str]]:
    """Each day of ``days`` (in order) takes the cells of the day ``cycle`` days before it, from
    ``source`` or from a day already filled here; the days in ``keep`` keep their ``source`` cells
    (the first week a pattern repeats). A day with nothing to copy is left empty."""
    if cycle < 1:
        raise ValidationError("cycle", "not_positive")
    kept = set(keep)
    made: dict[date, dict[int, str]] = {}
    for day in days:
        if day in kept:
            made[day] = dict(source.get(day, {}))
            continue
        before = day - timedelta(days=cycle)
        made[day] = dict(made[before] if before in made else source.get(before, {}))
    return made


def clashes(shifts: Mapping[str, Shift], cells: Mapping[date, str], zone: tzinfo) -> list[date]:
    """The days whose shift overlaps the next day's for one person (``cells``: day -> shift key),
    as worked: a 夜班 to 07:00 then a 早班 from 07:00 is allowed, a 夜班 then a shift from 06:00 not."""
    found = []
    for day, key in sorted(cells.items()):
        following = cells.get(day + timedelta(days=1))
        if following is None or key not in shifts or following not in shifts:
            continue
        _start, end = shifts[key].span(day, zone)
        next_start, _end = shifts[following].span(day + timedelta(days=1), zone)
        if next_start < end:
            found.append(day)
    return found


def uncovered(
    shifts: Sequence[Shift], cells: Mapping[date, Mapping[int, str]], days: Sequence[date], needed: int
) -> list[tuple[date, str]]:
    """(day, shift) pairs with fewer than ``needed`` people, in order."""
    gaps: list[tuple[date, str]] = []
    for day in days:
        on = list(cells.get(day, {}).values())
        gaps.extend((day, s.key) for s in shifts if on.count(s.key) < needed)
    return gaps


# --- what the desk and the server exchange ----------------------------------------------------------


@dataclass(frozen=True)
class RosterPerson:
    """A member of staff the roster may name (the lobby assistants and their shift leaders)."""

    staff_id: int
    name: str
    role: str
    active: bool = True


@dataclass(frozen=True)
class RosterCell:
    """Who works which shift on a day, as it stands (a swap applied); ``planned_name``: who the
    approved roster named, when a swap gave the day to someone else."""

    day: date
    staff_id: int
    name: str
    shift: str
    planned_name: str = ""


@dataclass(frozen=True)
class CellChange:
    """One cell of the grid as the drafter sets it: ``shift`` "" clears it (off that day)."""

    day: date
    staff_id: int
    shift: str


@dataclass(frozen=True)
class RosterSwapView:
    swap_id: int
    day: date
    shift: str
    from_name: str
    to_name: str
    reason: str
    agreed_by_name: str
    recorded_by_name: str
    recorded_at: datetime


@dataclass(frozen=True)
class RosterView:
    """A month's roster: its state, its shifts (frozen with it once approved), the people it may
    name, the cells as they stand, the swaps since approval. ``roster_id`` None: nothing drafted."""

    month: str
    roster_id: int | None
    status: RosterStatus | None
    shifts: list[Shift]
    people: list[RosterPerson]
    cells: list[RosterCell]
    drafted_by_name: str = ""
    changed_at: datetime | None = None
    submitted_by_name: str = ""
    submitted_at: datetime | None = None
    approved_by_name: str = ""
    approved_at: datetime | None = None
    returned_reason: str = ""
    swaps: list[RosterSwapView] = field(default_factory=list)

    def cell(self, day: date, staff_id: int) -> RosterCell | None:
        for cell in self.cells:
            if cell.day == day and cell.staff_id == staff_id:
                return cell
        return None


@dataclass(frozen=True)
class OnDuty:
    """One shift as worked: its hours and who works it, by the approved roster."""

    shift: Shift
    starts: datetime
    ends: datetime
    names: list[str]


@dataclass(frozen=True)
class DutyOnBoard:
    """The board's line: the shifts under way now and the next one; ``approved``: whether an
    approved roster covers today (otherwise the board says there is none)."""

    now: list[OnDuty] = field(default_factory=list)
    next: OnDuty | None = None
    approved: bool = False
    # Whether this site keeps a roster at all (one was ever approved): a site that does not is
    # not told every day that it has none.
    in_use: bool = False


def on_duty(
    rosters: Mapping[date, tuple[Sequence[Shift], Mapping[str, Sequence[str]]]], now: datetime, zone: tzinfo
) -> DutyOnBoard:
    """From the approved cells around today (day -> (that roster's shifts, shift key -> names)):
    the shifts under way at ``now`` and the next to begin after it."""
    today = now.astimezone(zone).date()
    current: list[OnDuty] = []
    upcoming: list[OnDuty] = []
    for day in (today - timedelta(days=1), today, today + timedelta(days=1)):
        if day not in rosters:
            continue
        shifts, names = rosters[day]
        for shift in shifts:
            starts, ends = shift.span(day, zone)
            duty = OnDuty(shift, starts, ends, list(names.get(shift.key, ())))
            if starts <= now < ends:
                current.append(duty)
            elif starts > now:
                upcoming.append(duty)
    current.sort(key=lambda d: d.starts)
    upcoming.sort(key=lambda d: d.starts)
    return DutyOnBoard(current, upcoming[0] if upcoming else None, today in rosters)
