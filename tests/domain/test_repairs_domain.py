"""Repair-request rules: what a clerk may type for the unit and the phone, the work order's code
as a scanner or a person delivers it, the clocks, and the warranty's calendar months."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import ValidationError
from kiosk.domain.repairs import (
    ClockState,
    RepairClass,
    RepairSettings,
    amber_from,
    clock_state,
    deadlines,
    read_repair_code,
    reopen_asks_caller,
    repair_number,
    validate_phone,
    validate_unit,
    warranty_ends,
    work_order_code,
)
from kiosk.services.retention import PURGED

SHANGHAI = ZoneInfo("Asia/Shanghai")
_FULL_WIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})


@given(st.integers(1, 10**9), st.sampled_from(["", "lkr:", "LKR:"]), st.booleans(), st.booleans())
def test_a_work_order_code_reads_back_as_its_number_however_it_arrives(
    value: int, prefix: str, lower: bool, full_width: bool
) -> None:
    number = repair_number(value)
    typed = prefix + (number.lower() if lower else number)
    typed = " ".join(typed) if value % 3 == 0 else typed  # spaced out by hand
    if full_width:
        typed = typed.translate(_FULL_WIDTH)
    assert read_repair_code(typed) == number
    assert read_repair_code(work_order_code(number)) == number


@given(st.text(max_size=40))
def test_anything_else_scanned_is_no_repair_code(text: str) -> None:
    number = read_repair_code(text)
    assert number is None or re.fullmatch(r"BX[0-9]{6,12}", number)


@pytest.mark.parametrize("code", ["LKS:S000001:ab12", "LKV2-V000123-ABCD", "BX12345", "LKR:BX0000012345678"])
def test_slip_and_badge_codes_and_short_numbers_are_not_repair_codes(code: str) -> None:
    assert read_repair_code(code) is None


@given(st.text(max_size=40))
def test_a_phone_is_callable_digits_or_refused_with_its_field(text: str) -> None:
    try:
        phone = validate_phone(text)
    except ValidationError as error:
        assert (error.field, error.code) in (("phone", "required"), ("phone", "format"))
    else:
        assert re.fullmatch(r"\+?[0-9()\-]+", phone)
        assert 7 <= sum(c.isdigit() for c in phone) <= 15


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("138 1234 5678", "13812345678"),
        ("0755-8600 1234", "0755-86001234"),
        ("+86 138 1234 5678", "+8613812345678"),
    ],
)
def test_phones_as_people_say_them(typed: str, stored: str) -> None:
    assert validate_phone(typed) == stored


@given(st.text(max_size=30))
def test_a_unit_is_the_owner_records_form_or_refused_with_its_field(text: str) -> None:
    try:
        unit = validate_unit(text)
    except ValidationError as error:
        assert (error.field, error.code) in (("unit", "required"), ("unit", "format"))
    else:
        assert re.fullmatch(r"[0-9A-Z]{1,6}(-[0-9A-Z]{1,6}){1,2}", unit)
        assert validate_unit(unit) == unit


def test_a_unit_typed_with_a_chinese_input_method_is_folded() -> None:
    assert validate_unit(" ２－１０４ ") == "2-104"
    assert validate_unit("a—3—1") == "A-3-1"


def test_the_clocks_of_each_class_and_when_they_turn_amber() -> None:
    taken = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
    settings = RepairSettings()
    urgent = deadlines(RepairClass.URGENT, taken, settings)
    assert (urgent.arrive_by, urgent.fix_by) == (taken + timedelta(hours=2), taken + timedelta(hours=24))
    general = deadlines(RepairClass.GENERAL, taken, settings)
    assert (general.arrive_by, general.fix_by) == (None, taken + timedelta(hours=72))
    assert urgent.arrive_by is not None
    amber = amber_from(taken, urgent.arrive_by, settings.amber_percent)
    assert amber == taken + timedelta(minutes=90)  # the last 30 minutes of 2 hours
    assert clock_state(urgent.arrive_by, amber, amber - timedelta(seconds=1)) is ClockState.RUNNING
    assert clock_state(urgent.arrive_by, amber, amber) is ClockState.SHORT
    assert clock_state(urgent.arrive_by, amber, urgent.arrive_by) is ClockState.OVERDUE


@pytest.mark.parametrize(
    ("completed", "ends"),
    [
        (datetime(2026, 5, 31, 15, 0), datetime(2026, 8, 31, 15, 0)),
        (datetime(2026, 11, 30, 9, 30), datetime(2027, 2, 28, 9, 30)),
        (datetime(2027, 11, 30, 9, 30), datetime(2028, 2, 29, 9, 30)),
        (datetime(2026, 10, 1, 0, 5), datetime(2027, 1, 1, 0, 5)),
    ],
)
def test_the_warranty_is_calendar_months_on_the_site_calendar(completed: datetime, ends: datetime) -> None:
    at = completed.replace(tzinfo=SHANGHAI).astimezone(UTC)
    assert warranty_ends(at, 3, SHANGHAI) == ends.replace(tzinfo=SHANGHAI)


def test_an_arrival_limit_longer_than_the_fix_is_a_config_problem() -> None:
    assert RepairSettings(urgent_arrival_hours=30).problems()[0][0] == "urgent_arrival_hours"
    assert RepairSettings().problems() == []


@pytest.mark.parametrize(
    ("name", "phone", "warranty_days", "asks"),
    [
        ("陈晓明", "13812345678", 1, False),  # within the warranty, the caller on record
        ("陈晓明", "13812345678", None, False),  # never completed: no warranty has run out
        ("陈晓明", "13812345678", 0, True),  # the warranty ends this very moment: a new request
        (PURGED, "", 1, True),  # what retention leaves of a caller
        (PURGED, "13812345678", 1, True),
        ("陈晓明", " ", 1, True),
        ("", "13812345678", None, True),
    ],
)
def test_a_reopen_asks_the_caller_again_after_the_warranty_or_once_they_are_blanked(
    name: str, phone: str, warranty_days: int | None, asks: bool
) -> None:
    now = datetime(2026, 11, 25, 2, tzinfo=UTC)
    until = now + timedelta(days=warranty_days) if warranty_days is not None else None
    assert reopen_asks_caller(name, phone, until, now) is asks
