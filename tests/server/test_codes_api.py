"""Codes that cannot be guessed or replayed (#16, 6), through the API as the stations call it: the
badge's signed check-out code, the check-out by name and the mobile's last four digits, release
slips bound to a nonce and their day, and the server's count of a kiosk's wrong tries."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, select, update

from kiosk.app import build_app
from kiosk.devices.fakes import FakePrinter, MemoryEncoder
from kiosk.domain.errors import ValidationError
from kiosk.domain.release_slip import short_code_of, sign_slip_code
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.domain.visit import VisitStatus
from kiosk.server.context import ServerContext
from kiosk.services.site_keys import load_or_create_key
from kiosk.storage.models import AuditEvent, Counter, PrintJob, ReleaseSlipRecord, Visit, VisitKindRecord
from tests.conftest import FixedClock
from tests.server.test_slips_api import SLIPS, slip_body
from tests.server.test_stations_api import assert_problem
from tests.services.test_release_slips import load_residents
from tests.ui.test_check_out import on_site, status

Make = Callable[..., TestClient]
BADGE = "/api/v1/checkout/badge"
BY_NAME = "/api/v1/checkout/by-name"


def audit_rows(context: ServerContext, prefix: str) -> list[tuple[str, str, dict[str, Any]]]:
    with context.core.database.sessions() as session:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.action.startswith(prefix)).order_by(AuditEvent.id)
        )
        return [(row.actor, row.action, json.loads(row.detail)) for row in rows]


def restore_backup_from_before(context: ServerContext, counter: str, *statements: Any) -> None:
    """The database as a backup taken earlier left it: the rows made since gone, the counter of
    their numbers back where it stood (the paper printed meanwhile is still out there)."""
    with context.core.database.sessions.begin() as session:
        for statement in statements:
            session.execute(statement)
        session.execute(update(Counter).where(Counter.name == counter).values(value=0))


# --- the badge ----------------------------------------------------------------------------------


def test_a_printed_badge_qr_from_one_visit_no_longer_checks_out_another(
    station: Make, context: ServerContext, clock: FixedClock
) -> None:
    app = context.core
    kiosk = station(StationRole.KIOSK)
    first, first_code = on_site(app, "张三")
    # The database restored from a backup taken before 张三 came: the next visitor gets the same
    # badge number (and, on SQLite, the same visit id); 张三's printed badge is still in a pocket.
    restore_backup_from_before(
        context,
        "badge",
        delete(PrintJob).where(PrintJob.visit_id == first),
        delete(VisitKindRecord).where(VisitKindRecord.visit_id == first),
        delete(Visit).where(Visit.id == first),
    )
    clock.advance(minutes=5)
    second, second_code = on_site(app, "李雷")
    with app.database.sessions() as session:
        assert session.get_one(Visit, second).badge_number == "V000001"
    assert first_code[:13] == second_code[:13] == "LKV2-V000001-"
    refused = kiosk.post(BADGE, json={"code": first_code})
    assert_problem(refused, 422, "validation", field="badge", reason="unknown")
    assert status(app, second) is VisitStatus.ON_SITE
    # The number of another badge put in front of this one's MAC, as a forger would.
    third, third_code = on_site(app, "王五")
    altered = third_code.replace(third_code[5:12], "V000001")
    assert_problem(kiosk.post(BADGE, json={"code": altered}), 422, "validation", reason="unknown")
    assert status(app, second) is VisitStatus.ON_SITE
    # Their own badges check each out; a scanner's lost Shift (small letters) changes nothing.
    assert kiosk.post(BADGE, json={"code": second_code.lower()}).json() == {"visit_id": second}
    assert kiosk.post(BADGE, json={"code": third_code}).json() == {"visit_id": third}


def test_an_old_unsigned_badge_is_refused_and_sent_to_the_desk_without_counting(
    station: Make, context: ServerContext
) -> None:
    visit_id, _code = on_site(context.core, "张三")
    kiosk = station(StationRole.KIOSK)
    for _ in range(6):  # a visitor trying again and again is no guesser
        refused = kiosk.post(BADGE, json={"code": "LKV:V000001"})
        assert_problem(refused, 422, "validation", field="badge", reason="unsigned")
    assert status(context.core, visit_id) is VisitStatus.ON_SITE
    assert audit_rows(context, "wrong_tries.") == []
    # The desk checks such a visitor out from the board.
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    assert desk.post(f"/api/v1/visits/{visit_id}/check-out").status_code == 204


# --- check-out by name ------------------------------------------------------------------------------


def test_check_out_by_name_needs_the_mobiles_last_four_digits(station: Make, context: ServerContext) -> None:
    app = context.core
    kiosk = station(StationRole.KIOSK)
    carter, _ = on_site(app, "Emily Carter", "华南数据", mobile="+44 7700 900123")
    no_mobile, _ = on_site(app, "张三")
    twin_a, _ = on_site(app, "李雷", mobile="13800001111")
    twin_b, _ = on_site(app, "李雷", mobile="13900001111")

    def by_name(name: str, digits: str) -> Any:
        return kiosk.post(BY_NAME, json={"name": name, "mobile_last_four": digits})

    assert_problem(by_name("Emily Carter", "0124"), 422, "validation", field="checkout", reason="no_match")
    assert_problem(by_name("Emily", "0123"), 422, "validation", reason="no_match")  # the whole name
    assert_problem(by_name("Emily Carter", "12a4"), 422, "validation", field="mobile_last_four")
    # Without a mobile nobody can check out by name: the same answer as a wrong name, so a
    # stranger learns nothing of who is in the building; the page sends them to the desk.
    assert_problem(by_name("张三", "0000"), 422, "validation", reason="no_match")
    assert_problem(by_name("李雷", "1111"), 422, "validation", field="checkout", reason="see_desk")
    assert by_name("  emily  CARTER ", "0123").json() == {"visit_id": carter}  # any case and spacing
    assert status(app, carter) is VisitStatus.CHECKED_OUT
    assert {status(app, v) for v in (no_mobile, twin_a, twin_b)} == {VisitStatus.ON_SITE}
    # What was tried is audited by its kind only: no name, no digits.
    tries = audit_rows(context, "wrong_tries.counted")
    assert [detail for _actor, _action, detail in tries] == [{"kind": "name", "streak": n} for n in (1, 2, 3)]
    # The public list of who is on site is gone.
    assert kiosk.get("/api/v1/checkout/matches", params={"q": "张"}).status_code == 404


# --- the count of a kiosk's wrong tries ---------------------------------------------------------------


def test_wrong_invitation_codes_make_the_kiosk_wait_longer_each_time_and_alert_the_desk(
    station: Make, context: ServerContext, clock: FixedClock
) -> None:
    app = context.core
    kiosk = station(StationRole.KIOSK, "lobby-1")
    other = station(StationRole.KIOSK, "lobby-2")
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    seq = context.events.last_seq
    for guess in ("AAAAAA", "AAAAAC", "AAAAAD", "AAAAAE"):
        assert_problem(kiosk.get(f"/api/v1/invitations/{guess}"), 422, "validation", reason="unknown")
    fifth = kiosk.get("/api/v1/invitations/AAAAAF")  # the fifth in ten minutes: it waits
    assert_problem(
        fifth, 422, "validation", field="station", reason="wait", params={"minutes": 1, "seconds": 30}
    )
    # Decided by the server: the kiosk restarted (a new connection, the same enrolment) still waits;
    # another kiosk does not.
    kiosk = restarted = station(StationRole.KIOSK, "lobby-1")
    assert_problem(restarted.get("/api/v1/invitations/AAAAAG"), 422, "validation", reason="wait")
    assert_problem(other.get("/api/v1/invitations/AAAAAG"), 422, "validation", reason="unknown")
    # And so does a server started again on the same database.
    again = build_app(app.config, "kiosk", printer=FakePrinter(), encoder=MemoryEncoder(), clock=clock)
    try:
        with pytest.raises(ValidationError) as waiting:
            again.throttle.check("lobby-1")
        assert waiting.value.params == {"minutes": 1, "seconds": 30}
    finally:
        again.close()
    clock.advance(seconds=30)
    for guess in ("AAAAAH", "AAAAAJ", "AAAAAK", "AAAAAM"):
        assert_problem(kiosk.get(f"/api/v1/invitations/{guess}"), 422, "validation", reason="unknown")
    assert desk.get("/api/v1/board").json()["alerts"]["wrong_tries"] == []
    tenth = kiosk.get("/api/v1/invitations/AAAAAN")  # the second wait is twice as long
    assert_problem(tenth, 422, "validation", reason="wait", params={"minutes": 1, "seconds": 60})
    # The tenth wrong try in a row: the desks' boards are told and show it.
    events, _lost = context.events.since(seq, "desk-3")
    assert any(event.topic == "board" and event.visit_id is None for event in events)
    [alert] = desk.get("/api/v1/board").json()["alerts"]["wrong_tries"]
    assert (alert["station"], alert["wrong_tries"]) == ("lobby-1", 10)
    actions = [
        action for actor, action, _detail in audit_rows(context, "wrong_tries.") if actor == "kiosk:lobby-1"
    ]
    assert actions.count("wrong_tries.counted") == 10
    assert actions.count("wrong_tries.wait_imposed") == 2
    assert actions.count("wrong_tries.alert") == 1
    assert all("AAAA" not in str(detail) for _a, _b, detail in audit_rows(context, "wrong_tries."))
    # An hour's quiet ends the streak: the alert goes from the board.
    clock.advance(hours=1, seconds=1)
    assert desk.get("/api/v1/board").json()["alerts"]["wrong_tries"] == []


def test_refused_card_taps_and_forged_badges_count_and_the_desk_never_does(
    station: Make, context: ServerContext
) -> None:
    kiosk = station(StationRole.KIOSK, "lobby-1")
    blank = {"card": {"uid": "04A1B2C3", "technology": "mifare-classic-1k"}, "content": {"payload": None}}
    assert kiosk.post("/api/v1/cards/check-out", json=blank).status_code == 422
    forged = "LKV2-V000001-0000000000000000"
    assert_problem(kiosk.post(BADGE, json={"code": forged}), 422, "validation", reason="unknown")
    tries = audit_rows(context, "wrong_tries.counted")
    assert [(actor, detail["kind"]) for actor, _action, detail in tries] == [
        ("kiosk:lobby-1", "card"),
        ("kiosk:lobby-1", "badge"),
    ]
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    for _ in range(6):  # a clerk's mis-scans at the desk are no guessing
        assert_problem(desk.post(BADGE, json={"code": forged}), 422, "validation", reason="unknown")
    assert len(audit_rows(context, "wrong_tries.counted")) == 2


# --- release slips ------------------------------------------------------------------------------


@pytest.fixture
def residents(context: ServerContext) -> None:
    load_residents(context.core)


def test_a_slips_code_from_a_restored_backup_is_refused(
    station: Make, context: ServerContext, residents: None, clock: FixedClock
) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    guard = station(StationRole.GUARD, staff=Role.GUARD)
    old = desk.post(SLIPS, json=slip_body()).json()
    assert old["slip_number"] == "S000001"
    restore_backup_from_before(context, "release_slip", delete(ReleaseSlipRecord))
    clock.advance(minutes=10)
    new = desk.post(SLIPS, json=slip_body("1-102", "林静")).json()
    assert new["slip_number"] == "S000001" and new["code"] != old["code"]
    assert guard.post(f"{SLIPS}/scan", json={"code": old["code"]}).json() == {
        "outcome": "invalid",
        "slip": None,
        "why": "",
    }
    typed_old = guard.post(f"{SLIPS}/scan", json={"code": short_code_of(old["code"])}).json()
    assert (typed_old["outcome"], typed_old["why"]) == ("invalid", "mistyped")
    assert guard.post(f"{SLIPS}/scan", json={"code": new["code"]}).json()["outcome"] == "valid"
    typed_new = guard.post(f"{SLIPS}/scan", json={"code": short_code_of(new["code"])}).json()
    assert typed_new["outcome"] == "valid" and typed_new["slip"]["holder_name"] == "林静"
    assert ("staff:guard-2", "release_slip.invalid_code") in [
        (a, b) for a, b, _d in audit_rows(context, "release")
    ]


def test_an_expired_slip_shows_expired_with_its_date_and_is_not_released(
    station: Make, context: ServerContext, residents: None, clock: FixedClock
) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    guard = station(StationRole.GUARD, staff=Role.GUARD)
    code = desk.post(SLIPS, json=slip_body()).json()["code"]  # 10:00 on 25 November
    clock.advance(hours=13, minutes=59)  # 23:59 the same day: still good
    assert guard.post(f"{SLIPS}/scan", json={"code": code}).json()["outcome"] == "valid"
    clock.advance(minutes=1)
    scanned = guard.post(f"{SLIPS}/scan", json={"code": code}).json()
    assert scanned["outcome"] == "expired"
    assert scanned["slip"]["valid_until"] == "2026-11-25T16:00:00Z"  # midnight in Shanghai
    refused = guard.post(f"{SLIPS}/{scanned['slip']['slip_id']}/release")
    assert_problem(
        refused, 422, "validation", field="slip", reason="expired", params={"valid_until": "2026-11-26 00:00"}
    )
    # Voiding it is still the guard's to do: the goods go back, the holder to the office.
    voided = guard.post(f"{SLIPS}/{scanned['slip']['slip_id']}/mismatch", json={"note": "过期"})
    assert voided.json()["status"] == "voided"


def test_a_slip_issued_before_the_upgrade_verifies_as_before_until_its_day_ends(
    station: Make, context: ServerContext, residents: None, clock: FixedClock
) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    guard = station(StationRole.GUARD, staff=Role.GUARD)
    desk.post(SLIPS, json=slip_body())
    with context.core.database.sessions.begin() as session:  # as migration 0019 leaves older slips
        session.execute(update(ReleaseSlipRecord).values(code_nonce=None, valid_until=None))
    old_code = sign_slip_code(load_or_create_key(context.core.site_key_dir / "release-slips.key"), "S000001")
    assert guard.post(f"{SLIPS}/scan", json={"code": old_code}).json()["outcome"] == "valid"
    assert guard.post(f"{SLIPS}/scan", json={"code": short_code_of(old_code)}).json()["outcome"] == "valid"
    clock.advance(days=1)
    assert guard.post(f"{SLIPS}/scan", json={"code": old_code}).json()["outcome"] == "expired"
