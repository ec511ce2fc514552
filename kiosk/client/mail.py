"""Registered mail and parcels (挂号邮件) at the desk, as typed calls to the site server."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.api.mail import (
    MailCode,
    MailDamage,
    MailExport,
    MailForward,
    MailHandOut,
    MailLog,
    MailNote,
    MailReturnRequest,
    MailShelf,
    MovedOutAdd,
)
from kiosk.client.http import SiteClient
from kiosk.domain.mail_views import MailItemView, MailLogged, MailReturnRow, MailRow, MovedOutView
from kiosk.domain.views import DeskHostEntry, PrintOutcome


def _days(day_from: date | None, day_to: date | None) -> dict[str, Any]:
    return {k: v.isoformat() for k, v in (("day_from", day_from), ("day_to", day_to)) if v is not None}


class Mail:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def listing(
        self,
        which: str = "waiting",
        search: str = "",
        day_from: date | None = None,
        day_to: date | None = None,
    ) -> list[MailRow]:
        params = {"which": which, "q": search.strip()[:80], **_days(day_from, day_to)}
        return self._c.get_list("/mail", MailRow, params)

    def returns(self, day_from: date | None = None, day_to: date | None = None) -> list[MailReturnRow]:
        return self._c.get_list("/mail/returns", MailReturnRow, _days(day_from, day_to))

    def directory(self, text: str) -> list[DeskHostEntry]:
        return self._c.get_list("/mail/directory", DeskHostEntry, {"q": text[:80]})

    def item(self, item_id: int) -> MailItemView:
        return self._c.get(f"/mail/{item_id}", MailItemView)

    def find(self, code: str) -> MailItemView:
        """The item a scanned label (or a typed number) names."""
        return self._c.post("/mail/find", MailItemView, MailCode(code=code[:200]))

    def log(self, request: MailLog, key: str | None = None) -> MailLogged:
        """Stored once however often it is sent (the answer lost, the server away a moment)."""
        return self._c.post("/mail", MailLogged, request, submit=True, key=key)

    def print_label(self, item_id: int) -> PrintOutcome:
        return self._c.post(f"/mail/{item_id}/print-label", PrintOutcome)

    def record_notified(self, item_id: int, how: str) -> MailItemView:
        body = MailNote(note=how[:500])
        return self._c.post(f"/mail/{item_id}/notified", MailItemView, body, submit=True)

    def shelve(self, item_id: int, shelf: str) -> MailItemView:
        return self._c.post(f"/mail/{item_id}/shelf", MailItemView, MailShelf(shelf=shelf[:80]), submit=True)

    def record_damage(self, item_id: int, what: str, leader: str, secret: str) -> MailItemView:
        body = MailDamage(what=what[:500], leader_username=leader[:80], leader_secret=secret[:200])
        return self._c.post(f"/mail/{item_id}/damage", MailItemView, body, submit=True)

    def hand_out(self, item_id: int, body: MailHandOut) -> MailItemView:
        return self._c.post(f"/mail/{item_id}/hand-out", MailItemView, body, submit=True)

    def forward(self, item_id: int, address: str = "") -> MailItemView:
        body = MailForward(address=address[:500])
        return self._c.post(f"/mail/{item_id}/forward", MailItemView, body, submit=True)

    def return_item(self, item_id: int, reason: str, approver: str = "", secret: str = "") -> MailItemView:
        body = MailReturnRequest(
            reason=reason[:500], approver_username=approver[:80], approver_secret=secret[:200]
        )
        return self._c.post(f"/mail/{item_id}/return", MailItemView, body, submit=True)

    def moved_out(self, closed: bool = False) -> list[MovedOutView]:
        return self._c.get_list("/mail/moved-out", MovedOutView, {"closed": closed})

    def add_moved_out(self, body: MovedOutAdd) -> MovedOutView:
        return self._c.post("/mail/moved-out", MovedOutView, body)

    def told_to_collect(self, moved_out_id: int, how: str = "") -> MovedOutView:
        return self._c.post(f"/mail/moved-out/{moved_out_id}/told", MovedOutView, MailNote(note=how[:500]))

    def close_moved_out(self, moved_out_id: int) -> MovedOutView:
        return self._c.post(f"/mail/moved-out/{moved_out_id}/close", MovedOutView)

    def export(self, body: MailExport, path: Path, report: Callable[[int, int | None], None]) -> Path:
        """The register's workbook saved at ``path`` (complete or not at all)."""
        self._c.download_file("/mail/export", body, path, report)
        return path
