"""Visits registered at the desk, units and residents as the person visited, and the desk's call
before a visitor is let in (对讲 intercom / 电话 phone).

A walk-in goes through the kiosk's own check-in (CheckInService.check_in: the same validation,
watchlist hold, visit record and badge), with the clerk as the actor, the desk as the station where
the badge prints, and a DeskRegistration stored in the same transaction. A unit visited is a host
row of its own (hosts.unit), so the board, the visitor log, the badge and the exports name it as
they name a member of staff. A recorded call that the host or the unit agreed lets the visitor in
through CheckInService.approve; one they declined turns the visitor away; no answer changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.calls import (
    CallAnswer,
    CallDraft,
    Callee,
    CallOutcome,
    CallView,
    UnitResident,
    UnitView,
    VisitCalls,
    WalkInRequest,
    call_summary,
    validate_call_note,
    validate_call_number,
)
from kiosk.domain.errors import ValidationError
from kiosk.domain.imports import RowError, normalise_unit
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import CheckInResult
from kiosk.domain.visit import Approver, VisitStatus
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.checkin import CheckInService
from kiosk.services.clock import Clock
from kiosk.storage.database import Sessions
from kiosk.storage.models import DeskRegistration, Host, Resident, Visit, VisitCall

# A call can be recorded while the visit waits (or is held: the hold is the supervisor's, the
# call is still a fact); once decided, the visit takes no more calls.
_OPEN = (VisitStatus.PENDING, VisitStatus.HELD)


def _require(who: SignedIn, permission: Permission) -> None:
    if not allowed(who.role, permission):
        raise ValidationError("staff", "not_allowed")


def _unit_of(text: str) -> str:
    try:
        return normalise_unit(text)
    except RowError:
        raise ValidationError("unit", "format") from None


def _residents(session: Session, unit: str) -> tuple[UnitResident, ...]:
    rows = session.scalars(
        select(Resident).where(Resident.unit == unit).order_by(Resident.kind, Resident.name)
    )
    return tuple(UnitResident(r.id, r.name, r.kind, r.phone) for r in rows)


def call_view(call: VisitCall) -> CallView:
    return CallView(
        call.id,
        call.visit_id,
        call.callee,
        call.callee_name,
        call.channel,
        call.number,
        call.answer,
        call.note,
        call.called_at,
        call.called_by_name,
    )


def calls_of(session: Session, visit_ids: Iterable[int]) -> dict[int, list[CallView]]:
    """The calls recorded for each of ``visit_ids``, oldest first (the visitor log and its export)."""
    ids = list(visit_ids)
    found: dict[int, list[CallView]] = {}
    if not ids:
        return found
    # Columns in CallView's order, not ORM objects: an export reads a batch of a thousand visits'
    # calls at a time, and loading entities was most of its cost.
    columns = (
        VisitCall.id,
        VisitCall.visit_id,
        VisitCall.callee,
        VisitCall.callee_name,
        VisitCall.channel,
        VisitCall.number,
        VisitCall.answer,
        VisitCall.note,
        VisitCall.called_at,
        VisitCall.called_by_name,
    )
    for call_id, visit_id, callee, name, channel, number, answer, note, at, by in session.execute(
        select(*columns).where(VisitCall.visit_id.in_(ids)).order_by(VisitCall.visit_id, VisitCall.id)
    ):
        view = CallView(call_id, visit_id, callee, name, channel, number, answer, note, at, by)
        found.setdefault(visit_id, []).append(view)
    return found


@dataclass
class DeskVisitService:
    sessions: Sessions
    clock: Clock
    checkin: CheckInService

    # --- units and residents --------------------------------------------------------------------
    def unit(self, unit_text: str, who: SignedIn) -> UnitView:
        """A unit's residents with their phone numbers, for the desk to call (the kiosk has no
        route to this). ValidationError("unit", "format" | "unknown")."""
        _require(who, Permission.REGISTER_VISITORS)
        unit = _unit_of(unit_text)
        with self.sessions.reads() as session:
            residents = _residents(session, unit)
        if not residents:
            raise ValidationError("unit", "unknown", unit=unit)
        return UnitView(unit, residents)

    def unit_host(self, unit: str, actor: Actor) -> int:
        """The host row standing for ``unit`` (made the first time a visitor names it): a unit in
        the resident records only, else ValidationError("unit", "unknown")."""
        now = self.clock.now()
        with self.sessions.begin() as session:
            if not session.scalar(select(Resident.id).where(Resident.unit == unit).limit(1)):
                raise ValidationError("unit", "unknown", unit=unit)
            host = session.scalar(select(Host).where(Host.unit == unit))
            if host is None:
                # Writers take turns (BEGIN IMMEDIATE / the writer lock): no second row for a unit.
                # 住户 (residents) where a member of staff has a department: the board says
                # "visiting 2-104 (住户)", the badge the same.
                host = Host(name=unit, department="住户", unit=unit, active=True)
                session.add(host)
                session.flush()
                audit.record(session, actor, "host.unit_added", "host", host.id, now, unit=unit)
            return host.id

    # --- walk-ins -------------------------------------------------------------------------------
    def register(self, request: WalkInRequest, who: SignedIn, station: str) -> CheckInResult:
        """Check in a visitor at the desk: the kiosk's check-in (validation, watchlist, the visit,
        the host told), registered by ``who``, the badge printing at ``station`` once let in."""
        _require(who, Permission.REGISTER_VISITORS)
        resident_name = ""
        visit = request.visit
        if request.unit.strip():
            unit = _unit_of(request.unit)
            if request.resident_id is not None:
                with self.sessions.reads() as session:
                    resident = session.get(Resident, request.resident_id)
                    if resident is None or resident.unit != unit:
                        raise ValidationError("resident", "not_of_unit", unit=unit)
                    resident_name = resident.name
            visit = replace(visit, host_id=self.unit_host(unit, who.actor))
        elif request.resident_id is not None:
            raise ValidationError("unit", "required")

        def registered(session: Session, made: Visit) -> None:
            session.add(
                DeskRegistration(
                    visit_id=made.id,
                    registered_by=who.actor.label,
                    registered_by_name=who.name,
                    resident_id=request.resident_id,
                    resident_name=resident_name,
                )
            )

        return self.checkin.check_in(visit, who.actor, station=station, within=registered)

    # --- the call -------------------------------------------------------------------------------
    def visit_calls(self, visit_id: int, who: SignedIn) -> VisitCalls:
        """The visit as the desk's call dialog shows it: whom it may call with their numbers, and
        the calls made so far."""
        _require(who, Permission.DECIDE_VISITS)
        with self.sessions.reads() as session:
            visit = session.get(Visit, visit_id)
            if visit is None:
                raise ValidationError("visit", "unknown")
            host = visit.host
            registration = session.get(DeskRegistration, visit_id)
            calls = calls_of(session, [visit_id]).get(visit_id, [])
            return VisitCalls(
                visit_id=visit.id,
                visitor_name=visit.visitor_name,
                company=visit.company,
                host_id=host.id,
                host_name=host.name,
                host_department=host.department,
                host_extension=None if host.unit else host.extension,
                host_mobile=None if host.unit else host.mobile,
                unit=host.unit,
                residents=_residents(session, host.unit) if host.unit else (),
                registered_by=registration.registered_by_name if registration else "",
                calls=tuple(calls),
            )

    def record_call(self, visit_id: int, draft: CallDraft, who: SignedIn) -> CallOutcome:
        """Record the desk's call about a waiting visit; agreed lets the visitor in (the badge
        prints where they stand), declined turns them away, no answer leaves it waiting.

        The call is stored first, in its own transaction: it happened whatever the visit's
        decision does next (a host's e-mail link may have decided it a moment before)."""
        _require(who, Permission.DECIDE_VISITS)
        number = validate_call_number(draft.number)
        note = validate_call_note(draft.note)
        now = self.clock.now()
        with self.sessions.begin() as session:
            visit = session.get(Visit, visit_id)
            if visit is None:
                raise ValidationError("visit", "unknown")
            if visit.status not in _OPEN:
                raise ValidationError("visit", "already_decided")
            if visit.status is VisitStatus.HELD and draft.answer is CallAnswer.AGREED:
                # A watchlist hold is the supervisor's to release before anyone can agree.
                raise ValidationError("visit", "held")
            callee_name = self._callee(session, visit, draft)
            call = VisitCall(
                visit_id=visit.id,
                callee=draft.callee,
                resident_id=draft.resident_id if draft.callee is Callee.RESIDENT else None,
                callee_name=callee_name,
                channel=draft.channel,
                number=number,
                answer=draft.answer,
                note=note,
                called_at=now,
                called_by=who.actor.label,
                called_by_name=who.name,
            )
            session.add(call)
            session.flush()
            # The trail says who called about which visit and the answer; names and numbers stay
            # in the call's row (purged with the visit), not in the trail kept for ever.
            audit.record(
                session,
                who.actor,
                "visit.call_recorded",
                "visit_call",
                call.id,
                now,
                visit_id=visit.id,
                callee=draft.callee.value,
                channel=draft.channel.value,
                answer=draft.answer.value,
            )
            view = call_view(call)
        summary = call_summary(callee_name, draft.channel, number, draft.answer)
        if draft.answer is CallAnswer.AGREED:
            # The kinds' record of the approval (kiosk.services.visitor_kinds) keeps the same words.
            result = self.checkin.approve(visit_id, who.actor, Approver.DESK, summary, call_note=summary)
            return CallOutcome(
                view, result.status.value, result.badge_number, result.badge_printed, result.print_error
            )
        if draft.answer is CallAnswer.DECLINED:
            self.checkin.decline(visit_id, who.actor, summary)
            return CallOutcome(view, VisitStatus.DECLINED.value)
        with self.sessions.reads() as session:
            status = session.scalar(select(Visit.status).where(Visit.id == visit_id))
        return CallOutcome(view, status.value if status is not None else VisitStatus.PENDING.value)

    def outcome(self, call_id: int) -> CallOutcome:
        """A recorded call and its visit as they stand now (a retried submit's answer)."""
        with self.sessions.reads() as session:
            call = session.get(VisitCall, call_id)
            if call is None:
                raise ValidationError("call", "unknown")
            visit = session.get(Visit, call.visit_id)
            assert visit is not None
            return CallOutcome(call_view(call), visit.status.value, visit.badge_number)

    @staticmethod
    def _callee(session: Session, visit: Visit, draft: CallDraft) -> str:
        unit = visit.host.unit
        if draft.callee is Callee.HOST:
            if unit is not None:
                raise ValidationError("callee", "unit_visit")
            return visit.host.name
        if unit is None:
            raise ValidationError("callee", "staff_visit")
        if draft.callee is Callee.UNIT:
            return unit
        resident = session.get(Resident, draft.resident_id) if draft.resident_id is not None else None
        if resident is None or resident.unit != unit:
            raise ValidationError("resident", "not_of_unit", unit=unit)
        return resident.name
