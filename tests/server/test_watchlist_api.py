"""The watchlist through the API: a supervisor's entry is hashed by the server's one key, so a
check-in at any kiosk matches it; the full ID number never comes back; other roles are refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from kiosk.storage.models import AuditEvent, WatchlistEntry
from tests.server.test_stations_api import assert_problem, check_in_body

Make = Callable[..., TestClient]
ID = "11010519491231002X"


def test_an_entry_by_id_number_holds_that_person_at_any_kiosk(station: Make, context: ServerContext) -> None:
    desk = station(StationRole.DESK, staff=Role.SUPERVISOR)
    reply = desk.post(
        "/api/v1/watchlist",
        json={"name": "王强", "reason": "寻衅闹事", "id_type": "resident_id", "id_number": ID},
        headers={"Idempotency-Key": "w-1"},
    )
    assert reply.status_code == 200, reply.text
    entry_id = reply.json()["entry_id"]
    listing = desk.get("/api/v1/watchlist")
    assert ID not in listing.text and ID[:14] not in listing.text  # only the last four
    (entry,) = listing.json()["entries"]
    assert (entry["id_last_four"], entry["added_by"]) == ("002X", "staff:supervisor-1")
    assert listing.json()["staff"] == [
        {"username": "supervisor-1", "name": "supervisor-1", "role": "supervisor"}
    ]
    with context.core.database.sessions() as session:
        stored = session.get_one(WatchlistEntry, entry_id)
        assert stored.id_hash and ID not in stored.id_hash
    kiosk = station(StationRole.KIOSK)
    held = kiosk.post(
        "/api/v1/visits", json=check_in_body(context, "王小强", id_type="resident_id", id_number=ID)
    )
    assert held.json()["status"] == "held"
    assert desk.post(f"/api/v1/watchlist/{entry_id}/remove").status_code == 204
    assert desk.get("/api/v1/watchlist").json()["entries"] == []
    again = kiosk.post(
        "/api/v1/visits", json=check_in_body(context, "王小强", id_type="resident_id", id_number=ID)
    )
    assert again.json()["status"] == "pending"
    with context.core.database.sessions() as session:
        actions = {(e.actor, e.action) for e in session.scalars(select(AuditEvent))}
    assert {("staff:supervisor-1", "watchlist.added"), ("staff:supervisor-1", "watchlist.removed")} <= actions


def test_a_bad_id_number_is_refused_with_its_reason(station: Make) -> None:
    desk = station(StationRole.DESK, staff=Role.SUPERVISOR)
    body = {"name": "王强", "reason": "x", "id_type": "resident_id", "id_number": "110105194912310021"}
    problem = assert_problem(desk.post("/api/v1/watchlist", json=body), 422, "validation")
    assert "110105194912310021" not in str(problem)  # a refusal does not echo the number
    assert desk.get("/api/v1/watchlist").json()["entries"] == []


ACTIONS = [
    ("GET", "/api/v1/watchlist", None),
    ("POST", "/api/v1/watchlist", {"name": "王强", "reason": "x", "id_number": ID}),
    ("POST", "/api/v1/watchlist/1/remove", None),
]


@pytest.mark.parametrize(("method", "path", "body"), ACTIONS, ids=["list", "add", "remove"])
@pytest.mark.parametrize(
    ("role", "staff"),
    [(StationRole.DESK, Role.RECEPTIONIST), (StationRole.KIOSK, None), (StationRole.GUARD, Role.GUARD)],
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
    assert context.core.watchlist.entries() == []


def test_a_name_typed_another_way_at_another_company_is_held_and_only_the_desk_hears_why(
    station: Make, context: ServerContext
) -> None:
    desk = station(StationRole.DESK, staff=Role.SUPERVISOR)
    added = desk.post(
        "/api/v1/watchlist",
        json={"name": "王强", "company": "某某公司", "reason": "寻衅闹事"},
        headers={"Idempotency-Key": "w-2"},
    )
    entry_id = added.json()["entry_id"]
    kiosk = station(StationRole.KIOSK)
    reply = kiosk.post("/api/v1/visits", json=check_in_body(context, "王 強", company="别的公司"))
    assert reply.status_code == 200, reply.text
    visit_id = reply.json()["visit_id"]
    # The server decided: the kiosk is told "held" and nothing more, now or while it waits.
    assert reply.json()["status"] == "held"
    state = kiosk.get(f"/api/v1/visits/{visit_id}/state")
    assert state.json()["status"] == "held"
    for said in (reply.text, state.text):
        assert "watchlist" not in said and "hold" not in said and "company_differs" not in said
    (waiting,) = desk.get("/api/v1/board").json()["waiting"]
    assert waiting["hold"] == {"entry_id": entry_id, "match": "name_company_differs"}
