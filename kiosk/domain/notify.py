"""How a host is asked about a visitor: the channels, a host's own choice of one, and the group
robots' signing.

A host is asked on one channel: their own (``hosts.notify_channel``, from the staff directory)
when they have one, else the site's ([notify] channel). E-mail is the channel the site always had;
the WeCom (企业微信) and DingTalk (钉钉) group robots post into a chat group, mentioning the host by
their mobile so their phone rings; an SMS carries one link to the decision page.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlencode

from kiosk.domain.errors import ValidationError
from kiosk.domain.text import sanitize_text
from kiosk.domain.visitor import validate_mobile

ADDRESS_MAX = 300  # hosts.notify_address: a robot's webhook URL is about 100 characters
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)


class NotifyChannel(StrEnum):
    EMAIL = "email"
    WECOM = "wecom"
    DINGTALK = "dingtalk"
    SMS = "sms"

    @property
    def is_robot(self) -> bool:
        """A chat group's robot: its address is a webhook URL."""
        return self in (NotifyChannel.WECOM, NotifyChannel.DINGTALK)


# What an HR sheet may write in the channel column, in either language.
_CHANNEL_WORDS = {
    "email": NotifyChannel.EMAIL,
    "e-mail": NotifyChannel.EMAIL,
    "mail": NotifyChannel.EMAIL,
    "邮件": NotifyChannel.EMAIL,
    "邮箱": NotifyChannel.EMAIL,
    "电子邮件": NotifyChannel.EMAIL,
    "wecom": NotifyChannel.WECOM,
    "wework": NotifyChannel.WECOM,
    "企业微信": NotifyChannel.WECOM,
    "企微": NotifyChannel.WECOM,
    "dingtalk": NotifyChannel.DINGTALK,
    "钉钉": NotifyChannel.DINGTALK,
    "sms": NotifyChannel.SMS,
    "短信": NotifyChannel.SMS,
}


# A generic SMS gateway's JSON body: {mobile} and {text} are put into its strings (JSON-escaped).
DEFAULT_SMS_BODY = '{"mobile": "{mobile}", "text": "{text}"}'


@dataclass(frozen=True)
class ChannelSettings:
    """[notify]'s channels besides e-mail (kiosk.config): the site's channel, its group robots
    and its SMS gateway."""

    channel: NotifyChannel = NotifyChannel.EMAIL
    wecom_url: str = ""
    dingtalk_url: str = ""
    # DingTalk's 加签 secret (SEC...): the site's DingTalk robot's URL is signed with it.
    dingtalk_secret: str = ""
    # A generic HTTP gateway: the URL ({mobile} may be in it), the JSON body, a bearer token.
    sms_url: str = ""
    sms_body: str = DEFAULT_SMS_BODY
    sms_token: str = ""

    def configured(self) -> bool:
        """Whether any channel besides e-mail is set up for the site."""
        return bool(self.wecom_url or self.dingtalk_url or self.sms_url)

    def problems(self) -> list[tuple[str, str]]:
        """(key, why) for a site channel that has nothing to send through."""
        needs = {
            NotifyChannel.WECOM: ("wecom_url", self.wecom_url),
            NotifyChannel.DINGTALK: ("dingtalk_url", self.dingtalk_url),
            NotifyChannel.SMS: ("sms_url", self.sms_url),
        }
        if self.channel in needs and not needs[self.channel][1]:
            key = needs[self.channel][0]
            return [("channel", f"{self.channel.value!r} needs [notify] {key}")]
        return []


class NotifyAddressError(ValueError):
    """A host's channel or address cannot be used: ``field`` and a stable ``code``."""

    def __init__(self, field: str, code: str, value: str = "") -> None:
        super().__init__(f"{field}: {code}")
        self.field = field
        self.code = code
        self.value = value


def parse_channel(raw: str) -> NotifyChannel | None:
    """``邮件``, ``企业微信``, ``DingTalk``, ``sms``... -> the channel; blank -> None (the site's)."""
    text = sanitize_text(raw).lower()
    if not text:
        return None
    channel = _CHANNEL_WORDS.get(text)
    if channel is None:
        raise NotifyAddressError("notify_channel", "unknown_channel", text)
    return channel


def validate_address(channel: NotifyChannel | None, raw: str) -> str | None:
    """A host's own address for ``channel``: a robot's webhook URL, a mobile for SMS, an e-mail
    address. Blank -> None: the robot's is the site's, the mobile and e-mail the directory's."""
    text = sanitize_text(raw)
    if not text:
        return None
    if channel is None:
        raise NotifyAddressError("notify_channel", "required")
    if len(text) > ADDRESS_MAX:
        raise NotifyAddressError("notify_address", "too_long", text[:40])
    if channel.is_robot:
        ok = bool(_URL.match(text))
    elif channel is NotifyChannel.SMS:
        try:
            text = validate_mobile(text)  # as the directory's mobile column: +86, spaces, dashes
        except ValidationError:
            raise NotifyAddressError("notify_address", "format", text) from None
        ok = bool(text)
    else:
        text = text.lower()
        ok = bool(_EMAIL.match(text))
    if not ok:
        raise NotifyAddressError("notify_address", "format", text)
    return text


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk's 加签: HMAC-SHA256 under the robot's secret (``SEC...``) of ``timestamp\\nsecret``,
    in base64 (the caller URL-encodes it as the ``sign`` parameter)."""
    to_sign = f"{timestamp_ms}\n{secret}".encode()
    return base64.b64encode(hmac.new(secret.encode(), to_sign, hashlib.sha256).digest()).decode("ascii")


def dingtalk_signed_url(url: str, secret: str, timestamp_ms: int) -> str:
    """The robot's webhook URL with ``timestamp`` and ``sign``; DingTalk refuses a timestamp more
    than an hour from its own clock, so it is taken at the moment of sending."""
    query = urlencode({"timestamp": timestamp_ms, "sign": dingtalk_sign(secret, timestamp_ms)})
    return f"{url}{'&' if '?' in url else '?'}{query}"
