"""A declined visitor's message through the public kiosk route: taken only from the kiosk that made
the visit, only for a visit the host or the desk declined, once, and within ten minutes of the
"no"; each refusal a problem the kiosk words in the visitor's language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.domain.visitor import MESSAGE_WINDOW
from kiosk.server.context import ServerContext
from tests.conftest import FixedClock
from tests.server.test_stations_api import assert_problem, check_in_body

Make = Callable[..., TestClient]
MESSAGE = {"phone": "139 1234 5678", "text": "下周再约"}


def visit(kiosk: TestClient, context: ServerContext, name: str = "张三") -> int:
    reply = kiosk.post("/api/v1/visits", json=check_in_body(context, name))
    assert reply.status_code == 200, reply.text
    return int(reply.json()["visit_id"])


def leave(kiosk: TestClient, visit_id: int, key: str | None = None) -> Any:
    return kiosk.post(
        f"/api/v1/visits/{visit_id}/message",
        json=MESSAGE,
        headers={"Idempotency-Key": key} if key else None,
    )


def refused(response: Any, reason: str) -> None:
    assert_problem(response, 422, "validation", field="message", reason=reason)


@pytest.fixture
def lobby(station: Make) -> tuple[TestClient, TestClient, TestClient]:
    """The lobby's two kiosks and the desk (a receptionist signed in)."""
    return (
        station(StationRole.KIOSK, name="kiosk-east"),
        station(StationRole.KIOSK, name="kiosk-west"),
        station(StationRole.DESK, staff=Role.RECEPTIONIST),
    )


def test_only_the_kiosk_that_asked_leaves_one_message_for_a_declined_visit(
    lobby: tuple[TestClient, TestClient, TestClient], context: ServerContext, clock: FixedClock
) -> None:
    east, west, desk = lobby
    visit_id = visit(east, context)
    # Still waiting for the host: nothing to leave a message about yet.
    refused(leave(east, visit_id), "not_declined")
    assert desk.post(f"/api/v1/visits/{visit_id}/decline", json={"note": "在开会"}).status_code == 204
    # Another kiosk (or anyone holding a kiosk's credential) cannot write to the host through it.
    refused(leave(west, visit_id), "other_station")

    clock.advance(minutes=9)
    first = leave(east, visit_id, key="msg-1")
    assert first.status_code == 200, first.text
    message_id = first.json()["message_id"]
    # The kiosk retried after a lost answer: the same message, not a refusal.
    assert leave(east, visit_id, key="msg-1").json() == {"message_id": message_id}
    # A second message (another tap, another key) is refused.
    refused(leave(east, visit_id, key="msg-2"), "already_left")
    refused(leave(east, visit_id), "already_left")
    inbox = desk.get("/api/v1/messages").json()["messages"]
    assert [(m["message_id"], m["visit_id"]) for m in inbox] == [(message_id, visit_id)]


def test_no_message_for_a_visit_let_in_or_withdrawn_nor_after_ten_minutes(
    lobby: tuple[TestClient, TestClient, TestClient], context: ServerContext, clock: FixedClock
) -> None:
    east, _west, desk = lobby
    approved = visit(east, context, "李雷")
    assert desk.post(f"/api/v1/visits/{approved}/approve", json={"note": ""}).status_code == 200
    refused(leave(east, approved), "not_declined")
    # The visitor cancelled while waiting: the kiosk went back to the start and offered nothing.
    withdrawn = visit(east, context, "韩梅梅")
    assert east.post(f"/api/v1/visits/{withdrawn}/withdraw").status_code == 204
    refused(leave(east, withdrawn), "not_declined")

    late = visit(east, context, "王五")
    assert desk.post(f"/api/v1/visits/{late}/decline", json={"note": ""}).status_code == 204
    clock.advance(seconds=MESSAGE_WINDOW.total_seconds() + 1)
    body = assert_problem(leave(east, late), 422, "validation", field="message", reason="too_late")
    assert body["params"] == {"minutes": 10}
    on_time = visit(east, context, "赵六")
    assert desk.post(f"/api/v1/visits/{on_time}/decline", json={"note": ""}).status_code == 204
    clock.advance(seconds=MESSAGE_WINDOW.total_seconds())  # the tenth minute still counts
    assert leave(east, on_time).status_code == 200
    assert [m["visit_id"] for m in desk.get("/api/v1/messages").json()["messages"]] == [on_time]
    assert_problem(leave(east, 999999), 422, "validation", field="visit", reason="unknown")


def test_a_kiosk_reads_and_withdraws_only_the_visits_made_at_it(
    lobby: tuple[TestClient, TestClient, TestClient], context: ServerContext
) -> None:
    """The waiting page's state and the visitor's cancel are public at a kiosk too: by visit
    number, another kiosk's credential would read who is visiting whom, and cancel them."""
    east, west, desk = lobby
    visit_id = visit(east, context)
    assert east.get(f"/api/v1/visits/{visit_id}/state").json()["visitor_name"] == "张三"
    for other in (
        west.get(f"/api/v1/visits/{visit_id}/state"),
        west.post(f"/api/v1/visits/{visit_id}/withdraw"),
    ):
        # The same answer as for a visit that does not exist: nothing learnt.
        assert_problem(other, 422, "validation", field="visit", reason="unknown")
    assert desk.get(f"/api/v1/visits/{visit_id}/state").json()["status"] == "pending"
    assert east.post(f"/api/v1/visits/{visit_id}/withdraw").status_code == 204
    assert desk.get(f"/api/v1/visits/{visit_id}/state").json()["status"] == "declined"
