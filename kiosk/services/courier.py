"""Outgoing courier (快递寄发), seed 003 第十条: the desk logs what departments send, hands it to the
contracted courier in batches the courier signs for, and settles with each courier company at the
month's end from its statement (printed on the desk's printer, exported as a workbook).

Decided: an item's month is the site-local month it was handed over in (what the courier bills);
items still waiting are on no statement. A logged item may be edited or voided (the department
took it back) by the desk; once handed over it is on the courier's bill: never edited, and voided
only by a supervisor, with the reason (a lost or refused pick-up the courier will not charge). A
voided item stays in the book and in the workbook's list, out of the totals. One tracking number
is on one live item of a company: a second scan of the same waybill is refused.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from kiosk.domain.courier import (
    ADDRESSEE_MAX,
    BATCH_MAX_ITEMS,
    COMPANY_NAME_MAX,
    COURIER_NAME_MAX,
    DEPARTMENT_MAX,
    DESTINATION_MAX,
    NOTE_MAX,
    NUMBER_PREFIX,
    SENDER_MAX,
    CourierBatchView,
    CourierCompanyView,
    CourierDraft,
    CourierItemStatus,
    CourierItemView,
    CourierMonth,
    CourierStatement,
    DepartmentTotal,
    batch_number,
    department_key,
    item_number,
    read_tracking_number,
    statement_words,
    validate_company_code,
    validate_cost,
    validate_tracking_number,
)
from kiosk.domain.errors import ValidationError
from kiosk.domain.monthly_figures import Month
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.text import optional_text, required_text
from kiosk.domain.views import PrintOutcome
from kiosk.services import audit
from kiosk.services.clock import Clock
from kiosk.services.counters import next_value
from kiosk.services.print_queue import PrintQueue
from kiosk.services.site import SiteInfo
from kiosk.services.staff import SignedIn
from kiosk.services.xlsx_stream import Sheet, write_workbook
from kiosk.storage.database import Sessions
from kiosk.storage.models import CourierBatch, CourierCompany, CourierItem

ENTITY = "courier_item"
LIST_LIMIT = 200
DEPARTMENTS_LIMIT = 200
_WHICH = {
    "waiting": (CourierItemStatus.LOGGED,),
    "handed_over": (CourierItemStatus.HANDED_OVER,),
    "voided": (CourierItemStatus.VOIDED,),
    "all": tuple(CourierItemStatus),
}


def _require(who: SignedIn, permission: Permission = Permission.COURIER) -> None:
    if not allowed(who.role, permission):
        raise ValidationError("staff", "not_allowed")


@dataclass(frozen=True)
class _Clean:
    sender: str
    department: str
    addressee: str
    destination: str
    tracking_number: str
    cost_fen: int
    note: str


def _clean(draft: CourierDraft) -> _Clean:
    """What a clerk typed, checked field by field in the form's order."""
    sender = required_text(draft.sender, "sender", SENDER_MAX)
    department = department_key(required_text(draft.department, "department", DEPARTMENT_MAX))
    addressee = required_text(draft.addressee, "addressee", ADDRESSEE_MAX)
    destination = required_text(draft.destination, "destination", DESTINATION_MAX)
    tracking = validate_tracking_number(draft.tracking_number)
    cost = validate_cost(draft.cost_fen)
    note = optional_text(draft.note, "note", NOTE_MAX)
    return _Clean(sender, department, addressee, destination, tracking, cost, note)


@dataclass
class CourierService:
    sessions: Sessions
    clock: Clock
    queue: PrintQueue
    site: SiteInfo

    # --- the companies -----------------------------------------------------------------------------
    def companies(self, include_retired: bool = False) -> list[CourierCompanyView]:
        """The courier companies, the ones in use first, each in the order it was added."""
        stmt = select(CourierCompany).order_by(CourierCompany.active.desc(), CourierCompany.id)
        if not include_retired:
            stmt = stmt.where(CourierCompany.active.is_(True))
        with self.sessions.reads() as session:
            return [_company(c) for c in session.scalars(stmt)]

    def add_company(self, code: str, name: str, name_en: str, who: SignedIn) -> CourierCompanyView:
        """A courier the site now sends with (a supervisor); its code (SF, EMS...) is its own."""
        _require(who, Permission.MANAGE_COURIER_COMPANIES)
        clean_code = validate_company_code(code)
        clean_name = required_text(name, "name", COMPANY_NAME_MAX)
        clean_en = optional_text(name_en, "name_en", COMPANY_NAME_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            if session.scalar(select(CourierCompany.id).where(CourierCompany.code == clean_code)) is not None:
                raise ValidationError("code", "duplicate", given=clean_code)
            company = CourierCompany(
                code=clean_code, name=clean_name, name_en=clean_en, active=True, added_at=now,
                added_by=who.actor.label,
            )  # fmt: skip
            session.add(company)
            session.flush()
            audit.record(session, who.actor, "courier.company_added", "courier_company", company.id, now,
                         code=clean_code)  # fmt: skip
            return _company(company)

    def set_company_active(self, company_id: int, active: bool, who: SignedIn) -> CourierCompanyView:
        """Retire a company (no new items with it; its items stay on its statements), or take it
        back into use."""
        _require(who, Permission.MANAGE_COURIER_COMPANIES)
        now = self.clock.now()
        with self.sessions.begin() as session:
            company = session.get(CourierCompany, company_id)
            if company is None:
                raise ValidationError("company", "unknown")
            if company.active != active:
                company.active = active
                action = "courier.company_restored" if active else "courier.company_retired"
                audit.record(
                    session, who.actor, action, "courier_company", company.id, now, code=company.code
                )
            return _company(company)

    # --- the book ---------------------------------------------------------------------------------
    def log(self, draft: CourierDraft, who: SignedIn) -> CourierItemView:
        """Write an item in the book, waiting for the courier."""
        _require(who)
        clean = _clean(draft)
        now = self.clock.now()
        with self.sessions.begin() as session:
            company = self._company_in_use(session, draft.company_id)
            self._no_twin(session, company.id, clean.tracking_number)
            item = CourierItem(
                number=item_number(next_value(session, "courier_item")),
                status=CourierItemStatus.LOGGED,
                company_id=company.id,
                sender=clean.sender,
                department=clean.department,
                addressee=clean.addressee,
                destination=clean.destination,
                tracking_number=clean.tracking_number,
                cost_fen=clean.cost_fen,
                note=clean.note,
                logged_at=now,
                logged_by=who.actor.label,
                logged_by_name=who.name,
            )
            session.add(item)
            session.flush()
            audit.record(
                session, who.actor, "courier.logged", ENTITY, item.id, now,
                number=item.number, company=company.code, cost_fen=clean.cost_fen,
            )  # fmt: skip
            return self._view(session, item)

    def edit(self, item_id: int, draft: CourierDraft, who: SignedIn) -> CourierItemView:
        """Correct an item still waiting for the courier; the audit names the fields changed."""
        _require(who)
        clean = _clean(draft)
        now = self.clock.now()
        with self.sessions.begin() as session:
            item = self._waiting(session, item_id)
            company = (
                self._company_in_use(session, draft.company_id)
                if draft.company_id != item.company_id
                else session.get_one(CourierCompany, item.company_id)
            )
            self._no_twin(session, company.id, clean.tracking_number, but=item.id)
            changed = sorted(
                name
                for name, value in (
                    ("sender", clean.sender),
                    ("department", clean.department),
                    ("addressee", clean.addressee),
                    ("destination", clean.destination),
                    ("tracking_number", clean.tracking_number),
                    ("cost_fen", clean.cost_fen),
                    ("note", clean.note),
                    ("company_id", company.id),
                )
                if getattr(item, name) != value
            )
            if changed:
                item.sender, item.department, item.addressee = clean.sender, clean.department, clean.addressee
                item.destination, item.tracking_number = clean.destination, clean.tracking_number
                item.cost_fen, item.note, item.company_id = clean.cost_fen, clean.note, company.id
                audit.record(
                    session, who.actor, "courier.edited", ENTITY, item.id, now,
                    number=item.number, fields=changed, cost_fen=item.cost_fen,
                )  # fmt: skip
            return self._view(session, item)

    def void(self, item_id: int, reason: str, who: SignedIn) -> CourierItemView:
        """Void an item, with the reason: one waiting (the department took it back) by the desk,
        one handed over (on the courier's bill) by a supervisor."""
        _require(who)
        clean = required_text(reason, "reason", NOTE_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            item = self._get(session, item_id)
            if item.status is CourierItemStatus.VOIDED:
                raise ValidationError("courier_item", "is_voided", number=item.number)
            was = item.status
            if was is CourierItemStatus.HANDED_OVER:
                _require(who, Permission.VOID_HANDED_OVER_COURIER)
            item.status = CourierItemStatus.VOIDED
            item.voided_at = now
            item.voided_by = who.actor.label
            item.voided_by_name = who.name
            item.void_reason = clean
            audit.record(
                session, who.actor, "courier.voided", ENTITY, item.id, now,
                number=item.number, was=was.value, cost_fen=item.cost_fen,
            )  # fmt: skip
            return self._view(session, item)

    def hand_over(
        self, item_ids: Sequence[int], courier_name: str, confirmed: bool, who: SignedIn
    ) -> CourierBatchView:
        """Hand waiting items of one company to its courier, who signs for the batch with their
        name and a tick (``confirmed``): the batch lists them, and from now on they are on the
        courier's bill."""
        _require(who)
        ids = list(dict.fromkeys(item_ids))
        if not ids:
            raise ValidationError("items", "required")
        if len(ids) > BATCH_MAX_ITEMS:
            raise ValidationError("items", "too_many", max=BATCH_MAX_ITEMS)
        name = required_text(courier_name, "courier_name", COURIER_NAME_MAX)
        if not confirmed:
            raise ValidationError("signature", "required")
        now = self.clock.now()
        with self.sessions.begin() as session:
            items = [self._waiting(session, item_id) for item_id in ids]
            companies = {item.company_id for item in items}
            if len(companies) > 1:
                raise ValidationError("items", "mixed_companies")
            [company_id] = companies
            batch = CourierBatch(
                number=batch_number(next_value(session, "courier_batch")),
                company_id=company_id,
                courier_name=name,
                handed_at=now,
                handed_by=who.actor.label,
                handed_by_name=who.name,
            )
            session.add(batch)
            session.flush()
            for item in items:
                item.status = CourierItemStatus.HANDED_OVER
                item.batch_id = batch.id
                item.handed_at = now
            audit.record(
                session, who.actor, "courier.handed_over", "courier_batch", batch.id, now,
                number=batch.number, items=[item.number for item in items],
                cost_fen=sum(item.cost_fen for item in items),
            )  # fmt: skip
            return self._batch_view(session, batch)

    # --- reading ----------------------------------------------------------------------------------
    def item(self, item_id: int) -> CourierItemView:
        with self.sessions.reads() as session:
            return self._view(session, self._get(session, item_id))

    def batch(self, batch_id: int) -> CourierBatchView:
        with self.sessions.reads() as session:
            batch = session.get(CourierBatch, batch_id)
            if batch is None:
                raise ValidationError("batch", "unknown")
            return self._batch_view(session, batch)

    def listing(
        self,
        which: str = "waiting",
        search: str = "",
        day: date | None = None,
        company_id: int | None = None,
        limit: int = LIST_LIMIT,
    ) -> list[CourierItemView]:
        """The book, newest first: ``waiting`` for the courier, ``handed_over``, ``voided`` or
        ``all``; ``search`` a tracking number (typed or scanned), an item number or part of a
        department's name; ``day`` the site-local day it was logged; ``company_id`` one courier."""
        statuses = _WHICH.get(which)
        if statuses is None:
            raise ValidationError("which", "unknown")
        stmt = _items().where(CourierItem.status.in_(statuses)).order_by(CourierItem.id.desc()).limit(limit)
        text = search.strip()
        if text:
            if len(text) > DEPARTMENT_MAX:
                raise ValidationError("search", "too_long", max=DEPARTMENT_MAX)
            matches: list[ColumnElement[bool]] = [
                CourierItem.department.ilike(f"%{_like(department_key(text))}%", escape="\\")
            ]
            tracking = read_tracking_number(text)
            if tracking is not None:
                matches.append(CourierItem.tracking_number == tracking)
                if tracking.startswith(NUMBER_PREFIX):
                    matches.append(CourierItem.number == tracking)
            stmt = stmt.where(or_(*matches))
        if day is not None:
            stmt = stmt.where(CourierItem.logged_at >= self._start(day), CourierItem.logged_at < self._start(
                day + timedelta(days=1)))  # fmt: skip
        if company_id is not None:
            stmt = stmt.where(CourierItem.company_id == company_id)
        with self.sessions.reads() as session:
            return [_item_view(row[0], row[1], row[2]) for row in session.execute(stmt)]

    def departments(self) -> list[str]:
        """The departments the book knows, the most recently sending first: the form offers them
        so one department is written one way (the statement groups by it)."""
        last = func.max(CourierItem.id)
        stmt = (select(CourierItem.department).group_by(CourierItem.department).order_by(last.desc())).limit(
            DEPARTMENTS_LIMIT
        )
        with self.sessions.reads() as session:
            return list(session.scalars(stmt))

    # --- the month's end --------------------------------------------------------------------------
    def month(self, month: Month, who_name: str = "") -> CourierMonth:
        """Each company's statement for ``month``: the items handed over in it, per department."""
        start, end = self._start(month.first_day), self._start(month.after)
        with self.sessions.reads() as session:
            companies = {c.id: c for c in session.scalars(select(CourierCompany))}
            totals: dict[int, list[DepartmentTotal]] = {}
            voided: dict[int, int] = {}
            for company_id, department, count, cost in session.execute(
                select(
                    CourierItem.company_id,
                    CourierItem.department,
                    func.count(),
                    func.sum(CourierItem.cost_fen),
                )
                .where(
                    CourierItem.handed_at >= start,
                    CourierItem.handed_at < end,
                    CourierItem.status == CourierItemStatus.HANDED_OVER,
                )
                .group_by(CourierItem.company_id, CourierItem.department)
                .order_by(CourierItem.company_id, CourierItem.department)
            ):
                totals.setdefault(company_id, []).append(DepartmentTotal(department, count, int(cost or 0)))
            for company_id, count in session.execute(
                select(CourierItem.company_id, func.count())
                .where(
                    CourierItem.handed_at >= start,
                    CourierItem.handed_at < end,
                    CourierItem.status == CourierItemStatus.VOIDED,
                )
                .group_by(CourierItem.company_id)
            ):
                voided[company_id] = count
        shown = sorted(set(totals) | set(voided))
        return CourierMonth(
            str(month),
            tuple(
                self._statement(month, companies[c], tuple(totals.get(c, ())), voided.get(c, 0), who_name)
                for c in shown
            ),
        )

    def print_statement(self, month: Month, company_id: int, who: SignedIn, language: str) -> PrintOutcome:
        """Company ``company_id``'s statement for ``month`` on the calling desk's printer, through
        the print queue (a job stored with its audit event, then sent)."""
        _require(who)
        chosen = self.month(month, who.name)
        now = self.clock.now()
        with self.sessions.begin() as session:
            company = session.get(CourierCompany, company_id)
            if company is None:
                raise ValidationError("company", "unknown")
            statement = next(
                (s for s in chosen.statements if s.company_code == company.code),
                self._statement(month, company, (), 0, who.name),
            )
            reference = f"{company.code} {month}"
            job = self.queue.enqueue(session, statement, reference, language)
            audit.record(
                session, who.actor, "courier.statement_printed", "courier_company", company.id, now,
                month=str(month), count=statement.count, cost_fen=statement.cost_fen, job=job.id,
            )  # fmt: skip
            job_id = job.id
        return self.queue.dispatch(job_id, who.actor)

    def export(self, month: Month, path: Path, language: str) -> Path:
        """The month's workbook at ``path`` for settlement: a sheet per company (its departments,
        count and cost, and the total), then every item handed over in the month. Written beside
        it, then renamed: the file is complete or not there."""
        words = statement_words(language)
        statements = self.month(month).statements
        sheets = [
            Sheet(
                statement_label(s, language),
                [words["department"], words["count"], words["cost"]],
                [
                    *([d.department, d.count, d.cost_fen / 100] for d in s.departments),
                    [words["total"], s.count, s.cost_fen / 100],
                ],
                {0: 24, 2: 14},
            )
            for s in statements
        ]
        fd, tmp_name = tempfile.mkstemp(prefix=".courier-", suffix=".xlsx", dir=path.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            with self.sessions.reads() as session:
                sheets.append(
                    Sheet(
                        words["items"],
                        [words[k] for k in _ITEM_COLUMNS],
                        self._item_rows(session, month, words),
                        {0: 10, 1: 17, 2: 10, 3: 12, 4: 20, 5: 18, 12: 20},
                    )
                )
                write_workbook(tmp, sheets)
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)
        return path

    # --- inside -----------------------------------------------------------------------------------
    def _start(self, day: date) -> datetime:
        return datetime.combine(day, time(0), self.site.timezone).astimezone(UTC)

    def _statement(
        self,
        month: Month,
        company: CourierCompany,
        lines: tuple[DepartmentTotal, ...],
        voided: int,
        clerk: str,
    ) -> CourierStatement:
        last = month.after - timedelta(days=1)
        return CourierStatement(
            site_name=self.site.name,
            month=str(month),
            company_code=company.code,
            company_name=company.name,
            company_name_en=company.name_en,
            departments=lines,
            printed_at=self.clock.now().astimezone(self.site.timezone),
            clerk=clerk,
            voided=voided,
            first_day=month.first_day.isoformat(),
            last_day=last.isoformat(),
        )

    def _item_rows(self, session: Session, month: Month, words: dict[str, str]) -> Iterator[list[Any]]:
        zone = self.site.timezone
        start, end = self._start(month.first_day), self._start(month.after)
        stmt = (
            _items()
            .where(CourierItem.handed_at >= start, CourierItem.handed_at < end)
            .order_by(CourierItem.company_id, CourierItem.handed_at, CourierItem.id)
        )
        for row in session.execute(stmt):
            v = _item_view(row[0], row[1], row[2])
            assert v.handed_at is not None
            yield [
                v.number,
                v.handed_at.astimezone(zone).replace(tzinfo=None),
                v.company_code,
                v.batch_number,
                v.department,
                v.tracking_number,
                v.sender,
                v.addressee,
                v.destination,
                v.cost_fen / 100,
                v.courier_name,
                words["voided_state"] if v.status is CourierItemStatus.VOIDED else words["handed_over"],
                v.void_reason,
            ]

    @staticmethod
    def _get(session: Session, item_id: int) -> CourierItem:
        item = session.get(CourierItem, item_id)
        if item is None:
            raise ValidationError("courier_item", "unknown")
        return item

    def _waiting(self, session: Session, item_id: int) -> CourierItem:
        item = self._get(session, item_id)
        if item.status is not CourierItemStatus.LOGGED:
            raise ValidationError("courier_item", f"is_{item.status.value}", number=item.number)
        return item

    @staticmethod
    def _company_in_use(session: Session, company_id: int) -> CourierCompany:
        company = session.get(CourierCompany, company_id)
        if company is None:
            raise ValidationError("company", "unknown")
        if not company.active:
            raise ValidationError("company", "retired", name=company.name)
        return company

    @staticmethod
    def _no_twin(session: Session, company_id: int, tracking: str, but: int | None = None) -> None:
        stmt = select(CourierItem.number).where(
            CourierItem.company_id == company_id,
            CourierItem.tracking_number == tracking,
            CourierItem.status != CourierItemStatus.VOIDED,
        )
        if but is not None:
            stmt = stmt.where(CourierItem.id != but)
        twin = session.scalar(stmt.limit(1))
        if twin is not None:
            raise ValidationError("tracking_number", "duplicate", number=twin)

    def _view(self, session: Session, item: CourierItem) -> CourierItemView:
        session.flush()
        row = session.execute(_items().where(CourierItem.id == item.id)).one()
        return _item_view(row[0], row[1], row[2])

    def _batch_view(self, session: Session, batch: CourierBatch) -> CourierBatchView:
        session.flush()
        company = session.get_one(CourierCompany, batch.company_id)
        rows = session.execute(_items().where(CourierItem.batch_id == batch.id).order_by(CourierItem.id))
        return CourierBatchView(
            batch_id=batch.id,
            number=batch.number,
            company_code=company.code,
            company_name=company.name,
            courier_name=batch.courier_name,
            handed_at=batch.handed_at,
            handed_by_name=batch.handed_by_name,
            items=tuple(_item_view(row[0], row[1], row[2]) for row in rows),
        )


# The workbook's list of items, in this order.
_ITEM_COLUMNS = (
    "number",
    "handed",
    "company",
    "batch",
    "department",
    "tracking",
    "sender",
    "addressee",
    "destination",
    "cost",
    "courier",
    "status",
    "void_reason",
)


def statement_label(statement: CourierStatement, language: str) -> str:
    """A company as its sheet and printout name it: ``SF 顺丰速运`` / ``SF SF Express``."""
    name = (
        statement.company_name_en
        if language == "en" and statement.company_name_en
        else statement.company_name
    )
    return f"{statement.company_code} {name}" if name != statement.company_code else name


def _items() -> Select[CourierItem, CourierCompany, CourierBatch]:
    return (
        select(CourierItem, CourierCompany, CourierBatch)
        .join(CourierCompany, CourierCompany.id == CourierItem.company_id)
        .outerjoin(CourierBatch, CourierBatch.id == CourierItem.batch_id)
    )


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _company(c: CourierCompany) -> CourierCompanyView:
    return CourierCompanyView(c.id, c.code, c.name, c.name_en, c.active)


def _item_view(item: CourierItem, company: CourierCompany, batch: CourierBatch | None) -> CourierItemView:
    return CourierItemView(
        item_id=item.id,
        number=item.number,
        status=item.status,
        logged_at=item.logged_at,
        logged_by_name=item.logged_by_name,
        sender=item.sender,
        department=item.department,
        addressee=item.addressee,
        destination=item.destination,
        company_id=company.id,
        company_code=company.code,
        company_name=company.name,
        tracking_number=item.tracking_number,
        cost_fen=item.cost_fen,
        note=item.note,
        batch_id=batch.id if batch is not None else None,
        batch_number=batch.number if batch is not None else "",
        handed_at=item.handed_at,
        courier_name=batch.courier_name if batch is not None else "",
        voided_at=item.voided_at,
        voided_by_name=item.voided_by_name,
        void_reason=item.void_reason,
    )
