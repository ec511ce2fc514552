"""The working-day calendar and late-signed sheets through the API, and the server's round that
alerts the supervisor once when a working day's sheet is unsigned at 10:00."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from fastapi.testclient import TestClient

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.domain.views import PassVisitor
from kiosk.server.context import ServerContext
from kiosk.server.housekeeping import Housekeeping
from kiosk.services.audit import Actor
from kiosk.services.machine_room_passes import UnsignedSheetAlert
from kiosk.services.staff import DEMO_PIN
from tests.conftest import FixedClock
from tests.server.test_slips_api import actions
from tests.server.test_stations_api import assert_problem, member

Make = Callable[..., TestClient]
DESK = Actor("staff", "clerk")


def test_the_calendar_is_read_by_the_desk_and_set_by_a_supervisor(
    station: Make, context: ServerContext
) -> None:
    clerk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    year = clerk.get("/api/v1/calendar", params={"year": 2026}).json()
    assert year["known"] is True
    made_up = [d["day"] for d in year["official"] if d["working"]]
    assert "2026-10-10" in made_up and "2026-09-20" in made_up
    assert clerk.get("/api/v1/calendar", params={"year": 2027}).json()["known"] is False
    refused = clerk.post(
        "/api/v1/calendar/overrides", json={"day": "2026-12-24", "kind": "holiday", "note": "x"}
    )
    assert refused.status_code == 403

    boss = station(StationRole.DESK, staff=Role.SUPERVISOR)
    body = {"day": "2026-12-24", "kind": "holiday", "note": "大厦停电检修"}
    first = boss.post("/api/v1/calendar/overrides", json=body, headers={"Idempotency-Key": "c-1"})
    assert first.status_code == 200, first.text
    again = boss.post("/api/v1/calendar/overrides", json=body, headers={"Idempotency-Key": "c-1"})
    assert again.json() == first.json()  # a retry is stored once
    assert not context.core.machine_room_passes.is_working_day(date(2026, 12, 24))
    override_id = first.json()["override_id"]
    no_reason = boss.post(f"/api/v1/calendar/overrides/{override_id}/cancel", json={"reason": " "})
    assert_problem(no_reason, 422, "validation", field="reason", reason="required")
    done = boss.post(f"/api/v1/calendar/overrides/{override_id}/cancel", json={"reason": "检修改期"})
    assert done.status_code == 204
    assert context.core.machine_room_passes.is_working_day(date(2026, 12, 24))


def test_a_missed_sheet_is_listed_and_signed_late_and_the_round_alerts_once(
    station: Make, context: ServerContext, clock: FixedClock
) -> None:
    core = context.core
    service = core.machine_room_passes
    alerts: list[object] = []
    service.alerters.append(alerts.append)
    engineer = member(context, "engineer", Role.SALES)
    guard = member(context, "guard", Role.GUARD)
    service.add_passes(["P001"], DESK)
    clock._now = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)  # Monday 14:00 in Shanghai
    service.sign_out(["P001"], [PassVisitor("张三", "蓝海数据")], engineer, DEMO_PIN, DESK)

    rounds = Housekeeping(context)
    clock._now = datetime(2026, 12, 1, 1, 59, tzinfo=UTC)  # Tuesday 09:59
    assert rounds.run_once().pass_sheets_unsigned == []
    clock._now = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # 10:00
    assert rounds.run_once().pass_sheets_unsigned == [date(2026, 12, 1)]
    assert rounds.run_once().pass_sheets_unsigned == []  # never twice
    assert [type(a) for a in alerts] == [UnsignedSheetAlert]

    clock._now = datetime(2026, 12, 2, 1, 30, tzinfo=UTC)  # Wednesday 09:30
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    board = desk.get("/api/v1/passes").json()
    assert board["missed"] == [
        {
            "due_on": "2026-12-01",
            "period_start": "2026-11-30",
            "period_end": "2026-11-30",
            "desk_signed": False,
            "guard_signed": False,
        }
    ]
    sheet = desk.get("/api/v1/passes/reconciliation/2026-12-01").json()
    assert [d["pass_number"] for d in sheet["discrepancies"]] == ["P001"]
    late = {"language": "en", "due_on": "2026-12-01", "late_reason": ""}
    assert_problem(
        desk.post("/api/v1/passes/reconciliation/desk", json=late),
        422,
        "validation",
        field="late_reason",
        reason="required",
    )
    signed = desk.post("/api/v1/passes/reconciliation/desk", json={**late, "late_reason": "漏签，次日补签"})
    assert signed.status_code == 200 and signed.json()["sheet"]["desk_late_reason"] == "漏签，次日补签"
    countersigned = desk.post(
        "/api/v1/passes/reconciliation/guard",
        json={
            "username": guard,
            "secret": DEMO_PIN,
            "counted": 1,
            "due_on": "2026-12-01",
            "late_reason": "保安补签",
        },
    )
    assert countersigned.json()["desk_signed_at"] and countersigned.json()["guard_signed_at"]
    assert desk.get("/api/v1/passes").json()["missed"] == []
    printed = desk.post("/api/v1/passes/reconciliation/print?day=2026-12-01")
    assert printed.status_code == 200, printed.text
    assert desk.get("/api/v1/passes/reconciliation/2026-11-29").status_code == 422  # a Sunday
    assert ("housekeeping", "pass_reconciliation.unsigned_alerted") in [
        (actor.partition(":")[2], action) for actor, action in actions(context)
    ]
