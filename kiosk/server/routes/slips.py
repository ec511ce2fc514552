"""Release slips (物品放行条): the office issues them, the lobby guard checks them once.

A scanned or typed code comes here and the server decides (the slip key never leaves it); a slip
is released at most once, whichever guards scan it at the same moment (one conditional UPDATE in
the service).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from kiosk.api.slips import ArrearsPayment, MismatchNote, OwnerCallRequest, SlipCode, SlipIssue
from kiosk.domain.views import (
    IssuedSlip,
    OwnerAnswers,
    OwnerCallView,
    PaymentResult,
    ScanResult,
    SlipView,
    UnitRecord,
)
from kiosk.server.auth import (
    Context,
    IdemKey,
    Who,
    action_route,
)
from kiosk.server.context import Caller, ServerContext
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId
from kiosk.services.print_queue import printing_for
from kiosk.services.release_slips import ArrearsOverride, SlipRequest

router = APIRouter(prefix="/api/v1", tags=["release slips"])


# --- the office ---------------------------------------------------------------------------------


@router.get("/slips/unit", response_model=UnitRecord, **action_route("slips.unit"))
def unit(context: Context, unit: Annotated[str, Query(max_length=80)]) -> UnitRecord:
    """A unit's owners and tenants and each payer's arrears (the owner records and fee ledger)."""
    return context.core.release_slips.unit(unit)


@router.get("/slips", response_model=list[SlipView], **action_route("slips.list"))
def slips(context: Context, limit: Annotated[int, Query(ge=1, le=200)] = 50) -> list[SlipView]:
    return context.core.release_slips.slips(limit)


@router.post("/slips/owner-calls", response_model=OwnerCallView, **action_route("slips.owner_call"))
def record_owner_call(body: OwnerCallRequest, context: Context, caller: Who) -> OwnerCallView:
    answers = OwnerAnswers(body.owner_knows, body.rent_owed, body.owner_items, body.consent, body.note)
    return context.core.release_slips.record_owner_call(
        body.unit, body.tenant_name, body.owner_name, answers, caller.member
    )


@router.post("/slips", response_model=IssuedSlip, **action_route("slips.issue"))
def issue(body: SlipIssue, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """Issue a slip; it prints at the calling desk's printer. A retried submit is stored once."""
    override = body.override
    request = SlipRequest(
        unit=body.unit,
        holder_name=body.holder_name,
        party_kind=body.party_kind,
        id_type=body.id_type,
        id_number=body.id_number,
        items=tuple((line.name, line.quantity) for line in body.items),
        signed_name=body.signed_name,
        signature_confirmed=body.signature_confirmed,
        owner_call_id=body.owner_call_id,
        override=ArrearsOverride(override.supervisor, override.pin, override.reason) if override else None,
        language=body.language,
    )
    service = context.core.release_slips

    def run() -> IssuedSlip:
        with printing_for(caller.station.name):
            issued = service.issue(request, caller.member)
        context.events.publish("slips")
        return issued

    return idempotent(
        context,
        caller,
        key,
        "slips.issue",
        run,
        lambda made: service.issued(int(made)),
        entity="release_slip",
    )


@router.post("/slips/arrears-payments", response_model=PaymentResult, **action_route("slips.pay_arrears"))
def pay_arrears(body: ArrearsPayment, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """The payer's outstanding management fees, one receipt printed at the calling desk."""

    def run() -> PaymentResult:
        with printing_for(caller.station.name):
            paid = context.core.release_slips.pay_arrears(
                body.unit, body.payer_name, body.party_kind, caller.member, body.method, body.language
            )
        context.events.publish("payments")
        return paid

    return idempotent(
        context,
        caller,
        key,
        "slips.pay_arrears",
        run,
        lambda made: context.core.payments.result_of(int(made)),
        entity="payment",
    )


# --- the lobby guard ----------------------------------------------------------------------------


@router.post("/slips/scan", response_model=ScanResult, **action_route("slips.scan"))
def scan(body: SlipCode, context: Context, caller: Who) -> ScanResult:
    """What a scanned QR or a typed code is; audited either way (guessing leaves a trail)."""
    return context.core.release_slips.scan(body.code, caller.member)


@router.post("/slips/{slip_id}/release", response_model=SlipView, **action_route("slips.release"))
def release(slip_id: PathId, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """The goods match: the slip is used up. Another release (another guard) is refused; the same
    one sent again (its answer lost) is answered as the first was."""
    service = context.core.release_slips
    return _close(context, caller, key, "slips.release", lambda: service.release(slip_id, caller.member))


@router.post("/slips/{slip_id}/mismatch", response_model=SlipView, **action_route("slips.mismatch"))
def mismatch(
    slip_id: PathId, body: MismatchNote, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """The goods do not match: the slip is void; the holder goes back to the office."""
    service = context.core.release_slips
    return _close(
        context, caller, key, "slips.mismatch", lambda: service.mismatch(slip_id, caller.member, body.note)
    )


def _close(
    context: ServerContext, caller: Caller, key: str | None, action: str, close: Callable[[], SlipView]
) -> JSONResponse:
    def run() -> SlipView:
        done = close()
        context.events.publish("slips")
        return done

    service = context.core.release_slips
    return idempotent(
        context, caller, key, action, run, lambda made: service.slip(int(made)), entity="release_slip"
    )
