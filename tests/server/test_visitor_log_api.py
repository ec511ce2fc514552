"""The visitor log through the API: search and statistics for the desk, exports streamed to
supervisors only (the server reads the role from the session, never from the request)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from kiosk.storage.models import AuditEvent
from tests.server.test_stations_api import assert_problem
from tests.services.test_visitor_log import DAY, add_visit, at

Make = Callable[..., TestClient]
DAYS = {"first_day": "2026-11-23", "last_day": "2026-11-24"}
HEADERS = ["Visit", "Arrived", "Time in", "Time out", "Name"]


@pytest.fixture(autouse=True)
def seeded(context: ServerContext) -> None:
    add_visit(context.core, "张三", at(9), company="华南数据", id_type="resident_id", id_last_four="002X")
    add_visit(context.core, "李雷", at(9, 30), company="=cmd|' /C calc'!A0")


def log_events(context: ServerContext) -> list[tuple[str, str, dict[str, object]]]:
    with context.core.database.sessions() as session:
        return [
            (e.actor, e.action, json.loads(e.detail))
            for e in session.scalars(select(AuditEvent).where(AuditEvent.entity == "visitor_log"))
        ]


def test_a_receptionist_searches_and_sees_statistics(station: Make) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    page = desk.post("/api/v1/visitor-log/search", json={**DAYS, "last_four": "002x"})
    assert page.status_code == 200, page.text
    [row] = page.json()["rows"]
    assert row["visitor_name"] == "张三" and row["id_masked"] == "**************002X"
    assert page.json()["next_cursor"] is None
    stats = desk.get(f"/api/v1/visitor-log/stats/{DAY.isoformat()}").json()
    assert stats["visits"] == 2 and sum(stats["per_hour"]) == 2
    bad = desk.post("/api/v1/visitor-log/search", json={**DAYS, "last_four": "02"})
    assert_problem(bad, 422, "validation", field="last_four", reason="length")


def test_a_supervisor_gets_the_file_as_the_response_and_it_is_audited(
    context: ServerContext, station: Make
) -> None:
    desk = station(StationRole.DESK, staff=Role.SUPERVISOR)
    reply = desk.post("/api/v1/visitor-log/export/csv", json={**DAYS, "headers": HEADERS})
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"].startswith("text/csv")
    assert reply.headers["x-export-rows"] == "2"
    table = list(csv.reader(io.StringIO(reply.content.decode("utf-8-sig"))))
    assert table[0] == HEADERS
    assert {row[4] for row in table[1:]} == {"张三", "李雷"}
    assert "'=cmd|' /C calc'!A0" in {row[5] for row in table[1:]}  # never a formula
    xlsx = desk.post("/api/v1/visitor-log/export/xlsx", json={**DAYS, "headers": HEADERS})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert [(who, what, d["rows"]) for who, what, d in log_events(context)] == [
        ("staff:supervisor-1", "visitor_log.exported", 2),
        ("staff:supervisor-1", "visitor_log.exported", 2),
    ]


def test_a_receptionist_is_refused_the_export_and_the_attempt_is_on_record(
    context: ServerContext, station: Make
) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    reply = desk.post("/api/v1/visitor-log/export/csv", json={**DAYS, "headers": HEADERS})
    assert_problem(reply, 403, "forbidden")
    [(who, what, detail)] = log_events(context)
    assert (who, what, detail["role"]) == (
        "staff:receptionist-1",
        "visitor_log.export_refused",
        "receptionist",
    )


@pytest.mark.parametrize("role", [Role.GUARD, Role.SALES])
def test_roles_without_the_log_cannot_search_it(station: Make, role: Role) -> None:
    desk = station(StationRole.DESK, staff=role)
    assert_problem(desk.post("/api/v1/visitor-log/search", json=DAYS), 403, "forbidden")
    assert_problem(desk.get(f"/api/v1/visitor-log/stats/{DAY.isoformat()}"), 403, "forbidden")
    assert_problem(
        desk.post("/api/v1/visitor-log/export/xlsx", json={**DAYS, "headers": HEADERS}), 403, "forbidden"
    )


def test_no_kiosk_nor_guard_screen_reads_the_log(station: Make) -> None:
    kiosk = station(StationRole.KIOSK)
    guard = station(StationRole.GUARD, staff=Role.GUARD)
    assert_problem(
        kiosk.post("/api/v1/visitor-log/export/csv", json={**DAYS, "headers": []}), 403, "forbidden"
    )
    assert_problem(guard.post("/api/v1/visitor-log/search", json=DAYS), 403, "forbidden")
