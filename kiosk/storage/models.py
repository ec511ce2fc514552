"""The tables. Every change here comes with an Alembic migration (``kiosk db check`` tells)."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from kiosk.domain.calls import CallAnswer, CallChannel, Callee
from kiosk.domain.cards import CardStatus
from kiosk.domain.complaints import (
    ComplaintKind,
    ComplaintSource,
    ComplaintStatus,
    ComplaintSubject,
    Satisfaction,
    StepKind,
)
from kiosk.domain.courier import CourierItemStatus
from kiosk.domain.credential import CardKind
from kiosk.domain.deposits import DeductionKind, DepositItem
from kiosk.domain.documents import PartyKind, PaymentMethod, ReceiptPurpose
from kiosk.domain.handover import HandoverItemKind
from kiosk.domain.idc_cards import ApplicationStatus, DeliveryEvent, DeliveryStatus
from kiosk.domain.key_loans import KeyKind
from kiosk.domain.lost_found import DisposalMethod, LostItemCategory, LostItemSource, LostItemStatus
from kiosk.domain.machine_room_pass import DiscrepancyKind
from kiosk.domain.mail import MailEventKind, MailKind, MailStatus
from kiosk.domain.names import KEY_MAX_CHARS, name_key
from kiosk.domain.newspapers import ContactMethod, Frequency, ShortfallStatus, ShortfallStepKind
from kiosk.domain.notify import ADDRESS_MAX, NotifyChannel
from kiosk.domain.permits import EntryDecision, PermitKind, PermitRoute, PermitStatus
from kiosk.domain.phone_messages import CallerRequest, MessageSource, MessageStatus, RelayMethod
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.release_slip import SlipStatus
from kiosk.domain.repairs import RepairCategory, RepairClass, RepairClock, RepairEventKind, RepairStatus
from kiosk.domain.roster import RosterStatus
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.domain.visit import Approver, CheckoutMethod, VisitorType, VisitStatus
from kiosk.domain.visitor_kinds import ApprovalWay, KindApprover, VisitorKind
from kiosk.domain.watchlist import WatchlistMatch
from kiosk.domain.work_calendar import DayKind
from kiosk.storage.types import UTCDateTime

__all__ = ["Approver", "PrintJobStatus", "VisitStatus", "VisitorType"]

# Named constraints keep migrations reproducible and let SQLite batch mode alter tables.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    # Store the readable value ("on_site"), checked by a named CHECK constraint on both backends.
    return Enum(
        cls,
        name=name,
        values_callable=lambda e: [m.value for m in e],
        native_enum=False,
        create_constraint=True,
        length=20,
        validate_strings=True,
    )


class Counter(Base):
    """Numbers people see (badges, cards, slips, receipts) come from here, never reused."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Host(Base):
    """A member of staff who can be visited (the staff directory)."""

    __tablename__ = "hosts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    department: Mapped[str] = mapped_column(String(60))
    extension: Mapped[str | None] = mapped_column(String(20))
    mobile: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(120))
    # How this host wants to be asked about a visitor (kiosk.domain.notify); None: the site's
    # [notify] channel. The address: their own group robot's webhook URL, or the mobile or
    # e-mail to use instead of the directory's; None: the site's robot, the directory's.
    notify_channel: Mapped[NotifyChannel | None] = mapped_column(_enum(NotifyChannel, "notify_channel"))
    notify_address: Mapped[str | None] = mapped_column(String(ADDRESS_MAX))
    active: Mapped[bool] = mapped_column(default=True)
    # Search keys for the kiosk's type-ahead: 张三 -> "zhangsan" and "zs".
    pinyin: Mapped[str] = mapped_column(String(200), default="")
    initials: Mapped[str] = mapped_column(String(60), default="")
    # A unit (房号, kiosk.services.desk_visits) as the person visited, not a member of staff: its
    # name is the unit; the directory's searches leave it out; nobody is e-mailed for it, the desk
    # calls its residents (migration 0033).
    unit: Mapped[str | None] = mapped_column(String(20))

    # One host row per unit (an index, not a constraint: SQLite adds it without a rebuild).
    __table_args__ = (Index("ix_hosts_name", "name"), Index("ix_hosts_unit", "unit", unique=True))


class Visit(Base):
    """One visitor's visit, from check-in to check-out (the visitor log 来人来访记录表).

    The ID number is kept as the design requires: a keyed hash for matching, the last four for
    display, and the full number only sealed with a key kept outside the database.
    """

    __tablename__ = "visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Allocated when the visit is approved and a badge is made; pending visits have none.
    badge_number: Mapped[str | None] = mapped_column(String(20), unique=True)
    visitor_name: Mapped[str] = mapped_column(String(60))
    company: Mapped[str] = mapped_column(String(80), default="")
    visitor_type: Mapped[VisitorType] = mapped_column(
        _enum(VisitorType, "visitor_type"), default=VisitorType.GUEST
    )
    permit_number: Mapped[str | None] = mapped_column(String(40))
    mobile: Mapped[str | None] = mapped_column(String(20))
    id_type: Mapped[str | None] = mapped_column(String(30))
    id_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    id_last_four: Mapped[str | None] = mapped_column(String(4))
    id_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    purpose: Mapped[str] = mapped_column(String(200), default="")
    party_size: Mapped[int] = mapped_column(default=1)
    declaration_accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    host_id: Mapped[int] = mapped_column(ForeignKey("hosts.id"))
    status: Mapped[VisitStatus] = mapped_column(_enum(VisitStatus, "visit_status"))
    approver: Mapped[Approver] = mapped_column(_enum(Approver, "approver"), default=Approver.HOST)
    language: Mapped[str] = mapped_column(String(10))
    station: Mapped[str] = mapped_column(String(40))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by: Mapped[str | None] = mapped_column(String(80))
    decision_note: Mapped[str | None] = mapped_column(String(200))
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    valid_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    checked_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    checkout_method: Mapped[CheckoutMethod | None] = mapped_column(_enum(CheckoutMethod, "checkout_method"))
    # A temporary visitor card issued with the badge, and when it came back to the pool.
    card_number: Mapped[str | None] = mapped_column(String(20), index=True)
    card_returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Why the check-in was held, for the desk (migration 0020): the watchlist entry and how it
    # matched. Kept after the hold is released or decided, for the record. The entry's number
    # as the audit detail keeps it, no foreign key: entries are never deleted, and one on visits
    # would make SQLite rebuild its largest table.
    hold_entry_id: Mapped[int | None] = mapped_column(Integer)
    hold_match: Mapped[WatchlistMatch | None] = mapped_column(_enum(WatchlistMatch, "watchlist_match"))

    host: Mapped[Host] = relationship()

    __table_args__ = (
        Index("ix_visits_status_checked_in_at", "status", "checked_in_at"),
        Index("ix_visits_checked_in_at", "checked_in_at"),
        Index("ix_visits_status_requested_at", "status", "requested_at"),
        # The visitor log's search, newest first within a date range (migration 0014).
        Index("ix_visits_requested_at_id", "requested_at", "id"),
        Index("ix_visits_id_last_four_requested_at", "id_last_four", "requested_at"),
        Index("ix_visits_host_id_requested_at", "host_id", "requested_at"),
        Index("ix_visits_visitor_type_requested_at", "visitor_type", "requested_at"),
        # The board's auto check-out list (migration 0010): without it, a scan of every visit.
        Index("ix_visits_checkout_method_checked_out_at", "checkout_method", "checked_out_at"),
    )


class Invitation(Base):
    """A pre-registered visitor (预约): the host's approval given in advance, for a time window."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    visitor_name: Mapped[str] = mapped_column(String(60))
    company: Mapped[str] = mapped_column(String(80), default="")
    mobile: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(120))
    host_id: Mapped[int] = mapped_column(ForeignKey("hosts.id"))
    purpose: Mapped[str] = mapped_column(String(200), default="")
    party_size: Mapped[int] = mapped_column(default=1)
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime())
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"))
    cancelled: Mapped[bool] = mapped_column(default=False)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("invitation_groups.id"), index=True)

    host: Mapped[Host] = relationship()

    __table_args__ = (Index("ix_invitations_valid_from", "valid_from"),)


class InvitationGroup(Base):
    """A group or VIP visit (会务贵宾接待工作单): unit, headcount, arrival, requirements, notes.

    Each named invitee has an :class:`Invitation` of their own (a code each) pointing here.
    """

    __tablename__ = "invitation_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    visiting_unit: Mapped[str] = mapped_column(String(80))
    headcount: Mapped[int]
    host_id: Mapped[int] = mapped_column(ForeignKey("hosts.id"))
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime())
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime())
    requirements: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(String(500), default="")
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StaffMember(Base):
    """A member of the desk's staff who signs in with a staff number and a PIN or password."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    role: Mapped[Role] = mapped_column(_enum(Role, "staff_role"))
    secret_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class HostMessage(Base):
    """A message for someone who was not there (电话记录 / 代客留言): left by a declined visitor at
    the kiosk, or taken at the switchboard or the counter; one inbox until the desk passes it on
    (kiosk.services.phone_messages; migration 0023 added the switchboard form's fields)."""

    __tablename__ = "host_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    # For whom: a person of the staff directory, or (None) a unit and/or a name as typed.
    host_id: Mapped[int | None] = mapped_column(ForeignKey("hosts.id"))
    recipient_unit: Mapped[str] = mapped_column(String(20), default="")
    recipient_name: Mapped[str] = mapped_column(String(60), default="")
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"))
    source: Mapped[MessageSource] = mapped_column(_enum(MessageSource, "message_source"))
    status: Mapped[MessageStatus] = mapped_column(_enum(MessageStatus, "message_status"))
    caller_name: Mapped[str] = mapped_column(String(60))
    company: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    extension: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(40), default="")
    text: Mapped[str] = mapped_column(String(500), default="")
    caller_request: Mapped[CallerRequest] = mapped_column(_enum(CallerRequest, "caller_request"))
    # When the call came (the form's date and time); created_at is when it was written down.
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recorded_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The "passed on" stamp: when, by whom, how.
    relayed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    relayed_by: Mapped[str | None] = mapped_column(String(80))
    relay_method: Mapped[RelayMethod | None] = mapped_column(_enum(RelayMethod, "relay_method"))
    relay_note: Mapped[str] = mapped_column(String(200), default="")
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancelled_by: Mapped[str | None] = mapped_column(String(80))
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")

    host: Mapped[Host | None] = relationship()

    # The inbox and the board: open messages, newest first.
    __table_args__ = (Index("ix_host_messages_status_received_at", "status", "received_at"),)


class WatchlistEntry(Base):
    """A person whose check-in is held for staff (寻衅闹事者 and the like): who, why, until when."""

    __tablename__ = "watchlist"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    # The name as check-in compares it (kiosk.domain.names.name_key; migration 0020), set with
    # the name whoever sets it.
    name_key: Mapped[str] = mapped_column(String(KEY_MAX_CHARS), index=True)
    company: Mapped[str] = mapped_column(String(80), default="")
    id_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    id_last_four: Mapped[str | None] = mapped_column(String(4))
    reason: Mapped[str] = mapped_column(String(200))
    added_by: Mapped[str] = mapped_column(String(80))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    active: Mapped[bool] = mapped_column(default=True)

    @validates("name")
    def _keep_key(self, _attribute: str, name: str) -> str:
        self.name_key = name_key(name)
        return name


class PrintJob(Base):
    """A document on its way to paper. Stored before any printer is touched.

    The document itself is kept (``document`` kind + ``data`` JSON) so the job can be laid out for
    whichever printer takes it; ``payload`` is what was last sent. A job is claimed (``claimed_at``)
    while being sent, so two processes never print it twice. A visit's badge state is its newest
    badge job's status, not a copy kept on the visit.
    """

    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    document: Mapped[str] = mapped_column(String(30))
    reference: Mapped[str] = mapped_column(String(40))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"))
    data: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(10))
    copy: Mapped[bool] = mapped_column(default=False)
    station: Mapped[str] = mapped_column(String(80))
    payload: Mapped[bytes | None] = mapped_column(LargeBinary)
    status: Mapped[PrintJobStatus] = mapped_column(_enum(PrintJobStatus, "print_job_status"))
    attempts: Mapped[int] = mapped_column(default=0)
    printer: Mapped[str | None] = mapped_column(String(200))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (
        Index("ix_print_jobs_status", "status"),
        Index("ix_print_jobs_station_next_attempt_at", "station", "next_attempt_at"),
        Index("ix_print_jobs_visit_id", "visit_id"),
    )


class AuditEvent(Base):
    """Who did what, when, to which record. Written in the same transaction as the change."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="{}")
    # The chain (kiosk.services.audit_chain): the HMAC of the event before this one, and this
    # event's HMAC over that and its own fields, under the site's audit key. NULL in events from
    # before the chain began. Written once: an event is never changed after it is added.
    chain_prev: Mapped[str | None] = mapped_column(String(64))
    chain_hmac: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_audit_events_entity", "entity", "entity_id"),
        Index("ix_audit_events_at", "at"),
    )


class MachineRoomPass(Base):
    """A numbered IDC machine-room visitor pass (IDC机房访客证) in the front desk's pool."""

    __tablename__ = "machine_room_passes"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    added_by: Mapped[str] = mapped_column(String(80))
    # Lost or damaged passes leave the pool but stay on record; a number is never reused.
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    retired_by: Mapped[str | None] = mapped_column(String(80))
    retired_reason: Mapped[str | None] = mapped_column(String(200))


class PassLoan(Base):
    """One sign-out at the desk: a company staff member signs with their PIN for passes handed
    to named visitors. A deposit (押金) refers to the loan by its id."""

    __tablename__ = "pass_loans"

    id: Mapped[int] = mapped_column(primary_key=True)
    signed_by_staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    signed_by: Mapped[str] = mapped_column(String(60))  # the signer's name, as printed
    clerk: Mapped[str] = mapped_column(String(80))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    pass_count: Mapped[int] = mapped_column(Integer)


class PassLoanItem(Base):
    """One pass of a loan, for one named visitor, and when it came back."""

    __tablename__ = "pass_loan_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("pass_loans.id"))
    pass_id: Mapped[int] = mapped_column(ForeignKey("machine_room_passes.id"))
    pass_number: Mapped[str] = mapped_column(String(20))
    visitor_name: Mapped[str] = mapped_column(String(60))
    company: Mapped[str] = mapped_column(String(80), default="")
    id_type: Mapped[str | None] = mapped_column(String(30))
    id_hash: Mapped[str | None] = mapped_column(String(64))
    id_last_four: Mapped[str | None] = mapped_column(String(4))
    id_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())  # the loan's, for the period query
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    received_by: Mapped[str | None] = mapped_column(String(80))

    loan: Mapped[PassLoan] = relationship()

    __table_args__ = (
        Index("ix_pass_loan_items_issued_at", "issued_at"),
        Index("ix_pass_loan_items_pass_id_returned_at", "pass_id", "returned_at"),
        Index("ix_pass_loan_items_loan_id", "loan_id"),
    )


class PassStrayReturn(Base):
    """A pass handed back with no sign-out on record (收回但无发出记录), for the reconciliation."""

    __tablename__ = "pass_stray_returns"

    id: Mapped[int] = mapped_column(primary_key=True)
    pass_number: Mapped[str] = mapped_column(String(20))
    returned_at: Mapped[datetime] = mapped_column(UTCDateTime())
    received_by: Mapped[str] = mapped_column(String(80))

    __table_args__ = (Index("ix_pass_stray_returns_returned_at", "returned_at"),)


class PassReconciliationRecord(Base):
    """The weekday 09:00 sheet (机房访客证核对表), frozen at the first signature."""

    __tablename__ = "pass_reconciliations"

    id: Mapped[int] = mapped_column(primary_key=True)
    due_on: Mapped[date] = mapped_column(Date, unique=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    issued: Mapped[str] = mapped_column(Text)  # JSON list of pass numbers
    returned: Mapped[str] = mapped_column(Text)
    frozen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    counted: Mapped[int | None] = mapped_column(Integer)
    desk_signed_by: Mapped[str | None] = mapped_column(String(60))
    desk_signed_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    desk_signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    guard_signed_by: Mapped[str | None] = mapped_column(String(60))
    guard_signed_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    guard_signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    print_job_id: Mapped[int | None] = mapped_column(ForeignKey("print_jobs.id"))
    # A signature given after the sheet's own day (a missed day signed late) says why.
    desk_late_reason: Mapped[str | None] = mapped_column(String(200))
    guard_late_reason: Mapped[str | None] = mapped_column(String(200))


class PassDiscrepancy(Base):
    """One discrepancy a reconciliation found; open until a supervisor resolves it with a note."""

    __tablename__ = "pass_discrepancies"

    id: Mapped[int] = mapped_column(primary_key=True)
    reconciliation_id: Mapped[int] = mapped_column(ForeignKey("pass_reconciliations.id"))
    kind: Mapped[DiscrepancyKind] = mapped_column(_enum(DiscrepancyKind, "pass_discrepancy_kind"))
    pass_number: Mapped[str | None] = mapped_column(String(20))
    loan_item_id: Mapped[int | None] = mapped_column(ForeignKey("pass_loan_items.id"))
    detail: Mapped[str] = mapped_column(String(200), default="")
    found_at: Mapped[datetime] = mapped_column(UTCDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolved_by: Mapped[str | None] = mapped_column(String(80))
    resolution_note: Mapped[str | None] = mapped_column(String(200))

    reconciliation: Mapped[PassReconciliationRecord] = relationship()

    __table_args__ = (
        Index("ix_pass_discrepancies_resolved_at", "resolved_at"),
        Index("ix_pass_discrepancies_reconciliation_id", "reconciliation_id"),
    )


class PassSheetReminder(Base):
    """A working day whose sheet was not signed by [desk] reconciliation_alert_at: the duty
    supervisor was alerted, once (the row is written in the same transaction as the audit event)."""

    __tablename__ = "pass_sheet_reminders"

    id: Mapped[int] = mapped_column(primary_key=True)
    due_on: Mapped[date] = mapped_column(Date, unique=True)
    alerted_at: Mapped[datetime] = mapped_column(UTCDateTime())


class WorkCalendarOverride(Base):
    """The site's word on a day over the official calendar: a closure or a holiday the library
    lacks (holiday), a make-up working day (workday). Cancelled with a reason, never deleted; one
    standing override a day (the service checks it, writers taking turns)."""

    __tablename__ = "work_calendar_overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[DayKind] = mapped_column(_enum(DayKind, "work_day_kind"))
    note: Mapped[str] = mapped_column(String(60))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    added_by: Mapped[str] = mapped_column(String(80))
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancelled_by: Mapped[str | None] = mapped_column(String(80))
    cancel_reason: Mapped[str | None] = mapped_column(String(200))


def _card_kind() -> Enum:
    # CardKind's values are the numbers written on cards; the table stores its readable name.
    return Enum(
        CardKind,
        name="card_kind",
        values_callable=lambda e: [m.name.lower() for m in e],
        native_enum=False,
        create_constraint=True,
        length=20,
        validate_strings=True,
    )


class PhysicalCard(Base):
    """Every card we encoded (IDC identity cards, visitor cards, machine-room passes), one row per
    issue: the one place that says whether a presented card is still good.

    A card number is taken (status ``issuing``) before the card is written, so a number is never
    used twice even if the write fails (the row becomes ``void``).
    """

    __tablename__ = "cards"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[CardKind] = mapped_column(_card_kind())
    number: Mapped[int]
    label: Mapped[str] = mapped_column(String(20), unique=True)
    technology: Mapped[str] = mapped_column(String(30))
    uid: Mapped[str | None] = mapped_column(String(20), index=True)  # hex; None on a stripe
    status: Mapped[CardStatus] = mapped_column(_enum(CardStatus, "card_status"), index=True)
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime())
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime())
    holder: Mapped[str] = mapped_column(String(80), default="")
    reference: Mapped[str] = mapped_column(String(40), default="")  # e.g. "idc_application:7"
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    status_changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status_note: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (UniqueConstraint("kind", "number", name="uq_cards_kind_number"),)


class IdcCardApplication(Base):
    """An IDC identity-verification card application (《IDC身份校验卡申请表》) and its card.

    The holder's ID number is kept as everywhere else: keyed hash, last four, sealed copy.
    """

    __tablename__ = "idc_card_applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    form_number: Mapped[str] = mapped_column(String(40), unique=True)
    company: Mapped[str] = mapped_column(String(80), index=True)
    holder_name: Mapped[str] = mapped_column(String(60))
    holder_mobile: Mapped[str] = mapped_column(String(20))
    id_type: Mapped[str] = mapped_column(String(30))
    id_hash: Mapped[str] = mapped_column(String(64), index=True)
    id_last_four: Mapped[str] = mapped_column(String(4))
    id_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    letter_reference: Mapped[str] = mapped_column(String(60))
    areas: Mapped[str] = mapped_column(String(1000))  # JSON list of machine rooms / cages
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime())
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[ApplicationStatus] = mapped_column(
        _enum(ApplicationStatus, "idc_application_status"), index=True
    )
    filed_by: Mapped[str] = mapped_column(String(80))  # the sales rep (staff actor label)
    filed_by_name: Mapped[str] = mapped_column(String(60))
    filed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_by: Mapped[str | None] = mapped_column(String(80))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decision_note: Mapped[str] = mapped_column(String(200), default="")
    card_id: Mapped[int | None] = mapped_column(ForeignKey("cards.id"))

    card: Mapped[PhysicalCard | None] = relationship()


class CardDelivery(Base):
    """One upload of a card's data (issued, revoked) to one access-control sink, retried with
    backoff until the sink acknowledges it."""

    __tablename__ = "card_deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id"), index=True)
    sink: Mapped[str] = mapped_column(String(40))
    event: Mapped[DeliveryEvent] = mapped_column(_enum(DeliveryEvent, "card_delivery_event"))
    data: Mapped[str] = mapped_column(Text)
    status: Mapped[DeliveryStatus] = mapped_column(_enum(DeliveryStatus, "card_delivery_status"))
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    card: Mapped[PhysicalCard] = relationship()

    __table_args__ = (Index("ix_card_deliveries_status_next_attempt_at", "status", "next_attempt_at"),)


class Payment(Base):
    """A receipt (收据) of money taken at the desk: a deposit or a fee collected for finance, or
    the refund of a deposit (``refund_of_id`` set). Amounts are positive whole fen."""

    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_number: Mapped[str] = mapped_column(String(20), unique=True)
    purpose: Mapped[ReceiptPurpose] = mapped_column(
        # Longer values than _enum's 20 characters ("decoration_pass_deposit").
        Enum(
            ReceiptPurpose,
            name="receipt_purpose",
            values_callable=lambda e: [m.value for m in e],
            native_enum=False,
            create_constraint=True,
            length=30,
            validate_strings=True,
        )
    )
    method: Mapped[PaymentMethod] = mapped_column(_enum(PaymentMethod, "payment_method"))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    payer: Mapped[str] = mapped_column(String(60))
    # The card or pass number a deposit is for, or the unit a fee is for.
    reference: Mapped[str] = mapped_column(String(40), default="", index=True)
    description: Mapped[str] = mapped_column(String(120), default="")
    # Unique: a deposit is refunded once, even with two desks trying at the same moment.
    refund_of_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"), unique=True)
    taken_by: Mapped[str] = mapped_column(String(80))
    clerk_name: Mapped[str] = mapped_column(String(60))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (
        Index("ix_payments_taken_by_taken_at", "taken_by", "taken_at"),
        Index("ix_payments_taken_at", "taken_at"),
    )


class DepositLink(Base):
    """What a deposit secures (#20 item 9): the pass of a loan, the card of a visit, or a permit.
    One per deposit; whether the item is back is read from the item's own record."""

    __tablename__ = "deposit_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), unique=True)
    item: Mapped[DepositItem] = mapped_column(_enum(DepositItem, "deposit_item"))
    pass_loan_item_id: Mapped[int | None] = mapped_column(ForeignKey("pass_loan_items.id"), index=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"), index=True)
    permit_id: Mapped[int | None] = mapped_column(ForeignKey("permits.id"), index=True)
    # The pass, card or permit number as the receipt names it.
    item_label: Mapped[str] = mapped_column(String(40))
    linked_at: Mapped[datetime] = mapped_column(UTCDateTime())
    linked_by: Mapped[str] = mapped_column(String(80))


class DepositDeduction(Base):
    """A deduction from a deposit recorded by finance, or its forfeit approved by a supervisor,
    with its printed note's number (from the receipt counter). Only ever added."""

    __tablename__ = "deposit_deductions"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), index=True)
    kind: Mapped[DeductionKind] = mapped_column(_enum(DeductionKind, "deduction_kind"))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(200))
    note_number: Mapped[str] = mapped_column(String(20), unique=True)
    recorded_by: Mapped[str] = mapped_column(String(80))
    recorded_by_name: Mapped[str] = mapped_column(String(60))
    approved_by: Mapped[str] = mapped_column(String(80), default="")
    approved_by_name: Mapped[str] = mapped_column(String(60), default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Handover(Base):
    """A shift handover (交接班记录表): the outgoing clerk writes and signs, the incoming clerk
    counts, checks and signs. Each signature keeps who, when, and a digest of what was signed."""

    __tablename__ = "handovers"

    id: Mapped[int] = mapped_column(primary_key=True)
    work_done: Mapped[str] = mapped_column(String(2000), default="")
    notes: Mapped[str] = mapped_column(String(2000), default="")
    outgoing: Mapped[str] = mapped_column(String(80))
    outgoing_name: Mapped[str] = mapped_column(String(60))
    outgoing_signed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    outgoing_digest: Mapped[str] = mapped_column(String(64))
    incoming: Mapped[str | None] = mapped_column(String(80))
    incoming_name: Mapped[str | None] = mapped_column(String(60))
    incoming_signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    incoming_digest: Mapped[str | None] = mapped_column(String(64))
    discrepancy_note: Mapped[str] = mapped_column(String(500), default="")


class HandoverItem(Base):
    """One kind of thing handed over: the outgoing clerk's count and the incoming clerk's."""

    __tablename__ = "handover_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"), index=True)
    kind: Mapped[HandoverItemKind] = mapped_column(_enum(HandoverItemKind, "handover_item_kind"))
    label: Mapped[str] = mapped_column(String(60), default="")
    handed: Mapped[int] = mapped_column(BigInteger)
    counted: Mapped[int | None] = mapped_column(BigInteger)


class OpenIssue(Base):
    """An open issue (遗留问题) recorded at a handover: on the lobby board until someone closes it."""

    __tablename__ = "open_issues"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(300))
    raised_by: Mapped[str] = mapped_column(String(80))
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime())
    handover_id: Mapped[int | None] = mapped_column(ForeignKey("handovers.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    closed_by: Mapped[str | None] = mapped_column(String(80))
    closing_note: Mapped[str] = mapped_column(String(200), default="")


class DutyLogEntry(Base):
    """One incident in the duty log (值班记录表): when, where, what happened, what was done, who."""

    __tablename__ = "duty_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    place: Mapped[str] = mapped_column(String(80))
    what: Mapped[str] = mapped_column(String(500))
    action_taken: Mapped[str] = mapped_column(String(500), default="")
    people: Mapped[str] = mapped_column(String(120), default="")
    recorded_by: Mapped[str] = mapped_column(String(80))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Complaint(Base):
    """A complaint or suggestion (投诉 / 建议) as the desk recorded it, who follows it up by when,
    the callback (回访) and the result it was closed with. Never deleted: closed, with a result."""

    __tablename__ = "complaints"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[ComplaintKind] = mapped_column(_enum(ComplaintKind, "complaint_kind"))
    source: Mapped[ComplaintSource] = mapped_column(_enum(ComplaintSource, "complaint_source"))
    subject: Mapped[ComplaintSubject] = mapped_column(_enum(ComplaintSubject, "complaint_subject"))
    complainant: Mapped[str] = mapped_column(String(60), default="")
    unit: Mapped[str] = mapped_column(String(40), default="")
    contact: Mapped[str] = mapped_column(String(60), default="")
    text: Mapped[str] = mapped_column(String(2000))
    responsible: Mapped[str] = mapped_column(String(60))
    due_on: Mapped[date] = mapped_column(Date)
    serious: Mapped[bool] = mapped_column(default=False)
    status: Mapped[ComplaintStatus] = mapped_column(_enum(ComplaintStatus, "complaint_status"))
    recorded_by: Mapped[str] = mapped_column(String(80))
    recorded_by_name: Mapped[str] = mapped_column(String(60))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    satisfaction: Mapped[Satisfaction | None] = mapped_column(_enum(Satisfaction, "satisfaction"))
    called_back_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    result: Mapped[str] = mapped_column(String(500), default="")
    closed_by: Mapped[str | None] = mapped_column(String(80))
    closed_by_name: Mapped[str] = mapped_column(String(60), default="")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    # The desk's lists and the board's counts: open ones by due date.
    __table_args__ = (Index("ix_complaints_status_due_on", "status", "due_on"),)


class ComplaintStep(Base):
    """One line of a complaint's timeline: recorded, followed up, reassigned, made serious, called
    back, closed; each dated and signed by the member who did it."""

    __tablename__ = "complaint_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), index=True)
    kind: Mapped[StepKind] = mapped_column(_enum(StepKind, "complaint_step_kind"))
    text: Mapped[str] = mapped_column(String(500), default="")
    satisfaction: Mapped[Satisfaction | None] = mapped_column(_enum(Satisfaction, "satisfaction"))
    done_by: Mapped[str] = mapped_column(String(80))
    done_by_name: Mapped[str] = mapped_column(String(60))
    done_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Resident(Base):
    """An owner (业主) or tenant (租户) of a unit, imported from the property-management system.

    The owner's phone is the number the desk calls before a tenant may take goods out.
    """

    __tablename__ = "residents"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[PartyKind] = mapped_column(_enum(PartyKind, "party_kind"))
    phone: Mapped[str] = mapped_column(String(30))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_residents_unit_name", "unit", "name", unique=True),)


class FeeLedgerEntry(Base):
    """One month of management fees of a unit and payer (the fee ledger), amounts in fen."""

    __tablename__ = "fee_ledger"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit: Mapped[str] = mapped_column(String(20))
    payer: Mapped[PartyKind] = mapped_column(_enum(PartyKind, "party_kind"))
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    due_fen: Mapped[int] = mapped_column(BigInteger)
    paid_fen: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Set when the desk took the payment (a receipt number); the next import from the
    # property-management system overwrites the row with its own figures.
    settled_by_receipt: Mapped[str | None] = mapped_column(String(20))

    __table_args__ = (Index("ix_fee_ledger_unit_payer_month", "unit", "payer", "month", unique=True),)


class OwnerCall(Base):
    """The desk's call to the owner before a tenant's slip: the answers, who phoned, when."""

    __tablename__ = "owner_calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit: Mapped[str] = mapped_column(String(20))
    tenant_name: Mapped[str] = mapped_column(String(60))
    owner_name: Mapped[str] = mapped_column(String(60))
    owner_phone: Mapped[str] = mapped_column(String(30))
    owner_knows: Mapped[bool]
    rent_owed: Mapped[bool]
    owner_items: Mapped[bool]  # some of the listed items are the owner's
    consent: Mapped[bool]
    note: Mapped[str] = mapped_column(String(200), default="")
    phoned_by: Mapped[str] = mapped_column(String(80))
    phoned_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_owner_calls_unit", "unit"),)


class DeskRegistration(Base):
    """A visit the desk registered for a walk-in (an elderly visitor, an official, someone without
    a phone): the clerk who registered them, and the resident named as the person visited
    (migration 0033). A kiosk's own visits have none."""

    __tablename__ = "desk_registrations"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), primary_key=True)
    registered_by: Mapped[str] = mapped_column(String(80))
    registered_by_name: Mapped[str] = mapped_column(String(60))
    # The resident visited, when the visitor named one of the unit's (the unit is the visit's host).
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"))
    resident_name: Mapped[str] = mapped_column(String(60), default="")


class VisitCall(Base):
    """The desk's call about a visit (对讲 intercom / 电话 phone): whom, on which number, what they
    said and who called (migration 0033). Only ever added; several per visit."""

    __tablename__ = "visit_calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), index=True)
    callee: Mapped[Callee] = mapped_column(_enum(Callee, "callee"))
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"))
    callee_name: Mapped[str] = mapped_column(String(60))
    channel: Mapped[CallChannel] = mapped_column(_enum(CallChannel, "call_channel"))
    number: Mapped[str] = mapped_column(String(20))
    answer: Mapped[CallAnswer] = mapped_column(_enum(CallAnswer, "call_answer"))
    note: Mapped[str] = mapped_column(String(200), default="")
    called_at: Mapped[datetime] = mapped_column(UTCDateTime())
    called_by: Mapped[str] = mapped_column(String(80))
    called_by_name: Mapped[str] = mapped_column(String(60))


class ReleaseSlipRecord(Base):
    """物品放行条 as issued: who, which unit, what may leave, and what the guard did with it.

    Only the ID document's type and last four are kept (the copy is not the desk's to keep).
    """

    __tablename__ = "release_slips"

    id: Mapped[int] = mapped_column(primary_key=True)
    slip_number: Mapped[str] = mapped_column(String(20), unique=True)
    party_kind: Mapped[PartyKind] = mapped_column(_enum(PartyKind, "party_kind"))
    unit: Mapped[str] = mapped_column(String(20))
    holder_name: Mapped[str] = mapped_column(String(60))
    id_type: Mapped[str] = mapped_column(String(30))
    id_last_four: Mapped[str] = mapped_column(String(4))
    items: Mapped[str] = mapped_column(Text)  # JSON [[name, quantity], ...]
    signed_name: Mapped[str] = mapped_column(String(60))
    owner_call_id: Mapped[int | None] = mapped_column(ForeignKey("owner_calls.id"))
    arrears_months: Mapped[int] = mapped_column(default=0)
    arrears_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    override_by: Mapped[str | None] = mapped_column(String(80))
    override_reason: Mapped[str | None] = mapped_column(String(200))
    issued_by: Mapped[str] = mapped_column(String(80))
    issued_by_name: Mapped[str] = mapped_column(String(60))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[SlipStatus] = mapped_column(_enum(SlipStatus, "slip_status"))
    checked_by: Mapped[str | None] = mapped_column(String(80))
    checked_by_name: Mapped[str | None] = mapped_column(String(60))
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    void_reason: Mapped[str | None] = mapped_column(String(200))
    # Random, made at issue and signed into the slip's code with the issue date (migration 0019):
    # a slip of the same number from a restored backup has another and its code fails. None for
    # slips issued before: their codes cover the number only.
    code_nonce: Mapped[str | None] = mapped_column(String(32))
    # When the guard stops accepting it (config desk.slip_valid_hours); None before 0019: the end
    # of the site day it was issued on.
    valid_until: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_release_slips_issued_at", "issued_at"),)


class RepairRequest(Base):
    """A repair request (报修) as the desk took it, its clocks, and where the work stands.

    The clocks (``arrive_by``, ``fix_by``) run from ``clock_started_at``: the taking, or the
    last reopening within the warranty (``cycle`` counts them); the steps of every cycle stay in
    ``repair_events``. The overdue round marks each clock alerted once per cycle. Never deleted:
    a cancelled request keeps its reason.
    """

    __tablename__ = "repair_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    unit: Mapped[str] = mapped_column(String(20), index=True)
    location: Mapped[str] = mapped_column(String(120), default="")
    caller_name: Mapped[str] = mapped_column(String(60))
    phone: Mapped[str] = mapped_column(String(30))
    what: Mapped[str] = mapped_column(String(300))
    category: Mapped[RepairCategory] = mapped_column(_enum(RepairCategory, "repair_category"))
    repair_class: Mapped[RepairClass] = mapped_column(_enum(RepairClass, "repair_class"))
    status: Mapped[RepairStatus] = mapped_column(_enum(RepairStatus, "repair_status"))
    taken_by: Mapped[str] = mapped_column(String(80))
    taken_by_name: Mapped[str] = mapped_column(String(60))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    cycle: Mapped[int] = mapped_column(default=1)
    clock_started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    arrive_by: Mapped[datetime | None] = mapped_column(UTCDateTime())  # urgent only
    fix_by: Mapped[datetime] = mapped_column(UTCDateTime())
    # None: not dispatched; "" contractor: the engineering department (工程部).
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    contractor: Mapped[str] = mapped_column(String(80), default="")
    engineer: Mapped[str] = mapped_column(String(60), default="")
    arrived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The last completion ever, kept across a reopen: the warranty counts from it.
    last_completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    signed_off_by: Mapped[str] = mapped_column(String(60), default="")
    signed_off_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    satisfaction: Mapped[Satisfaction | None] = mapped_column(_enum(Satisfaction, "satisfaction"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")
    # Each clock of the current cycle alerts the duty supervisor once (set by the overdue round).
    arrival_alerted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    fix_alerted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # A request taken again after the warranty of this earlier one ended.
    follows_id: Mapped[int | None] = mapped_column(ForeignKey("repair_requests.id"))

    # The board (every refresh) and the overdue round read the open requests by status.
    __table_args__ = (Index("ix_repair_requests_status_fix_by", "status", "fix_by"),)


class RepairEvent(Base):
    """One step of a repair request: taken, dispatched, arrived, completed, signed off, called
    back, reopened, cancelled, a clock overdue; who and when. Only ever added."""

    __tablename__ = "repair_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("repair_requests.id"), index=True)
    cycle: Mapped[int] = mapped_column(default=1)
    kind: Mapped[RepairEventKind] = mapped_column(_enum(RepairEventKind, "repair_event_kind"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(80))
    actor_name: Mapped[str] = mapped_column(String(60), default="")
    note: Mapped[str] = mapped_column(String(300), default="")
    satisfaction: Mapped[Satisfaction | None] = mapped_column(_enum(Satisfaction, "satisfaction"))
    clock: Mapped[RepairClock | None] = mapped_column(_enum(RepairClock, "repair_clock"))


class NewspaperSubscription(Base):
    """One unit's order of one newspaper or magazine (报刊订阅): copies an issue, the days it comes,
    from when to when. Never deleted: one stopped early keeps the last day it came and why."""

    __tablename__ = "newspaper_subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(String(60))
    # The bundle it is counted in (kiosk.domain.newspapers.title_key).
    title_key: Mapped[str] = mapped_column(String(60), index=True)
    frequency: Mapped[Frequency] = mapped_column(_enum(Frequency, "newspaper_frequency"))
    # Dailies and weeklies: bit 0 Monday ... bit 6 Sunday; monthlies: days of the month ("1,16").
    weekdays: Mapped[int] = mapped_column(default=0)
    month_days: Mapped[str] = mapped_column(String(20), default="")
    copies: Mapped[int]
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    supplier: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(80))
    created_by_name: Mapped[str] = mapped_column(String(60))
    stopped_on: Mapped[date | None] = mapped_column(Date)
    stop_reason: Mapped[str] = mapped_column(String(200), default="")
    stopped_by: Mapped[str] = mapped_column(String(80), default="")


class NewspaperDelivery(Base):
    """One title's bundle counted on one day (清点登记): what was expected then, what came."""

    __tablename__ = "newspaper_deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date)
    title_key: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(60))
    expected: Mapped[int]
    received: Mapped[int]
    arrived_late: Mapped[bool] = mapped_column(default=False)
    counted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    counted_by: Mapped[str] = mapped_column(String(80))
    counted_by_name: Mapped[str] = mapped_column(String(60))
    note: Mapped[str] = mapped_column(String(200), default="")

    # One count a title a day (a recount changes it, audited); the month's export reads by day.
    __table_args__ = (UniqueConstraint("day", "title_key"),)


class NewspaperShortfall(Base):
    """A title short or late on a day (到件不足 / 未按时送达), raised with the post office and
    followed until resolved; the server's round escalates one left open too long, once."""

    __tablename__ = "newspaper_shortfalls"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    title_key: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(60))
    supplier: Mapped[str] = mapped_column(String(40), default="")
    expected: Mapped[int]
    received: Mapped[int | None]  # None: not come at all (yet)
    copies_missing: Mapped[int]
    late: Mapped[bool] = mapped_column(default=False)
    status: Mapped[ShortfallStatus] = mapped_column(_enum(ShortfallStatus, "newspaper_shortfall_status"))
    noticed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    noticed_by: Mapped[str] = mapped_column(String(80))
    noticed_by_name: Mapped[str] = mapped_column(String(60))
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolved_by: Mapped[str] = mapped_column(String(80), default="")
    resolved_by_name: Mapped[str] = mapped_column(String(60), default="")
    resolution: Mapped[str] = mapped_column(String(200), default="")
    copies_made_good: Mapped[int] = mapped_column(default=0)

    # The board and the escalation round read the open ones, the oldest first.
    __table_args__ = (Index("ix_newspaper_shortfalls_status_noticed_at", "status", "noticed_at"),)


class NewspaperShortfallStep(Base):
    """One line of a shortfall's trail: noticed, counted again, each talk with the post office (who
    there, how, what they said), escalated, resolved; who at the desk and when. Only ever added."""

    __tablename__ = "newspaper_shortfall_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    shortfall_id: Mapped[int] = mapped_column(ForeignKey("newspaper_shortfalls.id"), index=True)
    kind: Mapped[ShortfallStepKind] = mapped_column(_enum(ShortfallStepKind, "newspaper_step_kind"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(80))
    actor_name: Mapped[str] = mapped_column(String(60), default="")
    contact_name: Mapped[str] = mapped_column(String(40), default="")
    method: Mapped[ContactMethod | None] = mapped_column(_enum(ContactMethod, "newspaper_contact_method"))
    note: Mapped[str] = mapped_column(String(200), default="")
    copies: Mapped[int | None]


class CourierCompany(Base):
    """A courier company the desk sends with (指定快递公司): the list its supervisors keep. Retired,
    not deleted: the items it carried stay on its statements."""

    __tablename__ = "courier_companies"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)  # SF, EMS, JD...
    name: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(default=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    added_by: Mapped[str] = mapped_column(String(80))


class CourierBatch(Base):
    """A batch of items handed to a courier (交寄), who signed for it with their name and a tick."""

    __tablename__ = "courier_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("courier_companies.id"))
    courier_name: Mapped[str] = mapped_column(String(60))
    handed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    handed_by: Mapped[str] = mapped_column(String(80))
    handed_by_name: Mapped[str] = mapped_column(String(60))


class CourierItem(Base):
    """One item a department sends (快递寄发登记): logged, handed over in a batch, or voided with
    its reason. Once handed over it is on the courier's bill and never edited again."""

    __tablename__ = "courier_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    status: Mapped[CourierItemStatus] = mapped_column(_enum(CourierItemStatus, "courier_item_status"))
    company_id: Mapped[int] = mapped_column(ForeignKey("courier_companies.id"))
    sender: Mapped[str] = mapped_column(String(60))
    department: Mapped[str] = mapped_column(String(60))
    addressee: Mapped[str] = mapped_column(String(60))
    destination: Mapped[str] = mapped_column(String(120))
    tracking_number: Mapped[str] = mapped_column(String(32), index=True)
    cost_fen: Mapped[int] = mapped_column(BigInteger)
    note: Mapped[str] = mapped_column(String(200), default="")
    logged_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    logged_by: Mapped[str] = mapped_column(String(80))
    logged_by_name: Mapped[str] = mapped_column(String(60))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("courier_batches.id"), index=True)
    # The batch's time, kept on the item: the month-end statement reads items by it.
    handed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    voided_by: Mapped[str] = mapped_column(String(80), default="")
    voided_by_name: Mapped[str] = mapped_column(String(60), default="")
    void_reason: Mapped[str] = mapped_column(String(200), default="")

    # The desk's "waiting for the courier" list, by company.
    __table_args__ = (Index("ix_courier_items_status_company_id", "status", "company_id"),)


class MailMovedOut(Base):
    """Someone who moved out (用户迁离): their mail is forwarded free for a month after
    ``moved_out_on`` (平邮转投), kept on the separate shelf otherwise, and the desk tells them once
    a week to collect (``last_told_at``). Closed (with its time) once nothing more is expected."""

    __tablename__ = "mail_moved_out"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    # The name's search key (kiosk.domain.names): mail logged for them is matched by it.
    name_key: Mapped[str] = mapped_column(String(KEY_MAX_CHARS), index=True)
    unit: Mapped[str] = mapped_column(String(20), default="")
    company: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    forward_address: Mapped[str] = mapped_column(String(200), default="")
    moved_out_on: Mapped[date] = mapped_column(Date)
    forward_until: Mapped[date] = mapped_column(Date)
    last_told_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    recorded_by: Mapped[str] = mapped_column(String(80))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class MailItem(Base):
    """A registered letter, parcel, parcel slip or money order (挂号邮件收发登记簿) as the desk
    signed for it, where it is, and how it left: handed out against the collector's ID type and
    last four (never the full number) or a staff PIN, forwarded, or returned (``mail_returns``).
    Never deleted; every step is in ``mail_events``."""

    __tablename__ = "mail_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[MailKind] = mapped_column(_enum(MailKind, "mail_kind"))
    carrier: Mapped[str] = mapped_column(String(40))
    tracking_number: Mapped[str] = mapped_column(String(40), index=True)
    addressee: Mapped[str] = mapped_column(String(60))
    addressee_key: Mapped[str] = mapped_column(String(KEY_MAX_CHARS), index=True)
    unit: Mapped[str] = mapped_column(String(20), default="")
    company: Mapped[str] = mapped_column(String(80), default="")
    host_id: Mapped[int | None] = mapped_column(ForeignKey("hosts.id"))
    moved_out_id: Mapped[int | None] = mapped_column(ForeignKey("mail_moved_out.id"), index=True)
    status: Mapped[MailStatus] = mapped_column(_enum(MailStatus, "mail_status"))
    shelf: Mapped[str] = mapped_column(String(20), default="")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    received_by: Mapped[str] = mapped_column(String(80))
    received_by_name: Mapped[str] = mapped_column(String(60))
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    damage: Mapped[str] = mapped_column(String(200), default="")
    damage_signed_by: Mapped[str] = mapped_column(String(60), default="")
    collector: Mapped[str] = mapped_column(String(10), default="")  # kiosk.domain.mail.Collector
    collector_name: Mapped[str] = mapped_column(String(60), default="")
    collector_id_type: Mapped[str] = mapped_column(String(20), default="")
    collector_id_last_four: Mapped[str] = mapped_column(String(4), default="")
    handed_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    handed_out_by_name: Mapped[str] = mapped_column(String(60), default="")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    # The board counts what waits, oldest first, on every refresh.
    __table_args__ = (Index("ix_mail_items_status_received_at", "status", "received_at"),)


class MailEvent(Base):
    """One step of an item's trail: received, notified, shelved, damaged, handed out, forwarded,
    returned; the clerk who recorded it and who signed. Only ever added."""

    __tablename__ = "mail_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("mail_items.id"), index=True)
    kind: Mapped[MailEventKind] = mapped_column(_enum(MailEventKind, "mail_event_kind"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(80))
    actor_name: Mapped[str] = mapped_column(String(60), default="")
    signer: Mapped[str] = mapped_column(String(60), default="")
    note: Mapped[str] = mapped_column(String(300), default="")


class MailReturn(Base):
    """A line of the returns register (挂号邮件退件登记簿): an item nobody claimed, sent back to
    the post office as undeliverable (盲信) after a supervisor approved."""

    __tablename__ = "mail_returns"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("mail_items.id"), unique=True)
    reason: Mapped[str] = mapped_column(String(200))
    approved_by: Mapped[str] = mapped_column(String(80))
    approved_by_name: Mapped[str] = mapped_column(String(60))
    returned_by: Mapped[str] = mapped_column(String(80))
    returned_by_name: Mapped[str] = mapped_column(String(60))
    returned_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class Station(Base):
    """A kiosk, desk or guard screen enrolled with this site server.

    Its credential is kept only as a SHA-256 hash (it is 256 random bits, so a slow hash buys
    nothing); a revoked station is refused at its next request.
    """

    __tablename__ = "stations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    role: Mapped[StationRole] = mapped_column(_enum(StationRole, "station_role"))
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    enrolled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_address: Mapped[str | None] = mapped_column(String(60))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class EnrolmentCode(Base):
    """A one-time code that enrols one station: valid ten minutes, used once (hash kept)."""

    __tablename__ = "enrolment_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class StationThrottle(Base):
    """A public station's wrong tries (invitation codes, badge codes, card taps, check-out names),
    kept by the server so a kiosk restart forgets nothing and servers sharing a database count
    together (kiosk.services.throttle). One row a station; no code or name that was tried."""

    __tablename__ = "station_throttles"

    station: Mapped[str] = mapped_column(String(40), primary_key=True)
    window_started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    failures: Mapped[int] = mapped_column(default=0)  # in the window
    streak: Mapped[int] = mapped_column(default=0)  # since the last quiet hour: the desk's alert
    waits: Mapped[int] = mapped_column(default=0)  # waits imposed in the streak: each one longer
    last_failure_at: Mapped[datetime] = mapped_column(UTCDateTime())
    blocked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    alerted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SiteKeyFingerprint(Base):
    """A fingerprint of one of the site's shared key files (an HMAC of a fixed label under the key,
    never the key), recorded by the first server that starts on this database: every server that
    shares the database must hold the same keys (kiosk.services.site_keys)."""

    __tablename__ = "site_key_fingerprints"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recorded_by: Mapped[str] = mapped_column(String(80))


class IdempotentReply(Base):
    """The answer to a submit, kept under the key its station sent, so a retried check-in, slip or
    payment is stored once and answered the same way again."""

    __tablename__ = "idempotent_replies"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    key: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(60))
    status_code: Mapped[int] = mapped_column()
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (UniqueConstraint("station_id", "key"),)


class LostItem(Base):
    """An item found in the building or left behind after a meeting (失物招领), where it is kept,
    and how it ended: claimed by its owner against their ID (its type and last four only) and
    signature, disposed of after the keep period with a supervisor's approval, or voided with
    the reason. Never deleted; the claimant's details are blanked after [retention]
    lost_found_days (kiosk.services.retention)."""

    __tablename__ = "lost_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    source: Mapped[LostItemSource] = mapped_column(_enum(LostItemSource, "lost_item_source"))
    category: Mapped[LostItemCategory] = mapped_column(_enum(LostItemCategory, "lost_item_category"))
    what: Mapped[str] = mapped_column(String(200))
    found_where: Mapped[str] = mapped_column(String(120))
    found_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    finder: Mapped[str] = mapped_column(String(60))
    kept_at: Mapped[str] = mapped_column(String(80))
    meeting: Mapped[str] = mapped_column(String(80), default="")
    room: Mapped[str] = mapped_column(String(40), default="")
    cash_fen: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[LostItemStatus] = mapped_column(_enum(LostItemStatus, "lost_item_status"))
    logged_at: Mapped[datetime] = mapped_column(UTCDateTime())
    logged_by: Mapped[str] = mapped_column(String(80))
    logged_by_name: Mapped[str] = mapped_column(String(60))
    claimant_name: Mapped[str] = mapped_column(String(60), default="")
    claimant_phone: Mapped[str] = mapped_column(String(30), default="")
    claimant_id_type: Mapped[str] = mapped_column(String(20), default="")
    claimant_id_last_four: Mapped[str] = mapped_column(String(4), default="")
    claimant_signed_name: Mapped[str] = mapped_column(String(60), default="")
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    handed_over_by: Mapped[str] = mapped_column(String(80), default="")
    handed_over_by_name: Mapped[str] = mapped_column(String(60), default="")
    disposal_method: Mapped[DisposalMethod | None] = mapped_column(_enum(DisposalMethod, "disposal_method"))
    disposal_note: Mapped[str] = mapped_column(String(200), default="")
    disposed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    disposed_by: Mapped[str] = mapped_column(String(80), default="")
    disposed_by_name: Mapped[str] = mapped_column(String(60), default="")
    approved_by: Mapped[str] = mapped_column(String(80), default="")
    approved_by_name: Mapped[str] = mapped_column(String(60), default="")
    void_reason: Mapped[str] = mapped_column(String(200), default="")
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    voided_by_name: Mapped[str] = mapped_column(String(60), default="")

    # The unclaimed list: items still held, found before the keep period's start.
    __table_args__ = (Index("ix_lost_items_status_found_at", "status", "found_at"),)


class KeySet(Base):
    """A set in the desk's key register (钥匙、门禁卡): its tag, what it opens, how many keys, where
    it hangs. Never deleted: a set no longer kept is retired with the reason; a lost key written
    off lowers ``key_count`` (audited)."""

    __tablename__ = "key_sets"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(40))
    opens: Mapped[str] = mapped_column(String(120))
    kind: Mapped[KeyKind] = mapped_column(_enum(KeyKind, "key_kind"))
    key_count: Mapped[int] = mapped_column(Integer)
    kept_at: Mapped[str] = mapped_column(String(60), default="")
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    added_by: Mapped[str] = mapped_column(String(80))
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    retired_by: Mapped[str | None] = mapped_column(String(80))
    retired_reason: Mapped[str] = mapped_column(String(200), default="")


class KeyLoan(Base):
    """Keys of one set lent to a named person against their ID (type and last four only) or staff
    number (工号), due back at ``due_at``. Open until every key lent is back or written off as
    lost (``closed_at``); the borrower's details are blanked after [retention] key_loans_days."""

    __tablename__ = "key_loans"

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("key_sets.id"), index=True)
    keys_lent: Mapped[int] = mapped_column(Integer)
    borrower: Mapped[str] = mapped_column(String(60))
    company: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    id_type: Mapped[str] = mapped_column(String(30), default="")
    id_last_four: Mapped[str] = mapped_column(String(4), default="")
    staff_number: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    lent_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    lent_by: Mapped[str] = mapped_column(String(80))
    lent_by_name: Mapped[str] = mapped_column(String(60))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    keys_back: Mapped[int] = mapped_column(Integer, default=0)
    keys_lost: Mapped[int] = mapped_column(Integer, default=0)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    # The board (every refresh) and the handover's count read the open loans.
    __table_args__ = (Index("ix_key_loans_closed_at_due_at", "closed_at", "due_at"),)


class KeyReturn(Base):
    """Keys of a loan taken back at the desk (by the clerk signed in), or written off as lost by
    a supervisor with the reason. Only ever added."""

    __tablename__ = "key_returns"

    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("key_loans.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    keys: Mapped[int] = mapped_column(Integer)
    lost: Mapped[bool] = mapped_column(default=False)
    received_by: Mapped[str] = mapped_column(String(80))
    received_by_name: Mapped[str] = mapped_column(String(60))
    note: Mapped[str] = mapped_column(String(200), default="")


class Permit(Base):
    """A permit the management office issued (管理处开具的凭据): a material permit (搬运材料凭据) lets
    goods in, an entry permit (出入证) a decoration worker or a delivery. Good on its days on the
    site's calendar until cancelled; never deleted (a cancelled one keeps its reason). Only the
    holder's ID document type and last four are kept."""

    __tablename__ = "permits"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[PermitKind] = mapped_column(_enum(PermitKind, "permit_kind"))
    status: Mapped[PermitStatus] = mapped_column(_enum(PermitStatus, "permit_status"))
    unit: Mapped[str] = mapped_column(String(20), default="")
    holder_name: Mapped[str] = mapped_column(String(60), default="")
    id_type: Mapped[str] = mapped_column(String(30), default="")
    id_last_four: Mapped[str] = mapped_column(String(4), default="")
    company: Mapped[str] = mapped_column(String(60), default="")
    materials: Mapped[str] = mapped_column(Text, default="[]")  # JSON [[name, quantity], ...]
    route: Mapped[PermitRoute | None] = mapped_column(_enum(PermitRoute, "permit_route"))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    # The end of valid_until on the site's clock, in UTC: the retention period counts from it
    # (or from the cancellation), without time-zone rules in SQL.
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    note: Mapped[str] = mapped_column(String(200), default="")
    # Random, signed into the QR with the issue time: a paper from a restored backup fails.
    code_nonce: Mapped[str] = mapped_column(String(32))
    issued_by: Mapped[str] = mapped_column(String(80))
    issued_by_name: Mapped[str] = mapped_column(String(60))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancelled_by: Mapped[str] = mapped_column(String(80), default="")
    cancelled_by_name: Mapped[str] = mapped_column(String(60), default="")
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")

    # The desk's list of current permits, and the purge, read them by their last day.
    __table_args__ = (Index("ix_permits_status_valid_until", "status", "valid_until"),)


class PermitEntry(Base):
    """A valid permit shown at the guard screen or the desk: let in, or refused with the reason
    (the goods differ from the permit...). Only ever added; refusals of invalid permits are in
    the audit trail."""

    __tablename__ = "permit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    permit_id: Mapped[int] = mapped_column(ForeignKey("permits.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    decision: Mapped[EntryDecision] = mapped_column(_enum(EntryDecision, "entry_decision"))
    by: Mapped[str] = mapped_column(String(80))
    by_name: Mapped[str] = mapped_column(String(60))
    note: Mapped[str] = mapped_column(String(200), default="")


class DutyRoster(Base):
    """One month's duty roster (大堂助理值班表, kiosk.services.roster): drafted, submitted, approved
    by another supervisor, then frozen (migration 0034). ``shifts``: the shift words and hours it
    was drawn up with (JSON), kept with it so a later change of [roster] shifts leaves it as
    approved. Never deleted."""

    __tablename__ = "duty_rosters"

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[str] = mapped_column(String(7), unique=True)
    status: Mapped[RosterStatus] = mapped_column(_enum(RosterStatus, "roster_status"))
    shifts: Mapped[str] = mapped_column(Text)
    drafted_by: Mapped[str] = mapped_column(String(80))
    drafted_by_name: Mapped[str] = mapped_column(String(60))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    submitted_by_name: Mapped[str] = mapped_column(String(60), default="")
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_by: Mapped[str] = mapped_column(String(80), default="")
    approved_by_name: Mapped[str] = mapped_column(String(60), default="")
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    returned_reason: Mapped[str] = mapped_column(String(200), default="")


class DutyRosterCell(Base):
    """A person's shift on one day of a roster, as drafted (and, once approved, as approved: the
    swaps after it are their own rows). A person works at most one shift a day."""

    __tablename__ = "duty_roster_cells"

    id: Mapped[int] = mapped_column(primary_key=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("duty_rosters.id"))
    day: Mapped[date] = mapped_column(Date, index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    staff_name: Mapped[str] = mapped_column(String(60))
    shift: Mapped[str] = mapped_column(String(10))

    __table_args__ = (UniqueConstraint("roster_id", "day", "staff_id"),)


class DutyRosterSwap(Base):
    """A change to an approved roster (换班): one day's shift given from one person to another,
    with the supervisor who agreed and the reason. Only ever added; applied in id order."""

    __tablename__ = "duty_roster_swaps"

    id: Mapped[int] = mapped_column(primary_key=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("duty_rosters.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    shift: Mapped[str] = mapped_column(String(10))
    from_staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    from_name: Mapped[str] = mapped_column(String(60))
    to_staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    to_name: Mapped[str] = mapped_column(String(60))
    reason: Mapped[str] = mapped_column(String(200))
    agreed_by: Mapped[str] = mapped_column(String(80))
    agreed_by_name: Mapped[str] = mapped_column(String(60))
    recorded_by: Mapped[str] = mapped_column(String(80))
    recorded_by_name: Mapped[str] = mapped_column(String(60))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class VisitKindRecord(Base):
    """A visit's kind of person (seed 001's table), who had to approve it and how it was approved
    (migration 0032). A visit made before it has none: an outside visitor, its host approving."""

    __tablename__ = "visit_kinds"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id"), primary_key=True)
    kind: Mapped[VisitorKind] = mapped_column(_enum(VisitorKind, "visitor_kind"))
    required: Mapped[KindApprover] = mapped_column(_enum(KindApprover, "kind_approver"))
    # Checked in between [kiosk] night_starts and night_ends: the duty officer approves.
    night: Mapped[bool] = mapped_column(default=False)
    way: Mapped[ApprovalWay | None] = mapped_column(_enum(ApprovalWay, "approval_way"))
    # What the desk heard on the intercom or the phone (the call record may be joined to it).
    call_note: Mapped[str] = mapped_column(String(200), default="")
    # The duty officer told through the notifier: when, or why not.
    duty_notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    duty_notice_error: Mapped[str] = mapped_column(String(200), default="")

    # The board's banner reads the visits waiting for the duty officer.
    __table_args__ = (Index("ix_visit_kinds_required", "required"),)


class CompanyLeader(Base):
    """The company leaders the desk greets and lets through (非住户公司领导, seed 001's list): kept
    at the desk by supervisors, retired with a reason, never deleted."""

    __tablename__ = "company_leaders"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(40), default="")  # how the desk greets them: 王总
    company: Mapped[str] = mapped_column(String(80), default="")
    active: Mapped[bool] = mapped_column(default=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    added_by: Mapped[str] = mapped_column(String(80))
    added_by_name: Mapped[str] = mapped_column(String(60))
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    retired_by: Mapped[str] = mapped_column(String(80), default="")
    retire_reason: Mapped[str] = mapped_column(String(200), default="")


class Admission(Base):
    """A line of the visitor record (来人来访记录表) for someone let through on what they are, not
    a visit to a host: a resident without a card, a company leader, staff, a permit holder
    (migration 0032). Only ever added. A resident let in on the resident records gets a notice
    to the patrol guard (巡逻岗), followed up from the guard screen."""

    __tablename__ = "admissions"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[VisitorKind] = mapped_column(_enum(VisitorKind, "visitor_kind"))
    way: Mapped[ApprovalWay] = mapped_column(_enum(ApprovalWay, "approval_way"))
    name: Mapped[str] = mapped_column(String(60), default="")
    unit: Mapped[str] = mapped_column(String(20), default="")
    company: Mapped[str] = mapped_column(String(80), default="")
    # The leader's greeting, the work card's number, the permit's number.
    reference: Mapped[str] = mapped_column(String(40), default="")
    call_note: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("company_leaders.id"))
    permit_id: Mapped[int | None] = mapped_column(ForeignKey("permits.id"))
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"))
    night: Mapped[bool] = mapped_column(default=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    by: Mapped[str] = mapped_column(String(80))
    by_name: Mapped[str] = mapped_column(String(60))
    station: Mapped[str] = mapped_column(String(40), default="")
    patrol_notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    patrol_notice_error: Mapped[str] = mapped_column(String(200), default="")
    patrol_followed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    patrol_followed_by: Mapped[str] = mapped_column(String(60), default="")
    patrol_note: Mapped[str] = mapped_column(String(200), default="")

    # The guard screen and the board read the patrol notices not yet followed up.
    __table_args__ = (Index("ix_admissions_way_patrol_followed_at", "way", "patrol_followed_at"),)
