"""The complaint register's validators: how to reach the person, the due date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.complaints import (
    CONTACT_MAX_CHARS,
    DUE_MAX_DAYS,
    complaint_number,
    validate_contact,
    validate_due,
)
from kiosk.domain.errors import ValidationError


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("13912345678", "13912345678"),
        (" 139 1234  5678 ", "139 1234 5678"),
        ("0755-8888 1234 转 801", "0755-8888 1234 转 801"),
        ("０７５５－８８８８１２３４", "0755-88881234"),  # typed on a full-width keyboard
        ("+852 2123 4567", "+852 2123 4567"),
        ("(010) 6512 3456 ext. 12", "(010) 6512 3456 ext. 12"),
        ("Chen.Wei@Example.COM", "chen.wei@example.com"),
        ("", ""),
    ],
)
def test_phone_numbers_and_e_mail_addresses_are_kept_as_staff_dial_them(typed: str, kept: str) -> None:
    assert validate_contact(typed) == kept


@pytest.mark.parametrize(
    "typed", ["call me", "123", "139-1234-5678-9999-0000-123", "a@b", "陈@例子.中国", "12a34567"]
)
def test_anything_else_is_refused_as_a_format(typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_contact(typed)
    assert (refused.value.field, refused.value.code) == ("contact", "format")


@given(st.text(max_size=80))
def test_any_text_is_kept_clean_or_refused_with_a_reason(typed: str) -> None:
    try:
        kept = validate_contact(typed)
    except ValidationError as refused:
        assert refused.field == "contact" and refused.code in ("format", "too_long")
        return
    assert len(kept) <= CONTACT_MAX_CHARS and kept == kept.strip()
    assert kept.isprintable()
    assert validate_contact(kept) == kept  # what is stored is accepted as it is


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), st.sampled_from(["", " ", "-"]))
def test_every_mainland_mobile_is_accepted_however_grouped(mobile: str, gap: str) -> None:
    typed = gap.join((mobile[:3], mobile[3:7], mobile[7:]))
    assert "".join(ch for ch in validate_contact(typed) if ch.isdigit()) == mobile


@given(st.integers(-1000, 1000))
def test_a_due_date_is_from_today_to_a_year_ahead(days: int) -> None:
    today = date(2026, 11, 25)
    due = today + timedelta(days=days)
    if 0 <= days <= DUE_MAX_DAYS:
        assert validate_due(due, today) == due
    else:
        with pytest.raises(ValidationError) as refused:
            validate_due(due, today)
        assert refused.value.code == ("in_the_past" if days < 0 else "too_far")


def test_complaint_numbers() -> None:
    assert complaint_number(17) == "C000017"
    with pytest.raises(ValueError):
        complaint_number(0)
