"""Temporary visitor cards: encoded at the kiosk after the badge, tapped again to check out.

The visit is committed long before a card is touched (DOMAIN §1: never lose a visit); a card
that could not be issued leaves the visit on site with no card number, which the desk sees on
the board and can issue from its own encoder. A card tapped to check out is returned to the pool
at once (status ``returned``), so the next visitor's issue wipes and reuses it.
"""

from __future__ import annotations

import threading
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.devices.card_writing import Progress
from kiosk.devices.interfaces import Card
from kiosk.domain.cards import CardRead, CardStatus, CardVerdict, WritePlan
from kiosk.domain.credential import CardKind
from kiosk.domain.errors import ValidationError
from kiosk.domain.views import CardCheckout
from kiosk.domain.visit import CheckoutMethod, VisitStatus
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.cards import CardService, IssuedCard, OnIssued
from kiosk.services.clock import Clock
from kiosk.services.lobby import LobbyService
from kiosk.storage.database import Sessions
from kiosk.storage.models import PhysicalCard, Visit

# A visitor at the kiosk is given this long to lay a card on the pad before being asked again.
CARD_WAIT_S = 30.0


class VisitorCardService:
    def __init__(self, sessions: Sessions, clock: Clock, cards: CardService, lobby: LobbyService) -> None:
        self._sessions = sessions
        self._clock = clock
        self._cards = cards
        self._lobby = lobby

    def issue_for_visit(
        self,
        visit_id: int,
        actor: Actor,
        *,
        timeout_s: float | None = None,
        cancel: threading.Event | None = None,
        progress: Progress | None = None,
    ) -> IssuedCard:
        """Encode a visitor card valid until the badge is, and note its number on the visit, on
        this process's own encoder.

        Raises ValidationError when the visit may not have a card (gone, already holding one);
        device errors and CardRefusedError (a card that is not blank nor back in the pool) pass
        through for the screen to explain.
        """
        holder, now, valid_until = self._terms(visit_id)
        return self._cards.issue(
            CardKind.VISITOR,
            now,
            valid_until,
            actor,
            holder=holder,
            reference=f"visit {visit_id}",
            timeout_s=CARD_WAIT_S if timeout_s is None else timeout_s,
            cancel=cancel,
            progress=progress,
            on_issued=self._note_on_visit(visit_id),
        )

    def plan_for_visit(
        self, visit_id: int, card: Card, content: CardRead, actor: Actor, owner: str
    ) -> WritePlan:
        """The write plan for a visitor card on a station's encoder (``owner``'s), which read
        ``content`` from it: as :meth:`issue_for_visit`, completed by ``CardService.complete``."""
        holder, now, valid_until = self._terms(visit_id)
        return self._cards.plan(
            CardKind.VISITOR,
            card,
            content,
            now,
            valid_until,
            actor,
            owner=owner,
            holder=holder,
            reference=f"visit {visit_id}",
            on_issued=self._note_on_visit(visit_id),
        )

    def _terms(self, visit_id: int) -> tuple[str, datetime, datetime]:
        """Holder, valid from and valid until of a card for this visit; ValidationError when the
        visit may not have one."""
        with self._sessions.reads() as session:
            visit = session.get(Visit, visit_id)
            if visit is None:
                raise ValidationError("visit", "unknown")
            if visit.status is not VisitStatus.ON_SITE:
                raise ValidationError("visit", "already_checked_out")
            if visit.card_number:
                raise ValidationError("card", "already_issued")
            now = self._clock.now()
            return visit.visitor_name, now, visit.valid_until or now

    @staticmethod
    def _note_on_visit(visit_id: int) -> OnIssued:
        def note(session: Session, card: PhysicalCard) -> None:
            row = session.get_one(Visit, visit_id)
            if row.card_number:  # a second kiosk or the desk was quicker: this card does not count
                raise ValidationError("card", "already_issued")
            row.card_number = card.label

        return note

    def check_out_by_card(self, card: Card, actor: Actor, content: CardRead | None = None) -> CardCheckout:
        """Identify a tapped card; a valid visitor card checks its visit out and returns to the pool.
        ``content``: what a station read from it (with the key A it was given); without it, the
        card is read on this process's own encoder.

        Refusals are ValidationError("card", code): ``blank``, ``not_visitor`` (an IDC card or a
        pass), ``unknown`` (no visit carries it) and the refused verdicts (``revoked``,
        ``expired``, ``returned``, ``invalid``, ``foreign``, ...), which CardService audits.
        """
        if content is None:
            identity = self._cards.identify_exclusive(card)
        else:
            identity = self._cards.judge(card, content)
        credential = identity.credential
        if identity.verdict is CardVerdict.BLANK:
            raise ValidationError("card", "blank")
        # A visitor card past its valid-until still checks out, like an expired badge.
        usable = identity.verdict in (CardVerdict.VALID, CardVerdict.EXPIRED)
        if not usable or credential is None or identity.label is None:
            self._cards.audit_refusal(actor, identity, purpose="check-out")
            raise ValidationError("card", identity.verdict.value)
        if credential.kind is not CardKind.VISITOR:
            raise ValidationError("card", "not_visitor")
        label = identity.label
        now = self._clock.now()
        with self._sessions.begin() as session:
            visit = session.scalar(
                select(Visit).where(Visit.card_number == label).order_by(Visit.id.desc()).limit(1)
            )
            if visit is None:
                raise ValidationError("card", "unknown")
            closed = visit.status is VisitStatus.ON_SITE
            if closed:
                self._lobby.close_visit(session, visit, actor, CheckoutMethod.CARD, now)
            visit.card_returned_at = now
            audit.record(session, actor, "visitor_card.returned", "visit", visit.id, now, card=label)
            if identity.record is not None and identity.record.status is CardStatus.ISSUED:
                # An expired card needs no status change: issuing wipes and reuses it already.
                self._cards.set_status(
                    CardKind.VISITOR,
                    credential.card_number,
                    CardStatus.RETURNED,
                    actor,
                    "tapped at check-out",
                    session=session,
                )
            visit_id = visit.id if closed else None
        return CardCheckout(label, visit_id)
