"""Alerts for the duty supervisor (客服主管), beside the audit trail and the board: a machine-room
pass reconciliation with discrepancies, a repair request whose clock ran out...

Each alert words itself (a subject and lines, in Chinese and English as the desk's mail is);
the alerters deliver any of them: :class:`MailSupervisorAlerter` through [notify] smtp_url to
[desk] supervisor_email (``kiosk.app`` adds it to each service's ``alerters``), a test's list.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol, TypeVar

from kiosk.domain.text import sanitize_text

log = logging.getLogger(__name__)
Alert = TypeVar("Alert")


class SupervisorNotice(Protocol):
    """What an alert says, as the supervisor reads it."""

    def subject(self) -> str: ...

    def lines(self) -> list[str]: ...


@dataclass(frozen=True)
class MailSupervisorAlerter:
    """Mails an alert to the supervisor (``[desk] supervisor_email``)."""

    send: Callable[[EmailMessage], None]
    site_name: str
    mail_from: str
    to: str

    def __call__(self, alert: SupervisorNotice) -> None:
        self.send(self.message(alert))

    def message(self, alert: SupervisorNotice) -> EmailMessage:
        message = EmailMessage()
        message["Subject"] = sanitize_text(f"[{self.site_name}] {alert.subject()}")
        message["From"] = self.mail_from
        message["To"] = self.to
        message.set_content("\n".join(alert.lines()))
        return message


def tell_supervisor(alerters: Iterable[Callable[[Alert], None]], alert: Alert, what: str) -> None:
    """Hand ``alert`` to every alerter, after the commit that recorded it. One that fails (the
    mail server away) stops none of the others: the alert is on the board and in the audit trail
    regardless."""
    for alerter in alerters:
        try:
            alerter(alert)
        except Exception:
            log.exception("a supervisor alert (%s) failed", what)
