"""What the desk and the server exchange about registered mail and parcels: plain values, returned
by the service and carried by the API as JSON. No full ID number anywhere: the type and the last
four characters only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kiosk.domain.mail import Collector, MailEventKind, MailKind, MailStatus
from kiosk.domain.views import PrintOutcome


@dataclass(frozen=True)
class MailEventView:
    """One step of an item's trail: what, when, the clerk who recorded it, and who signed (the
    clerk signing for it from the carrier, the shift leader, the collector...) or "" for none."""

    kind: MailEventKind
    at: datetime
    actor_name: str
    signer: str = ""
    note: str = ""


@dataclass(frozen=True)
class MailRow:
    """An item in the desk's list."""

    item_id: int
    number: str
    kind: MailKind
    carrier: str
    tracking_number: str
    addressee: str
    unit: str
    status: MailStatus
    received_at: datetime
    shelf: str
    damaged: bool
    moved_out: bool


@dataclass(frozen=True)
class MailItemView:
    """An item with everything the desk shows: who it is for, where it is, its damage note, how it
    left, its whole trail and the last person who signed."""

    item_id: int
    number: str
    kind: MailKind
    carrier: str
    tracking_number: str
    addressee: str
    unit: str
    company: str
    host_id: int | None
    status: MailStatus
    received_at: datetime
    received_by_name: str
    shelf: str
    notified_at: datetime | None
    damage: str  # "" not damaged: the addressee is shown this when collecting
    damage_signed_by: str
    moved_out_id: int | None
    forward_until: date | None  # a moved-out addressee's free forwarding ends (inclusive)
    forward_address: str
    collector: Collector | None
    collector_name: str
    collector_id_type: str  # "" for staff (their PIN signed)
    collector_id_last_four: str
    handed_out_at: datetime | None
    handed_out_by_name: str
    return_number: str  # "" not returned
    return_reason: str
    return_approved_by: str
    last_signer: str
    events: tuple[MailEventView, ...]


@dataclass(frozen=True)
class MailLogged:
    """An item logged: as it is now, and its label on the way to this desk's printer."""

    item: MailItemView
    printed: PrintOutcome
    notified: bool = False  # an e-mail went to the addressee (a member of the staff directory)


@dataclass(frozen=True)
class MailReturnRow:
    """A line of the returns register (挂号邮件退件登记簿)."""

    return_number: str
    item_number: str
    kind: MailKind
    tracking_number: str
    addressee: str
    unit: str
    received_at: datetime
    returned_at: datetime
    reason: str
    approved_by: str
    returned_by: str


@dataclass(frozen=True)
class MovedOutView:
    """Someone who moved out (用户迁离): forwarded free until ``forward_until``, their mail on the
    separate shelf meanwhile and after, told once a week to collect."""

    moved_out_id: int
    name: str
    unit: str
    company: str
    phone: str
    forward_address: str
    moved_out_on: date
    forward_until: date
    last_told_at: datetime | None
    waiting: int  # items on the shelf for them
    closed: bool
