"""Phone messages (电话记录 / 代客留言) at the desk: take one, the inbox, pass it on, print its slip.

The messages declined visitors leave at the kiosk come in through ``visit.leave_message`` into
the same inbox. Each change is published as ``messages`` (the desk's messages page) and
``board`` (the lobby board's inbox).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from kiosk.api.messages import (
    CancelMessageRequest,
    MessageListing,
    MessageRef,
    PassOnRequest,
    TakeMessageRequest,
)
from kiosk.api.payments import PrintLanguage
from kiosk.domain.phone_messages import NewPhoneMessage, PhoneMessageView
from kiosk.domain.views import DeskHostEntry, PrintOutcome
from kiosk.server.auth import Context, IdemKey, Who, action_route
from kiosk.server.context import ServerContext
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId
from kiosk.server.routes.handover import staff_named
from kiosk.services.print_queue import printing_for

router = APIRouter(prefix="/api/v1", tags=["phone messages"])

# The messages page and the lobby board's inbox read again.
TOPICS = ("messages", "board")


def publish(context: ServerContext) -> None:
    for topic in TOPICS:
        context.events.publish(topic)


@router.get("/messages", response_model=MessageListing, **action_route("messages.list"))
def listing(
    context: Context,
    show: Annotated[str, Query(pattern="^(open|all)$")] = "open",
    q: Annotated[str, Query(max_length=80)] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 200,
) -> MessageListing:
    """The inbox, newest call first: the messages not yet passed on, or all of them; ``q``
    narrows them to a caller, company, number, text or recipient."""
    service = context.core.phone_messages
    messages = service.inbox(open_only=show == "open", search=q, limit=limit)
    open_count = service.open_count()
    labels = [m.recorded_by for m in messages] + [
        label for m in messages for label in (m.relayed_by, m.cancelled_by) if label
    ]
    return MessageListing(messages=messages, open_count=open_count, staff=staff_named(context, labels))


@router.get("/messages/directory", response_model=list[DeskHostEntry], **action_route("messages.directory"))
def directory(context: Context, q: Annotated[str, Query(max_length=80)] = "") -> list[DeskHostEntry]:
    """The staff directory, for the form's "for whom"."""
    return context.core.directory.search_for_desk(q)


@router.post("/messages", response_model=MessageRef, **action_route("messages.take"))
def take(body: TakeMessageRequest, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """Write a message down; a retried submit is stored once."""
    form = NewPhoneMessage(
        caller_name=body.caller_name,
        text=body.text,
        received_at=body.received_at,
        host_id=body.host_id,
        recipient_unit=body.recipient_unit,
        recipient_name=body.recipient_name,
        company=body.company,
        phone=body.phone,
        extension=body.extension,
        city=body.city,
        caller_request=body.caller_request,
        source=body.source,
    )

    return idempotent(
        context,
        caller,
        key,
        "messages.take",
        lambda: MessageRef(message_id=context.core.phone_messages.take(form, caller.actor)),
        lambda made: MessageRef(message_id=int(made)),
        entity="host_message",
        topics=TOPICS,
    )


@router.post(
    "/messages/{message_id}/passed-on", response_model=PhoneMessageView, **action_route("messages.pass_on")
)
def pass_on(message_id: PathId, body: PassOnRequest, context: Context, caller: Who) -> PhoneMessageView:
    """Stamp it passed on: now, by the member signed in here, how."""
    view = context.core.phone_messages.pass_on(message_id, body.method, body.note, caller.actor)
    publish(context)
    return view


@router.post("/messages/{message_id}/cancel", status_code=204, **action_route("messages.cancel"))
def cancel(message_id: PathId, body: CancelMessageRequest, context: Context, caller: Who) -> None:
    context.core.phone_messages.cancel(message_id, body.reason, caller.actor)
    publish(context)


@router.post("/messages/{message_id}/print", response_model=PrintOutcome, **action_route("messages.print"))
def print_slip(message_id: PathId, body: PrintLanguage, context: Context, caller: Who) -> PrintOutcome:
    """The slip for the person it is for, printed at the calling desk."""
    with printing_for(caller.station.name):
        return context.core.phone_messages.print_slip(message_id, body.language, caller.actor)
