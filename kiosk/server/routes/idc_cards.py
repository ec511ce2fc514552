"""IDC identity-verification cards (IDC身份校验卡): sales file, a supervisor decides, the desk
issues a card on its own encoder (the server plans it with the site key, checks what was read
back, records it, queues the confirmation for that desk's printer and the uploads to access
control), revokes it, and follows the uploads. Expiry and upload retries are the server's own
rounds (``kiosk.server.housekeeping``), whether or not a desk is open.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from kiosk.api.idc_cards import (
    ApplicationFiled,
    ApplicationForm,
    Decision,
    IdcCardPlanRequest,
    IdcHistory,
    IdcIssued,
    Revoked,
    RevokeRequest,
    SendResult,
)
from kiosk.api.schemas import CardPlanView, CardWriteFailed, CardWritten
from kiosk.domain.idc_cards import ApplicationStatus
from kiosk.domain.views import ApplicationView, DeliveryView, StaffName
from kiosk.server.auth import (
    Context,
    IdemKey,
    Who,
    action_route,
)
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId
from kiosk.server.routes.cards import card_of, issued_view, owner, plan_view, read_of
from kiosk.services.idc_cards import ENTITY, ApplicationInput
from kiosk.services.print_queue import printing_for

router = APIRouter(prefix="/api/v1", tags=["IDC cards"])

TOPIC = "cards"


# --- lists ---------------------------------------------------------------------------------------


@router.get("/idc/applications", response_model=list[ApplicationView], **action_route("idc.read"))
def applications(
    context: Context,
    search: Annotated[str, Query(max_length=100)] = "",
    status: ApplicationStatus | None = None,
    company: Annotated[str, Query(max_length=200)] = "",
    expiring: bool = False,
) -> list[ApplicationView]:
    """The card list, newest first; ``expiring``: issued and ending within 30 days."""
    return context.core.idc_cards.applications(
        search=search, status=status, company=company, expiring=expiring
    )


@router.get("/idc/applications/mine", response_model=list[ApplicationView], **action_route("idc.mine"))
def my_applications(context: Context, caller: Who) -> list[ApplicationView]:
    """The applications the signed-in salesperson filed."""
    return context.core.idc_cards.applications(filed_by=caller.actor.label)


@router.get("/idc/companies", response_model=list[str], **action_route("idc.read"))
def companies(context: Context) -> list[str]:
    return context.core.idc_cards.companies()


@router.get("/idc/deliveries", response_model=list[DeliveryView], **action_route("idc.read"))
def deliveries(context: Context) -> list[DeliveryView]:
    """The uploads to access control, newest first."""
    return context.core.idc_cards.deliveries()


@router.get(
    "/idc/applications/{application_id}/history", response_model=IdcHistory, **action_route("idc.read")
)
def history(application_id: PathId, context: Context) -> IdcHistory:
    entries = context.core.idc_cards.history(application_id)
    named = {e.actor.partition(":")[2] for e in entries if e.actor.startswith("staff:")}
    staff = [
        StaffName(m.username, m.name, m.role) for m in context.core.staff.members() if m.username in named
    ]
    return IdcHistory(entries=entries, staff=staff)


# --- the application -------------------------------------------------------------------------------


@router.post("/idc/applications", response_model=ApplicationFiled, **action_route("idc.file"))
def file(body: ApplicationForm, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """Sales file an application; it waits for a supervisor. Sent again after a lost answer, it
    is filed once."""
    form = ApplicationInput(**body.model_dump())

    def run() -> ApplicationFiled:
        filed = context.core.idc_cards.file(form, caller.member)
        context.events.publish(TOPIC)
        return ApplicationFiled(application_id=filed)

    return idempotent(
        context,
        caller,
        key,
        "idc.file",
        run,
        lambda made: ApplicationFiled(application_id=int(made)),
        entity=ENTITY,
    )


@router.post("/idc/applications/{application_id}/approve", status_code=204, **action_route("idc.decide"))
def approve(application_id: PathId, body: Decision, context: Context, caller: Who) -> None:
    """Whoever filed it may not decide it (four eyes), whatever their role."""
    context.core.idc_cards.approve(application_id, caller.member, body.note)
    context.events.publish(TOPIC)


@router.post("/idc/applications/{application_id}/reject", status_code=204, **action_route("idc.decide"))
def reject(application_id: PathId, body: Decision, context: Context, caller: Who) -> None:
    context.core.idc_cards.reject(application_id, caller.member, body.note)
    context.events.publish(TOPIC)


# --- the card, on the desk's encoder -----------------------------------------------------------


@router.post(
    "/idc/applications/{application_id}/card/plan", response_model=CardPlanView, **action_route("idc.issue")
)
def plan_card(
    application_id: PathId, body: IdcCardPlanRequest, context: Context, caller: Who
) -> CardPlanView:
    """What to write on the card the desk read (a blank card, or one of ours no longer in use):
    good for one report by this desk."""
    plan = context.core.idc_cards.plan(
        application_id,
        card_of(body.card),
        read_of(body.content),
        caller.member,
        body.language,
        owner=owner(caller),
    )
    context.events.publish(TOPIC)  # a number is taken: the card's history shows it
    return plan_view(plan)


@router.post("/idc/card-attempts/{attempt_id}/written", response_model=IdcIssued, **action_route("idc.issue"))
def written(attempt_id: PathId, body: CardWritten, context: Context, caller: Who) -> IdcIssued:
    """What the desk read back: issued if it verifies, with the confirmation queued for this desk's
    printer and the uploads tried once. Sent again after a lost answer, it answers the same."""
    with printing_for(caller.station.name):
        result = context.core.idc_cards.complete(
            attempt_id, owner(caller), read_of(body.read_back), caller.member
        )
    context.events.publish(TOPIC)
    return IdcIssued(card=issued_view(result.card), printed=result.printed)


@router.post("/idc/card-attempts/{attempt_id}/failed", status_code=204, **action_route("idc.issue"))
def failed(attempt_id: PathId, body: CardWriteFailed, context: Context, caller: Who) -> None:
    """The desk's encoder could not write the plan: its number is spent (void)."""
    context.core.idc_cards.abandon(attempt_id, owner(caller), body.error, caller.member)
    context.events.publish(TOPIC)


@router.post(
    "/idc/applications/{application_id}/revoke", response_model=Revoked, **action_route("idc.revoke")
)
def revoke(application_id: PathId, body: RevokeRequest, context: Context, caller: Who) -> Revoked:
    """The card is refused at once, everywhere; access control is told."""
    label = context.core.idc_cards.revoke(application_id, caller.member, body.reason, body.note)
    context.events.publish(TOPIC)
    return Revoked(card_label=label)


@router.post("/idc/deliveries/{delivery_id}/send", response_model=SendResult, **action_route("idc.send_now"))
def send_now(delivery_id: PathId, context: Context, caller: Who) -> SendResult:
    """An upload sent again now, rather than at its next retry."""
    error = context.core.idc_cards.send_now(delivery_id, caller.member)
    context.events.publish(TOPIC)
    return SendResult(error=error)
