"""IDC identity-verification cards over the API: sales file, a supervisor decides, the desk issues
on its own encoder as the server plans (the confirmation queued for that desk's printer, the
uploads sent), revokes and sends uploads again; the server's round expires cards and retries
uploads. Each action is refused to roles without its permission."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.cards import CardStatus
from kiosk.domain.credential import CardKind
from kiosk.domain.idc_cards import ApplicationStatus, DeliveryStatus
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from kiosk.server.housekeeping import Housekeeping
from kiosk.storage.models import PrintJob
from tests.conftest import FixedClock
from tests.services.test_idc_cards import RecordingSink

Station = Callable[..., TestClient]
API = "/api/v1"
ID = "11010519491231002X"
CHIP = {"uid": "04A1B2C3", "technology": "mifare-classic-1k"}


@pytest.fixture
def sink(app: KioskApp) -> RecordingSink:
    recording = RecordingSink("email")
    app.idc_cards.sinks = [recording]
    return recording


def form(app: KioskApp, number: str = "IDC-2026-0042", days: int = 365) -> dict[str, Any]:
    now = app.clock.now()
    return {
        "form_number": number,
        "company": "星河数据有限公司",
        "holder_name": "陈立",
        "holder_mobile": "13912345678",
        "id_type": "resident_id",
        "id_number": ID,
        "letter_reference": "星河函〔2026〕17号",
        "valid_from": now.isoformat(),
        "valid_until": (now + timedelta(days=days)).isoformat(),
        "areas": "A201机房\nB3-cage 12",
    }


def ok(reply: Any, status: int = 200) -> Any:
    assert reply.status_code == status, reply.text
    return reply.json() if reply.content else None


def approved(app: KioskApp, station: Station, number: str = "IDC-2026-0042", days: int = 365) -> int:
    sales = station(StationRole.DESK, staff=Role.SALES)
    application_id = ok(sales.post(f"{API}/idc/applications", json=form(app, number, days)))["application_id"]
    supervisor = station(StationRole.DESK, staff=Role.SUPERVISOR)
    ok(supervisor.post(f"{API}/idc/applications/{application_id}/approve", json={"note": "ok"}), 204)
    return int(application_id)


def issue(desk: TestClient, application_id: int) -> dict[str, Any]:
    """What a desk's encoder does with a blank card: ask for the plan, write it, report it."""
    plan = ok(
        desk.post(
            f"{API}/idc/applications/{application_id}/card/plan",
            json={"card": CHIP, "content": {"payload": None}, "language": "zh_CN"},
        )
    )
    written = {"read_back": {"payload": plan["payload"]}}
    answer: dict[str, Any] = ok(
        desk.post(f"{API}/idc/card-attempts/{plan['attempt_id']}/written", json=written)
    )
    return answer


def test_filed_approved_issued_at_the_desk_printed_there_uploaded_and_revoked(
    app: KioskApp, station: Station, context: ServerContext, sink: RecordingSink
) -> None:
    application_id = approved(app, station)
    desk = station(StationRole.DESK, name="front-desk", staff=Role.RECEPTIONIST)
    after = context.events.last_seq
    plan = ok(
        desk.post(
            f"{API}/idc/applications/{application_id}/card/plan",
            json={"card": CHIP, "content": {"payload": None}, "language": "zh_CN"},
        )
    )
    assert plan["label"] == "IDC000001" and plan["keys"]["key_b"]  # this card's write key, for this desk
    report = {"read_back": {"payload": plan["payload"]}}
    # Not as any card: an IDC card's report prints and uploads, so the visitor-card route refuses it
    # and the plan stays good.
    refused = desk.post(f"{API}/cards/attempts/{plan['attempt_id']}/written", json=report)
    assert (refused.status_code, refused.json()["reason"]) == (422, "attempt_over")
    issued = ok(desk.post(f"{API}/idc/card-attempts/{plan['attempt_id']}/written", json=report))
    assert issued["card"]["label"] == "IDC000001" and issued["card"]["uid"] == "04A1B2C3"
    printed = issued["printed"]
    assert (
        printed is not None and not printed["printed"] and printed["error"] is None
    )  # for the desk to print
    with app.database.sessions() as session:
        job = session.get_one(PrintJob, printed["job_id"])
        assert (job.station, job.reference) == ("front-desk", "IDC000001")
    assert [m.event for m in sink.messages] == ["issued"]
    assert any(e.topic == "cards" for e in context.events.since(after, "front-desk")[0])
    # Reported again after a lost answer: the same card, nothing printed twice.
    again = ok(desk.post(f"{API}/idc/card-attempts/{plan['attempt_id']}/written", json=report))
    assert again["card"] == issued["card"] and again["printed"] is None

    listed = ok(desk.get(f"{API}/idc/applications", params={"search": "IDC000001"}))
    assert [(a["form_number"], a["status"], a["holder_id_masked"]) for a in listed] == [
        ("IDC-2026-0042", "issued", "**************002X")
    ]
    assert ID not in str(listed)
    history = ok(desk.get(f"{API}/idc/applications/{application_id}/history"))
    assert [e["action"] for e in history["entries"]][-3:] == ["card.issued", "idc.issued", "idc.delivered"]
    assert {m["role"] for m in history["staff"]} == {"sales", "supervisor", "receptionist"}
    deliveries = ok(desk.get(f"{API}/idc/deliveries"))
    assert [(d["card_label"], d["status"]) for d in deliveries] == [("IDC000001", "acknowledged")]

    expired = desk.post(f"{API}/idc/applications/{application_id}/revoke", json={"reason": "expired"})
    assert expired.status_code == 422  # expiry is the server's round, not a clerk's choice
    revoked = ok(desk.post(f"{API}/idc/applications/{application_id}/revoke", json={"reason": "lost"}))
    assert revoked == {"card_label": "IDC000001"}
    record = app.cards.record(CardKind.IDC_IDENTITY, 1)
    assert record is not None and record.status is CardStatus.REVOKED
    assert [(m.event, m.reason) for m in sink.messages] == [("issued", ""), ("revoked", "lost")]


def test_a_card_in_use_is_refused_with_its_verdict_and_a_failed_write_spends_its_number(
    app: KioskApp, station: Station, sink: RecordingSink
) -> None:
    first = approved(app, station)
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    blank = {"card": CHIP, "content": {"payload": None}}
    plan = ok(desk.post(f"{API}/idc/applications/{first}/card/plan", json=blank))
    failed = desk.post(f"{API}/idc/card-attempts/{plan['attempt_id']}/failed", json={"error": "lifted"})
    assert failed.status_code == 204
    record = app.cards.record(CardKind.IDC_IDENTITY, 1)
    assert record is not None and record.status is CardStatus.VOID
    again = ok(desk.post(f"{API}/idc/applications/{first}/card/plan", json=blank))
    report = {"read_back": {"payload": again["payload"]}}
    assert (
        ok(desk.post(f"{API}/idc/card-attempts/{again['attempt_id']}/written", json=report))["card"]["label"]
        == "IDC000002"
    )
    # The same card, still in use, laid on the encoder for the next application.
    second = approved(app, station, "IDC-2026-0043")
    in_use = {"card": CHIP, "content": {"payload": again["payload"]}}
    refused = desk.post(f"{API}/idc/applications/{second}/card/plan", json=in_use)
    assert (refused.status_code, refused.json()["field"], refused.json()["reason"]) == (
        422,
        "card_on_encoder",
        "valid",
    )
    assert app.idc_cards.application(second).status is ApplicationStatus.APPROVED


def test_only_the_salesperson_s_own_applications_are_theirs_and_filing_twice_files_once(
    app: KioskApp, station: Station
) -> None:
    sales = station(StationRole.DESK, staff=Role.SALES)
    other = station(StationRole.DESK, staff=Role.SALES)
    headers = {"Idempotency-Key": "file-0042"}
    first = ok(sales.post(f"{API}/idc/applications", json=form(app), headers=headers))
    again = ok(sales.post(f"{API}/idc/applications", json=form(app), headers=headers))
    assert first == again  # the answer was lost; the form is filed once
    ok(other.post(f"{API}/idc/applications", json=form(app, "IDC-2026-0099")))
    mine = ok(sales.get(f"{API}/idc/applications/mine"))
    assert [a["form_number"] for a in mine] == ["IDC-2026-0042"]
    # Four eyes: the salesperson, even a supervisor who filed it, may not decide their own.
    filer = station(StationRole.DESK, staff=Role.ADMIN)
    own = ok(filer.post(f"{API}/idc/applications", json=form(app, "IDC-2026-0100")))["application_id"]
    refused = filer.post(f"{API}/idc/applications/{own}/approve", json={"note": ""})
    assert (refused.status_code, refused.json()["reason"]) == (422, "own_application")


def test_the_server_round_expires_cards_and_retries_uploads(
    app: KioskApp, station: Station, context: ServerContext, sink: RecordingSink, clock: FixedClock
) -> None:
    sink.failing = True
    application_id = approved(app, station, days=10)
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    issue(desk, application_id)
    assert app.idc_cards.deliveries()[0].status is DeliveryStatus.PENDING
    sink.failing = False
    clock.advance(days=11)
    after = context.events.last_seq
    done = Housekeeping(context).run_once()
    assert done.idc_cards_expired == ["IDC000001"]
    assert app.idc_cards.application(application_id).status is ApplicationStatus.EXPIRED
    assert [(m.event, m.reason) for m in sink.messages] == [("issued", ""), ("revoked", "expired")]
    assert {d.status for d in app.idc_cards.deliveries()} == {DeliveryStatus.ACKNOWLEDGED}
    assert any(e.topic == "cards" for e in context.events.since(after, "front-desk")[0])


def test_an_upload_is_sent_again_now(app: KioskApp, station: Station, sink: RecordingSink) -> None:
    sink.failing = True
    application_id = approved(app, station)
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    issue(desk, application_id)
    delivery_id = ok(desk.get(f"{API}/idc/deliveries"))[0]["delivery_id"]
    failed = ok(desk.post(f"{API}/idc/deliveries/{delivery_id}/send"))
    assert "access control is down" in failed["error"]
    sink.failing = False
    assert ok(desk.post(f"{API}/idc/deliveries/{delivery_id}/send")) == {"error": None}


CALLS: list[tuple[str, str, dict[str, Any] | None, Role]] = [
    ("GET", "/idc/applications", None, Role.SALES),
    ("GET", "/idc/companies", None, Role.GUARD),
    ("GET", "/idc/deliveries", None, Role.SALES),
    ("GET", "/idc/applications/1/history", None, Role.SALES),
    ("GET", "/idc/applications/mine", None, Role.RECEPTIONIST),
    ("POST", "/idc/applications", {}, Role.RECEPTIONIST),
    ("POST", "/idc/applications/1/approve", {"note": ""}, Role.RECEPTIONIST),
    ("POST", "/idc/applications/1/reject", {"note": "no"}, Role.SALES),
    ("POST", "/idc/applications/1/card/plan", {"card": CHIP, "content": {}}, Role.SALES),
    ("POST", "/idc/card-attempts/1/written", {"read_back": {}}, Role.SALES),
    ("POST", "/idc/card-attempts/1/failed", {"error": "x"}, Role.GUARD),
    ("POST", "/idc/applications/1/revoke", {"reason": "lost"}, Role.SALES),
    ("POST", "/idc/deliveries/1/send", None, Role.SALES),
]


@pytest.mark.parametrize(("method", "path", "body", "role"), CALLS, ids=str)
def test_a_role_without_the_permission_is_refused(
    app: KioskApp,
    station: Station,
    method: str,
    path: str,
    body: dict[str, Any] | None,
    role: Role,
) -> None:
    client = station(StationRole.DESK, staff=role)
    reply = client.request(method, API + path, json=body)
    assert (reply.status_code, reply.json()["code"]) == (403, "forbidden")
    # And nowhere but at a desk, whoever is signed in.
    guard = station(StationRole.GUARD, staff=Role.ADMIN)
    reply = guard.request(method, API + path, json=body)
    assert (reply.status_code, reply.json()["code"]) == (403, "forbidden")


def test_no_print_job_is_left_for_the_server_s_own_printer(
    app: KioskApp, station: Station, sink: RecordingSink
) -> None:
    application_id = approved(app, station)
    issue(station(StationRole.DESK, name="front-desk", staff=Role.RECEPTIONIST), application_id)
    with app.database.sessions() as session:
        assert session.scalars(select(PrintJob.station)).all() == ["front-desk"]
