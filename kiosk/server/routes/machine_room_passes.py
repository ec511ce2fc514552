"""Machine-room visitor passes (机房访客证) and the weekday 09:00 reconciliation at the desk.

The clerk is the member signed in at the calling desk; the company member who signs passes out
and the machine-room duty guard who countersigns type their own staff number and PIN there, and
both are checked here. A completed sheet is queued for the calling desk's printer.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from kiosk.api.passes import (
    DeskSignature,
    GuardSignature,
    PassesBoard,
    PassNumbers,
    ResolveRequest,
    RetireRequest,
    SignOutRequest,
)
from kiosk.domain.errors import ValidationError
from kiosk.domain.views import LoanReceipt, PassVisitor, PrintOutcome, ReconciliationView, ReturnOutcome
from kiosk.domain.work_calendar import official_working_day
from kiosk.server.auth import (
    Context,
    IdemKey,
    Who,
    action_route,
)
from kiosk.server.context import Caller
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId
from kiosk.server.routes.handover import staff_named
from kiosk.server.signatures import pin_signature
from kiosk.services.print_queue import printing_for
from kiosk.services.staff import SignedIn

router = APIRouter(prefix="/api/v1", tags=["machine-room passes"])

# The lobby board listens too: the reconciliation due and open discrepancies are on it.
TOPIC = "passes"


def _clerk(caller: Caller) -> SignedIn:
    assert caller.staff is not None  # the table lets no one else through
    return caller.staff.who


@router.get("/passes", response_model=PassesBoard, **action_route("passes.read"))
def board(context: Context) -> PassesBoard:
    """The pool, today's sheet (as signed, or a live preview) and every open discrepancy."""
    service = context.core.machine_room_passes
    today = service.today()
    # A machine room is open at the weekend and on holidays too: the pool and the open
    # discrepancies still show.
    view = service.reconciliation(today) if service.is_working_day(today) else None
    open_ones = service.discrepancies()
    shown = (*(view.discrepancies if view else ()), *open_ones)
    labels = [d.resolved_by or "" for d in shown] + [d.detail.received_by for d in shown]
    return PassesBoard(
        pool=service.pool(),
        reconciliation=view,
        due=service.due_state(today),
        open_discrepancies=open_ones,
        staff=staff_named(context, labels),
        missed=service.missed(),
        unknown_years=[
            year
            for year in sorted({today.year, (today + timedelta(days=31)).year})
            if official_working_day(date(year, 1, 1)) is None
        ],
    )


@router.get("/passes/reconciliation/{day}", response_model=ReconciliationView, **action_route("passes.read"))
def reconciliation(day: date, context: Context) -> ReconciliationView:
    """A working day's sheet: as signed, or a live preview (a missed day's as of its 09:00)."""
    service = context.core.machine_room_passes
    if not service.is_working_day(day):
        raise ValidationError("reconciliation", "not_a_working_day")
    return service.reconciliation(day)


@router.post("/passes", response_model=PassNumbers, **action_route("passes.add"))
def add_passes(body: PassNumbers, context: Context, caller: Who) -> PassNumbers:
    added = context.core.machine_room_passes.add_passes(body.numbers, caller.actor)
    context.events.publish(TOPIC)
    return PassNumbers(numbers=list(added))


@router.post("/passes/{number}/retire", status_code=204, **action_route("passes.retire"))
def retire(number: str, body: RetireRequest, context: Context, caller: Who) -> None:
    context.core.machine_room_passes.retire(number[:40], body.reason, caller.actor)
    context.events.publish(TOPIC)


@router.post("/passes/sign-out", response_model=LoanReceipt, **action_route("passes.sign_out"))
def sign_out(body: SignOutRequest, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """Passes to named visitors, one each, against a company member's PIN signature. A submit:
    a retried sign-out is stored once."""
    service = context.core.machine_room_passes
    visitors = [PassVisitor(v.name, v.company, v.id_type, v.id_number) for v in body.visitors]

    def run() -> LoanReceipt:
        with pin_signature(context, caller):
            receipt = service.sign_out(
                body.numbers, visitors, body.signer_username, body.signer_secret, caller.actor
            )
        context.events.publish(TOPIC)
        return receipt

    return idempotent(
        context,
        caller,
        key,
        "passes.sign_out",
        run,
        lambda made: service.receipt(int(made)),
        entity="pass_loan",
    )


@router.post("/passes/return", response_model=ReturnOutcome, **action_route("passes.return"))
def return_passes(body: PassNumbers, context: Context, caller: Who) -> ReturnOutcome:
    outcome = context.core.machine_room_passes.return_passes(body.numbers, caller.actor)
    context.events.publish(TOPIC)
    return outcome


@router.post(
    "/passes/reconciliation/guard",
    response_model=ReconciliationView,
    **action_route("passes.sign_as_guard"),
)
def sign_as_guard(body: GuardSignature, context: Context, caller: Who) -> ReconciliationView:
    """The machine-room duty guard countersigns at this desk with their own PIN and count."""
    with pin_signature(context, caller), printing_for(caller.station.name):
        view = context.core.machine_room_passes.sign_as_guard(
            body.username,
            body.secret,
            body.counted,
            _clerk(caller),
            body.language,
            body.due_on,
            body.late_reason,
        )
    context.events.publish(TOPIC)
    return view


@router.post(
    "/passes/reconciliation/desk", response_model=ReconciliationView, **action_route("passes.sign_as_desk")
)
def sign_as_desk(body: DeskSignature, context: Context, caller: Who) -> ReconciliationView:
    """The clerk signed in at this desk signs today's sheet for the front desk, or a missed
    day's with the reason it is late."""
    with printing_for(caller.station.name):
        view = context.core.machine_room_passes.sign_as_desk(
            _clerk(caller), body.language, body.due_on, body.late_reason
        )
    context.events.publish(TOPIC)
    return view


@router.post(
    "/passes/reconciliation/print", response_model=PrintOutcome, **action_route("passes.print_again")
)
def print_again(context: Context, caller: Who, day: Annotated[date | None, Query()] = None) -> PrintOutcome:
    """Today's signed sheet (or ``day``'s) again at this desk (marked 副本 / COPY once printed)."""
    service = context.core.machine_room_passes
    with printing_for(caller.station.name):
        outcome = service.print_again(day or service.today(), caller.actor)
    context.events.publish("print_queue")
    return outcome


@router.post(
    "/passes/discrepancies/{discrepancy_id}/resolve", status_code=204, **action_route("passes.resolve")
)
def resolve(discrepancy_id: PathId, body: ResolveRequest, context: Context, caller: Who) -> None:
    """A supervisor closes a discrepancy with a note saying what happened."""
    context.core.machine_room_passes.resolve(discrepancy_id, body.note, _clerk(caller))
    context.events.publish(TOPIC)
