"""Deposits tied to what they secure (#20 item 9): taken against the pass, card or permit handed
out, listed with what is due for refund when the item is back (the refund itself is the payments
route's, with its receipt), deducted by finance and forfeited on a supervisor's PIN. Each change
prints at the calling desk and is published as "payments"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from kiosk.api.deposits import DeductionRequest, DepositTake, ForfeitRequest, Which
from kiosk.domain.deposits import DepositItem, DepositItemView, DepositNoteResult, DepositView
from kiosk.domain.documents import ReceiptPurpose
from kiosk.domain.views import PaymentResult
from kiosk.server.auth import Context, IdemKey, Who, action_route
from kiosk.server.context import Caller, ServerContext
from kiosk.server.idempotency import idempotent
from kiosk.services.print_queue import printing_for

router = APIRouter(prefix="/api/v1", tags=["deposits and receipts"])
TOPICS = ("payments",)
ENTITY = "payment"
T = TypeVar("T")


@router.get("/deposits", response_model=list[DepositView], **action_route("deposits.list"))
def listing(
    context: Context, which: Which = "open", q: Annotated[str, Query(max_length=80)] = ""
) -> list[DepositView]:
    """Deposits held or due for refund (``open``), due only, or all; ``q`` a number or a name."""
    return context.core.deposits.listing(which, q)


@router.get("/deposits/items", response_model=list[DepositItemView], **action_route("deposits.items"))
def items(context: Context, purpose: ReceiptPurpose) -> list[DepositItemView]:
    """The items out that a deposit of ``purpose`` may be taken against (none carried yet)."""
    return context.core.deposits.items(purpose)


@router.get("/deposits/due", response_model=list[DepositView], **action_route("deposits.due"))
def due(
    context: Context,
    item: DepositItem,
    label: Annotated[list[str], Query(max_length=50)],
) -> list[DepositView]:
    """The deposits to refund now that these passes, cards or permits are back: the prompt."""
    return context.core.deposits.due_for(item, [text[:40] for text in label])


@router.get("/deposits/{receipt_number}", response_model=DepositView, **action_route("deposits.read"))
def read(receipt_number: str, context: Context) -> DepositView:
    return context.core.deposits.deposit(receipt_number[:40])


@router.post("/deposits", response_model=PaymentResult, **action_route("deposits.take"))
def take(body: DepositTake, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """A deposit for an item as it goes out, with its receipt; a retried submit is stored once."""
    core = context.core
    return _printed_once(
        context,
        (caller, key, "deposits.take"),
        lambda: core.deposits.take(
            body.purpose,
            body.item_id,
            body.payer,
            body.amount_fen,
            caller.actor,
            method=body.method,
            note=body.note,
            language=body.language,
        ),
        lambda made: core.payments.result_of(int(made)),
    )


@router.post(
    "/deposits/{receipt_number}/deductions",
    response_model=DepositNoteResult,
    **action_route("deposits.deduct"),
)
def deduct(
    receipt_number: str, body: DeductionRequest, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Finance's deduction with its reason; the numbered note prints at the calling desk."""
    core = context.core
    return _printed_once(
        context,
        (caller, key, "deposits.deduct"),
        lambda: core.deposits.deduct(
            receipt_number[:40], body.amount_fen, body.reason, caller.member, body.language
        ),
        lambda made: core.deposits.last_note(int(made)),
    )


@router.post(
    "/deposits/{receipt_number}/forfeit",
    response_model=DepositNoteResult,
    **action_route("deposits.forfeit"),
)
def forfeit(
    receipt_number: str, body: ForfeitRequest, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """The item lost or kept: the deposit's balance kept, on a supervisor's PIN."""
    core = context.core
    return _printed_once(
        context,
        (caller, key, "deposits.forfeit"),
        lambda: core.deposits.forfeit(
            receipt_number[:40], body.reason, body.supervisor, body.secret, caller.member, body.language
        ),
        lambda made: core.deposits.last_note(int(made)),
    )


def _printed_once(
    context: ServerContext,
    submit: tuple[Caller, str | None, str],
    step: Callable[[], T],
    replay: Callable[[str], T],
) -> JSONResponse:
    """``step`` stored once per submit (caller, idempotency key, action), printing at the calling
    desk; a retry whose first try stored its change is answered by ``replay`` of what it made."""
    caller, key, action = submit

    def run() -> T:
        with printing_for(caller.station.name):
            return step()

    return idempotent(context, caller, key, action, run, replay, entity=ENTITY, topics=TOPICS)
