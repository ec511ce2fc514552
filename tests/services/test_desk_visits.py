"""Walk-ins registered at the desk through the kiosk's own check-in, units and residents as the
person visited, and the desk's call recorded (#20 items 1-3)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.calls import CallAnswer, CallChannel, CallDraft, Callee, WalkInRequest, validate_call_number
from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import Role
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver, VisitStatus
from kiosk.services.audit import Actor
from kiosk.services.staff import SignedIn
from kiosk.storage.models import AuditEvent, DeskRegistration, Host, PrintJob, Visit, VisitCall

CLERK = SignedIn(1, "clerk", "李娜", Role.RECEPTIONIST)
GUARD = SignedIn(2, "guard", "王保安", Role.GUARD)
SUPERVISOR = Actor("staff", "boss")
DESK = "desk-1"
RESIDENTS_CSV = """房号,姓名,身份,电话
2-104,赵伟,业主,13875090595
2-104,周敏,租户,13729552354
3-201,朱超,业主,13859560375
"""


@pytest.fixture
def residents(app: KioskApp) -> None:
    assert app.residents.import_residents(RESIDENTS_CSV.encode(), "r.csv", Actor("cli", "pm")).imported


def walk_in(name: str = "刘奶奶", host_id: int = 0, **target: object) -> WalkInRequest:
    visit = CheckInRequest(name, host_id, declaration_accepted=True, purpose="探亲")
    return WalkInRequest(visit, **target)  # type: ignore[arg-type]


def staff_host(app: KioskApp) -> int:
    return next(h.host_id for h in app.directory.search("王芳") if h.name == "王芳")


def test_a_walk_in_is_the_kiosks_check_in_registered_by_the_clerk_with_its_badge_at_the_desk(
    app: KioskApp,
) -> None:
    result = app.desk_visits.register(walk_in(host_id=staff_host(app)), CLERK, DESK)
    assert result.status is VisitStatus.PENDING
    with app.database.sessions() as session:
        visit = session.get(Visit, result.visit_id)
        assert visit is not None and (visit.station, visit.approver) == (DESK, Approver.HOST)
        registration = session.get(DeskRegistration, result.visit_id)
        assert registration is not None
        assert (registration.registered_by, registration.registered_by_name) == ("staff:clerk", "李娜")
        event = session.scalar(select(AuditEvent).where(AuditEvent.action == "visit.requested"))
        assert event is not None and event.actor == "staff:clerk"
    # The same validation as the kiosk's: nothing stored for a bad name or a missing declaration.
    with pytest.raises(ValidationError) as bad:
        app.desk_visits.register(walk_in(name="x" * 80, host_id=staff_host(app)), CLERK, DESK)
    assert bad.value.field == "visitor_name"
    no_declaration = WalkInRequest(CheckInRequest("刘奶奶", staff_host(app)))
    with pytest.raises(ValidationError, match="declaration"):
        app.desk_visits.register(no_declaration, CLERK, DESK)
    with pytest.raises(ValidationError, match="not_allowed"):
        app.desk_visits.register(walk_in(host_id=staff_host(app)), GUARD, DESK)


def test_the_watchlist_holds_a_walk_in_as_it_holds_a_kiosk_visitor(app: KioskApp) -> None:
    app.watchlist.add("王强", "寻衅闹事", SUPERVISOR)
    result = app.desk_visits.register(walk_in("王 強", host_id=staff_host(app)), CLERK, DESK)
    assert result.status is VisitStatus.HELD
    (row,) = [w for w in app.lobby.waiting() if w.visit_id == result.visit_id]
    assert row.hold is not None
    # Held: the desk may record its call, but no one may agree over the hold.
    agreed = CallDraft(Callee.HOST, CallChannel.PHONE, "8101", CallAnswer.AGREED)
    with pytest.raises(ValidationError, match="held"):
        app.desk_visits.record_call(result.visit_id, agreed, CLERK)


def test_a_unit_visited_shows_the_desk_its_residents_with_their_phones(
    app: KioskApp, residents: None
) -> None:
    unit = app.desk_visits.unit("２－１０４", CLERK)
    assert unit.unit == "2-104"
    assert {(r.name, r.phone) for r in unit.residents} == {("赵伟", "13875090595"), ("周敏", "13729552354")}
    with pytest.raises(ValidationError) as unknown:
        app.desk_visits.unit("9-999", CLERK)
    assert (unknown.value.field, unknown.value.code) == ("unit", "unknown")
    with pytest.raises(ValidationError, match="not_allowed"):
        app.desk_visits.unit("2-104", GUARD)
    resident = next(r for r in unit.residents if r.name == "周敏")
    first = app.desk_visits.register(walk_in(unit="2-104", resident_id=resident.resident_id), CLERK, DESK)
    second = app.desk_visits.register(walk_in("陈先生", unit="2-104"), CLERK, DESK)
    with app.database.sessions() as session:
        hosts = session.scalars(select(Host).where(Host.unit == "2-104")).all()
        assert [(h.name, h.unit) for h in hosts] == [("2-104", "2-104")]  # one row for the unit
        visits = [session.get(Visit, v.visit_id) for v in (first, second)]
        assert {v.host_id for v in visits if v is not None} == {hosts[0].id}
        registration = session.get(DeskRegistration, first.visit_id)
        assert registration is not None and registration.resident_name == "周敏"
    # The board and the directory: the unit by its number; the staff directory never lists it.
    assert {w.host_name for w in app.lobby.waiting()} == {"2-104"}
    assert not [h for h in app.directory.search("2-104")]
    # A resident of another unit, or a unit nobody lives in, is refused.
    other = app.desk_visits.unit("3-201", CLERK).residents[0]
    with pytest.raises(ValidationError, match="not_of_unit"):
        app.desk_visits.register(walk_in(unit="2-104", resident_id=other.resident_id), CLERK, DESK)
    with pytest.raises(ValidationError, match="unknown"):
        app.desk_visits.register(walk_in(unit="8-808"), CLERK, DESK)


def test_an_intercom_call_agreed_lets_the_visitor_in_and_records_who_called_whom_on_what_number(
    app: KioskApp, residents: None
) -> None:
    resident = next(r for r in app.desk_visits.unit("2-104", CLERK).residents if r.name == "赵伟")
    visit_id = app.desk_visits.register(walk_in(unit="2-104"), CLERK, DESK).visit_id
    nobody = CallDraft(Callee.UNIT, CallChannel.INTERCOM, "2104", CallAnswer.NO_ANSWER)
    waiting = app.desk_visits.record_call(visit_id, nobody, CLERK)
    assert waiting.visit_status == "pending" and waiting.badge_number is None
    agreed = CallDraft(
        Callee.RESIDENT, CallChannel.PHONE, "138 7509 0595", CallAnswer.AGREED, resident.resident_id, "在家"
    )
    outcome = app.desk_visits.record_call(visit_id, agreed, CLERK)
    assert outcome.visit_status == "on_site" and outcome.badge_number
    calls = app.desk_visits.visit_calls(visit_id, CLERK)
    assert [(c.callee_name, c.channel, c.number, c.answer, c.called_by) for c in calls.calls] == [
        ("2-104", CallChannel.INTERCOM, "2104", CallAnswer.NO_ANSWER, "李娜"),
        ("赵伟", CallChannel.PHONE, "13875090595", CallAnswer.AGREED, "李娜"),
    ]
    assert calls.unit == "2-104" and calls.registered_by == "李娜"
    assert {r.phone for r in calls.residents} == {"13875090595", "13729552354"}
    with app.database.sessions() as session:
        visit = session.get(Visit, visit_id)
        assert visit is not None and visit.approver is Approver.DESK
        assert visit.decision_note == "phone call to 赵伟 (13875090595): agreed"
        # Its badge, for the desk that registered the walk-in (visit.station: an enrolled desk's
        # printer, the UI test's; here no station is enrolled, so the server's own).
        job = session.scalar(select(PrintJob).where(PrintJob.visit_id == visit_id))
        assert job is not None and job.document == "badge" and visit.station == DESK
        trail = session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.call_recorded")).all()
        # The trail keeps who called and the answer, not the resident's name or number.
        assert [json.loads(e.detail)["answer"] for e in trail] == ["no_answer", "agreed"]
        assert not [e for e in trail if "13875090595" in e.detail or "赵伟" in e.detail]
    # Decided: no more calls.
    with pytest.raises(ValidationError, match="already_decided"):
        app.desk_visits.record_call(visit_id, nobody, CLERK)


def test_a_host_who_declines_turns_the_visitor_away_and_callees_must_fit_the_visit(
    app: KioskApp, residents: None
) -> None:
    visit_id = app.desk_visits.register(walk_in(host_id=staff_host(app)), CLERK, DESK).visit_id
    with pytest.raises(ValidationError, match="staff_visit"):
        app.desk_visits.record_call(
            visit_id, CallDraft(Callee.UNIT, CallChannel.INTERCOM, "2104", CallAnswer.AGREED), CLERK
        )
    with pytest.raises(ValidationError) as bad_number:
        app.desk_visits.record_call(
            visit_id, CallDraft(Callee.HOST, CallChannel.PHONE, "call me", CallAnswer.AGREED), CLERK
        )
    assert (bad_number.value.field, bad_number.value.code) == ("number", "format")
    declined = CallDraft(Callee.HOST, CallChannel.PHONE, "8101", CallAnswer.DECLINED)
    assert app.desk_visits.record_call(visit_id, declined, CLERK).visit_status == "declined"
    with app.database.sessions() as session:
        visit = session.get(Visit, visit_id)
        assert visit is not None and visit.status is VisitStatus.DECLINED
        assert session.scalar(select(VisitCall.callee_name).where(VisitCall.visit_id == visit_id)) == "王芳"


@given(st.text(max_size=40))
def test_a_call_number_is_kept_only_as_digits_and_dial_signs(raw: str) -> None:
    try:
        number = validate_call_number(raw)
    except ValidationError as error:
        assert error.field == "number" and error.code in ("required", "too_long", "format")
        return
    assert 1 <= len(number) <= 20 and any(c.isdigit() for c in number)
    assert set(number) <= set("0123456789+-#*")
