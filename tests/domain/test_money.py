from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import ValidationError
from kiosk.domain.money import MAX_FEN, chinese_capital, format_yuan, parse_yuan


@pytest.mark.parametrize(
    ("fen", "words"),
    [
        (10000, "壹佰元整"),
        (100, "壹元整"),
        (0, "零元整"),
        (5, "伍分"),
        (50, "伍角"),
        (1000, "壹拾元整"),
        (100550, "壹仟零伍元伍角"),
        (100505, "壹仟零伍元零伍分"),
        (50000, "伍佰元整"),
        (10000000, "壹拾万元整"),
        (100001000, "壹佰万零壹拾元整"),
        (1000000000, "壹仟万元整"),
        (10000000000, "壹亿元整"),
        (10010000000, "壹亿零壹拾万元整"),
        (10100000000, "壹亿零壹佰万元整"),
        (123456789, "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
        (2000100, "贰万零壹元整"),
        (20010000, "贰拾万零壹佰元整"),
        (1000010000, "壹仟万零壹佰元整"),
        (-10000, "负壹佰元整"),
    ],
)
def test_capital_numerals(fen: int, words: str) -> None:
    assert chinese_capital(fen) == words


_VALUE = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_UNIT = {"拾": 10, "佰": 100, "仟": 1000}


def _read_back(words: str) -> int:
    """An independent reader of capital amounts, to check the writer by round trip."""
    total_fen = 0
    yuan_part, _, cents_part = words.removesuffix("整").partition("元")
    if not _:
        yuan_part, cents_part = "", words
    section = number = digit = 0
    for ch in yuan_part:
        if ch in _VALUE:
            digit = _VALUE[ch]
        elif ch in _UNIT:
            number += digit * _UNIT[ch]
            digit = 0
        elif ch == "万":
            section += (number + digit) * 10_000
            number = digit = 0
        elif ch == "亿":
            section = (section + number + digit) * 100_000_000
            number = digit = 0
    total_fen = (section + number + digit) * 100
    digit = 0
    for ch in cents_part:
        if ch in _VALUE:
            digit = _VALUE[ch]
        elif ch == "角":
            total_fen += digit * 10
        elif ch == "分":
            total_fen += digit
    return total_fen


@given(st.integers(min_value=0, max_value=10**12))
def test_capital_numerals_read_back_to_the_amount(fen: int) -> None:
    words = chinese_capital(fen)
    assert "零零" not in words
    assert _read_back(words) == fen


def test_too_large_is_refused() -> None:
    with pytest.raises(ValueError):
        chinese_capital(MAX_FEN + 1)


@pytest.mark.parametrize(
    ("text", "fen"), [("100", 10000), ("100.5", 10050), (" ¥1,200.00 ", 120000), ("0.01", 1)]
)
def test_parse_yuan(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("abc", "not_a_number"),
        ("", "not_a_number"),
        ("0", "not_positive"),
        ("-5", "not_positive"),
        ("1.005", "too_many_decimals"),
        ("NaN", "not_a_number"),
        ("1e20", "too_large"),
    ],
)
def test_parse_yuan_says_what_is_wrong(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_yuan(text)
    assert info.value.code == code


@given(st.text(max_size=30))
def test_parse_yuan_never_raises_anything_else(text: str) -> None:
    with contextlib.suppress(ValidationError):
        assert parse_yuan(text) > 0


def test_format_yuan() -> None:
    assert format_yuan(123456) == "1,234.56"
    assert format_yuan(-500) == "-5.00"
