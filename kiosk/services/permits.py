"""The management office's permits (管理处开具的凭据): the desk issues them (the permit prints at its
printer with its QR) and cancels them with a reason; the desk, the lobby guard and the kiosk
check them through one function, :meth:`PermitService.check`.

A check is valid, not yet valid, expired (with its last day), cancelled or unknown, on the
site's calendar; every check is audited with its outcome. A valid permit shown at the guard
screen or the desk is then let in, or refused with the reason (the goods differ...): each is a
row of ``permit_entries``. Decided: a material permit serves every delivery on its days (a
decoration's materials come over several), so a let-in does not use it up; the screen shows
the let-ins before, for the guard to judge a paper shown again.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from kiosk.domain.errors import ValidationError
from kiosk.domain.identity import masked_from_last_four, validate_id_number
from kiosk.domain.permit_views import (
    IssuedPermit,
    PermitCheck,
    PermitEntryView,
    PermitSlip,
    PermitValidity,
    PermitView,
)
from kiosk.domain.permits import (
    COMPANY_MAX,
    HOLDER_MAX,
    NOTE_MAX,
    REASON_MAX,
    EntryDecision,
    Material,
    PermitKind,
    PermitOutcome,
    PermitRoute,
    PermitStatus,
    code_matches,
    counter_name,
    ends_at,
    new_nonce,
    outcome_of,
    permit_code,
    permit_number,
    read_permit_code,
    refusal,
    validate_dates,
    validate_materials,
)
from kiosk.domain.repairs import validate_unit
from kiosk.domain.site import SiteInfo
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.text import optional_text, required_text
from kiosk.domain.views import PrintOutcome
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.counters import next_value
from kiosk.services.directory import _escape_like
from kiosk.services.print_queue import PrintQueue
from kiosk.services.staff import SignedIn
from kiosk.services.xlsx_stream import write_xlsx
from kiosk.storage.database import Sessions
from kiosk.storage.models import Permit, PermitEntry, PrintJob

ENTITY = "permit"
DOCUMENT = "permit"  # the print jobs' document kind (kiosk.printing.catalog)
LIST_LIMIT = 200
SEARCH_MAX = 40
# The let-ins and refusals a check or the detail shows, newest first.
ENTRIES_SHOWN = 20
# The export's columns, in English: the desk sends them in its language (words).
EXPORT_HEADERS = (
    "Permit",
    "Kind",
    "Status",
    "Unit",
    "Holder",
    "ID",
    "Company",
    "Materials",
    "Route",
    "Valid from",
    "Valid until",
    "Issued",
    "Issued by",
    "Cancelled",
    "Cancel reason",
    "Let in",
)


@dataclass(frozen=True)
class PermitDraft:
    """What the office types to issue a permit; the service checks each field for its kind."""

    kind: PermitKind
    valid_from: date
    valid_until: date
    unit: str = ""
    holder_name: str = ""
    id_type: str = ""
    id_number: str = ""
    company: str = ""
    materials: tuple[tuple[str, int], ...] = ()
    route: PermitRoute | None = None
    note: str = ""


def _require(who: SignedIn, permission: Permission) -> None:
    if not allowed(who.role, permission):
        raise ValidationError("staff", "not_allowed")


class PermitService:
    def __init__(
        self, sessions: Sessions, clock: Clock, queue: PrintQueue, site: SiteInfo, key: bytes
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._queue = queue
        self._site = site
        self._zone = site.timezone
        self._key = key  # the site's code key: the QR's MAC

    def on_clock(self, clock: Clock) -> PermitService:
        """The same register on another clock (the screenshots issue permits weeks ago)."""
        return PermitService(self._sessions, clock, self._queue, self._site, self._key)

    def _today(self) -> date:
        return self._clock.now().astimezone(self._zone).date()

    # --- the office -----------------------------------------------------------------------------

    def issue(self, draft: PermitDraft, who: SignedIn, language: str = "zh_CN") -> IssuedPermit:
        """Check the draft for its kind, number and store the permit with its print job and audit
        event, then print it at the calling desk."""
        _require(who, Permission.ISSUE_PERMITS)
        now = self._clock.now()
        today = now.astimezone(self._zone).date()
        fields = _checked(draft, today)
        with self._sessions.begin() as session:
            number = permit_number(draft.kind, next_value(session, counter_name(draft.kind)))
            nonce = new_nonce()
            permit = Permit(
                number=number,
                kind=draft.kind,
                status=PermitStatus.ISSUED,
                valid_from=draft.valid_from,
                valid_until=draft.valid_until,
                ends_at=ends_at(draft.valid_until, self._zone),
                code_nonce=nonce,
                issued_by=who.actor.label,
                issued_by_name=who.name,
                issued_at=now,
                **fields,
            )
            session.add(permit)
            session.flush()
            job = self._queue.enqueue(session, self._slip(permit), number, language)
            audit.record(
                session,
                who.actor,
                "permit.issued",
                ENTITY,
                permit.id,
                now,
                number=number,
                kind=draft.kind.value,
                valid_from=draft.valid_from.isoformat(),
                valid_until=draft.valid_until.isoformat(),
            )
            permit_id, job_id = permit.id, job.id
        printed = self._queue.dispatch(job_id, who.actor)
        return IssuedPermit(self.permit(permit_id), printed)

    def issued(self, permit_id: int) -> IssuedPermit:
        """An issued permit's answer again (a retried submit whose first answer was lost)."""
        return IssuedPermit(self.permit(permit_id), PrintOutcome(0, False, None, None))

    def print_again(self, permit_id: int, who: SignedIn) -> PrintOutcome:
        """The permit again, marked 副本 / COPY, at the calling desk (a holder who lost theirs is
        better served by cancelling it and issuing a new one: a copy is the same permit)."""
        _require(who, Permission.ISSUE_PERMITS)
        with self._sessions.reads() as session:
            permit = _get(session, permit_id)
            job_id = session.scalar(
                select(PrintJob.id)
                .where(PrintJob.document == DOCUMENT, PrintJob.reference == permit.number)
                .order_by(PrintJob.id.desc())
                .limit(1)
            )
        if job_id is None:
            raise ValidationError("permit", "not_printed")
        return self._queue.reprint(job_id, who.actor)

    def cancel(self, permit_id: int, who: SignedIn, reason: str) -> PermitView:
        """Cancelled by the office with its reason (the decoration ended early, the worker left,
        the paper was lost): refused wherever it is shown from now on. Kept, never deleted."""
        _require(who, Permission.ISSUE_PERMITS)
        clean = required_text(reason, "reason", REASON_MAX)
        now = self._clock.now()
        with self._sessions.begin() as session:
            permit = _get(session, permit_id, lock=True)
            if permit.status is PermitStatus.CANCELLED:
                raise ValidationError("permit", "already_cancelled", number=permit.number)
            permit.status = PermitStatus.CANCELLED
            permit.cancelled_at = now
            permit.cancelled_by = who.actor.label
            permit.cancelled_by_name = who.name
            permit.cancel_reason = clean
            # Who cancelled, not why: the reason may name the holder; it stays on the permit.
            audit.record(session, who.actor, "permit.cancelled", ENTITY, permit.id, now, number=permit.number)
            return self._view(session, permit, now.astimezone(self._zone).date(), entries=True)

    def permit(self, permit_id: int) -> PermitView:
        with self._sessions.reads() as session:
            return self._view(session, _get(session, permit_id), self._today(), entries=True)

    def listing(self, which: str = "current", search: str = "", limit: int = LIST_LIMIT) -> list[PermitView]:
        """The register, newest first: ``current`` (not cancelled, not past its last day) or
        ``all``; ``search`` a permit number, or part of a unit, holder, company or material."""
        today = self._today()
        stmt = (
            _selected(which, search, today).order_by(Permit.id.desc()).limit(max(1, min(limit, LIST_LIMIT)))
        )
        with self._sessions.reads() as session:
            return [self._view(session, permit, today) for permit in session.scalars(stmt)]

    # --- the check ------------------------------------------------------------------------------

    def check(self, code: str, actor: Actor, who: SignedIn | None = None) -> PermitCheck:
        """What a scanned QR or a typed permit number is, today: the one check the desk, the
        guard screen and the kiosk share. ``who``: the member signed in at a console (None at
        the kiosk, whose station is ``actor``). Audited with the outcome."""
        if who is not None:
            _require(who, Permission.CHECK_PERMITS)
        read = read_permit_code(code)
        now = self._clock.now()
        today = now.astimezone(self._zone).date()
        with self._sessions.begin() as session:
            permit = (
                session.scalar(select(Permit).where(Permit.number == read.number))
                if read is not None
                else None
            )
            if (
                permit is None
                or read is None
                or not code_matches(self._key, read, permit.code_nonce, permit.issued_at)
            ):
                # Not a permit code, no such number, or a QR not signed for this permit (altered,
                # or printed before the database was restored from an older backup).
                why = "no_code" if read is None else "not_on_record" if permit is None else "code_mismatch"
                audit.record(session, actor, "permit.checked", ENTITY, "-", now, outcome="unknown", why=why)
                return PermitCheck(PermitOutcome.UNKNOWN)
            outcome = outcome_of(permit.status, permit.valid_from, permit.valid_until, today)
            audit.record(
                session,
                actor,
                "permit.checked",
                ENTITY,
                permit.id,
                now,
                number=permit.number,
                outcome=outcome.value,
                scanned=bool(read.mac),
            )
            return PermitCheck(outcome, self._view(session, permit, today, entries=True))

    def check_at_kiosk(self, code: str, actor: Actor) -> PermitValidity:
        """The kiosk's check: a valid permit's number, kind and days, nothing of its holder; any
        other outcome raised as its refusal (``permit.<outcome>``, with the dates), which the
        kiosk words in the visitor's language. Unknown permits count as wrong tries (the route)."""
        checked = self.check(code, actor)
        refused = checked.refusal()
        if refused is not None or checked.permit is None:
            raise refused or ValidationError("permit", "unknown")
        permit = checked.permit
        return PermitValidity(permit.number, permit.kind, permit.valid_from, permit.valid_until)

    def record_entry(
        self, permit_id: int, who: SignedIn, decision: EntryDecision, note: str = ""
    ) -> PermitView:
        """A valid permit shown: let in (the goods match, the worker is the holder), or refused
        with the reason. A let-in is checked again as it is written: a permit cancelled at the
        office a moment ago, or past midnight on its last day, is refused with its reason."""
        _require(who, Permission.CHECK_PERMITS)
        if decision is EntryDecision.REFUSED:
            clean = required_text(note, "reason", REASON_MAX)
        else:
            clean = optional_text(note, "note", NOTE_MAX)
        now = self._clock.now()
        today = now.astimezone(self._zone).date()
        with self._sessions.begin() as session:
            permit = _get(session, permit_id, lock=True)
            outcome = outcome_of(permit.status, permit.valid_from, permit.valid_until, today)
            refused = refusal(outcome, permit.number, permit.valid_from, permit.valid_until)
            if decision is EntryDecision.LET_IN and refused is not None:
                raise refused
            session.add(
                PermitEntry(
                    permit_id=permit.id,
                    at=now,
                    decision=decision,
                    by=who.actor.label,
                    by_name=who.name,
                    note=clean,
                )
            )
            session.flush()
            audit.record(
                session,
                who.actor,
                "permit.let_in" if decision is EntryDecision.LET_IN else "permit.refused",
                ENTITY,
                permit.id,
                now,
                number=permit.number,
            )
            return self._view(session, permit, today, entries=True)

    # --- the export -----------------------------------------------------------------------------

    def export(
        self, path: Path, words: Mapping[str, str], actor: Actor, which: str = "all", search: str = ""
    ) -> int:
        """The register (``which``, ``search`` as the list, every row) as an XLSX workbook at
        ``path``, in the desk's ``words`` (English -> its language); complete or not at all, in
        one read snapshot. Audited with the row count (not the search: it may be a name). The ID
        as its type and last four only."""
        today = self._today()
        stmt = _selected(which, search, today).order_by(Permit.id)
        let_in = (
            select(PermitEntry.permit_id, func.count())
            .where(PermitEntry.decision == EntryDecision.LET_IN)
            .group_by(PermitEntry.permit_id)
        )
        fd, tmp_name = tempfile.mkstemp(prefix=".export-", suffix=".xlsx", dir=path.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            with self._sessions.reads() as session:
                counts: dict[int, int] = {pid: n for pid, n in session.execute(let_in)}
                cells = (
                    self._cells(self._view(session, p, today), counts.get(p.id, 0), words)
                    for p in session.scalars(stmt)
                )
                headers = [words.get(h, h) for h in EXPORT_HEADERS]
                sheet = words.get("Permits", "Permits")
                count = write_xlsx(
                    tmp, headers, cells, sheet_name=sheet, widths={1: 12, 7: 24, 8: 30, 12: 16}
                )
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)
        with self._sessions.begin() as session:
            audit.record(
                session, actor, "permit.exported", ENTITY, "-", self._clock.now(), which=which, rows=count
            )
        return count

    def _cells(self, view: PermitView, let_in: int, words: Mapping[str, str]) -> Sequence[Any]:
        def word(english: str) -> str:
            return words.get(english, english)

        def local(moment: datetime | None) -> datetime | None:
            return moment.astimezone(self._zone).replace(tzinfo=None) if moment is not None else None

        materials = "; ".join(f"{m.name} × {m.quantity}" for m in view.materials)
        id_shown = f"{word(view.id_type)} ****{view.id_last_four}" if view.id_last_four else ""
        return (
            view.number,
            word(view.kind.value),
            word(view.outcome.value),
            view.unit,
            view.holder_name,
            id_shown,
            view.company,
            materials,
            word(view.route.value) if view.route is not None else "",
            view.valid_from,
            view.valid_until,
            local(view.issued_at),
            view.issued_by_name,
            local(view.cancelled_at),
            view.cancel_reason,
            let_in,
        )

    # --- helpers --------------------------------------------------------------------------------

    def _slip(self, permit: Permit) -> PermitSlip:
        length = 18 if permit.id_type == "resident_id" else 8
        return PermitSlip(
            site_name=self._site.name,
            number=permit.number,
            code=permit_code(self._key, permit.number, permit.code_nonce, permit.issued_at),
            kind=permit.kind,
            issued_at=permit.issued_at.astimezone(self._zone),
            unit=permit.unit,
            holder_name=permit.holder_name,
            id_masked=masked_from_last_four(permit.id_last_four, length) if permit.id_last_four else "",
            company=permit.company,
            materials=_materials(permit),
            route=permit.route,
            valid_from=permit.valid_from,
            valid_until=permit.valid_until,
            note=permit.note,
            clerk=permit.issued_by_name,
        )

    def _view(self, session: Session, permit: Permit, today: date, entries: bool = False) -> PermitView:
        shown: tuple[PermitEntryView, ...] = ()
        if entries:
            rows = session.scalars(
                select(PermitEntry)
                .where(PermitEntry.permit_id == permit.id)
                .order_by(PermitEntry.id.desc())
                .limit(ENTRIES_SHOWN)
            )
            shown = tuple(PermitEntryView(e.at, e.decision, e.by_name, e.note) for e in rows)
        return PermitView(
            permit.id,
            permit.number,
            permit.kind,
            permit.status,
            permit.unit,
            permit.holder_name,
            permit.id_type,
            permit.id_last_four,
            permit.company,
            _materials(permit),
            permit.route,
            permit.valid_from,
            permit.valid_until,
            permit.note,
            permit.issued_by_name,
            permit.issued_at,
            permit.cancelled_at,
            permit.cancelled_by_name,
            permit.cancel_reason,
            shown,
            outcome_of(permit.status, permit.valid_from, permit.valid_until, today),
        )


def _selected(which: str, search: str, today: date) -> Select[Permit]:
    stmt = select(Permit)
    if which == "current":
        stmt = stmt.where(Permit.status == PermitStatus.ISSUED, Permit.valid_until >= today)
    elif which != "all":
        raise ValidationError("which", "unknown")
    text = optional_text(search, "search", SEARCH_MAX)
    if text:
        read = read_permit_code(text)
        if read is not None:
            return stmt.where(Permit.number == read.number)
        pattern = f"%{_escape_like(text)}%"
        columns = (Permit.number, Permit.unit, Permit.holder_name, Permit.company, Permit.materials)
        stmt = stmt.where(or_(*(column.ilike(pattern, escape="\\") for column in columns)))
    return stmt


def _get(session: Session, permit_id: int, lock: bool = False) -> Permit:
    permit = session.get(Permit, permit_id, with_for_update=lock)
    if permit is None:
        raise ValidationError("permit", "unknown")
    return permit


def _materials(permit: Permit) -> tuple[Material, ...]:
    lines: list[list[object]] = json.loads(permit.materials or "[]")
    return tuple(Material(str(name), int(str(quantity))) for name, quantity in lines)


def _checked(draft: PermitDraft, today: date) -> dict[str, Any]:
    """The draft's fields for its kind, cleaned, as the Permit row's columns; ValidationError
    naming the first field to fix. Material permits: the unit, the materials and the way up
    (the carrier's name, company and ID if given). Entry permits: the holder's name, ID and
    company, and for decoration the unit."""
    validate_dates(draft.valid_from, draft.valid_until, today)
    kind = draft.kind
    unit = validate_unit(draft.unit) if kind.needs_unit or draft.unit.strip() else ""
    materials: tuple[Material, ...] = ()
    route: PermitRoute | None = None
    if kind.is_material:
        materials = validate_materials(list(draft.materials))
        if draft.route is None:
            raise ValidationError("route", "required")
        route = draft.route
        holder = optional_text(draft.holder_name, "holder_name", HOLDER_MAX)
        company = optional_text(draft.company, "company", COMPANY_MAX)
    else:
        holder = required_text(draft.holder_name, "holder_name", HOLDER_MAX)
        company = required_text(draft.company, "company", COMPANY_MAX)
    id_type, last_four = "", ""
    if not kind.is_material or draft.id_number.strip():
        if not draft.id_number.strip():
            raise ValidationError("id_number", "empty")
        id_type = draft.id_type or "resident_id"
        last_four = validate_id_number(id_type, draft.id_number, today)[-4:]
    return {
        "unit": unit,
        "holder_name": holder,
        "id_type": id_type,
        "id_last_four": last_four,
        "company": company,
        "materials": json.dumps([[m.name, m.quantity] for m in materials], ensure_ascii=False),
        "route": route,
        "note": optional_text(draft.note, "note", NOTE_MAX),
    }
