"""China's working days: the State Council's holidays and make-up working days (调休), and the
site's own changes to them.

Every autumn the General Office of the State Council publishes next year's holidays (国务院办公厅
关于某年部分节假日安排的通知), moving weekdays off and weekends on: in 2026 National Day is
1-7 October and Sunday 20 September and Saturday 10 October are working days. The official days
come from the ``chinese-calendar`` package, a table released the day each year's notice is out;
for a year it does not have yet it says so (``None`` here) and the site falls back on Monday to
Friday until the package is updated or the supervisor enters that year's days as overrides. A
site's override (a closure for a typhoon, a make-up day the library got wrong) wins over both.

Decided: ``chinese-calendar`` rather than ``holidays``: both agree on every day of 2026 and
neither has 2027 yet, but ``holidays`` answers for 2027 with days estimated from the statutory
rules and no make-up working days, marked as nothing in particular, where the desk needs "not
known yet"; and it is a 1.7 MB wheel with a dependency, against 11 kB with none.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol

import chinese_calendar

from kiosk.domain.errors import ValidationError
from kiosk.domain.text import sanitize_text

OVERRIDE_NOTE_MAX_CHARS = 60
# A break longer than this between two working days is no calendar anyone keeps (the longest
# official one, the Spring Festival of 2020 extended for the epidemic, was 10 days).
MAX_BREAK_DAYS = 60


class DayKind(enum.Enum):
    """What an override makes a day, whatever the official calendar says."""

    HOLIDAY = "holiday"  # 放假: a closure, or a holiday the library lacks
    WORKDAY = "workday"  # 上班: a make-up working day (调休上班)


class WorkingDays(Protocol):
    def is_working_day(self, day: date) -> bool: ...


class _MondayToFriday:
    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5


# The plain week, for rules that hold on any calendar and for tests of them.
MONDAY_TO_FRIDAY: WorkingDays = _MondayToFriday()


@dataclass(frozen=True)
class OfficialDay:
    """A day the official calendar makes different from a plain week: a weekday off or a
    weekend day on. ``name`` is the holiday's, in English and Chinese."""

    day: date
    working: bool
    name_en: str
    name_zh: str


def official_working_day(day: date) -> bool | None:
    """The State Council's word on ``day``; None for a year the package has no notice for."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return None


# The package's short forms, as the notice names the festivals.
_FULL_NAMES = {"清明": "清明节", "端午": "端午节", "中秋": "中秋节"}


def official_year(year: int) -> tuple[OfficialDay, ...] | None:
    """The year's weekdays off and weekend days on, in date order; None when not known."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    if official_working_day(first) is None:
        return None
    names = {
        holiday.value: _FULL_NAMES.get(holiday.chinese, holiday.chinese)
        for holiday in chinese_calendar.Holiday
    }
    days = []
    day = first
    while day <= last:
        working = official_working_day(day)
        if working is not None and working != (day.weekday() < 5):
            _off, name = chinese_calendar.get_holiday_detail(day)
            english = str(name or "")
            days.append(OfficialDay(day, working, english, str(names.get(english, english))))
        day += timedelta(days=1)
    return tuple(days)


@dataclass(frozen=True)
class SiteCalendar:
    """The official calendar with the site's overrides; Monday to Friday for an unknown year."""

    overrides: Mapping[date, DayKind] = field(default_factory=dict)

    def is_working_day(self, day: date) -> bool:
        kind = self.overrides.get(day)
        if kind is not None:
            return kind is DayKind.WORKDAY
        official = official_working_day(day)
        return MONDAY_TO_FRIDAY.is_working_day(day) if official is None else official

    def known(self, day: date) -> bool:
        """Whether ``day``'s status rests on the official calendar or the site's word, not a guess."""
        return day in self.overrides or official_working_day(day) is not None


def previous_working_day(day: date, calendar: WorkingDays) -> date:
    """The last working day before ``day``."""
    for back in range(1, MAX_BREAK_DAYS + 1):
        candidate = day - timedelta(days=back)
        if calendar.is_working_day(candidate):
            return candidate
    raise ValidationError("calendar", "no_working_day", days=MAX_BREAK_DAYS)


def next_working_day(day: date, calendar: WorkingDays) -> date:
    """The first working day after ``day``: the one whose reconciliation covers ``day``."""
    for ahead in range(1, MAX_BREAK_DAYS + 1):
        candidate = day + timedelta(days=ahead)
        if calendar.is_working_day(candidate):
            return candidate
    raise ValidationError("calendar", "no_working_day", days=MAX_BREAK_DAYS)


def clean_override_note(note: str) -> str:
    """What the override is for (国庆节调休, 台风停工): required, one line, at most 60 characters."""
    clean = sanitize_text(note)
    if not clean:
        raise ValidationError("note", "required")
    if len(clean) > OVERRIDE_NOTE_MAX_CHARS:
        raise ValidationError("note", "too_long", max=OVERRIDE_NOTE_MAX_CHARS)
    return clean


# --- what the console shows -----------------------------------------------------------------------


@dataclass(frozen=True)
class OverrideView:
    """One of the site's overrides, standing or cancelled (with who and why)."""

    override_id: int
    day: date
    kind: DayKind
    note: str
    added_at: datetime
    added_by: str
    cancelled_at: datetime | None = None
    cancelled_by: str = ""
    cancel_reason: str = ""


@dataclass(frozen=True)
class CalendarYear:
    """A year as the desk sees it: the official calendar's exceptions to the plain week (empty
    and ``known`` False for a year it has no notice for yet) and the site's overrides."""

    year: int
    known: bool
    official: tuple[OfficialDay, ...]
    overrides: tuple[OverrideView, ...]
