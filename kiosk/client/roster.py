"""The duty roster (大堂助理值班表) at the desk, as typed calls to the site server."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path

from kiosk.api.roster import (
    CellBody,
    RosterApproval,
    RosterCells,
    RosterExport,
    RosterFill,
    RosterReason,
    RosterSwapBody,
)
from kiosk.client.http import SiteClient
from kiosk.domain.roster import CellChange, DutyOnBoard, FillFrom, RosterView


class Roster:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def month(self, month: str) -> RosterView:
        return self._c.get(f"/roster/{month}", RosterView)

    def on_duty(self) -> DutyOnBoard:
        return self._c.get("/duty/now", DutyOnBoard)

    def edit(self, month: str, changes: Sequence[CellChange], key: str | None = None) -> RosterView:
        """Cells of the draft set; the same cells sent again change nothing."""
        body = RosterCells(
            changes=[CellBody(day=c.day, staff_id=c.staff_id, shift=c.shift[:80]) for c in changes]
        )
        return self._c.post(f"/roster/{month}/cells", RosterView, body, submit=True, key=key)

    def fill(self, month: str, source: FillFrom, key: str | None = None) -> RosterView:
        return self._c.post(
            f"/roster/{month}/fill", RosterView, RosterFill(source=source), submit=True, key=key
        )

    def submit(self, month: str, key: str | None = None) -> RosterView:
        return self._c.post(f"/roster/{month}/submit", RosterView, None, submit=True, key=key)

    def send_back(self, month: str, reason: str, key: str | None = None) -> RosterView:
        body = RosterReason(reason=reason[:500])
        return self._c.post(f"/roster/{month}/send-back", RosterView, body, submit=True, key=key)

    def approve(self, month: str, approver: str = "", pin: str = "", key: str | None = None) -> RosterView:
        body = RosterApproval(approver=approver[:80], secret=pin[:80])
        return self._c.post(f"/roster/{month}/approve", RosterView, body, submit=True, key=key)

    def swap(
        self,
        month: str,
        day: date,
        from_staff: int,
        to_staff: int,
        reason: str,
        supervisor: str = "",
        pin: str = "",
        key: str | None = None,
    ) -> RosterView:
        body = RosterSwapBody(
            day=day,
            from_staff_id=from_staff,
            to_staff_id=to_staff,
            reason=reason[:500],
            supervisor=supervisor[:80],
            secret=pin[:80],
        )
        return self._c.post(f"/roster/{month}/swap", RosterView, body, submit=True, key=key)

    def export(
        self, month: str, path: Path, words: Mapping[str, str], report: Callable[[int, int | None], None]
    ) -> Path:
        """The month saved at ``path`` as a workbook (complete or not at all)."""
        self._c.download_file(f"/roster/{month}/export", RosterExport(words=dict(words)), path, report)
        return path
