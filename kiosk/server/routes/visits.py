"""The visitor's journey (kiosk) and the desk's decisions on visits."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from kiosk.api.schemas import (
    BadgeCheckout,
    InvitedCheckIn,
    MessageRequest,
    MessageStored,
    NameCheckout,
    Note,
    VisitRef,
)
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.station import StationRole
from kiosk.domain.views import (
    CheckInRequest,
    CheckInResult,
    HostEntry,
    InvitationView,
    PrintOutcome,
    VisitState,
)
from kiosk.domain.visit import Approver
from kiosk.server.auth import (
    Context,
    IdemKey,
    Who,
    action_route,
)
from kiosk.server.context import ServerContext
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId
from kiosk.server.throttling import counted_tries
from kiosk.services.print_queue import printing_for
from kiosk.services.throttle import TryKind

router = APIRouter(prefix="/api/v1", tags=["visits"])


@router.get("/directory", response_model=list[HostEntry], **action_route("directory.search"))
def search_directory(context: Context, q: Annotated[str, Query(max_length=80)] = "") -> list[HostEntry]:
    return context.core.directory.search(q)


@router.post("/visits", response_model=CheckInResult, **action_route("visit.check_in"))
def check_in(request: CheckInRequest, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    def run() -> CheckInResult:
        with printing_for(caller.station.name):
            result = context.core.checkin.check_in(request, caller.actor)
        context.events.publish("board", visit_id=result.visit_id)
        return result

    return idempotent(
        context, caller, key, "visit.check_in", run, lambda made: _result_of(context, int(made))
    )


@router.get("/visits/{visit_id}/state", response_model=VisitState, **action_route("visit.state"))
def visit_state(visit_id: PathId, context: Context, caller: Who) -> VisitState:
    # At the public kiosk its own visits only; a desk's member reads any (the board shows them).
    kiosk = caller.station.name if caller.station.role is StationRole.KIOSK else None
    return context.core.checkin.state(visit_id, kiosk=kiosk)


@router.post("/visits/{visit_id}/withdraw", status_code=204, **action_route("visit.withdraw"))
def withdraw(visit_id: PathId, context: Context, caller: Who) -> None:
    context.core.checkin.withdraw(visit_id, caller.actor)
    context.events.publish("board", visit_id=visit_id)


@router.post(
    "/visits/{visit_id}/message", response_model=MessageStored, **action_route("visit.leave_message")
)
def leave_message(
    visit_id: PathId, body: MessageRequest, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    def run() -> MessageStored:
        message_id = context.core.checkin.leave_message(visit_id, body.phone, body.text, caller.actor)
        # Into the desk's inbox: its messages page and the lobby board read again.
        context.events.publish("messages")
        context.events.publish("board")
        return MessageStored(message_id=message_id)

    # Once per visit: a retry whose first answer was lost hears its message stored, not refused.
    return idempotent(
        context,
        caller,
        key,
        "visit.leave_message",
        run,
        lambda made: MessageStored(message_id=int(made)),
        entity="host_message",
    )


@router.get("/invitations/{code}", response_model=InvitationView, **action_route("invitation.find"))
def find_invitation(code: str, context: Context, caller: Who) -> InvitationView:
    with counted_tries(context, caller, TryKind.INVITATION):
        return context.core.checkin.find_invitation(code[:40])


@router.post(
    "/invitations/{code}/check-in", response_model=CheckInResult, **action_route("invitation.check_in")
)
def check_in_invited(
    code: str, body: InvitedCheckIn, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    def run() -> CheckInResult:
        with counted_tries(context, caller, TryKind.INVITATION), printing_for(caller.station.name):
            result = context.core.checkin.check_in_invited(
                code[:40], caller.actor, body.language, body.declaration_accepted
            )
        context.events.publish("board", visit_id=result.visit_id)
        return result

    return idempotent(
        context, caller, key, "invitation.check_in", run, lambda made: _result_of(context, int(made))
    )


def _result_of(context: ServerContext, visit_id: int) -> CheckInResult:
    """A check-in's answer derived again from the visit it stored (its first answer was lost)."""
    state = context.core.checkin.state(visit_id)
    return CheckInResult(
        visit_id, state.status, state.badge_number, state.badge_status is PrintJobStatus.PRINTED, None
    )


@router.post("/checkout/badge", response_model=VisitRef, **action_route("checkout.by_badge"))
def check_out_by_badge(body: BadgeCheckout, context: Context, caller: Who) -> VisitRef:
    with counted_tries(context, caller, TryKind.BADGE):
        visit_id = context.core.lobby.check_out_by_badge(body.code, caller.actor)
    context.events.publish("board", visit_id=visit_id)
    return VisitRef(visit_id=visit_id)


@router.post("/checkout/by-name", response_model=VisitRef, **action_route("checkout.by_name"))
def check_out_by_name(body: NameCheckout, context: Context, caller: Who) -> VisitRef:
    with counted_tries(context, caller, TryKind.NAME):
        visit_id = context.core.lobby.check_out_by_name(body.name, body.mobile_last_four, caller.actor)
    context.events.publish("board", visit_id=visit_id)
    return VisitRef(visit_id=visit_id)


# --- the desk's decisions -----------------------------------------------------------------------


@router.post("/visits/{visit_id}/approve", response_model=CheckInResult, **action_route("visit.approve"))
def approve(visit_id: PathId, body: Note, context: Context, caller: Who) -> CheckInResult:
    # The desk phoned the host and decides on their behalf; the badge prints at the visitor's kiosk.
    result = context.core.checkin.approve(visit_id, caller.actor, Approver.DESK, body.note)
    context.events.publish("board", visit_id=visit_id)
    return result


@router.post("/visits/{visit_id}/decline", status_code=204, **action_route("visit.decline"))
def decline(visit_id: PathId, body: Note, context: Context, caller: Who) -> None:
    context.core.checkin.decline(visit_id, caller.actor, body.note)
    context.events.publish("board", visit_id=visit_id)


@router.post("/visits/{visit_id}/release-hold", status_code=204, **action_route("visit.release_hold"))
def release_hold(visit_id: PathId, body: Note, context: Context, caller: Who) -> None:
    context.core.checkin.release_hold(visit_id, caller.actor, body.note)
    context.events.publish("board", visit_id=visit_id)


@router.post("/visits/{visit_id}/check-out", status_code=204, **action_route("visit.check_out"))
def desk_check_out(visit_id: PathId, context: Context, caller: Who) -> None:
    context.core.lobby.check_out(visit_id, caller.actor)
    context.events.publish("board", visit_id=visit_id)


@router.post(
    "/visits/{visit_id}/reprint-badge", response_model=PrintOutcome, **action_route("visit.reprint_badge")
)
def reprint_badge(visit_id: PathId, context: Context, caller: Who) -> PrintOutcome:
    with printing_for(caller.station.name):
        outcome = context.core.lobby.print_badge_again(visit_id, caller.actor)
    context.events.publish("board", visit_id=visit_id)
    return outcome
