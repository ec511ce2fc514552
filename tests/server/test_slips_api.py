"""Release slips through the API as the office's desk and the guard's screen call it: the server
decides what a scanned code is, releases a slip once, stores a retried issue once, and refuses
every slip action to a role without its permission and to a station of the wrong kind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from kiosk.domain.release_slip import SlipStatus, sign_slip_code
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from kiosk.services.staff import DEMO_PIN
from kiosk.storage.models import AuditEvent, Payment, PrintJob, ReleaseSlipRecord
from tests.server.conftest import ADMIN
from tests.server.test_stations_api import assert_problem
from tests.services.test_release_slips import ID, load_residents

Make = Callable[..., TestClient]
SLIPS = "/api/v1/slips"


def slip_body(unit: str = "1-101", holder: str = "赵伟", **extra: Any) -> dict[str, Any]:
    return {
        "unit": unit,
        "holder_name": holder,
        "party_kind": "owner",
        "id_type": "resident_id",
        "id_number": ID,
        "items": [{"name": "台式电脑主机", "quantity": 1}, {"name": "显示器", "quantity": 2}],
        "signed_name": holder,
        "signature_confirmed": True,
        "language": "en",
        **extra,
    }


def count(context: ServerContext, model: Any) -> int:
    with context.core.database.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def actions(context: ServerContext) -> list[tuple[str, str]]:
    with context.core.database.sessions() as session:
        return [(e.actor, e.action) for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


@pytest.fixture
def residents(context: ServerContext) -> None:
    load_residents(context.core)


def test_the_desk_issues_a_slip_that_prints_at_its_own_station(
    station: Make, context: ServerContext, residents: None
) -> None:
    desk = station(StationRole.DESK, "front-desk", staff=Role.RECEPTIONIST)
    unit = desk.get(f"{SLIPS}/unit", params={"unit": "1-102"})
    assert unit.status_code == 200, unit.text
    record = unit.json()
    assert [r["name"] for r in record["residents"]] == ["林静", "周伟"]
    assert record["tenant_arrears"]["months"] == ["2026-09", "2026-10"]

    issued = desk.post(SLIPS, json=slip_body(), headers={"Idempotency-Key": "slip-1"})
    assert issued.status_code == 200, issued.text
    body = issued.json()
    assert body["slip_number"] == "S000001" and body["printed"]["printed"] is False
    with context.core.database.sessions() as session:
        job = session.get(PrintJob, body["printed"]["job_id"])
        assert job is not None and (job.document, job.station) == ("release-slip", "front-desk")
    listed = desk.get(SLIPS).json()
    assert [(s["slip_number"], s["status"]) for s in listed] == [("S000001", "issued")]
    assert ("staff:receptionist-1", "release_slip.issued") in actions(context)


def test_a_retried_issue_is_stored_once_and_answered_the_same(
    station: Make, context: ServerContext, residents: None
) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    first = desk.post(SLIPS, json=slip_body(), headers={"Idempotency-Key": "same-slip"})
    again = desk.post(SLIPS, json=slip_body(), headers={"Idempotency-Key": "same-slip"})
    assert first.status_code == again.status_code == 200, again.text
    assert again.json() == first.json()
    assert count(context, ReleaseSlipRecord) == 1
    other = desk.post(SLIPS, json=slip_body(), headers={"Idempotency-Key": "another-slip"})
    assert other.json()["slip_number"] == "S000002"


def test_a_retried_slip_with_a_supervisors_approval_is_stored_once(
    station: Make, context: ServerContext, residents: None
) -> None:
    """The supervisor's PIN is checked (and audited) before the slip is stored: the key names the
    slip, not the PIN check, so the slip is stored and a retry answers with it."""
    context.core.staff.add("boss", "Boss", Role.SUPERVISOR, DEMO_PIN, ADMIN)
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    approval = {"supervisor": "boss", "pin": DEMO_PIN, "reason": "业主承诺月底交清"}
    body = slip_body("1-103", "朱超", override=approval)
    first = desk.post(SLIPS, json=body, headers={"Idempotency-Key": "approved"})
    assert first.status_code == 200, first.text
    again = desk.post(SLIPS, json=body, headers={"Idempotency-Key": "approved"})
    assert again.json() == first.json()
    assert count(context, ReleaseSlipRecord) == 1
    assert actions(context).count(("staff:boss", "staff.arrears_override")) == 1


def test_a_refused_slip_stores_nothing_and_says_why(
    station: Make, context: ServerContext, residents: None
) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    refused = desk.post(
        SLIPS, json=slip_body("1-102", "周伟", party_kind="tenant"), headers={"Idempotency-Key": "k"}
    )
    assert_problem(refused, 422, "validation", field="arrears", reason="tenant_must_pay")
    assert count(context, ReleaseSlipRecord) == 0
    # The key was not spent on the refusal: sent again once the tenant has paid, the slip is
    # checked afresh (and now waits for the owner's consent).
    paid = desk.post(
        f"{SLIPS}/arrears-payments", json={"unit": "1-102", "payer_name": "周伟", "party_kind": "tenant"}
    )
    assert paid.status_code == 200 and paid.json()["amount_fen"] == 46000
    again = desk.post(
        SLIPS, json=slip_body("1-102", "周伟", party_kind="tenant"), headers={"Idempotency-Key": "k"}
    )
    assert_problem(again, 422, "validation", field="owner_consent", reason="call_required")


def test_the_guard_scans_and_releases_once(station: Make, context: ServerContext, residents: None) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    code = desk.post(SLIPS, json=slip_body()).json()["code"]
    guard = station(StationRole.GUARD, "gate", staff=Role.GUARD)
    other_guard = station(StationRole.GUARD, "gate-2", staff=Role.GUARD)
    scanned = guard.post(f"{SLIPS}/scan", json={"code": code}).json()
    assert scanned["outcome"] == "valid" and scanned["slip"]["items"][1] == {"name": "显示器", "quantity": 2}
    slip_id = scanned["slip"]["slip_id"]

    released = guard.post(f"{SLIPS}/{slip_id}/release", headers={"Idempotency-Key": "rel-1"})
    assert released.status_code == 200 and released.json()["status"] == SlipStatus.RELEASED.value
    # Its answer lost, the same release again: answered as the first, not "already used".
    again = guard.post(f"{SLIPS}/{slip_id}/release", headers={"Idempotency-Key": "rel-1"})
    assert again.json() == released.json()
    # Another guard at the same moment: refused.
    assert_problem(other_guard.post(f"{SLIPS}/{slip_id}/release"), 422, "validation", reason="already_used")
    assert guard.post(f"{SLIPS}/scan", json={"code": code}).json()["outcome"] == "used"
    assert actions(context).count(("staff:guard-2", "release_slip.released")) == 1

    forged = sign_slip_code(b"not this building's key", "S000001")
    assert guard.post(f"{SLIPS}/scan", json={"code": forged}).json() == {
        "outcome": "invalid",
        "slip": None,
        "why": "",
    }


def test_a_mismatch_voids_the_slip(station: Make, context: ServerContext, residents: None) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    code = desk.post(SLIPS, json=slip_body()).json()["code"]
    guard = station(StationRole.GUARD, staff=Role.GUARD)
    slip_id = guard.post(f"{SLIPS}/scan", json={"code": code}).json()["slip"]["slip_id"]
    voided = guard.post(f"{SLIPS}/{slip_id}/mismatch", json={"note": "多了一台打印机"})
    assert voided.json()["status"] == "voided" and voided.json()["void_reason"] == "多了一台打印机"
    assert_problem(guard.post(f"{SLIPS}/{slip_id}/release"), 422, "validation", reason="voided")


def test_a_guard_station_opens_a_session_only_for_those_who_check_slips(
    station: Make, context: ServerContext
) -> None:
    gate = station(StationRole.GUARD, "gate")
    context.core.staff.add("clerk", "Clerk", Role.RECEPTIONIST, DEMO_PIN, ADMIN)
    refused = gate.post("/api/v1/session", json={"username": "clerk", "secret": DEMO_PIN})
    assert_problem(refused, 422, "validation", field="credentials", reason="guard_only")
    assert ("staff:clerk", "staff.guard_screen_refused") in actions(context)
    context.core.staff.add("guard", "Guard", Role.GUARD, DEMO_PIN, ADMIN)
    assert gate.post("/api/v1/session", json={"username": "guard", "secret": DEMO_PIN}).status_code == 200
    # A wrong PIN at the gate still reads as any wrong PIN does.
    wrong = gate.post("/api/v1/session", json={"username": "clerk", "secret": "0000"})
    assert_problem(wrong, 422, "validation", field="credentials", reason="invalid")


# Each slip action, and a role at a station that may not do it: refused before anything happens.
REFUSED = [
    ("get", f"{SLIPS}/unit?unit=1-101", None, StationRole.DESK, Role.GUARD),
    ("get", SLIPS, None, StationRole.DESK, Role.GUARD),
    ("post", f"{SLIPS}/owner-calls", {
        "unit": "1-104", "tenant_name": "Tom Baker", "owner_name": "孙丽",
        "owner_knows": True, "rent_owed": False, "owner_items": False, "consent": True,
    }, StationRole.DESK, Role.GUARD),
    ("post", SLIPS, slip_body(), StationRole.DESK, Role.GUARD),
    ("post", SLIPS, slip_body(), StationRole.GUARD, Role.ADMIN),
    ("post", f"{SLIPS}/arrears-payments", {"unit": "1-102", "payer_name": "林静", "party_kind": "owner"},
     StationRole.DESK, Role.SALES),
    ("post", f"{SLIPS}/scan", {"code": "S000001-ABCD-EFGH"}, StationRole.DESK, Role.SALES),
    ("post", f"{SLIPS}/scan", {"code": "S000001-ABCD-EFGH"}, StationRole.KIOSK, None),
    ("post", f"{SLIPS}/1/release", None, StationRole.DESK, Role.SALES),
    ("post", f"{SLIPS}/1/mismatch", {"note": ""}, StationRole.DESK, Role.SALES),
]  # fmt: skip


@pytest.mark.parametrize(("method", "path", "body", "where", "role"), REFUSED)
def test_each_slip_action_is_refused_to_a_role_without_its_permission(
    station: Make,
    context: ServerContext,
    residents: None,
    method: str,
    path: str,
    body: dict[str, Any] | None,
    where: StationRole,
    role: Role | None,
) -> None:
    if where is StationRole.GUARD and role is Role.ADMIN:
        client = station(where)  # an admin cannot even sign in at the gate; try without a session
        context.core.staff.add("admin-1", "Admin", Role.ADMIN, DEMO_PIN, ADMIN)
    else:
        client = station(where, staff=role)
    before = count(context, ReleaseSlipRecord), count(context, Payment), len(actions(context))
    response = client.request(method.upper(), path, json=body)
    assert response.status_code == 403, response.text
    assert response.json()["code"] in ("forbidden", "sign_in_required")
    assert (count(context, ReleaseSlipRecord), count(context, Payment), len(actions(context))) == before
