"""Pass numbers as the desk types them, and which days the 09:00 reconciliation covers."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.documents import PassReconciliation
from kiosk.domain.errors import ValidationError
from kiosk.domain.machine_room_pass import (
    DETAIL_MAX_CHARS,
    RANGE_MAX,
    DiscrepancyDetail,
    normalise_pass_number,
    parse_pass_numbers,
    reconciliation_period,
)

numbers = st.from_regex(r"[A-Z]{0,3}[0-9]{1,5}", fullmatch=True)


def test_ranges_lists_and_chinese_separators() -> None:
    assert parse_pass_numbers("p001-P003, P010、P011 ；a7") == ("P001", "P002", "P003", "P010", "P011", "A7")
    assert parse_pass_numbers("P008 ~ P010") == ("P008", "P009", "P010")
    assert parse_pass_numbers("P001 P001 P001-P002") == ("P001", "P002")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "required"),
        (" ， ", "required"),
        ("P-01-", "invalid"),
        ("P0\x1b1", "invalid"),
        ("A001-B003", "bad_range"),
        ("P010-P001", "bad_range"),
        ("P1-P9999", "range_too_long"),
        ("X" * 21, "too_long"),
    ],
)
def test_bad_numbers_are_explained(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as error:
        parse_pass_numbers(text)
    assert error.value.code == code


@given(st.lists(numbers, min_size=1, max_size=20), st.sampled_from([",", "，", "、", " ", ";"]))
def test_a_typed_list_reads_back_as_typed(picked: list[str], separator: str) -> None:
    assert parse_pass_numbers(separator.join(picked)) == tuple(dict.fromkeys(picked))


@given(st.from_regex(r"[A-Z]{0,2}", fullmatch=True), st.integers(0, 9000), st.integers(0, RANGE_MAX - 1))
def test_a_range_has_every_number_once_with_its_width(prefix: str, start: int, length: int) -> None:
    first, last = f"{prefix}{start:04d}", f"{prefix}{start + length:04d}"
    expanded = parse_pass_numbers(f"{first}-{last}")
    assert len(expanded) == length + 1 and expanded[0] == first and expanded[-1] == last


@given(st.text(max_size=40))
def test_anything_typed_is_a_list_of_clean_numbers_or_a_validation_error(text: str) -> None:
    try:
        parsed = parse_pass_numbers(text)
    except ValidationError:
        return
    assert parsed and all(normalise_pass_number(n) == n for n in parsed)


def test_monday_covers_friday_to_sunday_and_other_weekdays_the_day_before() -> None:
    assert reconciliation_period(date(2026, 11, 23)) == (date(2026, 11, 20), date(2026, 11, 22))
    assert reconciliation_period(date(2026, 11, 24)) == (date(2026, 11, 23), date(2026, 11, 23))
    assert reconciliation_period(date(2026, 11, 27)) == (date(2026, 11, 26), date(2026, 11, 26))
    with pytest.raises(ValidationError):
        reconciliation_period(date(2026, 11, 28))


@given(st.dates(date(2000, 1, 1), date(2100, 1, 1)))
def test_the_working_days_cover_every_day_exactly_once(day: date) -> None:
    monday = day - timedelta(days=day.weekday())
    covered = []
    for offset in range(5):
        first, last = reconciliation_period(monday + timedelta(days=offset))
        covered += [first + timedelta(days=n) for n in range((last - first).days + 1)]
    assert covered == [monday - timedelta(days=3) + timedelta(days=n) for n in range(7)]


@given(
    st.lists(st.sampled_from(["P1", "P2", "P3"]), max_size=8),
    st.lists(st.sampled_from(["P1", "P2"]), max_size=8),
)
def test_a_pass_out_twice_must_come_back_twice(issued: list[str], returned: list[str]) -> None:
    day = date(2026, 11, 24)
    sheet = PassReconciliation(
        day, day, tuple(issued), tuple(returned), "x", datetime(2026, 11, 25, tzinfo=UTC)
    )
    for number in {*issued, *returned}:
        missing = issued.count(number) - returned.count(number)
        assert sheet.not_returned.count(number) == max(0, missing)
        assert sheet.returned_not_issued.count(number) == max(0, -missing)
    assert sheet.balanced == (sorted(issued) == sorted(returned))


names = st.text(max_size=60)
moments = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
).map(lambda at: at.replace(microsecond=0))


@given(
    st.one_of(
        st.builds(DiscrepancyDetail, visitor=names, signed_by=names),
        st.builds(DiscrepancyDetail, returned_at=moments, received_by=st.text(max_size=60)),
        st.builds(DiscrepancyDetail, issued=st.integers(0, 9999), counted=st.integers(0, 9999)),
    )
)
def test_a_discrepancy_detail_is_stored_as_data_and_read_back(detail: DiscrepancyDetail) -> None:
    stored = detail.stored()
    assert len(stored) <= DETAIL_MAX_CHARS
    read = DiscrepancyDetail.from_stored(stored)
    if len(json.dumps([detail.visitor, detail.signed_by, detail.received_by], ensure_ascii=False)) < 120:
        assert read == detail
    else:  # names full of escapes are cut to fit the column, the rest kept
        assert (read.returned_at, read.issued, read.counted) == (
            detail.returned_at,
            detail.issued,
            detail.counted,
        )
        assert detail.visitor.startswith(read.visitor) and detail.signed_by.startswith(read.signed_by)


@given(st.text(max_size=200))
def test_a_detail_stored_as_words_reads_as_it_was_written(text: str) -> None:
    read = DiscrepancyDetail.from_stored(text)
    if read.text != text:  # only our own JSON is read as data
        assert text.startswith("{") and read == DiscrepancyDetail.from_stored(read.stored())
    assert DiscrepancyDetail.from_stored("张三 (signed by wang)") == DiscrepancyDetail(
        text="张三 (signed by wang)"
    )
