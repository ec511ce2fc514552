"""Repair requests (报修) at the desk, as typed calls to the site server."""

from __future__ import annotations

from kiosk.api.repairs import (
    RepairCallback,
    RepairCode,
    RepairDispatch,
    RepairNote,
    RepairReason,
    RepairReopen,
    RepairSignOff,
    RepairTake,
)
from kiosk.client.http import SiteClient
from kiosk.domain.complaints import Satisfaction
from kiosk.domain.repair_views import DispatchedRepair, ReopenedRepair, RepairRow, RepairView
from kiosk.domain.views import PrintOutcome


class Repairs:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def listing(self, which: str = "open", search: str = "") -> list[RepairRow]:
        return self._c.get_list("/repairs", RepairRow, {"which": which, "q": search.strip()[:80]})

    def repair(self, repair_id: int) -> RepairView:
        return self._c.get(f"/repairs/{repair_id}", RepairView)

    def find(self, code: str) -> RepairView:
        """The request a scanned work order (or a typed number) names."""
        return self._c.post("/repairs/find", RepairView, RepairCode(code=code[:200]))

    def take(self, request: RepairTake, key: str | None = None) -> RepairView:
        """Stored once however often it is sent (the answer lost, the server away a moment)."""
        return self._c.post("/repairs", RepairView, request, submit=True, key=key)

    def dispatch(
        self, repair_id: int, contractor: str, engineer: str, language: str, key: str | None = None
    ) -> DispatchedRepair:
        body = RepairDispatch(contractor=contractor[:80], engineer=engineer[:80], language=language)
        return self._c.post(f"/repairs/{repair_id}/dispatch", DispatchedRepair, body, submit=True, key=key)

    def print_again(self, repair_id: int) -> PrintOutcome:
        return self._c.post(f"/repairs/{repair_id}/print-again", PrintOutcome)

    def record_arrival(self, repair_id: int, key: str | None = None) -> RepairView:
        return self._c.post(f"/repairs/{repair_id}/arrival", RepairView, submit=True, key=key)

    def record_completion(self, repair_id: int, note: str = "", key: str | None = None) -> RepairView:
        body = RepairNote(note=note[:500])
        return self._c.post(f"/repairs/{repair_id}/completion", RepairView, body, submit=True, key=key)

    def sign_off(self, repair_id: int, signed_by: str, key: str | None = None) -> RepairView:
        body = RepairSignOff(signed_by=signed_by[:80])
        return self._c.post(f"/repairs/{repair_id}/sign-off", RepairView, body, submit=True, key=key)

    def callback(
        self, repair_id: int, satisfaction: Satisfaction | None, note: str = "", key: str | None = None
    ) -> RepairView:
        body = RepairCallback(satisfaction=satisfaction, note=note[:500])
        return self._c.post(f"/repairs/{repair_id}/callback", RepairView, body, submit=True, key=key)

    def cancel(self, repair_id: int, reason: str, key: str | None = None) -> RepairView:
        body = RepairReason(reason=reason[:500])
        return self._c.post(f"/repairs/{repair_id}/cancel", RepairView, body, submit=True, key=key)

    def reopen(
        self, repair_id: int, reason: str, caller_name: str = "", phone: str = "", key: str | None = None
    ) -> ReopenedRepair:
        body = RepairReopen(reason=reason[:500], caller_name=caller_name[:80], phone=phone[:80])
        return self._c.post(f"/repairs/{repair_id}/reopen", ReopenedRepair, body, submit=True, key=key)
