"""The import row validators, for any text a spreadsheet can hold: a clean record or a RowError
naming the column, never another exception."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.documents import PartyKind
from kiosk.domain.imports import (
    MAX_FEN,
    RowError,
    normalise_phone,
    normalise_unit,
    parse_fen,
    parse_kind,
    row_error_text,
    validate_directory_row,
    validate_fee_row,
    validate_resident_row,
)

any_text = st.text(max_size=30)
unit_part = st.text(alphabet="0123456789ABCDEFGH", min_size=1, max_size=4)
units = st.lists(unit_part, min_size=2, max_size=3).map("-".join)


def to_full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@given(units)
def test_a_unit_typed_full_width_or_lower_case_is_the_same_unit(unit: str) -> None:
    assert normalise_unit(unit) == unit
    assert normalise_unit(unit.lower()) == unit
    assert normalise_unit(f" {to_full_width(unit).replace('－', '－')} ") == unit
    assert normalise_unit(unit.replace("-", "—")) == unit


@given(any_text)
def test_a_unit_is_normalised_or_refused_and_normalising_twice_changes_nothing(text: str) -> None:
    try:
        unit = normalise_unit(text)
    except RowError as error:
        assert error.column == "unit" and error.code in ("required", "format")
    else:
        assert normalise_unit(unit) == unit and unit == unit.upper() and "-" in unit


@given(st.integers(min_value=0, max_value=MAX_FEN))
def test_an_amount_in_yuan_becomes_fen(fen: int) -> None:
    yuan = Decimal(fen) / 100
    assert parse_fen(f"{yuan:.2f}", "due") == fen
    assert parse_fen(f"¥{yuan:,.2f}", "due") == fen
    assert parse_fen(f"￥{yuan:.2f}", "paid") == fen


@given(any_text)
def test_an_amount_is_whole_fen_or_refused(text: str) -> None:
    try:
        fen = parse_fen(text, "paid")
    except RowError as error:
        assert (error.column, error.code) == ("paid", "not_an_amount")
    else:
        assert 0 <= fen <= MAX_FEN


# 1e999999: the amount times 100 overflowed Decimal's context (decimal.Overflow, found by make fuzz).
@pytest.mark.parametrize("text", ["-1", "0.001", "1e3x", "NaN", "Infinity", "", "100000000.01", "1e999999"])
def test_these_are_not_amounts(text: str) -> None:
    with pytest.raises(RowError):
        parse_fen(text, "due")


@given(st.text(alphabet="0123456789", min_size=7, max_size=15), st.sampled_from(["", " ", "-"]))
def test_a_phone_keeps_its_digits_and_drops_spaces(digits: str, separator: str) -> None:
    typed = separator.join([digits[:3], digits[3:]])
    assert normalise_phone(typed).replace("-", "") == digits


@given(any_text)
def test_a_phone_is_seven_to_fifteen_digits_or_refused(text: str) -> None:
    try:
        phone = normalise_phone(text)
    except RowError as error:
        assert error.column == "phone"
    else:
        assert 7 <= sum(c.isdigit() for c in phone) <= 15 and " " not in phone


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("业主", PartyKind.OWNER),
        ("Owner", PartyKind.OWNER),
        (" 租户 ", PartyKind.TENANT),
        ("TENANT", PartyKind.TENANT),
    ],
)
def test_kinds_in_either_language(text: str, kind: PartyKind) -> None:
    assert parse_kind(text) is kind


rows = st.fixed_dictionaries(
    {},
    optional={
        key: st.one_of(
            any_text, st.sampled_from(["1-101", "业主", "租户", "2026-10", "350.00", "13875090595"])
        )
        for key in ("unit", "name", "kind", "phone", "payer", "month", "due", "paid", "department", "mobile")
    },
)


@given(rows)
def test_any_resident_row_is_a_record_or_a_row_error(row: dict[str, str]) -> None:
    try:
        record = validate_resident_row(row)
    except RowError as error:
        assert error.column in ("unit", "name", "kind", "phone") and str(error)
    else:
        assert record.name and record.unit == normalise_unit(record.unit)


@given(rows)
def test_any_fee_row_is_a_record_or_a_row_error(row: dict[str, str]) -> None:
    try:
        record = validate_fee_row(row)
    except RowError as error:
        assert error.column in ("unit", "payer", "month", "due", "paid") and str(error)
    else:
        year, month = record.month.split("-")
        assert len(year) == 4 and 1 <= int(month) <= 12 and record.due_fen >= 0


@given(rows)
def test_any_directory_row_is_a_record_or_a_row_error(row: dict[str, str]) -> None:
    try:
        record = validate_directory_row(row)
    except RowError as error:
        assert error.column in ("name", "department", "extension", "mobile", "email")
    else:
        assert record.name and record.department
        assert record.mobile is None or (len(record.mobile) == 11 and record.mobile.isdigit())


@pytest.mark.parametrize(
    ("month", "expected"), [("2026-1", "2026-01"), ("2026/10", "2026-10"), ("2026-12", "2026-12")]
)
def test_months_are_written_yyyy_mm(month: str, expected: str) -> None:
    row = {"unit": "1-101", "payer": "业主", "month": month, "due": "1", "paid": "0"}
    assert validate_fee_row(row).month == expected


@pytest.mark.parametrize("month", ["2026-13", "2026-00", "1989-12", "26-10", "十月"])
def test_impossible_months_are_refused(month: str) -> None:
    row = {"unit": "1-101", "payer": "业主", "month": month, "due": "1", "paid": "0"}
    with pytest.raises(RowError) as caught:
        validate_fee_row(row)
    assert (caught.value.column, caught.value.code) == ("month", "format")


def test_reasons_read_as_sentences() -> None:
    assert row_error_text("name", "required", {}) == "name is empty"
    assert (
        row_error_text("unit", "unknown_unit", {"value": "9-909"})
        == "unit 9-909 is not in the resident records"
    )
    assert row_error_text("x", "something_new", {}) == "x: something_new"
