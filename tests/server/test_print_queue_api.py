"""The desk's print queue through the API, the stations' printer reports, the board read, and the
server's own rounds (escalation, auto check-out) on the fixed clock."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver, CheckoutMethod
from kiosk.server.app import create_server
from kiosk.server.context import ServerContext
from kiosk.server.housekeeping import Housekeeping
from kiosk.services.print_queue import printing_for
from kiosk.storage.models import AuditEvent, PrintJob, Visit
from tests.conftest import FixedClock
from tests.server.conftest import ADMIN

Make = Callable[..., TestClient]


def clock_of(context: ServerContext) -> FixedClock:
    clock = context.core.clock
    assert isinstance(clock, FixedClock)
    return clock


def on_site(context: ServerContext, name: str, station: str | None = None) -> int:
    """A visitor checked in (at ``station``, if given: its badge is that station's job) and let in."""
    core = context.core
    host = core.directory.search("李四")[0].host_id
    if station is None:
        visit = core.checkin.check_in(CheckInRequest(name, host, declaration_accepted=True), ADMIN)
        core.checkin.approve(visit.visit_id, ADMIN, Approver.DESK)
        return visit.visit_id
    with printing_for(station):
        visit = core.checkin.check_in(CheckInRequest(name, host, declaration_accepted=True), ADMIN)
        core.checkin.approve(visit.visit_id, ADMIN, Approver.DESK)
    return visit.visit_id


def badge_job(context: ServerContext, visit_id: int) -> PrintJob:
    with context.core.database.sessions() as session:
        return session.scalars(
            select(PrintJob).where(PrintJob.visit_id == visit_id).order_by(PrintJob.id.desc())
        ).first()  # type: ignore[return-value]


def test_the_desk_lists_every_stations_jobs_with_the_station(station: Make, context: ServerContext) -> None:
    kiosk = station(StationRole.KIOSK, "kiosk-lobby")
    assert kiosk.get("/api/v1/site").status_code == 200
    mine = on_site(context, "韩梅梅")  # the server's own printers
    theirs = on_site(context, "李雷", "kiosk-lobby")
    desk = station(StationRole.DESK, "desk-1", staff=Role.RECEPTIONIST)
    listed = desk.get("/api/v1/print-queue/jobs")
    assert listed.status_code == 200, listed.text
    by_reference = {job["reference"]: job for job in listed.json()}
    assert by_reference[badge_job(context, theirs).reference]["station"] == "kiosk-lobby"
    assert by_reference[badge_job(context, mine).reference]["station"] == ""
    document = desk.get(f"/api/v1/print-queue/jobs/{badge_job(context, theirs).id}/document").json()
    assert (document["document"], document["copy"]) == ("badge", False) and "李雷" in document["data"]
    assert desk.get("/api/v1/print-queue/jobs/99999/document").json()["code"] == "validation"


def test_send_now_leaves_a_stations_job_to_that_station_and_tells_it(
    station: Make, context: ServerContext
) -> None:
    station(StationRole.KIOSK, "kiosk-lobby")
    job = badge_job(context, on_site(context, "李雷", "kiosk-lobby"))
    desk = station(StationRole.DESK, "desk-1", staff=Role.RECEPTIONIST)
    before = context.events.last_seq
    answer = desk.post(f"/api/v1/print-queue/jobs/{job.id}/send-now")
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"job_id": job.id, "printed": False, "printer": None, "error": None}
    told, _lost = context.events.since(before, "kiosk-lobby")
    assert ("print_jobs", "kiosk-lobby") in {(e.topic, e.station) for e in told}
    assert badge_job(context, job.visit_id).station == "kiosk-lobby"  # type: ignore[arg-type]


def test_a_reprint_is_a_copy_for_the_station_that_asks(station: Make, context: ServerContext) -> None:
    station(StationRole.KIOSK, "kiosk-lobby")
    visit_id = on_site(context, "李雷", "kiosk-lobby")
    original = badge_job(context, visit_id)
    kiosk_printed = context.core.print_queue.claim_for_station("kiosk-lobby")
    assert [j.job_id for j in kiosk_printed] == [original.id]
    context.core.print_queue.report_from_station("kiosk-lobby", original.id, ADMIN, "fake", None)
    desk = station(StationRole.DESK, "desk-1", staff=Role.RECEPTIONIST)
    answer = desk.post(f"/api/v1/print-queue/jobs/{original.id}/reprint")
    assert answer.status_code == 200, answer.text
    copy = badge_job(context, visit_id)
    assert copy.id != original.id and copy.copy and copy.station == "desk-1"
    # The desk claims it like any job of its own.
    claimed = desk.post("/api/v1/print-jobs/claim").json()
    assert [(j["job_id"], j["is_copy"]) for j in claimed] == [(copy.id, True)]
    with context.core.database.sessions() as session:
        reprinted = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "print_job.reprinted")
        ).one()
    assert reprinted.actor.startswith("staff:")


def test_stations_report_their_printers_and_the_desk_lists_them(
    station: Make, context: ServerContext
) -> None:
    kiosk = station(StationRole.KIOSK, "kiosk-lobby")
    desk = station(StationRole.DESK, "desk-1", staff=Role.RECEPTIONIST)
    report = {"printers": [{"name": "escpos+tcp://10.0.0.9:9100", "status": "paper_out"}]}
    before = context.events.last_seq
    assert kiosk.post("/api/v1/print-jobs/printer-states", json=report).status_code == 204
    assert kiosk.post("/api/v1/print-jobs/printer-states", json=report).status_code == 204
    told, _lost = context.events.since(before, "desk-1")
    assert [e.topic for e in told] == ["print_queue"]  # told once: the second report said nothing new
    odd = {"printers": [{"name": "usb", "status": "on fire"}, {"name": "fallback", "status": "online"}]}
    assert desk.post("/api/v1/print-jobs/printer-states", json=odd).status_code == 204
    listed = desk.get("/api/v1/print-queue/printers").json()
    assert [(s["station"], [(p["name"], p["status"]) for p in s["printers"]]) for s in listed] == [
        ("desk-1", [("usb", "unknown"), ("fallback", "online")]),
        ("kiosk-lobby", [("escpos+tcp://10.0.0.9:9100", "paper_out")]),
    ]
    assert listed[1]["reported_at"].startswith("2026-11-25T02:00")
    too_many = {"printers": [{"name": str(n), "status": "online"} for n in range(9)]}
    assert kiosk.post("/api/v1/print-jobs/printer-states", json=too_many).status_code == 422


PRINT_QUEUE_CALLS = [
    ("GET", "/api/v1/print-queue/jobs"),
    ("GET", "/api/v1/print-queue/jobs/{job}/document"),
    ("GET", "/api/v1/print-queue/printers"),
    ("POST", "/api/v1/print-queue/jobs/{job}/send-now"),
    ("POST", "/api/v1/print-queue/jobs/{job}/reprint"),
]


@pytest.mark.parametrize(("method", "path"), PRINT_QUEUE_CALLS)
def test_roles_without_the_print_queue_are_refused(
    station: Make, context: ServerContext, method: str, path: str
) -> None:
    job = badge_job(context, on_site(context, "韩梅梅"))
    url = path.format(job=job.id)
    for refused in (
        station(StationRole.DESK, staff=Role.GUARD),  # a guard has no print queue
        station(StationRole.DESK, staff=Role.SALES),
        station(StationRole.GUARD, staff=Role.GUARD),
        station(StationRole.KIOSK),  # the public kiosk: its own jobs only
    ):
        answer = refused.request(method, url)
        assert (answer.status_code, answer.json()["code"]) == (403, "forbidden"), url
    answer = station(StationRole.DESK, staff=Role.RECEPTIONIST).request(method, url)
    # Let through (sending a printed job "now" is then refused as already printed, in words).
    assert answer.status_code == 200 or answer.json()["reason"] == "already_printed", answer.text
    assert station(StationRole.DESK).request(method, url).status_code == 401  # nobody signed in


def test_the_board_read_carries_the_follow_up_and_the_alerts(station: Make, context: ServerContext) -> None:
    core = context.core
    clock = clock_of(context)
    host = core.directory.search("王芳")[0].host_id
    core.invitations.invite("欧阳娜娜", host, clock.now(), clock.now() + timedelta(hours=4), ADMIN)
    core.invitations.invite(
        "明天的人", host, clock.now() + timedelta(days=1), clock.now() + timedelta(days=1, hours=2), ADMIN
    )
    desk = station(StationRole.DESK, staff=Role.GUARD)  # a guard sees the board
    board = desk.get("/api/v1/board").json()
    assert [a["visitor_name"] for a in board["expected"]] == ["欧阳娜娜"]
    assert board["auto_checked_out"] == [] and board["alerts"]["handover_issues"] == []


def test_a_round_escalates_overdue_visits_once_and_tells_the_boards(context: ServerContext) -> None:
    core = context.core
    host = core.directory.search("李四")[0].host_id
    visit = core.checkin.check_in(CheckInRequest("韩梅梅", host, declaration_accepted=True), ADMIN)
    rounds = Housekeeping(context)
    before = context.events.last_seq
    assert rounds.run_once().escalated == []  # just arrived
    clock_of(context).advance(minutes=3)
    assert rounds.run_once().escalated == [visit.visit_id]
    assert rounds.run_once().escalated == []
    told, _lost = context.events.since(before, "desk-1")
    assert [e.topic for e in told] == ["board"]
    with core.database.sessions() as session:
        stored = session.get_one(Visit, visit.visit_id)
        assert stored.escalated_at == clock_of(context).now()
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.escalated")).one()
    assert event.actor == "server:housekeeping"


def test_a_round_at_the_hour_checks_out_who_is_still_on_site(context: ServerContext) -> None:
    assert context.core.config.auto_checkout_at is not None
    visit_id = on_site(context, "李雷")
    rounds = Housekeeping(context)
    assert rounds.run_once().auto_checked_out == []  # 10:00: the hour has not come today
    clock_of(context).advance(hours=13, minutes=31)  # 23:31 in Shanghai
    assert rounds.run_once().auto_checked_out == [visit_id]
    assert rounds.run_once().auto_checked_out == []
    with context.core.database.sessions() as session:
        assert session.get_one(Visit, visit_id).checkout_method is CheckoutMethod.AUTO


def test_the_server_runs_its_rounds_while_it_serves_and_stops_them_at_shutdown(
    context: ServerContext,
) -> None:
    core = context.core
    host = core.directory.search("李四")[0].host_id
    visit = core.checkin.check_in(CheckInRequest("韩梅梅", host, declaration_accepted=True), ADMIN)
    clock_of(context).advance(minutes=4)
    server = create_server(context, housekeeping_s=0.05)

    def escalated() -> bool:
        with core.database.sessions() as session:
            return session.get_one(Visit, visit.visit_id).escalated_at is not None

    with TestClient(server):  # the lifespan: uvicorn's startup and shutdown
        deadline = time.monotonic() + 5
        while not escalated() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert escalated()
        task = server.state.housekeeping
        assert not task.done()
    assert task.cancelled()  # stopped with the server, not left running on a closed loop
