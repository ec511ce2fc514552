"""The duty roster through the API, as the desk calls it: the shift leader's cells and the first
week repeated (a retried edit stored once), submitted, approved by another supervisor's session,
a clerk's swap agreed by a supervisor's PIN, the board's and the guard screen's duty line, the
export downloads. Who may call what is the permission matrix's (tests/server/test_permissions)."""

from __future__ import annotations

import io
from collections.abc import Callable

import openpyxl
from fastapi.testclient import TestClient

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from kiosk.services.staff import DEMO_PIN
from tests.server.test_stations_api import assert_problem

Make = Callable[..., TestClient]
ROSTER = "/api/v1/roster/2026-11"


def ok(reply: object) -> dict[str, object]:
    assert getattr(reply, "status_code", None) == 200, getattr(reply, "text", reply)
    body = reply.json()  # type: ignore[attr-defined]
    assert isinstance(body, dict)
    return body


def test_drafted_approved_swapped_on_the_board_and_exported(station: Make, context: ServerContext) -> None:
    leader = station(StationRole.DESK, "office", staff=Role.SUPERVISOR)
    boss = station(StationRole.DESK, "manager", staff=Role.SUPERVISOR)
    desk = station(StationRole.DESK, "front-desk", staff=Role.RECEPTIONIST)
    guard = station(StationRole.GUARD, "lobby-guard", staff=Role.GUARD)
    people = {p["name"]: p["staff_id"] for p in ok(leader.get(ROSTER))["people"]}  # type: ignore[union-attr]
    clerk, chief = people["receptionist-3"], people["supervisor-2"]
    # The first week: the clerk on 早班, the other supervisor 中班, the leader 夜班; repeated.
    rows = [(clerk, "早班"), (chief, "中班"), (people["supervisor-1"], "夜班")]
    changes = [
        {"day": f"2026-11-{d:02d}", "staff_id": sid, "shift": s} for d in range(1, 8) for sid, s in rows
    ]
    first = leader.post(f"{ROSTER}/cells", json={"changes": changes}, headers={"Idempotency-Key": "cells-1"})
    again = leader.post(f"{ROSTER}/cells", json={"changes": changes}, headers={"Idempotency-Key": "cells-1"})
    assert ok(first) == ok(again)
    assert_problem(desk.post(f"{ROSTER}/fill", json={"source": "first_week"}), 403, "forbidden")
    ok(leader.post(f"{ROSTER}/fill", json={"source": "first_week"}))
    assert ok(leader.post(f"{ROSTER}/submit"))["status"] == "submitted"
    assert_problem(
        leader.post(f"{ROSTER}/approve", json={}), 422, "validation", field="signer", reason="same_person"
    )
    assert ok(boss.post(f"{ROSTER}/approve", json={}))["status"] == "approved"
    # The clerk hands the 30th to nobody off that day... everyone works daily: the swap is refused;
    # then the supervisor's PIN agrees to the leader's 夜班 going to a new colleague.
    newcomer = context.core.staff.add("newbie", "新同事", Role.RECEPTIONIST, DEMO_PIN, context.core.actor)
    swap = {"day": "2026-11-30", "from_staff_id": clerk, "to_staff_id": chief, "reason": "病假"}
    assert_problem(desk.post(f"{ROSTER}/swap", json={**swap, "supervisor": "supervisor-2", "secret": DEMO_PIN}),
                   422, "validation", field="to_staff", reason="on_that_day")  # fmt: skip
    swapped = ok(desk.post(f"{ROSTER}/swap", json={**swap, "to_staff_id": newcomer, "supervisor": "supervisor-2",
                                                   "secret": DEMO_PIN}))  # fmt: skip
    [record] = swapped["swaps"]  # type: ignore[misc]
    assert (record["from_name"], record["to_name"], record["agreed_by_name"]) == (
        "receptionist-3",
        "新同事",
        "supervisor-2",
    )
    # The guard screen reads who is on duty (25 Nov, 10:00: 早班).
    duty = ok(guard.get("/api/v1/duty/now"))
    assert duty["approved"] and duty["now"][0]["names"] == ["receptionist-3"]  # type: ignore[index]
    assert ok(desk.get("/api/v1/board"))["duty"] == duty
    assert_problem(guard.get(ROSTER), 403, "forbidden")
    got = desk.post(f"{ROSTER}/export", json={"words": {"Name": "姓名"}})
    assert got.status_code == 200, got.text
    sheet = openpyxl.load_workbook(io.BytesIO(got.content)).worksheets[0]
    assert next(sheet.iter_rows(values_only=True))[0] == "姓名"
    assert_problem(desk.post("/api/v1/roster/2026-1x/export", json={}), 422, "validation", field="month")
