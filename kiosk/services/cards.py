"""Cards we encode (IDC identity cards, visitor cards, machine-room passes) and the registry that
says whether a presented card is still good.

Every physical issue is a row in ``cards``. A card is trusted only if both hold:

* its payload verifies under the site key (chip cards: bound to the card's UID, so a payload
  copied onto another card fails; magnetic stripes: the compact form, which a stripe copy passes,
  see ``kiosk.domain.credential``), and
* the registry says that number is ``issued`` (so revoking, returning or expiring it in the
  database blocks the card at once, at the kiosk and at the encoder alike).

Numbers come from ``counters`` (one counter per kind) and are taken, with an ``issuing`` row,
*before* the card is written: a failed write spends its number (the row turns ``void``), so a
number is never on two cards. Only a write that the encoder read back and we decoded again counts
as issued.

Encoder calls block (seconds, a swipe or a tap): run them off the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.devices.errors import CardWriteError, EncoderError, ForeignCardError
from kiosk.devices.interfaces import Card, CardEncoder
from kiosk.domain.cards import (
    STRIPE_TECHNOLOGY,
    CardStatus,
    CardVerdict,
    card_label,
    counter_name,
)
from kiosk.domain.credential import (
    CardKind,
    Credential,
    CredentialError,
    decode_chip,
    decode_compact,
    encode_chip,
    encode_compact,
)
from kiosk.domain.text import sanitize_text
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.counters import next_value
from kiosk.services.site_keys import load_or_create_key
from kiosk.storage.database import Sessions
from kiosk.storage.models import PhysicalCard

log = logging.getLogger(__name__)

SITE_KEY_FILE = "card-site.key"  # shared with the PN532 driver (sector-key diversification)
DEFAULT_WAIT_S = 30.0
# The verdicts the encoder may overwrite on issue (after wiping): nothing still in use, nothing
# revoked, nothing we cannot read.
_REUSABLE = frozenset({CardVerdict.BLANK, CardVerdict.RETURNED, CardVerdict.EXPIRED, CardVerdict.NOT_ISSUED})
# What wipe() refuses: a revoked card stays as it is (kept as evidence or destroyed), a foreign
# card is not ours to touch.
_NOT_WIPEABLE = frozenset({CardVerdict.REVOKED, CardVerdict.FOREIGN})

Progress = Callable[[str], None]
"""Called with a step name: ``waiting``, ``checking``, ``wiping``, ``writing``, ``verifying``,
``recording``. From the worker thread: a UI relays it with a signal."""


class CardRefusedError(Exception):
    """The card on the encoder may not be used for this (``identity`` says what it is)."""

    def __init__(self, identity: CardIdentity, message: str) -> None:
        self.identity = identity
        super().__init__(message)


class CardRecordError(LookupError):
    """No such card number in the registry, or it is not in a state that allows the change."""


@dataclass(frozen=True)
class CardRecord:
    """A registry row, detached from its session."""

    card_id: int
    kind: CardKind
    number: int
    label: str
    technology: str
    uid: str | None
    status: CardStatus
    valid_from: datetime
    valid_until: datetime
    holder: str
    reference: str
    issued_at: datetime | None
    status_changed_at: datetime
    status_note: str

    @classmethod
    def of(cls, row: PhysicalCard) -> CardRecord:
        return cls(
            row.id,
            row.kind,
            row.number,
            row.label,
            row.technology,
            row.uid,
            row.status,
            row.valid_from,
            row.valid_until,
            row.holder,
            row.reference,
            row.issued_at,
            row.status_changed_at,
            row.status_note,
        )


@dataclass(frozen=True)
class CardIdentity:
    """What a card turned out to be. Only ``VALID`` lets its holder in."""

    verdict: CardVerdict
    card: Card
    credential: Credential | None = None
    record: CardRecord | None = None
    reason: str = ""  # the codec's reason for INVALID ("signature", "length", "site", ...)

    @property
    def accepted(self) -> bool:
        return self.verdict is CardVerdict.VALID

    @property
    def label(self) -> str | None:
        if self.credential is None:
            return None
        return card_label(self.credential.kind, self.credential.card_number)


@dataclass(frozen=True)
class IssuedCard:
    record: CardRecord
    credential: Credential

    @property
    def uid(self) -> str | None:
        return self.record.uid

    @property
    def label(self) -> str:
        return self.record.label


OnIssued = Callable[[Session, PhysicalCard], None]
"""Called inside the transaction that records the card as issued, so a caller's own record (an
IDC application, a visit) changes in the same commit as the card."""


class CardService:
    """Issue, identify, revoke and wipe cards through one :class:`CardEncoder`."""

    def __init__(
        self,
        sessions: Sessions,
        clock: Clock,
        encoder: CardEncoder,
        site_key: bytes,
        site_id: int,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self.encoder = encoder
        self._site_key = site_key
        self.site_id = site_id
        # One card operation at a time from this process: two console tabs must not interleave
        # a wait and a write on the same pad.
        self._busy = threading.Lock()

    @classmethod
    def from_key_dir(
        cls,
        sessions: Sessions,
        clock: Clock,
        encoder: CardEncoder,
        key_dir: Path,
        site_id: int,
    ) -> CardService:
        return cls(sessions, clock, encoder, load_or_create_key(key_dir / SITE_KEY_FILE), site_id)

    # -- reading ------------------------------------------------------------------------------

    def identify(self, card: Card) -> CardIdentity:
        """Read ``card`` (it must be on the encoder) and say what it is. Raises EncoderError only
        for failures of the read itself (card lifted, line down)."""
        try:
            payload = self.encoder.read_payload(card)
        except ForeignCardError:
            return CardIdentity(CardVerdict.FOREIGN, card)
        if payload is None:
            return self._blank(card)
        try:
            credential = self._decode(card, payload)
        except CredentialError as exc:
            return CardIdentity(CardVerdict.INVALID, card, reason=exc.reason)
        if credential.site_id != self.site_id:
            return CardIdentity(CardVerdict.INVALID, card, credential=credential, reason="site")
        with self._sessions.reads() as session:
            row = self._row(session, credential.kind, credential.card_number)
            record = None if row is None else CardRecord.of(row)
        return CardIdentity(self._judge(card, credential, record), card, credential, record)

    def wait_for_card(self, timeout_s: float, cancel: threading.Event | None = None) -> Card:
        """Wait for a card on the pad, between other callers' card operations."""
        with self._busy:
            return self.encoder.wait_for_card(timeout_s, cancel)

    def identify_exclusive(self, card: Card) -> CardIdentity:
        """:meth:`identify`, between other callers' card operations."""
        with self._busy:
            return self.identify(card)

    def read_presented(
        self,
        actor: Actor,
        timeout_s: float = DEFAULT_WAIT_S,
        cancel: threading.Event | None = None,
    ) -> CardIdentity:
        """Wait for a card and identify it. A card of ours that is refused (revoked, expired,
        copied or edited) is audited: someone tried to use it."""
        with self._busy:
            card = self.encoder.wait_for_card(timeout_s, cancel)
            identity = self.identify(card)
        if identity.verdict in (
            CardVerdict.REVOKED,
            CardVerdict.EXPIRED,
            CardVerdict.NOT_ISSUED,
            CardVerdict.RETURNED,
            CardVerdict.INVALID,
        ):
            self.audit_refusal(actor, identity)
        return identity

    # -- issuing ------------------------------------------------------------------------------

    def issue(
        self,
        kind: CardKind,
        valid_from: datetime,
        valid_until: datetime,
        actor: Actor,
        *,
        holder: str = "",
        reference: str = "",
        timeout_s: float = DEFAULT_WAIT_S,
        cancel: threading.Event | None = None,
        progress: Progress | None = None,
        on_issued: OnIssued | None = None,
    ) -> IssuedCard:
        """Wait for a card, check it may be used, take a number, write, verify, record.

        The card must be blank, or one of ours no longer in use (returned, expired, never
        issued), which is wiped first. Raises :class:`CardRefusedError` for anything else, a
        NoCardError on timeout/cancel, a CardWriteError / CardRemovedError when the write did not
        verify (the number is then spent and recorded ``void``). Validity is cut to whole minutes.
        """
        step = progress or (lambda _step: None)
        valid_from = valid_from.replace(second=0, microsecond=0)
        valid_until = valid_until.replace(second=0, microsecond=0)
        with self._busy:
            step("waiting")
            card = self.encoder.wait_for_card(timeout_s, cancel)
            step("checking")
            identity = self.identify(card)
            if identity.verdict not in _REUSABLE:
                self.audit_refusal(actor, identity, purpose="issue")
                raise CardRefusedError(identity, f"this card cannot be issued: {identity.verdict.value}")
            if identity.verdict is not CardVerdict.BLANK:
                step("wiping")
                self.encoder.wipe(card)
            row_id, credential = self._take_number(
                kind, card, valid_from, valid_until, actor, sanitize_text(holder), reference
            )
            try:
                payload = self._encode(credential, card)
                step("writing")
                self.encoder.write_payload(card, payload)
                step("verifying")
                self._verify(card, payload, credential)
            except (EncoderError, CredentialError, ValueError) as exc:
                self._void(row_id, actor, exc)
                raise
            step("recording")
            try:
                record = self._record_issued(row_id, kind, valid_until, actor, reference, on_issued)
            except Exception as exc:  # the caller's part refused: the written card does not count
                self._void(row_id, actor, exc)
                raise
        return IssuedCard(record, credential)

    def _record_issued(
        self,
        row_id: int,
        kind: CardKind,
        valid_until: datetime,
        actor: Actor,
        reference: str,
        on_issued: OnIssued | None,
    ) -> CardRecord:
        now = self._clock.now()
        with self._sessions.begin() as session:
            row = session.get_one(PhysicalCard, row_id)
            row.status = CardStatus.ISSUED
            row.issued_at = now
            row.status_changed_at = now
            audit.record(
                session,
                actor,
                "card.issued",
                "card",
                row.label,
                now,
                kind=kind.name.lower(),
                uid=row.uid,
                valid_until=valid_until.isoformat(),
                reference=reference,
            )
            if on_issued is not None:
                on_issued(session, row)
            session.flush()
            return CardRecord.of(row)

    def _take_number(
        self,
        kind: CardKind,
        card: Card,
        valid_from: datetime,
        valid_until: datetime,
        actor: Actor,
        holder: str,
        reference: str,
    ) -> tuple[int, Credential]:
        now = self._clock.now()
        with self._sessions.begin() as session:
            number = next_value(session, counter_name(kind))
            credential = Credential(kind, number, self.site_id, valid_from, valid_until)
            row = PhysicalCard(
                kind=kind,
                number=number,
                label=card_label(kind, number),
                technology=card.technology,
                uid=card.uid_hex or None,
                status=CardStatus.ISSUING,
                valid_from=valid_from,
                valid_until=valid_until,
                holder=holder[:80],
                reference=reference[:40],
                created_by=actor.label,
                created_at=now,
                status_changed_at=now,
                status_note="",
            )
            session.add(row)
            session.flush()
            audit.record(session, actor, "card.encoding", "card", row.label, now, uid=row.uid)
            return row.id, credential

    def _verify(self, card: Card, written: bytes, credential: Credential) -> None:
        # The encoder verifies its own write; we read once more through the codec so that what
        # counts as issued is exactly what a kiosk will accept.
        back = self.encoder.read_payload(card)
        if back != written:
            raise CardWriteError("the card read back differently from what was written")
        if self._decode(card, back) != credential:
            raise CardWriteError("the card's credential does not verify")

    def _void(self, row_id: int, actor: Actor, exc: Exception) -> None:
        now = self._clock.now()
        with self._sessions.begin() as session:
            row = session.get_one(PhysicalCard, row_id)
            row.status = CardStatus.VOID
            row.status_changed_at = now
            row.status_note = str(exc)[:200]
            audit.record(
                session, actor, "card.issue_failed", "card", row.label, now, error=type(exc).__name__
            )

    # -- wiping -------------------------------------------------------------------------------

    def wipe(
        self,
        actor: Actor,
        timeout_s: float = DEFAULT_WAIT_S,
        cancel: threading.Event | None = None,
    ) -> CardIdentity:
        """Wait for a card and return it to blank. A card still issued is recorded as returned
        first; a revoked or foreign card is refused (:class:`CardRefusedError`)."""
        with self._busy:
            card = self.encoder.wait_for_card(timeout_s, cancel)
            identity = self.identify(card)
            if identity.verdict in _NOT_WIPEABLE:
                self.audit_refusal(actor, identity, purpose="wipe")
                raise CardRefusedError(identity, f"this card cannot be wiped: {identity.verdict.value}")
            if identity.verdict is CardVerdict.BLANK:
                return identity
            if identity.record is not None and identity.record.status is CardStatus.ISSUED:
                self.set_status(
                    identity.record.kind,
                    identity.record.number,
                    CardStatus.RETURNED,
                    actor,
                    "wiped at the desk",
                )
            self.encoder.wipe(card)
        now = self._clock.now()
        with self._sessions.begin() as session:
            audit.record(
                session,
                actor,
                "card.wiped",
                "card",
                identity.label or card.uid_hex or "-",
                now,
                verdict=identity.verdict.value,
                uid=card.uid_hex,
            )
        return identity

    # -- the registry -------------------------------------------------------------------------

    def set_status(
        self,
        kind: CardKind,
        number: int,
        status: CardStatus,
        actor: Actor,
        note: str = "",
        *,
        session: Session | None = None,
    ) -> CardRecord:
        """Mark an issued card returned, revoked or expired (at once; a revoked card is never
        good again). Pass ``session`` to do it inside the caller's transaction."""
        if status not in (CardStatus.RETURNED, CardStatus.REVOKED, CardStatus.EXPIRED):
            raise ValueError(f"a card cannot be set {status.value} by hand")
        if session is None:
            with self._sessions.begin() as own:
                return self.set_status(kind, number, status, actor, note, session=own)
        row = self._row(session, kind, number)
        if row is None:
            raise CardRecordError(f"no card {card_label(kind, number)}")
        if row.status is status:
            return CardRecord.of(row)
        if row.status is CardStatus.REVOKED or row.status not in (
            CardStatus.ISSUED,
            CardStatus.RETURNED,
            CardStatus.EXPIRED,
        ):
            raise CardRecordError(f"card {row.label} is {row.status.value}")
        if status is not CardStatus.REVOKED and row.status is not CardStatus.ISSUED:
            raise CardRecordError(f"card {row.label} is {row.status.value}")
        now = self._clock.now()
        previous = row.status
        row.status = status
        row.status_changed_at = now
        row.status_note = sanitize_text(note)[:200]
        audit.record(
            session,
            actor,
            f"card.{status.value}",
            "card",
            row.label,
            now,
            previous=previous.value,
            note=row.status_note,
        )
        session.flush()
        return CardRecord.of(row)

    def revoke(self, kind: CardKind, number: int, actor: Actor, note: str = "") -> CardRecord:
        return self.set_status(kind, number, CardStatus.REVOKED, actor, note)

    def expire_due(
        self, actor: Actor, kinds: Sequence[CardKind] = tuple(CardKind), *, session: Session | None = None
    ) -> list[CardRecord]:
        """Mark every issued card whose validity has ended as expired; returns them."""
        if session is None:
            with self._sessions.begin() as own:
                return self.expire_due(actor, kinds, session=own)
        now = self._clock.now()
        rows = session.scalars(
            select(PhysicalCard).where(
                PhysicalCard.status == CardStatus.ISSUED,
                PhysicalCard.valid_until <= now,
                PhysicalCard.kind.in_(list(kinds)),
            )
        ).all()
        return [
            self.set_status(r.kind, r.number, CardStatus.EXPIRED, actor, "validity ended", session=session)
            for r in rows
        ]

    def record(self, kind: CardKind, number: int) -> CardRecord | None:
        with self._sessions.reads() as session:
            row = self._row(session, kind, number)
            return None if row is None else CardRecord.of(row)

    def records(self, kind: CardKind | None = None, status: CardStatus | None = None) -> list[CardRecord]:
        stmt = select(PhysicalCard).order_by(PhysicalCard.id.desc())
        if kind is not None:
            stmt = stmt.where(PhysicalCard.kind == kind)
        if status is not None:
            stmt = stmt.where(PhysicalCard.status == status)
        with self._sessions.reads() as session:
            return [CardRecord.of(r) for r in session.scalars(stmt)]

    # -- internals ----------------------------------------------------------------------------

    def _encode(self, credential: Credential, card: Card) -> bytes:
        if card.technology == STRIPE_TECHNOLOGY:
            return encode_compact(credential, self._site_key)
        return encode_chip(credential, card.uid, self._site_key)

    def _decode(self, card: Card, payload: bytes) -> Credential:
        if card.technology == STRIPE_TECHNOLOGY:
            return decode_compact(payload, self._site_key)
        return decode_chip(payload, card.uid, self._site_key)

    def _blank(self, card: Card) -> CardIdentity:
        return CardIdentity(CardVerdict.BLANK, card)

    def _judge(self, card: Card, credential: Credential, record: CardRecord | None) -> CardVerdict:
        if record is None or record.status in (CardStatus.ISSUING, CardStatus.VOID):
            return CardVerdict.NOT_ISSUED
        if card.technology != STRIPE_TECHNOLOGY and record.uid != card.uid_hex:
            # The MAC binds the UID already; a mismatch means the registry and card disagree.
            return CardVerdict.NOT_ISSUED
        if record.status is CardStatus.REVOKED:
            return CardVerdict.REVOKED
        if record.status is CardStatus.RETURNED:
            return CardVerdict.RETURNED
        if record.status is CardStatus.EXPIRED:
            return CardVerdict.EXPIRED
        try:
            credential.check_valid_at(self._clock.now())
        except CredentialError as exc:
            return CardVerdict.NOT_YET_VALID if exc.reason == "not_yet_valid" else CardVerdict.EXPIRED
        return CardVerdict.VALID

    @staticmethod
    def _row(session: Session, kind: CardKind, number: int) -> PhysicalCard | None:
        return session.scalar(
            select(PhysicalCard).where(PhysicalCard.kind == kind, PhysicalCard.number == number)
        )

    def audit_refusal(self, actor: Actor, identity: CardIdentity, purpose: str = "presented") -> None:
        now = self._clock.now()
        with self._sessions.begin() as session:
            audit.record(
                session,
                actor,
                f"card.refused_{purpose}" if purpose != "presented" else "card.refused",
                "card",
                identity.label or identity.card.uid_hex or "-",
                now,
                verdict=identity.verdict.value,
                reason=identity.reason,
                uid=identity.card.uid_hex,
            )
        log.info("card %s refused (%s): %s", identity.label or "?", purpose, identity.verdict.value)
