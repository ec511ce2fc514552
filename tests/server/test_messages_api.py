"""Phone messages through the API: taken once however often the desk sends it, listed with the
names of the staff who took and passed them on, and on the board only for roles that read them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from tests.server.test_stations_api import assert_problem

Make = Callable[..., TestClient]
API = "/api/v1/messages"


def take(desk: TestClient, host_id: int, key: str | None = None, **extra: Any) -> Any:
    body = {
        "caller_name": "孙磊",
        "company": "顺丰速运",
        "phone": "139 1234 5678",
        "text": "快递放在前台",
        "received_at": "2026-11-25T09:50:00+08:00",
        "host_id": host_id,
    }
    return desk.post(API, json=body | extra, headers={"Idempotency-Key": key} if key else None)


def test_a_message_is_taken_once_listed_with_names_and_passed_on(
    station: Make, context: ServerContext
) -> None:
    host_id = context.core.directory.search("李四")[0].host_id
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)  # receptionist-1
    first = take(desk, host_id, key="call-1")
    again = take(desk, host_id, key="call-1")
    assert first.status_code == 200 and again.json() == first.json()
    message_id = first.json()["message_id"]
    assert_problem(
        take(desk, host_id, phone=""), 422, "validation", field="phone", reason="required_for_call_back"
    )
    listing = desk.get(API).json()
    assert listing["open_count"] == 1 and [m["message_id"] for m in listing["messages"]] == [message_id]
    assert listing["messages"][0]["phone"] == "13912345678"
    assert [s["username"] for s in listing["staff"]] == ["receptionist-1"]
    board = desk.get("/api/v1/board").json()
    assert board["messages_open"] == 1 and board["messages"][0]["caller_name"] == "孙磊"

    passed = desk.post(f"{API}/{message_id}/passed-on", json={"method": "in_person"})
    assert passed.status_code == 200 and passed.json()["status"] == "passed_on"
    twice = desk.post(f"{API}/{message_id}/passed-on", json={"method": "note"})
    assert_problem(twice, 422, "validation", field="message", reason="passed_on")
    assert desk.get(API).json()["messages"] == []
    everything = desk.get(API, params={"show": "all", "q": "顺丰"}).json()
    assert [m["relayed_by"] for m in everything["messages"]] == ["staff:receptionist-1"]


def test_a_guard_reads_the_board_without_the_inbox(station: Make, context: ServerContext) -> None:
    host_id = context.core.directory.search("李四")[0].host_id
    assert take(station(StationRole.DESK, staff=Role.RECEPTIONIST), host_id).status_code == 200
    guard = station(StationRole.GUARD, staff=Role.GUARD)
    board = guard.get("/api/v1/board").json()
    assert board["messages"] == [] and board["messages_open"] == 0
    assert guard.get(API).status_code == 403
