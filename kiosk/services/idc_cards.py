"""IDC identity-verification cards (IDC身份校验卡): application, approval, issue, upload, revoke.

Sales file the application, a supervisor (not the one who filed it) approves, the desk encodes
a blank card (``CardService``: written, read back, verified, only then issued) and prints the
issue confirmation; the card's data goes to the access-control system through every configured
sink, each delivery stored and retried with backoff until acknowledged. Revoking (the sales
department's notice, a lost card) or expiry blocks the card in the registry at once and tells
the sinks. Every step is audited; staff roles are checked here as well as in the console.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from kiosk.devices.card_writing import Progress
from kiosk.devices.interfaces import Card
from kiosk.domain.cards import CardKeys, CardRead, CardStatus, WritePlan
from kiosk.domain.credential import CardKind
from kiosk.domain.documents import CardIssueConfirmation
from kiosk.domain.errors import ValidationError
from kiosk.domain.idc_cards import (
    EXPIRING_WITHIN,
    FORM_NUMBER_MAX,
    LETTER_MAX,
    NOTE_MAX,
    ApplicationStatus,
    DeliveryEvent,
    DeliveryStatus,
    RevokeReason,
    check_validity,
    clean_field,
    parse_areas,
    retry_delay,
)
from kiosk.domain.identity import masked_from_last_four
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.text import sanitize_text
from kiosk.domain.views import ApplicationView, DeliveryView, HistoryEntry, PrintOutcome
from kiosk.domain.visitor import validate_company, validate_mobile, validate_visitor_name
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.card_sinks import CardMessage, CardSink
from kiosk.services.cards import DEFAULT_WAIT_S, LOCAL, CardService, IssuedCard, OnIssued
from kiosk.services.clock import Clock
from kiosk.services.identity_guard import IdentityGuard
from kiosk.services.print_queue import PrintQueue
from kiosk.services.staff import SignedIn
from kiosk.storage.database import Sessions
from kiosk.storage.models import AuditEvent, CardDelivery, IdcCardApplication, PhysicalCard

ENTITY = "idc_application"
# A delivery being sent is leased for this long, so two desks do not send it twice.
_LEASE_S = 120


class NotAllowedError(PermissionError):
    """The signed-in staff member's role may not do this."""


@dataclass(frozen=True)
class ApplicationInput:
    """The application form (《IDC身份校验卡申请表》) as sales fill it in."""

    form_number: str
    company: str
    holder_name: str
    holder_mobile: str
    id_type: str
    id_number: str
    letter_reference: str
    valid_from: datetime
    valid_until: datetime
    areas: str  # one per line or comma-separated


@dataclass(frozen=True)
class IssueResult:
    card: IssuedCard
    printed: PrintOutcome | None


@dataclass
class TickResult:
    expired: list[str] = field(default_factory=list)
    acknowledged: int = 0
    failed: int = 0


class IdcCardService:
    def __init__(
        self,
        sessions: Sessions,
        clock: Clock,
        cards: CardService,
        identity: IdentityGuard,
        queue: PrintQueue,
        site_name: str,
        zone: ZoneInfo,
        sinks: Sequence[CardSink] = (),
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self.cards = cards
        self._identity = identity
        self._queue = queue
        self._site = site_name
        self._zone = zone
        self.sinks: list[CardSink] = list(sinks)
        self._delivering = threading.Lock()
        # The issue confirmation queued when a card was recorded, by the card's row (its attempt),
        # until complete() prints it.
        self._confirmations: dict[int, int] = {}
        self._confirmations_lock = threading.Lock()

    def _require(self, who: SignedIn, permission: Permission) -> None:
        """Refuse (and audit the refusal) unless ``who``'s role may do this."""
        if allowed(who.role, permission):
            return
        with self._sessions.begin() as session:
            audit.record(
                session,
                who.actor,
                "idc.refused",
                ENTITY,
                "-",
                self._clock.now(),
                reason="role",
                role=who.role.value,
                permission=permission.value,
            )
        raise NotAllowedError(f"{who.role.value} may not {permission.value}")

    # -- the application ----------------------------------------------------------------------

    def file(self, form: ApplicationInput, who: SignedIn) -> int:
        """Sales file an application; it waits for a supervisor."""
        self._require(who, Permission.FILE_CARD_APPLICATIONS)
        form_number = clean_field("form_number", form.form_number, FORM_NUMBER_MAX)
        company = validate_company(form.company)
        if not company:
            raise ValidationError("company", "required")
        holder = validate_visitor_name(form.holder_name)
        mobile = validate_mobile(form.holder_mobile)
        if not mobile:
            raise ValidationError("mobile", "required")
        # Checked in the order of the form, so the first message names the first field to fix.
        protected = self._identity.protect(form.id_type, form.id_number)
        letter = clean_field("letter_reference", form.letter_reference, LETTER_MAX)
        check_validity(form.valid_from, form.valid_until)
        areas = parse_areas(form.areas)
        now = self._clock.now()
        with self._sessions.begin() as session:
            taken = session.scalar(
                select(IdcCardApplication.id).where(IdcCardApplication.form_number == form_number)
            )
            if taken is not None:
                raise ValidationError("form_number", "taken")
            row = IdcCardApplication(
                form_number=form_number,
                company=company,
                holder_name=holder,
                holder_mobile=mobile,
                id_type=protected.id_type,
                id_hash=protected.lookup_hash,
                id_last_four=protected.last_four,
                id_sealed=protected.sealed,
                letter_reference=letter,
                areas=json.dumps(areas, ensure_ascii=False),
                valid_from=form.valid_from,
                valid_until=form.valid_until,
                status=ApplicationStatus.FILED,
                filed_by=who.actor.label,
                filed_by_name=who.name,
                filed_at=now,
                decision_note="",
            )
            session.add(row)
            session.flush()
            audit.record(
                session,
                who.actor,
                "idc.filed",
                ENTITY,
                row.id,
                now,
                # Not the customer, holder or ID: the trail is kept for ever, the application's
                # personal data only for [retention] idc_cards_days after the card ended.
                form_number=form_number,
            )
            return row.id

    def approve(self, application_id: int, who: SignedIn, note: str = "") -> None:
        self._decide(application_id, who, ApplicationStatus.APPROVED, note)

    def reject(self, application_id: int, who: SignedIn, note: str) -> None:
        if not sanitize_text(note):
            raise ValidationError("note", "required")
        self._decide(application_id, who, ApplicationStatus.REJECTED, note)

    def _decide(self, application_id: int, who: SignedIn, status: ApplicationStatus, note: str) -> None:
        self._require(who, Permission.APPROVE_CARD_APPLICATIONS)
        clean_note = clean_field("note", note, NOTE_MAX, required=False)
        now = self._clock.now()
        with self._sessions.begin() as session:
            row = _application(session, application_id)
            if row.status is not ApplicationStatus.FILED:
                raise ValidationError("application", "not_filed")
            own = row.filed_by == who.actor.label
            if own:
                # Four eyes: whoever filed an application does not also decide it. The refusal
                # is committed (audited) before it is raised.
                audit.record(
                    session, who.actor, "idc.decision_refused", ENTITY, row.id, now, reason="own_application"
                )
            else:
                row.status = status
                row.decided_by = who.actor.label
                row.decided_at = now
                row.decision_note = clean_note
                audit.record(session, who.actor, f"idc.{status.value}", ENTITY, row.id, now)
        if own:
            raise ValidationError("application", "own_application")

    # -- issuing ------------------------------------------------------------------------------

    def plan(
        self,
        application_id: int,
        card: Card,
        content: CardRead,
        who: SignedIn,
        language: str,
        *,
        owner: str,
    ) -> WritePlan:
        """The write plan for ``card`` on ``owner``'s encoder (which read ``content`` from it), for
        an approved application. The card counts only once :meth:`complete` verified what was
        read back: then (one transaction) it is recorded issued, with the issue confirmation
        queued in ``language`` and the uploads."""
        holder, valid_from, valid_until = self._issuable(application_id, who)
        return self.cards.plan(
            CardKind.IDC_IDENTITY,
            card,
            content,
            valid_from,
            valid_until,
            who.actor,
            owner=owner,
            holder=holder,
            reference=f"{ENTITY}:{application_id}",
            on_issued=self._recorder(application_id, who, language),
        )

    def _issuable(self, application_id: int, who: SignedIn) -> tuple[str, datetime, datetime]:
        """The holder and validity of an application a card may be issued for now, or why not."""
        self._require(who, Permission.ISSUE_CARDS)
        with self._sessions.reads() as session:
            row = _application(session, application_id)
            if row.status is not ApplicationStatus.APPROVED:
                raise ValidationError("application", "not_approved")
            holder, valid_from, valid_until = row.holder_name, row.valid_from, row.valid_until
        if valid_until <= self._clock.now():
            # Approved too late: a card that is refused from the start is not worth writing.
            raise ValidationError("validity", "ended")
        return holder, valid_from, valid_until

    def _recorder(self, application_id: int, who: SignedIn, language: str) -> OnIssued:
        """What recording the card does to its application, in the card's own transaction."""

        def record(session: Session, card: PhysicalCard) -> None:
            application = _application(session, application_id)
            if application.status is not ApplicationStatus.APPROVED:  # changed while encoding
                raise ValidationError("application", "not_approved")
            now = self._clock.now()
            application.status = ApplicationStatus.ISSUED
            application.card_id = card.id
            audit.record(
                session, who.actor, "idc.issued", ENTITY, application.id, now, card=card.label, uid=card.uid
            )
            confirmation = CardIssueConfirmation(
                card_number=card.label,
                holder_name=application.holder_name,
                holder_id_masked=masked_from_last_four(application.id_last_four),
                company=application.company,
                valid_from=application.valid_from.astimezone(self._zone).date(),
                valid_until=application.valid_until.astimezone(self._zone).date(),
                areas=", ".join(json.loads(application.areas)),
                clerk=who.name,
                issued_at=now,
                site_name=self._site,
            )
            job = self._queue.enqueue(session, confirmation, card.label, language)
            self._queue_deliveries(session, card, DeliveryEvent.ISSUED, now)
            session.flush()
            with self._confirmations_lock:
                self._confirmations[card.id] = job.id  # the card's row is its attempt

        return record

    def complete(self, attempt_id: int, owner: str, read_back: CardRead, who: SignedIn) -> IssueResult:
        """What ``owner``'s encoder read back after writing plan ``attempt_id``: recorded issued
        if it verifies (``CardService.complete``), then the confirmation is printed and the uploads
        tried once. A report sent again after a lost answer hears the card again, printed nothing
        (the first report printed it)."""
        self._require(who, Permission.ISSUE_CARDS)
        try:
            issued = self.cards.complete(attempt_id, owner, read_back, who.actor, CardKind.IDC_IDENTITY)
        finally:
            with self._confirmations_lock:
                job_id = self._confirmations.pop(attempt_id, None)
        printed = self._queue.dispatch(job_id, who.actor) if job_id is not None else None
        self.deliver_due(who.actor)
        return IssueResult(issued, printed)

    def abandon(self, attempt_id: int, owner: str, error: Exception | str, who: SignedIn) -> None:
        """``owner``'s encoder could not write plan ``attempt_id``: its number is spent (void)."""
        self._require(who, Permission.ISSUE_CARDS)
        self.cards.abandon(attempt_id, owner, error, who.actor, CardKind.IDC_IDENTITY)

    def issue(
        self,
        application_id: int,
        who: SignedIn,
        language: str,
        *,
        timeout_s: float = DEFAULT_WAIT_S,
        cancel: threading.Event | None = None,
        progress: Progress | None = None,
    ) -> IssueResult:
        """On this process's own encoder (the server machine's tools, the screenshots): the clerk
        places a blank card, and :meth:`plan` and :meth:`complete` run as a station runs them."""
        self._issuable(application_id, who)  # before the clerk is asked for a card
        planner = _LocalPlanner(self, application_id, who, language)
        return self.cards.issue_here(planner, timeout_s, cancel, progress)

    # -- revoking and expiry ------------------------------------------------------------------

    def revoke(self, application_id: int, who: SignedIn, reason: RevokeReason, note: str = "") -> str:
        """Block the card at once and tell the access-control system. Returns the card label."""
        self._require(who, Permission.ISSUE_CARDS)
        if reason is RevokeReason.EXPIRED:
            raise ValueError("expiry is recorded by expire_due")
        clean_note = clean_field("note", note, NOTE_MAX, required=False)
        with self._sessions.begin() as session:
            label = self._revoke(session, application_id, who.actor, reason, clean_note)
        self.deliver_due(who.actor)
        return label

    def _revoke(
        self, session: Session, application_id: int, actor: Actor, reason: RevokeReason, note: str
    ) -> str:
        row = _application(session, application_id)
        if row.status is not ApplicationStatus.ISSUED or row.card is None:
            raise ValidationError("application", "not_issued")
        card = row.card
        now = self._clock.now()
        expired = reason is RevokeReason.EXPIRED
        self.cards.set_status(
            card.kind,
            card.number,
            CardStatus.EXPIRED if expired else CardStatus.REVOKED,
            actor,
            f"{reason.value}: {note}" if note else reason.value,
            session=session,
        )
        row.status = ApplicationStatus.EXPIRED if expired else ApplicationStatus.REVOKED
        audit.record(
            session,
            actor,
            "idc.expired" if expired else "idc.revoked",
            ENTITY,
            row.id,
            now,
            card=card.label,
            reason=reason.value,
        )
        self._queue_deliveries(session, card, DeliveryEvent.REVOKED, now, reason.value)
        return card.label

    def expire_due(self, actor: Actor) -> list[str]:
        """Issued IDC cards past their validity are revoked as expired (the server's rounds)."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            ids = session.scalars(
                select(IdcCardApplication.id).where(
                    IdcCardApplication.status == ApplicationStatus.ISSUED,
                    IdcCardApplication.valid_until <= now,
                )
            ).all()
            return [self._revoke(session, i, actor, RevokeReason.EXPIRED, "") for i in ids]

    def tick(self, actor: Actor) -> TickResult:
        """What the server's housekeeping round runs: expiry, then the uploads that are due."""
        result = TickResult(expired=self.expire_due(actor))
        result.acknowledged, result.failed = self.deliver_due(actor)
        return result

    # -- uploads ------------------------------------------------------------------------------

    def _queue_deliveries(
        self, session: Session, card: PhysicalCard, event: DeliveryEvent, now: datetime, reason: str = ""
    ) -> None:
        for sink in self.sinks:
            delivery = CardDelivery(
                card_id=card.id,
                sink=sink.name,
                event=event,
                data="{}",
                status=DeliveryStatus.PENDING,
                attempts=0,
                created_at=now,
                next_attempt_at=now,
            )
            session.add(delivery)
            session.flush()
            message = self._message(session, delivery.id, card, event, reason, now)
            delivery.data = json.dumps(message.as_json(), ensure_ascii=False)

    def _message(
        self,
        session: Session,
        delivery_id: int,
        card: PhysicalCard,
        event: DeliveryEvent,
        reason: str,
        now: datetime,
    ) -> CardMessage:
        application = session.scalar(select(IdcCardApplication).where(IdcCardApplication.card_id == card.id))
        if application is None:
            raise ValueError(f"card {card.label} belongs to no IDC application")
        return CardMessage(
            delivery_id=delivery_id,
            event=event.value,
            card_number=card.label,
            card_uid=card.uid or "",
            company=application.company,
            holder_name=application.holder_name,
            holder_mobile=application.holder_mobile,
            holder_id_last_four=application.id_last_four,
            areas=tuple(json.loads(application.areas)),
            valid_from=card.valid_from.isoformat(),
            valid_until=card.valid_until.isoformat(),
            reason=reason,
            at=now.isoformat(),
        )

    def deliver_due(self, actor: Actor, limit: int = 20) -> tuple[int, int]:
        """Send the deliveries that are due; returns (acknowledged, failed)."""
        with self._delivering:
            now = self._clock.now()
            with self._sessions.begin() as session:
                due = session.scalars(
                    select(CardDelivery)
                    .where(CardDelivery.status == DeliveryStatus.PENDING, CardDelivery.next_attempt_at <= now)
                    .order_by(CardDelivery.id)
                    .limit(limit)
                ).all()
                work = [(d.id, d.sink, d.data) for d in due]
                for delivery in due:  # leased: another desk skips them meanwhile
                    delivery.next_attempt_at = now + _lease()
            done = failed = 0
            for delivery_id, sink_name, data in work:
                error = self._send(sink_name, data)
                self._record_attempt(delivery_id, actor, error)
                if error is None:
                    done += 1
                else:
                    failed += 1
            return done, failed

    def send_now(self, delivery_id: int, who: SignedIn) -> str | None:
        """The desk's "send again now" on a pending delivery; returns the error, if any."""
        self._require(who, Permission.ISSUE_CARDS)
        with self._sessions.reads() as session:
            delivery = session.get(CardDelivery, delivery_id)
            if delivery is None:
                raise ValidationError("delivery", "unknown")
            if delivery.status is DeliveryStatus.ACKNOWLEDGED:
                return None
            sink_name, data = delivery.sink, delivery.data
        with self._delivering:
            error = self._send(sink_name, data)
            self._record_attempt(delivery_id, who.actor, error)
        return error

    def _send(self, sink_name: str, data: str) -> str | None:
        sink = next((s for s in self.sinks if s.name == sink_name), None)
        if sink is None:
            return f"the sink {sink_name!r} is no longer configured"
        raw = json.loads(data)
        raw["areas"] = tuple(raw["areas"])
        try:
            sink.deliver(CardMessage(**raw))
        except Exception as exc:  # any failure of a sink is retried, never lost
            return f"{type(exc).__name__}: {exc}"[:500]
        return None

    def _record_attempt(self, delivery_id: int, actor: Actor, error: str | None) -> None:
        now = self._clock.now()
        with self._sessions.begin() as session:
            delivery = session.get_one(CardDelivery, delivery_id)
            delivery.attempts += 1
            if error is None:
                delivery.status = DeliveryStatus.ACKNOWLEDGED
                delivery.acknowledged_at = now
                delivery.last_error = None
            else:
                delivery.last_error = error
                delivery.next_attempt_at = now + retry_delay(delivery.attempts)
            audit.record(
                session,
                actor,
                "idc.delivered" if error is None else "idc.delivery_failed",
                "card",
                delivery.card.label,
                now,
                delivery=delivery.id,
                sink=delivery.sink,
                event=delivery.event.value,
                attempt=delivery.attempts,
                error=error,
            )

    # -- lists --------------------------------------------------------------------------------

    def applications(
        self,
        search: str = "",
        status: ApplicationStatus | None = None,
        company: str = "",
        expiring: bool = False,
        limit: int = 500,
        filed_by: str = "",
    ) -> list[ApplicationView]:
        """The card list: newest first; ``search`` matches form number, company, holder, card
        number or the last four of the ID; ``expiring``: issued and ending within 30 days;
        ``filed_by``: only those this actor label filed (a salesperson's own)."""
        stmt = (
            select(IdcCardApplication)
            .outerjoin(PhysicalCard, PhysicalCard.id == IdcCardApplication.card_id)
            .order_by(IdcCardApplication.id.desc())
            .limit(limit)
        )
        if status is not None:
            stmt = stmt.where(IdcCardApplication.status == status)
        if company.strip():
            stmt = stmt.where(IdcCardApplication.company == company.strip())
        if filed_by:
            stmt = stmt.where(IdcCardApplication.filed_by == filed_by)
        if expiring:
            now = self._clock.now()
            stmt = stmt.where(
                IdcCardApplication.status == ApplicationStatus.ISSUED,
                IdcCardApplication.valid_until <= now + EXPIRING_WITHIN,
            )
        text = sanitize_text(search)
        if text:
            pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            stmt = stmt.where(
                or_(
                    IdcCardApplication.form_number.ilike(pattern, escape="\\"),
                    IdcCardApplication.company.ilike(pattern, escape="\\"),
                    IdcCardApplication.holder_name.ilike(pattern, escape="\\"),
                    PhysicalCard.label.ilike(pattern, escape="\\"),
                    IdcCardApplication.id_last_four == text.upper(),
                )
            )
        with self._sessions.reads() as session:
            return [_view(row) for row in session.scalars(stmt)]

    def application(self, application_id: int) -> ApplicationView:
        with self._sessions.reads() as session:
            return _view(_application(session, application_id))

    def companies(self) -> list[str]:
        with self._sessions.reads() as session:
            return list(
                session.scalars(
                    select(IdcCardApplication.company)
                    .group_by(IdcCardApplication.company)
                    .order_by(func.min(IdcCardApplication.id))
                )
            )

    def history(self, application_id: int) -> list[HistoryEntry]:
        """Everything that happened to the application and its card, oldest first."""
        with self._sessions.reads() as session:
            row = _application(session, application_id)
            keys = [(ENTITY, str(row.id))]
            if row.card is not None:
                keys.append(("card", row.card.label))
            events = session.scalars(
                select(AuditEvent)
                .where(or_(*((AuditEvent.entity == e) & (AuditEvent.entity_id == i) for e, i in keys)))
                .order_by(AuditEvent.at, AuditEvent.id)
            ).all()
            return [HistoryEntry(e.at, e.actor, e.action, json.loads(e.detail)) for e in events]

    def deliveries(self, application_id: int | None = None, pending_only: bool = False) -> list[DeliveryView]:
        stmt = select(CardDelivery).order_by(CardDelivery.id.desc()).limit(500)
        if application_id is not None:
            stmt = stmt.join(IdcCardApplication, IdcCardApplication.card_id == CardDelivery.card_id).where(
                IdcCardApplication.id == application_id
            )
        if pending_only:
            stmt = stmt.where(CardDelivery.status == DeliveryStatus.PENDING)
        with self._sessions.reads() as session:
            return [
                DeliveryView(
                    d.id,
                    d.card.label,
                    d.sink,
                    d.event,
                    d.status,
                    d.attempts,
                    d.last_error,
                    d.created_at,
                    d.next_attempt_at,
                    d.acknowledged_at,
                )
                for d in session.scalars(stmt)
            ]


def _lease() -> timedelta:
    return timedelta(seconds=_LEASE_S)


def _application(session: Session, application_id: int) -> IdcCardApplication:
    row = session.get(IdcCardApplication, application_id)
    if row is None:
        raise ValidationError("application", "unknown")
    return row


def _view(row: IdcCardApplication) -> ApplicationView:
    card = row.card
    return ApplicationView(
        application_id=row.id,
        form_number=row.form_number,
        company=row.company,
        holder_name=row.holder_name,
        holder_mobile=row.holder_mobile,
        holder_id_masked=masked_from_last_four(row.id_last_four),
        letter_reference=row.letter_reference,
        areas=tuple(json.loads(row.areas)),
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        status=row.status,
        filed_by=row.filed_by,
        filed_by_name=row.filed_by_name,
        filed_at=row.filed_at,
        decided_by=row.decided_by,
        decision_note=row.decision_note,
        card_label=card.label if card else None,
        card_uid=card.uid if card else None,
        card_status=card.status if card else None,
    )


@dataclass(frozen=True)
class _LocalPlanner:
    """Plans an IDC card for this process's own encoder, as the desk's API does for its own."""

    service: IdcCardService
    application_id: int
    who: SignedIn
    language: str

    def read_keys(self, card: Card) -> CardKeys:
        return self.service.cards.read_keys(card)

    def plan(self, card: Card, content: CardRead) -> WritePlan:
        return self.service.plan(self.application_id, card, content, self.who, self.language, owner=LOCAL)

    def complete(self, plan: WritePlan, read_back: CardRead) -> IssueResult:
        return self.service.complete(plan.attempt_id, LOCAL, read_back, self.who)

    def abandon(self, plan: WritePlan, failure: Exception) -> None:
        self.service.abandon(plan.attempt_id, LOCAL, failure, self.who)
