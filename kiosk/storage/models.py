"""The tables. Every change here comes with an Alembic migration (``kiosk db check`` tells)."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.staff import Role
from kiosk.domain.visit import Approver, VisitorType, VisitStatus
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
    active: Mapped[bool] = mapped_column(default=True)
    # Search keys for the kiosk's type-ahead: 张三 -> "zhangsan" and "zs".
    pinyin: Mapped[str] = mapped_column(String(200), default="")
    initials: Mapped[str] = mapped_column(String(60), default="")

    __table_args__ = (Index("ix_hosts_name", "name"),)


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

    host: Mapped[Host] = relationship()

    __table_args__ = (
        Index("ix_visits_status_checked_in_at", "status", "checked_in_at"),
        Index("ix_visits_checked_in_at", "checked_in_at"),
        Index("ix_visits_status_requested_at", "status", "requested_at"),
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

    host: Mapped[Host] = relationship()

    __table_args__ = (Index("ix_invitations_valid_from", "valid_from"),)


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
    """A message for a host (留言): from a declined visitor, or taken at the switchboard."""

    __tablename__ = "host_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    host_id: Mapped[int] = mapped_column(ForeignKey("hosts.id"))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"))
    caller_name: Mapped[str] = mapped_column(String(60))
    company: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    text: Mapped[str] = mapped_column(String(500), default="")
    recorded_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    relayed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    host: Mapped[Host] = relationship()


class WatchlistEntry(Base):
    """A person whose check-in is held for staff (寻衅闹事者 and the like): who, why, until when."""

    __tablename__ = "watchlist"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    company: Mapped[str] = mapped_column(String(80), default="")
    id_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    id_last_four: Mapped[str | None] = mapped_column(String(4))
    reason: Mapped[str] = mapped_column(String(200))
    added_by: Mapped[str] = mapped_column(String(80))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    active: Mapped[bool] = mapped_column(default=True)


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

    __table_args__ = (
        Index("ix_audit_events_entity", "entity", "entity_id"),
        Index("ix_audit_events_at", "at"),
    )
