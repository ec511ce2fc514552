"""The permission matrix, generated from the table and the OpenAPI document: every endpoint, called
as every station role with nobody and with each staff role signed in, passes exactly where
``is_allowed`` says so, and answers 401 or 403 with a problem document everywhere else."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from starlette.websockets import WebSocketDisconnect

from kiosk.api.permissions import ACTIONS, is_allowed, needs_staff
from kiosk.api.problems import MEDIA_TYPE
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.domain.views import CheckInRequest
from kiosk.server.app import create_server
from kiosk.server.context import ServerContext
from kiosk.services.staff import DEMO_PIN, SignedIn
from kiosk.storage.models import PrintJob
from tests.server.conftest import ADMIN
from tests.stations import InProcessClient

# Rights are decided by each route's dependencies before it runs a query; what every endpoint does
# in the database is tested on both databases by its own API tests (tests/server/test_*_api.py).
pytestmark = pytest.mark.one_database(
    "sqlite", reason="rights are decided before any query; each endpoint's database work is tested on both"
)

STAFF: list[Role | None] = [None, *Role]
# The one route a station calls before it has a credential.
PUBLIC_WITHOUT_STATION = {"enrol"}
# The WebSocket is not in the OpenAPI document; it is checked on its own below.
NOT_IN_OPENAPI = {"events.listen"}
MOBILE = "13912345678"
UNKNOWN_MEMBER = {"username": "nobody-here", "secret": "0000"}


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    action: str
    has_body: bool

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path} ({self.action})"


@dataclass
class Matrix:
    server: FastAPI
    context: ServerContext
    operations: list[Operation]
    params: dict[str, str]
    bodies: dict[str, dict[str, Any]]
    clients: dict[tuple[StationRole, Role | None], TestClient]
    revoked_token: str


def operations_of(spec: dict[str, Any]) -> list[Operation]:
    return [
        Operation(method, path, op.get("x-action", ""), "requestBody" in op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
    ]


@pytest.fixture(scope="module")
def matrix(module_context: ServerContext) -> Iterator[Matrix]:
    context = module_context
    core = context.core
    server = create_server(context, housekeeping_s=None)  # no timed rounds amid the matrix
    host_id = next(h.host_id for h in core.directory.search("王芳") if h.name == "王芳")
    visit_id = core.checkin.check_in(
        CheckInRequest("张三", host_id, mobile=MOBILE, declaration_accepted=True), ADMIN
    ).visit_id
    now = core.clock.now()
    code = core.invitations.invite("李四", host_id, now, now + timedelta(hours=2), ADMIN).code
    victim = context.stations.add("victim", StationRole.KIOSK, ADMIN).station_id
    with core.database.sessions() as session:
        job_id = session.scalar(select(func.max(PrintJob.id))) or 1
    staff_victim = core.staff.add("staff-victim", "staff-victim", Role.RECEPTIONIST, DEMO_PIN, ADMIN)
    params = {
        "visit_id": str(visit_id),
        "code": code,
        "station_id": str(victim),
        "job_id": str(job_id),
        "staff_id": str(staff_victim),
        "fmt": "csv",
        "day": "2026-11-25",
        "month": "2026-11",
        "slip_id": "1",
        "receipt_number": "R000001",
        "attempt_id": "1",
        "handover_id": "1",
        "issue_id": "1",
        "number": "P999",
        "discrepancy_id": "1",
        "override_id": "1",
        "invitation_id": "1",
        "entry_id": "1",
        "application_id": "1",
        "delivery_id": "1",
        "repair_id": "1",
        "item_id": "1",
        "moved_out_id": "1",
        "message_id": "1",
        "complaint_id": "1",
        "subscription_id": "1",
        "shortfall_id": "1",
        "permit_id": "1",
        "batch_id": "1",
        "company_id": "1",
        "set_id": "1",
        "loan_id": "1",
        "lost_item_id": "1",
        "admission_id": "1",
        "leader_id": "1",
        "unit": "1-101",
    }
    # A minimal valid body per action that takes one; requests that would change who is calling
    # (a real sign-in, a revocation of the caller) are shaped not to.
    bodies: dict[str, dict[str, Any]] = {
        "session.sign_in": UNKNOWN_MEMBER,
        "kiosk.exit": UNKNOWN_MEMBER,
        "visit.check_in": {
            "visitor_name": "赵六",
            "host_id": host_id,
            "mobile": MOBILE,
            "declaration_accepted": True,
        },
        "visit.leave_message": {"phone": MOBILE, "text": "在大堂等候"},
        "invitation.check_in": {"language": "zh_CN", "declaration_accepted": True},
        "checkout.by_badge": {"code": "LKV2-V000001-0000000000000000"},
        "checkout.by_name": {"name": "赵六", "mobile_last_four": "0000"},
        "visit.approve": {"note": ""},
        "visit.decline": {"note": ""},
        "visit.release_hold": {"note": ""},
        "stations.add": {"name": "new kiosk", "role": "kiosk"},
        "staff.add": {"username": "new-member", "name": "New", "role": "guard", "secret": "13579"},
        # A rename: a role change would end the member's sessions.
        "staff.update": {"name": "renamed"},
        "staff.reset_secret": {"secret": "13579"},
        "pre_registration.invite": {
            "visitor_name": "钱七",
            "host_id": host_id,
            "valid_from": now.isoformat(),
            "valid_until": (now + timedelta(hours=2)).isoformat(),
        },
        "pre_registration.invite_group": {
            "host_id": host_id,
            "visiting_unit": "华南数据",
            "headcount": 1,
            "valid_from": now.isoformat(),
            "valid_until": (now + timedelta(hours=2)).isoformat(),
            "invitees": [{"name": "孙八"}],
        },
        "pre_registration.print_slip": {"language": "en"},
        "watchlist.add": {"name": "王强", "reason": "寻衅闹事"},
        "evacuation.printed": {"people": 0, "printer": "fake"},
        "visitor_log.search": {"first_day": "2026-11-24", "last_day": "2026-11-25"},
        "visitor_log.export": {"first_day": "2026-11-24", "last_day": "2026-11-25", "headers": ["Visit"]},
        "figures.export": {"words": {"Day": "日期"}},
        "print_jobs.report": {"printed": True, "printer": "fake"},
        "slips.owner_call": {
            "unit": "1-104",
            "tenant_name": "Tom Baker",
            "owner_name": "孙丽",
            "owner_knows": True,
            "rent_owed": False,
            "owner_items": False,
            "consent": True,
        },
        "slips.issue": {
            "unit": "1-101",
            "holder_name": "赵伟",
            "party_kind": "owner",
            "id_type": "resident_id",
            "id_number": "11010519491231002X",
            "items": [{"name": "显示器", "quantity": 1}],
            "signed_name": "赵伟",
            "signature_confirmed": True,
        },
        "slips.pay_arrears": {"unit": "1-102", "payer_name": "林静", "party_kind": "owner"},
        "slips.scan": {"code": "S000001-ABCD-EFGH"},
        "slips.mismatch": {"note": ""},
        "payments.deposit": {
            "purpose": "card_deposit",
            "payer": "张三",
            "reference": "C-031",
            "amount_fen": 100,
        },
        "payments.fee": {"payer": "王五", "amount_fen": 100, "item": "装修垃圾清运费"},
        "payments.refund": {"receipt_or_reference": "C-031"},
        "payments.print_cash_summary": {"language": "en"},
        # Handover and passes: each refused by a rule before any PIN is checked (no lock-outs).
        "handover.hand_over": {"secret": "", "work_done": "", "items": []},
        "handover.sign": {"username": "nobody-here", "secret": "0000"},
        "handover.close_issue": {"note": ""},
        "messages.take": {
            "caller_name": "孙磊",
            "phone": MOBILE,
            "text": "请回电",
            "received_at": "2026-11-25T09:00:00+08:00",
            "host_id": host_id,
        },
        "messages.pass_on": {"method": "phone"},
        "messages.cancel": {"reason": "重复"},
        "messages.print": {"language": "zh_CN"},
        "handover.log_incident": {"occurred_at": "2026-11-25T09:00:00+08:00", "place": "", "what": ""},
        "passes.add": {"numbers": []},
        "passes.retire": {"reason": ""},
        "passes.sign_out": {
            "numbers": [],
            "visitors": [],
            "signer_username": "nobody-here",
            "signer_secret": "0",
        },
        "passes.return": {"numbers": []},
        "passes.sign_as_guard": {"username": "nobody-here", "secret": "0000", "counted": -1},
        "passes.sign_as_desk": {"language": "en"},
        "passes.resolve": {"note": ""},
        # The calendar: refused by a rule where allowed (no note; no reason), so nothing changes.
        "calendar.add": {"day": "2026-12-31", "kind": "holiday", "note": ""},
        "calendar.cancel": {"reason": ""},
        "print_jobs.printer_states": {"printers": [{"name": "fake", "status": "online"}]},
        "cards.read_keys": {"uid": "04A1B2C3", "technology": "mifare-classic-1k"},
        "visitor_card.plan": {
            "card": {"uid": "04A1B2C3", "technology": "mifare-classic-1k"},
            "content": {"payload": None},
        },
        # One body for both reports (written, failed): each reads its own field.
        "cards.report": {"read_back": {"payload": None}, "error": "lifted"},
        "idc.file": {
            "form_number": "IDC-M-1",
            "company": "星河数据",
            "holder_name": "陈立",
            "holder_mobile": MOBILE,
            "id_type": "resident_id",
            "id_number": "11010519491231002X",
            "letter_reference": "L-1",
            "valid_from": now.isoformat(),
            "valid_until": (now + timedelta(days=30)).isoformat(),
            "areas": "A201",
        },
        "idc.decide": {"note": "checked"},
        # One body for the plan and both reports: each reads its own fields.
        "idc.issue": {
            "card": {"uid": "04A1B2C3", "technology": "mifare-classic-1k"},
            "content": {"payload": None},
            "read_back": {"payload": None},
            "error": "lifted",
        },
        "idc.revoke": {"reason": "notice"},
        # Newspapers: a valid order; the rest refused by a rule where allowed (no such title, no
        # shortfall 1, the reason or note missing).
        "newspapers.subscribe": {
            "unit": "2-104",
            "title": "人民日报",
            "frequency": "daily",
            "copies": 1,
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
            "weekdays": 127,
        },
        "newspapers.stop": {"reason": ""},
        "newspapers.count": {"title": "人民日报", "received": 1},
        "newspapers.report_late": {"title": "参考消息"},
        "newspapers.contact": {"contact_name": "", "method": "phone", "note": ""},
        "newspapers.resolve": {"resolution": ""},
        "newspapers.export": {"words": {"Day": "日期"}},
        "repairs.find": {"code": "LKR:BX000001"},
        "repairs.take": {
            "unit": "2-104",
            "caller_name": "陈晓明",
            "phone": MOBILE,
            "what": "水管漏水",
            "category": "water",
            "repair_class": "urgent",
        },
        "repairs.dispatch": {"language": "en"},
        "repairs.complete": {"note": ""},
        "repairs.sign_off": {"signed_by": "陈晓明"},
        "repairs.callback": {"satisfaction": None},
        # Refused by a rule (the request is not finished, or already cancelled) when allowed.
        "repairs.cancel": {"reason": ""},
        "repairs.reopen": {"reason": ""},
        # Mail: a valid log; the steps on item 1 are refused by a rule (a PIN of nobody, no reason)
        # where allowed, before any PIN is counted against a real member.
        "mail.find": {"code": "LKM:YJ000001"},
        "mail.log": {
            "kind": "registered",
            "carrier": "中国邮政",
            "tracking_number": "RR123456789CN",
            "addressee": "陈晓明",
        },
        "mail.notify": {"note": ""},
        "mail.shelve": {"shelf": ""},
        "mail.record_damage": {"what": "", "leader_username": "nobody-here", "leader_secret": "0000"},
        "mail.hand_out": {"collector": "person"},
        "mail.forward": {"address": ""},
        "mail.return": {"reason": ""},
        "mail.export": {"which": "all"},
        "mail.moved_out.add": {"name": "王强", "moved_out_on": "2026-11-01"},
        "mail.moved_out.told": {"note": ""},
        "visitor_card.check_out": {
            "card": {"uid": "04A1B2C3", "technology": "mifare-classic-1k"},
            "content": {"payload": None},
        },
        # Complaints: a valid record; the changes to complaint 1 are refused by a rule where allowed.
        "complaints.record": {
            "kind": "complaint",
            "source": "phone",
            "subject": "noise",
            "text": "楼上噪音",
            "responsible": "工程部",
            "due_on": "2026-11-27",
        },
        "complaints.add_step": {"text": ""},
        "complaints.make_serious": {"text": ""},
        "complaints.call_back": {"satisfaction": "satisfied"},
        "complaints.assign": {"responsible": "", "due_on": "2026-11-27"},
        "complaints.close": {"result": ""},
        # Courier: item 1 is logged, then voided by the first role allowed; later calls are
        # refused by a rule (voided, handed over), as is a second company with the same code.
        "courier.log": {
            "sender": "王芳",
            "department": "IDC运维部",
            "addressee": "李雷",
            "destination": "北京",
            "company_id": 1,
            "tracking_number": "SF1234567890",
            "cost_fen": 2300,
        },
        "courier.edit": {
            "sender": "王芳",
            "department": "财务部",
            "addressee": "李雷",
            "destination": "北京",
            "company_id": 1,
            "tracking_number": "SF1234567890",
            "cost_fen": 2300,
        },
        "courier.void": {"reason": "部门取回"},
        "courier.hand_over": {"item_ids": [1], "courier_name": "刘师傅", "confirmed": True},
        "courier.add_company": {"code": "DBL", "name": "德邦快递"},
        "courier.company_active": {"active": True},
        "courier.print_statement": {"company_id": 1, "language": "en"},
        "courier.export": {"language": "en"},
        # Key loans: set and loan 1 do not exist, so lending and returning are refused by a rule.
        "keys.lend": {"set_id": 1, "borrower": "陈立", "staff_number": "E1023"},
        "keys.take_back": {"note": ""},
        "keys.write_off": {"keys": 1, "reason": ""},
        "keys.add_set": {"label": "301", "opens": "301 会议室", "key_count": 2},
        "keys.change_set": {"label": "301", "opens": "301 会议室", "key_count": 2, "reason": ""},
        "keys.retire_set": {"reason": ""},
        "keys.export": {"words": {"Tag": "标签"}},
        # Lost and found: a valid log and tag; the claim, disposal and void refused by a rule where
        # allowed (no tick; the item not due, before any PIN is checked; no reason).
        "lost_found.find": {"code": "LKF:SW000001"},
        "lost_found.log": {
            "what": "黑色雨伞",
            "category": "other",
            "found_where": "大堂",
            "found_at": "2026-11-25T09:00:00+08:00",
            "finder": "保洁",
            "kept_at": "前台",
        },
        "lost_found.claim": {
            "claimant_name": "陈晓明",
            "id_type": "resident_id",
            "id_last_four": "002X",
            "signed_name": "陈晓明",
            "signature_confirmed": False,
        },
        "lost_found.dispose": {"method": "donated", "supervisor": "nobody-here", "secret": "0000"},
        "lost_found.void": {"reason": ""},
        "lost_found.print_tag": {"language": "en"},
        "lost_found.export": {"which": "all"},
    }
    bodies.update(
        {
            # Permits: a valid one issued where allowed; the checks name no permit, and a refusal
            # without its reason, or a cancel without one, is refused by a rule where allowed.
            "permits.issue": {
                "kind": "milk",
                "valid_from": "2026-11-25",
                "valid_until": "2026-11-30",
                "holder_name": "周强",
                "id_type": "resident_id",
                "id_number": "11010519491231002X",
                "company": "光明乳业",
            },
            "permits.cancel": {"reason": ""},
            "permits.check": {"code": "RZ999999"},
            "permits.kiosk_check": {"code": "RZ999999"},
            "permits.record_entry": {"decision": "refused", "note": ""},
            "permits.export": {"which": "all"},
            # Deposits: no such pass loan item or receipt where allowed; a deduction or forfeit
            # without its reason is refused by a rule before any PIN is checked.
            "deposits.take": {"purpose": "pass_deposit", "item_id": 999999, "amount_fen": 100},
            "deposits.deduct": {"amount_fen": 100, "reason": ""},
            "deposits.forfeit": {"reason": "", "supervisor": "nobody-here", "secret": "0000"},
            # The roster: every change refused by a rule where allowed (a day outside the month,
            # nothing to copy, nothing submitted or approved, no reason), before any PIN is checked.
            "roster.edit": {"changes": [{"day": "2026-10-01", "staff_id": 1, "shift": ""}]},
            "roster.fill": {"source": "first_week"},
            "roster.send_back": {"reason": ""},
            "roster.approve": {"approver": "nobody-here", "secret": "0000"},
            "roster.swap": {"day": "2026-11-30", "from_staff_id": 1, "to_staff_id": 2, "reason": ""},
            "roster.export": {"words": {"Name": "姓名"}},
        }
    )
    bodies.update(
        {
            # A walk-in at the desk (a member of staff visited); a call nobody answered (the
            # matrix's visit goes on waiting).
            "desk_visits.register": {
                "visit": {"visitor_name": "刘奶奶", "host_id": host_id, "declaration_accepted": True}
            },
            "desk_visits.record_call": {
                "callee": "host",
                "channel": "phone",
                "number": "8101",
                "answer": "no_answer",
            },
        }
    )
    bodies.update(
        {
            # Visitor kinds: each refused by a rule where allowed (no work card, no name, no reason,
            # a permit that names nothing), the matrix's visit left waiting.
            "admissions.admit": {"kind": "staff", "name": "吴工", "work_card": ""},
            "admissions.kiosk_permit": {"code": "RZ999999"},
            "patrol.followed": {"note": ""},
            "leaders.add": {"name": ""},
            "leaders.retire": {"reason": ""},
            "visit.approve_as_duty_officer": {"note": ""},
        }
    )
    members = {
        role: SignedIn(
            core.staff.add(f"m-{role.value}", role.value, role, DEMO_PIN, ADMIN),
            f"m-{role.value}",
            role.value,
            role,
        )
        for role in Role
    }
    clients: dict[tuple[StationRole, Role | None], TestClient] = {}
    for station_role in StationRole:
        for staff in STAFF:
            name = f"{station_role.value}-{staff.value if staff else 'nobody'}"
            token = context.stations.ensure_enrolled(name, station_role, ADMIN)
            # Straight into the application (tests/stations.py): the TestClient's own transport
            # started a thread and an event loop per request, 40% of the matrix's time.
            client = InProcessClient(
                server, headers={"Authorization": f"Bearer {token}"}, raise_server_exceptions=False
            )
            if staff is not None:
                # Opened directly: the matrix also covers cells no sign-in reaches (staff at a kiosk).
                identity = context.stations.authenticate(token, "testclient")
                assert identity is not None
                client.headers["X-Staff-Session"] = context.sessions.open(
                    members[staff], identity.station_id
                ).token
            clients[station_role, staff] = client
    revoked_token = context.stations.ensure_enrolled("revoked", StationRole.DESK, ADMIN)
    revoked = context.stations.authenticate(revoked_token, "testclient")
    assert revoked is not None
    context.stations.revoke(revoked.station_id, ADMIN)
    spec = clients[StationRole.KIOSK, None].get("/api/v1/openapi.json").json()
    yield Matrix(server, context, operations_of(spec), params, bodies, clients, revoked_token)
    for client in clients.values():
        client.close()


def call(client: TestClient, matrix: Matrix, op: Operation) -> Any:
    path = op.path.format(**{k: v for k, v in matrix.params.items() if "{" + k + "}" in op.path})
    body = matrix.bodies.get(op.action)
    return client.request(op.method, path, json=body if op.has_body else None)


def problem_code(response: Any) -> str | None:
    if not response.headers.get("content-type", "").startswith(MEDIA_TYPE):
        return None
    body = response.json()
    return str(body["code"]) if body.get("status") == response.status_code else None


def test_every_route_names_an_action_and_every_action_has_a_route(matrix: Matrix) -> None:
    named = {op.action for op in matrix.operations}
    assert all(op.action for op in matrix.operations), [str(op) for op in matrix.operations if not op.action]
    assert named - set(ACTIONS) == PUBLIC_WITHOUT_STATION
    assert set(ACTIONS) - named == NOT_IN_OPENAPI, "rows of the table no route uses"
    # Every route with a body has an example here, so the matrix calls it validly.
    assert {op.action for op in matrix.operations if op.has_body} - PUBLIC_WITHOUT_STATION <= set(
        matrix.bodies
    )


def ordered(operations: list[Operation]) -> list[Operation]:
    """Signing out last: after it the client's session is gone."""
    return sorted(
        (op for op in operations if op.action not in PUBLIC_WITHOUT_STATION),
        key=lambda op: op.action == "session.sign_out",
    )


@pytest.mark.parametrize("staff", STAFF, ids=lambda r: r.value if r else "nobody")
@pytest.mark.parametrize("station_role", list(StationRole), ids=lambda r: r.value)
def test_matrix(matrix: Matrix, station_role: StationRole, staff: Role | None) -> None:
    client = matrix.clients[station_role, staff]
    wrong: list[str] = []
    for op in ordered(matrix.operations):
        response = call(client, matrix, op)
        code = problem_code(response)
        if response.status_code >= 500:
            wrong.append(f"{op}: {response.status_code} {response.text[:200]}")
        elif is_allowed(op.action, station_role, staff):
            if response.status_code in (401, 403):
                wrong.append(f"{op}: allowed, got {response.status_code} {code}")
        else:
            expected = (
                "sign_in_required" if staff is None and needs_staff(op.action, station_role) else "forbidden"
            )
            if code != expected or response.status_code != (401 if expected == "sign_in_required" else 403):
                wrong.append(f"{op}: refused expected {expected}, got {response.status_code} {code}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("credential", ["none", "wrong", "revoked"])
def test_an_unknown_station_is_refused_on_every_route(matrix: Matrix, credential: str) -> None:
    headers = {
        "none": {},
        "wrong": {"Authorization": "Bearer not-a-station-credential"},
        "revoked": {"Authorization": f"Bearer {matrix.revoked_token}"},
    }[credential]
    with InProcessClient(matrix.server, headers=headers, raise_server_exceptions=False) as client:
        wrong = []
        for op in ordered(matrix.operations):
            response = call(client, matrix, op)
            if response.status_code != 401 or problem_code(response) != "station_unknown":
                wrong.append(f"{op}: {response.status_code} {response.text[:120]}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("station_role", list(StationRole), ids=lambda r: r.value)
def test_every_station_hears_the_event_stream(matrix: Matrix, station_role: StationRole) -> None:
    assert is_allowed("events.listen", station_role, None)
    client = matrix.clients[station_role, None]
    after = matrix.context.events.last_seq
    with client.websocket_connect(f"/api/v1/events?after={after}") as socket:
        event = matrix.context.events.publish("board", visit_id=7)
        assert socket.receive_json() == {"seq": event.seq, "topic": "board", "visit_id": 7}


@pytest.mark.parametrize("credential", ["none", "wrong", "revoked"])
def test_the_event_stream_refuses_an_unknown_station(matrix: Matrix, credential: str) -> None:
    headers = {
        "none": {},
        "wrong": {"Authorization": "Bearer not-a-station-credential"},
        "revoked": {"Authorization": f"Bearer {matrix.revoked_token}"},
    }[credential]
    with (
        TestClient(matrix.server, headers=headers) as client,
        pytest.raises(WebSocketDisconnect) as refused,
        client.websocket_connect("/api/v1/events"),
    ):
        pass
    assert refused.value.code == 4401
    assert refused.value.reason == "station_unknown"
