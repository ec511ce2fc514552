"""The manager's monthly figures (统计分析): one month of the lobby in numbers.

Every day and hour is the site's own (its time zone), as the month's days were lived at the desk.
The figures are plain values: the server counts them, the desk draws them and the server writes
them to a workbook, one table per figure (:func:`figure_tables`), headed in the desk's words.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from kiosk.domain.errors import ValidationError

FIRST_YEAR = 2000
LAST_YEAR = 2099
_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month of the site (``2026-11``)."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not FIRST_YEAR <= self.year <= LAST_YEAR or not 1 <= self.month <= 12:
            raise ValidationError("month", "range", first=FIRST_YEAR, last=LAST_YEAR)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def days(self) -> int:
        return calendar.monthrange(self.year, self.month)[1]

    @property
    def after(self) -> date:
        """The first day of the next month."""
        return self.first_day + timedelta(days=self.days)

    def dates(self) -> list[date]:
        return [self.first_day + timedelta(days=n) for n in range(self.days)]


def parse_month(text: str) -> Month:
    """``YYYY-MM`` as a :class:`Month`; anything else is refused with what to fix."""
    found = _MONTH.fullmatch(text.strip())
    if found is None:
        raise ValidationError("month", "format")
    return Month(int(found.group(1)), int(found.group(2)))


@dataclass(frozen=True)
class RepairCategoryFigures:
    """The repairs taken in the month of one category (报修分类): how many, and how their clocks
    ended. ``within_limit`` were completed by their deadline; ``late`` were completed after it or
    are still open past it; the rest are open and not yet due (their share is not known yet)."""

    category: str
    taken: int
    completed: int
    within_limit: int
    late: int

    @property
    def share_within(self) -> float | None:
        """Of the repairs whose outcome is known, the share done in time (0..1); None: none known."""
        known = self.within_limit + self.late
        return self.within_limit / known if known else None


@dataclass(frozen=True)
class ComplaintSubjectFigures:
    """The complaints and suggestions recorded in the month under one subject, and how long the
    closed ones took from recording to closing."""

    subject: str
    recorded: int
    closed: int
    hours_to_close: float | None  # the average over the closed ones; None: none closed
    serious: int = 0  # 重大投诉: the manager reports these each month (seed 000)


@dataclass(frozen=True)
class MonthlyFigures:
    """One month at the lobby. Lists ``*_per_day`` hold one value a day of the month, from the 1st."""

    month: Month
    visits_per_day: list[int]
    people_per_day: list[int]  # each visit's party counted
    visits_per_hour: list[int]  # 24: visits by the hour of the day they arrived
    slips_per_day: list[int]  # release slips issued
    receipts_per_day: list[int]  # receipts for money taken (deposits, fees)
    receipts_fen_per_day: list[int]
    refunds_per_day: list[int]
    refunds_fen_per_day: list[int]
    repairs: list[RepairCategoryFigures] = field(default_factory=list)
    complaints: list[ComplaintSubjectFigures] = field(default_factory=list)

    @property
    def visits(self) -> int:
        return sum(self.visits_per_day)

    @property
    def repairs_share_within(self) -> float | None:
        """The month's share of repairs done within their limits, every category together."""
        within = sum(r.within_limit for r in self.repairs)
        known = within + sum(r.late for r in self.repairs)
        return within / known if known else None


@dataclass(frozen=True)
class FigureTable:
    """One figure as a table (a sheet of the month's workbook)."""

    key: str
    title: str
    headers: list[str]
    rows: list[list[object]]
    widths: dict[int, float] = field(default_factory=dict)


# The sheets' and columns' words as the desk sends them: the English here is the key, the desk's
# language the value (missing words stay English). Category and subject values are looked up too.
def figure_tables(figures: MonthlyFigures, words: Mapping[str, str]) -> list[FigureTable]:
    """The month's figures as tables, one a figure, in the words of ``words``."""

    def w(text: str) -> str:
        return words.get(text, text)

    def per_day(*columns: Sequence[int]) -> list[list[object]]:
        return [[day, *(column[n] for column in columns)] for n, day in enumerate(figures.month.dates())]

    yuan = [
        [fen / 100 for fen in figures.receipts_fen_per_day],
        [fen / 100 for fen in figures.refunds_fen_per_day],
    ]
    receipts = [
        [day, figures.receipts_per_day[n], yuan[0][n], figures.refunds_per_day[n], yuan[1][n]]
        for n, day in enumerate(figures.month.dates())
    ]
    return [
        FigureTable(
            "visits_per_day",
            w("Visitors per day"),
            [w("Day"), w("Visits"), w("People")],
            per_day(figures.visits_per_day, figures.people_per_day),
            {0: 12},
        ),
        FigureTable(
            "visits_per_hour",
            w("Visitors per hour"),
            [w("Hour"), w("Visits")],
            [[f"{hour:02d}:00–{hour:02d}:59", count] for hour, count in enumerate(figures.visits_per_hour)],
            {0: 14},
        ),
        FigureTable(
            "slips_per_day",
            w("Release slips per day"),
            [w("Day"), w("Release slips")],
            per_day(figures.slips_per_day),
            {0: 12},
        ),
        FigureTable(
            "receipts_per_day",
            w("Receipts per day"),
            [w("Day"), w("Receipts"), w("Amount (yuan)"), w("Refunds"), w("Refunded (yuan)")],
            receipts,
            {0: 12, 2: 14, 4: 14},
        ),
        FigureTable(
            "repairs_by_category",
            w("Repairs by category"),
            [
                w("Category"),
                w("Taken"),
                w("Completed"),
                w("Within limit"),
                w("Late"),
                w("Share within limit (%)"),
            ],
            [
                [w(r.category), r.taken, r.completed, r.within_limit, r.late, _share(r.share_within)]
                for r in figures.repairs
            ],
            {0: 16, 5: 18},
        ),
        FigureTable(
            "complaints_by_subject",
            w("Complaints by subject"),
            [w("Subject"), w("Recorded"), w("Serious"), w("Closed"), w("Average hours to close")],
            [
                [
                    w(c.subject),
                    c.recorded,
                    c.serious,
                    c.closed,
                    None if c.hours_to_close is None else round(c.hours_to_close, 1),
                ]
                for c in figures.complaints
            ],
            {0: 20, 4: 20},
        ),
    ]


def _share(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 1)


# Every English word figure_tables looks up, for the desk to translate (besides category and
# subject values, which the desk's own lists translate).
TABLE_WORDS = (
    "Visitors per day",
    "Visitors per hour",
    "Release slips per day",
    "Receipts per day",
    "Repairs by category",
    "Complaints by subject",
    "Day",
    "Hour",
    "Visits",
    "People",
    "Release slips",
    "Receipts",
    "Amount (yuan)",
    "Refunds",
    "Refunded (yuan)",
    "Category",
    "Taken",
    "Completed",
    "Within limit",
    "Late",
    "Share within limit (%)",
    "Subject",
    "Recorded",
    "Serious",
    "Closed",
    "Average hours to close",
)
