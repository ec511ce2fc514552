"""Deposits tied to what they secure through the API as a desk calls it: a pass deposit taken
against the pass lent and listed as due once the pass is back; a bond deducted by a supervisor
(finance's role here), never by a receptionist; a forfeit on another supervisor's PIN; retried
submits stored once."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from kiosk.services.machine_room_passes import PassVisitor
from kiosk.services.staff import DEMO_PIN
from kiosk.storage.models import DepositDeduction, Payment
from tests.server.conftest import ADMIN
from tests.server.test_slips_api import count
from tests.server.test_stations_api import assert_problem

Make = Callable[..., TestClient]
API = "/api/v1"


def lend(context: ServerContext, number: str) -> None:
    core = context.core
    core.machine_room_passes.add_passes([number], ADMIN)
    core.staff.add("engineer", "李工", Role.SALES, DEMO_PIN, ADMIN)
    core.machine_room_passes.sign_out(
        [number], [PassVisitor("张三", "蓝海数据")], "engineer", DEMO_PIN, ADMIN
    )


def test_a_pass_deposit_is_due_when_the_pass_is_back_and_a_retry_is_stored_once(
    station: Make, context: ServerContext
) -> None:
    lend(context, "P001")
    desk = station(StationRole.DESK, "front-desk", staff=Role.RECEPTIONIST)
    [item] = desk.get(f"{API}/deposits/items", params={"purpose": "pass_deposit"}).json()
    assert (item["label"], item["holder"]) == ("P001", "张三")
    body = {"purpose": "pass_deposit", "item_id": item["item_id"], "amount_fen": 20000}
    first = desk.post(f"{API}/deposits", json=body, headers={"Idempotency-Key": "dep-1"})
    assert first.status_code == 200, first.text
    again = desk.post(f"{API}/deposits", json=body, headers={"Idempotency-Key": "dep-1"})
    assert again.json() == first.json() and count(context, Payment) == 1
    assert_problem(
        desk.post(f"{API}/deposits", json=body), 422, "validation", field="item", reason="deposit_open"
    )
    due = {"item": "pass", "label": ["P001"]}
    assert desk.get(f"{API}/deposits/due", params=due).json() == []
    context.core.machine_room_passes.return_passes(["P001"], ADMIN)
    [prompt] = desk.get(f"{API}/deposits/due", params=due).json()
    assert (prompt["receipt_number"], prompt["state"], prompt["amount_fen"]) == (
        "R000001",
        "refund_due",
        20000,
    )
    refunded = desk.post(f"{API}/payments/refunds", json={"receipt_or_reference": "R000001"})
    assert refunded.json()["amount_fen"] == 20000
    assert desk.get(f"{API}/deposits/R000001").json()["state"] == "refunded"


def test_finance_deducts_and_a_supervisors_pin_forfeits(station: Make, context: ServerContext) -> None:
    lend(context, "P002")
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    boss = station(StationRole.DESK, staff=Role.SUPERVISOR)
    [item] = desk.get(f"{API}/deposits/items", params={"purpose": "pass_deposit"}).json()
    desk.post(
        f"{API}/deposits", json={"purpose": "pass_deposit", "item_id": item["item_id"], "amount_fen": 10000}
    )
    deduction = {"amount_fen": 3000, "reason": "访客证损坏"}
    refused = desk.post(f"{API}/deposits/R000001/deductions", json=deduction)
    assert refused.status_code == 403
    noted = boss.post(f"{API}/deposits/R000001/deductions", json=deduction, headers={"Idempotency-Key": "d"})
    assert noted.status_code == 200, noted.text
    again = boss.post(f"{API}/deposits/R000001/deductions", json=deduction, headers={"Idempotency-Key": "d"})
    assert again.json()["note_number"] == noted.json()["note_number"] == "R000002"
    assert count(context, DepositDeduction) == 1
    assert noted.json()["deposit"]["state"] == "held"
    supervisor = next(m for m in context.core.staff.members() if m.role is Role.SUPERVISOR).username
    forfeit = {"reason": "访客证丢失", "supervisor": supervisor, "secret": DEMO_PIN}
    kept = desk.post(f"{API}/deposits/R000001/forfeit", json=forfeit)
    assert kept.status_code == 200, kept.text
    assert (kept.json()["note_number"], kept.json()["deposit"]["state"]) == ("R000003", "settled")
    assert_problem(
        desk.post(f"{API}/payments/refunds", json={"receipt_or_reference": "R000001"}),
        422,
        "validation",
        reason="settled",
    )
