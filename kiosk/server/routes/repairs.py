"""Repair requests (报修): the desk takes them, dispatches them with a work order printed at its own
printer, records the engineer's arrival and completion, the resident's sign-off and the callback;
a supervisor cancels. Every change is published as "repairs" and "board" (the board shows each
open request's clock)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

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
from kiosk.domain.repair_views import DispatchedRepair, ReopenedRepair, RepairRow, RepairView
from kiosk.domain.views import PrintOutcome
from kiosk.server.auth import Context, IdemKey, Who, action_route
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId
from kiosk.server.routes.steps import RecordStep
from kiosk.services.print_queue import printing_for
from kiosk.services.repairs import RepairDraft, RepairService
from kiosk.services.staff import SignedIn

router = APIRouter(prefix="/api/v1", tags=["repairs"])
ENTITY = "repair_request"


# The desk's repairs page, and the lobby board (each open request's clock).
TOPICS = ("repairs", "board")


# A change to a request, stored once however often the desk sends it.
_step = RecordStep(lambda core: core.repairs, RepairService.repair, ENTITY, TOPICS)


@router.get("/repairs", response_model=list[RepairRow], **action_route("repairs.list"))
def listing(
    context: Context,
    which: Literal["open", "overdue", "all"] = "open",
    q: Annotated[str, Query(max_length=80)] = "",
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> list[RepairRow]:
    """Open, overdue or all requests, newest first; ``q`` a request number or a unit."""
    return context.core.repairs.listing(which, q, limit)


@router.get("/repairs/{repair_id}", response_model=RepairView, **action_route("repairs.read"))
def read(repair_id: PathId, context: Context) -> RepairView:
    return context.core.repairs.repair(repair_id)


@router.post("/repairs/find", response_model=RepairView, **action_route("repairs.find"))
def find(body: RepairCode, context: Context) -> RepairView:
    """The request a scanned work order's QR (or a typed number) names."""
    return context.core.repairs.find(body.code)


@router.post("/repairs", response_model=RepairView, **action_route("repairs.take"))
def take(body: RepairTake, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """Take a request; its clocks start now. A retried submit is stored once."""
    draft = RepairDraft(
        body.unit, body.caller_name, body.phone, body.what, body.category, body.repair_class, body.location
    )
    return _step(context, caller, key, "repairs.take", lambda service, who: service.take(draft, who))


@router.post(
    "/repairs/{repair_id}/dispatch", response_model=DispatchedRepair, **action_route("repairs.dispatch")
)
def dispatch(
    repair_id: PathId, body: RepairDispatch, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Dispatch to 工程部 or a contractor; the work order prints at the calling desk's printer."""
    service = context.core.repairs

    def run() -> DispatchedRepair:
        with printing_for(caller.station.name):
            return service.dispatch(repair_id, caller.member, body.contractor, body.engineer, body.language)

    def replay(made: str) -> DispatchedRepair:
        return DispatchedRepair(service.repair(int(made)), PrintOutcome(0, False, None, None))

    return idempotent(context, caller, key, "repairs.dispatch", run, replay, entity=ENTITY, topics=TOPICS)


@router.post(
    "/repairs/{repair_id}/print-again", response_model=PrintOutcome, **action_route("repairs.print_again")
)
def print_again(repair_id: PathId, context: Context, caller: Who) -> PrintOutcome:
    """The last work order again, marked as a copy, at the calling desk."""
    with printing_for(caller.station.name):
        return context.core.repairs.print_again(repair_id, caller.member)


@router.post("/repairs/{repair_id}/arrival", response_model=RepairView, **action_route("repairs.arrive"))
def arrive(repair_id: PathId, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    return _step(context, caller, key, "repairs.arrive", lambda s, who: s.record_arrival(repair_id, who))


@router.post("/repairs/{repair_id}/completion", response_model=RepairView, **action_route("repairs.complete"))
def complete(
    repair_id: PathId, body: RepairNote, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    def completed(service: RepairService, who: SignedIn) -> RepairView:
        return service.record_completion(repair_id, who, body.note)

    return _step(context, caller, key, "repairs.complete", completed)


@router.post("/repairs/{repair_id}/sign-off", response_model=RepairView, **action_route("repairs.sign_off"))
def sign_off(
    repair_id: PathId, body: RepairSignOff, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    def signed(service: RepairService, who: SignedIn) -> RepairView:
        return service.sign_off(repair_id, who, body.signed_by)

    return _step(context, caller, key, "repairs.sign_off", signed)


@router.post("/repairs/{repair_id}/callback", response_model=RepairView, **action_route("repairs.callback"))
def callback(
    repair_id: PathId, body: RepairCallback, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    def called(service: RepairService, who: SignedIn) -> RepairView:
        return service.callback(repair_id, who, body.satisfaction, body.note)

    return _step(context, caller, key, "repairs.callback", called)


@router.post("/repairs/{repair_id}/cancel", response_model=RepairView, **action_route("repairs.cancel"))
def cancel(
    repair_id: PathId, body: RepairReason, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    def cancelled(service: RepairService, who: SignedIn) -> RepairView:
        return service.cancel(repair_id, who, body.reason)

    return _step(context, caller, key, "repairs.cancel", cancelled)


@router.post("/repairs/{repair_id}/reopen", response_model=ReopenedRepair, **action_route("repairs.reopen"))
def reopen(
    repair_id: PathId, body: RepairReopen, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Within the warranty the same request opens again; after it, a new one is taken (the
    caller's name and phone asked again)."""
    service = context.core.repairs

    def run() -> ReopenedRepair:
        return service.reopen(repair_id, caller.member, body.reason, body.caller_name, body.phone)

    def replay(made: str) -> ReopenedRepair:
        view = service.repair(int(made))
        return ReopenedRepair(view, same=view.repair_id == repair_id)

    return idempotent(context, caller, key, "repairs.reopen", run, replay, entity=ENTITY, topics=TOPICS)
