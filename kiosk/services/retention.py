"""The purge (PIPL): personal data blanked once its record has been over for its retention period.

A purged record keeps what the books need (visit, badge, pass, slip and receipt numbers, dates,
counts, amounts, who on the staff acted) and loses who it was about: names, phones, companies,
free text, the ID number's last four, its lookup hash and sealed copy, a print job's document
and printed bytes. Only records that have ENDED are purged (checked out or declined, handed
back, revoked, used, closed...): a visitor still on site, a pass or a visitor card not yet back,
a deposit not yet refunded, a job not yet printed, a repair not yet called back, a complaint
not closed keep everything, however old. A repair keeps its fault with the unit, a complaint
its subject: the engineering history and the monthly figures are not about a person.

Each rule is one UPDATE per kind of record, so a run is a few statements whatever the number
of rows, and a second run the same day changes nothing (a row already blank is not counted).
One audit event per run gives the counts per kind; it names no one. On SQLite the purge is
followed by a TRUNCATE checkpoint, so what was blanked is gone from the WAL file too (the
database's ``secure_delete`` zeroes it in the main file: kiosk.storage.database).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, inspect, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from kiosk.domain.cards import CardStatus
from kiosk.domain.complaints import ComplaintStatus
from kiosk.domain.courier import CourierItemStatus
from kiosk.domain.credential import CardKind
from kiosk.domain.idc_cards import ApplicationStatus, DeliveryStatus
from kiosk.domain.lost_found import LostItemStatus
from kiosk.domain.mail import MailEventKind
from kiosk.domain.payments import DEPOSITS as PAYMENT_DEPOSITS
from kiosk.domain.repairs import RepairEventKind, RepairStatus
from kiosk.domain.retention import RetentionPolicy
from kiosk.domain.visitor_kinds import ApprovalWay, VisitorKind
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.checkin import WITHDRAWN_NOTE
from kiosk.services.clock import Clock
from kiosk.services.lobby import last_auto_checkout
from kiosk.services.payments import deducted_of
from kiosk.storage.database import Sessions
from kiosk.storage.models import (
    Admission,
    AuditEvent,
    Base,
    CardDelivery,
    Complaint,
    ComplaintStep,
    CourierBatch,
    CourierItem,
    DepositDeduction,
    DeskRegistration,
    HostMessage,
    IdcCardApplication,
    Invitation,
    InvitationGroup,
    KeyLoan,
    KeyReturn,
    LostItem,
    MailEvent,
    MailItem,
    MailMovedOut,
    OwnerCall,
    PassDiscrepancy,
    PassLoanItem,
    Payment,
    Permit,
    PermitEntry,
    PhysicalCard,
    PrintJob,
    PrintJobStatus,
    ReleaseSlipRecord,
    RepairEvent,
    RepairRequest,
    Visit,
    VisitCall,
    VisitStatus,
    WatchlistEntry,
)

# What a purged name reads as, in the log and on the desk's lists: visibly "removed", not empty.
PURGED = "—"
PURGED_ACTION = "retention.purged"
# Every kind of deposit (a decoration bond too): one not yet refunded is money owed to its payer.
DEPOSITS = tuple(sorted(PAYMENT_DEPOSITS, key=lambda purpose: purpose.value))
_Refund = aliased(Payment)


@dataclass(frozen=True)
class _Rule:
    """One kind of record: its rows whose ``ended`` is before the cutoff and that meet every
    ``closed`` condition get ``blank`` (column -> marker, a value or an SQL expression)."""

    kind: str
    setting: str
    model: type[Base]
    ended: ColumnElement[Any] | InstrumentedAttribute[Any]
    blank: Mapping[InstrumentedAttribute[Any], Any]
    closed: tuple[ColumnElement[bool], ...] = ()

    def where(self, cutoff: datetime) -> ColumnElement[bool]:
        """The purge's rows: ended before ``cutoff``, closed, not yet blank."""
        return and_(self.ended < cutoff, *self.closed, self._pending())

    def where_ids(self, ids: Collection[int]) -> ColumnElement[bool]:
        """The rows ``ids`` not yet blank, whatever their age (an erasure on request: the caller
        has refused open records, with a reason the ``closed`` conditions cannot give)."""
        key: ColumnElement[Any] = inspect(self.model).primary_key[0]
        return and_(key.in_(sorted(ids)), self._pending())

    def blank_rows(self, session: Session, where: ColumnElement[bool], dry_run: bool) -> int:
        """Blank the rows ``where`` selects (``dry_run``: count them); how many."""
        if dry_run:
            return session.scalar(select(func.count()).select_from(self.model).where(where)) or 0
        result = session.execute(
            update(self.model)
            .where(where)
            .values({column.key: marker for column, marker in self.blank.items()})
            .execution_options(synchronize_session=False)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(column.key for column in self.blank)

    def _pending(self) -> ColumnElement[bool]:
        # A row already holding every marker is not counted again: a second run changes nothing.
        return or_(*(column.is_distinct_from(marker) for column, marker in self.blank.items()))


_VISIT_ENDED = func.coalesce(Visit.checked_out_at, Visit.decided_at, Visit.requested_at)
_VISIT_CLOSED = (
    Visit.status.in_((VisitStatus.CHECKED_OUT, VisitStatus.DECLINED)),
    # A visitor card not yet back is an open loan: the desk needs to know whose it is.
    or_(Visit.card_number.is_(None), Visit.card_returned_at.is_not(None)),
)
_CARD_ENDED = (CardStatus.RETURNED, CardStatus.REVOKED, CardStatus.EXPIRED, CardStatus.VOID)
# A permit ends when it is cancelled or its last day is over (ends_at: the next midnight, site time).
_PERMIT_ENDED = func.coalesce(Permit.cancelled_at, Permit.ends_at)
# A repair request ends when it is closed (called back) or cancelled; one completed or signed off
# but not yet called back is open (the desk still has to phone the caller), and a reopen makes
# a closed one open again (its closed_at cleared).
REPAIR_DONE = (RepairStatus.CLOSED, RepairStatus.CANCELLED)
_REPAIR_ENDED = func.coalesce(RepairRequest.closed_at, RepairRequest.cancelled_at)
# The steps whose note is the resident's (the name signed with, what they said at the callback)
# or the reason a request was withdrawn; the others' notes are the work's (the contractor and
# engineer dispatched, the engineer's note, a reopen's fault), kept with the request's fault.
PERSONAL_REPAIR_STEPS = (RepairEventKind.SIGNED_OFF, RepairEventKind.CALLBACK, RepairEventKind.CANCELLED)
# The steps of a mail item's trail that carry the addressee's side: the collector's name and ID
# digits (handed out), a forwarding address (forwarded), how and whom the desk told (notified).
PERSONAL_MAIL_EVENTS = (MailEventKind.HANDED_OUT, MailEventKind.FORWARDED, MailEventKind.NOTIFIED)
# A courier item ends when handed over (on the courier's bill) or voided; one still waiting is open.
_COURIER_ENDED = func.coalesce(CourierItem.voided_at, CourierItem.handed_at)

RULES: tuple[_Rule, ...] = (
    _Rule(
        "visits",
        "visits_days",
        Visit,
        _VISIT_ENDED,
        {
            Visit.visitor_name: PURGED,
            Visit.company: "",
            Visit.permit_number: None,
            Visit.mobile: None,
            Visit.purpose: "",
            Visit.id_last_four: None,
            Visit.id_hash: None,
            Visit.id_sealed: None,
            Visit.decision_note: case(
                # A withdrawn visit's note is the program's words, not a person's (the decision
                # page reads it).
                (Visit.decision_note == WITHDRAWN_NOTE, WITHDRAWN_NOTE),
                else_=None,
            ),
        },
        _VISIT_CLOSED,
    ),
    _Rule(
        "visit_id_seals",
        "id_seals_days",
        Visit,
        _VISIT_ENDED,
        {Visit.id_hash: None, Visit.id_sealed: None},
        _VISIT_CLOSED,
    ),
    _Rule(
        "visit_calls",
        "visits_days",
        VisitCall,
        # With its visit: from the visit's end; NULL (never below the cutoff) while it is open.
        select(_VISIT_ENDED).where(Visit.id == VisitCall.visit_id, *_VISIT_CLOSED).scalar_subquery(),
        # Whom the desk called, on which number, what they said; how, the answer, when and the
        # clerk who called stay (the visit's approval on record).
        {
            VisitCall.callee_name: PURGED,
            VisitCall.number: "",
            VisitCall.note: "",
            VisitCall.resident_id: None,
        },
    ),
    _Rule(
        "desk_registrations",
        "visits_days",
        DeskRegistration,
        select(_VISIT_ENDED).where(Visit.id == DeskRegistration.visit_id, *_VISIT_CLOSED).scalar_subquery(),
        # The resident named as the one visited; the clerk who registered the walk-in stays.
        {
            DeskRegistration.resident_name: case((DeskRegistration.resident_name == "", ""), else_=PURGED),
            DeskRegistration.resident_id: None,
        },
    ),
    _Rule(
        "host_messages",
        "visits_days",
        HostMessage,
        # From when it was passed on or cancelled; one never passed on is stale by then too: it
        # counts from when it was taken.
        func.coalesce(HostMessage.relayed_at, HostMessage.cancelled_at, HostMessage.created_at),
        {
            HostMessage.caller_name: PURGED,
            HostMessage.company: "",
            HostMessage.phone: "",
            HostMessage.extension: "",
            HostMessage.city: "",
            HostMessage.text: "",
            # A resident or a name typed as heard; a person of the directory stays (host_id).
            HostMessage.recipient_name: "",
            HostMessage.relay_note: "",
            HostMessage.cancel_reason: "",
        },
    ),
    _Rule(
        "invitations",
        "visits_days",
        Invitation,
        Invitation.valid_until,
        {
            Invitation.visitor_name: PURGED,
            Invitation.company: "",
            Invitation.mobile: None,
            Invitation.email: None,
            Invitation.purpose: "",
        },
    ),
    _Rule(
        "invitation_groups",
        "visits_days",
        InvitationGroup,
        InvitationGroup.valid_until,
        # The visiting unit and headcount are the books' (who came, how many); the notes may name people.
        {InvitationGroup.requirements: "", InvitationGroup.notes: ""},
    ),
    _Rule(
        "watchlist",
        "visits_days",
        WatchlistEntry,
        func.coalesce(WatchlistEntry.until, WatchlistEntry.added_at),
        {
            WatchlistEntry.name: PURGED,
            # The matching key is the name too (张三 verbatim); an empty key never matches.
            WatchlistEntry.name_key: "",
            WatchlistEntry.company: "",
            WatchlistEntry.id_hash: None,
            WatchlistEntry.id_last_four: None,
            WatchlistEntry.reason: "",
        },
        # An entry still in force is kept, however old: it is why it exists.
        (or_(WatchlistEntry.active.is_(False), WatchlistEntry.until.is_not(None)),),
    ),
    _Rule(
        "visitor_cards",
        "visits_days",
        PhysicalCard,
        PhysicalCard.status_changed_at,
        {PhysicalCard.holder: ""},
        (PhysicalCard.kind == CardKind.VISITOR, PhysicalCard.status.in_(_CARD_ENDED)),
    ),
    _Rule(
        "pass_loans",
        "machine_room_passes_days",
        PassLoanItem,
        PassLoanItem.returned_at,
        {
            PassLoanItem.visitor_name: PURGED,
            PassLoanItem.company: "",
            PassLoanItem.id_last_four: None,
            PassLoanItem.id_hash: None,
            PassLoanItem.id_sealed: None,
        },
        # returned_at NULL (still out) never compares below the cutoff: an open loan is kept.
    ),
    _Rule(
        "pass_id_seals",
        "id_seals_days",
        PassLoanItem,
        PassLoanItem.returned_at,
        {PassLoanItem.id_hash: None, PassLoanItem.id_sealed: None},
    ),
    _Rule(
        "pass_discrepancies",
        "machine_room_passes_days",
        PassDiscrepancy,
        PassDiscrepancy.resolved_at,
        # The detail names the visitor and signer; the kind and the pass number stay.
        {PassDiscrepancy.detail: "", PassDiscrepancy.resolution_note: None},
    ),
    _Rule(
        "machine_room_cards",
        "machine_room_passes_days",
        PhysicalCard,
        PhysicalCard.status_changed_at,
        {PhysicalCard.holder: ""},
        (PhysicalCard.kind == CardKind.MACHINE_ROOM, PhysicalCard.status.in_(_CARD_ENDED)),
    ),
    _Rule(
        "idc_applications",
        "idc_cards_days",
        IdcCardApplication,
        # Rejected: from the decision; revoked or expired: from the card's end (its status change).
        func.coalesce(
            select(PhysicalCard.status_changed_at)
            .where(PhysicalCard.id == IdcCardApplication.card_id)
            .scalar_subquery(),
            IdcCardApplication.decided_at,
            IdcCardApplication.filed_at,
        ),
        {
            IdcCardApplication.holder_name: PURGED,
            IdcCardApplication.holder_mobile: "",
            IdcCardApplication.id_last_four: "",
            IdcCardApplication.id_hash: "",
            IdcCardApplication.id_sealed: b"",
            IdcCardApplication.decision_note: "",
        },
        (
            IdcCardApplication.status.in_(
                (ApplicationStatus.REJECTED, ApplicationStatus.REVOKED, ApplicationStatus.EXPIRED)
            ),
        ),
    ),
    _Rule(
        "idc_id_seals",
        "id_seals_days",
        IdcCardApplication,
        func.coalesce(
            select(PhysicalCard.status_changed_at)
            .where(PhysicalCard.id == IdcCardApplication.card_id)
            .scalar_subquery(),
            IdcCardApplication.decided_at,
            IdcCardApplication.filed_at,
        ),
        {IdcCardApplication.id_hash: "", IdcCardApplication.id_sealed: b""},
        (
            IdcCardApplication.status.in_(
                (ApplicationStatus.REJECTED, ApplicationStatus.REVOKED, ApplicationStatus.EXPIRED)
            ),
        ),
    ),
    _Rule(
        "idc_cards",
        "idc_cards_days",
        PhysicalCard,
        PhysicalCard.status_changed_at,
        {PhysicalCard.holder: ""},
        (PhysicalCard.kind == CardKind.IDC_IDENTITY, PhysicalCard.status.in_(_CARD_ENDED)),
    ),
    _Rule(
        "card_deliveries",
        "idc_cards_days",
        CardDelivery,
        CardDelivery.acknowledged_at,
        # The holder's name and mobile as sent to access control; a pending upload keeps them.
        {CardDelivery.data: "{}"},
        (CardDelivery.status == DeliveryStatus.ACKNOWLEDGED,),
    ),
    _Rule(
        "owner_calls",
        "owner_calls_days",
        OwnerCall,
        OwnerCall.phoned_at,
        {
            OwnerCall.tenant_name: PURGED,
            OwnerCall.owner_name: PURGED,
            OwnerCall.owner_phone: "",
            OwnerCall.note: "",
        },
    ),
    _Rule(
        "release_slips",
        "release_slips_days",
        ReleaseSlipRecord,
        # Used or voided: from the guard's check; never shown: from its issue (long expired by then).
        func.coalesce(ReleaseSlipRecord.checked_at, ReleaseSlipRecord.issued_at),
        {
            ReleaseSlipRecord.holder_name: PURGED,
            ReleaseSlipRecord.signed_name: PURGED,
            ReleaseSlipRecord.id_last_four: "",
            ReleaseSlipRecord.override_reason: None,
            ReleaseSlipRecord.void_reason: None,
        },
    ),
    _Rule(
        "payments",
        "payments_days",
        Payment,
        Payment.taken_at,
        {Payment.payer: PURGED, Payment.description: ""},
        # A deposit not yet refunded is money the desk owes someone: their name stays (one
        # forfeited or deducted in full is settled: nothing is owed).
        (
            or_(
                Payment.refund_of_id.is_not(None),
                Payment.purpose.not_in(DEPOSITS),
                exists().where(_Refund.refund_of_id == Payment.id),
                deducted_of(Payment.id) >= Payment.amount_fen,
            ),
        ),
    ),
    _Rule(
        "deposit_deductions",
        "payments_days",
        DepositDeduction,
        # Once its deposit's payer is purged (the rule above, in the same run, or an erasure): the
        # reason may name the payer or a worker. The amount, the note's number and who acted stay.
        select(Payment.taken_at)
        .where(Payment.id == DepositDeduction.payment_id, Payment.payer == PURGED)
        .scalar_subquery(),
        {DepositDeduction.reason: ""},
    ),
    _Rule(
        "repairs",
        "repairs_days",
        RepairRequest,
        _REPAIR_ENDED,
        # The unit, where, the fault, category, class, clocks, engineer and times stay: the
        # engineering history of the unit and the monthly figures.
        {
            RepairRequest.caller_name: PURGED,
            RepairRequest.phone: "",
            # Signed by someone: the name goes, "signed" stays readable (signed_off_at stays too).
            RepairRequest.signed_off_by: case((RepairRequest.signed_off_by == "", ""), else_=PURGED),
            RepairRequest.cancel_reason: "",
        },
        (RepairRequest.status.in_(REPAIR_DONE),),
    ),
    _Rule(
        "repair_events",
        "repairs_days",
        RepairEvent,
        # From its request's end; NULL (never below the cutoff) while the request is open.
        select(_REPAIR_ENDED)
        .where(RepairRequest.id == RepairEvent.request_id, RepairRequest.status.in_(REPAIR_DONE))
        .scalar_subquery(),
        {RepairEvent.note: ""},
        (RepairEvent.kind.in_(PERSONAL_REPAIR_STEPS),),
    ),
    _Rule(
        "complaints",
        "complaints_days",
        Complaint,
        Complaint.closed_at,
        # The kind, source, subject, who was responsible, the due date, the serious flag, the
        # satisfaction and the times stay: the manager's figures (subject, time to close).
        {
            Complaint.complainant: PURGED,
            Complaint.contact: "",
            Complaint.unit: "",
            Complaint.text: "",
            Complaint.result: "",
        },
        (Complaint.status == ComplaintStatus.CLOSED,),
    ),
    _Rule(
        "complaint_steps",
        "complaints_days",
        ComplaintStep,
        select(Complaint.closed_at)
        .where(Complaint.id == ComplaintStep.complaint_id, Complaint.status == ComplaintStatus.CLOSED)
        .scalar_subquery(),
        # Every step's text: follow-ups and callbacks name the person or repeat their words.
        {ComplaintStep.text: ""},
    ),
    _Rule(
        "lost_items",
        "lost_found_days",
        LostItem,
        # Claimed, disposed of or voided; an item still held keeps its finder (it may go back to them).
        func.coalesce(LostItem.claimed_at, LostItem.disposed_at, LostItem.voided_at),
        # What, where, when, where kept, the category, how it ended and the staff who acted stay.
        {
            LostItem.finder: PURGED,
            LostItem.claimant_name: case((LostItem.claimant_name == "", ""), else_=PURGED),
            LostItem.claimant_phone: "",
            LostItem.claimant_id_last_four: "",
            LostItem.claimant_signed_name: case((LostItem.claimant_signed_name == "", ""), else_=PURGED),
            LostItem.disposal_note: "",
            LostItem.void_reason: "",
        },
        (LostItem.status != LostItemStatus.HELD,),
    ),
    _Rule(
        "key_loans",
        "key_loans_days",
        KeyLoan,
        # Closed: every key lent back or written off; a loan with a key still out keeps its borrower.
        KeyLoan.closed_at,
        # The set, the counts, the times and who on the staff lent the keys stay: the register's
        # history (and the handover's count does not depend on a name).
        {
            KeyLoan.borrower: PURGED,
            KeyLoan.company: "",
            KeyLoan.phone: "",
            KeyLoan.id_type: "",
            KeyLoan.id_last_four: "",
            KeyLoan.staff_number: "",
            KeyLoan.note: "",
        },
        (KeyLoan.closed_at.is_not(None),),
    ),
    _Rule(
        "key_returns",
        "key_loans_days",
        KeyReturn,
        select(KeyLoan.closed_at).where(KeyLoan.id == KeyReturn.loan_id).scalar_subquery(),
        # What the clerk wrote of a short return or a loss names the borrower or repeats them.
        {KeyReturn.note: ""},
    ),
    _Rule(
        "permits",
        "permits_days",
        Permit,
        _PERMIT_ENDED,
        # The number, kind, unit, materials, the way up, the days and the staff who acted stay.
        {
            Permit.holder_name: case((Permit.holder_name == "", ""), else_=PURGED),
            Permit.id_last_four: "",
            Permit.company: "",
            Permit.note: "",
            Permit.cancel_reason: "",
        },
    ),
    _Rule(
        "permit_entries",
        "permits_days",
        PermitEntry,
        # From its permit's end (a refusal's reason may name the holder).
        select(_PERMIT_ENDED).where(Permit.id == PermitEntry.permit_id).scalar_subquery(),
        {PermitEntry.note: ""},
    ),
    _Rule(
        "mail_items",
        "mail_days",
        MailItem,
        # Handed out, forwarded or returned; NULL (never below the cutoff) while it waits.
        MailItem.closed_at,
        {
            MailItem.addressee: PURGED,
            MailItem.addressee_key: "",
            MailItem.company: "",
            MailItem.collector_name: case((MailItem.collector_name == "", ""), else_=PURGED),
            MailItem.collector_id_last_four: "",
        },
    ),
    _Rule(
        "mail_events",
        "mail_days",
        MailEvent,
        select(MailItem.closed_at).where(MailItem.id == MailEvent.item_id).scalar_subquery(),
        # The collector's name and ID digits, a forwarding address, how the addressee was told;
        # the staff's signatures stay (a forwarding's signer is the clerk who posted it on).
        {
            MailEvent.signer: case(
                (MailEvent.kind == MailEventKind.HANDED_OUT, PURGED), else_=MailEvent.signer
            ),
            MailEvent.note: "",
        },
        (MailEvent.kind.in_(PERSONAL_MAIL_EVENTS),),
    ),
    _Rule(
        "mail_moved_out",
        "mail_days",
        MailMovedOut,
        MailMovedOut.closed_at,
        {
            MailMovedOut.name: PURGED,
            MailMovedOut.name_key: "",
            MailMovedOut.company: "",
            MailMovedOut.phone: "",
            MailMovedOut.forward_address: "",
        },
    ),
    _Rule(
        "courier_items",
        "courier_days",
        CourierItem,
        _COURIER_ENDED,
        # The number, department, company, tracking number, cost, batch, times and the staff who
        # logged and voided it stay: the month-end statement and the settlement need no name.
        {
            CourierItem.sender: PURGED,
            CourierItem.addressee: PURGED,
            CourierItem.destination: "",
            CourierItem.note: "",
            CourierItem.void_reason: "",
        },
        (CourierItem.status != CourierItemStatus.LOGGED,),
    ),
    _Rule(
        "courier_batches",
        "courier_days",
        CourierBatch,
        # From the hand-over (a batch is handed over whole); its items' numbers and costs stay.
        CourierBatch.handed_at,
        {CourierBatch.courier_name: PURGED},
    ),
    _Rule(
        "admissions",
        "admissions_days",
        Admission,
        # Written when they were let through; a resident let in on the records ends when the
        # patrol followed them (the notice names them till then).
        func.coalesce(Admission.patrol_followed_at, Admission.at),
        # The kind, the way, a permit's number, a leader's greeting (the list is the desk's own),
        # the times and the staff who acted stay; a staff member's work card number goes.
        {
            Admission.name: case((Admission.name == "", ""), else_=PURGED),
            Admission.unit: "",
            Admission.company: "",
            Admission.reference: case((Admission.kind == VisitorKind.STAFF, ""), else_=Admission.reference),
            Admission.call_note: "",
            Admission.note: "",
            Admission.patrol_note: "",
        },
        (
            or_(
                Admission.way != ApprovalWay.RESIDENT_RECORDS,
                Admission.patrol_followed_at.is_not(None),
            ),
        ),
    ),
    _Rule(
        "print_jobs",
        "print_jobs_days",
        PrintJob,
        func.coalesce(PrintJob.printed_at, PrintJob.created_at),
        # A job still to print keeps its document; a printed one is on paper and on its record.
        {PrintJob.data: "", PrintJob.payload: None},
        (PrintJob.status == PrintJobStatus.PRINTED,),
    ),
)


_BY_KIND = {r.kind: r for r in RULES}


def rule(kind: str) -> _Rule:
    """The rule of one kind of record (``"visits"``...): what its purge blanks, with what. The
    erasure on request (kiosk.services.privacy) blanks the same fields with the same markers."""
    return _BY_KIND[kind]


@dataclass(frozen=True)
class PurgeCount:
    kind: str
    rows: int
    fields: tuple[str, ...]
    older_than: datetime


@dataclass(frozen=True)
class PurgeReport:
    at: datetime
    counts: tuple[PurgeCount, ...]
    dry_run: bool

    @property
    def total(self) -> int:
        return sum(c.rows for c in self.counts)


class RetentionService:
    """Blanks what a record no longer needs to keep; see the module's docstring."""

    def __init__(self, sessions: Sessions, clock: Clock, policy: RetentionPolicy, zone: tzinfo) -> None:
        self._sessions = sessions
        self._clock = clock
        self._policy = policy
        self._zone = zone
        self._done_for: datetime | None = None

    @property
    def policy(self) -> RetentionPolicy:
        return self._policy

    def purge(self, actor: Actor, dry_run: bool = False) -> PurgeReport:
        """Purge now (``dry_run``: count what would go, change nothing, audit nothing)."""
        now = self._clock.now()
        if dry_run:
            with self._sessions.reads() as session:
                return PurgeReport(now, self._run(session, now, dry_run=True), dry_run=True)
        with self._sessions.begin() as session:
            report = PurgeReport(now, self._run(session, now, dry_run=False), dry_run=False)
            self._audit(session, actor, report)
        self._sessions.scrub()
        return report

    def purge_daily(self, actor: Actor) -> PurgeReport | None:
        """The server's daily purge: once the site's clock has passed ``purge_at`` today (or at the
        first round after it, if the server was down then), unless a purge already ran since.

        Decided under the write lock with the check, so servers sharing a database purge once."""
        now = self._clock.now()
        moment = last_auto_checkout(now, self._policy.purge_at, self._zone)
        if self._done_for == moment:
            return None
        with self._sessions.begin() as session:
            # Through ix_audit_events_at: only the events since today's purge time are looked at.
            done = session.scalar(
                select(AuditEvent.id)
                .where(AuditEvent.at >= moment, AuditEvent.action == PURGED_ACTION)
                .limit(1)
            )
            report = None
            if done is None:
                report = PurgeReport(now, self._run(session, now, dry_run=False), dry_run=False)
                self._audit(session, actor, report)
        self._done_for = moment
        if report is not None:
            self._sessions.scrub()
        return report

    def _run(self, session: Session, now: datetime, dry_run: bool) -> tuple[PurgeCount, ...]:
        counts = []
        for rule in RULES:
            cutoff = now - timedelta(days=getattr(self._policy, rule.setting))
            rows = rule.blank_rows(session, rule.where(cutoff), dry_run)
            counts.append(PurgeCount(rule.kind, rows, rule.fields, cutoff))
        return tuple(counts)

    def _audit(self, session: Session, actor: Actor, report: PurgeReport) -> None:
        # Counts only: the event that says personal data was removed carries none. Its record is
        # the site's day.
        audit.record(
            session,
            actor,
            PURGED_ACTION,
            "retention",
            report.at.astimezone(self._zone).date().isoformat(),
            report.at,
            **{c.kind: c.rows for c in report.counts},
        )
