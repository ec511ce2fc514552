"""Staff accounts through the API: admins only, decided by the server; the audit names the admin
signed in at the calling station."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from kiosk.services.staff import DEMO_PIN
from kiosk.storage.models import AuditEvent
from tests.server.conftest import ADMIN
from tests.server.test_stations_api import assert_problem

Make = Callable[..., TestClient]
NEW = {"username": "1002", "name": "钱多多", "role": "guard", "secret": "3579"}


def actions(context: ServerContext) -> list[tuple[str, str]]:
    with context.core.database.sessions() as session:
        return [(e.actor, e.action) for e in session.scalars(select(AuditEvent))]


def staff_id(context: ServerContext, username: str) -> int:
    return next(m.staff_id for m in context.core.staff.members() if m.username == username)


def test_an_admin_adds_lists_and_changes_accounts(context: ServerContext, station: Make) -> None:
    admin = station(StationRole.DESK, staff=Role.ADMIN)
    added = admin.post("/api/v1/staff", json=NEW, headers={"Idempotency-Key": "k1"})
    assert added.status_code == 200, added.text
    again = admin.post("/api/v1/staff", json=NEW, headers={"Idempotency-Key": "k1"})
    assert again.json() == added.json()  # a retried submit is stored once
    listed = {m["username"]: m for m in admin.get("/api/v1/staff").json()}
    assert listed["1002"]["role"] == "guard" and listed["1002"]["name"] == "钱多多"
    assert "secret_hash" not in listed["1002"]
    member = added.json()["staff_id"]
    assert admin.post(f"/api/v1/staff/{member}", json={"role": "supervisor"}).status_code == 204
    assert admin.post(f"/api/v1/staff/{member}/secret", json={"secret": "864200"}).status_code == 204
    assert context.core.staff.sign_in("1002", "864200").role is Role.SUPERVISOR
    assert admin.post(f"/api/v1/staff/{member}/unlock").status_code == 204
    by_admin = {a for who, a in actions(context) if who == "staff:admin-1"}
    assert {"staff.added", "staff.updated", "staff.secret_reset", "staff.unlocked"} <= by_admin


def test_the_services_refusals_come_back_as_validation_problems(station: Make) -> None:
    admin = station(StationRole.DESK, staff=Role.ADMIN)
    assert_problem(
        admin.post("/api/v1/staff", json={**NEW, "secret": "1"}),
        422,
        "validation",
        field="secret",
        reason="too_short",
    )
    assert_problem(admin.post("/api/v1/staff/9999/unlock"), 422, "validation", field="staff")
    assert_problem(admin.post("/api/v1/staff", json={**NEW, "username": "x" * 81}), 422, "request_invalid")


def test_a_deactivated_or_demoted_member_loses_their_session_at_once(
    context: ServerContext, station: Make
) -> None:
    admin = station(StationRole.DESK, staff=Role.ADMIN)
    supervisor = station(StationRole.DESK, staff=Role.SUPERVISOR)
    receptionist = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    assert supervisor.get("/api/v1/board").status_code == 200
    # A rename keeps the role, and the session.
    sup_id = staff_id(context, "supervisor-2")
    assert (
        admin.post(f"/api/v1/staff/{sup_id}", json={"name": "Boss", "role": "supervisor"}).status_code == 204
    )
    assert supervisor.get("/api/v1/board").status_code == 200
    assert admin.post(f"/api/v1/staff/{sup_id}", json={"role": "receptionist"}).status_code == 204
    assert_problem(supervisor.get("/api/v1/board"), 401, "sign_in_required")
    rec_id = staff_id(context, "receptionist-3")
    assert admin.post(f"/api/v1/staff/{rec_id}", json={"active": False}).status_code == 204
    assert_problem(receptionist.get("/api/v1/board"), 401, "sign_in_required")
    with pytest.raises(ValidationError):
        context.core.staff.sign_in("receptionist-3", DEMO_PIN)


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.SUPERVISOR, Role.GUARD, Role.SALES])
def test_only_admins_manage_staff(context: ServerContext, station: Make, role: Role) -> None:
    member = context.core.staff.add("victim", "Victim", Role.ADMIN, "13579", ADMIN)
    client = station(StationRole.DESK, staff=role)
    calls = [
        client.get("/api/v1/staff"),
        client.post("/api/v1/staff", json=NEW),
        client.post(f"/api/v1/staff/{member}", json={"role": "guard"}),
        client.post(f"/api/v1/staff/{member}/secret", json={"secret": "0000"}),
        client.post(f"/api/v1/staff/{member}/unlock"),
    ]
    for reply in calls:
        assert_problem(reply, 403, "forbidden")
    assert context.core.staff.sign_in("victim", "13579").role is Role.ADMIN


def test_no_station_but_a_desk_manages_staff_and_the_kiosk_needs_a_session(station: Make) -> None:
    kiosk = station(StationRole.KIOSK)
    guard = station(StationRole.GUARD, staff=Role.GUARD)
    assert_problem(kiosk.post("/api/v1/staff/1/secret", json={"secret": "0000"}), 403, "forbidden")
    assert_problem(guard.get("/api/v1/staff"), 403, "forbidden")
    desk = station(StationRole.DESK)
    assert_problem(desk.get("/api/v1/staff"), 401, "sign_in_required")
