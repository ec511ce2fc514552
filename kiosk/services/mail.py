"""Registered mail and parcels at the desk (挂号邮件收发登记簿; 包裹单、汇兑单 the same way), seed 004
§报刊函件管理程序: each item signed for from the carrier and logged with a label (its number as a
QR) stuck on it, the addressee told, handed out against the collector's ID (type and last four,
never the full number) and signature, or a staff member's PIN; an item nobody claims returned to
the post office after a supervisor approved (退件登记簿); damage on arrival signed by the shift
leader (邮件破损登记簿) and shown to the collector; a moved-out person's mail forwarded free for a
month, kept on a separate shelf, and the desk reminded weekly to tell them to collect.

Decided: the desk types only the ID's last four characters (read off the document shown): the
full number never reaches the server. A damaged item is handed out only once the desk confirms
the collector was shown the damage note. A supervisor signed in approves a return themselves; a
clerk asks one to type their PIN. The same person cannot both hand an item out and collect it with
their PIN. Forwarding after the free month is refused: the item waits on the shelf.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session, object_session

from kiosk.domain.errors import ValidationError
from kiosk.domain.mail import (
    ADDRESS_MAX,
    ADDRESSEE_MAX,
    BOARD_MAIL,
    CARRIER_MAX,
    COMPANY_MAX,
    DAMAGED_SEAL,
    MOVED_OUT_SHELF,
    NOTE_MAX,
    SHELF_MAX,
    Collector,
    MailEventKind,
    MailKind,
    MailLabel,
    MailOnBoard,
    MailSettings,
    MailStatus,
    MailWaiting,
    MovedOutReminder,
    check_id_type,
    clean_tracking,
    forward_until,
    label_code,
    mail_number,
    read_mail_code,
    reminder_due,
    return_number,
)
from kiosk.domain.mail_views import (
    MailEventView,
    MailItemView,
    MailLogged,
    MailReturnRow,
    MailRow,
    MovedOutView,
)
from kiosk.domain.names import name_key
from kiosk.domain.release_slip import check_signature, mask_phone
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.text import optional_text, required_text, sanitize_text
from kiosk.domain.views import PrintOutcome
from kiosk.domain.visitor_log import parse_last_four
from kiosk.services import audit
from kiosk.services.clock import Clock
from kiosk.services.counters import next_value
from kiosk.services.print_queue import PrintQueue
from kiosk.services.site import SiteInfo
from kiosk.services.staff import SignedIn, StaffService
from kiosk.services.xlsx_stream import write_xlsx
from kiosk.storage.database import Sessions
from kiosk.storage.models import Host, MailEvent, MailItem, MailMovedOut, MailReturn, PrintJob

log = logging.getLogger(__name__)
ENTITY = "mail_item"
MOVED_OUT_ENTITY = "mail_moved_out"
LIST_LIMIT = 200
LISTS = ("waiting", "unclaimed", "damaged", "moved_out", "handed_out", "forwarded", "returned", "all")
_KIND_WORDS = {
    MailKind.REGISTERED: "挂号信 / registered letter",
    MailKind.PARCEL: "包裹 / parcel",
    MailKind.PARCEL_SLIP: "包裹单 / parcel slip",
    MailKind.MONEY_ORDER: "汇兑单 / money order",
}
_STATUS_WORDS = {
    MailStatus.WAITING: "待领 / waiting",
    MailStatus.HANDED_OUT: "已领 / handed out",
    MailStatus.FORWARDED: "已转寄 / forwarded",
    MailStatus.RETURNED: "已退回 / returned",
}


@dataclass(frozen=True)
class MailDraft:
    """What the desk logs on arrival: what came, by which carrier, for whom."""

    kind: MailKind
    carrier: str
    tracking_number: str
    addressee: str = ""
    unit: str = ""
    company: str = ""
    host_id: int | None = None  # a person of the staff directory (told by e-mail when they have one)
    shelf: str = ""


@dataclass(frozen=True)
class HandOut:
    """Who collects: a person (their ID's type and last four, their name typed and ticked as the
    signature) or a member of staff (their own staff number and PIN)."""

    collector: Collector
    name: str = ""
    id_type: str = "resident_id"
    id_last_four: str = ""
    signed_name: str = ""
    signature_confirmed: bool = False
    staff_username: str = ""
    staff_pin: str = ""
    damage_shown: bool = False  # the collector was shown the damage note (required when damaged)


@dataclass(frozen=True)
class MovedOutDraft:
    name: str
    moved_out_on: date
    unit: str = ""
    company: str = ""
    phone: str = ""
    forward_address: str = ""


@dataclass(frozen=True)
class MailNotice:
    """An e-mail to an addressee of the staff directory: a registered item waits at the desk."""

    to: str
    name: str
    number: str
    kind: MailKind
    carrier: str
    site_name: str
    damaged: bool

    def subject(self) -> str:
        return f"[{self.site_name}] 您有邮件待领 / Mail for you at the front desk: {self.number}"

    def lines(self) -> list[str]:
        kind_zh, kind_en = _KIND_WORDS[self.kind].split(" / ")
        lines = [
            f"{self.name}，您好：",
            f"您有一件{kind_zh}（{self.carrier}，编号 {self.number}）在{self.site_name}前台，"
            "请携带有效身份证件前来领取。",
            "",
            f"Dear {self.name},",
            f"A {kind_en} ({self.carrier}, number {self.number}) waits for you at the front desk of "
            f"{self.site_name}. Please bring an ID to collect it.",
        ]
        if self.damaged:
            lines += [
                "",
                "该邮件收到时已破损，领取时请当面查验。 / It arrived damaged: please check it when you collect.",
            ]
        return lines


@dataclass(frozen=True)
class MailNoticeMailer:
    """Sends a :class:`MailNotice` through the site's SMTP server ([notify] smtp_url)."""

    send: Callable[[EmailMessage], None]
    mail_from: str

    def __call__(self, notice: MailNotice) -> None:
        message = EmailMessage()
        message["Subject"] = sanitize_text(notice.subject())
        message["From"] = self.mail_from
        message["To"] = notice.to
        message.set_content("\n".join(notice.lines()))
        self.send(message)


def _require(who: SignedIn, permission: Permission = Permission.HANDLE_MAIL) -> None:
    if not allowed(who.role, permission):
        raise ValidationError("staff", "not_allowed")


@dataclass
class MailService:
    sessions: Sessions
    clock: Clock
    queue: PrintQueue
    site: SiteInfo
    staff: StaffService
    settings: MailSettings = field(default_factory=MailSettings)
    # Who delivers an addressee's e-mail (kiosk.app: the site's SMTP server); none: the board only.
    notifiers: list[Callable[[MailNotice], None]] = field(default_factory=list)

    # --- logging --------------------------------------------------------------------------------
    def log(self, draft: MailDraft, who: SignedIn, language: str = "zh_CN") -> MailLogged:
        """Sign an item in: its record, its trail's first steps, its label on the way to the
        calling desk's printer; then the addressee is told by e-mail where the directory has one."""
        _require(who)
        carrier = required_text(draft.carrier, "carrier", CARRIER_MAX)
        tracking = clean_tracking(draft.tracking_number)
        unit = optional_text(draft.unit, "unit", 20)
        company = optional_text(draft.company, "company", COMPANY_MAX)
        shelf = optional_text(draft.shelf, "shelf", SHELF_MAX)
        now = self.clock.now()
        email = ""
        with self.sessions.begin() as session:
            host = None
            if draft.host_id is not None:
                host = session.get(Host, draft.host_id)
                if host is None or not host.active:
                    raise ValidationError("host", "unknown")
            addressee = sanitize_text(draft.addressee) or (host.name if host is not None else "")
            if not addressee:
                raise ValidationError("addressee", "required")
            addressee = optional_text(addressee, "addressee", ADDRESSEE_MAX)
            if host is not None and not company:
                company = host.department
            twin = session.scalar(
                select(MailItem.number).where(
                    MailItem.tracking_number == tracking, MailItem.status == MailStatus.WAITING
                )
            )
            if twin is not None:
                raise ValidationError("tracking_number", "logged", number=twin)
            moved = self._moved_out_for(session, addressee, unit)
            if moved is not None and not shelf:
                shelf = MOVED_OUT_SHELF
            item = MailItem(
                number=mail_number(next_value(session, "mail_item")),
                kind=draft.kind,
                carrier=carrier,
                tracking_number=tracking,
                addressee=addressee,
                addressee_key=name_key(addressee),
                unit=unit,
                company=company,
                host_id=host.id if host is not None else None,
                moved_out_id=moved.id if moved is not None else None,
                status=MailStatus.WAITING,
                shelf=shelf,
                received_at=now,
                received_by=who.actor.label,
                received_by_name=who.name,
            )
            session.add(item)
            session.flush()
            # The clerk signs the carrier's delivery list: the first signature of the trail.
            self._event(session, item, MailEventKind.RECEIVED, who, now, who.name, carrier)
            if shelf:
                self._event(session, item, MailEventKind.SHELVED, who, now, "", shelf)
            job = self.queue.enqueue(session, self._label(item, who), item.number, language)
            audit.record(
                session, who.actor, "mail.logged", ENTITY, item.id, now,
                number=item.number, kind=item.kind.value, moved_out=moved is not None, job=job.id,
            )  # fmt: skip
            item_id, job_id = item.id, job.id
            email = (host.email or "") if host is not None else ""
        printed = self.queue.dispatch(job_id, who.actor)
        notified = bool(email) and self._email(item_id, email, who)
        return MailLogged(self.item(item_id), printed, notified)

    def _moved_out_for(self, session: Session, addressee: str, unit: str) -> MailMovedOut | None:
        """The open moved-out record this addressee is (same name; the same unit when both say)."""
        candidates = session.scalars(
            select(MailMovedOut)
            .where(MailMovedOut.name_key == name_key(addressee), MailMovedOut.closed_at.is_(None))
            .order_by(MailMovedOut.id.desc())
        ).all()
        for record in candidates:
            if not unit or not record.unit or record.unit == unit:
                return record
        return None

    def _email(self, item_id: int, to: str, who: SignedIn) -> bool:
        """Tell a directory addressee by e-mail after the commit; recorded on the trail once sent.
        A mail server away stops nothing: the board shows the item regardless."""
        if not self.notifiers:
            return False
        with self.sessions.reads() as session:
            item = self._get(session, item_id)
            notice = MailNotice(
                to, item.addressee, item.number, item.kind, item.carrier, self.site.name, bool(item.damage)
            )
        sent = False
        for notifier in self.notifiers:
            try:
                notifier(notice)
                sent = True
            except Exception:
                log.exception("the e-mail for mail item %s failed", notice.number)
        if sent:
            self._notified(item_id, who, "e-mail")
        return sent

    # --- reading --------------------------------------------------------------------------------
    def item(self, item_id: int) -> MailItemView:
        with self.sessions.reads() as session:
            return self._view(session, self._get(session, item_id))

    def find(self, code: str) -> MailItemView:
        """The item a scanned label (or a typed number) names: one indexed read and its trail."""
        number = read_mail_code(code)
        if number is None:
            raise ValidationError("mail_code", "format")
        with self.sessions.reads() as session:
            item = session.scalar(select(MailItem).where(MailItem.number == number))
            if item is None:
                raise ValidationError("mail", "unknown")
            return self._view(session, item)

    def listing(
        self,
        which: str = "waiting",
        search: str = "",
        day_from: date | None = None,
        day_to: date | None = None,
        limit: int = LIST_LIMIT,
    ) -> list[MailRow]:
        """The register, newest first: ``which`` of LISTS; ``search`` an item number (or a scanned
        label), a tracking number, an addressee's name or a unit; received between two days."""
        stmt = self._select(which, search, day_from, day_to).order_by(MailItem.id.desc()).limit(limit)
        with self.sessions.reads() as session:
            return [_row(item) for item in session.scalars(stmt)]

    def _select(
        self, which: str, search: str, day_from: date | None, day_to: date | None
    ) -> Select[MailItem]:
        stmt = select(MailItem)
        now = self.clock.now()
        if which == "waiting":
            stmt = stmt.where(MailItem.status == MailStatus.WAITING)
        elif which == "unclaimed":
            stmt = stmt.where(
                MailItem.status == MailStatus.WAITING, MailItem.received_at <= self._hold_ends(now)
            )
        elif which == "damaged":
            stmt = stmt.where(MailItem.damage != "")
        elif which == "moved_out":
            stmt = stmt.where(MailItem.moved_out_id.is_not(None))
        elif which in ("handed_out", "forwarded", "returned"):
            stmt = stmt.where(MailItem.status == MailStatus(which))
        elif which != "all":
            raise ValidationError("which", "unknown")
        if day_from is not None and day_to is not None and day_to < day_from:
            raise ValidationError("day_to", "before_start")
        if day_from is not None:
            stmt = stmt.where(MailItem.received_at >= self._day_start(day_from))
        if day_to is not None:
            stmt = stmt.where(MailItem.received_at < self._day_start(day_to + timedelta(days=1)))
        text = sanitize_text(search)
        if text:
            stmt = stmt.where(_matching(text))
        return stmt

    def returns(self, day_from: date | None = None, day_to: date | None = None) -> list[MailReturnRow]:
        """The returns register (退件登记簿), newest first."""
        stmt = (
            select(MailReturn, MailItem)
            .join(MailItem, MailItem.id == MailReturn.item_id)
            .order_by(MailReturn.id.desc())
            .limit(LIST_LIMIT)
        )
        if day_from is not None:
            stmt = stmt.where(MailReturn.returned_at >= self._day_start(day_from))
        if day_to is not None:
            stmt = stmt.where(MailReturn.returned_at < self._day_start(day_to + timedelta(days=1)))
        with self.sessions.reads() as session:
            return [
                MailReturnRow(
                    r.number,
                    i.number,
                    i.kind,
                    i.tracking_number,
                    i.addressee,
                    i.unit,
                    i.received_at,
                    r.returned_at,
                    r.reason,
                    r.approved_by_name,
                    r.returned_by_name,
                )
                for r, i in session.execute(stmt)
            ]

    def on_board(self) -> MailOnBoard:
        """What waits (the oldest first, at most BOARD_MAIL), how many are unclaimed past the
        hold, and the moved-out people to tell this week. Columns through the status index."""
        now = self.clock.now()
        hold = self._hold_ends(now)
        waiting = MailItem.status == MailStatus.WAITING
        with self.sessions.reads() as session:
            total = session.scalar(select(func.count(MailItem.id)).where(waiting)) or 0
            unclaimed = (
                session.scalar(select(func.count(MailItem.id)).where(waiting, MailItem.received_at <= hold))
                or 0
            )
            rows = session.execute(
                select(
                    MailItem.id,
                    MailItem.number,
                    MailItem.kind,
                    MailItem.addressee,
                    MailItem.unit,
                    MailItem.received_at,
                    MailItem.shelf,
                    MailItem.damage,
                    MailItem.moved_out_id,
                )
                .where(waiting)
                .order_by(MailItem.received_at, MailItem.id)
                .limit(BOARD_MAIL)
            ).all()
            items = [
                MailWaiting(
                    r.id,
                    r.number,
                    r.kind,
                    r.addressee,
                    r.unit,
                    r.received_at,
                    r.shelf,
                    bool(r.damage),
                    r.moved_out_id is not None,
                    r.received_at <= hold,
                )
                for r in rows
            ]
            people = session.execute(
                select(
                    MailMovedOut.id,
                    MailMovedOut.name,
                    MailMovedOut.unit,
                    MailMovedOut.phone,
                    MailMovedOut.last_told_at,
                    func.count(MailItem.id).label("waiting"),
                )
                .join(MailItem, and_(MailItem.moved_out_id == MailMovedOut.id, waiting))
                .where(MailMovedOut.closed_at.is_(None))
                .group_by(MailMovedOut.id)
                .order_by(MailMovedOut.id)
            ).all()
            # The phone masked: the board goes to every desk on each refresh and stands in view
            # of the lobby; the number to call is on the Registered mail page's moved-out list.
            reminders = [
                MovedOutReminder(p.id, p.name, p.unit, mask_phone(p.phone), p.waiting, p.last_told_at)
                for p in people
                if reminder_due(p.last_told_at, now)
            ]
        return MailOnBoard(total, unclaimed, items, reminders)

    # --- the steps ------------------------------------------------------------------------------
    def record_notified(self, item_id: int, who: SignedIn, how: str) -> MailItemView:
        """The addressee was told (phoned, in person): on the trail."""
        _require(who)
        note = required_text(how, "how", NOTE_MAX)
        self._notified(item_id, who, note)
        return self.item(item_id)

    def _notified(self, item_id: int, who: SignedIn, note: str) -> None:
        now = self.clock.now()
        with self.sessions.begin() as session:
            item = self._get(session, item_id)
            item.notified_at = now
            self._event(session, item, MailEventKind.NOTIFIED, who, now, "", note)
            audit.record(session, who.actor, "mail.notified", ENTITY, item.id, now, number=item.number)

    def shelve(self, item_id: int, who: SignedIn, shelf: str) -> MailItemView:
        place = required_text(shelf, "shelf", SHELF_MAX)

        def moved(item: MailItem, now: datetime) -> tuple[str, str]:
            item.shelf = place
            return "", place

        return self._step(item_id, who, MailEventKind.SHELVED, moved)

    def record_damage(
        self, item_id: int, who: SignedIn, what: str, leader_username: str, leader_pin: str
    ) -> MailItemView:
        """The damage record (邮件破损登记簿), signed by the shift leader with their own PIN; the
        desk then seals the damaged part with the "received damaged" seal."""
        _require(who)
        damage = required_text(what, "damage", NOTE_MAX)
        with self.sessions.reads() as session:
            self._at(session, item_id)
        leader = self.staff.countersign(
            leader_username, leader_pin, Permission.SUPERVISE_MAIL, "mail_damage", "mail.damage_refused",
            entity=ENTITY, entity_id=item_id, not_by=who,
        )  # fmt: skip

        def damaged(item: MailItem, now: datetime) -> tuple[str, str]:
            if item.damage:
                raise ValidationError("damage", "recorded", number=item.number)
            item.damage = damage
            item.damage_signed_by = leader.name
            return leader.name, f"{damage} · {DAMAGED_SEAL}"

        return self._step(item_id, who, MailEventKind.DAMAGED, damaged, signer_actor=leader.actor.label)

    def hand_out(self, item_id: int, who: SignedIn, out: HandOut) -> MailItemView:
        """Handed to its addressee or someone for them, against ID and signature (or a staff PIN);
        a damaged item only once the collector was shown its damage note."""
        _require(who)
        if out.collector is Collector.STAFF:
            with self.sessions.reads() as session:
                self._at(session, item_id)
            member = self.staff.countersign(
                out.staff_username, out.staff_pin, Permission.VIEW_BOARD, "mail_collect",
                "mail.collect_refused", entity=ENTITY, entity_id=item_id, not_by=who,
            )  # fmt: skip
            name, id_type, last_four, note = member.name, "", "", "PIN"
        else:
            name = required_text(out.name, "collector_name", ADDRESSEE_MAX)
            id_type = check_id_type(out.id_type)
            last_four = parse_last_four(out.id_last_four)
            if not last_four:
                raise ValidationError("last_four", "required")
            check_signature(name, out.signed_name, out.signature_confirmed)
            note = f"{id_type} ****{last_four}"

        def handed(item: MailItem, now: datetime) -> tuple[str, str]:
            if item.damage and not out.damage_shown:
                raise ValidationError("damage", "not_shown", number=item.number)
            item.status = MailStatus.HANDED_OUT
            item.collector = out.collector.value
            item.collector_name = name
            item.collector_id_type = id_type
            item.collector_id_last_four = last_four
            item.handed_out_at = item.closed_at = now
            item.handed_out_by_name = who.name
            return name, note

        return self._step(item_id, who, MailEventKind.HANDED_OUT, handed)

    def forward(self, item_id: int, who: SignedIn, address: str = "") -> MailItemView:
        """Posted on to a moved-out addressee (平邮转投), free within the month after they left."""
        _require(who)
        typed = optional_text(address, "address", ADDRESS_MAX)
        today = self.clock.now().astimezone(self.site.timezone).date()

        def forwarded(item: MailItem, now: datetime) -> tuple[str, str]:
            record = (
                _session_of(item).get(MailMovedOut, item.moved_out_id)
                if item.moved_out_id is not None
                else None
            )
            if record is None:
                raise ValidationError("forwarding", "not_moved_out", number=item.number)
            if today > record.forward_until:
                raise ValidationError("forwarding", "ended", until=record.forward_until.isoformat())
            to = typed or record.forward_address
            if not to:
                raise ValidationError("address", "required")
            item.status = MailStatus.FORWARDED
            item.closed_at = now
            return who.name, to

        return self._step(item_id, who, MailEventKind.FORWARDED, forwarded)

    def return_item(
        self, item_id: int, who: SignedIn, reason: str, approver_username: str = "", approver_pin: str = ""
    ) -> MailItemView:
        """Back to the post office as undeliverable (作盲信退回), logged in the returns register,
        only with a supervisor's approval: their PIN, or their own session."""
        _require(who)
        why = required_text(reason, "reason", NOTE_MAX)
        with self.sessions.reads() as session:
            self._at(session, item_id)
        if not approver_username.strip() and allowed(who.role, Permission.SUPERVISE_MAIL):
            approver = who
        elif not approver_username.strip():
            raise ValidationError("approver", "required")
        else:
            approver = self.staff.countersign(
                approver_username, approver_pin, Permission.SUPERVISE_MAIL, "mail_return",
                "mail.return_refused", entity=ENTITY, entity_id=item_id, not_by=who,
            )  # fmt: skip

        def returned(item: MailItem, now: datetime) -> tuple[str, str]:
            session = _session_of(item)
            item.status = MailStatus.RETURNED
            item.closed_at = now
            session.add(
                MailReturn(
                    number=return_number(next_value(session, "mail_return")),
                    item_id=item.id,
                    reason=why,
                    approved_by=approver.actor.label,
                    approved_by_name=approver.name,
                    returned_by=who.actor.label,
                    returned_by_name=who.name,
                    returned_at=now,
                )
            )
            return who.name, f"{why} · {approver.name}"

        return self._step(item_id, who, MailEventKind.RETURNED, returned, signer_actor=approver.actor.label)

    def print_label(self, item_id: int, who: SignedIn) -> PrintOutcome:
        """The item's label again, marked 副本 / COPY, at the calling desk."""
        _require(who)
        with self.sessions.reads() as session:
            item = self._get(session, item_id)
            job_id = session.scalar(
                select(PrintJob.id)
                .where(PrintJob.document == "mail-label", PrintJob.reference == item.number)
                .order_by(PrintJob.id.desc())
                .limit(1)
            )
        if job_id is None:
            raise ValidationError("mail", "no_label")
        return self.queue.reprint(job_id, who.actor)

    # --- people who moved out -------------------------------------------------------------------
    def add_moved_out(self, draft: MovedOutDraft, who: SignedIn) -> MovedOutView:
        _require(who)
        name = required_text(draft.name, "name", ADDRESSEE_MAX)
        unit = optional_text(draft.unit, "unit", 20)
        company = optional_text(draft.company, "company", COMPANY_MAX)
        phone = optional_text(draft.phone, "phone", 30)
        address = optional_text(draft.forward_address, "address", ADDRESS_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            record = MailMovedOut(
                name=name, name_key=name_key(name), unit=unit, company=company, phone=phone,
                forward_address=address, moved_out_on=draft.moved_out_on,
                forward_until=forward_until(draft.moved_out_on), recorded_by=who.actor.label, recorded_at=now,
            )  # fmt: skip
            session.add(record)
            session.flush()
            # Mail already waiting for them goes to their shelf from now on.
            for item in session.scalars(
                select(MailItem).where(
                    MailItem.addressee_key == record.name_key,
                    MailItem.status == MailStatus.WAITING,
                    MailItem.moved_out_id.is_(None),
                )
            ):
                if not unit or not item.unit or item.unit == unit:
                    item.moved_out_id = record.id
            audit.record(session, who.actor, "mail.moved_out_added", MOVED_OUT_ENTITY, record.id, now)
            return self._moved_view(session, record)

    def moved_out(self, include_closed: bool = False) -> list[MovedOutView]:
        stmt = select(MailMovedOut).order_by(MailMovedOut.id.desc()).limit(LIST_LIMIT)
        if not include_closed:
            stmt = stmt.where(MailMovedOut.closed_at.is_(None))
        with self.sessions.reads() as session:
            return [self._moved_view(session, r) for r in session.scalars(stmt)]

    def told_to_collect(self, moved_out_id: int, who: SignedIn, how: str = "") -> MovedOutView:
        """The weekly call made: off the board for a week, on each waiting item's trail."""
        _require(who)
        note = optional_text(how, "how", NOTE_MAX) or "每周通知领取 / weekly reminder"
        now = self.clock.now()
        with self.sessions.begin() as session:
            record = self._moved(session, moved_out_id)
            record.last_told_at = now
            for item in session.scalars(
                select(MailItem).where(
                    MailItem.moved_out_id == record.id, MailItem.status == MailStatus.WAITING
                )
            ):
                item.notified_at = now
                self._event(session, item, MailEventKind.NOTIFIED, who, now, "", note)
            audit.record(session, who.actor, "mail.moved_out_told", MOVED_OUT_ENTITY, record.id, now)
            return self._moved_view(session, record)

    def close_moved_out(self, moved_out_id: int, who: SignedIn) -> MovedOutView:
        """Nothing more expected for them (their mail collected or returned): no more reminders."""
        _require(who)
        now = self.clock.now()
        with self.sessions.begin() as session:
            record = self._moved(session, moved_out_id)
            record.closed_at = record.closed_at or now
            audit.record(session, who.actor, "mail.moved_out_closed", MOVED_OUT_ENTITY, record.id, now)
            return self._moved_view(session, record)

    # --- the register's export ------------------------------------------------------------------
    def export(
        self,
        path: Path,
        who: SignedIn,
        which: str = "all",
        search: str = "",
        day_from: date | None = None,
        day_to: date | None = None,
    ) -> int:
        """The register as XLSX at ``path`` (one read snapshot), headed in both languages; the ID
        column holds the type and last four only. Audited with its filters and row count."""
        _require(who, Permission.SUPERVISE_MAIL)
        stmt = self._select(which, search, day_from, day_to).order_by(MailItem.id)
        zone = self.site.timezone
        with self.sessions.reads() as session:
            count = write_xlsx(
                path, _EXPORT_HEADERS, _export_rows(session, stmt, zone), sheet_name="挂号邮件 Mail",
                widths={0: 12, 4: 16, 7: 17, 16: 17},
            )  # fmt: skip
        with self.sessions.begin() as session:
            audit.record(
                session, who.actor, "mail.exported", ENTITY, "-", self.clock.now(),
                which=which, searched=bool(search.strip()), rows=count,
            )  # fmt: skip
        return count

    # --- inside ---------------------------------------------------------------------------------
    def _step(
        self,
        item_id: int,
        who: SignedIn,
        kind: MailEventKind,
        change: Callable[[MailItem, datetime], tuple[str, str]],
        signer_actor: str = "",
    ) -> MailItemView:
        """One step on a waiting item: changed, its trail and audit added, in one transaction
        (writers take turns: two desks cannot both hand the same item out). ``change`` returns
        (who signed, the note)."""
        _require(who)
        now = self.clock.now()
        with self.sessions.begin() as session:
            item = self._at(session, item_id)
            signer, note = change(item, now)
            self._event(session, item, kind, who, now, signer, note)
            audit.record(
                session, who.actor, f"mail.{kind.value}", ENTITY, item.id, now,
                number=item.number, signed_by=signer_actor or None,
            )  # fmt: skip
            return self._view(session, item)

    @staticmethod
    def _get(session: Session, item_id: int) -> MailItem:
        item = session.get(MailItem, item_id)
        if item is None:
            raise ValidationError("mail", "unknown")
        return item

    def _at(self, session: Session, item_id: int) -> MailItem:
        item = self._get(session, item_id)
        if item.status is not MailStatus.WAITING:
            raise ValidationError("mail", f"is_{item.status.value}", number=item.number)
        return item

    @staticmethod
    def _moved(session: Session, moved_out_id: int) -> MailMovedOut:
        record = session.get(MailMovedOut, moved_out_id)
        if record is None:
            raise ValidationError("moved_out", "unknown")
        return record

    @staticmethod
    def _event(
        session: Session,
        item: MailItem,
        kind: MailEventKind,
        who: SignedIn,
        now: datetime,
        signer: str = "",
        note: str = "",
    ) -> None:
        session.add(
            MailEvent(
                item_id=item.id,
                kind=kind,
                at=now,
                actor=who.actor.label,
                actor_name=who.name,
                signer=signer[:60],
                note=note[:300],
            )
        )

    def _hold_ends(self, now: datetime) -> datetime:
        return now - timedelta(days=self.settings.unclaimed_days)

    def _day_start(self, day: date) -> datetime:
        return datetime.combine(day, time(0), self.site.timezone)

    def _label(self, item: MailItem, who: SignedIn) -> MailLabel:
        return MailLabel(
            site_name=self.site.name,
            number=item.number,
            code=label_code(item.number),
            kind=item.kind,
            carrier=item.carrier,
            tracking_number=item.tracking_number,
            addressee=item.addressee,
            unit=item.unit,
            company=item.company,
            received_at=item.received_at.astimezone(self.site.timezone),
            shelf=item.shelf,
            moved_out=item.moved_out_id is not None,
            damage=item.damage,
            clerk=who.name,
        )

    def _moved_view(self, session: Session, record: MailMovedOut) -> MovedOutView:
        session.flush()
        waiting = session.scalar(
            select(func.count(MailItem.id)).where(
                MailItem.moved_out_id == record.id, MailItem.status == MailStatus.WAITING
            )
        )
        return MovedOutView(
            record.id, record.name, record.unit, record.company, record.phone, record.forward_address,
            record.moved_out_on, record.forward_until, record.last_told_at, waiting or 0,
            record.closed_at is not None,
        )  # fmt: skip

    def _view(self, session: Session, item: MailItem) -> MailItemView:
        session.flush()
        events = tuple(
            MailEventView(e.kind, e.at, e.actor_name, e.signer, e.note)
            for e in session.scalars(
                select(MailEvent).where(MailEvent.item_id == item.id).order_by(MailEvent.id)
            )
        )
        record = session.get(MailMovedOut, item.moved_out_id) if item.moved_out_id is not None else None
        returned = session.scalar(select(MailReturn).where(MailReturn.item_id == item.id))
        return MailItemView(
            item_id=item.id,
            number=item.number,
            kind=item.kind,
            carrier=item.carrier,
            tracking_number=item.tracking_number,
            addressee=item.addressee,
            unit=item.unit,
            company=item.company,
            host_id=item.host_id,
            status=item.status,
            received_at=item.received_at,
            received_by_name=item.received_by_name,
            shelf=item.shelf,
            notified_at=item.notified_at,
            damage=item.damage,
            damage_signed_by=item.damage_signed_by,
            moved_out_id=item.moved_out_id,
            forward_until=record.forward_until if record is not None else None,
            forward_address=record.forward_address if record is not None else "",
            collector=Collector(item.collector) if item.collector else None,
            collector_name=item.collector_name,
            collector_id_type=item.collector_id_type,
            collector_id_last_four=item.collector_id_last_four,
            handed_out_at=item.handed_out_at,
            handed_out_by_name=item.handed_out_by_name,
            return_number=returned.number if returned is not None else "",
            return_reason=returned.reason if returned is not None else "",
            return_approved_by=returned.approved_by_name if returned is not None else "",
            last_signer=last_signer(events),
            events=events,
        )


def last_signer(events: Sequence[MailEventView]) -> str:
    """Who signed last on an item's trail: responsible for it (由最后签名人员负责)."""
    return next((e.signer for e in reversed(events) if e.signer), "")


def _session_of(item: MailItem) -> Session:
    session = object_session(item)
    assert session is not None
    return session


def _matching(text: str) -> ColumnElement[bool]:
    """An item number (or a scanned label), a tracking number, an addressee's name or a unit."""
    number = read_mail_code(text)
    if number is not None:
        return MailItem.number == number
    choices: list[ColumnElement[bool]] = [MailItem.unit == text, MailItem.addressee_key == name_key(text)]
    with suppress(ValidationError):  # not a tracking number: a name
        choices.append(MailItem.tracking_number == clean_tracking(text))
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    choices.append(MailItem.addressee.like(f"%{escaped}%", escape="\\"))
    return or_(*choices)


def _row(item: MailItem) -> MailRow:
    return MailRow(
        item.id, item.number, item.kind, item.carrier, item.tracking_number, item.addressee, item.unit,
        item.status, item.received_at, item.shelf, bool(item.damage), item.moved_out_id is not None,
    )  # fmt: skip


_EXPORT_HEADERS = (
    "编号 Number",
    "种类 Kind",
    "承运 Carrier",
    "运单号 Tracking No.",
    "收件人 Addressee",
    "房号 Unit",
    "单位 Company",
    "签收时间 Received",
    "签收人 Received by",
    "存放 Shelf",
    "破损 Damage",
    "领班签名 Leader signed",
    "状态 Status",
    "领取人 Collected by",
    "证件 ID (type, last four)",
    "派发人 Handed out by",
    "领取时间 Handed out",
    "退件号 Return No.",
    "最后签名 Last signer",
)


def _export_rows(session: Session, stmt: Select[MailItem], zone: tzinfo) -> Iterator[list[Any]]:
    last = (
        select(MailEvent.signer)
        .where(MailEvent.item_id == MailItem.id, MailEvent.signer != "")
        .order_by(MailEvent.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    returned = select(MailReturn.number).where(MailReturn.item_id == MailItem.id).scalar_subquery()
    query = stmt.add_columns(last, returned)

    def local(moment: datetime | None) -> datetime | None:
        return moment.astimezone(zone).replace(tzinfo=None) if moment is not None else None

    for item, signer, return_no in session.execute(query.execution_options(yield_per=2000)):
        last_four = (
            f"{item.collector_id_type} ****{item.collector_id_last_four}"
            if item.collector_id_last_four
            else ""
        )
        yield [
            item.number, _KIND_WORDS[item.kind], item.carrier, item.tracking_number, item.addressee,
            item.unit, item.company, local(item.received_at), item.received_by_name, item.shelf,
            item.damage, item.damage_signed_by, _STATUS_WORDS[item.status], item.collector_name,
            "PIN" if item.collector == Collector.STAFF.value else last_four, item.handed_out_by_name,
            local(item.handed_out_at), return_no or "", signer or "",
        ]  # fmt: skip
