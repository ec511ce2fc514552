"""Cards on a station's encoder, keyed and judged here: the site key never leaves the server.

A station reads a card's UID and asks for the key that reads it (key A only); for an issue it
sends what it read and gets a write plan (that card's payload and both its sector keys), good
for one attempt by that station; it writes, reads back and reports, and the card counts only
when what it read back verifies here. A tapped card goes the same way: the station sends what it
read, the server decides.
"""

from __future__ import annotations

from fastapi import APIRouter

from kiosk.api.schemas import (
    CardContent,
    CardKeysView,
    CardPlanView,
    CardSeen,
    CardTap,
    CardWriteFailed,
    CardWritten,
    IssuedCardView,
)
from kiosk.devices.interfaces import Card
from kiosk.domain.cards import CardKeys, CardRead, WritePlan
from kiosk.domain.credential import CardKind
from kiosk.domain.views import CardCheckout
from kiosk.server.auth import Context, Who, action_route
from kiosk.server.context import Caller
from kiosk.server.routes import PathId
from kiosk.server.throttling import counted_tries
from kiosk.services.cards import IssuedCard
from kiosk.services.throttle import TryKind

router = APIRouter(prefix="/api/v1", tags=["cards"])


def owner(caller: Caller) -> str:
    """Whose a write plan is: the station that asked (any member signed in there)."""
    return f"station:{caller.station.station_id}"


def card_of(seen: CardSeen) -> Card:
    return Card(bytes.fromhex(seen.uid), seen.technology)


def read_of(content: CardContent) -> CardRead:
    return CardRead(None if content.payload is None else bytes.fromhex(content.payload), content.foreign)


def keys_view(keys: CardKeys) -> CardKeysView:
    return CardKeysView(key_a=keys.key_a.hex(), key_b=keys.key_b.hex())


def plan_view(plan: WritePlan) -> CardPlanView:
    return CardPlanView(
        attempt_id=plan.attempt_id,
        label=plan.label,
        payload=plan.payload.hex(),
        keys=keys_view(plan.keys),
        wipe_first=plan.wipe_first,
    )


def issued_view(issued: IssuedCard) -> IssuedCardView:
    return IssuedCardView(label=issued.label, uid=issued.uid, valid_until=issued.record.valid_until)


@router.post("/cards/read-keys", response_model=CardKeysView, **action_route("cards.read_keys"))
def read_keys(body: CardSeen, context: Context) -> CardKeysView:
    return keys_view(context.core.cards.read_keys(card_of(body)))


@router.post("/visits/{visit_id}/card/plan", response_model=CardPlanView, **action_route("visitor_card.plan"))
def plan_visitor_card(visit_id: PathId, body: CardTap, context: Context, caller: Who) -> CardPlanView:
    plan = context.core.visitor_cards.plan_for_visit(
        visit_id, card_of(body.card), read_of(body.content), caller.actor, owner(caller)
    )
    return plan_view(plan)


@router.post(
    "/cards/attempts/{attempt_id}/written", response_model=IssuedCardView, **action_route("cards.report")
)
def written(attempt_id: PathId, body: CardWritten, context: Context, caller: Who) -> IssuedCardView:
    """Sent again after a lost answer, it answers the same (the attempt is remembered)."""
    # A visitor card's report only: an IDC card's is the IDC service's (it prints and uploads).
    issued = context.core.cards.complete(
        attempt_id, owner(caller), read_of(body.read_back), caller.actor, CardKind.VISITOR
    )
    context.events.publish("board")  # a visitor card shows on the board's row
    context.events.publish("cards")
    return issued_view(issued)


@router.post("/cards/attempts/{attempt_id}/failed", status_code=204, **action_route("cards.report"))
def failed(attempt_id: PathId, body: CardWriteFailed, context: Context, caller: Who) -> None:
    context.core.cards.abandon(attempt_id, owner(caller), body.error, caller.actor, CardKind.VISITOR)
    context.events.publish("cards")


@router.post("/cards/check-out", response_model=CardCheckout, **action_route("visitor_card.check_out"))
def check_out_by_card(body: CardTap, context: Context, caller: Who) -> CardCheckout:
    with counted_tries(context, caller, TryKind.CARD):
        result = context.core.visitor_cards.check_out_by_card(
            card_of(body.card), caller.actor, read_of(body.content)
        )
    context.events.publish("board", visit_id=result.visit_id)
    return result
