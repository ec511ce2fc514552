"""A host's own channel and address as the staff directory gives them, and DingTalk's signing."""

from __future__ import annotations

import base64
import hashlib
import hmac
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.imports import RowError, validate_directory_row
from kiosk.domain.notify import (
    ADDRESS_MAX,
    NotifyAddressError,
    NotifyChannel,
    dingtalk_sign,
    dingtalk_signed_url,
    parse_channel,
    validate_address,
)


@pytest.mark.parametrize(
    ("typed", "channel"),
    [
        ("企业微信", NotifyChannel.WECOM),
        (" WeCom ", NotifyChannel.WECOM),
        ("钉钉", NotifyChannel.DINGTALK),
        ("DingTalk", NotifyChannel.DINGTALK),
        ("短信", NotifyChannel.SMS),
        ("邮件", NotifyChannel.EMAIL),
        ("", None),
    ],
)
def test_channels_in_either_language(typed: str, channel: NotifyChannel | None) -> None:
    assert parse_channel(typed) is channel


@given(st.text(max_size=30))
def test_any_channel_text_is_a_channel_none_or_a_named_refusal(typed: str) -> None:
    try:
        channel = parse_channel(typed)
    except NotifyAddressError as error:
        assert (error.field, error.code) == ("notify_channel", "unknown_channel")
    else:
        assert channel is None or channel in NotifyChannel


@given(st.sampled_from([*NotifyChannel, None]), st.text(max_size=ADDRESS_MAX + 20))
def test_any_address_is_clean_or_refused_by_field(channel: NotifyChannel | None, typed: str) -> None:
    try:
        address = validate_address(channel, typed)
    except NotifyAddressError as error:
        assert error.field in ("notify_channel", "notify_address")
        assert error.code in ("required", "too_long", "format")
    else:
        assert address is None or (0 < len(address) <= ADDRESS_MAX and address == address.strip())


def test_addresses_per_channel() -> None:
    url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6"
    assert validate_address(NotifyChannel.WECOM, f" {url} ") == url
    assert validate_address(NotifyChannel.SMS, "+86 138-0013-8000") == "13800138000"
    assert validate_address(NotifyChannel.EMAIL, "Wang@Example.com") == "wang@example.com"
    for channel, bad in (
        (NotifyChannel.DINGTALK, "oapi.dingtalk.com/robot/send"),
        (NotifyChannel.SMS, "8001"),
        (NotifyChannel.EMAIL, "wang at example"),
    ):
        with pytest.raises(NotifyAddressError) as info:
            validate_address(channel, bad)
        assert info.value.code == "format"
    with pytest.raises(NotifyAddressError) as info:
        validate_address(None, "13800138000")  # an address says which channel it is for
    assert (info.value.field, info.value.code) == ("notify_channel", "required")


def test_the_directory_row_takes_the_channel_columns() -> None:
    row = validate_directory_row({"name": "王芳", "department": "行政部", "notify_channel": "钉钉"})
    assert (row.notify_channel, row.notify_address) == (NotifyChannel.DINGTALK, None)
    with pytest.raises(RowError) as info:
        validate_directory_row({"name": "王芳", "department": "行政部", "notify_channel": "微信"})
    assert info.value.column == "notify_channel" and "微信" in str(info.value)


def test_dingtalk_signature_is_the_documented_hmac() -> None:
    secret, timestamp = "SECabc", 1_764_036_000_000
    expected = base64.b64encode(
        hmac.new(secret.encode(), f"{timestamp}\nSECabc".encode(), hashlib.sha256).digest()
    ).decode()
    assert dingtalk_sign(secret, timestamp) == expected
    signed = dingtalk_signed_url("https://oapi.dingtalk.com/robot/send?access_token=t", secret, timestamp)
    query = parse_qs(urlsplit(signed).query)
    assert query == {"access_token": ["t"], "timestamp": [str(timestamp)], "sign": [expected]}
    # "+" and "/" of base64 are URL-encoded, as DingTalk asks.
    assert "+" not in urlsplit(signed).query.split("sign=")[1]
