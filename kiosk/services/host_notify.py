"""Asking the host by e-mail: a short bilingual message with accept and decline links.

The links point at the site server's decision page (kiosk.server.decision_page), signed so that only
the links we sent work, once, for a limited time.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

from kiosk.domain.decision_token import sign_decision
from kiosk.services.clock import Clock
from kiosk.services.host_contact import HostContact

log = logging.getLogger(__name__)

LINK_LIFETIME = timedelta(minutes=30)


@dataclass(frozen=True)
class DecisionLinks:
    """A visit's signed links to the decision page, good for LINK_LIFETIME: accept, decline, and
    the one an SMS carries, whose page offers both."""

    accept: str
    decline: str
    choose: str


def decision_links(
    decision_url: str, key: bytes, visit_id: int, now: datetime, duty_officer: bool = False
) -> DecisionLinks:
    """``duty_officer``: the links of the duty officer's notice, which decide as the duty officer."""
    expires = now + LINK_LIFETIME
    base = decision_url.rstrip("/")
    accept, decline, choose = (
        f"{base}/decide?token={sign_decision(key, visit_id, action, expires, duty_officer)}"
        for action in ("accept", "decline", "choose")
    )
    return DecisionLinks(accept, decline, choose)


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    username: str | None
    password: str | None
    use_tls: bool  # SMTPS from the first byte (port 465)
    starttls: bool
    from_address: str

    @classmethod
    def from_url(cls, url: str, from_address: str) -> SmtpSettings:
        """``smtp://user:password@mail.example:587?starttls=true`` or ``smtps://...:465``."""
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError(f"{url!r} is not an SMTP URL (smtp://host:587 or smtps://host:465)")
        secure = parts.scheme == "smtps"
        return cls(
            host=parts.hostname,
            port=parts.port or (465 if secure else 25),
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            use_tls=secure,
            starttls="starttls=true" in parts.query.lower() or "starttls=1" in parts.query,
            from_address=from_address,
        )


class SmtpHostNotifier:
    """A :class:`~kiosk.services.host_contact.HostNotifier` that e-mails the host."""

    def __init__(
        self, smtp: SmtpSettings, decision_url: str, key: bytes, clock: Clock, site_name: str
    ) -> None:
        self._smtp = smtp
        self._decision_url = decision_url.rstrip("/")
        self._key = key
        self._clock = clock
        self._site = site_name

    def request_decision(self, visit_id: int, visitor_name: str, company: str, host: HostContact) -> None:
        if not host.email:
            log.info("host %s has no e-mail address: the desk phones instead", host.host_id)
            return
        self.send(self.message(visit_id, visitor_name, company, host))

    def message(self, visit_id: int, visitor_name: str, company: str, host: HostContact) -> EmailMessage:
        links = decision_links(self._decision_url, self._key, visit_id, self._clock.now())
        accept, decline = links.accept, links.decline
        who = f"{visitor_name}（{company}）" if company else visitor_name
        message = EmailMessage()
        message["Subject"] = f"访客到访 Visitor for you: {visitor_name}"
        message["From"] = self._smtp.from_address
        message["To"] = host.email or ""
        message.set_content(
            f"{host.name}，您好：\n\n{who} 在{self._site}大堂等候拜访您。\n"
            f"同意接待：{accept}\n谢绝来访：{decline}\n\n"
            f"Dear {host.name},\n\n{who} is waiting for you in the lobby of {self._site}.\n"
            f"Accept: {accept}\nDecline: {decline}\n\n"
            "链接 30 分钟内有效 / The links work for 30 minutes. "
            "如无法回复，前台会电话联系您 / If you cannot answer, the front desk will call you.\n"
        )
        return message

    @property
    def from_address(self) -> str:
        return self._smtp.from_address

    def send(self, message: EmailMessage) -> None:
        send_mail(self._smtp, message)


def send_mail(smtp: SmtpSettings, message: EmailMessage) -> None:
    """Deliver one message through the site's SMTP server (TLS from the start or STARTTLS)."""
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if smtp.use_tls:
        client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=15, context=context)
    else:
        client = smtplib.SMTP(smtp.host, smtp.port, timeout=15)
    with client:
        if smtp.starttls:
            client.starttls(context=context)
        if smtp.username:
            client.login(smtp.username, smtp.password or "")
        client.send_message(message)
