"""A visitor badge is a day pass: valid for the configured hours, never past the site's 23:59."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.badge import BADGE_LAST_MINUTE, badge_valid_until

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(hour: int, minute: int) -> datetime:
    return datetime(2026, 11, 25, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


def test_a_morning_badge_runs_its_hours() -> None:
    assert badge_valid_until(at(10, 0), 8, SHANGHAI) == at(18, 0)


def test_an_evening_badge_stops_at_the_end_of_the_day() -> None:
    assert badge_valid_until(at(21, 39), 8, SHANGHAI) == at(23, 59)


def test_after_midnight_the_new_day_counts() -> None:
    assert badge_valid_until(at(1, 30), 8, SHANGHAI) == at(9, 30)


@given(
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)),
    st.integers(min_value=1, max_value=24),
    st.sampled_from([SHANGHAI, ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York")]),
)
def test_never_past_the_local_day_nor_before_check_in(
    checked_in: datetime, hours: int, zone: ZoneInfo
) -> None:
    until = badge_valid_until(checked_in, hours, zone)
    local_in = checked_in.astimezone(zone)
    assert checked_in <= until <= checked_in + timedelta(hours=hours)
    assert until.astimezone(zone).date() == local_in.date()
    if local_in.time() <= BADGE_LAST_MINUTE:
        assert until.astimezone(zone).time() <= time(23, 59)
