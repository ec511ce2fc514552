"""Deposits, fees and refunds through the API as a desk calls it: a retried payment is stored (and
its receipt queued) once, the receipt goes to the calling desk's printer, and every money action
is refused to a role that takes no payments and at a station that is not a desk."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from kiosk.storage.models import IdempotentReply, Payment, PrintJob
from tests.server.test_slips_api import actions, count
from tests.server.test_stations_api import assert_problem

Make = Callable[..., TestClient]
PAY = "/api/v1/payments"
DEPOSIT = {"purpose": "card_deposit", "payer": "张三", "reference": "C-031", "amount_fen": 20000}
FEE = {"payer": "王五", "amount_fen": 30000, "item": "装修垃圾清运费", "unit": "3-201"}


def test_a_retried_payment_is_stored_once(station: Make, context: ServerContext) -> None:
    desk = station(StationRole.DESK, "front-desk", staff=Role.RECEPTIONIST)
    first = desk.post(f"{PAY}/deposits", json=DEPOSIT, headers={"Idempotency-Key": "pay-1"})
    assert first.status_code == 200, first.text
    again = desk.post(f"{PAY}/deposits", json=DEPOSIT, headers={"Idempotency-Key": "pay-1"})
    assert again.status_code == 200 and again.json() == first.json()
    assert count(context, Payment) == 1 and count(context, PrintJob) == 1
    assert actions(context).count(("staff:receptionist-1", "payment.deposit_taken")) == 1
    receipt = first.json()
    assert (receipt["receipt_number"], receipt["amount_fen"], receipt["printed"]) == ("R000001", 20000, False)
    with context.core.database.sessions() as session:
        job = session.get(PrintJob, receipt["job_id"])
        assert job is not None and (job.document, job.station) == ("receipt", "front-desk")


def test_a_payment_whose_answer_was_lost_is_answered_from_the_stored_payment(
    station: Make, context: ServerContext
) -> None:
    """The server stored the fee but stopped before it stored its reply: the retry is answered
    from the payment itself, and nothing is taken twice."""
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    first = desk.post(f"{PAY}/fees", json=FEE, headers={"Idempotency-Key": "fee-1"})
    with context.core.database.sessions.begin() as session:
        stored = session.query(IdempotentReply).one()
        stored.status_code, stored.body = 0, '{"entity": "payment", "entity_id": "1"}'
    again = desk.post(f"{PAY}/fees", json=FEE, headers={"Idempotency-Key": "fee-1"})
    assert again.status_code == 200 and again.json() == first.json()
    assert count(context, Payment) == 1


def test_a_refund_a_refused_deposit_and_a_copy(station: Make, context: ServerContext) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    desk.post(f"{PAY}/deposits", json=DEPOSIT)
    twice = desk.post(f"{PAY}/deposits", json=DEPOSIT, headers={"Idempotency-Key": "second"})
    assert_problem(twice, 422, "validation", field="reference", reason="deposit_open")
    refunded = desk.post(
        f"{PAY}/refunds", json={"receipt_or_reference": "C-031"}, headers={"Idempotency-Key": "r"}
    )
    assert refunded.json()["refund_of"] == "R000001"
    again = desk.post(
        f"{PAY}/refunds", json={"receipt_or_reference": "C-031"}, headers={"Idempotency-Key": "r"}
    )
    assert again.json() == refunded.json()  # the same refund, not "already refunded"
    assert_problem(
        desk.post(f"{PAY}/refunds", json={"receipt_or_reference": "R000001"}),
        422,
        "validation",
        reason="already_refunded",
    )
    day = desk.get(PAY, params={"since": "2026-11-24T16:00:00+00:00"}).json()
    assert [(p["receipt_number"], p["refund_of"], p["refunded_by"]) for p in day] == [
        ("R000002", "R000001", None),
        ("R000001", None, "R000002"),
    ]
    summary = desk.get(f"{PAY}/cash-summary").json()
    assert summary["lines"][0]["count"] == 1 and summary["lines"][0]["refund_count"] == 1
    printed = desk.post(f"{PAY}/cash-summary/print", json={"language": "en"})
    assert printed.status_code == 200 and printed.json()["printed"] is False  # waits for the desk
    # The receipt never printed (nobody claimed it here): "print copy" sends the original now.
    assert desk.post(f"{PAY}/receipts/R000001/reprint").status_code == 200


REFUSED = [
    ("get", f"{PAY}?since=2026-11-24T16:00:00%2B00:00", None),
    ("get", f"{PAY}/cash-summary", None),
    ("post", f"{PAY}/cash-summary/print", {"language": "en"}),
    ("post", f"{PAY}/deposits", DEPOSIT),
    ("post", f"{PAY}/fees", FEE),
    ("post", f"{PAY}/refunds", {"receipt_or_reference": "C-031"}),
    ("post", f"{PAY}/receipts/R000001/reprint", None),
]


@pytest.mark.parametrize(("method", "path", "body"), REFUSED)
@pytest.mark.parametrize(
    ("where", "role"),
    [(StationRole.DESK, Role.GUARD), (StationRole.DESK, Role.SALES), (StationRole.KIOSK, None)],
)
def test_each_money_action_is_refused_without_take_payments(
    station: Make,
    context: ServerContext,
    method: str,
    path: str,
    body: dict[str, Any] | None,
    where: StationRole,
    role: Role | None,
) -> None:
    client = station(where, staff=role)
    before = count(context, Payment), count(context, PrintJob)
    response = client.request(method.upper(), path, json=body)
    assert response.status_code == 403, response.text
    assert (count(context, Payment), count(context, PrintJob)) == before
