"""Complaints through the API: recorded by the member signed in at the desk (never a name in the
request), a retried record stored and alerted once, closed by a supervisor, read by no other role."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from kiosk.services.complaints import ManagerAlert
from kiosk.storage.models import Complaint
from tests.server.test_slips_api import count
from tests.server.test_stations_api import assert_problem

Make = Callable[..., TestClient]
API = "/api/v1/complaints"
FORM = {
    "kind": "complaint",
    "source": "visit",
    "subject": "security",
    "complainant": "周女士",
    "unit": "5-1203",
    "contact": "0755-8888 1234 转 801",
    "text": "地下车库B区照明损坏，夜间不安全。",
    "responsible": "保安部",
    "due_on": "2026-11-26",
    "serious": True,
}


def test_a_serious_complaint_recorded_twice_is_stored_and_alerted_once_and_closed_by_a_supervisor(
    station: Make, context: ServerContext
) -> None:
    alerts: list[ManagerAlert] = []
    context.core.complaints.alerters.append(alerts.append)
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    first = desk.post(API, json=FORM, headers={"Idempotency-Key": "c-1"})
    assert first.status_code == 200, first.text
    again = desk.post(API, json=FORM, headers={"Idempotency-Key": "c-1"})  # the answer was lost
    assert again.json() == first.json() and count(context, Complaint) == 1 and len(alerts) == 1
    made = first.json()["complaint"]
    assert (made["number"], made["recorded_by_name"], made["serious"]) == ("C000001", "receptionist-1", True)
    assert made["contact"] == "0755-8888 1234 转 801"
    path = f"{API}/{made['complaint_id']}"

    bad = desk.post(API, json=FORM | {"contact": "不知道"})
    assert_problem(bad, 422, "validation", field="contact", reason="format")
    assert desk.post(f"{path}/steps", json={"text": "已通知保安部更换灯管"}).status_code == 200
    assert desk.post(f"{path}/callback", json={"satisfaction": "fairly", "note": "已修好"}).status_code == 200
    refused = desk.post(f"{path}/close", json={"result": "照明已修复"})
    assert_problem(refused, 403, "forbidden")

    boss = station(StationRole.DESK, staff=Role.SUPERVISOR)
    assert_problem(boss.post(f"{path}/close", json={"result": " "}), 422, "validation", field="result")
    closed = boss.post(f"{path}/close", json={"result": "照明已修复，增加夜间巡逻。"})
    assert closed.status_code == 200, closed.text
    detail = desk.get(path).json()
    assert detail["complaint"]["status"] == "closed"
    assert [s["kind"] for s in detail["steps"]] == ["recorded", "step", "callback", "closed"]
    assert [c["number"] for c in desk.get(API, params={"state": "closed"}).json()] == ["C000001"]
    assert desk.get(API, params={"state": "open", "subject": "security"}).json() == []


def test_guards_and_sales_read_no_complaint(station: Make) -> None:
    for role in (Role.GUARD, Role.SALES):
        console = station(StationRole.DESK, staff=role)
        assert_problem(console.get(API), 403, "forbidden")
        assert_problem(console.get(f"{API}/1"), 403, "forbidden")
