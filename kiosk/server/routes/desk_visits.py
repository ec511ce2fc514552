"""Walk-ins registered at the desk, a unit's residents (with their phone numbers: the desk's only),
and the desk's calls about a visit. Every change is published as "board" (the waiting list)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import JSONResponse

from kiosk.api.desk_visits import CallRecord, WalkIn
from kiosk.domain.calls import CallOutcome, UnitView, VisitCalls
from kiosk.domain.views import CheckInResult
from kiosk.server.auth import Context, IdemKey, Who, action_route
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId
from kiosk.server.routes.visits import _result_of

router = APIRouter(prefix="/api/v1", tags=["desk visits"])


@router.post("/desk-visits", response_model=CheckInResult, **action_route("desk_visits.register"))
def register(body: WalkIn, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """A walk-in checked in by the signed-in clerk: the kiosk's check-in, the badge at this desk."""
    station = caller.station.name

    def run() -> CheckInResult:
        return context.core.desk_visits.register(body.request(), caller.member, station)

    return idempotent(
        context,
        caller,
        key,
        "desk_visits.register",
        run,
        lambda made: _result_of(context, int(made)),
        entity="visit",
        topics=("board",),
    )


@router.get("/desk-visits/units/{unit}", response_model=UnitView, **action_route("desk_visits.unit"))
def unit(unit: Annotated[str, Path(max_length=40)], context: Context, caller: Who) -> UnitView:
    return context.core.desk_visits.unit(unit, caller.member)


@router.get("/visits/{visit_id}/calls", response_model=VisitCalls, **action_route("desk_visits.calls"))
def calls(visit_id: PathId, context: Context, caller: Who) -> VisitCalls:
    return context.core.desk_visits.visit_calls(visit_id, caller.member)


@router.post(
    "/visits/{visit_id}/calls", response_model=CallOutcome, **action_route("desk_visits.record_call")
)
def record_call(
    visit_id: PathId, body: CallRecord, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """The desk's call recorded; agreed lets the visitor in (the badge prints where they stand)."""
    service = context.core.desk_visits

    def run() -> CallOutcome:
        return service.record_call(visit_id, body.draft(), caller.member)

    return idempotent(
        context,
        caller,
        key,
        "desk_visits.record_call",
        run,
        lambda made: service.outcome(int(made)),
        entity="visit_call",
        topics=("board",),
    )
