"""Each kind of person at the lobby, as typed calls to the site server: the kinds the site
offers, the desk letting someone through on what they are, the kiosk's permit holders, the
company leaders' list and the patrol notices (kiosk.server.routes.visitor_kinds)."""

from __future__ import annotations

from kiosk.api.schemas import Note
from kiosk.api.visitor_kinds import AdmissionSubmit, FollowedNote, KioskPermit, LeaderSubmit, Reason
from kiosk.client.http import SiteClient
from kiosk.domain.views import CheckInResult
from kiosk.domain.visitor_kinds import AdmissionRequest, AdmissionView, KindRule, LeaderView


class VisitorKinds:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def rules(self) -> list[KindRule]:
        return self._c.get_list("/visitor-kinds", KindRule)

    # --- the desk --------------------------------------------------------------------------------

    def admit(self, request: AdmissionRequest) -> AdmissionView:
        """Let someone through on what they are; a refusal raises ValidationError with the field
        and the reason (an expired permit with its last day)."""
        body = AdmissionSubmit(
            kind=request.kind,
            name=request.name[:80],
            unit=request.unit[:80],
            company=request.company[:80],
            way=request.way,
            leader_id=request.leader_id,
            work_card=request.work_card[:80],
            permit_code=request.permit_code[:200],
            call_note=request.call_note[:500],
            note=request.note[:500],
        )
        return self._c.post("/admissions", AdmissionView, body)

    def recent(self) -> list[AdmissionView]:
        return self._c.get_list("/admissions", AdmissionView)

    def approve_as_duty_officer(self, visit_id: int, note: str = "") -> CheckInResult:
        return self._c.post(
            f"/visits/{visit_id}/approve-as-duty-officer", CheckInResult, Note(note=note[:500])
        )

    # --- the patrol notices (the guard screen and the desk) ------------------------------------

    def patrol_open(self) -> list[AdmissionView]:
        return self._c.get_list("/patrol-notices", AdmissionView)

    def patrol_followed(self, admission_id: int, note: str = "") -> AdmissionView:
        body = FollowedNote(note=note[:500])
        return self._c.post(f"/patrol-notices/{admission_id}/followed", AdmissionView, body)

    # --- the company leaders' list -----------------------------------------------------------

    def leaders(self, retired: bool = False) -> list[LeaderView]:
        return self._c.get_list("/company-leaders", LeaderView, {"retired": str(retired).lower()})

    def add_leader(self, name: str, title: str = "", company: str = "") -> LeaderView:
        body = LeaderSubmit(name=name[:80], title=title[:80], company=company[:80])
        return self._c.post("/company-leaders", LeaderView, body)

    def retire_leader(self, leader_id: int, reason: str) -> LeaderView:
        return self._c.post(f"/company-leaders/{leader_id}/retire", LeaderView, Reason(reason=reason[:500]))

    # --- the public kiosk ------------------------------------------------------------------------

    def permit_at_kiosk(self, code: str) -> AdmissionView:
        """A permit holder at the kiosk: recorded when the permit is good (its number and last
        day come back, nothing of its holder); any other raises ValidationError
        ``permit.<outcome>`` with its dates."""
        return self._c.post("/admissions/kiosk-permit", AdmissionView, KioskPermit(code=code[:200]))
