"""Card numbering and the IDC application's validators."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.cards import card_label, numeric_site_id
from kiosk.domain.credential import MAX_SITE_ID, CardKind
from kiosk.domain.errors import ValidationError
from kiosk.domain.idc_cards import AREA_MAX, AREAS_MAX, check_validity, parse_areas, retry_delay


@given(st.text())
def test_parse_areas_gives_clean_distinct_names_or_says_why(text: str) -> None:
    try:
        areas = parse_areas(text)
    except ValidationError as error:
        assert (error.field, error.code) in {
            ("areas", "required"),
            ("areas", "too_long"),
            ("areas", "too_many"),
        }
        return
    assert 1 <= len(areas) <= AREAS_MAX and len(set(areas)) == len(areas)
    for area in areas:
        assert area and area == area.strip() and len(area) <= AREA_MAX
        assert not any(sep in area for sep in ",，;；\n")


def test_parse_areas_splits_lines_and_both_commas() -> None:
    assert parse_areas("A201机房\nB3-cage 12，B3-cage 14; A201机房") == [
        "A201机房",
        "B3-cage 12",
        "B3-cage 14",
    ]


@given(st.text(max_size=30))
def test_numeric_site_id_is_stable_and_in_range(site_id: str) -> None:
    value = numeric_site_id(site_id)
    assert 0 <= value <= MAX_SITE_ID and value == numeric_site_id(site_id)


def test_numeric_site_ids_given_as_numbers_are_kept() -> None:
    assert (numeric_site_id("17"), numeric_site_id(" 4095 ")) == (17, 4095)
    assert numeric_site_id("4096") <= MAX_SITE_ID  # out of range: hashed like any other text


def test_labels_and_validity() -> None:
    assert [card_label(k, 42) for k in CardKind] == ["IDC000042", "V000042", "MR000042"]
    start = datetime(2026, 11, 25, tzinfo=UTC)
    with pytest.raises(ValidationError):
        check_validity(start, start)
    with pytest.raises(ValidationError):
        check_validity(start, start + timedelta(days=4 * 366))
    check_validity(start, start + timedelta(days=365))


def test_retry_delay_backs_off_to_an_hour() -> None:
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert retry_delay(50) == timedelta(hours=1)
