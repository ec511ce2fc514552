"""Repair requests (报修): the desk takes them, dispatches them with a work order printed at its own
printer, records the engineer's arrival and completion, the resident's sign-off and the callback;
a supervisor cancels. Every change is published as "repairs" and "board" (the board shows each
open request's clock)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from kiosk.api.repairs import (
    RepairCallback,
    RepairCode,
    RepairDispatch,
    RepairNote,
    RepairReason,
    RepairSignOff,
    RepairTake,
)
from kiosk.domain.repair_views import DispatchedRepair, ReopenedRepair, RepairRow, RepairView
from kiosk.domain.views import PrintOutcome
from kiosk.server.auth import Context, IdemKey, Who, action_route
from kiosk.server.context import Caller, ServerContext
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId
from kiosk.services.print_queue import printing_for
from kiosk.services.repairs import RepairDraft
from kiosk.services.staff import SignedIn

router = APIRouter(prefix="/api/v1", tags=["repairs"])
ENTITY = "repair_request"


def _member(caller: Caller) -> SignedIn:
    # Every repair action needs a member signed in (the permission table); the service checks the
    # member's role again and records the steps in their name.
    assert caller.staff is not None
    return caller.staff.who


def _changed(context: ServerContext) -> None:
    context.events.publish("repairs")
    context.events.publish("board")


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
    service = context.core.repairs
    draft = RepairDraft(
        body.unit, body.caller_name, body.phone, body.what, body.category, body.repair_class, body.location
    )

    def run() -> RepairView:
        taken = service.take(draft, _member(caller))
        _changed(context)
        return taken

    return idempotent(
        context, caller, key, "repairs.take", run, lambda made: service.repair(int(made)), entity=ENTITY
    )


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
            done = service.dispatch(repair_id, _member(caller), body.contractor, body.engineer, body.language)
        _changed(context)
        return done

    def replay(made: str) -> DispatchedRepair:
        return DispatchedRepair(service.repair(int(made)), PrintOutcome(0, False, None, None))

    return idempotent(context, caller, key, "repairs.dispatch", run, replay, entity=ENTITY)


@router.post(
    "/repairs/{repair_id}/print-again", response_model=PrintOutcome, **action_route("repairs.print_again")
)
def print_again(repair_id: PathId, context: Context, caller: Who) -> PrintOutcome:
    """The last work order again, marked as a copy, at the calling desk."""
    with printing_for(caller.station.name):
        return context.core.repairs.print_again(repair_id, _member(caller))


def _step(
    context: ServerContext, caller: Caller, key: str | None, action: str, step: Callable[[], RepairView]
) -> JSONResponse:
    """A step of the work: answered again as the request stands when a retry finds it done."""

    def run() -> RepairView:
        done = step()
        _changed(context)
        return done

    service = context.core.repairs
    return idempotent(
        context, caller, key, action, run, lambda made: service.repair(int(made)), entity=ENTITY
    )


@router.post("/repairs/{repair_id}/arrival", response_model=RepairView, **action_route("repairs.arrive"))
def arrive(repair_id: PathId, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    service = context.core.repairs
    return _step(
        context, caller, key, "repairs.arrive", lambda: service.record_arrival(repair_id, _member(caller))
    )


@router.post("/repairs/{repair_id}/completion", response_model=RepairView, **action_route("repairs.complete"))
def complete(
    repair_id: PathId, body: RepairNote, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    service = context.core.repairs
    return _step(
        context,
        caller,
        key,
        "repairs.complete",
        lambda: service.record_completion(repair_id, _member(caller), body.note),
    )


@router.post("/repairs/{repair_id}/sign-off", response_model=RepairView, **action_route("repairs.sign_off"))
def sign_off(
    repair_id: PathId, body: RepairSignOff, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    service = context.core.repairs
    return _step(
        context,
        caller,
        key,
        "repairs.sign_off",
        lambda: service.sign_off(repair_id, _member(caller), body.signed_by),
    )


@router.post("/repairs/{repair_id}/callback", response_model=RepairView, **action_route("repairs.callback"))
def callback(
    repair_id: PathId, body: RepairCallback, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    service = context.core.repairs
    return _step(
        context,
        caller,
        key,
        "repairs.callback",
        lambda: service.callback(repair_id, _member(caller), body.satisfaction, body.note),
    )


@router.post("/repairs/{repair_id}/cancel", response_model=RepairView, **action_route("repairs.cancel"))
def cancel(
    repair_id: PathId, body: RepairReason, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    service = context.core.repairs
    return _step(
        context,
        caller,
        key,
        "repairs.cancel",
        lambda: service.cancel(repair_id, _member(caller), body.reason),
    )


@router.post("/repairs/{repair_id}/reopen", response_model=ReopenedRepair, **action_route("repairs.reopen"))
def reopen(
    repair_id: PathId, body: RepairReason, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Within the warranty the same request opens again; after it, a new one is taken."""
    service = context.core.repairs

    def run() -> ReopenedRepair:
        done = service.reopen(repair_id, _member(caller), body.reason)
        _changed(context)
        return done

    def replay(made: str) -> ReopenedRepair:
        view = service.repair(int(made))
        return ReopenedRepair(view, same=view.repair_id == repair_id)

    return idempotent(context, caller, key, "repairs.reopen", run, replay, entity=ENTITY)
