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

The site key never leaves this service. An issue is split in two so that the encoder may be at
another station: :meth:`CardService.plan` judges what the station read from the card (with the
key A :meth:`~CardService.read_keys` gave for its UID), takes the number and answers with a
:class:`~kiosk.domain.cards.WritePlan` (the payload and that card's sector keys), good for one
attempt by that station; :meth:`~CardService.complete` checks what the station read back and
records the card issued, or void. An attempt not completed within :data:`ATTEMPT_S` (the answer
was lost, the station stopped, the server restarted) is voided by :meth:`~CardService.void_stale`,
which every plan and the desk's card timer run, and is audited: no row stays ``issuing``.
:meth:`CardService.issue` runs the same steps on this process's own encoder (the server
machine's tools and the tests).

Encoder calls block (seconds, a swipe or a tap): run them off the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.devices.card_writing import CardPlanner, Progress, issue_card, read_card
from kiosk.devices.interfaces import Card, CardEncoder
from kiosk.domain.cards import (
    CARD_ON_ENCODER,
    STRIPE_TECHNOLOGY,
    CardKeys,
    CardRead,
    CardStatus,
    CardVerdict,
    WritePlan,
    card_label,
    counter_name,
)
from kiosk.domain.credential import (
    CardKind,
    Credential,
    CredentialError,
    decode_chip,
    decode_compact,
    diversify_keys,
    encode_chip,
    encode_compact,
)
from kiosk.domain.errors import ValidationError
from kiosk.domain.text import sanitize_text
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.counters import next_value
from kiosk.services.site_keys import load_or_create_key
from kiosk.storage.database import Sessions
from kiosk.storage.models import PhysicalCard

log = logging.getLogger(__name__)
T = TypeVar("T")

SITE_KEY_FILE = "card-site.key"  # shared with the PN532 driver (sector-key diversification)
DEFAULT_WAIT_S = 30.0
# The verdicts the encoder may overwrite on issue (after wiping): nothing still in use, nothing
# revoked, nothing we cannot read.
_REUSABLE = frozenset({CardVerdict.BLANK, CardVerdict.RETURNED, CardVerdict.EXPIRED, CardVerdict.NOT_ISSUED})
# What wipe() refuses: a revoked card stays as it is (kept as evidence or destroyed), a foreign
# card is not ours to touch.
_NOT_WIPEABLE = frozenset({CardVerdict.REVOKED, CardVerdict.FOREIGN})

# From a write plan to the station's report: a PN532 writes and reads back in a second, a
# magnetic-stripe encoder waits for two swipes. Past this the attempt is void.
ATTEMPT_S = 120.0
LOCAL = "local"  # the owner of attempts on this process's own encoder
_REMEMBERED = 64  # completed attempts kept to answer a station that reports again


class CardRefusedError(ValidationError):
    """The card on the encoder may not be used for this (``identity`` says what it is). A
    ValidationError on ``card_on_encoder`` with the verdict as its reason, so a station hears it."""

    def __init__(self, identity: CardIdentity, message: str) -> None:
        super().__init__(CARD_ON_ENCODER, identity.verdict.value)
        self.identity = identity
        self.args = (message,)


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


@dataclass(frozen=True)
class _Attempt:
    """A write plan handed out: whose it is, what it wrote, what to do when it is issued."""

    owner: str
    card: Card
    credential: Credential
    payload: bytes
    reference: str
    on_issued: OnIssued | None
    deadline: datetime


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
        # Write plans handed out and not yet reported, by registry row (kept in memory: after a
        # restart their rows are voided, see void_stale).
        self._attempts: dict[int, _Attempt] = {}
        self._completed: dict[int, tuple[str, IssuedCard]] = {}  # the last few, for a repeated report
        self._attempts_lock = threading.Lock()

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

    # -- keys ---------------------------------------------------------------------------------

    def read_keys(self, card: Card) -> CardKeys:
        """What reads ``card``'s data area: its key A (a stripe needs none). Never key B, which
        writes: that is in a write plan only. Raises ValidationError for a malformed UID."""
        if card.technology == STRIPE_TECHNOLOGY:
            return CardKeys()
        return CardKeys(self._diversified(card)[0])

    def _write_keys(self, card: Card) -> CardKeys:
        if card.technology == STRIPE_TECHNOLOGY:
            return CardKeys()
        key_a, key_b = self._diversified(card)
        return CardKeys(key_a, key_b)

    def _diversified(self, card: Card) -> tuple[bytes, bytes]:
        try:
            return diversify_keys(self._site_key, card.uid)
        except CredentialError as exc:
            raise ValidationError("card_uid", exc.reason) from None

    # -- reading ------------------------------------------------------------------------------

    def judge(self, card: Card, content: CardRead) -> CardIdentity:
        """Say what ``card`` is from what was read from it (at a station, or here)."""
        if content.foreign:
            return CardIdentity(CardVerdict.FOREIGN, card)
        if content.payload is None:
            return self._blank(card)
        try:
            credential = self._decode(card, content.payload)
        except CredentialError as exc:
            return CardIdentity(CardVerdict.INVALID, card, reason=exc.reason)
        if credential.site_id != self.site_id:
            return CardIdentity(CardVerdict.INVALID, card, credential=credential, reason="site")
        with self._sessions.reads() as session:
            row = self._row(session, credential.kind, credential.card_number)
            record = None if row is None else CardRecord.of(row)
        return CardIdentity(self._judge(card, credential, record), card, credential, record)

    def identify(self, card: Card) -> CardIdentity:
        """Read ``card`` (it must be on this process's encoder) and say what it is. Raises
        EncoderError only for failures of the read itself (card lifted, line down)."""
        return self.judge(card, read_card(self.encoder, card, self.read_keys(card)))

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

    def plan(
        self,
        kind: CardKind,
        card: Card,
        content: CardRead,
        valid_from: datetime,
        valid_until: datetime,
        actor: Actor,
        *,
        owner: str,
        holder: str = "",
        reference: str = "",
        on_issued: OnIssued | None = None,
    ) -> WritePlan:
        """Judge the card from ``content`` (what the encoder read from it), take a number and say
        what to write: blank, or one of ours no longer in use (returned, expired, never issued),
        which is wiped first. Raises :class:`CardRefusedError` for anything else. The plan is
        good for one :meth:`complete` (or :meth:`abandon`) by ``owner`` within
        :data:`ATTEMPT_S`. Validity is cut to whole minutes."""
        self.void_stale(actor)
        valid_from = valid_from.replace(second=0, microsecond=0)
        valid_until = valid_until.replace(second=0, microsecond=0)
        keys = self._write_keys(card)  # a malformed UID is refused before a number is taken
        identity = self.judge(card, content)
        if identity.verdict not in _REUSABLE:
            self.audit_refusal(actor, identity, purpose="issue")
            raise CardRefusedError(identity, f"this card cannot be issued: {identity.verdict.value}")
        row_id, credential = self._take_number(
            kind, card, valid_from, valid_until, actor, sanitize_text(holder), reference
        )
        try:
            payload = self._encode(credential, card)
        except CredentialError as exc:  # does not fit the stripe's compact form
            self._void(row_id, actor, exc)
            raise
        deadline = self._clock.now() + timedelta(seconds=ATTEMPT_S)
        with self._attempts_lock:
            self._attempts[row_id] = _Attempt(
                owner, card, credential, payload, reference, on_issued, deadline
            )
        label = card_label(kind, credential.card_number)
        return WritePlan(row_id, label, payload, keys, identity.verdict is not CardVerdict.BLANK)

    def complete(
        self, attempt_id: int, owner: str, read_back: CardRead, actor: Actor, kind: CardKind | None = None
    ) -> IssuedCard:
        """What ``owner``'s encoder read back after writing plan ``attempt_id``: issued when it is
        exactly the planned credential, decoded again, so what counts as issued is what a kiosk
        accepts. Otherwise the number is void and ValidationError(``card_on_encoder``) says
        ``not_verified``, or ``attempt_over`` for a plan that is unknown, spent or too old.
        ``kind``: the kind of card the caller completes (an IDC card's issue prints and uploads
        after it is recorded: it is completed by the IDC service, not as any card)."""
        with self._attempts_lock:
            done = self._completed.get(attempt_id)
        if done is not None and done[0] == owner:
            if kind is not None and done[1].credential.kind is not kind:
                raise ValidationError(CARD_ON_ENCODER, "attempt_over")
            return done[1]  # the station did not hear the answer and reports again
        attempt = self._take_attempt(attempt_id, owner, actor, kind)
        card = attempt.card
        back = read_back.payload
        try:
            if back != attempt.payload or back is None or self._decode(card, back) != attempt.credential:
                raise CredentialError("read_back", "the card read back differently from what was written")
        except CredentialError as exc:
            self._void(attempt_id, actor, exc)
            raise ValidationError(CARD_ON_ENCODER, "not_verified") from None
        kind = attempt.credential.kind
        try:
            record = self._record_issued(
                attempt_id, kind, attempt.credential.valid_until, actor, attempt.reference, attempt.on_issued
            )
        except Exception as exc:  # the caller's part refused: the written card does not count
            self._void(attempt_id, actor, exc)
            raise
        issued = IssuedCard(record, attempt.credential)
        with self._attempts_lock:
            self._completed[attempt_id] = (owner, issued)
            while len(self._completed) > _REMEMBERED:
                del self._completed[next(iter(self._completed))]
        return issued

    def abandon(
        self, attempt_id: int, owner: str, error: Exception | str, actor: Actor, kind: CardKind | None = None
    ) -> None:
        """``owner``'s encoder failed to write plan ``attempt_id`` (``error`` says how): void."""
        self._take_attempt(attempt_id, owner, actor, kind)
        self._void(attempt_id, actor, error)

    def _take_attempt(
        self, attempt_id: int, owner: str, actor: Actor, kind: CardKind | None = None
    ) -> _Attempt:
        """The live attempt, removed so that it completes once; its owner only (and of ``kind``,
        when given)."""
        now = self._clock.now()
        with self._attempts_lock:
            attempt = self._attempts.get(attempt_id)
            if attempt is not None and (
                attempt.owner != owner or (kind is not None and attempt.credential.kind is not kind)
            ):
                raise ValidationError(CARD_ON_ENCODER, "attempt_over")  # not this station's plan
            self._attempts.pop(attempt_id, None)
        if attempt is None or attempt.deadline < now:
            # Spent already, or planned before a restart, or too old: an issuing row is void now.
            self._void(attempt_id, actor, "no result from the encoder in time", only_issuing=True)
            raise ValidationError(CARD_ON_ENCODER, "attempt_over")
        return attempt

    def void_stale(self, actor: Actor) -> list[str]:
        """Every ``issuing`` row whose attempt ran out (its station never reported: the answer
        was lost, the station or this server stopped) becomes ``void``, audited as
        ``card.issue_abandoned``: the desk sees the number spent and the visit or application
        still without its card. The labels voided."""
        now = self._clock.now()
        cutoff = now - timedelta(seconds=ATTEMPT_S)
        with self._attempts_lock:
            for row_id in [i for i, a in self._attempts.items() if a.deadline < now]:
                del self._attempts[row_id]
            live = set(self._attempts)
        with self._sessions.begin() as session:
            rows = session.scalars(
                select(PhysicalCard).where(
                    PhysicalCard.status == CardStatus.ISSUING, PhysicalCard.status_changed_at <= cutoff
                )
            ).all()
            stale = [r for r in rows if r.id not in live]
            for row in stale:
                row.status = CardStatus.VOID
                row.status_changed_at = now
                row.status_note = "no result from the encoder in time"
                audit.record(session, actor, "card.issue_abandoned", "card", row.label, now, uid=row.uid)
            return [r.label for r in stale]

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
        """Wait for a card on this process's encoder, check it may be used, take a number,
        write, verify, record: :meth:`plan` and :meth:`complete` as a station runs them.

        Raises :class:`CardRefusedError` for a card in use, revoked or not ours, a NoCardError on
        timeout/cancel, a CardWriteError / CardRemovedError when the write failed (the number
        is then spent and recorded ``void``).
        """
        planner = _LocalPlanner(self, kind, valid_from, valid_until, actor, holder, reference, on_issued)
        return self.issue_here(planner, timeout_s, cancel, progress)

    def issue_here(
        self,
        planner: CardPlanner[T],
        timeout_s: float = DEFAULT_WAIT_S,
        cancel: threading.Event | None = None,
        progress: Progress | None = None,
    ) -> T:
        """An issue planned by ``planner`` (owner :data:`LOCAL`) on this process's own encoder,
        between other callers' card operations."""
        with self._busy:
            return issue_card(self.encoder, planner, timeout_s, cancel, progress)

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

    def _void(self, row_id: int, actor: Actor, cause: Exception | str, *, only_issuing: bool = False) -> None:
        now = self._clock.now()
        with self._sessions.begin() as session:
            row = session.get(PhysicalCard, row_id)
            if row is None or (only_issuing and row.status is not CardStatus.ISSUING):
                return
            row.status = CardStatus.VOID
            row.status_changed_at = now
            row.status_note = sanitize_text(str(cause))[:200]
            error = sanitize_text(cause) if isinstance(cause, str) else type(cause).__name__
            audit.record(session, actor, "card.issue_failed", "card", row.label, now, error=error[:80])

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
            self.encoder.wipe(card, self._write_keys(card))
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


@dataclass(frozen=True)
class _LocalPlanner:
    """Plans for this process's own encoder: the card service itself, as the station's API does."""

    service: CardService
    kind: CardKind
    valid_from: datetime
    valid_until: datetime
    actor: Actor
    holder: str
    reference: str
    on_issued: OnIssued | None

    def read_keys(self, card: Card) -> CardKeys:
        return self.service.read_keys(card)

    def plan(self, card: Card, content: CardRead) -> WritePlan:
        return self.service.plan(
            self.kind,
            card,
            content,
            self.valid_from,
            self.valid_until,
            self.actor,
            owner=LOCAL,
            holder=self.holder,
            reference=self.reference,
            on_issued=self.on_issued,
        )

    def complete(self, plan: WritePlan, read_back: CardRead) -> IssuedCard:
        return self.service.complete(plan.attempt_id, LOCAL, read_back, self.actor)

    def abandon(self, plan: WritePlan, failure: Exception) -> None:
        self.service.abandon(plan.attempt_id, LOCAL, failure, self.actor)
