"""The shift handover through the API: the outgoing clerk is the member signed in at the desk
(never a name in the request), both PIN signatures are checked at the server and limited per
station as well as per account, the desk gets the names the tables show, other roles are refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import TRIES_PER_WINDOW, ServerContext
from kiosk.services.staff import DEMO_PIN
from kiosk.storage.models import DutyLogEntry, Handover
from tests.server.test_slips_api import actions, count
from tests.server.test_stations_api import assert_problem, member

Make = Callable[..., TestClient]
API = "/api/v1/handover"
ITEMS = [
    {"kind": "cash", "count": 15000},
    {"kind": "visitor_cards", "count": 20},
    {"kind": "keys", "count": 3, "label": "301/302"},
]


def hand_over(desk: TestClient, key: str | None = None, **extra: Any) -> Any:
    body = {"secret": DEMO_PIN, "work_done": "登记访客 32 人", "items": ITEMS, "issues": ["3-201 噪音投诉"]}
    return desk.post(API, json=body | extra, headers={"Idempotency-Key": key} if key else None)


def test_a_handover_is_signed_by_the_member_signed_in_and_countersigned_by_another(
    station: Make, context: ServerContext
) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)  # receptionist-1
    wrong = hand_over(desk, secret="000000")
    assert_problem(wrong, 422, "validation", field="credentials", reason="invalid")
    first = hand_over(desk, "h-1")
    assert first.status_code == 200, first.text
    again = hand_over(desk, "h-1")  # the answer was lost; the desk sends it again
    assert again.json() == first.json() and count(context, Handover) == 1
    handover_id = first.json()["handover_id"]

    board = desk.get(API).json()
    assert board["pending"]["handover_id"] == handover_id
    assert board["pending"]["outgoing_name"] == "receptionist-1"
    assert [(i["text"], i["raised_by"]) for i in board["open_issues"]] == [
        ("3-201 噪音投诉", "staff:receptionist-1")
    ]
    assert board["staff"] == [
        {"username": "receptionist-1", "name": "receptionist-1", "role": "receptionist"}
    ]
    prefill = desk.get(f"{API}/prefill").json()
    assert prefill["since"] is None and prefill["counts"]["cash"] == 0

    counted = {"cash": 14950, "visitor_cards": 20, "keys": 3}
    sign = f"{API}/{handover_id}/sign"
    body = {
        "username": "receptionist-1",
        "secret": DEMO_PIN,
        "counted": counted,
        "discrepancy_note": "少 0.5 元",
    }
    assert_problem(desk.post(sign, json=body), 422, "validation", field="incoming", reason="same_person")
    wang = member(context, "wang", Role.RECEPTIONIST)
    refused = desk.post(sign, json=body | {"username": wang, "secret": "999999"})
    assert_problem(refused, 422, "validation", field="credentials", reason="invalid")
    signed = desk.post(sign, json=body | {"username": wang})
    assert signed.status_code == 200, signed.text
    assert (signed.json()["incoming_name"], signed.json()["outgoing_name"]) == ("wang", "receptionist-1")
    with context.core.database.sessions() as session:
        record = session.get_one(Handover, handover_id)
        assert (record.outgoing, record.incoming) == ("staff:receptionist-1", "staff:wang")
    assert ("staff:wang", "handover.signed") in actions(context)
    after = desk.get(API).json()
    assert after["pending"] is None and len(after["open_issues"]) == 2  # the count that differs too

    issue_id = after["open_issues"][0]["issue_id"]
    closed = desk.post(f"{API}/issues/{issue_id}/close", json={"note": "已回访"})
    assert closed.status_code == 204
    assert len(desk.get(API).json()["open_issues"]) == 1
    again_closed = desk.post(f"{API}/issues/{issue_id}/close", json={"note": ""})
    assert_problem(again_closed, 422, "validation", field="issue", reason="already_closed")


def test_the_duty_log_names_the_member_signed_in(station: Make, context: ServerContext) -> None:
    desk = station(StationRole.DESK, staff=Role.GUARD)  # a guard signed in at a desk keeps the log
    body = {"occurred_at": "2026-11-25T09:20:00+08:00", "place": "B1 车库", "what": "消防栓漏水"}
    first = desk.post(f"{API}/duty-log", json=body, headers={"Idempotency-Key": "d-1"})
    assert first.status_code == 200, first.text
    again = desk.post(f"{API}/duty-log", json=body, headers={"Idempotency-Key": "d-1"})
    assert again.json() == first.json() and count(context, DutyLogEntry) == 1
    (entry,) = desk.get(API).json()["duty_log"]
    assert (entry["place"], entry["recorded_by"]) == ("B1 车库", "staff:guard-1")
    future = desk.post(f"{API}/duty-log", json=body | {"occurred_at": "2026-11-25T13:00:00+08:00"})
    assert_problem(future, 422, "validation", field="occurred_at", reason="in_the_future")
    naive = desk.post(f"{API}/duty-log", json=body | {"occurred_at": "2026-11-25T09:20:00"})
    assert_problem(naive, 422, "request_invalid")


def test_pin_signatures_are_limited_per_station(station: Make, context: ServerContext) -> None:
    """Wrong PINs typed as signatures at one desk, across accounts, stop that desk signing for a
    while; the accounts tried are not locked by an unknown number, and another desk signs on."""
    desk = station(StationRole.DESK, "desk-a", staff=Role.RECEPTIONIST)
    handover_id = hand_over(desk).json()["handover_id"]
    sign = f"{API}/{handover_id}/sign"
    for n in range(TRIES_PER_WINDOW):
        reply = desk.post(sign, json={"username": f"nobody-{n}", "secret": "0000"})
        assert_problem(reply, 422, "validation", field="credentials", reason="invalid")
    wang = member(context, "wang", Role.RECEPTIONIST)
    right = {"username": wang, "secret": DEMO_PIN}
    assert_problem(desk.post(sign, json=right), 429, "too_many_tries")
    other = station(StationRole.DESK, "desk-b", staff=Role.SUPERVISOR)
    assert other.post(sign, json=right).status_code == 200


REFUSED = [
    ("GET", API, None),
    ("GET", f"{API}/prefill", None),
    ("POST", API, {"secret": DEMO_PIN, "work_done": "x", "items": ITEMS}),
    ("POST", f"{API}/1/sign", {"username": "wang", "secret": DEMO_PIN}),
    ("POST", f"{API}/issues/1/close", {"note": ""}),
    ("POST", f"{API}/duty-log", {"occurred_at": "2026-11-25T09:20:00+08:00", "place": "x", "what": "x"}),
]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    REFUSED,
    ids=["read", "prefill", "hand_over", "sign", "close_issue", "log_incident"],
)
@pytest.mark.parametrize(
    ("role", "staff"),
    [(StationRole.DESK, Role.SALES), (StationRole.KIOSK, None), (StationRole.GUARD, Role.GUARD)],
)
def test_every_action_is_refused_without_the_right(
    station: Make,
    context: ServerContext,
    method: str,
    path: str,
    body: object,
    role: StationRole,
    staff: Role | None,
) -> None:
    reply = station(role, staff=staff).request(method, path, json=body)
    assert_problem(reply, 403, "forbidden")
    assert count(context, Handover) == 0 and count(context, DutyLogEntry) == 0
