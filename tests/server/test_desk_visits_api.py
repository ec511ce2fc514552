"""Walk-ins, units and the desk's calls through the API: the desk registers a walk-in to a unit
and sees its residents' phones, records the intercom call that lets the visitor in (the badge on
the desk's own printer), a retried call is stored once; the public kiosk gets no resident or phone
number in any answer, even for a visit to a unit."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from kiosk.services.audit import Actor
from kiosk.storage.models import Host, VisitCall
from tests.server.test_stations_api import assert_problem

Make = Callable[..., TestClient]
RESIDENTS_CSV = """房号,姓名,身份,电话
2-104,赵伟,业主,13875090595
2-104,周敏,租户,13729552354
"""
PHONES = ("13875090595", "13729552354")


def walk_in(**target: object) -> dict[str, object]:
    return {"visit": {"visitor_name": "刘奶奶", "host_id": 0, "declaration_accepted": True}, **target}


def test_the_desk_registers_a_walk_in_to_a_unit_and_records_the_call_that_lets_them_in(
    station: Make, context: ServerContext
) -> None:
    assert context.core.residents.import_residents(
        RESIDENTS_CSV.encode(), "r.csv", Actor("cli", "pm")
    ).imported
    desk = station(StationRole.DESK, "desk-a", staff=Role.RECEPTIONIST)
    unit = desk.get("/api/v1/desk-visits/units/2-104")
    assert unit.status_code == 200, unit.text
    assert {(r["name"], r["phone"]) for r in unit.json()["residents"]} == {
        ("赵伟", PHONES[0]),
        ("周敏", PHONES[1]),
    }
    assert_problem(
        desk.get("/api/v1/desk-visits/units/9-999"), 422, "validation", field="unit", reason="unknown"
    )
    made = desk.post("/api/v1/desk-visits", json=walk_in(unit="2-104"), headers={"Idempotency-Key": "w1"})
    assert made.status_code == 200, made.text
    visit_id = made.json()["visit_id"]
    again = desk.post("/api/v1/desk-visits", json=walk_in(unit="2-104"), headers={"Idempotency-Key": "w1"})
    assert again.json()["visit_id"] == visit_id  # a retry is the same visit

    calls = desk.get(f"/api/v1/visits/{visit_id}/calls").json()
    assert calls["unit"] == "2-104" and {r["phone"] for r in calls["residents"]} == set(PHONES)
    call = {"callee": "unit", "channel": "intercom", "number": "2104#", "answer": "agreed"}
    first = desk.post(f"/api/v1/visits/{visit_id}/calls", json=call, headers={"Idempotency-Key": "c1"})
    assert first.status_code == 200, first.text
    assert first.json()["visit_status"] == "on_site" and first.json()["badge_number"]
    retried = desk.post(f"/api/v1/visits/{visit_id}/calls", json=call, headers={"Idempotency-Key": "c1"})
    assert retried.json()["call"]["call_id"] == first.json()["call"]["call_id"]
    with context.core.database.sessions() as session:
        assert session.scalar(select(func.count(VisitCall.id))) == 1
    # The badge waits for this desk's own printer.
    claimed = desk.post("/api/v1/print-jobs/claim").json()
    assert [job["document"] for job in claimed] == ["badge"]
    # A refusal says which field.
    other = desk.post("/api/v1/desk-visits", json=walk_in(unit="2-104")).json()["visit_id"]
    bad = {"callee": "host", "channel": "phone", "number": "8101", "answer": "agreed"}
    assert_problem(
        desk.post(f"/api/v1/visits/{other}/calls", json=bad),
        422,
        "validation",
        field="callee",
        reason="unit_visit",
    )


def test_the_kiosk_hears_no_resident_and_no_phone_number_even_for_a_visit_to_a_unit(
    station: Make, context: ServerContext
) -> None:
    assert context.core.residents.import_residents(
        RESIDENTS_CSV.encode(), "r.csv", Actor("cli", "pm")
    ).imported
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    assert desk.post("/api/v1/desk-visits", json=walk_in(unit="2-104")).status_code == 200
    kiosk = station(StationRole.KIOSK, "kiosk-a")
    with context.core.database.sessions() as session:
        unit_host = session.scalar(select(Host.id).where(Host.unit == "2-104"))
    # The directory lists no unit and no resident.
    for query in ("2-104", "赵伟", "zhaowei"):
        found = kiosk.get("/api/v1/directory", params={"q": query})
        assert found.status_code == 200 and found.json() == [], found.text
    # A kiosk that names the unit's host row anyway: its visit's answers carry the unit only.
    made = kiosk.post(
        "/api/v1/visits",
        json={"visitor_name": "陈先生", "host_id": unit_host, "declaration_accepted": True},
    )
    assert made.status_code == 200, made.text
    state = kiosk.get(f"/api/v1/visits/{made.json()['visit_id']}/state")
    answers = made.text + state.text
    assert state.json()["host_name"] == "2-104"
    assert not [text for text in (*PHONES, "赵伟", "周敏") if text in answers]
    # The unit's residents and the calls are the desk's routes: the kiosk is refused.
    assert kiosk.get("/api/v1/desk-visits/units/2-104").status_code in (401, 403)
    assert kiosk.get(f"/api/v1/visits/{made.json()['visit_id']}/calls").status_code in (401, 403)
