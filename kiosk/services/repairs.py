"""Repair requests (报修), seed 004 §9.2.1 and 002 场景四: the desk takes them by phone or at the
counter, dispatches them to the engineering department (工程部) or an outside contractor with a
printed work order (派工单), records the engineer's arrival and completion, the resident's
sign-off and the callback (回访). Each request runs against its clocks (kiosk.domain.repairs):
the lobby board shows the time left, and the server's round alerts the duty supervisor once per
clock that ran out.

Decided: a request reopened within the warranty goes back to the same request (a new cycle: its
clocks start again, its steps so far stay in the timeline); after the warranty the desk takes a
new request that names the one it follows. A callback nobody answered is recorded and the
request waits for another; one answered closes it. Cancelling (supervisors) keeps the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from kiosk.domain.complaints import Satisfaction
from kiosk.domain.errors import ValidationError
from kiosk.domain.repair_views import (
    DispatchedRepair,
    ReopenedRepair,
    RepairEventView,
    RepairRow,
    RepairView,
)
from kiosk.domain.repairs import (
    CALLER_MAX,
    CONTRACTOR_MAX,
    ENGINEER_MAX,
    FINISHED,
    IN_HOUSE,
    LOCATION_MAX,
    NOTE_MAX,
    OPEN,
    WHAT_MAX,
    RepairCategory,
    RepairClass,
    RepairClock,
    RepairEventKind,
    RepairOnBoard,
    RepairSettings,
    RepairStatus,
    WorkOrder,
    amber_from,
    current_clock,
    deadlines,
    read_repair_code,
    reopen_asks_caller,
    repair_number,
    validate_phone,
    validate_unit,
    warranty_ends,
    work_order_code,
)
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.text import optional_text, required_text, sanitize_text
from kiosk.domain.views import PrintOutcome
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.counters import next_value
from kiosk.services.print_queue import PrintQueue
from kiosk.services.site import SiteInfo
from kiosk.services.staff import SignedIn
from kiosk.services.supervisor_alerts import tell_supervisor
from kiosk.storage.database import Sessions
from kiosk.storage.models import PrintJob, RepairEvent, RepairRequest

ENTITY = "repair_request"
LIST_LIMIT = 200
_CLOCK_WORDS = {
    RepairClock.ARRIVAL: "到场时限 / on-site deadline",
    RepairClock.FIX: "修复时限 / repair deadline",
}
_CATEGORY_WORDS = {
    RepairCategory.WATER: "水 / water",
    RepairCategory.ELECTRICITY: "电 / electricity",
    RepairCategory.AIR_CONDITIONING: "空调 / air conditioning",
    RepairCategory.LIFT: "电梯 / lift",
    RepairCategory.DOORS_LOCKS: "门窗锁具 / doors and locks",
    RepairCategory.OTHER: "其他 / other",
}


@dataclass(frozen=True)
class RepairDraft:
    """What the desk asks a caller (场景四): which unit, what needs repairing, where."""

    unit: str
    caller_name: str
    phone: str
    what: str
    category: RepairCategory
    repair_class: RepairClass
    location: str = ""


@dataclass(frozen=True)
class RepairOverdue:
    """A clock that ran out, for the duty supervisor: which request, which clock, since when.
    No caller's name or phone: the supervisor opens the request at the console."""

    number: str
    unit: str
    category: RepairCategory
    repair_class: RepairClass
    clock: RepairClock
    due_at: datetime
    assignee: str
    timezone: tzinfo

    def subject(self) -> str:
        return f"报修超时 / Repair overdue {self.number} {self.unit}"

    def lines(self) -> list[str]:
        due = f"{self.due_at.astimezone(self.timezone):%Y-%m-%d %H:%M}"
        urgent = self.repair_class is RepairClass.URGENT
        assignee = self.assignee or "未派工 / not dispatched"
        return [
            f"报修单 {self.number}（{self.unit}，{'急修' if urgent else '一般维修'}）已超过"
            f"{_CLOCK_WORDS[self.clock].split(' / ')[0]}（{due}），请跟进。",
            f"Repair request {self.number} ({self.unit}, {'urgent' if urgent else 'general'}) is past "
            f"its {_CLOCK_WORDS[self.clock].split(' / ')[1]} ({due}); please follow it up.",
            "",
            f"- 类别 / category: {_CATEGORY_WORDS[self.category]}",
            f"- 承修 / dispatched to: {assignee}",
        ]


def _require(who: SignedIn, permission: Permission = Permission.HANDLE_REPAIRS) -> None:
    if not allowed(who.role, permission):
        raise ValidationError("staff", "not_allowed")


@dataclass
class RepairService:
    sessions: Sessions
    clock: Clock
    queue: PrintQueue
    site: SiteInfo
    settings: RepairSettings = field(default_factory=RepairSettings)
    # Where overdue alerts go besides the audit trail and the board (kiosk.app: the mail).
    alerters: list[Callable[[RepairOverdue], None]] = field(default_factory=list)

    # --- taking ---------------------------------------------------------------------------------
    def take(self, draft: RepairDraft, who: SignedIn) -> RepairView:
        """Record a request and start its clocks."""
        _require(who)
        unit = validate_unit(draft.unit)
        caller = required_text(draft.caller_name, "caller_name", CALLER_MAX)
        phone = validate_phone(draft.phone)
        what = required_text(draft.what, "what", WHAT_MAX)
        location = optional_text(draft.location, "location", LOCATION_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            request = self._new_request(
                session, unit, caller, phone, what, location, draft.category, draft.repair_class, who, now
            )
            return self._view(session, request)

    def _new_request(
        self,
        session: Session,
        unit: str,
        caller: str,
        phone: str,
        what: str,
        location: str,
        category: RepairCategory,
        repair_class: RepairClass,
        who: SignedIn,
        now: datetime,
        follows: RepairRequest | None = None,
    ) -> RepairRequest:
        due = deadlines(repair_class, now, self.settings)
        request = RepairRequest(
            number=repair_number(next_value(session, "repair")),
            unit=unit,
            location=location,
            caller_name=caller,
            phone=phone,
            what=what,
            category=category,
            repair_class=repair_class,
            status=RepairStatus.TAKEN,
            taken_by=who.actor.label,
            taken_by_name=who.name,
            taken_at=now,
            cycle=1,
            clock_started_at=now,
            arrive_by=due.arrive_by,
            fix_by=due.fix_by,
            follows_id=follows.id if follows is not None else None,
        )
        session.add(request)
        session.flush()
        self._event(session, request, RepairEventKind.TAKEN, who, now, follows.number if follows else "")
        audit.record(
            session,
            who.actor,
            "repair.taken",
            ENTITY,
            request.id,
            now,
            number=request.number,
            unit=unit,
            category=category.value,
            repair_class=repair_class.value,
            follows=follows.number if follows is not None else None,
        )
        return request

    # --- reading --------------------------------------------------------------------------------
    def repair(self, repair_id: int) -> RepairView:
        with self.sessions.reads() as session:
            return self._view(session, self._get(session, repair_id))

    def find(self, code: str) -> RepairView:
        """The request a scanned work order (or a typed number) names."""
        number = read_repair_code(code)
        if number is None:
            raise ValidationError("repair_code", "format")
        with self.sessions.reads() as session:
            request = session.scalar(select(RepairRequest).where(RepairRequest.number == number))
            if request is None:
                raise ValidationError("repair", "unknown")
            return self._view(session, request)

    def listing(self, which: str = "open", search: str = "", limit: int = LIST_LIMIT) -> list[RepairRow]:
        """The desk's list, newest first: ``open`` (not closed or cancelled), ``overdue`` (a clock
        ran out), ``all``; ``search``: a request number or a unit."""
        now = self.clock.now()
        stmt = select(RepairRequest).order_by(RepairRequest.id.desc()).limit(limit)
        if which == "open":
            stmt = stmt.where(
                RepairRequest.status.in_((*OPEN, RepairStatus.COMPLETED, RepairStatus.SIGNED_OFF))
            )
        elif which == "overdue":
            stmt = stmt.where(RepairRequest.status.in_(OPEN), _overdue(now))
        elif which != "all":
            raise ValidationError("which", "unknown")
        text = search.strip()
        if text:
            number = read_repair_code(text)
            if number is not None:
                stmt = stmt.where(RepairRequest.number == number)
            else:
                try:
                    unit = validate_unit(text)
                except ValidationError:
                    raise ValidationError("search", "number_or_unit") from None
                stmt = stmt.where(RepairRequest.unit == unit)
        with self.sessions.reads() as session:
            return [_row(request, self._assignee(request)) for request in session.scalars(stmt)]

    def on_board(self) -> list[RepairOnBoard]:
        """Open requests with their current clock, the soonest due first. Columns, not entities,
        through ix_repair_requests_status_fix_by: the board reads it on every refresh."""
        stmt = select(
            RepairRequest.id,
            RepairRequest.number,
            RepairRequest.unit,
            RepairRequest.location,
            RepairRequest.category,
            RepairRequest.repair_class,
            RepairRequest.status,
            RepairRequest.clock_started_at,
            RepairRequest.arrive_by,
            RepairRequest.arrived_at,
            RepairRequest.fix_by,
            RepairRequest.dispatched_at,
            RepairRequest.contractor,
        ).where(RepairRequest.status.in_(OPEN))
        percent = self.settings.amber_percent
        rows: list[RepairOnBoard] = []
        with self.sessions.reads() as session:
            for r in session.execute(stmt):
                clock, due = current_clock(r.arrive_by, r.arrived_at is not None, r.fix_by)
                # The fix clock's amber counts over its whole length, from the same start.
                rows.append(
                    RepairOnBoard(
                        r.id,
                        r.number,
                        r.unit,
                        r.location,
                        r.category,
                        r.repair_class,
                        r.status,
                        clock,
                        due,
                        amber_from(r.clock_started_at, due, percent),
                        (r.contractor or IN_HOUSE) if r.dispatched_at is not None else "",
                    )
                )
        return sorted(rows, key=lambda row: (row.due_at, row.repair_id))

    # --- the work -------------------------------------------------------------------------------
    def dispatch(
        self, repair_id: int, who: SignedIn, contractor: str = "", engineer: str = "", language: str = "zh_CN"
    ) -> DispatchedRepair:
        """Send the request to the engineering department (``contractor`` empty) or an outside
        contractor, and print its work order at the calling desk. Dispatched again (another
        contractor, the engineer changed), a new work order prints."""
        _require(who)
        contractor = optional_text(contractor, "contractor", CONTRACTOR_MAX)
        engineer = optional_text(engineer, "engineer", ENGINEER_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            request = self._at(session, repair_id, (RepairStatus.TAKEN, RepairStatus.DISPATCHED))
            request.status = RepairStatus.DISPATCHED
            request.dispatched_at = now
            request.contractor = contractor
            request.engineer = engineer
            assignee = contractor or IN_HOUSE
            self._event(session, request, RepairEventKind.DISPATCHED, who, now, _join(assignee, engineer))
            job = self.queue.enqueue(session, self._work_order(request, who), request.number, language)
            audit.record(
                session,
                who.actor,
                "repair.dispatched",
                ENTITY,
                request.id,
                now,
                number=request.number,
                in_house=not contractor,
                job=job.id,
            )
            job_id = job.id
        printed = self.queue.dispatch(job_id, who.actor)
        return DispatchedRepair(self.repair(repair_id), printed)

    def print_again(self, repair_id: int, who: SignedIn) -> PrintOutcome:
        """The request's last work order again, marked 副本 / COPY, at the calling desk."""
        _require(who)
        with self.sessions.reads() as session:
            request = self._get(session, repair_id)
            job_id = session.scalar(
                select(PrintJob.id)
                .where(PrintJob.document == "work-order", PrintJob.reference == request.number)
                .order_by(PrintJob.id.desc())
                .limit(1)
            )
        if job_id is None:
            raise ValidationError("repair", "not_dispatched")
        return self.queue.reprint(job_id, who.actor)

    def record_arrival(self, repair_id: int, who: SignedIn) -> RepairView:
        """The engineer is on site (they phoned the desk, or their work order was scanned)."""
        return self._step(
            repair_id,
            who,
            (RepairStatus.DISPATCHED,),
            RepairEventKind.ARRIVED,
            "",
            _arrived,
        )

    def record_completion(self, repair_id: int, who: SignedIn, note: str = "") -> RepairView:
        """The engineer reports the work done: the fix clock stops. Not recorded as on site
        before, they were (at the same moment)."""

        def complete(request: RepairRequest, now: datetime) -> None:
            if request.arrived_at is None:
                request.arrived_at = now
            request.status = RepairStatus.COMPLETED
            request.completed_at = now
            request.last_completed_at = now

        clean = optional_text(note, "note", NOTE_MAX)
        allowed_from = (RepairStatus.DISPATCHED, RepairStatus.ON_SITE)
        return self._step(repair_id, who, allowed_from, RepairEventKind.COMPLETED, clean, complete)

    def sign_off(self, repair_id: int, who: SignedIn, signed_by: str) -> RepairView:
        """The resident signed the work order (修理项目竣工以业主验收签字为准); the desk records the
        name they signed with when the signed order comes back."""
        name = required_text(signed_by, "signed_by", CALLER_MAX)

        def signed(request: RepairRequest, now: datetime) -> None:
            request.status = RepairStatus.SIGNED_OFF
            request.signed_off_by = name
            request.signed_off_at = now

        return self._step(repair_id, who, (RepairStatus.COMPLETED,), RepairEventKind.SIGNED_OFF, name, signed)

    def callback(
        self, repair_id: int, who: SignedIn, satisfaction: Satisfaction | None, note: str = ""
    ) -> RepairView:
        """The callback (回访): the resident's satisfaction closes the request; ``None`` records
        a call nobody answered, and the request waits for the next try."""
        clean = optional_text(note, "note", NOTE_MAX)

        def called(request: RepairRequest, now: datetime) -> None:
            if satisfaction is not None:
                request.status = RepairStatus.CLOSED
                request.satisfaction = satisfaction
                request.closed_at = now

        allowed_from = (RepairStatus.COMPLETED, RepairStatus.SIGNED_OFF)
        return self._step(
            repair_id, who, allowed_from, RepairEventKind.CALLBACK, clean, called, satisfaction=satisfaction
        )

    def cancel(self, repair_id: int, who: SignedIn, reason: str) -> RepairView:
        """Withdrawn (the resident fixed it, a duplicate...), by a supervisor, with the reason."""
        _require(who, Permission.CANCEL_REPAIRS)
        clean = required_text(reason, "reason", NOTE_MAX)

        def cancelled(request: RepairRequest, now: datetime) -> None:
            request.status = RepairStatus.CANCELLED
            request.cancelled_at = now
            request.cancel_reason = clean

        return self._step(
            repair_id, who, OPEN, RepairEventKind.CANCELLED, clean, cancelled, Permission.CANCEL_REPAIRS
        )

    def reopen(
        self, repair_id: int, who: SignedIn, reason: str, caller_name: str = "", phone: str = ""
    ) -> ReopenedRepair:
        """It broke again. Within the warranty (from the last completion) the same request opens
        again: a new cycle, its clocks from now, to be dispatched again (返修, at no charge); after
        it, a new request is taken with the same details, naming this one.

        The caller's name and phone are asked again (``reopen_asks_caller``) after the warranty or
        when the request's were blanked by retention: refused as ``ask_again`` when missing. Given
        at another time, they are who to call for this cycle."""
        _require(who)
        clean = required_text(reason, "reason", NOTE_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            request = self._at(session, repair_id, FINISHED)
            completed = request.last_completed_at
            months, zone = self.settings.warranty_months, self.site.timezone
            warranty = warranty_ends(completed, months, zone) if completed is not None else None
            caller = _caller_again(
                caller_name, phone, reopen_asks_caller(request.caller_name, request.phone, warranty, now)
            )
            if warranty is not None and now >= warranty:
                assert caller is not None  # asked again after the warranty
                new = self._new_request(
                    session,
                    request.unit,
                    caller[0],
                    caller[1],
                    clean,
                    request.location,
                    request.category,
                    request.repair_class,
                    who,
                    now,
                    follows=request,
                )
                return ReopenedRepair(self._view(session, new), same=False)
            due = deadlines(request.repair_class, now, self.settings)
            request.cycle += 1
            request.status = RepairStatus.TAKEN
            request.clock_started_at = now
            request.arrive_by, request.fix_by = due.arrive_by, due.fix_by
            request.dispatched_at = request.arrived_at = request.completed_at = None
            request.contractor = request.engineer = request.signed_off_by = ""
            request.signed_off_at = request.closed_at = None
            request.satisfaction = None
            request.arrival_alerted_at = request.fix_alerted_at = None
            if caller is not None:
                request.caller_name, request.phone = caller
            self._event(session, request, RepairEventKind.REOPENED, who, now, clean)
            audit.record(
                session, who.actor, "repair.reopened", ENTITY, request.id, now,
                number=request.number, cycle=request.cycle, caller_given=caller is not None,
            )  # fmt: skip
            return ReopenedRepair(self._view(session, request), same=True)

    # --- the server's round ---------------------------------------------------------------------
    def alert_overdue(self, actor: Actor) -> list[RepairOverdue]:
        """Mark each clock that ran out (arrival: nobody recorded on site; fix: not completed) and
        alert the duty supervisor, once per clock and cycle: the mark is set in the same
        transaction as the overdue step and its audit event, so no round alerts it again."""
        now = self.clock.now()
        alerts: list[RepairOverdue] = []
        with self.sessions.begin() as session:
            due = session.scalars(
                select(RepairRequest)
                .where(RepairRequest.status.in_(OPEN), _unalerted(now))
                .order_by(RepairRequest.id)
                .with_for_update()
            ).all()
            for request in due:
                for clock, due_at in _clocks_run_out(request, now):
                    if clock is RepairClock.ARRIVAL:
                        request.arrival_alerted_at = now
                    else:
                        request.fix_alerted_at = now
                    session.add(
                        RepairEvent(
                            request_id=request.id,
                            cycle=request.cycle,
                            kind=RepairEventKind.OVERDUE,
                            at=now,
                            actor=actor.label,
                            actor_name="",
                            note="",
                            clock=clock,
                        )
                    )
                    audit.record(
                        session, actor, "repair.overdue_alerted", ENTITY, request.id, now,
                        number=request.number, clock=clock.value, cycle=request.cycle,
                    )  # fmt: skip
                    alerts.append(
                        RepairOverdue(
                            request.number,
                            request.unit,
                            request.category,
                            request.repair_class,
                            clock,
                            due_at,
                            self._assignee(request),
                            self.site.timezone,
                        )
                    )
        for alert in alerts:
            tell_supervisor(self.alerters, alert, "repair overdue")
        return alerts

    # --- inside ---------------------------------------------------------------------------------
    def _step(
        self,
        repair_id: int,
        who: SignedIn,
        allowed_from: tuple[RepairStatus, ...],
        kind: RepairEventKind,
        note: str,
        change: Callable[[RepairRequest, datetime], None],
        permission: Permission = Permission.HANDLE_REPAIRS,
        satisfaction: Satisfaction | None = None,
    ) -> RepairView:
        """One step of the work: checked against where the request stands, changed, its event
        and audit added, in one transaction (writers take turns: two desks cannot both do it)."""
        _require(who, permission)
        now = self.clock.now()
        with self.sessions.begin() as session:
            request = self._at(session, repair_id, allowed_from)
            change(request, now)
            self._event(session, request, kind, who, now, note, satisfaction)
            audit.record(
                session,
                who.actor,
                f"repair.{kind.value}",
                ENTITY,
                request.id,
                now,
                number=request.number,
                cycle=request.cycle,
                satisfaction=satisfaction.value if satisfaction is not None else None,
            )
            return self._view(session, request)

    @staticmethod
    def _get(session: Session, repair_id: int) -> RepairRequest:
        request = session.get(RepairRequest, repair_id)
        if request is None:
            raise ValidationError("repair", "unknown")
        return request

    def _at(self, session: Session, repair_id: int, allowed_from: tuple[RepairStatus, ...]) -> RepairRequest:
        request = self._get(session, repair_id)
        if request.status not in allowed_from:
            raise ValidationError("repair", f"is_{request.status.value}", number=request.number)
        return request

    @staticmethod
    def _event(
        session: Session,
        request: RepairRequest,
        kind: RepairEventKind,
        who: SignedIn,
        now: datetime,
        note: str = "",
        satisfaction: Satisfaction | None = None,
    ) -> None:
        session.add(
            RepairEvent(
                request_id=request.id,
                cycle=request.cycle,
                kind=kind,
                at=now,
                actor=who.actor.label,
                actor_name=who.name,
                note=note,
                satisfaction=satisfaction,
            )
        )

    @staticmethod
    def _assignee(request: RepairRequest) -> str:
        return (request.contractor or IN_HOUSE) if request.dispatched_at is not None else ""

    def _work_order(self, request: RepairRequest, who: SignedIn) -> WorkOrder:
        zone = self.site.timezone
        return WorkOrder(
            site_name=self.site.name,
            number=request.number,
            code=work_order_code(request.number),
            taken_at=request.taken_at.astimezone(zone),
            unit=request.unit,
            location=request.location,
            caller_name=request.caller_name,
            phone=request.phone,
            category=request.category,
            repair_class=request.repair_class,
            what=request.what,
            assignee=request.contractor or IN_HOUSE,
            engineer=request.engineer,
            dispatched_at=(request.dispatched_at or request.taken_at).astimezone(zone),
            arrive_by=request.arrive_by.astimezone(zone) if request.arrive_by is not None else None,
            fix_by=request.fix_by.astimezone(zone),
            clerk=who.name,
            cycle=request.cycle,
        )

    def _view(self, session: Session, request: RepairRequest) -> RepairView:
        session.flush()
        events = session.scalars(
            select(RepairEvent).where(RepairEvent.request_id == request.id).order_by(RepairEvent.id)
        )
        follows = (
            session.scalar(select(RepairRequest.number).where(RepairRequest.id == request.follows_id))
            if request.follows_id is not None
            else None
        )
        warranty = (
            warranty_ends(request.last_completed_at, self.settings.warranty_months, self.site.timezone)
            if request.last_completed_at is not None
            else None
        )
        return RepairView(
            repair_id=request.id,
            number=request.number,
            unit=request.unit,
            location=request.location,
            caller_name=request.caller_name,
            phone=request.phone,
            category=request.category,
            repair_class=request.repair_class,
            what=request.what,
            status=request.status,
            taken_at=request.taken_at,
            taken_by_name=request.taken_by_name,
            cycle=request.cycle,
            clock_started_at=request.clock_started_at,
            arrive_by=request.arrive_by,
            fix_by=request.fix_by,
            assignee=self._assignee(request),
            engineer=request.engineer,
            arrived_at=request.arrived_at,
            completed_at=request.completed_at,
            signed_off_by=request.signed_off_by,
            satisfaction=request.satisfaction,
            cancel_reason=request.cancel_reason,
            warranty_until=warranty,
            follows=follows or "",
            events=tuple(
                RepairEventView(e.kind, e.at, e.cycle, e.actor_name, e.note, e.satisfaction, e.clock)
                for e in events
            ),
        )


def _caller_again(name: str, phone: str, asked: bool) -> tuple[str, str] | None:
    """Who to call for a reopened request: the name and phone given (both needed, ``ask_again``
    naming the missing one when the reopen must ask), or None to keep the request's."""
    if not asked and not sanitize_text(name) and not sanitize_text(phone):
        return None
    if asked and not sanitize_text(name):
        raise ValidationError("caller_name", "ask_again")
    if asked and not sanitize_text(phone):
        raise ValidationError("phone", "ask_again")
    return required_text(name, "caller_name", CALLER_MAX), validate_phone(phone)


def _arrived(request: RepairRequest, now: datetime) -> None:
    request.status = RepairStatus.ON_SITE
    request.arrived_at = now


def _join(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def _overdue(now: datetime) -> ColumnElement[bool]:
    """An open request's current clock has run out."""
    return or_(
        and_(RepairRequest.arrive_by <= now, RepairRequest.arrived_at.is_(None)),
        RepairRequest.fix_by <= now,
    )


def _unalerted(now: datetime) -> ColumnElement[bool]:
    return or_(
        and_(
            RepairRequest.arrive_by <= now,
            RepairRequest.arrived_at.is_(None),
            RepairRequest.arrival_alerted_at.is_(None),
        ),
        and_(RepairRequest.fix_by <= now, RepairRequest.fix_alerted_at.is_(None)),
    )


def _clocks_run_out(request: RepairRequest, now: datetime) -> list[tuple[RepairClock, datetime]]:
    out: list[tuple[RepairClock, datetime]] = []
    if (
        request.arrive_by is not None
        and request.arrive_by <= now
        and request.arrived_at is None
        and request.arrival_alerted_at is None
    ):
        out.append((RepairClock.ARRIVAL, request.arrive_by))
    if request.fix_by <= now and request.fix_alerted_at is None:
        out.append((RepairClock.FIX, request.fix_by))
    return out


def _row(request: RepairRequest, assignee: str) -> RepairRow:
    return RepairRow(
        request.id,
        request.number,
        request.unit,
        request.category,
        request.repair_class,
        request.status,
        request.taken_at,
        request.what,
        assignee,
        request.arrive_by,
        request.fix_by,
        request.arrived_at,
        request.completed_at,
        request.cycle,
    )
