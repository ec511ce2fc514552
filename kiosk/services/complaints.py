"""The complaints and suggestions register (投诉 / 建议登记): recorded at the desk with who is
responsible and by when, followed up step by step (each dated and signed), called back (回访),
closed only with a result. A serious complaint (重大投诉) alerts the manager at once, when it is
recorded or when it is made serious later. Nothing is deleted; every change is audited, without
the person's name or words (the audit trail keeps no personal data).

Rights (checked again here; the server's table decides first): members who handle complaints
(``Permission.COMPLAINTS``: the desk and supervisors) record, read, follow up and call back;
closing and reassigning is the supervisor's (``Permission.CLOSE_COMPLAINTS``: 领班处理客人投诉).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.domain.complaints import (
    NAME_MAX_CHARS,
    RESPONSIBLE_MAX_CHARS,
    RESULT_MAX_CHARS,
    STEP_MAX_CHARS,
    TEXT_MAX_CHARS,
    UNIT_MAX_CHARS,
    ComplaintCounts,
    ComplaintDetail,
    ComplaintKind,
    ComplaintStatus,
    ComplaintStepView,
    ComplaintSubject,
    ComplaintView,
    ListState,
    NewComplaint,
    Satisfaction,
    StepKind,
    complaint_number,
    is_overdue,
    needs_callback,
    validate_contact,
    validate_due,
)
from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.text import sanitize_text
from kiosk.services import audit
from kiosk.services.clock import Clock
from kiosk.services.counters import next_value
from kiosk.services.payments import checked_text
from kiosk.services.site import SiteInfo
from kiosk.services.supervisor_alerts import tell_supervisor
from kiosk.storage.database import Sessions
from kiosk.storage.models import Complaint, ComplaintStep

LIST_MAX = 500


_SUBJECT_WORDS = {
    ComplaintSubject.CLEANING: "清洁卫生 / cleaning",
    ComplaintSubject.SECURITY: "安全秩序 / security",
    ComplaintSubject.REPAIRS: "维修 / repairs",
    ComplaintSubject.PARKING: "停车 / parking",
    ComplaintSubject.NOISE: "噪音 / noise",
    ComplaintSubject.STAFF_ATTITUDE: "服务态度 / staff attitude",
    ComplaintSubject.FEES: "收费 / fees",
    ComplaintSubject.DECORATION: "装修 / decoration",
    ComplaintSubject.OTHER: "其他 / other",
}


@dataclass(frozen=True)
class ManagerAlert:
    """A serious complaint (重大投诉), sent to the manager the moment it is one; worded for the
    mail as the supervisor's alerts are (kiosk.services.supervisor_alerts), to [desk] manager_email."""

    complaint: ComplaintView
    # Who made it serious and why (the reason typed when it was flagged later; "" at recording).
    flagged_by_name: str
    reason: str = ""
    timezone: tzinfo = UTC  # the site's: times in the mail read as the desk's clock does

    def subject(self) -> str:
        return f"重大投诉 / Serious complaint {self.complaint.number}"

    def lines(self) -> list[str]:
        c = self.complaint
        recorded = f"{c.recorded_at.astimezone(self.timezone):%Y-%m-%d %H:%M}"
        who = " ".join(part for part in (c.unit, c.complainant) if part) or "匿名 / anonymous"
        lines = [
            f"{c.number} 已定为重大投诉，请尽快处理；处理经过和结果在前台系统中登记。",
            f"{c.number} is a serious complaint; please deal with it at once. Its follow-up and "
            "result are recorded at the desk console.",
            "",
            f"类别 / Subject: {_SUBJECT_WORDS[c.subject]}",
            f"投诉人 / From: {who}",
            f"登记 / Recorded: {recorded} {c.recorded_by_name}",
            f"责任人 / Responsible: {c.responsible}",
            f"限期 / Due: {c.due_on:%Y-%m-%d}",
        ]
        if self.reason:
            lines.append(f"定为重大投诉 / Made serious by {self.flagged_by_name}: {self.reason}")
        # What people typed is one clean line each (no control characters into the mail).
        return [sanitize_text(line) for line in [*lines, "", c.text]]


@dataclass
class ComplaintService:
    sessions: Sessions
    clock: Clock
    site: SiteInfo
    # Told of every serious complaint after it commits (kiosk.app adds the manager's mail).
    alerters: list[Callable[[ManagerAlert], None]] = field(default_factory=list)

    # -- reading -------------------------------------------------------------------------------

    def listing(
        self,
        who: SignedIn,
        state: ListState = ListState.OPEN,
        subject: ComplaintSubject | None = None,
        limit: int = 200,
    ) -> list[ComplaintView]:
        """The register, newest first; open ones by due date (the most urgent first)."""
        _require(who, Permission.COMPLAINTS)
        today = self._today()
        query = select(Complaint)
        if state is ListState.OPEN:
            query = query.where(Complaint.status == ComplaintStatus.OPEN)
        elif state is ListState.OVERDUE:
            query = query.where(Complaint.status == ComplaintStatus.OPEN, Complaint.due_on < today)
        elif state is ListState.CLOSED:
            query = query.where(Complaint.status == ComplaintStatus.CLOSED)
        if subject is not None:
            query = query.where(Complaint.subject == subject)
        if state in (ListState.OPEN, ListState.OVERDUE):
            query = query.order_by(Complaint.due_on, Complaint.id)
        else:
            query = query.order_by(Complaint.id.desc())
        with self.sessions.reads() as session:
            rows = session.scalars(query.limit(max(1, min(limit, LIST_MAX))))
            return [_view(row, today) for row in rows]

    def detail(self, complaint_id: int, who: SignedIn) -> ComplaintDetail:
        _require(who, Permission.COMPLAINTS)
        with self.sessions.reads() as session:
            return self._detail(session, _complaint(session, complaint_id))

    def counts(self) -> ComplaintCounts:
        """For the lobby board: how many are open, overdue, serious (no names)."""
        today = self._today()
        with self.sessions.reads() as session:
            is_open = Complaint.status == ComplaintStatus.OPEN
            open_count = session.scalar(select(func.count()).where(is_open)) or 0
            overdue = session.scalar(select(func.count()).where(is_open, Complaint.due_on < today)) or 0
            serious = session.scalar(select(func.count()).where(is_open, Complaint.serious)) or 0
        return ComplaintCounts(open_count, overdue, serious)

    # -- recording -----------------------------------------------------------------------------

    def record(self, new: NewComplaint, who: SignedIn) -> ComplaintDetail:
        """Record a complaint or suggestion; a serious one alerts the manager once it is stored."""
        _require(who, Permission.COMPLAINTS)
        now = self.clock.now()
        complaint = Complaint(
            kind=new.kind,
            source=new.source,
            subject=new.subject,
            complainant=checked_text(new.complainant, "complainant", NAME_MAX_CHARS),
            unit=checked_text(new.unit, "unit", UNIT_MAX_CHARS),
            contact=validate_contact(new.contact),
            text=checked_text(new.text, "text", TEXT_MAX_CHARS, required=True),
            responsible=checked_text(new.responsible, "responsible", RESPONSIBLE_MAX_CHARS, required=True),
            due_on=validate_due(new.due_on, self._today()),
            # Only a complaint is serious: a suggestion is not escalated to the manager.
            serious=new.serious and new.kind is ComplaintKind.COMPLAINT,
            status=ComplaintStatus.OPEN,
            recorded_by=who.actor.label,
            recorded_by_name=who.name,
            recorded_at=now,
            result="",
            closed_by_name="",
        )
        with self.sessions.begin() as session:
            complaint.number = complaint_number(next_value(session, "complaint"))
            session.add(complaint)
            session.flush()
            audit.record(
                session,
                who.actor,
                "complaint.recorded",
                "complaint",
                complaint.id,
                now,
                number=complaint.number,
                kind=complaint.kind.value,
                source=complaint.source.value,
                subject=complaint.subject.value,
                serious=complaint.serious,
                due_on=complaint.due_on,
            )
            self._step(session, complaint, StepKind.RECORDED, "", who)
            alert = self._alert(session, complaint, who, "") if complaint.serious else None
            detail = self._detail(session, complaint)
        self._send(alert)
        return detail

    # -- following up --------------------------------------------------------------------------

    def add_step(self, complaint_id: int, text: str, who: SignedIn) -> ComplaintDetail:
        """What was done, by whom, when (跟进): a line of the timeline."""
        _require(who, Permission.COMPLAINTS)
        clean = checked_text(text, "step", STEP_MAX_CHARS, required=True)
        with self.sessions.begin() as session:
            complaint = _open_complaint(session, complaint_id)
            self._step(session, complaint, StepKind.STEP, clean, who)
            self._audit(session, who, "complaint.step_added", complaint)
            return self._detail(session, complaint)

    def assign(
        self, complaint_id: int, responsible: str, due_on: date, note: str, who: SignedIn
    ) -> ComplaintDetail:
        """Pass it to another person or department, or give it more time (the supervisor's)."""
        _require(who, Permission.CLOSE_COMPLAINTS)
        name = checked_text(responsible, "responsible", RESPONSIBLE_MAX_CHARS, required=True)
        clean = checked_text(note, "note", STEP_MAX_CHARS)
        due = validate_due(due_on, self._today())
        with self.sessions.begin() as session:
            complaint = _open_complaint(session, complaint_id)
            if (name, due) == (complaint.responsible, complaint.due_on):
                raise ValidationError("responsible", "unchanged")
            before = (complaint.responsible, complaint.due_on)
            complaint.responsible, complaint.due_on = name, due
            line = f"{before[0]} {before[1]:%Y-%m-%d} → {name} {due:%Y-%m-%d}"
            self._step(session, complaint, StepKind.ASSIGNED, f"{line} {clean}".strip(), who)
            self._audit(session, who, "complaint.assigned", complaint, due_on=due)
            return self._detail(session, complaint)

    def make_serious(self, complaint_id: int, reason: str, who: SignedIn) -> ComplaintDetail:
        """Flag an open complaint 重大投诉 after it was recorded: the manager is alerted at once.
        The flag is never taken off (the manager has been told; the record says so)."""
        _require(who, Permission.COMPLAINTS)
        clean = checked_text(reason, "reason", STEP_MAX_CHARS, required=True)
        with self.sessions.begin() as session:
            complaint = _open_complaint(session, complaint_id)
            if complaint.kind is not ComplaintKind.COMPLAINT:
                raise ValidationError("serious", "not_a_complaint")
            if complaint.serious:
                raise ValidationError("serious", "already")
            complaint.serious = True
            self._step(session, complaint, StepKind.SERIOUS, clean, who)
            self._audit(session, who, "complaint.made_serious", complaint)
            alert = self._alert(session, complaint, who, clean)
            detail = self._detail(session, complaint)
        self._send(alert)
        return detail

    def call_back(
        self, complaint_id: int, satisfaction: Satisfaction, note: str, who: SignedIn
    ) -> ComplaintDetail:
        """The callback (回访): the person's satisfaction and what they said. A later callback (they
        were not satisfied, it was followed up again) replaces the satisfaction; both stay on
        the timeline."""
        _require(who, Permission.COMPLAINTS)
        clean = checked_text(note, "note", STEP_MAX_CHARS)
        now = self.clock.now()
        with self.sessions.begin() as session:
            complaint = _open_complaint(session, complaint_id)
            if not complaint.contact:
                raise ValidationError("contact", "none_to_call")
            complaint.satisfaction = satisfaction
            complaint.called_back_at = now
            self._step(session, complaint, StepKind.CALLBACK, clean, who, satisfaction)
            self._audit(session, who, "complaint.called_back", complaint, satisfaction=satisfaction.value)
            return self._detail(session, complaint)

    def close(self, complaint_id: int, result: str, who: SignedIn) -> ComplaintDetail:
        """Closed only with a result (结案), by a supervisor; a complaint whose person can be
        reached is called back first."""
        _require(who, Permission.CLOSE_COMPLAINTS)
        clean = checked_text(result, "result", RESULT_MAX_CHARS, required=True)
        now = self.clock.now()
        with self.sessions.begin() as session:
            complaint = _open_complaint(session, complaint_id)
            if needs_callback(complaint.kind, complaint.contact) and complaint.called_back_at is None:
                raise ValidationError("callback", "required")
            complaint.status = ComplaintStatus.CLOSED
            complaint.result = clean
            complaint.closed_by = who.actor.label
            complaint.closed_by_name = who.name
            complaint.closed_at = now
            self._step(session, complaint, StepKind.CLOSED, clean, who)
            self._audit(session, who, "complaint.closed", complaint)
            return self._detail(session, complaint)

    # -- helpers -------------------------------------------------------------------------------

    def _today(self) -> date:
        return self.clock.now().astimezone(self.site.timezone).date()

    def _step(
        self,
        session: Session,
        complaint: Complaint,
        kind: StepKind,
        text: str,
        who: SignedIn,
        satisfaction: Satisfaction | None = None,
    ) -> None:
        session.add(
            ComplaintStep(
                complaint_id=complaint.id,
                kind=kind,
                text=text,
                satisfaction=satisfaction,
                done_by=who.actor.label,
                done_by_name=who.name,
                done_at=self.clock.now(),
            )
        )

    def _audit(
        self, session: Session, who: SignedIn, action: str, complaint: Complaint, **detail: object
    ) -> None:
        audit.record(
            session,
            who.actor,
            action,
            "complaint",
            complaint.id,
            self.clock.now(),
            number=complaint.number,
            **detail,
        )

    def _alert(self, session: Session, complaint: Complaint, who: SignedIn, reason: str) -> ManagerAlert:
        self._audit(session, who, "complaint.manager_alerted", complaint)
        return ManagerAlert(_view(complaint, self._today()), who.name, reason, self.site.timezone)

    def _send(self, alert: ManagerAlert | None) -> None:
        """After the commit: a mail that fails stops nothing (the complaint is stored, marked
        serious on the desk's list and in the audit trail)."""
        if alert is not None:
            tell_supervisor(self.alerters, alert, "serious complaint")

    def _detail(self, session: Session, complaint: Complaint) -> ComplaintDetail:
        session.flush()
        rows = session.scalars(
            select(ComplaintStep)
            .where(ComplaintStep.complaint_id == complaint.id)
            .order_by(ComplaintStep.done_at, ComplaintStep.id)
        )
        view = _view(complaint, self._today())
        callback_due = view.status is ComplaintStatus.OPEN and (
            needs_callback(complaint.kind, complaint.contact) and complaint.called_back_at is None
        )
        return ComplaintDetail(
            view,
            tuple(
                ComplaintStepView(r.kind, r.text, r.done_by, r.done_by_name, r.done_at, r.satisfaction)
                for r in rows
            ),
            callback_due,
        )


def _require(who: SignedIn, permission: Permission) -> None:
    if not allowed(who.role, permission):
        raise ValidationError("complaint", "not_allowed")


def _complaint(session: Session, complaint_id: int) -> Complaint:
    complaint = session.get(Complaint, complaint_id)
    if complaint is None:
        raise ValidationError("complaint", "unknown")
    return complaint


def _open_complaint(session: Session, complaint_id: int) -> Complaint:
    complaint = _complaint(session, complaint_id)
    if complaint.status is ComplaintStatus.CLOSED:
        raise ValidationError("complaint", "closed")
    return complaint


def _view(c: Complaint, today: date) -> ComplaintView:
    return ComplaintView(
        complaint_id=c.id,
        number=c.number,
        kind=c.kind,
        source=c.source,
        subject=c.subject,
        complainant=c.complainant,
        unit=c.unit,
        contact=c.contact,
        text=c.text,
        responsible=c.responsible,
        due_on=c.due_on,
        serious=c.serious,
        status=c.status,
        overdue=is_overdue(c.status, c.due_on, today),
        recorded_by_name=c.recorded_by_name,
        recorded_at=c.recorded_at,
        satisfaction=c.satisfaction,
        called_back_at=c.called_back_at,
        result=c.result,
        closed_by_name=c.closed_by_name,
        closed_at=c.closed_at,
    )
