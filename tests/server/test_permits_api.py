"""Permits through the API, as the desk, the guard screen and the kiosk call it: a material permit
issued at the desk and let in at the guard screen, then cancelled and refused; an expired
decoration permit refused at the kiosk with its last day and nothing of its holder; unknown
numbers at the kiosk counted as wrong tries; the register exported by a supervisor; and every
permit route refused to every station and role the table does not allow."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from io import BytesIO
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kiosk.api.permissions import ACTIONS, is_allowed, needs_staff
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from kiosk.services.staff import DEMO_PIN, SignedIn
from tests.conftest import FixedClock
from tests.server.conftest import ADMIN
from tests.server.test_stations_api import assert_problem

Make = Callable[..., TestClient]
PERMITS = "/api/v1/permits"


def decoration(**extra: Any) -> dict[str, Any]:
    return {
        "kind": "decoration",
        "valid_from": "2026-11-25",
        "valid_until": "2026-11-25",
        "unit": "2-104",
        "holder_name": "李建国",
        "id_type": "resident_id",
        "id_number": "11010519491231002X",
        "company": "安居装饰",
        **extra,
    }


def ok(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_a_material_permit_is_let_in_at_the_guard_screen_then_cancelled_and_refused(
    station: Make, context: ServerContext
) -> None:
    desk = station(StationRole.DESK, "front-desk", staff=Role.RECEPTIONIST)
    guard = station(StationRole.GUARD, "lobby-guard", staff=Role.GUARD)
    body = {
        "kind": "material",
        "valid_from": "2026-11-25",
        "valid_until": "2026-11-26",
        "unit": "2-104",
        "materials": [{"name": "瓷砖", "quantity": 40}],
        "route": "stairs",
    }
    issued = ok(desk.post(PERMITS, json=body, headers={"Idempotency-Key": "issue-1"}))
    permit = issued["permit"]
    assert permit["number"] == "CL000001" and permit["outcome"] == "valid"
    # The same submit again (its answer lost): the same permit, not a second one.
    again = ok(desk.post(PERMITS, json=body, headers={"Idempotency-Key": "issue-1"}))
    assert again["permit"]["permit_id"] == permit["permit_id"]
    checked = ok(guard.post(f"{PERMITS}/check", json={"code": "cl000001"}))
    assert checked["outcome"] == "valid" and checked["permit"]["materials"] == [
        {"name": "瓷砖", "quantity": 40}
    ]
    let_in = ok(guard.post(f"{PERMITS}/{permit['permit_id']}/entries", json={"decision": "let_in"}))
    assert [e["decision"] for e in let_in["entries"]] == ["let_in"]
    ok(desk.post(f"{PERMITS}/{permit['permit_id']}/cancel", json={"reason": "业主取消装修"}))
    refused = ok(guard.post(f"{PERMITS}/check", json={"code": "CL000001"}))
    assert refused["outcome"] == "cancelled"
    assert_problem(
        guard.post(f"{PERMITS}/{permit['permit_id']}/entries", json={"decision": "let_in"}),
        422,
        "validation",
        field="permit",
        reason="cancelled",
    )
    found = desk.get(PERMITS, params={"which": "all", "q": "2-104"})
    assert found.status_code == 200 and [p["number"] for p in found.json()] == ["CL000001"]
    assert desk.get(PERMITS).json() == []  # nothing current


def test_an_expired_decoration_permit_is_refused_at_the_kiosk_with_its_expiry_date(
    station: Make, context: ServerContext
) -> None:
    desk = station(StationRole.DESK, "front-desk", staff=Role.RECEPTIONIST)
    kiosk = station(StationRole.KIOSK, "lobby-kiosk")
    number = ok(desk.post(PERMITS, json=decoration()))["permit"]["number"]
    good = ok(kiosk.post(f"{PERMITS}/kiosk-check", json={"code": number}))
    # What the visitor showed (the number) and its kind and days: nothing of the holder.
    assert good == {
        "number": number,
        "kind": "decoration",
        "valid_from": "2026-11-25",
        "valid_until": "2026-11-25",
    }
    clock = context.core.clock
    assert isinstance(clock, FixedClock)
    clock.advance(days=1)
    refused = assert_problem(
        kiosk.post(f"{PERMITS}/kiosk-check", json={"code": number}),
        422,
        "validation",
        field="permit",
        reason="expired",
        params={"number": number, "valid_until": "2026-11-25"},
    )
    assert "李建国" not in str(refused) and "002X" not in str(refused)


def test_unknown_numbers_at_the_kiosk_are_wrong_tries(station: Make, context: ServerContext) -> None:
    kiosk = station(StationRole.KIOSK, "lobby-kiosk")
    for n in range(4):
        assert_problem(
            kiosk.post(f"{PERMITS}/kiosk-check", json={"code": f"RZ00009{n}"}),
            422,
            "validation",
            field="permit",
            reason="unknown",
        )
    assert_problem(
        kiosk.post(f"{PERMITS}/kiosk-check", json={"code": "RZ000001"}), 422, "validation", reason="wait"
    )


def test_a_supervisor_exports_the_register_and_a_clerk_may_not(station: Make, context: ServerContext) -> None:
    desk = station(StationRole.DESK, "front-desk", staff=Role.RECEPTIONIST)
    boss = station(StationRole.DESK, "back-office", staff=Role.SUPERVISOR)
    ok(desk.post(PERMITS, json=decoration(kind="newspaper", unit="")))
    body = {"which": "all", "words": {"Holder": "持证人", "newspaper": "送报出入证"}}
    assert_problem(desk.post(f"{PERMITS}/export", json=body), 403, "forbidden")
    reply = boss.post(f"{PERMITS}/export", json=body)
    assert reply.status_code == 200, reply.text
    with zipfile.ZipFile(BytesIO(reply.content)) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert (
        "持证人" in sheet
        and "送报出入证" in sheet
        and "李建国" in sheet
        and "11010519491231002X" not in sheet
    )


@pytest.mark.one_database("sqlite", reason="rights are decided before any query")
def test_every_permit_route_refuses_each_station_and_role_the_table_does_not_allow(
    station: Make, context: ServerContext
) -> None:
    spec = station(StationRole.KIOSK).get("/api/v1/openapi.json").json()
    routes = [
        (method, path.replace("{permit_id}", "1"), op["x-action"])
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if op.get("x-action", "").startswith("permits.")
    ]
    assert {action for _m, _p, action in routes} == {a for a in ACTIONS if a.startswith("permits.")}
    members = {
        role: SignedIn(
            context.core.staff.add(f"p-{role.value}", role.value, role, DEMO_PIN, ADMIN),
            f"p-{role.value}",
            role.value,
            role,
        )
        for role in Role
    }
    wrong: list[str] = []
    for station_role in StationRole:
        for staff in [None, *Role]:
            client = station(station_role, f"{station_role.value}-{staff.value if staff else 'nobody'}")
            if staff is not None:
                # Opened directly: a guard screen or a kiosk refuses some roles a session at sign-in.
                identity = context.stations.authenticate(client.headers["Authorization"][7:], "testclient")
                assert identity is not None
                client.headers["X-Staff-Session"] = context.sessions.open(
                    members[staff], identity.station_id
                ).token
            for method, path, action in routes:
                if is_allowed(action, station_role, staff):
                    continue
                reply = client.request(method, path, json={"code": "RZ000001"} if method == "post" else None)
                expected = (
                    "sign_in_required" if staff is None and needs_staff(action, station_role) else "forbidden"
                )
                status = 401 if expected == "sign_in_required" else 403
                body = (
                    reply.json()
                    if reply.headers.get("content-type", "").startswith("application/problem")
                    else {}
                )
                if reply.status_code != status or body.get("code") != expected:
                    wrong.append(
                        f"{action} at {station_role.value} by {staff}: {reply.status_code} {body.get('code')}"
                    )
    assert not wrong, "\n".join(wrong)
