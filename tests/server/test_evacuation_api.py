"""The evacuation roll call through the API: read by consoles with the right, from the server's
own copy when its database is down, and a station's print noted in the audit trail."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from kiosk.storage.models import AuditEvent
from tests.server.test_stations_api import assert_problem, check_in_body

Make = Callable[..., TestClient]


def on_site(station: Make, context: ServerContext, *names: str) -> None:
    kiosk = station(StationRole.KIOSK)
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    for name in names:
        visit_id = kiosk.post("/api/v1/visits", json=check_in_body(context, name)).json()["visit_id"]
        assert desk.post(f"/api/v1/visits/{visit_id}/approve", json={}).status_code == 200


def database_down(context: ServerContext, monkeypatch: pytest.MonkeyPatch) -> None:
    def down() -> None:
        raise OperationalError("SELECT", {}, ConnectionError("could not connect to server"))

    monkeypatch.setattr(context.core.lobby, "on_site", down)


def test_a_guard_reads_the_roll_call_and_reports_its_print(station: Make, context: ServerContext) -> None:
    on_site(station, context, "李雷", "韩梅梅")
    guard = station(StationRole.GUARD, name="gate", staff=Role.GUARD)
    sheet = guard.get("/api/v1/evacuation")
    assert sheet.status_code == 200, sheet.text
    assert [p["visitor_name"] for p in sheet.json()["people"]] == ["李雷", "韩梅梅"]
    assert sheet.json()["from_snapshot"] is False and sheet.json()["station_copy"] is False
    report = {"people": 2, "printer": "receipt", "station_copy": True}
    assert guard.post("/api/v1/evacuation/printed", json=report).status_code == 204
    with context.core.database.sessions() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "evacuation.printed")).one()
    assert event.actor == "staff:guard-3" and '"station_copy": true' in event.detail


def test_without_its_database_the_server_answers_from_its_copy_or_says_unavailable(
    station: Make, context: ServerContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    with monkeypatch.context() as patch:
        database_down(context, patch)
        # Nothing saved yet: the station must fall back on its own copy.
        assert_problem(desk.get("/api/v1/evacuation"), 503, "unavailable")
    on_site(station, context, "李雷")
    assert desk.get("/api/v1/evacuation").status_code == 200  # the server keeps its copy as it reads
    database_down(context, monkeypatch)
    sheet = desk.get("/api/v1/evacuation").json()
    assert sheet["from_snapshot"] is True and [p["visitor_name"] for p in sheet["people"]] == ["李雷"]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/api/v1/evacuation", None),
        ("POST", "/api/v1/evacuation/printed", {"people": 0, "printer": "x"}),
    ],
    ids=["roll_call", "printed"],
)
@pytest.mark.parametrize(("role", "staff"), [(StationRole.DESK, Role.SALES), (StationRole.KIOSK, None)])
def test_every_action_is_refused_without_the_right(
    station: Make, method: str, path: str, body: object, role: StationRole, staff: Role | None
) -> None:
    assert_problem(station(role, staff=staff).request(method, path, json=body), 403, "forbidden")
