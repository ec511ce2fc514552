"""China's working days: the official 2026 calendar as the State Council's notice has it, the
reconciliation periods it makes, the fallback for a year without a notice, the site's overrides."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import ValidationError
from kiosk.domain.machine_room_pass import is_reconciliation_day, reconciliation_period
from kiosk.domain.work_calendar import (
    DayKind,
    SiteCalendar,
    clean_override_note,
    next_working_day,
    official_working_day,
    official_year,
    previous_working_day,
)

OFFICIAL = SiteCalendar()


def days(first: date, last: date) -> set[date]:
    return {first + timedelta(days=n) for n in range((last - first).days + 1)}


def test_2026_is_the_state_councils_notice() -> None:
    """国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04): weekdays off and weekend days on."""
    official = official_year(2026)
    assert official is not None
    working = {d.day for d in official if d.working}
    off = {d.day for d in official if not d.working}
    # 元旦 1月4日(周日)上班; 春节 2月14日(周六)、2月28日(周六)上班; 劳动节 5月9日(周六)上班;
    # 国庆节 9月20日(周日)、10月10日(周六)上班.
    assert working == {
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    }
    weekdays_off = {
        *days(date(2026, 1, 1), date(2026, 1, 2)),  # 1月1日(周四)至3日(周六)
        *days(date(2026, 2, 16), date(2026, 2, 20)),  # 2月15日(周日)至23日(周一)
        date(2026, 2, 23),
        date(2026, 4, 6),  # 4月4日(周六)至6日(周一)
        date(2026, 5, 1),  # 5月1日(周五)至5日(周二)
        *days(date(2026, 5, 4), date(2026, 5, 5)),
        date(2026, 6, 19),  # 6月19日(周五)至21日(周日)
        date(2026, 9, 25),  # 9月25日(周五)至27日(周日)
        *days(date(2026, 10, 1), date(2026, 10, 2)),  # 10月1日(周四)至7日(周三)
        *days(date(2026, 10, 5), date(2026, 10, 7)),
    }
    assert off == weekdays_off
    national = {d.name_zh for d in official if d.day.month == 10 and not d.working}
    assert national == {"国庆节"}
    assert next(d for d in official if d.day == date(2026, 9, 20)).name_en == "National Day"


def test_the_working_day_after_national_day_covers_the_whole_holiday() -> None:
    for holiday in days(date(2026, 10, 1), date(2026, 10, 7)):
        assert not is_reconciliation_day(holiday, OFFICIAL)
    # Thursday 8 October: from Wednesday 30 September, the last working day, to the 7th.
    assert reconciliation_period(date(2026, 10, 8), OFFICIAL) == (date(2026, 9, 30), date(2026, 10, 7))
    assert reconciliation_period(date(2026, 10, 9), OFFICIAL) == (date(2026, 10, 8), date(2026, 10, 8))
    # Saturday 10 October is a make-up working day: due like a weekday; Monday covers it and Sunday.
    assert is_reconciliation_day(date(2026, 10, 10), OFFICIAL)
    assert reconciliation_period(date(2026, 10, 10), OFFICIAL) == (date(2026, 10, 9), date(2026, 10, 9))
    assert reconciliation_period(date(2026, 10, 12), OFFICIAL) == (date(2026, 10, 10), date(2026, 10, 11))
    # Sunday 20 September too; the Friday before Mid-Autumn (25 Sep) is off.
    assert reconciliation_period(date(2026, 9, 20), OFFICIAL) == (date(2026, 9, 18), date(2026, 9, 19))
    assert reconciliation_period(date(2026, 9, 21), OFFICIAL) == (date(2026, 9, 20), date(2026, 9, 20))
    assert reconciliation_period(date(2026, 9, 28), OFFICIAL) == (date(2026, 9, 24), date(2026, 9, 27))
    with pytest.raises(ValidationError) as holiday:
        reconciliation_period(date(2026, 10, 5), OFFICIAL)
    assert holiday.value.code == "not_a_working_day"


def test_a_year_without_a_notice_is_monday_to_friday_until_the_site_says_otherwise() -> None:
    assert official_working_day(date(2027, 10, 1)) is None and official_year(2027) is None
    assert OFFICIAL.is_working_day(date(2027, 10, 1)) and not OFFICIAL.known(date(2027, 10, 1))
    assert not OFFICIAL.is_working_day(date(2027, 10, 9))  # a Saturday
    site = SiteCalendar({date(2027, 10, 1): DayKind.HOLIDAY, date(2027, 10, 9): DayKind.WORKDAY})
    assert not site.is_working_day(date(2027, 10, 1)) and site.known(date(2027, 10, 1))
    assert site.is_working_day(date(2027, 10, 9))
    # An override wins over the official calendar too: a typhoon closure, a make-up day.
    assert not SiteCalendar({date(2026, 10, 9): DayKind.HOLIDAY}).is_working_day(date(2026, 10, 9))
    assert SiteCalendar({date(2026, 10, 4): DayKind.WORKDAY}).is_working_day(date(2026, 10, 4))


def test_a_calendar_with_no_working_day_in_sight_is_refused() -> None:
    closed = SiteCalendar({date(2026, 3, 1) + timedelta(days=n): DayKind.HOLIDAY for n in range(70)})
    with pytest.raises(ValidationError) as none:
        previous_working_day(date(2026, 5, 1), closed)
    assert none.value.code == "no_working_day"
    assert next_working_day(date(2026, 9, 30), OFFICIAL) == date(2026, 10, 8)


@given(
    st.dates(date(2004, 1, 8), date(2026, 12, 20)),
    st.dictionaries(st.dates(date(2004, 1, 1), date(2026, 12, 31)), st.sampled_from(DayKind), max_size=8),
)
def test_the_periods_of_consecutive_working_days_cover_every_day_exactly_once(
    start: date, overrides: dict[date, DayKind]
) -> None:
    calendar = SiteCalendar(overrides)
    first = next_working_day(start, calendar)
    second = next_working_day(first, calendar)
    third = next_working_day(second, calendar)
    covered: list[date] = []
    for due in (second, third):
        a, b = reconciliation_period(due, calendar)
        covered += sorted(days(a, b))
    assert covered == sorted(days(first, third - timedelta(days=1)))


@given(st.text(max_size=80))
def test_an_override_note_is_one_clean_line_or_a_validation_error(text: str) -> None:
    try:
        note = clean_override_note(text)
    except ValidationError as error:
        assert error.field == "note" and error.code in ("required", "too_long")
        return
    assert note and len(note) <= 60 and "\n" not in note
