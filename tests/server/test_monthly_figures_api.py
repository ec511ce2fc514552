"""The monthly figures through the API: a supervisor reads the month and gets its workbook; a
receptionist is refused (the full role-by-route matrix is tests/server/test_permissions.py)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from fastapi.testclient import TestClient

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from tests.server.test_stations_api import assert_problem
from tests.services.test_visitor_log import add_visit, at

Make = Callable[..., TestClient]


def test_a_supervisor_reads_the_month_and_downloads_its_workbook(
    context: ServerContext, station: Make
) -> None:
    add_visit(context.core, "张三", at(9))  # 24 November, 09:00 in Shanghai
    desk = station(StationRole.DESK, staff=Role.SUPERVISOR)
    month = desk.get("/api/v1/monthly-figures/2026-11")
    assert month.status_code == 200, month.text
    body = month.json()
    assert body["month"] == {"year": 2026, "month": 11} and body["visits_per_day"][23] == 1
    assert body["visits_per_hour"][9] == 1 and len(body["slips_per_day"]) == 30
    reply = desk.post(
        "/api/v1/monthly-figures/2026-11/export", json={"words": {"Visitors per day": "每日访客"}}
    )
    assert reply.status_code == 200, reply.text
    assert 'filename="monthly-figures-2026-11.xlsx"' in reply.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(reply.content)) as book:
        assert 'name="每日访客"' in book.read("xl/workbook.xml").decode()
    assert not list(context.core.export_dir.iterdir())  # the server kept no copy


def test_a_bad_month_is_refused_with_its_reason(station: Make) -> None:
    desk = station(StationRole.DESK, staff=Role.SUPERVISOR)
    assert_problem(
        desk.get("/api/v1/monthly-figures/2026-13"), 422, "validation", field="month", reason="range"
    )
    assert_problem(
        desk.get("/api/v1/monthly-figures/November"), 422, "validation", field="month", reason="format"
    )


def test_a_receptionist_sees_no_figures(station: Make) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    assert_problem(desk.get("/api/v1/monthly-figures/2026-11"), 403, "forbidden")
