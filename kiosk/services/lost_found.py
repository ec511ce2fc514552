"""Lost and found (失物招领), seed 002 "拾获客人遗留物品": the desk logs what was handed in (or left
behind after a meeting), prints a tag for it, hands it to its owner against their ID (type and
last four characters only) and signature, and, once the keep period is over, disposes of what
nobody claimed with a supervisor's approval by PIN. The rules are in kiosk.domain.lost_found.

Nothing is deleted: an item logged in error is voided by a supervisor with the reason. Every
change is one transaction with its audit event; the audit details carry numbers and states, no
claimant's or finder's name.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from kiosk.domain.errors import ValidationError
from kiosk.domain.lost_found import (
    EXPORT_HEADERS,
    NOTE_MAX,
    ClaimDraft,
    DisposalMethod,
    FoundItemDraft,
    LostFoundSettings,
    LostItemRow,
    LostItemStatus,
    LostItemTag,
    LostItemView,
    check_disposal,
    keep_until,
    lost_item_number,
    read_lost_item_code,
    tag_code,
)
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.text import optional_text, required_text, sanitize_text
from kiosk.domain.views import PrintOutcome
from kiosk.services import audit
from kiosk.services.clock import Clock
from kiosk.services.counters import next_value
from kiosk.services.directory import _escape_like
from kiosk.services.print_queue import PrintQueue
from kiosk.services.site import SiteInfo
from kiosk.services.staff import SignedIn, StaffService
from kiosk.services.xlsx_stream import write_xlsx
from kiosk.storage.database import Sessions
from kiosk.storage.models import LostItem, PrintJob

ENTITY = "lost_item"
LIST_LIMIT = 200
SEARCH_MAX = 60
# The longest date range one search or export covers (a year and a day: last year's same week).
MAX_RANGE_DAYS = 366
WHICH = ("held", "unclaimed", "claimed", "disposed", "voided", "all")


@dataclass(frozen=True)
class LostItemFilter:
    """What the desk searches by: which items, a text in what / where found / where kept / the
    number, and the site days they were found on (both included; None: no bound)."""

    which: str = "held"
    text: str = ""
    first_day: date | None = None
    last_day: date | None = None

    def checked(self) -> LostItemFilter:
        if self.which not in WHICH:
            raise ValidationError("which", "unknown")
        text = optional_text(self.text, "search", SEARCH_MAX)
        if self.first_day is not None and self.last_day is not None:
            if self.last_day < self.first_day:
                raise ValidationError("last_day", "before_first")
            if (self.last_day - self.first_day).days >= MAX_RANGE_DAYS:
                raise ValidationError("last_day", "range_too_long", max=MAX_RANGE_DAYS)
        return LostItemFilter(self.which, text, self.first_day, self.last_day)


def _require(who: SignedIn, permission: Permission = Permission.LOST_PROPERTY) -> None:
    if not allowed(who.role, permission):
        raise ValidationError("staff", "not_allowed")


@dataclass
class LostFoundService:
    sessions: Sessions
    clock: Clock
    queue: PrintQueue
    site: SiteInfo
    staff: StaffService
    settings: LostFoundSettings = field(default_factory=LostFoundSettings)

    # --- logging --------------------------------------------------------------------------------
    def log(self, draft: FoundItemDraft, who: SignedIn) -> LostItemView:
        """Record an item handed in at the desk (or left after a meeting)."""
        _require(who)
        now = self.clock.now()
        item = draft.checked(now)
        with self.sessions.begin() as session:
            row = LostItem(
                number=lost_item_number(next_value(session, "lost_item")),
                source=item.source,
                category=item.category,
                what=item.what,
                found_where=item.found_where,
                found_at=item.found_at,
                finder=item.finder,
                kept_at=item.kept_at,
                meeting=item.meeting,
                room=item.room,
                cash_fen=item.cash_fen,
                status=LostItemStatus.HELD,
                logged_at=now,
                logged_by=who.actor.label,
                logged_by_name=who.name,
            )
            session.add(row)
            session.flush()
            audit.record(
                session, who.actor, "lost_found.logged", ENTITY, row.id, now,
                number=row.number, source=row.source.value, category=row.category.value,
            )  # fmt: skip
            return self._view(row)

    # --- reading --------------------------------------------------------------------------------
    def item(self, item_id: int) -> LostItemView:
        with self.sessions.reads() as session:
            return self._view(_get(session, item_id))

    def find(self, code: str) -> LostItemView:
        """The item a scanned tag (or a typed number) names."""
        number = read_lost_item_code(code)
        if number is None:
            raise ValidationError("lost_item_code", "format")
        with self.sessions.reads() as session:
            row = session.scalar(select(LostItem).where(LostItem.number == number))
            if row is None:
                raise ValidationError("lost_item", "unknown")
            return self._view(row)

    def listing(self, chosen: LostItemFilter, limit: int = LIST_LIMIT) -> list[LostItemRow]:
        """The desk's list, newest found first: ``held`` (waiting for an owner), ``unclaimed`` (held
        past the keep period: to dispose of, the oldest first), ``claimed``, ``disposed``,
        ``voided``, ``all``."""
        stmt = self._select(chosen.checked()).limit(limit)
        with self.sessions.reads() as session:
            return [self._row(row) for row in session.scalars(stmt)]

    def export(self, chosen: LostItemFilter, path: Path, words: Mapping[str, str], who: SignedIn) -> Path:
        """The items ``chosen`` selects as an XLSX workbook at ``path``, headed and worded in
        ``words`` (English -> the desk's language): every item, not the list's first 200. Written
        beside it, then renamed: the file is complete or not there. The claimant's ID shows as
        its type and last four, as kept. Supervisors only (it names claimants); audited with the
        search and the count."""
        _require(who, Permission.DISPOSE_LOST_PROPERTY)
        checked = chosen.checked()
        stmt = self._select(checked)
        fd, tmp_name = tempfile.mkstemp(prefix=".lost-found-", suffix=".xlsx", dir=path.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            with self.sessions.reads() as session:
                rows = self._export_rows(session.scalars(stmt), words)
                count = write_xlsx(
                    tmp,
                    [words.get(h, h) for h in EXPORT_HEADERS],
                    rows,
                    sheet_name=words.get("Lost and found", "Lost and found"),
                    widths={0: 11, 3: 28, 4: 20, 5: 17, 7: 16},
                )
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)
        with self.sessions.begin() as session:
            audit.record(
                session, who.actor, "lost_found.exported", ENTITY, "-", self.clock.now(),
                which=checked.which, searched=bool(checked.text), rows=count,
                first_day=str(checked.first_day or ""), last_day=str(checked.last_day or ""),
            )  # fmt: skip
        return path

    # --- the owner ------------------------------------------------------------------------------
    def claim(self, item_id: int, claim: ClaimDraft, who: SignedIn) -> LostItemView:
        """Hand the item to its owner: their ID's type and last four read off the ID they showed,
        their signature (the name typed again and the box ticked), who handed it over and when."""
        _require(who)
        checked = claim.checked()
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = _held(session, item_id)
            row.status = LostItemStatus.CLAIMED
            row.claimant_name = checked.claimant_name
            row.claimant_phone = checked.phone
            row.claimant_id_type = checked.id_type
            row.claimant_id_last_four = checked.id_last_four
            row.claimant_signed_name = checked.signed_name
            row.claimed_at = now
            row.handed_over_by = who.actor.label
            row.handed_over_by_name = who.name
            audit.record(
                session, who.actor, "lost_found.claimed", ENTITY, row.id, now,
                number=row.number, id_type=checked.id_type,
            )  # fmt: skip
            return self._view(row)

    # --- after the keep period ------------------------------------------------------------------
    def dispose(
        self,
        item_id: int,
        method: DisposalMethod,
        note: str,
        supervisor: str,
        pin: str,
        who: SignedIn,
    ) -> LostItemView:
        """Dispose of an item nobody claimed within the keep period, how (``method``: cash,
        valuables and documents go to the police only), approved by a supervisor's PIN who is not
        the member signed in. Checked in this order, so a refused step costs no PIN try: the item
        is held, its period is over, the method fits its category; then the PIN."""
        _require(who)
        clean = optional_text(note, "note", NOTE_MAX)
        now = self.clock.now()
        with self.sessions.reads() as session:
            row = _held(session, item_id)
            self._check_due(row, now)
            check_disposal(row.category, method)
        if not sanitize_text(supervisor):
            raise ValidationError("signer", "required")
        signer = self.staff.countersign(
            supervisor,
            pin,
            Permission.DISPOSE_LOST_PROPERTY,
            "lost_found_disposal",
            "lost_found.disposal_refused",
            entity=ENTITY,
            entity_id=item_id,
            not_by=who,
        )
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = _held(session, item_id)  # again, under the write lock: another desk may have acted
            self._check_due(row, now)
            row.status = LostItemStatus.DISPOSED
            row.disposal_method = method
            row.disposal_note = clean
            row.disposed_at = now
            row.disposed_by = who.actor.label
            row.disposed_by_name = who.name
            row.approved_by = signer.actor.label
            row.approved_by_name = signer.name
            audit.record(
                session, who.actor, "lost_found.disposed", ENTITY, row.id, now,
                number=row.number, method=method.value, approved_by=signer.actor.label,
            )  # fmt: skip
            return self._view(row)

    def void(self, item_id: int, reason: str, who: SignedIn) -> LostItemView:
        """An item logged in error (twice, the wrong thing): voided by a supervisor with the
        reason, kept on record."""
        _require(who, Permission.DISPOSE_LOST_PROPERTY)
        clean = required_text(reason, "reason", NOTE_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = _held(session, item_id)
            row.status = LostItemStatus.VOIDED
            row.void_reason = clean
            row.voided_at = now
            row.voided_by_name = who.name
            audit.record(session, who.actor, "lost_found.voided", ENTITY, row.id, now, number=row.number)
            return self._view(row)

    # --- the tag --------------------------------------------------------------------------------
    def print_tag(self, item_id: int, who: SignedIn, language: str = "zh_CN") -> PrintOutcome:
        """The item's tag at the calling desk's printer; printed before, the same tag again
        marked 副本 / COPY."""
        _require(who)
        with self.sessions.reads() as session:
            row = _get(session, item_id)
            printed = session.scalar(
                select(PrintJob.id)
                .where(PrintJob.document == "lost-item-tag", PrintJob.reference == row.number)
                .order_by(PrintJob.id.desc())
                .limit(1)
            )
            tag = self._tag(row)
        if printed is not None:
            try:
                return self.queue.reprint(printed, who.actor)
            except ValidationError as error:
                if error.field != "print_job":  # not printed yet or purged: a fresh one below
                    raise
        now = self.clock.now()
        with self.sessions.begin() as session:
            job = self.queue.enqueue(session, tag, tag.number, language)
            audit.record(session, who.actor, "lost_found.tag_printed", ENTITY, item_id, now, job=job.id)
            job_id = job.id
        return self.queue.dispatch(job_id, who.actor)

    # --- inside ---------------------------------------------------------------------------------
    def _select(self, chosen: LostItemFilter) -> Select[LostItem]:
        stmt = select(LostItem)
        if chosen.which == "unclaimed":
            cutoff = self.clock.now() - timedelta(days=self.settings.keep_days)
            stmt = stmt.where(LostItem.status == LostItemStatus.HELD, LostItem.found_at <= cutoff)
            stmt = stmt.order_by(LostItem.found_at, LostItem.id)
        else:
            if chosen.which != "all":
                stmt = stmt.where(LostItem.status == LostItemStatus(chosen.which))
            stmt = stmt.order_by(LostItem.found_at.desc(), LostItem.id.desc())
        if chosen.first_day is not None:
            stmt = stmt.where(LostItem.found_at >= self._day_start(chosen.first_day))
        if chosen.last_day is not None:
            stmt = stmt.where(LostItem.found_at < self._day_start(chosen.last_day + timedelta(days=1)))
        if chosen.text:
            number = read_lost_item_code(chosen.text)
            if number is not None:
                stmt = stmt.where(LostItem.number == number)
            else:
                pattern = f"%{_escape_like(chosen.text)}%"
                columns = (LostItem.what, LostItem.found_where, LostItem.kept_at, LostItem.room)
                stmt = stmt.where(or_(*(column.ilike(pattern, escape="\\") for column in columns)))
        return stmt

    def _day_start(self, day: date) -> datetime:
        return datetime.combine(day, time(0), self.site.timezone).astimezone(UTC)

    def _check_due(self, row: LostItem, now: datetime) -> None:
        due = keep_until(row.found_at, self.settings.keep_days)
        if now < due:
            day = due.astimezone(self.site.timezone).date().isoformat()
            raise ValidationError("lost_item", "not_due", day=day)

    def _keep_until(self, row: LostItem) -> datetime:
        return keep_until(row.found_at, self.settings.keep_days)

    def _row(self, row: LostItem) -> LostItemRow:
        return LostItemRow(
            row.id,
            row.number,
            row.source,
            row.category,
            row.what,
            row.found_where,
            row.found_at,
            row.kept_at,
            row.status,
            self._keep_until(row),
            row.room,
        )

    def _view(self, row: LostItem) -> LostItemView:
        return LostItemView(
            item_id=row.id,
            number=row.number,
            source=row.source,
            category=row.category,
            what=row.what,
            found_where=row.found_where,
            found_at=row.found_at,
            finder=row.finder,
            kept_at=row.kept_at,
            meeting=row.meeting,
            room=row.room,
            cash_fen=row.cash_fen,
            status=row.status,
            logged_at=row.logged_at,
            logged_by_name=row.logged_by_name,
            keep_until=self._keep_until(row),
            claimant_name=row.claimant_name,
            claimant_phone=row.claimant_phone,
            claimant_id_type=row.claimant_id_type,
            claimant_id_last_four=row.claimant_id_last_four,
            claimant_signed_name=row.claimant_signed_name,
            claimed_at=row.claimed_at,
            handed_over_by_name=row.handed_over_by_name,
            disposal_method=row.disposal_method,
            disposal_note=row.disposal_note,
            disposed_at=row.disposed_at,
            disposed_by_name=row.disposed_by_name,
            approved_by_name=row.approved_by_name,
            void_reason=row.void_reason,
            voided_at=row.voided_at,
            voided_by_name=row.voided_by_name,
        )

    def _tag(self, row: LostItem) -> LostItemTag:
        zone = self.site.timezone
        return LostItemTag(
            site_name=self.site.name,
            number=row.number,
            code=tag_code(row.number),
            category=row.category,
            what=row.what,
            found_where=row.found_where,
            found_at=row.found_at.astimezone(zone),
            kept_at=row.kept_at,
            keep_until=self._keep_until(row).astimezone(zone),
            source=row.source,
            room=row.room,
        )

    def _export_rows(self, rows: Iterable[LostItem], words: Mapping[str, str]) -> Iterator[Sequence[Any]]:
        zone = self.site.timezone

        def local(moment: datetime | None) -> datetime | None:
            # Naive in the site's zone: the reader sees the desk's clock (xlsx_stream.write_xlsx).
            return moment.astimezone(zone).replace(tzinfo=None) if moment is not None else None

        for row in rows:
            if row.status is LostItemStatus.CLAIMED:
                note = ""
            elif row.status is LostItemStatus.VOIDED:
                note = row.void_reason
            else:
                note = row.disposal_note
            yield (
                row.number,
                words.get(row.source.value, row.source.value),
                words.get(row.category.value, row.category.value),
                row.what,
                row.found_where,
                local(row.found_at),
                row.finder,
                row.kept_at,
                row.meeting,
                row.room,
                row.cash_fen / 100 if row.cash_fen is not None else None,
                words.get(row.status.value, row.status.value),
                row.logged_by_name,
                row.claimant_name,
                words.get(row.claimant_id_type, row.claimant_id_type),
                row.claimant_id_last_four,
                local(row.claimed_at),
                row.handed_over_by_name,
                words.get(row.disposal_method.value, row.disposal_method.value)
                if row.disposal_method is not None
                else "",
                local(row.disposed_at),
                row.approved_by_name,
                note,
            )


def _get(session: Session, item_id: int) -> LostItem:
    row = session.get(LostItem, item_id)
    if row is None:
        raise ValidationError("lost_item", "unknown")
    return row


def _held(session: Session, item_id: int) -> LostItem:
    row = _get(session, item_id)
    if row.status is not LostItemStatus.HELD:
        raise ValidationError("lost_item", f"is_{row.status.value}", number=row.number)
    return row
