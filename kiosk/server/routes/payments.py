"""Deposits, fees for finance and refunds at the desk: each a numbered receipt, printed at the
calling desk's printer. Taking money is a submit: a retried one is stored (and printed) once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import AwareDatetime

from kiosk.api.payments import DepositRequest, FeeRequest, PrintLanguage, RefundRequest
from kiosk.domain.documents import CashSummary
from kiosk.domain.views import PaymentResult, PaymentView, PrintOutcome
from kiosk.server.auth import (
    Context,
    IdemKey,
    Who,
    action_route,
)
from kiosk.server.context import Caller, ServerContext
from kiosk.server.idempotency import idempotent
from kiosk.services.audit import Actor
from kiosk.services.print_queue import printing_for

router = APIRouter(prefix="/api/v1", tags=["deposits and receipts"])


@router.get("/payments", response_model=list[PaymentView], **action_route("payments.list"))
def taken_since(
    context: Context,
    since: Annotated[AwareDatetime, Query()],
    limit: Annotated[int, Query(ge=1, le=500)] = 500,
) -> list[PaymentView]:
    """Receipts and refunds from ``since`` (the desk asks from the start of its day), newest first."""
    return context.core.payments.taken_since(since, limit)


def _summary(context: ServerContext, clerk: Actor) -> CashSummary:
    return context.core.payments.cash_summary(clerk, context.core.handover.shift_start(clerk))


@router.get("/payments/cash-summary", response_model=CashSummary, **action_route("payments.cash_summary"))
def cash_summary(context: Context, caller: Who) -> CashSummary:
    """What the signed-in clerk took and refunded since their shift began."""
    return _summary(context, caller.actor)


@router.post(
    "/payments/cash-summary/print", response_model=PrintOutcome, **action_route("payments.print_cash_summary")
)
def print_cash_summary(body: PrintLanguage, context: Context, caller: Who) -> PrintOutcome:
    """The clerk's cash summary as it stands now, printed at the calling desk."""
    summary = _summary(context, caller.actor)
    with printing_for(caller.station.name):
        return context.core.payments.print_cash_summary(summary, caller.actor, body.language)


def _take(
    context: ServerContext, caller: Caller, key: str | None, action: str, take: Callable[[], PaymentResult]
) -> JSONResponse:
    payments = context.core.payments

    def run() -> PaymentResult:
        with printing_for(caller.station.name):
            result = take()
        context.events.publish("payments")
        return result

    return idempotent(
        context, caller, key, action, run, lambda made: payments.result_of(int(made)), entity="payment"
    )


@router.post("/payments/deposits", response_model=PaymentResult, **action_route("payments.deposit"))
def take_deposit(body: DepositRequest, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """A deposit (押金) for a card or pass; one open deposit per card or pass."""
    return _take(
        context,
        caller,
        key,
        "payments.deposit",
        lambda: context.core.payments.take_deposit(
            body.purpose,
            body.payer,
            body.reference,
            body.amount_fen,
            caller.actor,
            method=body.method,
            note=body.note,
            language=body.language,
        ),
    )


@router.post("/payments/fees", response_model=PaymentResult, **action_route("payments.fee"))
def record_fee(body: FeeRequest, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """A fee collected on behalf of finance (代收费用)."""
    return _take(
        context,
        caller,
        key,
        "payments.fee",
        lambda: context.core.payments.record_fee_payment(
            body.payer,
            body.amount_fen,
            body.item,
            caller.actor,
            unit=body.unit,
            method=body.method,
            language=body.language,
        ),
    )


@router.post("/payments/refunds", response_model=PaymentResult, **action_route("payments.refund"))
def refund(body: RefundRequest, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """The card or pass came back: its whole deposit refunded once, with a refund receipt."""
    return _take(
        context,
        caller,
        key,
        "payments.refund",
        lambda: context.core.payments.refund(body.receipt_or_reference, caller.actor, language=body.language),
    )


@router.post(
    "/payments/receipts/{receipt_number}/reprint",
    response_model=PrintOutcome,
    **action_route("payments.reprint"),
)
def reprint(receipt_number: str, context: Context, caller: Who) -> PrintOutcome:
    """A receipt again, marked 副本 / COPY (or its first print, if it never printed)."""
    with printing_for(caller.station.name):
        outcome = context.core.payments.reprint(receipt_number[:40], caller.actor)
    context.events.publish("print_queue")
    return outcome
