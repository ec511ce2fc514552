"""Check-in through the services: request -> decision -> badge; holds, night mode, escalation."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.devices.interfaces import PrinterStatus
from kiosk.domain.errors import ValidationError
from kiosk.domain.views import CheckInRequest, CheckInResult
from kiosk.domain.visit import Approver, VisitorType, VisitStatus
from kiosk.domain.visitor import MOBILE_MAX_CHARS, PERMIT_MAX_CHARS
from kiosk.services.audit import Actor
from kiosk.services.checkin import WITHDRAWN_NOTE
from kiosk.services.host_contact import HostContact
from kiosk.services.pii import PiiVault, UnsealError
from kiosk.storage.models import AuditEvent, PrintJob, PrintJobStatus, Visit, WatchlistEntry
from tests.conftest import FixedClock

DESK = Actor.desk("front-desk")


def host_id(app: KioskApp, name: str) -> int:
    return next(h.host_id for h in app.directory.search(name) if h.name == name)


def request(app: KioskApp, name: str, host: str = "李四", **extra: object) -> CheckInRequest:
    return CheckInRequest(name, host_id(app, host), declaration_accepted=True, **extra)  # type: ignore[arg-type]


def check_in_and_approve(app: KioskApp, name: str, **extra: object) -> CheckInResult:
    pending = app.checkin.check_in(request(app, name, **extra), app.actor)
    return app.checkin.approve(pending.visit_id, DESK, Approver.DESK, "host phoned, agreed")


def audit_actions(app: KioskApp) -> list[tuple[str, str, str]]:
    with app.database.sessions() as session:
        return [
            (e.action, e.entity, e.entity_id)
            for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))
        ]


@dataclass
class RecordingNotifier:
    requests: list[tuple[int, str, str, HostContact]] = field(default_factory=list)
    broken: bool = False

    def request_decision(self, visit_id: int, visitor_name: str, company: str, host: HostContact) -> None:
        if self.broken:
            raise OSError("mail server down")
        self.requests.append((visit_id, visitor_name, company, host))


def test_visit_is_stored_waiting_for_the_host_who_is_asked(app: KioskApp, printer: FakePrinter) -> None:
    notifier = RecordingNotifier()
    app.checkin.notifiers.append(notifier)
    result = app.checkin.check_in(
        request(app, "  张三 ", "王芳", company="华南数据科技有限公司", purpose="机房巡检", party_size=2),
        app.actor,
    )
    assert (result.status, result.badge_number) == (VisitStatus.PENDING, None)
    assert printer.documents == []  # no badge before the host agrees
    [(visit_id, name, company, host)] = notifier.requests
    assert (visit_id, name, company, host.name) == (result.visit_id, "张三", "华南数据科技有限公司", "王芳")
    with app.database.sessions() as session:
        visit = session.get_one(Visit, result.visit_id)
        assert (visit.purpose, visit.party_size, visit.approver) == ("机房巡检", 2, Approver.HOST)
        assert visit.declaration_accepted_at == datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
    assert ("visit.requested", "visit", str(result.visit_id)) in audit_actions(app)


def test_approval_allocates_the_badge_and_prints_it(app: KioskApp, printer: FakePrinter) -> None:
    result = check_in_and_approve(app, "张三", company="华南数据科技有限公司")
    assert (result.status, result.badge_number, result.badge_printed) == (
        VisitStatus.ON_SITE,
        "V000001",
        True,
    )
    with app.database.sessions() as session:
        visit = session.get_one(Visit, result.visit_id)
        assert visit.valid_until is not None and visit.checked_in_at is not None
        assert visit.valid_until - visit.checked_in_at == timedelta(hours=8)
        assert (visit.decided_by, visit.decision_note) == ("desk:front-desk", "host phoned, agreed")
    printout = parse_escpos(printer.documents[0])
    text = "\n".join(printout.text_lines())
    for expected in ("张三", "华南数据科技有限公司", "李四", "V000001", "10:00"):
        assert expected in text
    [qr] = printout.qr_codes()  # signed for this visit (tests/server/test_codes_api.py)
    assert qr.startswith("LKV2-V000001-") and len(qr) == 29
    [row] = app.lobby.on_site()
    assert (row.visitor_name, row.badge_number, row.badge_printed) == ("张三", "V000001", True)
    assert ("visit.approved", "visit", str(result.visit_id)) in audit_actions(app)
    state = app.checkin.state(result.visit_id)
    assert (state.status, state.badge_status) == (VisitStatus.ON_SITE, PrintJobStatus.PRINTED)


def test_badge_numbers_follow_approvals_not_requests(app: KioskApp) -> None:
    first = app.checkin.check_in(request(app, "甲一"), app.actor)
    second = app.checkin.check_in(request(app, "乙二"), app.actor)
    app.checkin.decline(first.visit_id, DESK, "host is away")
    assert app.checkin.approve(second.visit_id, DESK, Approver.HOST).badge_number == "V000001"


def test_declined_visit_gets_no_badge_and_cannot_be_approved_after(
    app: KioskApp, printer: FakePrinter
) -> None:
    pending = app.checkin.check_in(request(app, "李雷"), app.actor)
    app.checkin.decline(pending.visit_id, DESK, "领导不愿会见")
    state = app.checkin.state(pending.visit_id)
    assert (state.status, state.decision_note) == (VisitStatus.DECLINED, "领导不愿会见")
    with pytest.raises(ValidationError) as info:
        app.checkin.approve(pending.visit_id, DESK, Approver.DESK)
    assert info.value.code == "already_decided"
    assert printer.documents == []


def test_watchlist_holds_by_name_and_company_silently(app: KioskApp, clock: FixedClock) -> None:
    notifier = RecordingNotifier()
    app.checkin.notifiers.append(notifier)
    with app.database.sessions.begin() as session:
        session.add(
            WatchlistEntry(
                name="王强", company="某某公司", reason="寻衅闹事", added_by="staff:1", added_at=clock.now()
            )
        )
    held = app.checkin.check_in(request(app, "王强", company="某某公司"), app.actor)
    assert held.status is VisitStatus.HELD
    assert notifier.requests == []  # the host is not told; staff come instead
    with pytest.raises(ValidationError) as info:
        app.checkin.approve(held.visit_id, DESK, Approver.DESK)
    assert info.value.code == "held"
    app.checkin.release_hold(
        held.visit_id, Actor("staff", "supervisor-1"), "identity checked, known issue settled"
    )
    assert app.checkin.approve(held.visit_id, DESK, Approver.DESK).status is VisitStatus.ON_SITE
    # Same name at another company is held too (tests/services/test_watchlist.py says why).
    assert (
        app.checkin.check_in(request(app, "王强", company="别的公司"), app.actor).status is VisitStatus.HELD
    )


def test_expired_watchlist_entries_do_not_hold(app: KioskApp, clock: FixedClock) -> None:
    with app.database.sessions.begin() as session:
        session.add(
            WatchlistEntry(
                name="王强",
                company="",
                reason="x",
                added_by="staff:1",
                added_at=clock.now(),
                until=clock.now(),
            )
        )
    assert app.checkin.check_in(request(app, "王强"), app.actor).status is VisitStatus.PENDING


def test_night_mode_needs_the_duty_officer(app: KioskApp, clock: FixedClock) -> None:
    notifier = RecordingNotifier()
    app.checkin.notifiers.append(notifier)
    clock.advance(hours=11)  # 21:00 in Shanghai
    pending = app.checkin.check_in(request(app, "夜归人"), app.actor)
    state = app.checkin.state(pending.visit_id)
    assert (state.status, state.approver) == (VisitStatus.PENDING, Approver.DUTY_OFFICER)
    assert notifier.requests == []
    clock.advance(hours=11)  # 08:00 next morning: day again
    assert (
        app.checkin.state(app.checkin.check_in(request(app, "早班"), app.actor).visit_id).approver
        is Approver.HOST
    )


def test_waiting_three_minutes_escalates_once(app: KioskApp, clock: FixedClock) -> None:
    pending = app.checkin.check_in(request(app, "等待者"), app.actor)
    clock.advance(minutes=2, seconds=59)
    assert app.checkin.escalate_overdue(DESK) == []
    clock.advance(seconds=1)
    assert app.checkin.escalate_overdue(DESK) == [pending.visit_id]
    assert app.checkin.escalate_overdue(DESK) == []
    assert ("visit.escalated", "visit", str(pending.visit_id)) in audit_actions(app)


def test_a_broken_notifier_does_not_lose_the_visit(app: KioskApp) -> None:
    app.checkin.notifiers.append(RecordingNotifier(broken=True))
    assert app.checkin.check_in(request(app, "张三"), app.actor).status is VisitStatus.PENDING


@pytest.mark.parametrize(
    ("extra", "field_code"),
    [
        ({"declaration_accepted": False}, ("declaration", "required")),
        ({"visitor_type": VisitorType.CONTRACTOR}, ("permit_number", "required")),
        ({"party_size": 0}, ("party_size", "out_of_range")),
        ({"party_size": 51}, ("party_size", "out_of_range")),
        ({"purpose": "很" * 101}, ("purpose", "too_long")),
        ({"id_type": "resident_id", "id_number": "110105194912310021"}, ("id_number", "check_digit")),
        ({"id_type": "passport", "id_number": "E12"}, ("id_number", "format_passport")),
    ],
)
def test_bad_input_is_refused_and_nothing_stored(
    app: KioskApp, extra: dict[str, object], field_code: tuple[str, str]
) -> None:
    base: dict[str, object] = {"declaration_accepted": True}
    base.update(extra)
    with pytest.raises(ValidationError) as info:
        app.checkin.check_in(CheckInRequest("张三", host_id(app, "李四"), **base), app.actor)  # type: ignore[arg-type]
    assert (info.value.field, info.value.code) == field_code
    with app.database.sessions() as session:
        assert session.scalars(select(Visit)).all() == []


def test_contractor_with_permit(app: KioskApp) -> None:
    result = app.checkin.check_in(
        request(app, "装修工", visitor_type=VisitorType.CONTRACTOR, permit_number="出入证 D-0031"), app.actor
    )
    with app.database.sessions() as session:
        visit = session.get_one(Visit, result.visit_id)
        assert (visit.visitor_type, visit.permit_number) == (VisitorType.CONTRACTOR, "出入证 D-0031")


def test_printer_offline_keeps_the_visit_and_the_job_for_the_desk(
    app: KioskApp, printer: FakePrinter
) -> None:
    printer.state = PrinterStatus.OFFLINE
    result = check_in_and_approve(app, "李雷")
    assert not result.badge_printed and result.print_error == "fake-printer: offline"
    [row] = app.lobby.on_site()
    assert row.visitor_name == "李雷" and row.badge_status is PrintJobStatus.FAILED
    with app.database.sessions() as session:
        job = session.scalars(select(PrintJob)).one()
        assert (job.status, job.attempts, job.printer) == (PrintJobStatus.FAILED, 1, None)
        failed = session.scalars(select(AuditEvent).where(AuditEvent.action == "print_job.failed")).one()
        assert json.loads(failed.detail)["error"] == "fake-printer: offline"

    printer.state = PrinterStatus.ONLINE
    outcome = app.lobby.print_badge_again(row.visit_id, app.actor)
    assert outcome.printed and outcome.printer == "fake-printer"
    assert len(printer.documents) == 1
    assert app.lobby.on_site()[0].badge_printed
    assert app.lobby.print_badge_again(row.visit_id, app.actor).printed
    assert "副本 / COPY" in parse_escpos(printer.documents[1]).text_lines()


def test_invalid_name_or_host_stores_nothing(app: KioskApp, printer: FakePrinter) -> None:
    with pytest.raises(ValidationError) as info:
        app.checkin.check_in(request(app, "\x1b@"), app.actor)
    assert (info.value.code, info.value.params) == ("invalid_character", {"char": "@"})
    with pytest.raises(ValidationError) as info:
        app.checkin.check_in(CheckInRequest("张三", 9999, declaration_accepted=True), app.actor)
    assert (info.value.field, info.value.code) == ("host", "unknown")
    with app.database.sessions() as session:
        assert session.scalars(select(Visit)).all() == []


def test_printer_commands_in_a_company_never_reach_the_printer(app: KioskApp, printer: FakePrinter) -> None:
    check_in_and_approve(app, "张三", company="\x1b@\x1dV Evil Co")
    data = printer.documents[0]
    assert data.count(b"\x1b@") == 1 and data.startswith(b"\x1b@")
    assert b"\x1dV Evil" not in data
    assert "@V Evil Co" in "\n".join(parse_escpos(data).text_lines())


def test_check_out_records_the_time_and_refuses_twice(app: KioskApp) -> None:
    result = check_in_and_approve(app, "韩梅梅")
    app.lobby.check_out(result.visit_id, app.actor)
    assert app.lobby.on_site() == []
    with pytest.raises(ValidationError) as info:
        app.lobby.check_out(result.visit_id, app.actor)
    assert info.value.code == "already_checked_out"
    assert ("visit.checked_out", "visit", str(result.visit_id)) in audit_actions(app)


ID = "11010519491231002X"


def test_id_number_is_kept_hashed_sealed_and_last_four_only(app: KioskApp) -> None:
    result = app.checkin.check_in(
        request(app, "张三", id_type="resident_id", id_number="1101 0519 4912 3100 2x"), app.actor
    )
    with app.database.sessions() as session:
        visit = session.get_one(Visit, result.visit_id)
        assert (visit.id_type, visit.id_last_four) == ("resident_id", "002X")
        assert visit.id_hash is not None and ID not in visit.id_hash
        assert visit.id_sealed is not None and ID.encode() not in visit.id_sealed
        vault = app.checkin.identity
        assert isinstance(vault, PiiVault)
        assert vault.unseal("resident_id", visit.id_sealed) == ID
        assert visit.id_hash == vault.lookup_hash("resident_id", ID.lower())
    # Nowhere in the database is the number in clear: in no value of any row of any table (on
    # either database), and, on SQLite, nowhere in its files (free pages, the WAL).
    stored = every_stored_value(app)
    assert any("002X" in value for value in stored if isinstance(value, str))  # the scan sees rows
    for value in stored:
        text = value.decode("latin-1") if isinstance(value, bytes) else value
        assert ID not in text.upper().replace(" ", "")
    app.database.engine.dispose()
    files = [p for p in app.config.data_dir.rglob("*") if p.is_file() and "keys" not in p.parts]
    assert any(p.suffix == ".db" for p in files) == (app.database.engine.dialect.name == "sqlite")
    for path in files:
        assert ID.encode() not in path.read_bytes()
        assert ID.encode("utf-16-le") not in path.read_bytes()


def every_stored_value(app: KioskApp) -> list[str | bytes]:
    """Every text and binary value in every table of the app's database, read back through SQL."""
    from sqlalchemy import MetaData

    tables = MetaData()
    tables.reflect(app.database.engine)
    found: list[str | bytes] = []
    with app.database.engine.connect() as conn:
        for table in tables.sorted_tables:
            for row in conn.execute(table.select()):
                found += [
                    v if isinstance(v, str) else bytes(v)
                    for v in row
                    if isinstance(v, str | bytes | memoryview)
                ]
    return found


def test_watchlist_matches_the_id_number_whatever_name_is_typed(app: KioskApp, clock: FixedClock) -> None:
    vault = app.checkin.identity
    assert isinstance(vault, PiiVault)
    with app.database.sessions.begin() as session:
        session.add(
            WatchlistEntry(
                name="王强",
                company="某某公司",
                id_hash=vault.lookup_hash("resident_id", ID),
                id_last_four="002X",
                reason="寻衅闹事",
                added_by="staff:1",
                added_at=clock.now(),
            )
        )
    alias = app.checkin.check_in(request(app, "王小强", id_type="resident_id", id_number=ID), app.actor)
    assert alias.status is VisitStatus.HELD
    # A namesake with another ID number is likely someone else, but a typed number proves
    # nothing: staff compare the card (tests/services/test_watchlist.py).
    other = "110105194912310046"
    namesake = app.checkin.check_in(
        request(app, "王强", company="某某公司", id_type="resident_id", id_number=other), app.actor
    )
    assert namesake.status is VisitStatus.HELD
    # Without an ID number, name + company still hold.
    assert (
        app.checkin.check_in(request(app, "王强", company="某某公司"), app.actor).status is VisitStatus.HELD
    )


def test_a_sealed_number_does_not_open_under_another_sites_key(app: KioskApp) -> None:
    from datetime import date

    vault = app.checkin.identity
    assert isinstance(vault, PiiVault)
    sealed = vault.protect("passport", "E12345678").sealed
    other = PiiVault(b"h" * 32, b"s" * 32, date.today)
    with pytest.raises(UnsealError):
        other.unseal("passport", sealed)
    with pytest.raises(UnsealError):
        vault.unseal("other", sealed)  # moved to another document type
    assert vault.unseal("passport", sealed) == "E12345678"


def test_an_evening_visitors_badge_ends_with_the_day(
    app: KioskApp, clock: FixedClock, printer: FakePrinter
) -> None:
    clock.advance(hours=11, minutes=39)  # 21:39 in Shanghai: 8 hours would run to 05:39 tomorrow
    pending = app.checkin.check_in(request(app, "晚到者"), app.actor)
    # Night duty's hours: the duty officer (物业总值) lets them in, not the desk.
    with pytest.raises(ValidationError, match="duty_officer"):
        app.checkin.approve(pending.visit_id, DESK, Approver.DESK, "host phoned, agreed")
    result = app.checkin.approve(pending.visit_id, DESK, Approver.DUTY_OFFICER, "物业总值同意")
    shanghai = ZoneInfo("Asia/Shanghai")
    with app.database.sessions() as session:
        visit = session.get_one(Visit, result.visit_id)
        assert visit.valid_until is not None
        assert visit.valid_until.astimezone(shanghai) == datetime(2026, 11, 25, 23, 59, tzinfo=shanghai)
    assert "2026-11-25 23:59" in "\n".join(parse_escpos(printer.documents[0]).text_lines())


def test_a_waiting_visitor_withdraws_and_nobody_can_let_them_in_after(app: KioskApp) -> None:
    pending = app.checkin.check_in(request(app, "韩梅梅"), app.actor)
    app.checkin.withdraw(pending.visit_id, app.actor)
    state = app.checkin.state(pending.visit_id)
    assert (state.status, state.decision_note) == (VisitStatus.DECLINED, WITHDRAWN_NOTE)
    assert app.lobby.waiting() == []
    assert ("visit.withdrawn", "visit", str(pending.visit_id)) in audit_actions(app)
    with app.database.sessions() as session:
        assert session.get_one(Visit, pending.visit_id).decided_by == app.actor.label
    with pytest.raises(ValidationError) as info:
        app.checkin.approve(pending.visit_id, DESK, Approver.HOST)  # the host's late e-mail link
    assert info.value.code == "already_decided"
    with pytest.raises(ValidationError) as info:
        app.checkin.withdraw(pending.visit_id, app.actor)
    assert info.value.code == "already_decided"


def test_a_watchlist_hold_cannot_be_withdrawn_from_the_kiosk(app: KioskApp, clock: FixedClock) -> None:
    with app.database.sessions.begin() as session:
        session.add(
            WatchlistEntry(
                name="王强", company="", reason="寻衅闹事", added_by="staff:1", added_at=clock.now()
            )
        )
    held = app.checkin.check_in(request(app, "王强"), app.actor)
    with pytest.raises(ValidationError) as info:
        app.checkin.withdraw(held.visit_id, app.actor)
    assert info.value.code == "held"
    assert app.checkin.state(held.visit_id).status is VisitStatus.HELD  # still on the board for staff


def test_the_waiting_state_names_the_host(app: KioskApp) -> None:
    state = app.checkin.state(app.checkin.check_in(request(app, "韩梅梅", "王芳"), app.actor).visit_id)
    assert (state.host_name, state.host_department) == ("王芳", "IDC运维部")


def test_field_limits_are_enforced_by_the_service_too(app: KioskApp) -> None:
    for extra, field_name in (
        (
            {"permit_number": "P" * (PERMIT_MAX_CHARS + 1), "visitor_type": VisitorType.CONTRACTOR},
            "permit_number",
        ),
        ({"mobile": "1" * (MOBILE_MAX_CHARS + 1)}, "mobile"),
        ({"mobile": "12345"}, "mobile"),
    ):
        with pytest.raises(ValidationError) as info:
            app.checkin.check_in(request(app, "韩梅梅", **extra), app.actor)
        assert info.value.field == field_name
