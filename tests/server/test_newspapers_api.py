"""Newspapers (报刊) through the API, as the desk calls it: an order taken, the day's bundle counted
short (a retried count stored once), the shortfall on the board, raised with the post office,
escalated once by the server's round (a guard's board shows it too), resolved; the month's
workbook downloaded and opened with openpyxl."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import openpyxl
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from kiosk.server.housekeeping import Housekeeping
from kiosk.services.newspapers import ShortfallEscalated
from kiosk.storage.models import NewspaperDelivery
from tests.conftest import FixedClock

Make = Callable[..., TestClient]
API = "/api/v1/newspapers"
ORDER = {
    "unit": "２－１０４",
    "title": "人民日报",
    "frequency": "daily",
    "copies": 3,
    "starts_on": "2026-01-01",
    "ends_on": "2026-12-31",
    "weekdays": 127,
}


def ok(reply: Any) -> Any:
    assert reply.status_code == 200, reply.text
    return reply.json()


def test_a_short_bundle_through_the_api_to_the_shift_leader_and_back(
    station: Make, context: ServerContext
) -> None:
    alerts: list[ShortfallEscalated] = []
    context.core.newspapers.alerters.append(alerts.append)
    clock = context.core.clock
    assert isinstance(clock, FixedClock)
    desk = station(StationRole.DESK, "front-desk", staff=Role.RECEPTIONIST)
    order = ok(desk.post(f"{API}/subscriptions", json=ORDER, headers={"Idempotency-Key": "o-1"}))
    assert (order["unit"], order["title"]) == ("2-104", "人民日报")
    again = ok(desk.post(f"{API}/subscriptions", json=ORDER, headers={"Idempotency-Key": "o-1"}))
    assert again["subscription_id"] == order["subscription_id"]
    assert [r["unit"] for r in ok(desk.get(f"{API}/subscriptions", params={"q": "日报"}))] == ["2-104"]

    count = {"title": "人民日报", "received": 2, "note": "少一份"}
    day = ok(desk.post(f"{API}/days/2026-11-25/count", json=count, headers={"Idempotency-Key": "c-1"}))
    # The answer lost, sent again: one count, and the day as it stands.
    assert (
        ok(desk.post(f"{API}/days/2026-11-25/count", json=count, headers={"Idempotency-Key": "c-1"})) == day
    )
    with context.core.database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(NewspaperDelivery)) == 1
    [bundle] = day["titles"]
    assert (bundle["expected"], bundle["received"], bundle["shortfall_number"]) == (3, 2, "BK000001")
    shortfall_id = bundle["shortfall_id"]

    guard = station(StationRole.GUARD, "guard-post", staff=Role.GUARD)
    board = ok(guard.get("/api/v1/board"))["newspapers"]
    assert [s["number"] for s in board["shortfalls"]] == ["BK000001"] and board["uncounted"] == []
    assert guard.get(f"{API}/shortfalls").status_code == 403  # the register is the desk's

    contact = {"contact_name": "投递员小李", "method": "phone", "note": "明天补送"}
    view = ok(desk.post(f"{API}/shortfalls/{shortfall_id}/contact", json=contact))
    assert [s["kind"] for s in view["steps"]] == ["noticed", "contacted"]

    rounds = Housekeeping(context)
    clock.advance(hours=23)
    assert rounds.run_once().newspapers_escalated == []
    clock.advance(hours=1)
    assert rounds.run_once().newspapers_escalated == ["BK000001"]
    assert rounds.run_once().newspapers_escalated == []  # once
    assert [a.number for a in alerts] == ["BK000001"]
    assert ok(guard.get("/api/v1/board"))["newspapers"]["shortfalls"][0]["escalated"] is True

    refused = desk.post(f"{API}/shortfalls/{shortfall_id}/resolve", json={"resolution": " "})
    assert refused.status_code == 422 and refused.json()["field"] == "resolution"
    done = ok(
        desk.post(
            f"{API}/shortfalls/{shortfall_id}/resolve", json={"resolution": "补送一份", "copies_made_good": 1}
        )
    )
    assert (done["status"], done["copies_made_good"]) == ("resolved", 1)
    assert [
        r["number"] for r in ok(desk.get(f"{API}/shortfalls", params={"which": "all", "q": "11-25"}))
    ] == ["BK000001"]

    workbook = desk.post(f"{API}/months/2026-11/export", json={"words": {"Shortfalls": "缺失登记"}})
    assert workbook.status_code == 200, workbook.text
    book = openpyxl.load_workbook(io.BytesIO(workbook.content))
    [row] = list(book["缺失登记"].iter_rows(values_only=True))[1:]
    assert (row[0], row[6], row[12], row[16]) == ("BK000001", 1, "resolved", 1)
    assert "投递员小李" in row[10]
