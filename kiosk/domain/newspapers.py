"""Newspapers and magazines (报刊), seed 004 §报刊函件管理程序 2): the units' subscriptions, each
day's delivery counted against them, and a delivery short or late raised with the post office.

A subscription is one unit's order of one title: how many copies an issue, which days it comes
(a daily on the weekdays it is published, a weekly on its day, a monthly on its day or days of the
month) and from when to when. The desk counts each title's bundle as it comes (清点登记) against
what is expected that day, the sum of every unit's copies, then puts them in the mailboxes by the
orders (派发). A bundle short of copies, or not come by ``expected_by``, is a shortfall: raised with
the post office or the paper (交涉, who was spoken to, when, by whom) and followed until it is made
good; one still open ``escalate_after_hours`` after it was noticed goes to the shift leader (领班),
once, by the server's round.

Decided: a title is matched by its key (full-width folded, spaces dropped, case folded), so 人民 日报
and 人民日报 are one bundle; one open shortfall per title and day at most (a recount changes it).
"""

from __future__ import annotations

import calendar
import enum
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time

from kiosk.domain.codes import compact_code
from kiosk.domain.errors import ValidationError
from kiosk.domain.text import sanitize_text

NUMBER_PREFIX = "BK"  # 报刊
_NUMBER = re.compile(r"^BK[0-9]{6,12}$", re.ASCII)
TITLE_MAX = 60
SUPPLIER_MAX = 40
CONTACT_MAX = 40
NOTE_MAX = 200
COPIES_MAX = 200  # one unit's copies of an issue
BUNDLE_MAX = 5000  # one title's bundle on one day
MONTH_DAYS_MAX = 4  # a monthly's days of the month (半月刊: two)
ALL_WEEK = 0b1111111
# What the desk writes when a title came short or late and nobody was spoken to yet.
POST_OFFICE = "邮局"


class Frequency(enum.Enum):
    """What the publication is, as the desk calls it; the days it comes are the schedule's."""

    DAILY = "daily"  # 日报: on the weekdays it is published
    WEEKLY = "weekly"  # 周报 / 周刊: on its weekday (or days)
    MONTHLY = "monthly"  # 月刊 / 半月刊: on its day(s) of the month


class ShortfallStatus(enum.Enum):
    OPEN = "open"
    RESOLVED = "resolved"  # made good, or settled with the post office: with how


class ShortfallStepKind(enum.Enum):
    NOTICED = "noticed"  # counted short, or reported not come by the expected time
    COUNTED = "counted"  # counted (again) while open: the copies missing changed
    CONTACTED = "contacted"  # raised with the post office or the paper (交涉)
    ESCALATED = "escalated"  # open too long: the shift leader was alerted (the server's round)
    RESOLVED = "resolved"


class ContactMethod(enum.Enum):
    PHONE = "phone"
    IN_PERSON = "in_person"
    LETTER = "letter"  # 出函投诉: the shift leader's letter of complaint


@dataclass(frozen=True)
class NewspaperSettings:
    """The site's [newspapers] section: when the day's papers should have come (after it, one not
    yet counted shows late on the board), and how long a shortfall may stay open before the shift
    leader is alerted."""

    expected_by: time = time(9, 30)
    escalate_after_hours: int = 24


# --- what a clerk types ---------------------------------------------------------------------------


def clean_title(raw: str) -> str:
    text = sanitize_text(raw)
    if not text:
        raise ValidationError("title", "required")
    if len(text) > TITLE_MAX:
        raise ValidationError("title", "too_long", max=TITLE_MAX)
    return text


def title_key(title: str) -> str:
    """What makes two titles one bundle: full-width folded, no spaces, case folded."""
    folded = unicodedata.normalize("NFKC", sanitize_text(title))
    return "".join(folded.split()).casefold()


def validate_copies(value: int, field: str = "copies", high: int = COPIES_MAX, low: int = 1) -> int:
    if not low <= value <= high:
        raise ValidationError(field, "range", min=low, max=high)
    return value


_MONTH_DAY_SEPARATORS = re.compile(r"[\s,，、;；/]+")


def parse_month_days(raw: str) -> tuple[int, ...]:
    """A monthly's days of the month as typed: ``5``, ``1,16``, ``1、16`` (full-width digits fold);
    sorted, each once, 1 to 31, at most four. ``month_days`` refused with what to fix."""
    text = unicodedata.normalize("NFKC", sanitize_text(raw)).strip(" ,;/")
    if not text:
        raise ValidationError("month_days", "required")
    days: set[int] = set()
    for part in _MONTH_DAY_SEPARATORS.split(text):
        if not part.isascii() or not part.isdigit() or not 1 <= int(part) <= 31:
            raise ValidationError("month_days", "format")
        days.add(int(part))
    if len(days) > MONTH_DAYS_MAX:
        raise ValidationError("month_days", "too_many", max=MONTH_DAYS_MAX)
    return tuple(sorted(days))


def month_days_text(days: tuple[int, ...]) -> str:
    return ",".join(str(day) for day in days)


def validate_schedule(frequency: Frequency, weekdays: int, month_days: tuple[int, ...]) -> None:
    """A daily or weekly comes on at least one weekday (``weekdays``: bit 0 Monday ... bit 6
    Sunday); a monthly on its days of the month, and on no weekday."""
    if frequency is Frequency.MONTHLY:
        if not month_days:
            raise ValidationError("month_days", "required")
        if weekdays:
            raise ValidationError("weekdays", "not_monthly")
        return
    if not 0 < weekdays <= ALL_WEEK:
        raise ValidationError("weekdays", "required")
    if month_days:
        raise ValidationError("month_days", "not_monthly")


def delivers_on(frequency: Frequency, weekdays: int, month_days: tuple[int, ...], day: date) -> bool:
    """Whether an issue comes on ``day``. A monthly's day past the month's end (the 31st in
    November) comes on its last day."""
    if frequency is not Frequency.MONTHLY:
        return bool(weekdays >> day.weekday() & 1)
    last = calendar.monthrange(day.year, day.month)[1]
    return day.day in month_days or (day.day == last and any(d > last for d in month_days))


def validate_period(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise ValidationError("ends_on", "before_start")


def shortfall_number(value: int) -> str:
    return f"{NUMBER_PREFIX}{value:06d}"


def read_shortfall_number(text: str) -> str | None:
    """``BK000001`` as typed (any case, full-width, spaces); None for anything else."""
    compact = compact_code(text)
    return compact if _NUMBER.match(compact) else None


_DATE = re.compile(r"^(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?$", re.ASCII)


def read_day(text: str, today: date) -> date | None:
    """A day as a clerk types it: ``2026-11-25``, ``2026/11/25``, ``11-25``, ``11月25日`` (this
    year); None when it is not a date."""
    found = _DATE.match("".join(unicodedata.normalize("NFKC", text).split()))
    if found is None:
        return None
    year = int(found.group(1)) if found.group(1) else today.year
    try:
        return date(year, int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None


# --- what the desk and the board are shown ----------------------------------------------------------


@dataclass(frozen=True)
class SubscriptionRow:
    """One unit's order of one title."""

    subscription_id: int
    unit: str
    title: str
    frequency: Frequency
    weekdays: int
    month_days: tuple[int, ...]
    copies: int
    starts_on: date
    ends_on: date
    supplier: str  # who delivers it: "" the post office (邮局), or the paper itself
    created_at: datetime
    created_by_name: str
    stopped_on: date | None = None  # stopped before its end: the last day it came
    stop_reason: str = ""

    @property
    def last_day(self) -> date:
        return self.stopped_on if self.stopped_on is not None else self.ends_on


@dataclass(frozen=True)
class UnitCopies:
    unit: str
    copies: int


@dataclass(frozen=True)
class TitleOfDay:
    """One title's bundle on one day: expected (every unit's copies), received once counted, the
    units it goes to, and its open shortfall if any."""

    title_key: str
    title: str
    expected: int
    units: tuple[UnitCopies, ...]
    received: int | None = None
    arrived_late: bool = False
    counted_at: datetime | None = None
    counted_by_name: str = ""
    note: str = ""
    # The day's newest shortfall of the title (an open one first).
    shortfall_id: int | None = None
    shortfall_number: str = ""
    shortfall_open: bool = False

    @property
    def missing(self) -> int:
        return max(0, self.expected - self.received) if self.received is not None else self.expected


@dataclass(frozen=True)
class DeliveryDay:
    """A day's bundles, by title; ``late_after``: when the day's papers should have come."""

    day: date
    late_after: datetime
    titles: list[TitleOfDay]


@dataclass(frozen=True)
class ShortfallStepView:
    kind: ShortfallStepKind
    at: datetime
    actor_name: str
    contact_name: str = ""
    method: ContactMethod | None = None
    note: str = ""
    copies: int | None = None  # COUNTED: copies missing after it; RESOLVED: copies made good


@dataclass(frozen=True)
class ShortfallRow:
    shortfall_id: int
    number: str
    day: date
    title: str
    expected: int
    received: int | None  # None: not come at all (yet)
    copies_missing: int
    late: bool
    status: ShortfallStatus
    noticed_at: datetime
    contacted: bool
    escalated_at: datetime | None
    resolved_at: datetime | None


@dataclass(frozen=True)
class ShortfallView:
    """A shortfall with its whole trail: noticed, each talk with the post office, the escalation,
    how it was resolved."""

    shortfall_id: int
    number: str
    day: date
    title: str
    supplier: str
    expected: int
    received: int | None
    copies_missing: int
    late: bool
    status: ShortfallStatus
    noticed_at: datetime
    noticed_by_name: str
    escalated_at: datetime | None
    resolved_at: datetime | None
    resolved_by_name: str
    resolution: str
    copies_made_good: int
    steps: tuple[ShortfallStepView, ...]


@dataclass(frozen=True)
class UncountedTitle:
    title: str
    expected: int


@dataclass(frozen=True)
class ShortfallOnBoard:
    shortfall_id: int
    number: str
    day: date
    title: str
    copies_missing: int
    late: bool
    received: bool  # counted (short), or not come at all
    contacted: bool
    escalated: bool
    noticed_at: datetime


@dataclass(frozen=True)
class NewspapersOnBoard:
    """The board's newspapers: today's bundles not yet counted (late once ``late_after`` passed),
    and the shortfalls still open, the oldest first."""

    day: date
    late_after: datetime
    uncounted: list[UncountedTitle]
    shortfalls: list[ShortfallOnBoard]
