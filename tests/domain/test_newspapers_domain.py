"""The newspapers register's rules: which days an issue comes, what a clerk types for a monthly's
days and for a day, and when two titles are one bundle."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import ValidationError
from kiosk.domain.newspapers import (
    Frequency,
    delivers_on,
    month_days_text,
    parse_month_days,
    read_day,
    read_shortfall_number,
    title_key,
    validate_schedule,
)

TODAY = date(2026, 11, 25)


@given(st.sets(st.integers(1, 31), min_size=1, max_size=4), st.sampled_from([",", "，", "、", " ", ";"]))
def test_a_monthlys_days_read_back_however_they_are_separated(days: set[int], separator: str) -> None:
    typed = separator.join(str(d) for d in sorted(days, reverse=True))
    assert parse_month_days(typed) == tuple(sorted(days))
    assert parse_month_days(month_days_text(parse_month_days(typed))) == tuple(sorted(days))


@given(st.text(max_size=20))
def test_month_days_are_refused_with_a_reason_or_read(text: str) -> None:
    try:
        days = parse_month_days(text)
    except ValidationError as refused:
        assert refused.field == "month_days" and refused.code in ("required", "format", "too_many")
    else:
        assert 1 <= len(days) <= 4 and all(1 <= d <= 31 for d in days)


@pytest.mark.parametrize("typed", ["0", "32", "1,,x", "三"])
def test_month_days_out_of_range_or_words_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError):
        parse_month_days(typed)


def test_full_width_month_days_fold() -> None:
    assert parse_month_days("１，１６") == (1, 16)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_a_day_typed_in_any_usual_way_reads_back(day: date) -> None:
    for typed in (day.isoformat(), f"{day:%Y/%m/%d}", f"{day.year}年{day.month}月{day.day}日"):
        assert read_day(typed, TODAY) == day
    assert read_day(f"{day.month}-{day.day}", day) == day  # this year's


@given(st.text(max_size=12))
def test_read_day_never_raises(text: str) -> None:
    found = read_day(text, TODAY)
    assert found is None or isinstance(found, date)


def test_not_dates_are_not_days() -> None:
    assert read_day("2-104", TODAY) is None  # a unit, not a day
    assert read_day("人民日报", TODAY) is None
    assert read_day("2026-02-30", TODAY) is None


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), st.integers(1, 127))
def test_a_daily_comes_on_its_weekdays_only(day: date, weekdays: int) -> None:
    assert delivers_on(Frequency.DAILY, weekdays, (), day) == bool(weekdays & (1 << day.weekday()))


@given(st.integers(2020, 2030), st.integers(1, 12), st.sets(st.integers(1, 31), min_size=1, max_size=4))
def test_a_monthly_comes_once_for_each_of_its_days_every_month(year: int, month: int, days: set[int]) -> None:
    first = date(year, month, 1)
    last = calendar.monthrange(year, month)[1]
    came = [
        first + timedelta(n)
        for n in range(last)
        if delivers_on(Frequency.MONTHLY, 0, tuple(days), first + timedelta(n))
    ]
    # Days past the month's end all come on its last day.
    assert len(came) == len({min(d, last) for d in days})


def test_a_schedule_needs_its_days() -> None:
    with pytest.raises(ValidationError) as refused:
        validate_schedule(Frequency.WEEKLY, 0, ())
    assert (refused.value.field, refused.value.code) == ("weekdays", "required")
    with pytest.raises(ValidationError) as refused:
        validate_schedule(Frequency.MONTHLY, 1, (5,))
    assert refused.value.code == "not_monthly"


def test_titles_typed_otherwise_are_one_bundle() -> None:
    assert title_key("人民 日报") == title_key("人民日报")
    assert title_key("China  Daily") == title_key("ＣＨＩＮＡ daily")
    assert title_key("读者") != title_key("读者文摘")


def test_a_shortfall_number_as_typed() -> None:
    assert read_shortfall_number(" bk０００００１ ") == "BK000001"
    assert read_shortfall_number("BX000001") is None
