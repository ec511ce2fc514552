"""Key loans (钥匙借用) through the API, as the desk calls them: a supervisor registers a set, the
desk lends it against a staff number, the loan is red on the board once past due on the site's
clock, it comes back, the handover's pre-fill follows the register; a retried lend is stored once;
the export downloads. Who may call what is the permission matrix's (tests/server/test_permissions)."""

from __future__ import annotations

import io
from collections.abc import Callable

import openpyxl
from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from kiosk.domain.key_loans import KeyLoanOnBoard, LoanState
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from tests.conftest import FixedClock
from tests.server.test_stations_api import assert_problem

Make = Callable[..., TestClient]
KEYS = "/api/v1/keys"


def on_board(desk: TestClient) -> list[KeyLoanOnBoard]:
    board = desk.get("/api/v1/board")
    assert board.status_code == 200, board.text
    return TypeAdapter(list[KeyLoanOnBoard]).validate_python(board.json()["key_loans"])


def test_a_set_lent_goes_red_on_the_board_comes_back_and_the_handover_counts_it(
    station: Make, context: ServerContext
) -> None:
    clock = context.core.clock
    assert isinstance(clock, FixedClock)
    boss = station(StationRole.DESK, "office", staff=Role.SUPERVISOR)
    desk = station(StationRole.DESK, "front-desk", staff=Role.RECEPTIONIST)
    guard = station(StationRole.GUARD, "lobby-guard", staff=Role.GUARD)
    body = {"label": "301", "opens": "301 会议室", "key_count": 3, "kept_at": "A-03"}
    assert_problem(desk.post(f"{KEYS}/sets", json=body), 403, "forbidden")
    made = boss.post(f"{KEYS}/sets", json=body)
    assert made.status_code == 200, made.text
    set_id = made.json()["set_id"]

    lend = {"set_id": set_id, "borrower": "陈立", "company": "工程部", "staff_number": "E1023", "keys": 2}
    assert_problem(desk.post(f"{KEYS}/loans", json={**lend, "staff_number": ""}), 422, "validation",
                   field="identity", reason="required")  # fmt: skip
    first = desk.post(f"{KEYS}/loans", json=lend, headers={"Idempotency-Key": "lend-1"})
    again = desk.post(f"{KEYS}/loans", json=lend, headers={"Idempotency-Key": "lend-1"})
    assert first.status_code == again.status_code == 200, first.text
    assert first.json()["loan_id"] == again.json()["loan_id"]
    loan_id = first.json()["loan_id"]
    overview = desk.get(KEYS).json()
    assert overview["at_desk"] == {"registered": 3, "out": 2, "sets": 1}
    assert [x["loan_id"] for x in overview["loans"]] == [loan_id]
    assert desk.get("/api/v1/handover/prefill").json()["counts"]["keys"] == 1

    # Past the end of the desk's day on the site's clock: red on every board, the guard's too.
    clock.advance(hours=8)
    [loan] = on_board(guard)
    assert loan.state(clock.now()) is LoanState.OVERDUE and loan.borrower == "陈立"
    assert "staff_number" not in guard.get("/api/v1/board").json()["key_loans"][0]
    assert [x["loan_id"] for x in desk.get(f"{KEYS}/loans", params={"which": "overdue"}).json()] == [loan_id]

    back = desk.post(f"{KEYS}/loans/{loan_id}/return", json={})
    assert back.status_code == 200 and back.json()["closed_at"] is not None
    assert on_board(desk) == []
    assert desk.get("/api/v1/handover/prefill").json()["counts"]["keys"] == 3
    assert_problem(desk.post(f"{KEYS}/loans/{loan_id}/return", json={}), 422, "validation",
                   field="loan", reason="closed")  # fmt: skip
    found = desk.get(f"{KEYS}/loans", params={"which": "all", "q": "e1023"}).json()
    assert [x["returns"][0]["received_by_name"] for x in found] == [desk_name(context, Role.RECEPTIONIST)]

    # The register's export: the supervisor's.
    assert_problem(desk.post(f"{KEYS}/export", json={"words": {}}), 403, "forbidden")
    workbook = boss.post(f"{KEYS}/export", json={"words": {"Key loans": "钥匙借用"}})
    assert workbook.status_code == 200, workbook.text
    book = openpyxl.load_workbook(io.BytesIO(workbook.content), read_only=True)
    rows = list(book["钥匙借用"].iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][4] == "陈立" and rows[1][8] == "E1023"
    # The retire needs its reason, and then the set leaves the count.
    assert_problem(boss.post(f"{KEYS}/sets/{set_id}/retire", json={"reason": ""}), 422, "validation",
                   field="reason", reason="required")  # fmt: skip
    assert boss.post(f"{KEYS}/sets/{set_id}/retire", json={"reason": "会议室改造"}).status_code == 200
    assert desk.get(KEYS).json()["at_desk"] == {"registered": 0, "out": 0, "sets": 0}


def desk_name(context: ServerContext, role: Role) -> str:
    """The name the station fixture gave the member it signed in (its username)."""
    [member] = [m for m in context.core.staff.members() if m.role is role]
    return member.name
