"""Stations, staff sessions, idempotent submits, a station's print jobs and the event stream,
through the API as stations call it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.staff import Role
from kiosk.domain.station import ENROLMENT_VALID, StationRole
from kiosk.domain.visit import VisitStatus
from kiosk.server.context import (
    KIOSK_EXIT_TRIES,
    SESSION_IDLE_S,
    TRIES_PER_WINDOW,
    ServerContext,
    StaffSessions,
)
from kiosk.services.staff import DEMO_PIN
from kiosk.storage.models import AuditEvent, PrintJob, Visit
from tests.conftest import FixedClock
from tests.server.conftest import ADMIN

Make = Callable[..., TestClient]
MOBILE = "13912345678"


def clock_of(context: ServerContext) -> FixedClock:
    clock = context.core.clock
    assert isinstance(clock, FixedClock)
    return clock


def assert_problem(response: Any, status: int, code: str, **fields: object) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["code"] == code and body["status"] == status
    for name, value in fields.items():
        assert body[name] == value, body
    return body


def member(context: ServerContext, username: str, role: Role) -> str:
    context.core.staff.add(username, username, role, DEMO_PIN, ADMIN)
    return username


def check_in_body(context: ServerContext, name: str = "张三", **extra: object) -> dict[str, Any]:
    host_id = next(h.host_id for h in context.core.directory.search("王芳") if h.name == "王芳")
    return {"visitor_name": name, "host_id": host_id, "mobile": MOBILE, "declaration_accepted": True, **extra}


def visits_stored(context: ServerContext) -> int:
    with context.core.database.sessions() as session:
        return session.scalar(select(func.count(Visit.id))) or 0


def anonymous(station: Make) -> TestClient:
    """A client with no credential yet (a station about to enrol), closed with the others."""
    client = station(StationRole.KIOSK, name="anon-holder")
    client.headers.pop("Authorization")
    return client


class Ticker:
    """A monotonic clock for the staff sessions that a test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticker(context: ServerContext) -> Ticker:
    ticker = Ticker()
    context.sessions = StaffSessions(monotonic=ticker)
    return ticker


# --- enrolment -----------------------------------------------------------------------------------


def test_an_enrolment_code_is_good_for_ten_minutes(context: ServerContext, station: Make) -> None:
    client = anonymous(station)
    clock = clock_of(context)
    in_time = context.stations.add("kiosk by the door", StationRole.KIOSK, ADMIN)
    late = context.stations.add("kiosk upstairs", StationRole.KIOSK, ADMIN)
    assert in_time.expires_at == clock.now() + ENROLMENT_VALID
    clock.advance(minutes=9, seconds=59)
    # Typed as a person types it: lower case, the dash left out.
    reply = client.post("/api/v1/enrol", json={"code": in_time.code.replace("-", " ").lower()})
    assert reply.status_code == 200, reply.text
    assert reply.json()["station_name"] == "kiosk by the door" and reply.json()["role"] == "kiosk"
    clock.advance(seconds=1)
    assert_problem(
        client.post("/api/v1/enrol", json={"code": late.code}), 422, "validation", field="enrolment_code"
    )
    listed = {s.name: s for s in context.stations.listing()}
    assert listed["kiosk by the door"].enrolled and not listed["kiosk upstairs"].enrolled


def test_an_enrolment_code_works_once(context: ServerContext, station: Make) -> None:
    client = anonymous(station)
    new = context.stations.add("desk 2", StationRole.DESK, ADMIN)
    first = client.post("/api/v1/enrol", json={"code": new.code})
    assert first.status_code == 200
    again = client.post("/api/v1/enrol", json={"code": new.code})
    assert_problem(again, 422, "validation", field="enrolment_code", reason="invalid")
    # The first credential is the station's, and still works.
    site = client.get("/api/v1/site", headers={"Authorization": f"Bearer {first.json()['token']}"})
    assert site.status_code == 200 and site.json()["station_name"] == "desk 2"
    assert site.json()["station_role"] == "desk"


def test_a_wrong_enrolment_code_is_refused_and_audited(context: ServerContext, station: Make) -> None:
    client = anonymous(station)
    context.stations.add("desk 3", StationRole.DESK, ADMIN)
    reply = client.post("/api/v1/enrol", json={"code": "ABCDE-FGHJK"})
    assert_problem(reply, 422, "validation", field="enrolment_code", reason="invalid")
    with context.core.database.sessions() as session:
        refused = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "station.enrol_refused")
        ).all()
    assert len(refused) == 1


def test_revoking_cuts_a_station_off_at_once_and_ends_its_sessions(
    context: ServerContext, station: Make
) -> None:
    admin = station(StationRole.DESK, name="admin desk", staff=Role.ADMIN)
    kiosk = station(StationRole.KIOSK, name="door")
    desk = station(StationRole.DESK, name="front", staff=Role.RECEPTIONIST)
    assert kiosk.get("/api/v1/site").status_code == 200
    ids = {s.name: s.station_id for s in context.stations.listing()}
    session_token = desk.headers["X-Staff-Session"]
    assert context.sessions.find(session_token, ids["front"]) is not None

    for name in ("door", "front"):
        assert admin.post(f"/api/v1/stations/{ids[name]}/revoke").status_code == 204
    assert_problem(kiosk.get("/api/v1/site"), 401, "station_unknown")
    assert_problem(desk.get("/api/v1/board"), 401, "station_unknown")
    assert context.sessions.find(session_token, ids["front"]) is None
    listed = {s.name: s for s in context.stations.listing()}
    assert listed["door"].revoked and listed["front"].revoked and not listed["admin desk"].revoked
    # Re-adding the name enrols a new device; the old credential stays dead.
    again = context.stations.add("door", StationRole.KIOSK, ADMIN)
    assert again.station_id == ids["door"]
    assert_problem(kiosk.get("/api/v1/site"), 401, "station_unknown")


def test_revoking_an_unknown_station_is_refused(station: Make) -> None:
    admin = station(StationRole.DESK, staff=Role.ADMIN)
    assert_problem(admin.post("/api/v1/stations/999/revoke"), 422, "validation", field="station")


def test_the_console_lists_stations_without_credentials(context: ServerContext, station: Make) -> None:
    admin = station(StationRole.DESK, name="admin desk", staff=Role.ADMIN)
    station(StationRole.GUARD, name="gate")
    context.stations.add("not yet", StationRole.KIOSK, ADMIN)
    reply = admin.get("/api/v1/stations")
    assert reply.status_code == 200
    rows = {row["name"]: row for row in reply.json()}
    assert set(rows) == {"admin desk", "gate", "not yet"}
    assert rows["gate"]["role"] == "guard" and rows["gate"]["enrolled"] is True
    assert rows["gate"]["last_address"] == "127.0.0.1"  # enrolled from the server's own machine
    assert rows["admin desk"]["last_address"] == "testclient"  # seen since, from the station
    assert rows["not yet"]["enrolled"] is False and rows["not yet"]["last_seen_at"] is None
    assert all(set(row) == set(rows["gate"]) for row in rows.values())
    assert not any("token" in key or "hash" in key for key in rows["gate"])


def test_an_admin_desk_adds_a_station_that_then_enrols(context: ServerContext, station: Make) -> None:
    admin = station(StationRole.DESK, staff=Role.ADMIN)
    reply = admin.post("/api/v1/stations", json={"name": "前台 二号", "role": "desk"})
    assert reply.status_code == 200, reply.text
    code = reply.json()["code"]
    assert len(code) == 11 and code[5] == "-"
    enrolled = anonymous(station).post("/api/v1/enrol", json={"code": code})
    assert enrolled.status_code == 200
    assert enrolled.json()["station_name"] == "前台 二号" and enrolled.json()["role"] == "desk"
    with context.core.database.sessions() as session:
        added = session.scalars(select(AuditEvent).where(AuditEvent.action == "station.added")).all()
    assert any(event.actor.endswith(f"{Role.ADMIN.value}-1") for event in added)


def test_only_an_admin_adds_stations(station: Make) -> None:
    supervisor = station(StationRole.DESK, staff=Role.SUPERVISOR)
    reply = supervisor.post("/api/v1/stations", json={"name": "sneaky", "role": "kiosk"})
    assert_problem(reply, 403, "forbidden")


@pytest.mark.parametrize(
    ("name", "reason"),
    [("   ", "required"), ("x" * 41, "too_long"), ("desk/2", "invalid"), ("-desk", "invalid")],
)
def test_station_names_are_checked(station: Make, name: str, reason: str) -> None:
    admin = station(StationRole.DESK, staff=Role.ADMIN)
    reply = admin.post("/api/v1/stations", json={"name": name, "role": "kiosk"})
    assert_problem(reply, 422, "validation", field="station_name", reason=reason)


def test_an_enrolled_name_is_not_given_out_twice(station: Make) -> None:
    admin = station(StationRole.DESK, name="taken desk", staff=Role.ADMIN)
    reply = admin.post("/api/v1/stations", json={"name": "taken desk", "role": "desk"})
    assert_problem(reply, 422, "validation", field="station_name", reason="taken")


# --- staff sessions ------------------------------------------------------------------------------


def test_signing_in_opens_a_session_bound_to_the_station(context: ServerContext, station: Make) -> None:
    desk = station(StationRole.DESK)
    username = member(context, "clerk", Role.RECEPTIONIST)
    reply = desk.post("/api/v1/session", json={"username": username, "secret": DEMO_PIN})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["staff"]["role"] == "receptionist" and body["idle_timeout_s"] == SESSION_IDLE_S
    current = desk.get("/api/v1/session", headers={"X-Staff-Session": body["token"]})
    assert current.status_code == 200 and current.json()["username"] == "clerk"
    # The shift hand-over counts a clerk's shift from their console sign-in.
    with context.core.database.sessions() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.actor == "staff:clerk")).all()
    assert "staff.console_sign_in" in actions


def test_a_session_ends_after_the_idle_timeout(context: ServerContext, station: Make, ticker: Ticker) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    ticker.now += SESSION_IDLE_S - 1
    assert desk.get("/api/v1/board").status_code == 200
    # Each request counts as use: the timeout runs from the last one.
    ticker.now += SESSION_IDLE_S - 1
    assert desk.get("/api/v1/board").status_code == 200
    ticker.now += SESSION_IDLE_S + 1
    assert_problem(desk.get("/api/v1/board"), 401, "session_expired")
    assert_problem(desk.get("/api/v1/board"), 401, "sign_in_required")


def test_signing_out_ends_the_session(context: ServerContext, station: Make) -> None:
    desk = station(StationRole.DESK, staff=Role.SUPERVISOR)
    token = desk.headers["X-Staff-Session"]
    assert desk.delete("/api/v1/session").status_code == 204
    assert_problem(desk.get("/api/v1/session"), 401, "sign_in_required")
    desk.headers.pop("X-Staff-Session")
    assert_problem(desk.get("/api/v1/board"), 401, "sign_in_required")
    assert desk.get("/api/v1/session", headers={"X-Staff-Session": token}).status_code == 401
    with context.core.database.sessions() as session:
        signed_out = session.scalar(select(AuditEvent).where(AuditEvent.action == "staff.console_sign_out"))
    assert signed_out is not None and signed_out.actor == f"staff:{Role.SUPERVISOR.value}-1"


def test_a_session_is_refused_at_another_station(station: Make) -> None:
    first = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    other = station(StationRole.DESK)
    token = first.headers["X-Staff-Session"]
    assert_problem(other.get("/api/v1/board", headers={"X-Staff-Session": token}), 401, "sign_in_required")
    assert first.get("/api/v1/board").status_code == 200


def test_sign_in_tries_are_limited_per_station(context: ServerContext, station: Make) -> None:
    desk = station(StationRole.DESK)
    other = station(StationRole.DESK)
    username = member(context, "clerk", Role.RECEPTIONIST)
    for n in range(TRIES_PER_WINDOW):
        reply = desk.post("/api/v1/session", json={"username": f"guess-{n}", "secret": "0000"})
        assert_problem(reply, 422, "validation", field="credentials")
    # Then even the right PIN waits at that station, while another station signs in.
    right = {"username": username, "secret": DEMO_PIN}
    assert_problem(desk.post("/api/v1/session", json=right), 429, "too_many_tries")
    assert other.post("/api/v1/session", json=right).status_code == 200


def test_an_unknown_member_and_a_wrong_pin_read_the_same(context: ServerContext, station: Make) -> None:
    desk = station(StationRole.DESK)
    kiosk = station(StationRole.KIOSK)
    username = member(context, "boss", Role.ADMIN)
    for client, path in ((desk, "/api/v1/session"), (kiosk, "/api/v1/kiosk/exit")):
        unknown = client.post(path, json={"username": "nobody", "secret": DEMO_PIN})
        wrong = client.post(path, json={"username": username, "secret": "999999"})
        assert unknown.status_code == wrong.status_code == 422
        assert unknown.json() == wrong.json()
        assert unknown.json()["field"] == "credentials" and unknown.json()["reason"] == "invalid"


def test_only_a_supervisor_or_an_admin_leaves_kiosk_mode(context: ServerContext, station: Make) -> None:
    kiosk = station(StationRole.KIOSK)
    for role in (Role.SUPERVISOR, Role.ADMIN):
        username = member(context, f"exit-{role.value}", role)
        reply = kiosk.post("/api/v1/kiosk/exit", json={"username": username, "secret": DEMO_PIN})
        assert reply.status_code == 204, reply.text
    for role in (Role.RECEPTIONIST, Role.GUARD, Role.SALES):
        username = member(context, f"exit-{role.value}", role)
        reply = kiosk.post("/api/v1/kiosk/exit", json={"username": username, "secret": DEMO_PIN})
        assert_problem(reply, 422, "validation", field="credentials", reason="not_allowed")
    # It opens no session at the kiosk, and is the kiosk's page only.
    assert_problem(kiosk.get("/api/v1/session"), 401, "sign_in_required")
    desk = station(StationRole.DESK)
    boss = {"username": "exit-admin", "secret": DEMO_PIN}
    assert_problem(desk.post("/api/v1/kiosk/exit", json=boss), 403, "forbidden")


def test_wrong_pins_at_the_kiosk_never_lock_the_admin_out_of_the_desk(
    context: ServerContext, station: Make
) -> None:
    kiosk = station(StationRole.KIOSK)
    desk = station(StationRole.DESK)
    username = member(context, "boss", Role.ADMIN)
    wrong = {"username": username, "secret": "999999"}
    for _ in range(KIOSK_EXIT_TRIES):
        assert_problem(kiosk.post("/api/v1/kiosk/exit", json=wrong), 422, "validation", reason="invalid")
    assert_problem(kiosk.post("/api/v1/kiosk/exit", json=wrong), 429, "too_many_tries")
    # The public kiosk cannot use the desk's sign-in either, where wrong PINs count to a lock-out.
    for _ in range(6):
        assert_problem(kiosk.post("/api/v1/session", json=wrong), 403, "forbidden")
    reply = desk.post("/api/v1/session", json={"username": username, "secret": DEMO_PIN})
    assert reply.status_code == 200, reply.text
    assert reply.json()["staff"]["role"] == "admin"


# --- idempotent submits --------------------------------------------------------------------------


def test_the_same_submit_twice_is_stored_once_and_answered_the_same(
    context: ServerContext, station: Make
) -> None:
    kiosk = station(StationRole.KIOSK)
    key = {"Idempotency-Key": "c0ffee-1"}
    first = kiosk.post("/api/v1/visits", json=check_in_body(context), headers=key)
    again = kiosk.post("/api/v1/visits", json=check_in_body(context), headers=key)
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json()
    assert first.json()["status"] == "pending"
    assert visits_stored(context) == 1


def test_different_keys_are_different_submits(context: ServerContext, station: Make) -> None:
    kiosk = station(StationRole.KIOSK)
    first = kiosk.post("/api/v1/visits", json=check_in_body(context), headers={"Idempotency-Key": "a"})
    second = kiosk.post("/api/v1/visits", json=check_in_body(context), headers={"Idempotency-Key": "b"})
    assert first.json()["visit_id"] != second.json()["visit_id"]
    assert visits_stored(context) == 2


def test_a_refused_submit_can_be_sent_again_with_its_key(context: ServerContext, station: Make) -> None:
    kiosk = station(StationRole.KIOSK)
    key = {"Idempotency-Key": "retry-me"}
    refused = kiosk.post(
        "/api/v1/visits", json=check_in_body(context, declaration_accepted=False), headers=key
    )
    assert_problem(refused, 422, "validation")
    assert visits_stored(context) == 0
    fixed = kiosk.post("/api/v1/visits", json=check_in_body(context), headers=key)
    assert fixed.status_code == 200, fixed.text
    assert visits_stored(context) == 1


def test_a_key_is_the_submitting_stations_own(context: ServerContext, station: Make) -> None:
    door = station(StationRole.KIOSK)
    upstairs = station(StationRole.KIOSK)
    key = {"Idempotency-Key": "same"}
    first = door.post("/api/v1/visits", json=check_in_body(context), headers=key)
    second = upstairs.post("/api/v1/visits", json=check_in_body(context, "李四"), headers=key)
    assert first.json()["visit_id"] != second.json()["visit_id"]
    assert visits_stored(context) == 2


# --- a station's print jobs ----------------------------------------------------------------------


def approved_at_desk(context: ServerContext, station: Make) -> tuple[TestClient, TestClient, int]:
    """A check-in at kiosk A, approved at a desk: (kiosk, desk, visit id)."""
    kiosk = station(StationRole.KIOSK, name="kiosk A")
    desk = station(StationRole.DESK, name="desk D", staff=Role.RECEPTIONIST)
    visit_id = kiosk.post("/api/v1/visits", json=check_in_body(context)).json()["visit_id"]
    approved = desk.post(f"/api/v1/visits/{visit_id}/approve", json={"note": "phoned the host"})
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == VisitStatus.ON_SITE.value
    return kiosk, desk, visit_id


def job_of(context: ServerContext, job_id: int) -> PrintJob:
    with context.core.database.sessions() as session:
        job = session.get_one(PrintJob, job_id)
        session.expunge(job)
        return job


def test_a_badge_approved_at_the_desk_prints_at_the_visitors_kiosk(
    context: ServerContext, station: Make
) -> None:
    kiosk, desk, visit_id = approved_at_desk(context, station)
    assert desk.post("/api/v1/print-jobs/claim").json() == []
    claimed = kiosk.post("/api/v1/print-jobs/claim")
    assert claimed.status_code == 200
    [job] = claimed.json()
    assert job["document"] == "badge" and job["is_copy"] is False
    assert job_of(context, job["job_id"]).visit_id == visit_id
    # Claimed: not handed out twice while the kiosk prints it.
    assert kiosk.post("/api/v1/print-jobs/claim").json() == []
    reported = kiosk.post(
        f"/api/v1/print-jobs/{job['job_id']}/result", json={"printed": True, "printer": "TM-T88"}
    )
    assert reported.status_code == 200, reported.text
    assert reported.json()["printed"] is True
    stored = job_of(context, job["job_id"])
    assert (
        stored.status is PrintJobStatus.PRINTED and stored.printer == "TM-T88" and stored.station == "kiosk A"
    )


def test_a_job_claimed_before_a_restart_comes_back_as_a_copy(context: ServerContext, station: Make) -> None:
    kiosk, _desk, _visit_id = approved_at_desk(context, station)
    [job] = kiosk.post("/api/v1/print-jobs/claim").json()
    # The kiosk stopped between sending and reporting; started again, it reads its settings first.
    assert kiosk.get("/api/v1/site").status_code == 200
    [again] = kiosk.post("/api/v1/print-jobs/claim").json()
    assert again["job_id"] == job["job_id"] and again["is_copy"] is True
    assert job_of(context, job["job_id"]).copy is True


def test_a_station_cannot_report_another_stations_job(context: ServerContext, station: Make) -> None:
    kiosk, desk, _visit_id = approved_at_desk(context, station)
    other = station(StationRole.KIOSK, name="kiosk B")
    [job] = kiosk.post("/api/v1/print-jobs/claim").json()
    for intruder in (other, desk):
        reply = intruder.post(f"/api/v1/print-jobs/{job['job_id']}/result", json={"printed": True})
        assert_problem(reply, 422, "validation", field="print_job", reason="not_claimed")
    stored = job_of(context, job["job_id"])
    assert stored.status is not PrintJobStatus.PRINTED and stored.claimed_at is not None


# --- events --------------------------------------------------------------------------------------


def test_a_check_in_reaches_a_listening_desk(context: ServerContext, station: Make) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    kiosk = station(StationRole.KIOSK)
    after = context.events.last_seq
    with desk.websocket_connect(f"/api/v1/events?after={after}") as events:
        visit_id = kiosk.post("/api/v1/visits", json=check_in_body(context)).json()["visit_id"]
        message = events.receive_json()
    assert message == {"seq": after + 1, "topic": "board", "visit_id": visit_id}


def test_a_station_resumes_after_the_last_event_it_had(context: ServerContext, station: Make) -> None:
    desk = station(StationRole.DESK)
    first = context.events.publish("board", visit_id=1)
    second = context.events.publish("board", visit_id=2)
    third = context.events.publish("stations")
    with desk.websocket_connect(f"/api/v1/events?after={first.seq}") as events:
        assert events.receive_json() == {"seq": second.seq, "topic": "board", "visit_id": 2}
        assert events.receive_json() == {"seq": third.seq, "topic": "stations", "visit_id": None}


def test_a_station_ahead_of_a_restarted_server_is_told_to_resync(
    context: ServerContext, station: Make
) -> None:
    desk = station(StationRole.DESK)
    context.events.publish("board")
    last = context.events.last_seq
    with desk.websocket_connect(f"/api/v1/events?after={last + 500}") as events:
        assert events.receive_json() == {"seq": last, "topic": "resync", "visit_id": None}
        # From there on it follows the new numbers.
        later = context.events.publish("board", visit_id=3)
        assert events.receive_json() == {"seq": later.seq, "topic": "board", "visit_id": 3}


def test_a_station_hears_only_its_own_print_jobs(context: ServerContext, station: Make) -> None:
    kiosk = station(StationRole.KIOSK, name="kiosk A")
    other = station(StationRole.KIOSK, name="kiosk B")
    desk = station(StationRole.DESK, name="desk D", staff=Role.RECEPTIONIST)
    visit_id = kiosk.post("/api/v1/visits", json=check_in_body(context)).json()["visit_id"]
    after = context.events.last_seq
    with (
        kiosk.websocket_connect(f"/api/v1/events?after={after}") as mine,
        other.websocket_connect(f"/api/v1/events?after={after}") as theirs,
    ):
        assert desk.post(f"/api/v1/visits/{visit_id}/approve", json={"note": ""}).status_code == 200
        heard_mine = [mine.receive_json(), mine.receive_json()]
        heard_theirs = theirs.receive_json()
    assert [m["topic"] for m in heard_mine] == ["print_jobs", "board"]
    assert heard_theirs == heard_mine[1]


def test_no_answer_may_be_kept_by_a_cache(station: Make) -> None:
    """Names and badge numbers: an answer, a refusal and an unknown path are all ``no-store``."""
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    answers = [desk.get("/api/v1/board"), desk.get("/api/v1/staff"), desk.get("/api/v1/no-such-thing")]
    assert [a.status_code for a in answers] == [200, 403, 404]
    assert [a.headers.get_list("cache-control") for a in answers] == [["no-store"]] * 3
