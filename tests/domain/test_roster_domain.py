"""The duty roster's rules without a database: the [roster] shift words read back as written,
bad ones refused with what to fix; a pattern carried on by its cycle; a shift running into the next
day's; gaps in cover; who is on duty now and next across midnight."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import ValidationError
from kiosk.domain.roster import (
    DEFAULT_SHIFTS,
    Shift,
    clashes,
    on_duty,
    parse_shift,
    pattern_fill,
    shift_text,
    shifts_setting,
    uncovered,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
KEYS = st.text(st.characters(whitelist_categories=("Lo", "Lu", "Ll")), min_size=1, max_size=10)
ENGLISH = st.text(st.characters(whitelist_categories=("Lu", "Ll")), max_size=20)
CLOCK = st.builds(time, st.integers(0, 23), st.integers(0, 59))


@given(KEYS, ENGLISH, CLOCK, CLOCK)
def test_a_shift_reads_back_as_written(key: str, english: str, starts: time, ends: time) -> None:
    if starts == ends:
        with pytest.raises(ValidationError):
            parse_shift(shift_text(Shift(key, english, starts, ends)))
        return
    assert parse_shift(shift_text(Shift(key, english, starts, ends))) == Shift(key, english, starts, ends)


@given(st.text(max_size=40))
def test_any_text_is_a_shift_or_refused_with_a_reason(text: str) -> None:
    try:
        shift = parse_shift(text)
    except ValidationError as error:
        assert error.field == "shift" and error.code in {"format", "too_long", "empty"}
    else:
        assert shift.starts != shift.ends and 1 <= len(shift.key) <= 10


def test_the_settings_refuse_a_list_that_is_not_one_of_shifts() -> None:
    assert shifts_setting(["早班 Early 07:00-15:00", "夜班 23:00-07:00"])[1] == Shift(
        "夜班", "", time(23), time(7)
    )
    for bad in ("早班 07:00-15:00", ["早班 Early 7-15"], ["早班 07:00-15:00", "早班 15:00-23:00"], []):
        with pytest.raises((TypeError, ValueError)):
            shifts_setting(bad)


@given(st.integers(1, 35), st.dictionaries(st.integers(0, 6), st.sampled_from(["早班", "中班", "夜班"])))
def test_a_pattern_repeats_its_first_cycle(cycle: int, week: dict[int, str]) -> None:
    first = date(2026, 12, 1)
    days = [first + timedelta(days=n) for n in range(31)]
    source = {first + timedelta(days=n): {7: shift} for n, shift in week.items()}
    made = pattern_fill(source, days, cycle, keep=days[:cycle])
    for n, day in enumerate(days):
        assert made[day] == made[days[n % cycle]]


def test_a_night_then_an_early_start_clashes_and_the_gaps_are_found() -> None:
    shifts = {s.key: s for s in (*DEFAULT_SHIFTS, Shift("早6", "", time(6), time(14)))}
    first = date(2026, 12, 1)
    assert clashes(shifts, {first: "夜班", first + timedelta(days=1): "早班"}, SHANGHAI) == []
    assert clashes(shifts, {first: "夜班", first + timedelta(days=1): "早6"}, SHANGHAI) == [first]
    cells = {first: {1: "早班", 2: "中班"}}
    assert uncovered(DEFAULT_SHIFTS, cells, [first], 1) == [(first, "夜班")]


def test_on_duty_across_midnight() -> None:
    first = date(2026, 12, 1)
    names = {"早班": ["李娜"], "中班": ["赵敏"], "夜班": ["孙丽"]}
    rosters = {first: (list(DEFAULT_SHIFTS), names), first + timedelta(days=1): (list(DEFAULT_SHIFTS), {})}
    # 02:00 on the 2nd: the 1st's 夜班 is still on; the 2nd's 早班 (nobody rostered) is next.
    duty = on_duty(rosters, datetime(2026, 12, 1, 18, 0, tzinfo=UTC), SHANGHAI)
    assert [(d.shift.key, d.names) for d in duty.now] == [("夜班", ["孙丽"])]
    assert duty.next is not None and (duty.next.shift.key, duty.next.names) == ("早班", [])
    assert duty.approved
