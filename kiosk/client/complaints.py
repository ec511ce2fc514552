"""The complaints and suggestions register at the desk, as typed calls to the site server."""

from __future__ import annotations

from datetime import date

from kiosk.api.complaints import (
    ComplaintAssignment,
    ComplaintCallback,
    ComplaintClosing,
    ComplaintNote,
    ComplaintRecord,
)
from kiosk.client.http import SiteClient
from kiosk.domain.complaints import (
    ComplaintDetail,
    ComplaintSubject,
    ComplaintView,
    ListState,
    NewComplaint,
    Satisfaction,
)

TEXT = 4000
SHORT = 200


class Complaints:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def listing(
        self, state: ListState = ListState.OPEN, subject: ComplaintSubject | None = None
    ) -> list[ComplaintView]:
        params: dict[str, str] = {"state": state.value}
        if subject is not None:
            params["subject"] = subject.value
        return self._c.get_list("/complaints", ComplaintView, params)

    def detail(self, complaint_id: int) -> ComplaintDetail:
        return self._c.get(f"/complaints/{complaint_id}", ComplaintDetail)

    def record(self, new: NewComplaint, key: str | None = None) -> ComplaintDetail:
        """Stored once however often it is sent (the answer lost, the server away a moment)."""
        body = ComplaintRecord(
            kind=new.kind,
            source=new.source,
            subject=new.subject,
            complainant=new.complainant[:SHORT],
            unit=new.unit[:SHORT],
            contact=new.contact[:SHORT],
            text=new.text[:TEXT],
            responsible=new.responsible[:SHORT],
            due_on=new.due_on,
            serious=new.serious,
        )
        return self._c.post("/complaints", ComplaintDetail, body, submit=True, key=key)

    def add_step(self, complaint_id: int, text: str) -> ComplaintDetail:
        body = ComplaintNote(text=text[:TEXT])
        return self._c.post(f"/complaints/{complaint_id}/steps", ComplaintDetail, body, submit=True)

    def make_serious(self, complaint_id: int, reason: str) -> ComplaintDetail:
        body = ComplaintNote(text=reason[:TEXT])
        return self._c.post(f"/complaints/{complaint_id}/serious", ComplaintDetail, body, submit=True)

    def call_back(self, complaint_id: int, satisfaction: Satisfaction, note: str) -> ComplaintDetail:
        body = ComplaintCallback(satisfaction=satisfaction, note=note[:TEXT])
        return self._c.post(f"/complaints/{complaint_id}/callback", ComplaintDetail, body, submit=True)

    def assign(self, complaint_id: int, responsible: str, due_on: date, note: str) -> ComplaintDetail:
        body = ComplaintAssignment(responsible=responsible[:SHORT], due_on=due_on, note=note[:TEXT])
        return self._c.post(f"/complaints/{complaint_id}/assign", ComplaintDetail, body, submit=True)

    def close(self, complaint_id: int, result: str) -> ComplaintDetail:
        body = ComplaintClosing(result=result[:TEXT])
        return self._c.post(f"/complaints/{complaint_id}/close", ComplaintDetail, body, submit=True)
