"""Each kind of person at the lobby (kiosk.services.visitor_kinds): the kinds the site offers, the
desk letting someone through on what they are, the kiosk's permit holders, the company leaders'
list and the patrol notices. Admissions publish "admissions" and "board"; the list "leaders"."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from kiosk.api.schemas import Note
from kiosk.api.visitor_kinds import AdmissionSubmit, FollowedNote, KioskPermit, LeaderSubmit, Reason
from kiosk.domain.views import CheckInResult
from kiosk.domain.visit import Approver
from kiosk.domain.visitor_kinds import AdmissionRequest, AdmissionView, KindRule, LeaderView
from kiosk.server.auth import Context, Who, action_route
from kiosk.server.routes import PathId
from kiosk.server.throttling import counted_tries
from kiosk.services.throttle import TryKind

router = APIRouter(prefix="/api/v1", tags=["visitor kinds"])


@router.get("/visitor-kinds", response_model=list[KindRule], **action_route("kinds.rules"))
def rules(context: Context) -> list[KindRule]:
    """The kinds of person this site offers and who approves each ([visitor_kinds])."""
    return context.core.visitor_kinds.rules()


@router.post("/admissions", response_model=AdmissionView, **action_route("admissions.admit"))
def admit(body: AdmissionSubmit, context: Context, caller: Who) -> AdmissionView:
    """Let someone through on what they are; refused with the kind's reason (an expired permit
    with its last day, a name not in the unit's records, a leader not on the list)."""
    request = AdmissionRequest(**body.model_dump())
    view = context.core.visitor_kinds.admit(request, caller.member, caller.station.name)
    context.events.publish("admissions")
    context.events.publish("board")
    return view


@router.get("/admissions", response_model=list[AdmissionView], **action_route("admissions.list"))
def recent(context: Context, limit: Annotated[int, Query(ge=1, le=200)] = 50) -> list[AdmissionView]:
    return context.core.visitor_kinds.recent(limit)


@router.post(
    "/admissions/kiosk-permit", response_model=AdmissionView, **action_route("admissions.kiosk_permit")
)
def kiosk_permit(body: KioskPermit, context: Context, caller: Who) -> AdmissionView:
    """A permit holder at the kiosk: the permits register's check; a valid permit is recorded,
    any other refused as a problem with its reason and dates. Wrong numbers count as the
    kiosk's wrong tries, as at the permit check."""
    with counted_tries(context, caller, TryKind.PERMIT):
        view = context.core.visitor_kinds.admit_at_kiosk(body.code, caller.actor)
    context.events.publish("admissions")
    context.events.publish("board")
    # Nothing of the holder goes back to the public screen: the permit and its last day.
    return AdmissionView(
        view.admission_id,
        view.kind,
        "",
        "",
        "",
        view.way,
        view.reference,
        "",
        view.night,
        view.at,
        "",
        permit_number=view.permit_number,
        permit_valid_until=view.permit_valid_until,
    )


@router.get("/patrol-notices", response_model=list[AdmissionView], **action_route("patrol.list"))
def patrol_open(context: Context) -> list[AdmissionView]:
    """Residents let in on the records that the patrol guard has not yet followed, oldest first."""
    return context.core.visitor_kinds.patrol_open()


@router.post(
    "/patrol-notices/{admission_id}/followed", response_model=AdmissionView, **action_route("patrol.followed")
)
def patrol_followed(admission_id: PathId, body: FollowedNote, context: Context, caller: Who) -> AdmissionView:
    view = context.core.visitor_kinds.patrol_followed(admission_id, caller.member, body.note)
    context.events.publish("admissions")
    context.events.publish("board")
    return view


@router.get("/company-leaders", response_model=list[LeaderView], **action_route("leaders.list"))
def leaders(context: Context, retired: bool = False) -> list[LeaderView]:
    return context.core.visitor_kinds.leaders(include_retired=retired)


@router.post("/company-leaders", response_model=LeaderView, **action_route("leaders.add"))
def add_leader(body: LeaderSubmit, context: Context, caller: Who) -> LeaderView:
    view = context.core.visitor_kinds.add_leader(body.name, body.title, body.company, caller.member)
    context.events.publish("leaders")
    return view


@router.post(
    "/company-leaders/{leader_id}/retire", response_model=LeaderView, **action_route("leaders.retire")
)
def retire_leader(leader_id: PathId, body: Reason, context: Context, caller: Who) -> LeaderView:
    view = context.core.visitor_kinds.retire_leader(leader_id, body.reason, caller.member)
    context.events.publish("leaders")
    return view


@router.post(
    "/visits/{visit_id}/approve-as-duty-officer",
    response_model=CheckInResult,
    **action_route("visit.approve_as_duty_officer"),
)
def approve_as_duty_officer(visit_id: PathId, body: Note, context: Context, caller: Who) -> CheckInResult:
    """The duty officer (a supervisor at a console for them) lets in a visit the kind or the night
    gives them; the desk's own approval of such a visit is refused by the service."""
    result = context.core.checkin.approve(visit_id, caller.actor, Approver.DUTY_OFFICER, body.note)
    context.events.publish("board", visit_id=visit_id)
    return result
