from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import ValidationError
from kiosk.domain.visitor import NAME_MAX_CHARS, validate_company, validate_visitor_name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("张三", "张三"),
        ("  Emily   Carter ", "Emily Carter"),
        ("阿卜杜·热合曼", "阿卜杜·热合曼"),
        ("O'Brien", "O'Brien"),
        ("Jean-Luc", "Jean-Luc"),
        ("张\u200b三", "张三"),
    ],
)
def test_accepts_real_names(raw: str, expected: str) -> None:
    assert validate_visitor_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "required"),
        ("   \t", "required"),
        ("\x1b\x1d", "required"),
        ("张三<3", "invalid_character"),
        ("Robert'); DROP TABLE", "invalid_character"),
        ("---", "no_letters"),
        ("张" * (NAME_MAX_CHARS + 1), "too_long"),
    ],
)
def test_rejects_with_a_specific_reason(raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_visitor_name(raw)
    assert info.value.field == "visitor_name"
    assert info.value.code == code


def test_invalid_character_names_the_character() -> None:
    with pytest.raises(ValidationError) as info:
        validate_visitor_name("张三3")
    assert info.value.params == {"char": "3"}


@given(st.text())
def test_any_text_is_accepted_clean_or_rejected_with_validation_error(raw: str) -> None:
    try:
        name = validate_visitor_name(raw)
    except ValidationError as exc:
        assert exc.code in {"required", "too_long", "invalid_character", "no_letters"}
    else:
        assert name == name.strip() and 0 < len(name) <= NAME_MAX_CHARS
        assert all(ch.isprintable() for ch in name)


@given(st.text())
def test_company_is_clean_or_too_long(raw: str) -> None:
    try:
        company = validate_company(raw)
    except ValidationError as exc:
        assert exc.code == "too_long"
    else:
        assert all(ch.isprintable() for ch in company)
