"""Asking the host where they read: their e-mail, a WeCom (企业微信) or DingTalk (钉钉) group
robot, or an SMS, each with the decision page's signed links.

Which channel (decided): the host's own (``hosts.notify_channel`` from the staff directory) when
it can reach them, else the site's ([notify] channel), else e-mail, the channel every site had;
one channel per visit, so a host is not asked twice. What reaches a host on a channel: their
own address for it if the directory gives one (their department's robot, another mobile or
e-mail), else the site's robot, the directory's mobile or e-mail. Nothing reaches them: the desk
phones, as for a host without e-mail before.

A send that fails raises; the check-in logs it and goes on, as for the e-mail (a mail server
down never stopped a check-in). The visit stays waiting, and after 3 minutes the desks' boards
turn it red and ring (kiosk.ui.common.desk_sound): the receptionist phones the host. Not sent
again: the links are for a visitor standing in the lobby, and the desk has it by then.

What each carries: the robots post into a group (others read it), so the visitor's name is
masked as on the decision page (张*), with the company; an SMS reaches the host alone and is
short: the visitor's name and one link, whose page offers accept and decline. Never an ID
number: the notifier is not given one. Text messages, not markdown, for the robots: the visitor's
own words are in them, and markdown would let them write a link; and a WeCom text message is the
kind whose mention (by mobile) rings the host's phone.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from typing import Protocol
from urllib.parse import quote

from kiosk.domain.notify import ChannelSettings, NotifyChannel, dingtalk_signed_url
from kiosk.domain.visitor import mask_name
from kiosk.services.clock import Clock
from kiosk.services.host_contact import HostContact
from kiosk.services.host_notify import LINK_LIFETIME, SmtpHostNotifier, decision_links
from kiosk.services.http_post import PostError, post_json

log = logging.getLogger(__name__)

# The visitor stands in the lobby while the check-in waits for this: short (the e-mail's 15 s is
# for a mail server's greeting).
SEND_TIMEOUT_S = 5.0


class NotifyError(Exception):
    """A channel did not take the message: the desk will phone the host."""


# --- the messages ------------------------------------------------------------------------------


def robot_text(site: str, host_name: str, visitor_name: str, company: str, accept: str, decline: str) -> str:
    """A group robot's message, Chinese then English; the visitor masked (the group reads it)."""
    visitor = mask_name(visitor_name)
    who_zh = f"{visitor}（{company}）" if company else visitor
    who_en = f"{visitor} ({company})" if company else visitor
    minutes = int(LINK_LIFETIME.total_seconds() // 60)
    return (
        f"【访客到访 Visitor】{site}\n"
        f"{host_name}，{who_zh} 在大堂等候拜访您。\n"
        f"{host_name}, {who_en} is waiting for you in the lobby.\n"
        f"同意接待 Accept：{accept}\n"
        f"谢绝来访 Decline：{decline}\n"
        f"链接 {minutes} 分钟内有效；如无法回复，前台会电话联系您。\n"
        f"The links work for {minutes} minutes; if you cannot answer, the front desk will call you."
    )


def sms_text(site: str, visitor_name: str, link: str) -> str:
    """An SMS: short, one link (its page asks accept or decline, in the phone's language)."""
    return f"{site}：访客{visitor_name}在大堂等候您，请点链接答复 Visitor waiting: {link}"


def robot_payload(channel: NotifyChannel, text: str, mobile: str | None) -> dict[str, object]:
    """The JSON a WeCom or DingTalk group robot takes: a text message mentioning the host."""
    if channel is NotifyChannel.WECOM:
        content: dict[str, object] = {"content": text}
        if mobile:
            content["mentioned_mobile_list"] = [mobile]
        return {"msgtype": "text", "text": content}
    if channel is NotifyChannel.DINGTALK:
        # DingTalk shows a mention only where the content names the mobile too.
        return {
            "msgtype": "text",
            "text": {"content": f"{text}\n@{mobile}" if mobile else text},
            "at": {"atMobiles": [mobile] if mobile else [], "isAtAll": False},
        }
    raise ValueError(f"{channel} is not a group robot")


# --- group robots ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RobotAddress:
    channel: NotifyChannel
    url: str
    secret: str = ""  # DingTalk's 加签; "" posts the URL as it is


def post_to_robot(robot: RobotAddress, payload: dict[str, object], now_ms: int) -> None:
    """POST ``payload`` to the robot; both robots answer HTTP 200 with ``errcode`` 0 when they
    took it, another errcode (a wrong key, a bad signature, too many messages) when not."""
    url = robot.url
    if robot.channel is NotifyChannel.DINGTALK and robot.secret:
        url = dingtalk_signed_url(url, robot.secret, now_ms)
    try:
        answer = post_json(url, payload, SEND_TIMEOUT_S)
    except PostError as exc:
        raise NotifyError(f"{robot.channel.value} robot: {exc}") from None
    try:
        result = json.loads(answer)
    except ValueError:
        raise NotifyError(f"{robot.channel.value} robot answered something not JSON") from None
    code = result.get("errcode", 0) if isinstance(result, dict) else None
    if code != 0:
        message = result.get("errmsg", "") if isinstance(result, dict) else ""
        raise NotifyError(f"{robot.channel.value} robot refused the message: errcode {code} {message}")


# --- SMS ---------------------------------------------------------------------------------------


class SmsGateway(Protocol):
    """Sends one short text message to a mobile; raises NotifyError when the gateway refuses."""

    def send_sms(self, mobile: str, text: str) -> None: ...


@dataclass
class FakeSmsGateway:
    """An SMS gateway for tests and demos: keeps what it was given; ``failure`` makes it refuse."""

    sent: list[tuple[str, str]] = field(default_factory=list)
    failure: str = ""

    def send_sms(self, mobile: str, text: str) -> None:
        if self.failure:
            raise NotifyError(self.failure)
        self.sent.append((mobile, text))


class HttpSmsGateway:
    """A generic HTTP SMS gateway (decided: most Chinese SMS services, and the in-house relays in
    front of them, take a JSON POST): ``url`` may hold ``{mobile}``; ``body`` is a JSON object
    whose strings may hold ``{mobile}`` and ``{text}``, filled in after parsing, so no text can
    break out of its string; ``token``, if any, goes as a bearer token. Any 2xx is taken."""

    def __init__(self, url: str, body: str, token: str = "", timeout_s: float = SEND_TIMEOUT_S) -> None:
        template = json.loads(body)
        if not isinstance(template, dict):
            raise ValueError("the SMS body must be a JSON object")
        self._url = url
        self._template: dict[str, object] = template
        self._token = token
        self._timeout_s = timeout_s

    def body(self, mobile: str, text: str) -> object:
        return _fill(self._template, {"{mobile}": mobile, "{text}": text})

    def send_sms(self, mobile: str, text: str) -> None:
        url = self._url.replace("{mobile}", quote(mobile, safe="+"))
        headers = {"Authorization": f"Bearer {self._token}"} if self._token else {}
        try:
            post_json(url, self.body(mobile, text), self._timeout_s, headers)
        except PostError as exc:
            raise NotifyError(f"SMS gateway: {exc}") from None


def _fill(value: object, values: dict[str, str]) -> object:
    if isinstance(value, str):
        for placeholder, text in values.items():
            value = value.replace(placeholder, text)
        return value
    if isinstance(value, dict):
        return {key: _fill(item, values) for key, item in value.items()}
    if isinstance(value, list):
        return [_fill(item, values) for item in value]
    return value


# --- which channel, and the send ---------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """How one host is asked: the channel and the address on it (a robot, a mobile, an e-mail)."""

    channel: NotifyChannel
    address: str
    robot: RobotAddress | None = None


class HostChannelNotifier:
    """A :class:`~kiosk.services.host_contact.HostNotifier` that asks each host on their channel."""

    def __init__(
        self,
        settings: ChannelSettings,
        decision_url: str,
        key: bytes,
        clock: Clock,
        site_name: str,
        email: SmtpHostNotifier | None = None,
        sms: SmsGateway | None = None,
    ) -> None:
        self._settings = settings
        self._decision_url = decision_url
        self._key = key
        self._clock = clock
        self._site = site_name
        self._email = email
        self._sms = sms

    def route(self, host: HostContact) -> Route | None:
        """The host's own channel if it reaches them, else the site's, else e-mail; None: none."""
        tried: list[NotifyChannel] = []
        for channel in (host.notify_channel, self._settings.channel, NotifyChannel.EMAIL):
            if channel is None or channel in tried:
                continue
            tried.append(channel)
            route = self._reach(channel, host)
            if route is not None:
                return route
        return None

    def _reach(self, channel: NotifyChannel, host: HostContact) -> Route | None:
        own = host.notify_address if host.notify_channel is channel else None
        settings = self._settings
        if channel is NotifyChannel.EMAIL:
            address = own or host.email
            return Route(channel, address) if address and self._email is not None else None
        if channel is NotifyChannel.SMS:
            address = own or host.mobile
            return Route(channel, address) if address and self._sms is not None else None
        if own:
            # A department's own robot, from the staff directory: posted as it is (its security
            # is a keyword, 访客 is in every message, or an address list); the site's secret is
            # for the site's robot alone.
            return Route(channel, own, RobotAddress(channel, own))
        url = settings.wecom_url if channel is NotifyChannel.WECOM else settings.dingtalk_url
        secret = settings.dingtalk_secret if channel is NotifyChannel.DINGTALK else ""
        return Route(channel, url, RobotAddress(channel, url, secret)) if url else None

    def send_notice(self, contact: HostContact, subject: str, text: str, short: str) -> NotifyChannel | None:
        """Tell ``contact`` something on their route (the duty officer of a night check-in, the
        patrol guard of a resident to follow): ``text`` by e-mail or a robot (mentioning their
        mobile), ``short`` by SMS. Returns the channel, None when nothing reaches them; raises
        NotifyError (or an SMTP error) when the channel refuses."""
        route = self.route(contact)
        if route is None:
            return None
        if route.channel is NotifyChannel.EMAIL:
            assert self._email is not None
            message = EmailMessage()
            message["Subject"] = subject
            message["From"] = self._email.from_address
            message["To"] = route.address
            message.set_content(text)
            self._email.send(message)
        elif route.channel is NotifyChannel.SMS:
            assert self._sms is not None
            self._sms.send_sms(route.address, short)
        else:
            assert route.robot is not None
            payload = robot_payload(route.channel, text, contact.mobile)
            post_to_robot(route.robot, payload, int(self._clock.now().timestamp() * 1000))
        return route.channel

    def request_decision(self, visit_id: int, visitor_name: str, company: str, host: HostContact) -> None:
        route = self.route(host)
        if route is None:
            log.info("host %s has no channel that reaches them: the desk phones instead", host.host_id)
            return
        now = self._clock.now()
        links = decision_links(self._decision_url, self._key, visit_id, now)
        if route.channel is NotifyChannel.EMAIL:
            assert self._email is not None
            self._email.send(
                self._email.message(visit_id, visitor_name, company, replace(host, email=route.address))
            )
        elif route.channel is NotifyChannel.SMS:
            assert self._sms is not None
            self._sms.send_sms(route.address, sms_text(self._site, visitor_name, links.choose))
        else:
            assert route.robot is not None
            text = robot_text(self._site, host.name, visitor_name, company, links.accept, links.decline)
            payload = robot_payload(route.channel, text, host.mobile)
            post_to_robot(route.robot, payload, int(now.timestamp() * 1000))
        log.info("host %s asked about visit %s by %s", host.host_id, visit_id, route.channel.value)
