"""Where IDC card data goes: the access-control system, through pluggable sinks.

A sink takes one :class:`CardMessage` and returns only once the other side has it (an HTTP 2xx,
a file renamed into the drop folder, the SMTP server's acceptance); anything else raises and the
delivery is retried later (``kiosk.services.idc_cards``). Messages carry a delivery id so a
receiver can drop duplicates: a delivery whose acknowledgement was lost is sent again.

No full ID number ever leaves the kiosk: only the last four.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

from kiosk.services.host_notify import SmtpSettings, send_mail
from kiosk.services.http_post import PostError, post_json

HTTP_TIMEOUT_S = 10.0


class SinkError(Exception):
    """The sink did not take the message (reachable or not); it will be tried again."""


@dataclass(frozen=True)
class CardMessage:
    """What the access-control system is told about one card."""

    delivery_id: int
    event: str  # "issued" or "revoked"
    card_number: str
    card_uid: str
    company: str
    holder_name: str
    holder_mobile: str
    holder_id_last_four: str
    areas: tuple[str, ...]
    valid_from: str  # ISO 8601, UTC
    valid_until: str
    reason: str  # for "revoked": notice / lost / expired
    at: str

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["areas"] = list(self.areas)
        return data


class CardSink(Protocol):
    @property
    def name(self) -> str:
        """Stable: stored on each delivery so a retry goes to the same sink."""
        ...

    def deliver(self, message: CardMessage) -> None:
        """Return when the message is acknowledged; raise (SinkError or OSError) otherwise."""
        ...


class WebhookSink:
    """POSTs the message as JSON; any 2xx acknowledges it."""

    def __init__(self, url: str, token: str = "", timeout_s: float = HTTP_TIMEOUT_S) -> None:
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"{url!r} is not an http(s) URL")
        self.url = url
        self._token = token
        self._timeout_s = timeout_s

    @property
    def name(self) -> str:
        return "webhook"

    def deliver(self, message: CardMessage) -> None:
        headers = {"Idempotency-Key": f"card-delivery-{message.delivery_id}"}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        try:
            post_json(self.url, message.as_json(), self._timeout_s, headers)
        except PostError as exc:
            raise SinkError(str(exc)) from None


CSV_COLUMNS = (
    "delivery_id",
    "event",
    "card_number",
    "card_uid",
    "company",
    "holder_name",
    "holder_mobile",
    "holder_id_last_four",
    "areas",
    "valid_from",
    "valid_until",
    "reason",
    "at",
)


def csv_text(message: CardMessage) -> str:
    """One header line and one row, UTF-8 with BOM so Excel on the systems desk opens it right."""
    data = message.as_json()
    data["areas"] = ";".join(message.areas)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    # A leading = + - @ would make a spreadsheet run the cell as a formula.
    writer.writerow([_no_formula(str(data[c])) for c in CSV_COLUMNS])
    return "\ufeff" + out.getvalue()


def _no_formula(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


class CsvDropSink:
    """Writes one CSV file per message into a folder the access-control system collects from.

    The file appears whole (written beside, then renamed), so a collector never reads half.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def name(self) -> str:
        return "csv"

    def deliver(self, message: CardMessage) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        final = self.folder / f"card-{message.delivery_id:06d}-{message.event}-{message.card_number}.csv"
        temporary = final.with_suffix(".tmp")
        with open(temporary, "w", encoding="utf-8", newline="") as fh:
            fh.write(csv_text(message))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, final)


class EmailSink:
    """E-mails the systems department (系统部), as the front-desk rules say, in both languages."""

    def __init__(
        self,
        smtp: SmtpSettings,
        to_address: str,
        site_name: str,
        send: Callable[[SmtpSettings, EmailMessage], None] = send_mail,
    ) -> None:
        self._smtp = smtp
        self.to_address = to_address
        self._site = site_name
        self._send = send

    @property
    def name(self) -> str:
        return "email"

    def message(self, message: CardMessage) -> EmailMessage:
        verb = {"issued": ("开通", "issued"), "revoked": ("注销", "revoked")}[message.event]
        mail = EmailMessage()
        mail["Subject"] = (
            f"IDC身份校验卡{verb[0]} IDC card {verb[1]}: {message.card_number} · {message.company}"
        )
        mail["From"] = self._smtp.from_address
        mail["To"] = self.to_address
        areas = "、".join(message.areas)
        mail.set_content(
            f"系统部：\n\n请{verb[0]}以下IDC身份校验卡（{self._site}）。\n"
            f"卡号：{message.card_number}（UID {message.card_uid}）\n"
            f"客户单位：{message.company}\n持卡人：{message.holder_name}，证件尾号 {message.holder_id_last_four}\n"
            f"授权区域：{areas}\n有效期：{message.valid_from} ~ {message.valid_until}\n"
            + (f"注销原因：{message.reason}\n" if message.reason else "")
            + f"\nSystems department,\n\nPlease mark this IDC card {verb[1]}: {message.card_number} "
            f"(UID {message.card_uid}), {message.company}, {message.holder_name}, areas: "
            f"{', '.join(message.areas)}, valid {message.valid_from} ~ {message.valid_until}."
            + (f" Reason: {message.reason}." if message.reason else "")
            + f"\n\n(delivery {message.delivery_id})\n"
        )
        mail.add_attachment(
            csv_text(message).encode("utf-8"),
            maintype="text",
            subtype="csv",
            filename=f"card-{message.delivery_id:06d}.csv",
        )
        return mail

    def deliver(self, message: CardMessage) -> None:
        self._send(self._smtp, self.message(message))
