"""Repair requests (报修) through the API, as the desk calls it: an urgent repair taken, dispatched
with its work order printed at the desk (decoded with its QR), its 2-hour clock run out on the
site's clock (red on the board, one alert to the duty supervisor), the work recorded, called
back, and reopened within the warranty as the same request."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from fastapi.testclient import TestClient
from pydantic import TypeAdapter
from sqlalchemy import select

from kiosk.devices.escpos.codec import parse_escpos
from kiosk.domain.repairs import ClockState, RepairOnBoard
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.printing.catalog import render_stored
from kiosk.printing.layout import PrinterProfile
from kiosk.server.context import ServerContext
from kiosk.server.housekeeping import Housekeeping
from kiosk.services.repairs import RepairOverdue
from kiosk.storage.models import AuditEvent
from tests.conftest import FixedClock
from tests.server.test_stations_api import assert_problem

Make = Callable[..., TestClient]
REPAIRS = "/api/v1/repairs"


def urgent_body(**extra: Any) -> dict[str, Any]:
    return {
        "unit": "２－１０４",  # typed with a Chinese input method: folded to 2-104
        "caller_name": "陈晓明",
        "phone": "138 1234 5678",
        "what": "卫生间水管爆裂，地面积水",
        "location": "卫生间",
        "category": "water",
        "repair_class": "urgent",
        **extra,
    }


def clock_of(context: ServerContext) -> FixedClock:
    clock = context.core.clock
    assert isinstance(clock, FixedClock)
    return clock


def on_board(desk: TestClient) -> list[RepairOnBoard]:
    board = desk.get("/api/v1/board")
    assert board.status_code == 200, board.text
    return TypeAdapter(list[RepairOnBoard]).validate_python(board.json()["repairs"])


def step(desk: TestClient, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    reply = desk.post(path, json=body)
    assert reply.status_code == 200, reply.text
    result: dict[str, Any] = reply.json()
    return result


def test_an_urgent_repair_from_call_to_callback_and_back_under_warranty(
    station: Make, context: ServerContext
) -> None:
    alerts: list[RepairOverdue] = []
    context.core.repairs.alerters.append(alerts.append)
    desk = station(StationRole.DESK, "front-desk", staff=Role.RECEPTIONIST)
    clock = clock_of(context)
    taken = step(desk, REPAIRS, urgent_body())
    repair_id, number = taken["repair_id"], taken["number"]
    assert (number, taken["unit"], taken["phone"], taken["status"]) == (
        "BX000001",
        "2-104",
        "13812345678",
        "taken",
    )

    # Dispatched to the engineering department: the work order prints at this desk's printer.
    dispatched = step(desk, f"{REPAIRS}/{repair_id}/dispatch", {"engineer": "刘工", "language": "zh_CN"})
    assert dispatched["repair"]["status"] == "dispatched" and dispatched["repair"]["assignee"] == "工程部"
    claimed = desk.post("/api/v1/print-jobs/claim").json()
    assert [(job["document"], job["reference"]) for job in claimed] == [("work-order", number)]
    job = claimed[0]
    printout = parse_escpos(render_stored(job["document"], job["data"], job["language"], PrinterProfile()))
    lines = printout.text_lines()
    assert "派工单" in lines and "** 急修 **" in lines
    assert any(line.startswith("报修单号") and line.endswith(number) for line in lines)
    assert any(line.startswith("联系电话") and line.endswith("13812345678") for line in lines)
    assert printout.qr_codes() == [f"LKR:{number}"]
    # The QR scanned at the desk brings the request up.
    assert step(desk, f"{REPAIRS}/find", {"code": printout.qr_codes()[0]})["repair_id"] == repair_id

    # 1 h 45 min: amber (under a quarter of the 2 hours left); past 2 hours: red, one alert.
    rounds = Housekeeping(context)
    clock.advance(hours=1, minutes=45)
    assert rounds.run_once().repairs_overdue == []
    [row] = on_board(desk)
    assert (row.number, row.clock.value, row.state(clock.now())) == (number, "arrival", ClockState.SHORT)
    clock.advance(minutes=16)
    assert rounds.run_once().repairs_overdue == [(number, "arrival")]
    assert rounds.run_once().repairs_overdue == []  # never twice
    [row] = on_board(desk)
    assert row.state(clock.now()) is ClockState.OVERDUE
    assert [(a.number, a.clock.value) for a in alerts] == [(number, "arrival")]
    mail = alerts[0].lines()
    assert "13812345678" not in "\n".join(mail) and "陈晓明" not in "\n".join(mail)
    listed = desk.get(REPAIRS, params={"which": "overdue"}).json()
    assert [r["number"] for r in listed] == [number]

    # The engineer arrives (the fix clock now counts, 21 h 59 min left), completes; the resident
    # signs; the callback closes it.
    assert step(desk, f"{REPAIRS}/{repair_id}/arrival")["status"] == "on_site"
    [row] = on_board(desk)
    assert row.clock.value == "fix" and row.state(clock.now()) is ClockState.RUNNING
    clock.advance(hours=3)
    assert step(desk, f"{REPAIRS}/{repair_id}/completion", {"note": "更换水管"})["status"] == "completed"
    assert on_board(desk) == []
    assert step(desk, f"{REPAIRS}/{repair_id}/sign-off", {"signed_by": "陈晓明"})["status"] == "signed_off"
    closed = step(desk, f"{REPAIRS}/{repair_id}/callback", {"satisfaction": "satisfied"})
    assert closed["status"] == "closed" and closed["satisfaction"] == "satisfied"
    assert desk.get(REPAIRS, params={"which": "open"}).json() == []

    # Seven weeks later it leaks again: within the 3-month warranty, the same request, its clocks
    # started again, its history kept; nothing more was alerted meanwhile.
    clock.advance(days=49)
    assert rounds.run_once().repairs_overdue == []
    reopened = step(desk, f"{REPAIRS}/{repair_id}/reopen", {"reason": "接口处又漏水"})
    assert reopened["same"] is True
    again = reopened["repair"]
    assert (again["repair_id"], again["number"], again["status"], again["cycle"]) == (
        repair_id,
        number,
        "taken",
        2,
    )
    assert datetime.fromisoformat(again["clock_started_at"]) == clock.now()
    kinds = [(e["kind"], e["cycle"]) for e in again["events"]]
    assert kinds == [
        ("taken", 1),
        ("dispatched", 1),
        ("overdue", 1),
        ("arrived", 1),
        ("completed", 1),
        ("signed_off", 1),
        ("callback", 1),
        ("reopened", 2),
    ]
    [row] = on_board(desk)
    assert (row.repair_id, row.clock.value, row.state(clock.now())) == (
        repair_id,
        "arrival",
        ClockState.RUNNING,
    )
    with context.core.database.sessions() as session:
        trail = list(
            session.scalars(
                select(AuditEvent.action).where(AuditEvent.entity == "repair_request").order_by(AuditEvent.id)
            )
        )
    assert trail == [
        "repair.taken",
        "repair.dispatched",
        "repair.overdue_alerted",
        "repair.arrived",
        "repair.completed",
        "repair.signed_off",
        "repair.callback",
        "repair.reopened",
    ]


def test_a_retried_take_is_stored_once_and_the_desk_is_told(station: Make, context: ServerContext) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    before = context.events.last_seq
    first = desk.post(REPAIRS, json=urgent_body(), headers={"Idempotency-Key": "repair-1"})
    again = desk.post(REPAIRS, json=urgent_body(), headers={"Idempotency-Key": "repair-1"})
    assert first.status_code == again.status_code == 200, again.text
    assert first.json()["repair_id"] == again.json()["repair_id"]
    assert [r["number"] for r in desk.get(REPAIRS, params={"which": "all"}).json()] == ["BX000001"]
    told, _lost = context.events.since(before, "desk-1")
    assert {"repairs", "board"} <= {e.topic for e in told}


def test_a_receptionist_cannot_cancel_and_a_bad_entry_says_which_field(station: Make) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    taken = step(desk, REPAIRS, urgent_body())
    refused = desk.post(f"{REPAIRS}/{taken['repair_id']}/cancel", json={"reason": "住户自行修好"})
    assert refused.status_code == 403
    bad = desk.post(REPAIRS, json=urgent_body(phone="12"))
    assert_problem(bad, 422, "validation", field="phone", reason="format")
    supervisor = station(StationRole.DESK, staff=Role.SUPERVISOR)
    cancelled = step(supervisor, f"{REPAIRS}/{taken['repair_id']}/cancel", {"reason": "住户自行修好"})
    assert cancelled["status"] == "cancelled" and cancelled["cancel_reason"] == "住户自行修好"
    # Kept, with its reason, and no longer on the board.
    assert desk.get(f"{REPAIRS}/{taken['repair_id']}").json()["status"] == "cancelled"
    assert desk.get("/api/v1/board").json()["repairs"] == []


def test_after_the_warranty_the_reopen_asks_who_is_calling_and_the_new_request_carries_them(
    station: Make, context: ServerContext
) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    repair_id = step(desk, REPAIRS, urgent_body())["repair_id"]
    step(desk, f"{REPAIRS}/{repair_id}/dispatch", {"language": "en"})
    step(desk, f"{REPAIRS}/{repair_id}/completion", {"note": ""})
    clock_of(context).advance(days=93)
    reopen = f"{REPAIRS}/{repair_id}/reopen"
    refused = desk.post(reopen, json={"reason": "又漏水"})
    assert_problem(refused, 422, "validation", field="caller_name", reason="ask_again")
    refused = desk.post(reopen, json={"reason": "又漏水", "caller_name": "陈太太"})
    assert_problem(refused, 422, "validation", field="phone", reason="ask_again")
    body = {"reason": "又漏水", "caller_name": "陈太太", "phone": "139 8765 4321"}
    new = step(desk, reopen, body)
    assert new["same"] is False
    assert (new["repair"]["caller_name"], new["repair"]["phone"], new["repair"]["follows"]) == (
        "陈太太",
        "13987654321",
        "BX000001",
    )
