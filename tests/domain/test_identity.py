"""ID numbers: GB 11643 validation, document formats, masking; mobile numbers."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import ValidationError
from kiosk.domain.identity import (
    mask_id_number,
    parse_resident_id,
    resident_id_check_char,
    validate_id_number,
)
from kiosk.domain.visitor import validate_mobile

STANDARD_EXAMPLE = "11010519491231002X"  # GB 11643-1999's own example


def test_the_standards_example_is_valid_and_read() -> None:
    parsed = parse_resident_id(STANDARD_EXAMPLE)
    assert (parsed.region, parsed.birth_date, parsed.male) == ("110105", date(1949, 12, 31), False)


def test_check_characters_by_hand() -> None:
    # Weighted sum of 11010519491231002 is 167; 167 mod 11 = 2 -> "X".
    assert resident_id_check_char("11010519491231002") == "X"
    assert resident_id_check_char("44052418800101001") == "4"


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("", "empty"),
        ("110105491231002", "old_15_digit"),
        ("1101051949123100", "length"),
        ("1101051949123100X2", "characters"),
        ("11010519491231002Y", "characters"),
        # str.isdigit took these: "²" then broke the check digit's int() (found by make fuzz), and
        # other scripts' digits would have been stored as typed.
        ("11010519491231²021", "characters"),
        ("11010519491231002٣", "characters"),
        ("001105194912310021", "region"),
        ("901105194912310021", "region"),
        ("110105194902300025", "birth_date"),  # 30 February
        ("110105189912310021", "birth_date"),  # before 1900
        ("110105194912310021", "check_digit"),
    ],
)
def test_each_fault_is_named(number: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_resident_id(number)
    assert (info.value.field, info.value.code) == ("id_number", code)


def test_a_birth_date_in_the_future_is_refused() -> None:
    first17 = "11010520300101001"
    number = first17 + resident_id_check_char(first17)
    assert parse_resident_id(number).birth_date == date(2030, 1, 1)
    with pytest.raises(ValidationError) as info:
        parse_resident_id(number, today=date(2026, 11, 25))
    assert info.value.code == "birth_date"


def test_spaces_and_lower_case_x_are_forgiven() -> None:
    assert validate_id_number("resident_id", " 110105 19491231 002x ") == STANDARD_EXAMPLE


@pytest.mark.parametrize(
    ("id_type", "good", "bad"),
    [
        ("passport", "E12345678", "ABCDE"),
        ("hk_macao_permit", "H12345678", "X12345678"),
        ("hk_macao_permit", "M1234567890", "H1234567"),
        ("taiwan_permit", "12345678", "1234567"),
        # Digits of another script are not the document's digits (they are not NFKC's either).
        ("hk_macao_permit", "H12345678", "H١٢٣٤٥٦٧٨"),
        ("taiwan_permit", "1234567890", "١٢٣٤٥٦٧٨"),
        ("other", "931-ABC123", "!!"),
    ],
)
def test_other_documents_by_format(id_type: str, good: str, bad: str) -> None:
    assert validate_id_number(id_type, good.lower()) == good
    with pytest.raises(ValidationError) as info:
        validate_id_number(id_type, bad)
    assert info.value.code == f"format_{id_type}"


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    region = draw(st.sampled_from(["110105", "440524", "310101", "650102", "810000", "830000"]))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2026, 11, 25)))
    sequence = draw(st.integers(0, 999))
    first17 = f"{region}{born:%Y%m%d}{sequence:03d}"
    return first17 + resident_id_check_char(first17)


@given(resident_ids())
def test_every_well_formed_number_passes_and_masks(number: str) -> None:
    assert parse_resident_id(number, today=date(2026, 11, 25)).number == number
    masked = mask_id_number(number)
    assert masked[:4] == number[:4] and masked[-4:] == number[-4:] and masked[4:14] == "*" * 10


@given(resident_ids(), st.integers(0, 17), st.sampled_from("0123456789X"))
def test_any_single_character_change_is_caught(number: str, position: int, char: str) -> None:
    changed = number[:position] + char + number[position + 1 :]
    if changed == number:
        return
    with pytest.raises(ValidationError):
        parse_resident_id(changed)


@given(st.sampled_from(["resident_id", "passport", "hk_macao_permit", "taiwan_permit", "other"]), st.text())
def test_any_text_gives_a_number_or_a_validation_error(id_type: str, text: str) -> None:
    try:
        number = validate_id_number(id_type, text)
    except ValidationError as error:
        assert error.field == "id_number"
    else:
        assert number and number == number.upper()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        ("139 1234 5678", "13912345678"),
        ("+86 139-1234-5678", "13912345678"),
        ("008613912345678", "13912345678"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_mobile_numbers(raw: str, expected: str) -> None:
    assert validate_mobile(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("1391234567", "mainland_length"),
        ("12912345678", "format"),
        ("abc", "format"),
        ("+12", "format"),
        ("139١٢٣٤٥٦٧٨", "format"),  # Arabic-Indic digits: isdigit(), and NFKC keeps them
        ("+٤٤٢٠٧٩٤٦٠٩٥٨", "format"),
    ],
)
def test_bad_mobile_numbers(raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_mobile(raw)
    assert (info.value.field, info.value.code) == ("mobile", code)


@given(st.text())
def test_any_mobile_text_gives_a_number_or_a_validation_error(text: str) -> None:
    try:
        validate_mobile(text)
    except ValidationError as error:
        assert error.field == "mobile"
