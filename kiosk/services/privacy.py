"""A person's request about their data (PIPL): find their records, export them, erase them.

The desk finds a person's records by name, compared as the watchlist compares names
(kiosk.domain.names: 張 三 is 张三), narrowed by the mobile, the ID's last four or a date. Each
record found has a reference (``visit:123``, ``invitation:45``) that the export and the erasure
take, so what is erased is exactly what the supervisor chose, never a namesake's. A record is
found under every person it names: a message under its caller and the resident it was for, a
repair request under its caller and whoever signed the work off, a complaint under the person
who complained, a letter under its addressee and its collector, a lost item under its finder and
its claimant, a courier item under its sender and its addressee.

The erasure blanks what the purge would blank (kiosk.services.retention's rules, applied to
these rows instead of to rows past an age), with what goes with a record: a visit's print jobs,
messages and visitor card, a pass's discrepancies, a slip's or a receipt's printed copy, an IDC
application's card and its uploads, a repair's work orders and its steps' notes, a complaint's
steps, a message's printed slip, a mail item's label and trail notes, a key loan's returns, a
permit's printed copy and gate checks. The books stay (numbers, dates, amounts, which staff
acted; a courier's month-end statement).
An open record (a visitor on site, waiting or held, a card or pass not back, a deposit not
refunded, a slip still valid, an invitation still to come, a repair not yet called back or
cancelled, a complaint not closed, a parcel waiting, a moved-out record open, a lost item held,
a key out, a permit still valid, a courier item not yet handed over) is refused with the reason:
nothing is changed until it is closed. Watchlist entries are not a person's to see or erase: a
supervisor removes an entry at the watchlist, and the purge then takes it.

Both are audited with the references and counts only; the events name no one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, exists, func, inspect, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from kiosk.domain.calls import Callee
from kiosk.domain.cards import CardStatus
from kiosk.domain.complaints import ComplaintStatus
from kiosk.domain.courier import CourierItemStatus
from kiosk.domain.credential import CardKind
from kiosk.domain.idc_cards import ApplicationStatus, DeliveryStatus
from kiosk.domain.lost_found import LostItemStatus
from kiosk.domain.mail import MailEventKind, MailStatus
from kiosk.domain.money import format_yuan
from kiosk.domain.names import name_key
from kiosk.domain.permits import PermitStatus
from kiosk.domain.phone_messages import message_number
from kiosk.domain.release_slip import SlipStatus
from kiosk.domain.visit import VisitStatus
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.desk_visits import calls_of
from kiosk.services.payments import deducted_fen
from kiosk.services.phone_messages import recipient_of
from kiosk.services.retention import (
    DEPOSITS,
    PERSONAL_MAIL_EVENTS,
    PERSONAL_REPAIR_STEPS,
    REPAIR_DONE,
    rule,
)
from kiosk.storage.database import Sessions
from kiosk.storage.models import (
    Base,
    CardDelivery,
    Complaint,
    ComplaintStep,
    CourierBatch,
    CourierCompany,
    CourierItem,
    DepositDeduction,
    DepositLink,
    DeskRegistration,
    HostMessage,
    IdcCardApplication,
    Invitation,
    KeyLoan,
    KeyReturn,
    KeySet,
    LostItem,
    MailEvent,
    MailItem,
    MailMovedOut,
    MailReturn,
    PassDiscrepancy,
    PassLoanItem,
    Payment,
    Permit,
    PermitEntry,
    PhysicalCard,
    PrintJob,
    ReleaseSlipRecord,
    RepairEvent,
    RepairRequest,
    Visit,
    VisitCall,
)

EXPORTED_ACTION = "privacy.exported"
ERASED_ACTION = "privacy.erased"
_CARD_RULES = {
    CardKind.VISITOR: "visitor_cards",
    CardKind.MACHINE_ROOM: "machine_room_cards",
    CardKind.IDC_IDENTITY: "idc_cards",
}
_REF = re.compile(r"^([a-z_]+):([0-9]{1,18})$")


class PrivacyError(ValueError):
    """A request refused, with what to do; nothing was changed. The message names records by
    reference and number only."""


@dataclass(frozen=True)
class Query:
    """Whose records: a name (any spelling the name key makes one), optionally narrowed."""

    name: str
    # Digits: four compare with a stored mobile's last four, more with the whole of it.
    mobile: str = ""
    id_last_four: str = ""
    since: date | None = None


@dataclass(frozen=True)
class Found:
    """One record about the person, as the desk lists it (mobile masked, the ID's last four)."""

    ref: str
    record: str
    number: str
    at: datetime
    status: str
    name: str
    details: str
    # Why it cannot be erased yet and what to do; "" when it can.
    open: str = ""


@dataclass(frozen=True)
class ErasedCount:
    kind: str
    rows: int
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Erasure:
    refs: tuple[str, ...]
    counts: tuple[ErasedCount, ...]
    dry_run: bool

    @property
    def total(self) -> int:
        return sum(c.rows for c in self.counts)


def masked_mobile(mobile: str | None) -> str:
    digits = re.sub(r"\D", "", mobile or "")
    return f"****{digits[-4:]}" if digits else ""


def _digits(text: str | None) -> str:
    return re.sub(r"\D", "", text or "")


@dataclass
class _Context:
    """What one request's look-ups share: the session, the time, the zone, the name keys made."""

    session: Session
    now: datetime
    zone: tzinfo
    keys: dict[str, str] = field(default_factory=dict)

    def key(self, name: str) -> str:
        if name not in self.keys:
            self.keys[name] = name_key(name)
        return self.keys[name]

    def when(self, at: datetime | None) -> str | None:
        return None if at is None else at.astimezone(self.zone).isoformat(timespec="seconds")


@dataclass(frozen=True)
class _Named:
    """A person a record names: the column of their name, and the mobile and the ID's last four
    stored for them (which narrow a search by their name), if any."""

    name: InstrumentedAttribute[str]
    mobile: InstrumentedAttribute[Any] | None = None
    last_four: InstrumentedAttribute[Any] | None = None


def _narrowed(row: Any, query: Query, person: _Named) -> bool:
    # A record without the mobile (or the ID) stays listed: the desk decides with what it shows.
    if query.mobile and person.mobile is not None:
        stored = _digits(getattr(row, person.mobile.key))
        typed = _digits(query.mobile)
        if stored and not (stored.endswith(typed) if len(typed) == 4 else stored == typed):
            return False
    if query.id_last_four and person.last_four is not None:
        stored = getattr(row, person.last_four.key)
        if stored and stored.upper() != query.id_last_four.upper():
            return False
    return True


class _Kind:
    """One kind of record a person's name is on: how it is found, shown, exported, checked and
    erased. ``erase`` gives the retention rules' kinds and the row ids each blanks."""

    prefix: ClassVar[str]
    record: ClassVar[str]
    model: ClassVar[type[Base]]

    def __init__(
        self,
        name: InstrumentedAttribute[str],
        at: InstrumentedAttribute[datetime],
        mobile: InstrumentedAttribute[Any] | None = None,
        last_four: InstrumentedAttribute[Any] | None = None,
        others: tuple[InstrumentedAttribute[str] | _Named, ...] = (),
    ) -> None:
        # Kept on the instance: a model's column set on another class would act as a descriptor.
        self.name, self.at = name, at
        # Other people the record names (a message's recipient, who signed a repair off): found
        # by their name too, narrowed only by a mobile or ID stored for them (a _Named), never by
        # the first person's.
        self.people = (
            _Named(name, mobile, last_four),
            *(o if isinstance(o, _Named) else _Named(o) for o in others),
        )

    def rows(self, ctx: _Context, query: Query, key: str) -> list[Any]:
        found: dict[int, Any] = {}
        for person in self.people:
            column = person.name
            # The names as stored, each keyed once: a key is not in the database (only the
            # watchlist keeps one), and there are far fewer names than rows.
            names = [n for n in ctx.session.scalars(select(column).distinct()) if n and ctx.key(n) == key]
            if not names:
                continue
            statement = select(self.model).where(column.in_(names))
            if query.since is not None:
                statement = statement.where(self.at >= datetime.combine(query.since, time(), ctx.zone))
            rows: list[Any] = list(ctx.session.scalars(statement))
            for row in rows:
                if _narrowed(row, query, person):
                    found.setdefault(row.id, row)
        return sorted(found.values(), key=lambda row: (getattr(row, self.at.key), row.id))

    def found(self, ctx: _Context, row: Any) -> Found:
        number, status, details = self.describe(ctx, row)
        parts = [*details]
        for person in self.people:
            if person.mobile is not None and getattr(row, person.mobile.key):
                parts.append(f"mobile {masked_mobile(getattr(row, person.mobile.key))}")
            if person.last_four is not None and getattr(row, person.last_four.key):
                parts.append(f"ID last four {getattr(row, person.last_four.key)}")
        return Found(
            f"{self.prefix}:{row.id}",
            self.record,
            number,
            getattr(row, self.at.key),
            status,
            getattr(row, self.name.key),
            # Each once: two names may share a mobile and an ID (a claimant and their signature).
            "; ".join(dict.fromkeys(p for p in parts if p)),
            self.open(ctx, row),
        )

    def describe(self, ctx: _Context, row: Any) -> tuple[str, str, list[str]]:
        raise NotImplementedError

    def export(self, ctx: _Context, row: Any) -> dict[str, object]:
        raise NotImplementedError

    def open(self, ctx: _Context, row: Any) -> str:
        return ""

    def erase(self, ctx: _Context, rows: Sequence[Any]) -> dict[str, set[int]]:
        raise NotImplementedError


def _jobs(ctx: _Context, document: str, references: Iterable[str]) -> set[int]:
    """The print jobs of these documents (a slip's, a receipt's copy...)."""
    refs = sorted(set(references))
    if not refs:
        return set()
    return set(
        ctx.session.scalars(
            select(PrintJob.id).where(PrintJob.document == document, PrintJob.reference.in_(refs))
        )
    )


class _Visits(_Kind):
    prefix, record, model = "visit", "visit", Visit

    def __init__(self) -> None:
        super().__init__(Visit.visitor_name, Visit.requested_at, Visit.mobile, Visit.id_last_four)

    # A visit the desk registered names the resident visited, and its calls the resident called:
    # the visit is found under them too (and erased whole, as a message under its recipient).
    _RESIDENTS = (
        (DeskRegistration.resident_name, select(DeskRegistration.visit_id)),
        (VisitCall.callee_name, select(VisitCall.visit_id).where(VisitCall.callee == Callee.RESIDENT)),
    )

    def rows(self, ctx: _Context, query: Query, key: str) -> list[Any]:
        found = {row.id: row for row in super().rows(ctx, query, key)}
        for column, visit_ids in self._RESIDENTS:
            names = [n for n in ctx.session.scalars(select(column).distinct()) if n and ctx.key(n) == key]
            if not names:
                continue
            statement = select(Visit).where(Visit.id.in_(visit_ids.where(column.in_(names))))
            if query.since is not None:
                statement = statement.where(
                    Visit.requested_at >= datetime.combine(query.since, time(), ctx.zone)
                )
            for row in ctx.session.scalars(statement):
                found.setdefault(row.id, row)
        return sorted(found.values(), key=lambda row: (row.requested_at, row.id))

    def describe(self, ctx: _Context, row: Visit) -> tuple[str, str, list[str]]:
        card = f"visitor card {row.card_number}" if row.card_number else ""
        registration = ctx.session.get(DeskRegistration, row.id)
        desk = ""
        if registration is not None:
            desk = f"registered at the desk by {registration.registered_by_name}"
            if registration.resident_name:
                desk += f", visiting resident {registration.resident_name}"
        calls = calls_of(ctx.session, [row.id]).get(row.id, [])
        called = "; ".join(f"desk called {c.callee_name}" for c in calls if c.callee is Callee.RESIDENT)
        return (
            row.badge_number or "(no badge)",
            row.status.value,
            [f"host {row.host.name}", row.company, card, desk, called],
        )

    def export(self, ctx: _Context, row: Visit) -> dict[str, object]:
        messages = ctx.session.scalars(select(HostMessage).where(HostMessage.visit_id == row.id)).all()
        registration = ctx.session.get(DeskRegistration, row.id)
        calls = calls_of(ctx.session, [row.id]).get(row.id, [])
        return {
            "badge number": row.badge_number,
            "name": row.visitor_name,
            "company": row.company,
            "visitor type": row.visitor_type.value,
            "mobile": row.mobile,
            "permit number": row.permit_number,
            "ID type": row.id_type,
            "ID number, last four": row.id_last_four,
            "purpose": row.purpose,
            "party size": row.party_size,
            "host": row.host.name,
            "status": row.status.value,
            "requested at": ctx.when(row.requested_at),
            "declaration accepted at": ctx.when(row.declaration_accepted_at),
            "decided at": ctx.when(row.decided_at),
            "decision note": row.decision_note,
            "checked in at": ctx.when(row.checked_in_at),
            "checked out at": ctx.when(row.checked_out_at),
            "visitor card": row.card_number,
            "messages left for the host": [m.text for m in messages],
            "registered at the desk by": registration.registered_by_name if registration else None,
            "resident visited": registration.resident_name if registration else None,
            "calls the desk made": [
                {
                    "at": ctx.when(c.called_at),
                    "how": c.channel.value,
                    "to": c.callee_name,
                    "number": c.number,
                    "answer": c.answer.value,
                    "note": c.note,
                    "called by": c.called_by,
                }
                for c in calls
            ],
        }

    def open(self, ctx: _Context, row: Visit) -> str:
        badge = row.badge_number or f"visit {row.id}"
        if row.status is VisitStatus.ON_SITE:
            return f"{badge}: the visitor is on site; check them out first"
        if row.status is VisitStatus.PENDING:
            return (
                f"visit {row.id}: waiting for the host's answer; decline it (or approve and check out) first"
            )
        if row.status is VisitStatus.HELD:
            return f"visit {row.id}: held at the watchlist; decide it at the desk first"
        if row.card_number and row.card_returned_at is None:
            return f"{badge}: visitor card {row.card_number} is not back; take it back at the desk first"
        return ""

    def erase(self, ctx: _Context, rows: Sequence[Visit]) -> dict[str, set[int]]:
        ids = [r.id for r in rows]
        s = ctx.session
        messages = set(s.scalars(select(HostMessage.id).where(HostMessage.visit_id.in_(ids))))
        return {
            "visits": set(ids),
            "host_messages": messages,
            # The desk's calls (whom, the number, what they said) and the resident visited.
            "visit_calls": set(s.scalars(select(VisitCall.id).where(VisitCall.visit_id.in_(ids)))),
            "desk_registrations": set(
                s.scalars(select(DeskRegistration.visit_id).where(DeskRegistration.visit_id.in_(ids)))
            ),
            # The badges, and the message slips printed for the host.
            "print_jobs": set(s.scalars(select(PrintJob.id).where(PrintJob.visit_id.in_(ids))))
            | _jobs(ctx, "phone-message", (message_number(i) for i in messages)),
            # The visitor card's row names its holder (kiosk.services.visitor_cards).
            "visitor_cards": set(
                s.scalars(
                    select(PhysicalCard.id).where(
                        PhysicalCard.kind == CardKind.VISITOR,
                        PhysicalCard.reference.in_([f"visit {i}" for i in ids]),
                    )
                )
            ),
        }


class _Messages(_Kind):
    prefix, record, model = "message", "message for a host", HostMessage

    def __init__(self) -> None:
        # The person asking may be the one it was for: a resident, or a name typed as heard (a
        # member of the staff directory is not: they are named by the directory, not the message).
        super().__init__(
            HostMessage.caller_name,
            HostMessage.created_at,
            HostMessage.phone,
            others=(HostMessage.recipient_name,),
        )

    def describe(self, ctx: _Context, row: HostMessage) -> tuple[str, str, list[str]]:
        status = {"open": "not relayed", "passed_on": "relayed"}.get(row.status.value, row.status.value)
        visit = f"visit:{row.visit_id}" if row.visit_id else ""
        return message_number(row.id), status, [f"for {recipient_of(row)}", row.company, visit]

    def export(self, ctx: _Context, row: HostMessage) -> dict[str, object]:
        return {
            "number": message_number(row.id),
            "left at": row.source.value,
            "name": row.caller_name,
            "company": row.company,
            "phone": row.phone,
            "extension": row.extension,
            "city": row.city,
            "message": row.text,
            "asked for": row.caller_request.value,
            "for": recipient_of(row),
            "received at": ctx.when(row.received_at),
            "written down at": ctx.when(row.created_at),
            "relayed at": ctx.when(row.relayed_at),
            "relayed how": row.relay_method.value if row.relay_method else None,
            "relay note": row.relay_note,
            "cancelled at": ctx.when(row.cancelled_at),
        }

    def erase(self, ctx: _Context, rows: Sequence[HostMessage]) -> dict[str, set[int]]:
        return {
            "host_messages": {r.id for r in rows},
            "print_jobs": _jobs(ctx, "phone-message", (message_number(r.id) for r in rows)),
        }


class _Invitations(_Kind):
    prefix, record, model = "invitation", "invitation", Invitation

    def __init__(self) -> None:
        super().__init__(Invitation.visitor_name, Invitation.valid_from, Invitation.mobile)

    def describe(self, ctx: _Context, row: Invitation) -> tuple[str, str, list[str]]:
        if row.cancelled:
            status = "cancelled"
        elif row.visit_id is not None:
            status = "used"
        else:
            status = "expired" if row.valid_until <= ctx.now else "valid"
        return row.code, status, [f"host {row.host.name}", row.company]

    def export(self, ctx: _Context, row: Invitation) -> dict[str, object]:
        return {
            "code": row.code,
            "name": row.visitor_name,
            "company": row.company,
            "mobile": row.mobile,
            "e-mail": row.email,
            "purpose": row.purpose,
            "party size": row.party_size,
            "host": row.host.name,
            "valid from": ctx.when(row.valid_from),
            "valid until": ctx.when(row.valid_until),
            "cancelled": row.cancelled,
            "visit": f"visit:{row.visit_id}" if row.visit_id else None,
        }

    def open(self, ctx: _Context, row: Invitation) -> str:
        if not row.cancelled and row.visit_id is None and row.valid_until > ctx.now:
            return f"invitation {row.code} is still valid; cancel it at the desk first"
        return ""

    def erase(self, ctx: _Context, rows: Sequence[Invitation]) -> dict[str, set[int]]:
        return {
            "invitations": {r.id for r in rows},
            "print_jobs": _jobs(ctx, "invitation", (r.code for r in rows)),
        }


class _Passes(_Kind):
    prefix, record, model = "pass", "machine-room pass", PassLoanItem

    def __init__(self) -> None:
        super().__init__(PassLoanItem.visitor_name, PassLoanItem.issued_at, None, PassLoanItem.id_last_four)

    def describe(self, ctx: _Context, row: PassLoanItem) -> tuple[str, str, list[str]]:
        return row.pass_number, "returned" if row.returned_at else "out", [row.company]

    def export(self, ctx: _Context, row: PassLoanItem) -> dict[str, object]:
        return {
            "pass number": row.pass_number,
            "name": row.visitor_name,
            "company": row.company,
            "ID type": row.id_type,
            "ID number, last four": row.id_last_four,
            "signed out at": ctx.when(row.issued_at),
            "signed out by": row.loan.signed_by,
            "returned at": ctx.when(row.returned_at),
        }

    def open(self, ctx: _Context, row: PassLoanItem) -> str:
        if row.returned_at is None:
            return f"pass {row.pass_number} is not back; receive it at the desk first"
        unresolved = ctx.session.scalar(
            select(
                exists().where(PassDiscrepancy.loan_item_id == row.id, PassDiscrepancy.resolved_at.is_(None))
            )
        )
        if unresolved:
            return f"pass {row.pass_number} has an unresolved discrepancy; resolve it at the reconciliation first"
        return ""

    def erase(self, ctx: _Context, rows: Sequence[PassLoanItem]) -> dict[str, set[int]]:
        ids = [r.id for r in rows]
        discrepancies = ctx.session.scalars(
            select(PassDiscrepancy.id).where(PassDiscrepancy.loan_item_id.in_(ids))
        )
        return {"pass_loans": set(ids), "pass_discrepancies": set(discrepancies)}


class _Slips(_Kind):
    prefix, record, model = "slip", "release slip", ReleaseSlipRecord

    def __init__(self) -> None:
        super().__init__(
            ReleaseSlipRecord.holder_name, ReleaseSlipRecord.issued_at, None, ReleaseSlipRecord.id_last_four
        )

    def describe(self, ctx: _Context, row: ReleaseSlipRecord) -> tuple[str, str, list[str]]:
        return row.slip_number, row.status.value, [f"unit {row.unit}"]

    def export(self, ctx: _Context, row: ReleaseSlipRecord) -> dict[str, object]:
        return {
            "slip number": row.slip_number,
            "holder": row.holder_name,
            "signed name": row.signed_name,
            "ID type": row.id_type,
            "ID number, last four": row.id_last_four,
            "unit": row.unit,
            "items": json.loads(row.items),
            "issued at": ctx.when(row.issued_at),
            "status": row.status.value,
            "checked at": ctx.when(row.checked_at),
            "void reason": row.void_reason,
        }

    def open(self, ctx: _Context, row: ReleaseSlipRecord) -> str:
        if row.status is SlipStatus.ISSUED and (row.valid_until is None or row.valid_until > ctx.now):
            until = f" (until {ctx.when(row.valid_until)})" if row.valid_until else ""
            return f"slip {row.slip_number} is still valid at the gate{until}; wait until the guard checks it or it expires"
        return ""

    def erase(self, ctx: _Context, rows: Sequence[ReleaseSlipRecord]) -> dict[str, set[int]]:
        return {
            "release_slips": {r.id for r in rows},
            "print_jobs": _jobs(ctx, "release-slip", (r.slip_number for r in rows)),
        }


def _card_open(ctx: _Context, card: PhysicalCard) -> str:
    if card.status in (CardStatus.ISSUING, CardStatus.ISSUED):
        return f"card {card.label} is out ({card.status.value}); take it back or revoke it first"
    pending = ctx.session.scalar(
        select(
            exists().where(
                CardDelivery.card_id == card.id, CardDelivery.status != DeliveryStatus.ACKNOWLEDGED
            )
        )
    )
    if pending:
        return f"card {card.label}: the access-control system has not confirmed its last change; wait for it (the server retries)"
    return ""


def _card_targets(ctx: _Context, cards: Sequence[PhysicalCard]) -> dict[str, set[int]]:
    targets: dict[str, set[int]] = {"card_deliveries": set(), "print_jobs": set()}
    for card in cards:
        targets.setdefault(_CARD_RULES[card.kind], set()).add(card.id)
    ids = [c.id for c in cards]
    targets["card_deliveries"] |= set(
        ctx.session.scalars(select(CardDelivery.id).where(CardDelivery.card_id.in_(ids)))
    )
    targets["print_jobs"] |= _jobs(ctx, "card-issue", (c.label for c in cards))
    return targets


class _IdcApplications(_Kind):
    prefix, record, model = "idc", "IDC card application", IdcCardApplication

    def __init__(self) -> None:
        super().__init__(
            IdcCardApplication.holder_name,
            IdcCardApplication.filed_at,
            IdcCardApplication.holder_mobile,
            IdcCardApplication.id_last_four,
        )

    def describe(self, ctx: _Context, row: IdcCardApplication) -> tuple[str, str, list[str]]:
        card = f"card {row.card.label}" if row.card else ""
        return row.form_number, row.status.value, [row.company, card]

    def export(self, ctx: _Context, row: IdcCardApplication) -> dict[str, object]:
        return {
            "form number": row.form_number,
            "holder": row.holder_name,
            "mobile": row.holder_mobile,
            "company": row.company,
            "ID type": row.id_type,
            "ID number, last four": row.id_last_four,
            "areas": json.loads(row.areas),
            "valid from": ctx.when(row.valid_from),
            "valid until": ctx.when(row.valid_until),
            "status": row.status.value,
            "filed at": ctx.when(row.filed_at),
            "decided at": ctx.when(row.decided_at),
            "decision note": row.decision_note,
            "card": row.card.label if row.card else None,
        }

    def open(self, ctx: _Context, row: IdcCardApplication) -> str:
        if row.status in (ApplicationStatus.FILED, ApplicationStatus.APPROVED):
            return f"application {row.form_number} is {row.status.value}; reject it first"
        if row.status is ApplicationStatus.ISSUED:
            return f"application {row.form_number}: its card is in use; revoke the card first"
        return _card_open(ctx, row.card) if row.card is not None else ""

    def erase(self, ctx: _Context, rows: Sequence[IdcCardApplication]) -> dict[str, set[int]]:
        targets = _card_targets(ctx, [r.card for r in rows if r.card is not None])
        targets["idc_applications"] = {r.id for r in rows}
        return targets


class _Cards(_Kind):
    prefix, record, model = "card", "card", PhysicalCard

    def __init__(self) -> None:
        super().__init__(PhysicalCard.holder, PhysicalCard.created_at)

    def describe(self, ctx: _Context, row: PhysicalCard) -> tuple[str, str, list[str]]:
        return row.label, row.status.value, [f"{row.kind.value} card", row.reference]

    def export(self, ctx: _Context, row: PhysicalCard) -> dict[str, object]:
        return {
            "card": row.label,
            "kind": row.kind.value,
            "holder": row.holder,
            "valid from": ctx.when(row.valid_from),
            "valid until": ctx.when(row.valid_until),
            "issued at": ctx.when(row.issued_at),
            "status": row.status.value,
        }

    def open(self, ctx: _Context, row: PhysicalCard) -> str:
        return _card_open(ctx, row)

    def erase(self, ctx: _Context, rows: Sequence[PhysicalCard]) -> dict[str, set[int]]:
        return _card_targets(ctx, rows)


class _Receipts(_Kind):
    prefix, record, model = "receipt", "receipt", Payment

    def __init__(self) -> None:
        super().__init__(Payment.payer, Payment.taken_at)

    def describe(self, ctx: _Context, row: Payment) -> tuple[str, str, list[str]]:
        return row.receipt_number, row.purpose.value, [f"{row.amount_fen / 100:.2f} yuan", row.description]

    def export(self, ctx: _Context, row: Payment) -> dict[str, object]:
        return {
            "receipt number": row.receipt_number,
            "payer": row.payer,
            "purpose": row.purpose.value,
            "amount (yuan)": f"{row.amount_fen / 100:.2f}",
            "method": row.method.value,
            "description": row.description,
            "taken at": ctx.when(row.taken_at),
            # A deposit's item (a pass, card or permit number) and finance's deductions with why.
            "secures": ctx.session.scalar(
                select(DepositLink.item_label).where(DepositLink.payment_id == row.id)
            ),
            "deductions": [
                {
                    "note number": d.note_number,
                    "kind": d.kind.value,
                    "amount (yuan)": f"{d.amount_fen / 100:.2f}",
                    "reason": d.reason,
                    "recorded at": ctx.when(d.recorded_at),
                }
                for d in self._deductions(ctx, [row.id])
            ],
        }

    def open(self, ctx: _Context, row: Payment) -> str:
        if row.purpose in DEPOSITS and row.refund_of_id is None:
            refunded = ctx.session.scalar(select(exists().where(Payment.refund_of_id == row.id)))
            # Forfeited, or deducted in full: settled, nothing is owed to the payer any more.
            settled = deducted_fen(ctx.session, row.id) >= row.amount_fen
            if not refunded and not settled:
                return f"receipt {row.receipt_number} is a deposit not yet refunded; refund it first"
        return ""

    def erase(self, ctx: _Context, rows: Sequence[Payment]) -> dict[str, set[int]]:
        deductions = self._deductions(ctx, [r.id for r in rows])
        return {
            "payments": {r.id for r in rows},
            # A deduction's reason may name the payer; its printed note names them and says why.
            "deposit_deductions": {d.id for d in deductions},
            "print_jobs": _jobs(ctx, "receipt", (r.receipt_number for r in rows))
            | _jobs(ctx, "deposit-note", (d.note_number for d in deductions)),
        }

    @staticmethod
    def _deductions(ctx: _Context, ids: list[int]) -> list[DepositDeduction]:
        return list(
            ctx.session.scalars(
                select(DepositDeduction)
                .where(DepositDeduction.payment_id.in_(ids))
                .order_by(DepositDeduction.id)
            )
        )


class _Repairs(_Kind):
    prefix, record, model = "repair", "repair request", RepairRequest

    def __init__(self) -> None:
        super().__init__(
            RepairRequest.caller_name,
            RepairRequest.taken_at,
            RepairRequest.phone,
            others=(RepairRequest.signed_off_by,),
        )

    def describe(self, ctx: _Context, row: RepairRequest) -> tuple[str, str, list[str]]:
        return row.number, row.status.value, [f"unit {row.unit}", row.category.value]

    def export(self, ctx: _Context, row: RepairRequest) -> dict[str, object]:
        steps = ctx.session.scalars(
            select(RepairEvent).where(RepairEvent.request_id == row.id).order_by(RepairEvent.id)
        )
        return {
            "request number": row.number,
            "unit": row.unit,
            "where": row.location,
            "caller": row.caller_name,
            "phone": row.phone,
            "what needs repairing": row.what,
            "category": row.category.value,
            "class": row.repair_class.value,
            "status": row.status.value,
            "taken at": ctx.when(row.taken_at),
            "completed at": ctx.when(row.last_completed_at),
            "signed off by": row.signed_off_by,
            "satisfaction": row.satisfaction.value if row.satisfaction else None,
            "closed at": ctx.when(row.closed_at),
            "cancel reason": row.cancel_reason,
            # The timeline with what was said at each step; who on the staff did it is theirs.
            "steps": [
                {
                    "step": e.kind.value,
                    "at": ctx.when(e.at),
                    "note": e.note,
                    "satisfaction": e.satisfaction.value if e.satisfaction else None,
                }
                for e in steps
            ],
        }

    def open(self, ctx: _Context, row: RepairRequest) -> str:
        if row.status not in REPAIR_DONE:
            return (
                f"repair {row.number} is {row.status.value}: the desk still works on it or calls the "
                "caller back; close it (the callback) or cancel it first"
            )
        return ""

    def erase(self, ctx: _Context, rows: Sequence[RepairRequest]) -> dict[str, set[int]]:
        ids = [r.id for r in rows]
        steps = ctx.session.scalars(
            select(RepairEvent.id).where(
                RepairEvent.request_id.in_(ids), RepairEvent.kind.in_(PERSONAL_REPAIR_STEPS)
            )
        )
        return {
            "repairs": set(ids),
            "repair_events": set(steps),
            # The work orders printed name the caller and their phone.
            "print_jobs": _jobs(ctx, "work-order", (r.number for r in rows)),
        }


class _Complaints(_Kind):
    prefix, record, model = "complaint", "complaint", Complaint

    def __init__(self) -> None:
        super().__init__(Complaint.complainant, Complaint.recorded_at, Complaint.contact)

    def describe(self, ctx: _Context, row: Complaint) -> tuple[str, str, list[str]]:
        unit = f"unit {row.unit}" if row.unit else ""
        return row.number, row.status.value, [f"{row.kind.value} about {row.subject.value}", unit]

    def export(self, ctx: _Context, row: Complaint) -> dict[str, object]:
        steps = ctx.session.scalars(
            select(ComplaintStep).where(ComplaintStep.complaint_id == row.id).order_by(ComplaintStep.id)
        )
        return {
            "number": row.number,
            "kind": row.kind.value,
            "made by": row.source.value,
            "subject": row.subject.value,
            "name": row.complainant,
            "unit": row.unit,
            "contact": row.contact,
            "what was said": row.text,
            "recorded at": ctx.when(row.recorded_at),
            "due on": row.due_on.isoformat(),
            "status": row.status.value,
            "called back at": ctx.when(row.called_back_at),
            "satisfaction": row.satisfaction.value if row.satisfaction else None,
            "result": row.result,
            "closed at": ctx.when(row.closed_at),
            "steps": [
                {
                    "step": s.kind.value,
                    "at": ctx.when(s.done_at),
                    "text": s.text,
                    "satisfaction": s.satisfaction.value if s.satisfaction else None,
                }
                for s in steps
            ],
        }

    def open(self, ctx: _Context, row: Complaint) -> str:
        if row.status is not ComplaintStatus.CLOSED:
            return f"complaint {row.number} is open; close it with its result first"
        return ""

    def erase(self, ctx: _Context, rows: Sequence[Complaint]) -> dict[str, set[int]]:
        ids = [r.id for r in rows]
        steps = ctx.session.scalars(select(ComplaintStep.id).where(ComplaintStep.complaint_id.in_(ids)))
        return {"complaints": set(ids), "complaint_steps": set(steps)}


# --- the desk's registers (#19, #20 item 7): their people, found, exported and erased alike -------


class _Mail(_Kind):
    prefix, record, model = "mail", "registered mail", MailItem

    def __init__(self) -> None:
        # The addressee, and whoever collected it (often them: the ID shown was the collector's).
        super().__init__(
            MailItem.addressee,
            MailItem.received_at,
            others=(_Named(MailItem.collector_name, None, MailItem.collector_id_last_four),),
        )

    def describe(self, ctx: _Context, row: MailItem) -> tuple[str, str, list[str]]:
        unit = f"unit {row.unit}" if row.unit else ""
        collected = f"collected by {row.collector_name}" if row.collector_name else ""
        return (
            row.number,
            row.status.value,
            [f"{row.kind.value}, {row.carrier} {row.tracking_number}", unit, row.company, collected],
        )

    def export(self, ctx: _Context, row: MailItem) -> dict[str, object]:
        events = ctx.session.scalars(
            select(MailEvent).where(MailEvent.item_id == row.id).order_by(MailEvent.id)
        )
        returned = ctx.session.scalar(select(MailReturn.reason).where(MailReturn.item_id == row.id))
        return {
            "number": row.number,
            "kind": row.kind.value,
            "carrier": row.carrier,
            "tracking number": row.tracking_number,
            "addressee": row.addressee,
            "unit": row.unit,
            "company": row.company,
            "status": row.status.value,
            "received at": ctx.when(row.received_at),
            "shelf": row.shelf,
            "damage": row.damage,
            "collected by": row.collector_name,
            "collector's ID type": row.collector_id_type,
            "collector's ID number, last four": row.collector_id_last_four,
            "handed out at": ctx.when(row.handed_out_at),
            "returned to the post office because": returned,
            # The trail; a return's note names the approving supervisor, who is theirs.
            "trail": [
                {
                    "step": e.kind.value,
                    "at": ctx.when(e.at),
                    "note": "" if e.kind is MailEventKind.RETURNED else e.note,
                }
                for e in events
            ],
        }

    def open(self, ctx: _Context, row: MailItem) -> str:
        if row.status is MailStatus.WAITING:
            shelf = f" (shelf {row.shelf})" if row.shelf else ""
            return f"mail {row.number} waits at the desk{shelf}; hand it out, forward it or return it first"
        return ""

    def erase(self, ctx: _Context, rows: Sequence[MailItem]) -> dict[str, set[int]]:
        ids = [r.id for r in rows]
        events = ctx.session.scalars(
            select(MailEvent.id).where(MailEvent.item_id.in_(ids), MailEvent.kind.in_(PERSONAL_MAIL_EVENTS))
        )
        return {
            "mail_items": set(ids),
            "mail_events": set(events),
            # The label stuck on the parcel names the addressee.
            "print_jobs": _jobs(ctx, "mail-label", (r.number for r in rows)),
        }


class _MovedOut(_Kind):
    prefix, record, model = "moved_out", "moved out (mail)", MailMovedOut

    def __init__(self) -> None:
        super().__init__(MailMovedOut.name, MailMovedOut.recorded_at, MailMovedOut.phone)

    def describe(self, ctx: _Context, row: MailMovedOut) -> tuple[str, str, list[str]]:
        return (
            f"unit {row.unit}" if row.unit else "—",
            "closed" if row.closed_at else "open",
            [row.company, f"moved out {row.moved_out_on.isoformat()}"],
        )

    def export(self, ctx: _Context, row: MailMovedOut) -> dict[str, object]:
        return {
            "name": row.name,
            "unit": row.unit,
            "company": row.company,
            "phone": row.phone,
            "forwarding address": row.forward_address,
            "moved out on": row.moved_out_on.isoformat(),
            "mail forwarded free until": row.forward_until.isoformat(),
            "last told to collect at": ctx.when(row.last_told_at),
            "recorded at": ctx.when(row.recorded_at),
            "closed at": ctx.when(row.closed_at),
        }

    def open(self, ctx: _Context, row: MailMovedOut) -> str:
        if row.closed_at is not None:
            return ""
        waiting = ctx.session.scalar(
            select(func.count(MailItem.id)).where(
                MailItem.moved_out_id == row.id, MailItem.status == MailStatus.WAITING
            )
        )
        return (
            f"moved-out record of unit {row.unit or '—'}: the desk still keeps and forwards their mail "
            f"({waiting} item(s) waiting); close it on the Registered mail page first"
        )

    def erase(self, ctx: _Context, rows: Sequence[MailMovedOut]) -> dict[str, set[int]]:
        return {"mail_moved_out": {r.id for r in rows}}


class _LostItems(_Kind):
    prefix, record, model = "lost", "lost and found item", LostItem

    def __init__(self) -> None:
        # The finder, and the owner who claimed it (their phone and ID are theirs alone).
        super().__init__(
            LostItem.finder,
            LostItem.found_at,
            others=(
                _Named(LostItem.claimant_name, LostItem.claimant_phone, LostItem.claimant_id_last_four),
                # The name they signed with: theirs too, narrowed alike.
                _Named(
                    LostItem.claimant_signed_name, LostItem.claimant_phone, LostItem.claimant_id_last_four
                ),
            ),
        )

    def describe(self, ctx: _Context, row: LostItem) -> tuple[str, str, list[str]]:
        claimed = f"claimed by {row.claimant_name}" if row.claimant_name else ""
        return row.number, row.status.value, [row.what, f"found at {row.found_where}", claimed]

    def export(self, ctx: _Context, row: LostItem) -> dict[str, object]:
        return {
            "number": row.number,
            "what": row.what,
            "category": row.category.value,
            "found where": row.found_where,
            "found at": ctx.when(row.found_at),
            "meeting": row.meeting,
            "room": row.room,
            "cash (yuan)": format_yuan(row.cash_fen) if row.cash_fen is not None else None,
            "found by": row.finder,
            "kept at": row.kept_at,
            "status": row.status.value,
            "claimed by": row.claimant_name,
            "claimant's phone": row.claimant_phone,
            "claimant's ID type": row.claimant_id_type,
            "claimant's ID number, last four": row.claimant_id_last_four,
            "signed as": row.claimant_signed_name,
            "claimed at": ctx.when(row.claimed_at),
            "disposed of how": row.disposal_method.value if row.disposal_method else None,
            "disposal note": row.disposal_note,
            "disposed of at": ctx.when(row.disposed_at),
            "void reason": row.void_reason,
        }

    def open(self, ctx: _Context, row: LostItem) -> str:
        if row.status is LostItemStatus.HELD:
            return (
                f"item {row.number} is still held at the desk (it may go back to its owner or its "
                "finder); hand it over, dispose of it or void it first"
            )
        return ""

    def erase(self, ctx: _Context, rows: Sequence[LostItem]) -> dict[str, set[int]]:
        # Its printed tag names no one (kiosk.domain.lost_found.LostItemTag).
        return {"lost_items": {r.id for r in rows}}


class _KeyLoans(_Kind):
    prefix, record, model = "key_loan", "key loan", KeyLoan

    def __init__(self) -> None:
        super().__init__(KeyLoan.borrower, KeyLoan.lent_at, KeyLoan.phone, KeyLoan.id_last_four)

    def describe(self, ctx: _Context, row: KeyLoan) -> tuple[str, str, list[str]]:
        keys = ctx.session.get_one(KeySet, row.set_id)
        staff = f"staff number {row.staff_number}" if row.staff_number else ""
        return (
            keys.label,
            "closed" if row.closed_at else "open",
            [row.company, f"{row.keys_lent} of {keys.opens}", staff],
        )

    def export(self, ctx: _Context, row: KeyLoan) -> dict[str, object]:
        keys = ctx.session.get_one(KeySet, row.set_id)
        returns = ctx.session.scalars(
            select(KeyReturn).where(KeyReturn.loan_id == row.id).order_by(KeyReturn.id)
        )
        return {
            "keys": keys.label,
            "opens": keys.opens,
            "keys lent": row.keys_lent,
            "borrower": row.borrower,
            "company": row.company,
            "phone": row.phone,
            "ID type": row.id_type,
            "ID number, last four": row.id_last_four,
            "staff number": row.staff_number,
            "note": row.note,
            "lent at": ctx.when(row.lent_at),
            "due back at": ctx.when(row.due_at),
            "keys back": row.keys_back,
            "keys lost": row.keys_lost,
            "closed at": ctx.when(row.closed_at),
            "returns": [
                {"at": ctx.when(r.at), "keys": r.keys, "lost": r.lost, "note": r.note} for r in returns
            ],
        }

    def open(self, ctx: _Context, row: KeyLoan) -> str:
        if row.closed_at is None:
            out = row.keys_lent - row.keys_back - row.keys_lost
            label = ctx.session.get_one(KeySet, row.set_id).label
            return (
                f"key loan of {label}: {out} key(s) still out; take them back (or a supervisor "
                "writes them off as lost) first"
            )
        return ""

    def erase(self, ctx: _Context, rows: Sequence[KeyLoan]) -> dict[str, set[int]]:
        ids = [r.id for r in rows]
        returns = ctx.session.scalars(select(KeyReturn.id).where(KeyReturn.loan_id.in_(ids)))
        return {"key_loans": set(ids), "key_returns": set(returns)}


class _Permits(_Kind):
    prefix, record, model = "permit", "permit", Permit

    def __init__(self) -> None:
        super().__init__(Permit.holder_name, Permit.issued_at, None, Permit.id_last_four)

    def describe(self, ctx: _Context, row: Permit) -> tuple[str, str, list[str]]:
        unit = f"unit {row.unit}" if row.unit else ""
        return row.number, row.status.value, [f"{row.kind.value} permit", unit, row.company]

    def export(self, ctx: _Context, row: Permit) -> dict[str, object]:
        entries = ctx.session.scalars(
            select(PermitEntry).where(PermitEntry.permit_id == row.id).order_by(PermitEntry.id)
        )
        return {
            "number": row.number,
            "kind": row.kind.value,
            "holder": row.holder_name,
            "ID type": row.id_type,
            "ID number, last four": row.id_last_four,
            "company": row.company,
            "unit": row.unit,
            "materials": json.loads(row.materials),
            "route": row.route.value if row.route else None,
            "valid from": row.valid_from.isoformat(),
            "valid until": row.valid_until.isoformat(),
            "note": row.note,
            "issued at": ctx.when(row.issued_at),
            "status": row.status.value,
            "cancelled at": ctx.when(row.cancelled_at),
            "cancel reason": row.cancel_reason,
            "shown at the gate": [
                {"at": ctx.when(e.at), "decision": e.decision.value, "note": e.note} for e in entries
            ],
        }

    def open(self, ctx: _Context, row: Permit) -> str:
        if row.status is PermitStatus.ISSUED and row.ends_at > ctx.now:
            return (
                f"permit {row.number} is valid until {row.valid_until.isoformat()}; the office cancels "
                "it, or wait until that day is over"
            )
        return ""

    def erase(self, ctx: _Context, rows: Sequence[Permit]) -> dict[str, set[int]]:
        ids = [r.id for r in rows]
        entries = ctx.session.scalars(select(PermitEntry.id).where(PermitEntry.permit_id.in_(ids)))
        return {
            "permits": set(ids),
            "permit_entries": set(entries),
            "print_jobs": _jobs(ctx, "permit", (r.number for r in rows)),
        }


class _Courier(_Kind):
    prefix, record, model = "courier", "outgoing courier item", CourierItem

    def __init__(self) -> None:
        # The sender (who asked the desk to send it) and the addressee; no phone is kept.
        super().__init__(CourierItem.sender, CourierItem.logged_at, others=(CourierItem.addressee,))

    def describe(self, ctx: _Context, row: CourierItem) -> tuple[str, str, list[str]]:
        company = ctx.session.get_one(CourierCompany, row.company_id)
        return (
            row.number,
            row.status.value,
            [row.department, f"to {row.addressee}", f"{company.code} {row.tracking_number}"],
        )

    def export(self, ctx: _Context, row: CourierItem) -> dict[str, object]:
        company = ctx.session.get_one(CourierCompany, row.company_id)
        return {
            "number": row.number,
            "sender": row.sender,
            "department": row.department,
            "addressee": row.addressee,
            "destination": row.destination,
            "courier company": company.name,
            "tracking number": row.tracking_number,
            "cost (yuan)": format_yuan(row.cost_fen),
            "note": row.note,
            "status": row.status.value,
            "logged at": ctx.when(row.logged_at),
            "handed to the courier at": ctx.when(row.handed_at),
            "voided at": ctx.when(row.voided_at),
            "void reason": row.void_reason,
        }

    def open(self, ctx: _Context, row: CourierItem) -> str:
        if row.status is CourierItemStatus.LOGGED:
            return f"courier item {row.number} waits for the courier; hand it over or void it first"
        return ""

    def erase(self, ctx: _Context, rows: Sequence[CourierItem]) -> dict[str, set[int]]:
        # The month-end statement prints departments' counts and costs: no print job names them.
        return {"courier_items": {r.id for r in rows}}


class _CourierBatches(_Kind):
    prefix, record, model = "courier_batch", "courier's batch", CourierBatch

    def __init__(self) -> None:
        super().__init__(CourierBatch.courier_name, CourierBatch.handed_at)

    def describe(self, ctx: _Context, row: CourierBatch) -> tuple[str, str, list[str]]:
        company = ctx.session.get_one(CourierCompany, row.company_id)
        return row.number, "handed over", [company.name, f"{len(self._items(ctx, row))} item(s)"]

    def export(self, ctx: _Context, row: CourierBatch) -> dict[str, object]:
        company = ctx.session.get_one(CourierCompany, row.company_id)
        return {
            "batch number": row.number,
            "courier": row.courier_name,
            "courier company": company.name,
            "signed for at": ctx.when(row.handed_at),
            "items": self._items(ctx, row),
        }

    @staticmethod
    def _items(ctx: _Context, row: CourierBatch) -> list[str]:
        return list(
            ctx.session.scalars(
                select(CourierItem.number).where(CourierItem.batch_id == row.id).order_by(CourierItem.id)
            )
        )

    def erase(self, ctx: _Context, rows: Sequence[CourierBatch]) -> dict[str, set[int]]:
        return {"courier_batches": {r.id for r in rows}}


KINDS: dict[str, _Kind] = {
    k.prefix: k
    for k in (
        _Visits(),
        _Messages(),
        _Invitations(),
        _Passes(),
        _Slips(),
        _IdcApplications(),
        _Cards(),
        _Receipts(),
        _Repairs(),
        _Complaints(),
        _Mail(),
        _MovedOut(),
        _LostItems(),
        _KeyLoans(),
        _Permits(),
        _Courier(),
        _CourierBatches(),
    )
}


def parse_refs(refs: Iterable[str]) -> dict[str, list[int]]:
    """``visit:123 card:7`` -> {"visit": [123], "card": [7]}; PrivacyError naming a bad one."""
    chosen: dict[str, list[int]] = {}
    for ref in refs:
        match = _REF.match(ref.strip())
        if match is None or match[1] not in KINDS:
            raise PrivacyError(
                f"{ref[:40]!r} is not a record reference (KIND:NUMBER, KIND one of {', '.join(KINDS)}; "
                "`kiosk privacy find` lists them)"
            )
        ids = chosen.setdefault(match[1], [])
        if int(match[2]) not in ids:
            ids.append(int(match[2]))
    if not chosen:
        raise PrivacyError("no record reference given")
    return chosen


class PrivacyService:
    """See the module's docstring. An administrator's, on the server machine (``kiosk privacy``)."""

    def __init__(self, sessions: Sessions, clock: Clock, zone: tzinfo) -> None:
        self._sessions = sessions
        self._clock = clock
        self._zone = zone

    def find(self, query: Query) -> list[Found]:
        with self._sessions.reads() as session:
            ctx = _Context(session, self._clock.now(), self._zone)
            return [KINDS[prefix].found(ctx, row) for prefix, rows in self._find(ctx, query) for row in rows]

    def _find(self, ctx: _Context, query: Query) -> list[tuple[str, list[Any]]]:
        key = name_key(query.name)
        if not key:
            raise PrivacyError("give the person's name (--name): letters, not only spaces or punctuation")
        if query.id_last_four and not re.fullmatch(r"[0-9Xx]{4}", query.id_last_four):
            raise PrivacyError("--id-last-four: the ID number's last four characters (digits, or X last)")
        if query.mobile and len(_digits(query.mobile)) < 4:
            raise PrivacyError("--mobile: the mobile's last four digits, or the whole number")
        return [(k.prefix, k.rows(ctx, query, key)) for k in KINDS.values()]

    def refs(self, query: Query) -> list[str]:
        return [f.ref for f in self.find(query)]

    def export(self, refs: Sequence[str], actor: Actor, write: Callable[[bytes], None]) -> int:
        """What is stored about the person in the records ``refs``, as UTF-8 JSON handed to
        ``write`` (which writes the file); audited once written. How many records."""
        chosen = parse_refs(refs)
        with self._sessions.begin() as session:
            now = self._clock.now()
            ctx = _Context(session, now, self._zone)
            records: list[dict[str, object]] = []
            for prefix, rows in self._load(ctx, chosen):
                kind = KINDS[prefix]
                records += [
                    {"reference": f"{prefix}:{r.id}", "record": kind.record, **kind.export(ctx, r)}
                    for r in rows
                ]
            document = {
                "exported at": ctx.when(now),
                "about": "the records the site's front desk keeps about you, as stored",
                "ID numbers": "the ID number is kept sealed and is never exported; its last four are",
                "records": records,
            }
            write(json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
            # References and a count: the event that says data was handed out carries none.
            audit.record(
                session,
                actor,
                EXPORTED_ACTION,
                "privacy",
                _day(ctx),
                now,
                refs=[f"{p}:{i}" for p, ids in chosen.items() for i in ids],
                count=len(records),
            )
        return len(records)

    def erase(self, refs: Sequence[str], actor: Actor, dry_run: bool = False) -> Erasure:
        """Blank the personal fields of the records ``refs`` and what goes with them, as the
        purge blanks them; PrivacyError, nothing changed, if one is open or unknown."""
        chosen = parse_refs(refs)
        ordered = tuple(f"{p}:{i}" for p, ids in chosen.items() for i in ids)
        factory = self._sessions.reads if dry_run else self._sessions.begin
        with factory() as session:
            ctx = _Context(session, self._clock.now(), self._zone)
            loaded = self._load(ctx, chosen)
            refusals = [
                f"{p}:{r.id}: {why}" for p, rows in loaded for r in rows if (why := KINDS[p].open(ctx, r))
            ]
            if refusals:
                raise PrivacyError(f"nothing erased: {'; '.join(refusals)}")
            targets: dict[str, set[int]] = {}
            for prefix, rows in loaded:
                for kind, ids in KINDS[prefix].erase(ctx, rows).items():
                    targets.setdefault(kind, set()).update(ids)
            counts = tuple(
                ErasedCount(
                    kind,
                    rule(kind).blank_rows(session, rule(kind).where_ids(ids), dry_run),
                    rule(kind).fields,
                )
                for kind, ids in sorted(targets.items())
                if ids
            )
            erasure = Erasure(ordered, counts, dry_run)
            if not dry_run:
                audit.record(
                    session,
                    actor,
                    ERASED_ACTION,
                    "privacy",
                    _day(ctx),
                    ctx.now,
                    refs=list(ordered),
                    **{c.kind: c.rows for c in counts},
                )
        if not dry_run:
            # As after a purge: on SQLite the WAL is emptied, so the old values are in no file.
            self._sessions.scrub()
        return erasure

    def _load(self, ctx: _Context, chosen: dict[str, list[int]]) -> list[tuple[str, list[Any]]]:
        loaded = []
        for prefix, ids in chosen.items():
            kind = KINDS[prefix]
            key: ColumnElement[int] = inspect(kind.model).primary_key[0]
            selected: list[Any] = list(ctx.session.scalars(select(kind.model).where(key.in_(ids))))
            rows = {r.id: r for r in selected}
            missing = [f"{prefix}:{i}" for i in ids if i not in rows]
            if missing:
                raise PrivacyError(f"no such record: {', '.join(missing)}; nothing was done")
            loaded.append((prefix, [rows[i] for i in ids]))
        return loaded


def _day(ctx: _Context) -> str:
    return ctx.now.astimezone(ctx.zone).date().isoformat()
