"""Lost and found's rules: the tag's code read back however it was scanned or typed, the owner's
ID kept as its type and last four only, the disposal methods per category, the keep period."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import ValidationError
from kiosk.domain.lost_found import (
    SECURE,
    ClaimDraft,
    DisposalMethod,
    LostItemCategory,
    check_disposal,
    disposal_methods,
    keep_until,
    lost_item_number,
    read_lost_item_code,
    tag_code,
)

FULL_WIDTH = str.maketrans("0123456789SWLKF:", "０１２３４５６７８９ＳＷＬＫＦ：")


@given(st.integers(min_value=1, max_value=10**9), st.booleans(), st.booleans(), st.booleans())
def test_a_tag_reads_back_scanned_or_typed(value: int, prefixed: bool, lower: bool, wide: bool) -> None:
    number = lost_item_number(value)
    text = tag_code(number) if prefixed else number
    text = text.lower() if lower else text
    text = text.translate(FULL_WIDTH) if wide else text
    assert read_lost_item_code(f" {text} ") == number


@given(st.text(max_size=40))
def test_anything_else_scanned_is_not_an_item(text: str) -> None:
    found = read_lost_item_code(text)
    assert found is None or (found.startswith("SW") and found[2:].isdigit())


@pytest.mark.parametrize("code", ["LKR:BX000001", "LKV2-V000123-ABCD", "SW12", "LKF:SW", "S000001-ABCD-EFGH"])
def test_other_codes_at_the_desk_are_not_items(code: str) -> None:
    assert read_lost_item_code(code) is None


@given(st.sampled_from("0123456789X"), st.text(alphabet="0123456789", min_size=3, max_size=3))
def test_the_claim_keeps_the_last_four_only(last: str, digits: str) -> None:
    typed = (digits + last).lower().translate(FULL_WIDTH)
    kept = ClaimDraft("陈晓明", "resident_id", typed, "陈 晓明", True).checked()
    assert kept.id_last_four == digits + last


@pytest.mark.parametrize(
    ("typed", "code"), [("", "required"), ("11010519491231002X", "length"), ("12-4", "characters")]
)
def test_a_full_id_number_or_junk_is_refused(typed: str, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        ClaimDraft("陈晓明", "resident_id", typed, "陈晓明", True).checked()
    assert (refused.value.field, refused.value.code) == ("last_four", code)


def test_an_unknown_id_type_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        ClaimDraft("陈晓明", "driving_licence", "1234", "陈晓明", True).checked()
    assert (refused.value.field, refused.value.code) == ("id_type", "unknown")


@pytest.mark.parametrize("category", list(LostItemCategory))
def test_cash_valuables_and_documents_go_to_the_police_only(category: LostItemCategory) -> None:
    methods = disposal_methods(category)
    assert DisposalMethod.HANDED_TO_POLICE in methods
    if category in SECURE:
        assert methods == (DisposalMethod.HANDED_TO_POLICE,)
        with pytest.raises(ValidationError) as refused:
            check_disposal(category, DisposalMethod.DESTROYED)
        assert refused.value.code == "police_only"
    else:
        check_disposal(category, DisposalMethod.RETURNED_TO_FINDER)


def test_the_keep_period_counts_from_when_it_was_found() -> None:
    found = datetime(2026, 11, 25, 1, 40, tzinfo=UTC)
    assert keep_until(found, 90) == found + timedelta(days=90)
