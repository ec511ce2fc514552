"""Walk-ins registered at the desk, a unit's residents, and the desk's calls, as typed calls to the
site server."""

from __future__ import annotations

from urllib.parse import quote

from kiosk.api.desk_visits import CallRecord, WalkIn
from kiosk.client.http import SiteClient
from kiosk.domain.calls import CallDraft, CallOutcome, UnitView, VisitCalls, WalkInRequest
from kiosk.domain.views import CheckInResult


class DeskVisits:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def register(self, request: WalkInRequest, key: str | None = None) -> CheckInResult:
        """Stored once however often it is sent (the answer lost, the server away a moment)."""
        body = WalkIn(visit=request.visit, unit=request.unit[:40], resident_id=request.resident_id)
        return self._c.post("/desk-visits", CheckInResult, body, submit=True, key=key)

    def unit(self, unit: str) -> UnitView:
        """The unit's residents with their phone numbers (the desk's only)."""
        return self._c.get(f"/desk-visits/units/{quote(unit.strip()[:40], safe='')}", UnitView)

    def calls(self, visit_id: int) -> VisitCalls:
        return self._c.get(f"/visits/{visit_id}/calls", VisitCalls)

    def record_call(self, visit_id: int, draft: CallDraft, key: str | None = None) -> CallOutcome:
        body = CallRecord(
            callee=draft.callee,
            channel=draft.channel,
            number=draft.number[:80],
            answer=draft.answer,
            resident_id=draft.resident_id,
            note=draft.note[:500],
        )
        return self._c.post(f"/visits/{visit_id}/calls", CallOutcome, body, submit=True, key=key)
