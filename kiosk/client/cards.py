"""Cards on this station's encoder, with the keys and the judgement of the site server.

The station holds no site key: for each card it asks the server for the key that reads it, sends
what it read, and for an issue gets a write plan (that card's payload and sector keys) which it
writes, reads back and reports. Everything here blocks (the encoder, the network): run it off the
GUI thread.
"""

from __future__ import annotations

import threading

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
from kiosk.client.http import SiteClient
from kiosk.devices.card_writing import Progress, issue_card, read_card
from kiosk.devices.interfaces import Card, CardEncoder
from kiosk.domain.cards import CardKeys, CardRead, WritePlan
from kiosk.domain.views import CardCheckout


def seen(card: Card) -> CardSeen:
    return CardSeen(uid=card.uid.hex().upper(), technology=card.technology[:40])


def content_of(read: CardRead) -> CardContent:
    return CardContent(payload=None if read.payload is None else read.payload.hex(), foreign=read.foreign)


def keys_of(view: CardKeysView) -> CardKeys:
    return CardKeys(bytes.fromhex(view.key_a), bytes.fromhex(view.key_b))


def plan_of(view: CardPlanView) -> WritePlan:
    return WritePlan(
        view.attempt_id, view.label, bytes.fromhex(view.payload), keys_of(view.keys), view.wipe_first
    )


class Cards:
    """The card endpoints, in the station's own types."""

    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def read_keys(self, card: Card) -> CardKeys:
        return keys_of(self._c.post("/cards/read-keys", CardKeysView, seen(card)))

    def plan_visitor_card(self, visit_id: int, card: Card, read: CardRead) -> WritePlan:
        body = CardTap(card=seen(card), content=content_of(read))
        return plan_of(self._c.post(f"/visits/{visit_id}/card/plan", CardPlanView, body))

    def written(self, plan: WritePlan, read_back: CardRead) -> IssuedCardView:
        # Retried when the answer is lost: the server answers a repeated report the same.
        body = CardWritten(read_back=content_of(read_back))
        return self._c.post(f"/cards/attempts/{plan.attempt_id}/written", IssuedCardView, body, submit=True)

    def failed(self, plan: WritePlan, error: Exception) -> None:
        body = CardWriteFailed(error=f"{type(error).__name__}: {error}"[:200])
        self._c.act(f"/cards/attempts/{plan.attempt_id}/failed", body)

    def check_out(self, card: Card, read: CardRead) -> CardCheckout:
        return self._c.post(
            "/cards/check-out", CardCheckout, CardTap(card=seen(card), content=content_of(read))
        )

    # --- on this station's encoder ---------------------------------------------------------------

    def issue_visitor_card(
        self,
        encoder: CardEncoder,
        visit_id: int,
        timeout_s: float,
        cancel: threading.Event | None = None,
        progress: Progress | None = None,
    ) -> IssuedCardView:
        """Wait for a card and issue it to the visit, as the server plans it."""
        return issue_card(encoder, _VisitorCardPlanner(self, visit_id), timeout_s, cancel, progress)

    def tapped(self, encoder: CardEncoder, card: Card) -> CardCheckout:
        """A card tapped on the pad: read it with the key the server gives, and let the server
        decide (a visitor card checks its visit out; anything else is a ValidationError)."""
        return self.check_out(card, read_card(encoder, card, self.read_keys(card)))


class _VisitorCardPlanner:
    def __init__(self, cards: Cards, visit_id: int) -> None:
        self._cards = cards
        self._visit_id = visit_id

    def read_keys(self, card: Card) -> CardKeys:
        return self._cards.read_keys(card)

    def plan(self, card: Card, content: CardRead) -> WritePlan:
        return self._cards.plan_visitor_card(self._visit_id, card, content)

    def complete(self, plan: WritePlan, read_back: CardRead) -> IssuedCardView:
        return self._cards.written(plan, read_back)

    def abandon(self, plan: WritePlan, failure: Exception) -> None:
        self._cards.failed(plan, failure)
