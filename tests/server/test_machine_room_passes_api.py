"""Machine-room passes through the API: a retried sign-out is stored once, the clerk is the member
signed in at the desk, the signer's and the duty guard's PINs are checked at the server, the
completed sheet is queued for the calling desk's printer, and other roles are refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.domain.views import PassVisitor
from kiosk.server.context import ServerContext
from kiosk.services.audit import Actor
from kiosk.services.staff import DEMO_PIN
from kiosk.storage.models import IdempotentReply, PassLoan, PrintJob
from tests.conftest import FixedClock
from tests.server.test_slips_api import actions, count
from tests.server.test_stations_api import assert_problem, member

Make = Callable[..., TestClient]
API = "/api/v1/passes"
ID = "11010519491231002X"


def sign_out_body(signer: str, secret: str = DEMO_PIN) -> dict[str, Any]:
    return {
        "numbers": ["P001", "P002"],
        "visitors": [
            {"name": "张三", "company": "蓝海数据", "id_type": "resident_id", "id_number": ID},
            {"name": "Emily Carter", "company": "Acme Data"},
        ],
        "signer_username": signer,
        "signer_secret": secret,
    }


def test_a_retried_sign_out_is_stored_once_and_names_the_clerk(station: Make, context: ServerContext) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    added = desk.post(API, json={"numbers": ["P001", "P002", "P003"]})
    assert added.json() == {"numbers": ["P001", "P002", "P003"]}
    engineer = member(context, "engineer", Role.SALES)
    wrong = desk.post(f"{API}/sign-out", json=sign_out_body(engineer, "999999"))
    assert_problem(wrong, 422, "validation", field="credentials", reason="invalid")
    first = desk.post(f"{API}/sign-out", json=sign_out_body(engineer), headers={"Idempotency-Key": "s-1"})
    assert first.status_code == 200, first.text
    assert (first.json()["numbers"], first.json()["signed_by"]) == (["P001", "P002"], "engineer")
    again = desk.post(f"{API}/sign-out", json=sign_out_body(engineer), headers={"Idempotency-Key": "s-1"})
    assert again.json() == first.json() and count(context, PassLoan) == 1
    assert ("staff:receptionist-1", "pass_loan.signed_out") in actions(context)
    assert ("staff:engineer", "staff.pass_signature") in actions(context)

    board = desk.get(API)
    assert ID not in board.text and ID[:14] not in board.text  # only masked
    pool = {p["number"]: p for p in board.json()["pool"]}
    assert (pool["P001"]["status"], pool["P001"]["id_masked"]) == ("out", "**************002X")
    returned = desk.post(f"{API}/return", json={"numbers": ["P001", "P003"]})
    assert returned.json() == {"matched": ["P001"], "stray": ["P003"]}
    assert desk.post(f"{API}/P003/retire", json={"reason": "损坏"}).status_code == 204
    assert {p["number"]: p["status"] for p in desk.get(API).json()["pool"]}["P003"] == "retired"


def test_a_sign_out_whose_answer_was_lost_is_answered_from_the_stored_loan(
    station: Make, context: ServerContext
) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    desk.post(API, json={"numbers": ["P001", "P002"]})
    engineer = member(context, "engineer", Role.SALES)
    first = desk.post(f"{API}/sign-out", json=sign_out_body(engineer), headers={"Idempotency-Key": "s-2"})
    with context.core.database.sessions.begin() as session:
        stored = session.query(IdempotentReply).one()
        stored.status_code, stored.body = 0, '{"entity": "pass_loan", "entity_id": "1"}'
    again = desk.post(f"{API}/sign-out", json=sign_out_body(engineer), headers={"Idempotency-Key": "s-2"})
    assert again.status_code == 200 and again.json() == first.json()
    assert count(context, PassLoan) == 1


def test_the_guard_countersigns_at_the_desk_and_the_sheet_prints_there(
    station: Make, context: ServerContext, clock: FixedClock
) -> None:
    service, clerk = context.core.machine_room_passes, Actor("staff", "setup")
    engineer = member(context, "engineer", Role.SALES)
    guard = member(context, "guard", Role.GUARD)
    service.add_passes(["P001", "P002"], clerk)
    clock._now = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # Tuesday 10:00 in Shanghai
    service.sign_out(["P001"], [PassVisitor("张三", "蓝海数据")], engineer, DEMO_PIN, clerk)
    clock._now = datetime(2026, 11, 25, 1, 30, tzinfo=UTC)  # Wednesday 09:30: due
    desk = station(StationRole.DESK, "front-desk", staff=Role.RECEPTIONIST)
    board = desk.get(API).json()
    assert board["due"] == "due" and board["reconciliation"]["frozen"] is False
    assert [d["pass_number"] for d in board["reconciliation"]["discrepancies"]] == ["P001"]

    as_guard = {"username": engineer, "secret": DEMO_PIN, "counted": 1, "language": "en"}
    refused = desk.post(f"{API}/reconciliation/guard", json=as_guard)
    assert_problem(refused, 422, "validation", field="guard", reason="not_a_guard")
    clerk_as_guard = as_guard | {"username": "receptionist-1"}
    assert_problem(desk.post(f"{API}/reconciliation/guard", json=clerk_as_guard), 422, "validation")
    signed = desk.post(f"{API}/reconciliation/guard", json=as_guard | {"username": guard})
    assert signed.status_code == 200, signed.text
    assert signed.json()["sheet"]["guard_signed_by"] == "guard" and signed.json()["print_job_id"] is None
    done = desk.post(f"{API}/reconciliation/desk", json={"language": "en"})
    assert done.status_code == 200, done.text
    job_id = done.json()["print_job_id"]
    with context.core.database.sessions() as session:
        job = session.get_one(PrintJob, job_id)
        assert (job.document, job.station) == ("reconciliation", "front-desk")
    assert desk.get(API).json()["due"] == "done"
    again = desk.post(f"{API}/reconciliation/print")
    assert again.status_code == 200 and again.json()["job_id"] == job_id

    (found,) = desk.get(API).json()["open_discrepancies"]
    resolve = f"{API}/discrepancies/{found['discrepancy_id']}/resolve"
    assert_problem(desk.post(resolve, json={"note": "追回"}), 403, "forbidden")  # a receptionist
    boss = station(StationRole.DESK, staff=Role.SUPERVISOR)
    assert boss.post(resolve, json={"note": "访客误带走，已追回"}).status_code == 204
    assert boss.get(API).json()["open_discrepancies"] == []
    assert ("staff:supervisor-2", "pass_discrepancy.resolved") in actions(context)


REFUSED = [
    ("GET", API, None),
    ("POST", API, {"numbers": ["P001"]}),
    ("POST", f"{API}/P001/retire", {"reason": "lost"}),
    ("POST", f"{API}/sign-out", sign_out_body("engineer")),
    ("POST", f"{API}/return", {"numbers": ["P001"]}),
    ("POST", f"{API}/reconciliation/guard", {"username": "guard", "secret": DEMO_PIN, "counted": 0}),
    ("POST", f"{API}/reconciliation/desk", {"language": "en"}),
    ("POST", f"{API}/reconciliation/print", None),
    ("POST", f"{API}/discrepancies/1/resolve", {"note": "x"}),
]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    REFUSED,
    ids=["read", "add", "retire", "sign_out", "return", "guard", "desk", "print", "resolve"],
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
    assert context.core.machine_room_passes.pool() == []
