"""Key loans' rules (kiosk.domain.key_loans): the default due time, the board's colours, and the
validators of what the desk types (staff number, borrower), fuzzed."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import ValidationError
from kiosk.domain.key_loans import (
    STAFF_NUMBER_MAX,
    Borrower,
    KeyLoanSettings,
    LoanState,
    default_due,
    loan_state,
    parse_staff_number,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
MOMENTS = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC))


@given(MOMENTS, st.times())
def test_by_default_a_loan_is_due_at_the_next_end_of_the_desks_day(lent: datetime, ends: time) -> None:
    ends = ends.replace(second=0, microsecond=0, tzinfo=None)
    due = default_due(lent, SHANGHAI, KeyLoanSettings(day_ends_at=ends))
    assert lent < due <= lent + timedelta(days=1)
    assert due.astimezone(SHANGHAI).time() == ends


@given(MOMENTS, st.integers(1, 720))
def test_with_due_hours_a_loan_is_due_that_long_after(lent: datetime, hours: int) -> None:
    assert default_due(lent, SHANGHAI, KeyLoanSettings(due_hours=hours)) == lent + timedelta(hours=hours)


def test_a_loan_made_after_the_days_end_is_due_the_next_evening() -> None:
    evening = datetime(2026, 11, 25, 19, 0, tzinfo=SHANGHAI)
    assert default_due(evening, SHANGHAI, KeyLoanSettings()) == datetime(
        2026, 11, 26, 17, 30, tzinfo=SHANGHAI
    )


@given(MOMENTS, st.integers(-10_000, 10_000), st.integers(0, 720))
def test_the_board_turns_amber_before_due_and_red_from_due(
    due: datetime, offset_min: int, amber: int
) -> None:
    now = due + timedelta(minutes=offset_min)
    state = loan_state(due, now, timedelta(minutes=amber))
    if offset_min >= 0:
        assert state is LoanState.OVERDUE
    elif -offset_min <= amber:
        assert state is LoanState.DUE_SOON
    else:
        assert state is LoanState.OUT


@given(st.text(max_size=40))
def test_a_staff_number_is_upper_case_letters_digits_and_dashes_or_refused(raw: str) -> None:
    try:
        number = parse_staff_number(raw)
    except ValidationError as error:
        assert error.field == "staff_number" and error.code in ("too_long", "characters")
        return
    assert len(number) <= STAFF_NUMBER_MAX
    assert all(c.isdigit() or "A" <= c <= "Z" or c == "-" for c in number)
    assert number == "" or number[0] != "-"


@given(st.text(min_size=1, max_size=30), st.sampled_from(["resident_id", "passport", "nonsense"]))
def test_a_borrower_keeps_only_the_last_four_or_says_what_to_fix(last_four: str, id_type: str) -> None:
    try:
        checked = Borrower("陈立", id_type=id_type, id_last_four=last_four).checked()
    except ValidationError as error:
        assert (error.field, error.code) in {
            ("last_four", "length"),
            ("last_four", "characters"),
            ("id_type", "unknown"),
            ("identity", "required"),
        }
        return
    assert len(checked.id_last_four) == 4 and checked.id_type == id_type != "nonsense"


def test_a_borrower_needs_an_id_or_a_staff_number() -> None:
    with pytest.raises(ValidationError) as refused:
        Borrower("陈立", "工程部").checked()
    assert (refused.value.field, refused.value.code) == ("identity", "required")
    assert Borrower(" 陈立 ", staff_number=" gc 017 ").checked().staff_number == "GC017"
