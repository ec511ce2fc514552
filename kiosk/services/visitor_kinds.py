"""Each kind of person at the lobby and who approves them (kiosk.domain.visitor_kinds), enforced
by the server.

A visit (someone come to see a host or a unit) gets its kind and its approver when it is checked
in (:meth:`VisitorKindService.start_visit`, inside the check-in's transaction); every approval is
checked against it (:meth:`approving`, inside the approval's), so the desk's button, a host's link
or the duty officer's link each approve only what the kind allows. At night the duty officer
approves every visit and is told of it (the notifier), and every desk's board shows a banner and
rings until it is decided.

An admission (a resident without a card, a company leader, staff, a permit holder) is decided at
once by the desk (or, for a permit holder, at the kiosk by the permits register's check) and
written as a line of the visitor record; a resident let in on the resident records is followed
by the patrol guard (巡逻岗), told by the notifier and listed on the guard screen until followed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.errors import ValidationError
from kiosk.domain.names import name_key
from kiosk.domain.permit_views import PermitView
from kiosk.domain.permits import EntryDecision
from kiosk.domain.repairs import validate_unit
from kiosk.domain.site import SiteInfo
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.text import optional_text, required_text
from kiosk.domain.visit import Approver, VisitStatus, is_night
from kiosk.domain.visitor import validate_visitor_name
from kiosk.domain.visitor_kinds import (
    LEADER_COMPANY_MAX,
    LEADER_NAME_MAX,
    LEADER_TITLE_MAX,
    NOTE_MAX,
    REASON_MAX,
    WORK_CARD_MAX,
    AdmissionRequest,
    AdmissionView,
    ApprovalWay,
    KindApprover,
    KindRule,
    KindSettings,
    KindsOnBoard,
    LeaderView,
    NightWaiting,
    VisitorKind,
    may_approve,
    required_approver,
)
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.duty_officer import DutyNotice, DutyOfficerNotifier
from kiosk.services.permits import PermitService
from kiosk.services.staff import SignedIn
from kiosk.storage.database import Sessions
from kiosk.storage.models import Admission, CompanyLeader, Permit, Resident, Visit, VisitKindRecord

log = logging.getLogger(__name__)

ENTITY = "admission"
BOARD_PATROL = 20  # the patrol notices the board and the guard screen list, oldest first
NOTICE_ERROR_MAX = 200

# How each of the visit's decisions approves, by who decided (CheckInService.approve's approver).
WAY_OF_APPROVER = {
    Approver.HOST: ApprovalWay.HOST_LINK,
    Approver.DESK: ApprovalWay.DESK_CALL,
    Approver.DUTY_OFFICER: ApprovalWay.DUTY_OFFICER_DESK,
    Approver.PREREGISTERED: ApprovalWay.INVITATION,
}


def _require(who: SignedIn, permission: Permission) -> None:
    if not allowed(who.role, permission):
        raise ValidationError("staff", "not_allowed")


@dataclass
class VisitorKindService:
    sessions: Sessions
    clock: Clock
    site: SiteInfo
    settings: KindSettings
    permits: PermitService
    # The duty officer's and the patrol guard's notices; None: the desks' banner only.
    notifier: DutyOfficerNotifier | None = None

    def _night(self, now: datetime) -> bool:
        local = now.astimezone(self.site.timezone).time()
        return is_night(local, self.site.night_starts, self.site.night_ends)

    def rules(self) -> list[KindRule]:
        """The kinds this site offers and who approves each (the desk's and the kiosk's choices)."""
        return [KindRule(kind, approver) for kind, approver in self.settings.approvers.items()]

    def _enabled(self, kind: VisitorKind) -> KindApprover:
        if not self.settings.enabled(kind):
            raise ValidationError("kind", "off")
        return self.settings.approver(kind)

    # --- visits ---------------------------------------------------------------------------------

    def start_visit(self, session: Session, visit: Visit, kind: VisitorKind, night: bool) -> KindApprover:
        """Inside the check-in's transaction: the visit's kind and who must approve it. A visit
        the duty officer approves says so on the visit (the board and the decision page read it)."""
        self._enabled(kind)
        if not kind.is_visit:
            raise ValidationError("kind", "not_a_visit")
        required = required_approver(self.settings, kind, night)
        session.add(VisitKindRecord(visit_id=visit.id, kind=kind, required=required, night=night))
        if required is KindApprover.DUTY_OFFICER:
            visit.approver = Approver.DUTY_OFFICER
        return required

    def approving(self, session: Session, visit: Visit, way: ApprovalWay, call_note: str = "") -> None:
        """Inside an approval's transaction: refuse ``way`` unless the visit's kind allows it,
        else record it. A visit from before kinds were kept: its host approves (the duty officer
        when it was checked in at night)."""
        record = session.get(VisitKindRecord, visit.id)
        if record is None:
            night = visit.approver is Approver.DUTY_OFFICER
            required = KindApprover.DUTY_OFFICER if night else KindApprover.HOST
            record = VisitKindRecord(
                visit_id=visit.id, kind=VisitorKind.VISITOR, required=required, night=night
            )
            session.add(record)
        if not may_approve(record.required, way):
            raise ValidationError("approver", record.required.value, way=way.value)
        record.way = way
        record.call_note = optional_text(call_note, "call_note", NOTE_MAX)

    def tell_duty_officer(self, visit_id: int) -> None:
        """After the check-in committed: the duty officer asked to approve (a failed send is kept
        on the visit for the desk, which rings and shows the banner whatever happens)."""
        if self.notifier is None:
            return
        with self.sessions.reads() as session:
            visit = session.get(Visit, visit_id)
            record = session.get(VisitKindRecord, visit_id)
            if visit is None or record is None or record.required is not KindApprover.DUTY_OFFICER:
                return
            notice = DutyNotice(
                visit.id,
                visit.visitor_name,
                visit.company,
                visit.host.name,
                visit.party_size,
                visit.requested_at,
                record.night,
            )
        now = self.clock.now()
        error = ""
        try:
            channel = self.notifier.tell_duty_officer(notice, now.astimezone(self.site.timezone))
            if channel is None:
                error = "no_channel"
        except Exception as exc:  # a robot or a mail server down: the desk's banner still rings
            log.exception("telling the duty officer of visit %s failed", visit_id)
            error = f"{type(exc).__name__}: {exc}"[:NOTICE_ERROR_MAX]
        with self.sessions.begin() as session:
            stored = session.get_one(VisitKindRecord, visit_id)
            stored.duty_notified_at = None if error else now
            stored.duty_notice_error = error
            audit.record(
                session,
                Actor("server", "duty-officer"),
                "visit.duty_officer_told" if not error else "visit.duty_officer_not_told",
                "visit",
                visit_id,
                now,
                error=error or None,
            )

    # --- admissions -----------------------------------------------------------------------------

    def admit(self, request: AdmissionRequest, who: SignedIn, station: str) -> AdmissionView:
        """The desk lets someone through on what they are, by the kind's rule; a line of the
        visitor record (none for a resident known by sight). Raises ValidationError with the
        field and the reason (an expired permit with its last day)."""
        _require(who, Permission.DECIDE_VISITS)
        kind = request.kind
        approver = self._enabled(kind)
        if kind.is_visit:
            raise ValidationError("kind", "is_visit")
        now = self.clock.now()
        night = self._night(now)
        if kind is VisitorKind.RESIDENT_KNOWN:
            with self.sessions.begin() as session:
                # No line in the visitor record (seed 001: 认识的住户): the trail says the desk opened.
                audit.record(session, who.actor, "admission.known_resident", ENTITY, "-", now)
            return AdmissionView(None, kind, "", "", "", ApprovalWay.KNOWN, "", "", night, now, who.name)
        if kind is VisitorKind.PERMIT_HOLDER:
            checked = self.permits.check(request.permit_code, who.actor, who)
            refused = checked.refusal()
            if refused is not None or checked.permit is None:
                raise refused or ValidationError("permit", "unknown")
            # The permit's own trail: let in, checked again as it is written.
            self.permits.record_entry(checked.permit.permit_id, who, EntryDecision.LET_IN, request.note)
            return self._permit_admission(checked.permit, who.actor, who.name, station, request.note)
        note = optional_text(request.note, "note", NOTE_MAX)
        call_note = optional_text(request.call_note, "call_note", NOTE_MAX)
        with self.sessions.begin() as session:
            row = Admission(
                kind=kind,
                night=night,
                at=now,
                by=who.actor.label,
                by_name=who.name,
                station=station,
                note=note,
                call_note=call_note,
            )
            if kind is VisitorKind.COMPANY_LEADER:
                leader = session.get(CompanyLeader, request.leader_id) if request.leader_id else None
                if leader is None or not leader.active:
                    raise ValidationError("leader", "not_on_list")
                row.leader_id, row.name, row.company, row.reference = (
                    leader.id,
                    leader.name,
                    leader.company,
                    leader.title,
                )
                row.way = ApprovalWay.LEADERS_LIST
            elif kind is VisitorKind.STAFF:
                row.name = validate_visitor_name(request.name)
                row.company = optional_text(request.company, "company", LEADER_COMPANY_MAX)
                row.reference = required_text(request.work_card, "work_card", WORK_CARD_MAX)
                row.way = ApprovalWay.WORK_CARD
            else:  # a resident without a card
                row.name = validate_visitor_name(request.name)
                row.unit = validate_unit(request.unit)
                row.way = request.way or ApprovalWay.DESK_CALL
                if row.way is ApprovalWay.RESIDENT_RECORDS:
                    row.resident_id = self._resident_of(session, row.unit, row.name)
                elif row.way is ApprovalWay.DESK_CALL and not call_note:
                    # Whom the desk called and what they said: the household's yes is the approval.
                    raise ValidationError("call_note", "required")
            if row.way is ApprovalWay.DUTY_OFFICER_DESK:
                _require(who, Permission.APPROVE_AS_DUTY_OFFICER)
            if not may_approve(approver, row.way):
                raise ValidationError("approver", approver.value, way=row.way.value)
            session.add(row)
            session.flush()
            audit.record(
                session,
                who.actor,
                "admission.recorded",
                ENTITY,
                row.id,
                now,
                kind=kind.value,
                way=row.way.value,
            )
            admission_id = row.id
            follow = row.way is ApprovalWay.RESIDENT_RECORDS
        if follow:
            self._tell_patrol(admission_id)
        return self.admission(admission_id)

    def admit_at_kiosk(self, code: str, actor: Actor) -> AdmissionView:
        """A permit holder at the kiosk: the permits register's one check; a valid permit is a
        line of the visitor record, any other raised as its refusal (with its last day)."""
        self._enabled(VisitorKind.PERMIT_HOLDER)
        checked = self.permits.check(code, actor)
        refused = checked.refusal()
        if refused is not None or checked.permit is None:
            raise refused or ValidationError("permit", "unknown")
        return self._permit_admission(checked.permit, actor, "", actor.ident, "")

    def _permit_admission(
        self, permit: PermitView, actor: Actor, by_name: str, station: str, note: str
    ) -> AdmissionView:
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = Admission(
                kind=VisitorKind.PERMIT_HOLDER,
                way=ApprovalWay.PERMIT_CHECK,
                name=permit.holder_name,
                unit=permit.unit,
                company=permit.company,
                reference=permit.number,
                permit_id=permit.permit_id,
                note=optional_text(note, "note", NOTE_MAX),
                night=self._night(now),
                at=now,
                by=actor.label,
                by_name=by_name,
                station=station,
            )
            session.add(row)
            session.flush()
            audit.record(
                session,
                actor,
                "admission.recorded",
                ENTITY,
                row.id,
                now,
                kind=VisitorKind.PERMIT_HOLDER.value,
                way=ApprovalWay.PERMIT_CHECK.value,
                permit=permit.number,
            )
            admission_id = row.id
        return self.admission(admission_id)

    @staticmethod
    def _resident_of(session: Session, unit: str, name: str) -> int:
        """The resident of ``unit`` with ``name`` (as the watchlist compares names: width, case,
        traditional characters folded); refused when the records have nobody of that name there."""
        key = name_key(name)
        residents = session.scalars(select(Resident).where(Resident.unit == unit)).all()
        if not residents:
            raise ValidationError("unit", "no_residents", unit=unit)
        for resident in residents:
            if name_key(resident.name) == key:
                return resident.id
        raise ValidationError("name", "not_a_resident", unit=unit)

    def _tell_patrol(self, admission_id: int) -> None:
        if self.notifier is None:
            error = "no_channel"
        else:
            with self.sessions.reads() as session:
                row = session.get_one(Admission, admission_id)
                unit, name = row.unit, row.name
            try:
                now = self.clock.now()
                channel = self.notifier.tell_patrol(
                    admission_id, unit, name, now.astimezone(self.site.timezone)
                )
                error = "" if channel is not None else "no_channel"
            except Exception as exc:  # the guard screen lists it whatever happens
                log.exception("telling the patrol of admission %s failed", admission_id)
                error = f"{type(exc).__name__}: {exc}"[:NOTICE_ERROR_MAX]
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = session.get_one(Admission, admission_id)
            row.patrol_notified_at = None if error else now
            row.patrol_notice_error = error
            audit.record(
                session,
                Actor("server", "patrol"),
                "admission.patrol_told" if not error else "admission.patrol_not_told",
                ENTITY,
                admission_id,
                now,
                error=error or None,
            )

    def patrol_followed(self, admission_id: int, who: SignedIn, note: str = "") -> AdmissionView:
        """The patrol guard (or the desk for them) followed the resident: the notice is closed."""
        _require(who, Permission.FOLLOW_PATROL_NOTICES)
        clean = optional_text(note, "note", NOTE_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = session.get(Admission, admission_id)
            if row is None or row.way is not ApprovalWay.RESIDENT_RECORDS:
                raise ValidationError("admission", "unknown")
            if row.patrol_followed_at is not None:
                raise ValidationError("admission", "already_followed")
            row.patrol_followed_at = now
            row.patrol_followed_by = who.name
            row.patrol_note = clean
            audit.record(session, who.actor, "admission.patrol_followed", ENTITY, row.id, now)
        return self.admission(admission_id)

    def admission(self, admission_id: int) -> AdmissionView:
        with self.sessions.reads() as session:
            row = session.get(Admission, admission_id)
            if row is None:
                raise ValidationError("admission", "unknown")
            return self._view(session, row)

    def _view(self, session: Session, row: Admission) -> AdmissionView:
        valid_until = None
        if row.permit_id is not None:
            permit = session.get_one(Permit, row.permit_id)
            valid_until = permit.ends_at
        return AdmissionView(
            admission_id=row.id,
            kind=row.kind,
            name=row.name,
            unit=row.unit,
            company=row.company,
            way=row.way,
            reference=row.reference,
            note=row.note,
            night=row.night,
            at=row.at,
            by_name=row.by_name,
            patrol_notified=row.patrol_notified_at is not None,
            patrol_error=row.patrol_notice_error,
            patrol_followed_at=row.patrol_followed_at,
            patrol_followed_by=row.patrol_followed_by,
            permit_number=row.reference if row.permit_id is not None else "",
            permit_valid_until=valid_until,
        )

    def recent(self, limit: int = 50) -> list[AdmissionView]:
        """The newest lines, for the desk's page."""
        with self.sessions.reads() as session:
            rows = session.scalars(select(Admission).order_by(Admission.id.desc()).limit(limit))
            return [self._view(session, row) for row in rows]

    def patrol_open(self) -> list[AdmissionView]:
        with self.sessions.reads() as session:
            return self._patrol_open(session)

    def _patrol_open(self, session: Session) -> list[AdmissionView]:
        rows = session.scalars(
            select(Admission)
            .where(Admission.way == ApprovalWay.RESIDENT_RECORDS, Admission.patrol_followed_at.is_(None))
            .order_by(Admission.id)
            .limit(BOARD_PATROL)
        )
        return [self._view(session, row) for row in rows]

    # --- the board ------------------------------------------------------------------------------

    def on_board(self) -> KindsOnBoard:
        """Whether it is night, the visits waiting for the duty officer (the banner and the alarm)
        and the patrol notices not yet followed."""
        now = self.clock.now()
        with self.sessions.reads() as session:
            rows = session.execute(
                select(Visit, VisitKindRecord)
                .join(VisitKindRecord, VisitKindRecord.visit_id == Visit.id)
                .where(
                    VisitKindRecord.required == KindApprover.DUTY_OFFICER,
                    Visit.status.in_((VisitStatus.PENDING, VisitStatus.HELD)),
                )
                .order_by(Visit.requested_at)
            ).all()
            waiting = [
                NightWaiting(
                    visit.id,
                    visit.visitor_name,
                    record.kind,
                    visit.requested_at,
                    record.night,
                    record.duty_notified_at is not None,
                    record.duty_notice_error,
                )
                for visit, record in rows
            ]
            return KindsOnBoard(
                night=self._night(now),
                duty_officer=self.settings.duty_officer_name,
                waiting_for_duty_officer=waiting,
                patrol_open=self._patrol_open(session),
            )

    # --- the company leaders' list ------------------------------------------------------------

    def leaders(self, include_retired: bool = False) -> list[LeaderView]:
        with self.sessions.reads() as session:
            stmt = select(CompanyLeader).order_by(CompanyLeader.name, CompanyLeader.id)
            if not include_retired:
                stmt = stmt.where(CompanyLeader.active.is_(True))
            return [_leader_view(row) for row in session.scalars(stmt)]

    def add_leader(self, name: str, title: str, company: str, who: SignedIn) -> LeaderView:
        _require(who, Permission.KEEP_LEADERS_LIST)
        clean_name = required_text(name, "name", LEADER_NAME_MAX)
        clean_title = optional_text(title, "title", LEADER_TITLE_MAX)
        clean_company = optional_text(company, "company", LEADER_COMPANY_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = CompanyLeader(
                name=clean_name,
                title=clean_title,
                company=clean_company,
                active=True,
                added_at=now,
                added_by=who.actor.label,
                added_by_name=who.name,
            )
            session.add(row)
            session.flush()
            audit.record(session, who.actor, "leader.added", "company_leader", row.id, now)
            return _leader_view(row)

    def retire_leader(self, leader_id: int, reason: str, who: SignedIn) -> LeaderView:
        """Off the list, with the reason; kept (the visitor record's lines name it)."""
        _require(who, Permission.KEEP_LEADERS_LIST)
        clean = required_text(reason, "reason", REASON_MAX)
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = session.get(CompanyLeader, leader_id)
            if row is None:
                raise ValidationError("leader", "unknown")
            if not row.active:
                raise ValidationError("leader", "already_retired")
            row.active = False
            row.retired_at = now
            row.retired_by = who.actor.label
            row.retire_reason = clean
            audit.record(session, who.actor, "leader.retired", "company_leader", row.id, now)
            return _leader_view(row)


def _leader_view(row: CompanyLeader) -> LeaderView:
    return LeaderView(
        leader_id=row.id,
        name=row.name,
        title=row.title,
        company=row.company,
        active=row.active,
        added_at=row.added_at,
        added_by_name=row.added_by_name,
        retired_at=row.retired_at,
        retire_reason=row.retire_reason,
    )
