"""Codes on paper (#16, 6): the badge's check-out code, signed for one visit and read back however
the scanner typed it; a release slip's code bound to its nonce and issue time, and its validity."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.badge import (
    CHECKOUT_PREFIX,
    CheckoutCode,
    UnsignedBadgeCodeError,
    checkout_code,
    checkout_code_matches,
    parse_checkout_code,
)
from kiosk.domain.codes import CROCKFORD
from kiosk.domain.release_slip import (
    SlipBinding,
    SlipCodeError,
    new_slip_binding,
    short_code_of,
    sign_slip_code,
    slip_valid_until,
    verify_slip_code,
)

KEY = bytes(range(32))
AT = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
# What a QR code's alphanumeric mode holds: a smaller code than bytes.
QR_ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")

keys = st.binary(min_size=16, max_size=32)
visit_ids = st.integers(min_value=1, max_value=10**9)
badge_numbers = st.integers(min_value=1, max_value=999_999).map(lambda n: f"V{n:06d}")
instants = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
)


@given(keys, visit_ids, badge_numbers, instants)
def test_a_code_reads_back_as_its_visits_and_fits_a_small_qr(
    key: bytes, visit_id: int, badge: str, at: datetime
) -> None:
    code = checkout_code(key, visit_id, badge, at)
    assert set(code) <= QR_ALPHANUMERIC and len(code) == 29  # a version 2 QR at level M
    read = parse_checkout_code(code)
    assert read is not None and read.badge_number == badge
    assert checkout_code_matches(key, read, visit_id, badge, at)


# A wedge scanner's Shift mistakes on a US layout: a capital typed small (Shift missed, Caps Lock)
# and a digit or dash typed shifted (Shift held a moment too long).
_SHIFTED = dict(zip("0123456789-", ")!@#$%^&*(_", strict=True))


@given(badge_numbers, visit_ids, st.data())
def test_shift_mistakes_of_the_scanner_read_the_same(badge: str, visit_id: int, data: st.DataObject) -> None:
    code = checkout_code(KEY, visit_id, badge, AT)
    typed = "".join(
        data.draw(st.sampled_from([ch, ch.lower(), _SHIFTED.get(ch, ch)]), label=f"key {i}")
        for i, ch in enumerate(code)
    )
    assert parse_checkout_code(f" {typed}\n") == parse_checkout_code(code)


@given(st.text(max_size=40))
def test_any_text_is_a_well_formed_code_or_none(text: str) -> None:
    try:
        read = parse_checkout_code(text)
    except UnsignedBadgeCodeError:
        return
    if read is not None:
        assert read.badge_number[0] == "V" and read.badge_number[1:].isdigit()
        assert len(read.mac) == 16 and set(read.mac) <= set(CROCKFORD)


_CODE = re.compile(rf"LKV2-V[0-9]{{6,9}}-[{CROCKFORD}]{{16}}")


@given(
    st.from_regex(r"LKV2-V[0-9]{5,10}-[0-9A-Z-]{14,18}", fullmatch=True) | st.text("LKV2-0123456789ABCXYZ")
)
def test_text_near_a_code_reads_as_exactly_what_it_says(text: str) -> None:
    read = parse_checkout_code(text)
    if read is None:
        assert not _CODE.fullmatch(text)
    else:
        assert f"{CHECKOUT_PREFIX}{read.badge_number}-{read.mac}" == text


def test_a_printed_badge_qr_from_one_visit_does_not_match_another() -> None:
    code = parse_checkout_code(checkout_code(KEY, 7, "V000007", AT))
    assert code is not None and checkout_code_matches(KEY, code, 7, "V000007", AT)
    assert not checkout_code_matches(KEY, code, 8, "V000007", AT)  # another visit, same number
    assert not checkout_code_matches(KEY, code, 7, "V000008", AT)
    assert not checkout_code_matches(KEY, code, 7, "V000007", AT + timedelta(seconds=1))
    assert not checkout_code_matches(b"another building's key", code, 7, "V000007", AT)
    # The number copied from another badge onto this one's MAC, as a forger would.
    assert not checkout_code_matches(KEY, CheckoutCode("V000008", code.mac), 8, "V000008", AT)


@pytest.mark.parametrize("old", ["LKV:V000123", "lkv;v000123", " LKV:V000123\r"])
def test_an_old_unsigned_code_is_told_apart(old: str) -> None:
    with pytest.raises(UnsignedBadgeCodeError):
        parse_checkout_code(old)


@pytest.mark.parametrize(
    "text",
    [
        "LKI:WXY34A",  # an invitation
        f"{CHECKOUT_PREFIX}V000123",  # no MAC
        f"{CHECKOUT_PREFIX}V000123-ABC",  # a cut one
        f"{CHECKOUT_PREFIX}V000123-ABCDEFGHJKMNPQRU",  # U is no Crockford character
        f"{CHECKOUT_PREFIX}X000123-ABCDEFGHJKMNPQRS",
        "https://example.com/x",
    ],
)
def test_what_is_no_badge_code_reads_as_none(text: str) -> None:
    assert parse_checkout_code(text) is None


# --- a release slip's validity (kiosk.domain.release_slip) ------------------------------------------


@pytest.mark.parametrize(
    ("issued", "hours", "until"),
    [
        # 0: to the end of the site day it was issued on, however late.
        (datetime(2026, 11, 25, 2, 0, tzinfo=UTC), 0, datetime(2026, 11, 25, 16, 0, tzinfo=UTC)),
        (datetime(2026, 11, 25, 15, 59, tzinfo=UTC), 0, datetime(2026, 11, 25, 16, 0, tzinfo=UTC)),
        (datetime(2026, 11, 25, 16, 0, tzinfo=UTC), 0, datetime(2026, 11, 26, 16, 0, tzinfo=UTC)),
        # config desk.slip_valid_hours: that many hours from issue.
        (datetime(2026, 11, 25, 2, 0, tzinfo=UTC), 36, datetime(2026, 11, 26, 14, 0, tzinfo=UTC)),
    ],
)
def test_a_slip_is_valid_for_its_day_or_the_hours_set(issued: datetime, hours: int, until: datetime) -> None:
    assert slip_valid_until(issued, hours, ZoneInfo("Asia/Shanghai")) == until


@given(st.binary(min_size=16, max_size=32), st.integers(1, 999_999), instants, st.text(max_size=8))
def test_a_slips_code_is_bound_to_its_nonce_and_issue_time(
    key: bytes, number: int, at: datetime, other_nonce: str
) -> None:
    binding = new_slip_binding(at)
    slip = f"S{number:06d}"
    code = sign_slip_code(key, slip, binding)
    for typed in (code, short_code_of(code)):
        assert verify_slip_code(key, typed, binding) == slip
        restored = SlipBinding(binding.nonce[:-1] + other_nonce + "x", at)  # the same number again
        for other in (restored, SlipBinding(binding.nonce, at + timedelta(seconds=1)), None):
            with pytest.raises(SlipCodeError):
                verify_slip_code(key, typed, other)
