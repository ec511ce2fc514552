"""Machine-room visitor passes: the pool, PIN-signed sign-outs, returns and the 09:00 reconciliation."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from email.message import EmailMessage

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp, build_app
from kiosk.config import Config, ConfigError
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter, MemoryEncoder
from kiosk.domain.errors import ValidationError
from kiosk.domain.machine_room_pass import DiscrepancyKind, PassStatus, ReconciliationDue
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.services.machine_room_passes import PassVisitor, SupervisorAlert
from kiosk.services.staff import SignedIn
from kiosk.services.supervisor_alerts import MailSupervisorAlerter
from kiosk.storage.models import AuditEvent, PassLoanItem
from tests.conftest import FixedClock

PIN = "135790"
DESK = Actor("staff", "clerk")
ID = "11010519491231002X"


def shanghai(day: int, hour: int, minute: int = 0) -> datetime:
    # November 2026: the 20th is a Friday, the 23rd a Monday.
    return datetime(2026, 11, day, hour - 8, minute, tzinfo=UTC)


@pytest.fixture
def people(app: KioskApp) -> dict[str, SignedIn]:
    admin = Actor("staff", "admin")
    for username, role in (
        ("clerk", Role.RECEPTIONIST),
        ("guard", Role.GUARD),
        ("engineer", Role.SALES),
        ("boss", Role.SUPERVISOR),
    ):
        app.staff.add(username, username.title(), role, PIN, admin)
    return {u: app.staff.sign_in(u, PIN) for u in ("clerk", "guard", "engineer", "boss")}


def audit_actions(app: KioskApp) -> list[str]:
    with app.database.sessions() as session:
        return [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def sign_out(app: KioskApp, *numbers: str, pin: str = PIN) -> int:
    visitors = [PassVisitor(f"访客{chr(0x4E00 + n)}", "蓝海数据") for n in range(len(numbers))]
    return app.machine_room_passes.sign_out(numbers, visitors, "engineer", pin, DESK).loan_id


def test_passes_go_out_against_a_pin_signature_and_come_back(
    app: KioskApp, people: dict[str, SignedIn]
) -> None:
    service = app.machine_room_passes
    assert service.add_passes(["P001", "p002", "P003"], DESK) == ("P001", "P002", "P003")
    receipt = service.sign_out(
        ["P001", "P002"],
        [PassVisitor("张三", "蓝海数据", "resident_id", ID), PassVisitor("Emily Carter", "Acme")],
        "engineer",
        PIN,
        DESK,
    )
    assert receipt.count == 2 and receipt.signed_by == "Engineer"
    pool = {p.number: p for p in service.pool()}
    assert pool["P001"].status is PassStatus.OUT and pool["P001"].id_masked == "**************002X"
    assert pool["P001"].loan_id == receipt.loan_id
    assert pool["P003"].status is PassStatus.IN
    with app.database.sessions() as session:
        item = session.scalars(select(PassLoanItem).where(PassLoanItem.pass_number == "P001")).one()
        assert item.id_last_four == "002X" and ID not in repr(item.id_sealed)
    with pytest.raises(ValidationError) as taken:
        sign_out(app, "P002")
    assert taken.value.code == "already_out"
    outcome = service.return_passes(["P001", "P002", "P003"], DESK)
    assert outcome.matched == ("P001", "P002") and outcome.stray == ("P003",)
    assert all(p.status is PassStatus.IN for p in service.pool())
    actions = audit_actions(app)
    assert "staff.pass_signature" in actions and "pass_loan.signed_out" in actions
    assert actions.count("pass_loan.returned") == 2 and "machine_room_pass.returned_unrecorded" in actions
    assert not any(ID in e for e in _audit_details(app))


def _audit_details(app: KioskApp) -> list[str]:
    with app.database.sessions() as session:
        return [e.detail for e in session.scalars(select(AuditEvent))]


def test_a_wrong_pin_refuses_and_five_lock_the_signer(app: KioskApp, people: dict[str, SignedIn]) -> None:
    app.machine_room_passes.add_passes(["P001"], DESK)
    for _ in range(4):
        with pytest.raises(ValidationError) as wrong:
            sign_out(app, "P001", pin="000000")
        assert wrong.value.code == "invalid"
    with pytest.raises(ValidationError) as locked:
        sign_out(app, "P001", pin="000000")
    assert locked.value.code == "locked"
    with pytest.raises(ValidationError) as still:
        sign_out(app, "P001")  # the right PIN, but locked
    assert still.value.code == "locked"
    assert app.machine_room_passes.pool()[0].status is PassStatus.IN
    assert audit_actions(app).count("staff.pass_signature_refused") == 6


def test_counts_and_retired_passes_are_refused(app: KioskApp, people: dict[str, SignedIn]) -> None:
    service = app.machine_room_passes
    service.add_passes(["P001", "P002"], DESK)
    with pytest.raises(ValidationError) as mismatch:
        service.sign_out(["P001", "P002"], [PassVisitor("张三")], "engineer", PIN, DESK)
    assert mismatch.value.code == "count_mismatch"
    service.retire("P002", "遗失", DESK)
    with pytest.raises(ValidationError) as retired:
        sign_out(app, "P002")
    assert retired.value.code == "retired"
    with pytest.raises(ValidationError) as again:
        service.add_passes(["P002"], DESK)
    assert again.value.code == "taken"  # a number is never reused


def test_monday_covers_friday_to_sunday_and_lists_every_discrepancy(
    app: KioskApp, clock: FixedClock, people: dict[str, SignedIn], printer: FakePrinter
) -> None:
    service = app.machine_room_passes
    service.add_passes([f"P{n:03d}" for n in range(1, 8)], DESK)
    clock._now = shanghai(19, 16)  # Thursday: not in Monday's sheet
    sign_out(app, "P007")
    clock._now = shanghai(20, 10)  # Friday
    sign_out(app, "P001", "P002")
    clock._now = shanghai(21, 11)  # Saturday
    sign_out(app, "P003")
    service.return_passes(["P001", "P003", "P005"], DESK)  # P005 never went out
    clock._now = shanghai(22, 23, 59)  # Sunday, late
    sign_out(app, "P004")
    clock._now = shanghai(23, 8, 30)  # Monday, before 09:00
    service.return_passes(["P004"], DESK)
    assert service.due_state() is ReconciliationDue.UPCOMING
    clock._now = shanghai(23, 9, 5)
    assert service.due_state() is ReconciliationDue.DUE
    preview = service.reconciliation()
    assert (preview.sheet.period_start, preview.sheet.period_end) == (date(2026, 11, 20), date(2026, 11, 22))
    assert preview.sheet.issued == ("P001", "P002", "P003", "P004")
    assert preview.sheet.returned == ("P001", "P003", "P004", "P005")
    assert not preview.frozen
    kinds = {(d.kind, d.pass_number) for d in preview.discrepancies}
    assert kinds == {(DiscrepancyKind.NOT_RETURNED, "P002"), (DiscrepancyKind.NOT_RECORDED_OUT, "P005")}

    alerts: list[SupervisorAlert] = []
    service.alerters.append(alerts.append)
    signed = service.sign_as_guard("guard", PIN, 3, people["clerk"], "zh_CN")
    assert signed.frozen and not signed.complete
    assert {d.kind for d in signed.discrepancies} == set(DiscrepancyKind)  # 3 counted, 4 issued
    assert len(alerts) == 1 and len(alerts[0].discrepancies) == 3
    documents = len(printer.documents)
    done = service.sign_as_desk(people["clerk"], "zh_CN")
    assert done.complete and service.due_state() is ReconciliationDue.DONE
    assert len(printer.documents) == documents + 1
    text = "\n".join(parse_escpos(printer.documents[-1]).text_lines())
    assert "机房访客证核对表" in text and "2026-11-20 ~ 2026-11-22" in text
    assert "P002" in text and "P005" in text and "核对结果：不符" in text
    assert "Guard" in text and "Clerk" in text and "保安清点" in text
    board = service.board_state()
    assert board.open_discrepancies == 3 and board.oldest_open == date(2026, 11, 23)
    actions = audit_actions(app)
    for action in (
        "staff.reconciliation_signature",
        "pass_reconciliation.frozen",
        "pass_reconciliation.guard_signed",
        "pass_reconciliation.supervisor_alerted",
        "pass_reconciliation.desk_signed",
        "pass_reconciliation.completed",
        "print_job.printed",
    ):
        assert action in actions, action

    open_ones = service.discrepancies()
    with pytest.raises(ValidationError) as not_boss:
        service.resolve(open_ones[0].discrepancy_id or 0, "找到了", people["clerk"])
    assert not_boss.value.code == "not_allowed"
    with pytest.raises(ValidationError) as no_note:
        service.resolve(open_ones[0].discrepancy_id or 0, "  ", people["boss"])
    assert no_note.value.code == "required"
    for found in open_ones:
        service.resolve(found.discrepancy_id or 0, "访客带走，已电话追回", people["boss"])
    assert service.board_state().open_discrepancies == 0
    resolved = service.discrepancies(include_resolved=True)
    assert {d.resolved_by for d in resolved} == {"staff:boss"}
    # Each resolution is on the trail, without the supervisor's words (they may name the visitor).
    details = _audit_details(app)
    assert len([d for d in details if '"kind": "' in d and '"pass_number"' in d]) == 3
    assert not [d for d in details if "已电话追回" in d]


def test_a_weekday_covers_the_day_before_and_a_balanced_sheet_alerts_nobody(
    app: KioskApp, clock: FixedClock, people: dict[str, SignedIn]
) -> None:
    service = app.machine_room_passes
    service.add_passes(["P001", "P002"], DESK)
    clock._now = shanghai(23, 10)  # Monday: in Tuesday's sheet only
    sign_out(app, "P001")
    clock._now = shanghai(24, 10)
    sign_out(app, "P002")
    service.return_passes(["P002"], DESK)
    clock._now = shanghai(25, 9, 0)  # Wednesday 09:00
    alerts: list[SupervisorAlert] = []
    service.alerters.append(alerts.append)
    service.sign_as_desk(people["clerk"])
    view = service.sign_as_guard("guard", PIN, 1, people["clerk"])
    assert view.sheet.issued == ("P002",) and view.sheet.balanced and view.discrepancies == ()
    assert alerts == [] and service.board_state().open_discrepancies == 0


def test_the_guard_signature_is_checked(
    app: KioskApp, clock: FixedClock, people: dict[str, SignedIn]
) -> None:
    service = app.machine_room_passes
    with pytest.raises(ValidationError) as not_guard:
        service.sign_as_guard("engineer", PIN, 0, people["clerk"])
    assert not_guard.value.code == "not_a_guard"
    with pytest.raises(ValidationError) as wrong_pin:
        service.sign_as_guard("guard", "999999", 0, people["clerk"])
    assert wrong_pin.value.code == "invalid"
    with pytest.raises(ValidationError) as cannot:
        service.sign_as_desk(people["guard"])
    assert cannot.value.code == "not_allowed"
    assert service.reconciliation().frozen is False
    assert "pass_reconciliation.guard_signature_refused" in audit_actions(app)
    clock._now = shanghai(28, 10)  # Saturday
    assert service.due_state() is ReconciliationDue.NOT_TODAY
    with pytest.raises(ValidationError) as weekend:
        service.sign_as_desk(people["clerk"])
    assert weekend.value.code == "not_a_working_day"


def test_the_supervisor_is_mailed_and_a_failing_mail_stops_nothing(
    app: KioskApp, clock: FixedClock, people: dict[str, SignedIn]
) -> None:
    service = app.machine_room_passes
    sent: list[EmailMessage] = []

    def mail_server_down(_alert: SupervisorAlert) -> None:
        raise ConnectionError("mail server down")

    service.alerters += [
        mail_server_down,
        MailSupervisorAlerter(sent.append, "示例大厦", "lobby@example.com", "boss@example.com"),
    ]
    service.add_passes(["P001"], DESK)
    clock._now = shanghai(24, 10)
    app.machine_room_passes.sign_out(
        ["P001"], [PassVisitor("张三", "蓝海数据", "resident_id", ID)], "engineer", PIN, DESK
    )
    clock._now = shanghai(25, 9, 10)
    assert service.sign_as_desk(people["clerk"]).frozen
    assert len(sent) == 1 and sent[0]["To"] == "boss@example.com"
    assert "2026-11-25" in sent[0]["Subject"]
    body = sent[0].get_content()
    assert "未收回 / not returned: P001" in body and ID not in body
    assert "张三，领用人：Engineer / 张三, signed out by Engineer" in body  # both languages, as the rest
    assert service.board_state().open_discrepancies == 1


def test_a_supervisor_address_needs_a_mail_server(config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    """Refused before the database is opened: nothing is left open behind the error (it was,
    and the tests' PostgreSQL database then had a session nobody closed)."""
    import kiosk.app

    opened: list[object] = []
    monkeypatch.setattr(kiosk.app, "open_site_database", lambda *args: opened.append(args))
    for key in ("supervisor_email", "manager_email"):
        with pytest.raises(ConfigError) as error:
            build_app(
                replace(config, **{key: "boss@example.com"}), printer=FakePrinter(), encoder=MemoryEncoder()
            )
        assert error.value.key == f"desk.{key}"
    assert opened == []


def test_nothing_is_due_before_the_first_pass_or_after_a_day_without_passes(
    app: KioskApp, clock: FixedClock, people: dict[str, SignedIn]
) -> None:
    service = app.machine_room_passes
    clock._now = shanghai(25, 10)  # a Wednesday past 09:00, on a new site
    assert service.due_state() is ReconciliationDue.NOTHING
    assert service.board_state().due is ReconciliationDue.NOTHING
    service.add_passes(["P001", "P002"], DESK)  # a pool, but no pass out yet: still nothing owed
    assert service.due_state() is ReconciliationDue.NOTHING
    sign_out(app, "P001")
    clock._now = shanghai(26, 8, 30)  # Thursday: yesterday's pass is owed, at 09:00
    assert service.due_state() is ReconciliationDue.UPCOMING
    clock._now = shanghai(26, 9, 30)
    assert service.due_state() is ReconciliationDue.DUE
    # A pass handed back without a record is something to reconcile too.
    clock._now = shanghai(27, 11)  # Friday: nothing went out on Thursday
    assert service.due_state() is ReconciliationDue.NOTHING
    service.return_passes(["P002"], DESK)  # never signed out
    clock._now = shanghai(30, 9, 30)  # Monday covers Friday to Sunday
    assert service.due_state() is ReconciliationDue.DUE
    # An empty sheet can still be signed; once both have, it is done.
    clock._now = shanghai(26, 12)
    service.sign_as_desk(people["clerk"])
    assert service.due_state() is ReconciliationDue.DUE  # begun: owed until both have signed
