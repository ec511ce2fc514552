"""The courier book's rules with no I/O: a waybill's tracking number as typed or scanned, a
company's code, the cost, and a department written two ways being one department."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.courier import (
    department_key,
    read_tracking_number,
    validate_company_code,
    validate_cost,
    validate_tracking_number,
)
from kiosk.domain.errors import ValidationError
from kiosk.domain.money import MAX_FEN

WAYBILL = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=6, max_size=32)


@given(WAYBILL, st.lists(st.sampled_from([" ", "-", "－", "\u3000"]), max_size=4), st.booleans())
def test_a_waybill_reads_back_whatever_the_spacing_width_and_case(
    number: str, gaps: list[str], small: bool
) -> None:
    typed = number.lower() if small else number
    for n, gap in enumerate(gaps):
        cut = (n + 1) * len(typed) // (len(gaps) + 1)
        typed = typed[:cut] + gap + typed[cut:]
    full_width = "".join(chr(ord(ch) + 0xFEE0) for ch in typed if ch.isalnum())
    assert read_tracking_number(typed) == number
    assert read_tracking_number(full_width) == number


@given(st.text(max_size=60))
def test_anything_read_is_capitals_and_digits_of_a_waybills_length(text: str) -> None:
    number = read_tracking_number(text)
    assert number is None or re.fullmatch("[A-Z0-9]{6,32}", number) is not None


@pytest.mark.parametrize("code", ["LKR:BX000001", "12345", "SF123 456 78?", "快递123456"])
def test_other_codes_are_not_waybills(code: str) -> None:
    assert read_tracking_number(code) is None
    with pytest.raises(ValidationError) as refused:
        validate_tracking_number(code)
    assert (refused.value.field, refused.value.code) == ("tracking_number", "format")


def test_checks_say_which_field() -> None:
    with pytest.raises(ValidationError) as refused:
        validate_tracking_number("  ")
    assert refused.value.code == "required"
    assert validate_company_code(" yunda ") == "YUNDA"
    with pytest.raises(ValidationError) as refused:
        validate_company_code("顺丰")
    assert (refused.value.field, refused.value.code) == ("code", "format")
    assert validate_cost(1) == 1
    for fen, code in ((0, "not_positive"), (-5, "not_positive"), (MAX_FEN + 1, "too_large")):
        with pytest.raises(ValidationError) as refused:
            validate_cost(fen)
        assert (refused.value.field, refused.value.code) == ("cost", code)


def test_one_department_however_it_is_typed() -> None:
    assert department_key("ＩＤＣ运维部") == department_key(" IDC运维部 ") == "IDC运维部"
    assert department_key("财务部\u3000 Finance") == "财务部 Finance"
