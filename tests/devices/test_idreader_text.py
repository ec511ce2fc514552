"""The ID card's 256-byte text block: parsing, checking (GB 11643), masking, and fuzzing."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.devices.idreader.text import (
    CARD_TYPE,
    ID_NUMBER,
    NATIONS,
    RESIDENCE_PERMIT,
    SEXES,
    IdCardRecord,
    IdTextError,
    UnsupportedIdCardError,
    encode_id_text,
    parse_id_text,
)
from tests.devices.idcards import id_number, record


def chars_of(rec: IdCardRecord) -> list[str]:
    return list(encode_id_text(rec).decode("utf-16-le"))


def block(chars: list[str]) -> bytes:
    return "".join(chars).encode("utf-16-le")


def test_a_card_reads_back_field_by_field() -> None:
    rec = record(name="阿依古丽·买买提", sex="female", nation_code="05", valid_until=None)
    data = encode_id_text(rec)
    assert len(data) == 256
    # Fixed places: the name first, the sex code at char 15, the number at char 61.
    text = data.decode("utf-16-le")
    assert text.startswith("阿依古丽·买买提 ") and text[15] == "2" and text[16:18] == "05"
    assert text[102:110] == "长期      "
    parsed = parse_id_text(data, b"photo")
    assert parsed == IdCardRecord(**{**rec.__dict__, "photo": b"photo"})
    assert parsed.nation == "维吾尔" and parsed.valid_until is None
    assert parsed.id_type == "resident_id"


def test_the_number_never_shows_in_repr_or_errors() -> None:
    rec = parse_id_text(encode_id_text(record()))
    assert rec.id_number == id_number()
    assert id_number() not in repr(rec) and id_number() not in str(rec)
    assert rec.masked_id_number in repr(rec)
    chars = chars_of(record())
    chars[ID_NUMBER[0] + 17] = "0" if chars[ID_NUMBER[0] + 17] != "0" else "1"
    with pytest.raises(IdTextError) as caught:
        parse_id_text(block(chars))
    assert caught.value.code == "id_number"
    assert id_number()[:17] not in str(caught.value)


def test_a_wrong_check_digit_is_refused() -> None:
    number = id_number()
    wrong = number[:17] + ("0" if number[17] != "0" else "1")
    with pytest.raises(IdTextError, match="check_digit"):
        parse_id_text(encode_id_text(record(id_number=wrong)))


def test_birth_date_must_match_the_number() -> None:
    with pytest.raises(IdTextError) as caught:
        parse_id_text(encode_id_text(record(birth_date=date(1985, 3, 8))))
    assert caught.value.code == "birth_date"


def test_residence_permit_and_foreign_card() -> None:
    permit = record(id_number=id_number("810000", date(1990, 1, 2)), birth_date=date(1990, 1, 2))
    permit = IdCardRecord(**{**permit.__dict__, "card_type": RESIDENCE_PERMIT})
    assert parse_id_text(encode_id_text(permit)).card_type == RESIDENCE_PERMIT
    chars = chars_of(record())
    chars[CARD_TYPE[0]] = "I"
    with pytest.raises(UnsupportedIdCardError):
        parse_id_text(block(chars))


@pytest.mark.parametrize(
    ("position", "value", "code"),
    [
        (0, " ", "name"),  # an empty name (all spaces)
        (15, "5", "sex"),
        (16, "7", "nation"),
        (18, "X", "birth_date"),
        (98, "1", "validity"),  # valid from 2015-16-01
        (124, "Q", "card_type"),
    ],
)
def test_each_broken_field_says_which(position: int, value: str, code: str) -> None:
    chars = chars_of(record())
    if position == 0:
        chars[0:15] = [" "] * 15
    else:
        chars[position] = value
    with pytest.raises(IdTextError) as caught:
        parse_id_text(block(chars))
    assert caught.value.code == code


def test_not_ucs2_and_wrong_size() -> None:
    with pytest.raises(IdTextError, match="bytes"):
        parse_id_text(bytes(255))
    surrogate = bytearray(encode_id_text(record()))
    surrogate[0:4] = "😀".encode("utf-16-le")
    with pytest.raises(IdTextError):
        parse_id_text(bytes(surrogate))


def test_encoding_refuses_fields_too_long() -> None:
    with pytest.raises(ValueError, match="name"):
        encode_id_text(record(name="张" * 16))


_cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@st.composite
def records(draw: st.DrawFn) -> IdCardRecord:
    born = draw(st.dates(date(1900, 1, 1), date(2025, 12, 31)))
    valid_from = draw(st.dates(date(2000, 1, 1), date(2030, 1, 1)))
    until = draw(st.none() | st.dates(valid_from, date(2060, 1, 1)))
    sequence = f"{draw(st.integers(0, 999)):03d}"
    return IdCardRecord(
        name=draw(st.text(_cjk, min_size=1, max_size=15)),
        sex=draw(st.sampled_from(sorted(SEXES.values()))),
        nation_code=draw(st.sampled_from(sorted(NATIONS))),
        birth_date=born,
        address=draw(st.text(_cjk | st.sampled_from("0123456789号-"), max_size=35)).strip(),
        id_number=id_number(draw(st.sampled_from(["110105", "440305", "650102"])), born, sequence),
        authority=draw(st.text(_cjk, max_size=15)),
        valid_from=valid_from,
        valid_until=until,
    )


@given(records())
def test_fuzz_round_trip(rec: IdCardRecord) -> None:
    assert parse_id_text(encode_id_text(rec)) == rec


@given(st.binary(min_size=256, max_size=256) | st.binary(max_size=300))
def test_fuzz_parser_raises_only_its_error(data: bytes) -> None:
    with contextlib.suppress(IdTextError):
        parse_id_text(data)


@given(records(), st.integers(0, 255), st.integers(0, 255))
def test_fuzz_one_damaged_byte_is_refused_or_still_a_valid_card(
    rec: IdCardRecord, at: int, byte: int
) -> None:
    data = bytearray(encode_id_text(rec))
    data[at] = byte
    try:
        parsed = parse_id_text(bytes(data))
    except IdTextError:
        return
    # Whatever still parses passed every check: a number with a good check digit.
    assert len(parsed.id_number) == 18 and parsed.birth_date.year >= 1900
