"""Machine-room passes at the console, as the desk works them: sign out with a PIN signature,
return, and the weekday 09:00 reconciliation with the duty guard, refusals included."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QSpinBox, QTableView, QTabWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.machine_room_pass import DiscrepancyKind
from kiosk.domain.staff import Role
from kiosk.domain.views import PassVisitor
from kiosk.services.audit import Actor
from kiosk.storage.models import AuditEvent, PassDiscrepancy
from kiosk.ui.common.i18n import set_language
from kiosk.ui.console.desk_window import DeskWindow
from tests.conftest import FixedClock
from tests.ui.conftest import STAFF_PIN, open_desk, refresh_board, type_text
from tests.ui.test_kiosk_window import find, tap

ID = "11010519491231002X"


def staff(app: KioskApp, username: str, role: Role) -> None:
    app.staff.add(username, username.title(), role, STAFF_PIN, Actor("staff", "admin"))


def shows(qtbot: QtBot, read: Callable[[], object], expected: object) -> None:
    """Wait until ``read()`` gives ``expected``, as a clerk waits for the server's answer."""

    def check() -> None:
        assert read() == expected

    qtbot.waitUntil(check, timeout=5000)


def says(qtbot: QtBot, desk: DeskWindow, expected: str) -> None:
    shows(qtbot, find(desk, QLabel, "passStatus").text, expected)


def passes_page(desk: DeskWindow, tab: int) -> None:
    desk.show_section("machine_room_passes")
    find(desk, QTabWidget, "passTabs").setCurrentIndex(tab)


def pick(qtbot: QtBot, desk: DeskWindow, *numbers: str) -> None:
    """Tap passes in the drawer list (several can be picked), once the server has listed them."""
    drawer = find(desk, QListWidget, "passAvailableList")
    shows(qtbot, lambda: all(drawer.findItems(n, Qt.MatchFlag.MatchExactly) for n in numbers), True)
    for number in numbers:
        item = drawer.findItems(number, Qt.MatchFlag.MatchExactly)[0]
        qtbot.mouseClick(
            drawer.viewport(), Qt.MouseButton.LeftButton, pos=drawer.visualItemRect(item).center()
        )


def add_visitor(qtbot: QtBot, desk: DeskWindow, name: str, company: str, id_number: str = "") -> None:
    type_text(qtbot, find(desk, QLineEdit, "passVisitorNameEdit"), name)
    type_text(qtbot, find(desk, QLineEdit, "passVisitorCompanyEdit"), company)
    if id_number:
        type_text(qtbot, find(desk, QLineEdit, "passVisitorIdEdit"), id_number)
    tap(qtbot, desk, "passAddVisitorButton")


def sign(qtbot: QtBot, desk: DeskWindow, username: str, pin: str) -> None:
    """The signer types their staff number (kept after a refusal) and their PIN."""
    signer = find(desk, QLineEdit, "passSignerEdit")
    if signer.text() != username:
        signer.clear()
        type_text(qtbot, signer, username)
    type_text(qtbot, find(desk, QLineEdit, "passSignerPinEdit"), pin)
    tap(qtbot, desk, "passSignOutButton")


def audit(app: KioskApp) -> list[tuple[str, str]]:
    with app.database.sessions() as session:
        return [(e.actor, e.action) for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def cells(table: QTableView, column: int) -> list[str]:
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_desk_adds_passes_signs_them_out_and_checks_them_back_in(qtbot: QtBot, app: KioskApp) -> None:
    staff(app, "engineer", Role.SALES)
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    passes_page(desk, 1)
    type_text(qtbot, find(desk, QLineEdit, "passAddNumbersEdit"), "P001-P003")
    tap(qtbot, desk, "passAddButton")
    status = find(desk, QLabel, "passStatus")
    says(qtbot, desk, "3 passes added to the pool.")
    passes_page(desk, 0)
    pick(qtbot, desk, "P001", "P002")
    add_visitor(qtbot, desk, "张三", "蓝海数据", ID)
    assert find(desk, QLabel, "passCountLabel").text() == "2 passes for 1 visitors — one pass per visitor"
    sign(qtbot, desk, "engineer", STAFF_PIN)
    says(qtbot, desk, "2 passes picked for 1 visitors: one pass per visitor.")
    add_visitor(qtbot, desk, "Emily Carter", "Acme Data")
    assert find(desk, QListWidget, "passVisitorList").item(0).text() == "张三 · 蓝海数据 · **************002X"
    sign(qtbot, desk, "engineer", STAFF_PIN)
    shows(qtbot, lambda: status.text().startswith("Signed out by Engineer: 2 passes (P001, P002)."), True)
    drawer = find(desk, QListWidget, "passAvailableList")
    shows(qtbot, lambda: [drawer.item(n).text() for n in range(drawer.count())], ["P003"])
    pool = find(desk, QTableView, "passPoolTable")
    assert cells(pool, 1) == ["Out", "Out", "In the drawer"]
    assert cells(pool, 4)[:2] == ["**************002X", ""]  # never the full number
    assert find(desk, QLabel, "passPoolSummary").text() == "1 in the drawer, 2 out, 0 retired"

    type_text(qtbot, find(desk, QLineEdit, "passReturnEdit"), "P001, P003")
    tap(qtbot, desk, "passReturnButton")
    says(
        qtbot,
        desk,
        "Checked in: P001. Never signed out: P003 — taken back and listed for the reconciliation.",
    )
    shows(qtbot, lambda: cells(pool, 1), ["In the drawer", "Out", "In the drawer"])
    passes_page(desk, 1)
    pool.selectRow(2)
    tap(qtbot, desk, "passRetireButton")
    says(qtbot, desk, "Please give the reason.")
    type_text(qtbot, find(desk, QLineEdit, "passRetireReasonEdit"), "损坏")
    tap(qtbot, desk, "passRetireButton")
    says(qtbot, desk, "Pass P003 retired.")
    shows(qtbot, lambda: cells(pool, 1)[2], "Retired")
    actions = audit(app)
    for expected in (
        ("staff:receptionist", "machine_room_pass.added"),
        ("staff:engineer", "staff.pass_signature"),
        ("staff:receptionist", "pass_loan.signed_out"),
        ("staff:receptionist", "pass_loan.returned"),
        ("staff:receptionist", "machine_room_pass.returned_unrecorded"),
        ("staff:receptionist", "machine_room_pass.retired"),
    ):
        assert expected in actions, expected


def test_a_wrong_pin_signs_nothing(qtbot: QtBot, app: KioskApp) -> None:
    staff(app, "engineer", Role.SALES)
    app.machine_room_passes.add_passes(["P001"], Actor("staff", "admin"))
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    passes_page(desk, 0)
    pick(qtbot, desk, "P001")
    add_visitor(qtbot, desk, "张三", "蓝海数据")
    sign(qtbot, desk, "engineer", "999999")
    says(qtbot, desk, "Staff number or PIN is wrong: nothing was signed.")
    assert find(desk, QLineEdit, "passSignerPinEdit").text() == ""
    assert find(desk, QListWidget, "passAvailableList").count() == 1
    assert ("staff:engineer", "staff.pass_signature_refused") in audit(app)
    assert not any(action == "pass_loan.signed_out" for _actor, action in audit(app))
    sign_button = desk.machine_room_passes.sign_out_button
    for _ in range(4):  # five wrong signatures lock the signer's account, as at sign-in
        sign(qtbot, desk, "engineer", "999999")
        shows(qtbot, sign_button.isEnabled, True)  # answered
    sign(qtbot, desk, "engineer", STAFF_PIN)
    says(qtbot, desk, "Too many wrong tries: this account is locked for 15 minutes.")
    assert find(desk, QListWidget, "passAvailableList").count() == 1


def test_roles_without_the_passes_do_not_get_them(qtbot: QtBot, app: KioskApp) -> None:
    assert "machine_room_passes" not in open_desk(qtbot, app, Role.GUARD).sections()
    assert "machine_room_passes" not in open_desk(qtbot, app, Role.SALES).sections()
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    passes_page(desk, 2)
    assert not find(desk, QLabel, "passStatus").text()
    resolve = desk.findChild(type(desk.machine_room_passes.resolve_button), "resolveButton")
    assert resolve is not None and not resolve.isEnabled()  # only a supervisor resolves


def test_reconciliation_with_a_missing_pass_alerts_the_supervisor_until_resolved(
    qtbot: QtBot, app: KioskApp, clock: FixedClock, printer: FakePrinter
) -> None:
    desk_actor = Actor("staff", "receptionist")
    staff(app, "engineer", Role.SALES)
    staff(app, "guard", Role.GUARD)
    service = app.machine_room_passes
    service.add_passes(["P001", "P002", "P003"], desk_actor)
    clock._now = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # Tuesday 10:00 in Shanghai
    visitors = [PassVisitor("张三", "蓝海数据"), PassVisitor("李四", "蓝海数据")]
    service.sign_out(["P001", "P002"], visitors, "engineer", STAFF_PIN, desk_actor)
    service.return_passes(["P002"], desk_actor)
    clock._now = datetime(2026, 11, 25, 1, 30, tzinfo=UTC)  # Wednesday 09:30: due

    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    refresh_board(qtbot, desk)
    alert = find(desk, QLabel, "boardAlertLabel")
    assert alert.isVisible() and alert.text() == "Machine-room pass reconciliation is due (09:00)."
    passes_page(desk, 2)
    due = find(desk, QLabel, "reconciliationDueLabel")
    shows(qtbot, due.text, "DUE NOW: reconcile the passes of 2026-11-24 with the machine-room duty guard.")
    sheet = find(desk, QLabel, "reconciliationSheetLabel").text()
    assert "Issued: 2 — P001, P002" in sheet and "Returned: 1 — P002" in sheet
    table = find(desk, QTableView, "discrepancyTable")
    assert cells(table, 1) == ["Not returned"] and cells(table, 2) == ["P001"]
    status = find(desk, QLabel, "passStatus")

    # Someone who is not a duty guard cannot countersign.
    type_text(qtbot, find(desk, QLineEdit, "guardUserEdit"), "engineer")
    type_text(qtbot, find(desk, QLineEdit, "guardPinEdit"), STAFF_PIN)
    tap(qtbot, desk, "guardSignButton")
    qtbot.waitUntil(lambda: "cannot countersign" in status.text(), timeout=5000)
    assert ("staff:engineer", "pass_reconciliation.guard_signature_refused") in audit(app)

    find(desk, QLineEdit, "guardUserEdit").clear()
    type_text(qtbot, find(desk, QLineEdit, "guardUserEdit"), "guard")
    type_text(qtbot, find(desk, QLineEdit, "guardPinEdit"), STAFF_PIN)
    spin = find(desk, QSpinBox, "guardCountSpin")
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "2")
    tap(qtbot, desk, "guardSignButton")
    qtbot.waitUntil(lambda: status.text().startswith("Signed."), timeout=5000)
    assert "1 discrepancies: the supervisor has been alerted." in status.text()
    printed = len(printer.documents)
    tap(qtbot, desk, "deskSignButton")
    qtbot.waitUntil(lambda: status.text().startswith("Both have signed"), timeout=5000)
    assert len(printer.documents) == printed + 1  # printed at this desk before it said so
    text = parse_escpos(printer.documents[-1]).text_lines()
    assert "PASS RECONCILIATION" in text
    assert text[text.index(next(line for line in text if line.startswith("Not returned"))) + 1] == "P001"
    assert any(line.startswith("Result: DISCREPANCY") for line in text)
    assert any(line.startswith("Signed with PIN") and line.endswith("Guard") for line in text)
    assert any(line.startswith("Signed with PIN") and line.endswith("Receptionist") for line in text)
    shows(qtbot, due.text, "The passes of 2026-11-24 are reconciled: signed by both and printed.")
    tap(qtbot, desk, "reconciliationPrintButton")
    qtbot.waitUntil(lambda: len(printer.documents) == printed + 2, timeout=5000)
    assert "副本 / COPY" in parse_escpos(printer.documents[-1]).text_lines()

    refresh_board(qtbot, desk)
    assert alert.text() == (
        "Machine-room passes: 1 unresolved discrepancies (reconciled on 2026-11-25); the supervisor is alerted."
    )
    actions = audit(app)
    for expected in (
        ("staff:guard", "pass_reconciliation.guard_signed"),
        ("staff:guard", "pass_reconciliation.supervisor_alerted"),
        ("staff:receptionist", "pass_reconciliation.desk_signed"),
        ("staff:receptionist", "print_job.printed"),
        ("staff:receptionist", "print_job.reprinted"),
    ):
        assert expected in actions, expected

    boss = open_desk(qtbot, app, Role.SUPERVISOR)
    refresh_board(qtbot, boss)
    assert find(boss, QLabel, "boardAlertLabel").isVisible()
    passes_page(boss, 2)
    boss_table = find(boss, QTableView, "discrepancyTable")
    shows(qtbot, boss_table.model().rowCount, 1)
    boss_table.selectRow(0)
    tap(qtbot, boss, "resolveButton")
    says(qtbot, boss, "Write what was found out first.")
    type_text(qtbot, find(boss, QLineEdit, "resolveNoteEdit"), "访客误带走，已电话追回")
    tap(qtbot, boss, "resolveButton")
    says(qtbot, boss, "Resolved.")
    shows(
        qtbot,
        lambda: cells(boss_table, 4)[0].endswith("Supervisor (Supervisor): 访客误带走，已电话追回"),
        True,
    )
    refresh_board(qtbot, boss)
    assert not find(boss, QLabel, "boardAlertLabel").isVisible()
    assert ("staff:supervisor", "pass_discrepancy.resolved") in audit(app)


def test_discrepancy_details_read_in_the_console_language(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    """Field test (issue 12, item 11): a discrepancy's detail read "(signed by wang)" in English in
    the Chinese console. The service keeps the details as data, the table words them; a row stored
    before reads as it was written."""
    app.staff.add("zhaolei", "赵磊", Role.SALES, STAFF_PIN, Actor("staff", "admin"))
    app.staff.add("wangfang", "王芳", Role.RECEPTIONIST, STAFF_PIN, Actor("staff", "admin"))
    staff(app, "guard", Role.GUARD)
    clerk = Actor("staff", "wangfang")
    service = app.machine_room_passes
    service.add_passes(["P001", "P002", "P003"], clerk)
    clock._now = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # Tuesday 10:00 in Shanghai
    service.sign_out(["P001"], [PassVisitor("张三", "蓝海数据")], "zhaolei", STAFF_PIN, clerk)
    clock._now = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)  # 15:30: a pass nobody signed out
    service.return_passes(["P003"], clerk)
    clock._now = datetime(2026, 11, 25, 1, 30, tzinfo=UTC)  # Wednesday 09:30

    set_language("zh_CN")
    desk = open_desk(qtbot, app, Role.RECEPTIONIST, "wangfang")
    passes_page(desk, 2)
    table = find(desk, QTableView, "discrepancyTable")
    found = ["张三（领用人：赵磊）", "2026-11-24 15:30 归还，经手人：王芳（前台）"]
    shows(qtbot, lambda: cells(table, 3), found)  # the preview, before anyone signs

    type_text(qtbot, find(desk, QLineEdit, "guardUserEdit"), "guard")
    type_text(qtbot, find(desk, QLineEdit, "guardPinEdit"), STAFF_PIN)
    tap(qtbot, desk, "guardSignButton")  # the guard counted none: one was issued
    status = find(desk, QLabel, "passStatus")
    qtbot.waitUntil(lambda: table.model().rowCount() == 3, timeout=5000)
    assert status.property("error") is False
    assert cells(table, 3) == [*found, "发出 1 张，保安清点 0 张"]
    with app.database.sessions() as session:
        rows = session.scalars(select(PassDiscrepancy).order_by(PassDiscrepancy.id)).all()
        assert [json.loads(row.detail) for row in rows] == [
            {"visitor": "张三", "signed_by": "赵磊"},
            {"returned_at": "2026-11-24T07:30:00+00:00", "received_by": "staff:wangfang"},
            {"issued": 1, "counted": 0},
        ]
        # A row written before details were data.
        session.add(
            PassDiscrepancy(
                reconciliation_id=rows[0].reconciliation_id,
                kind=DiscrepancyKind.NOT_RETURNED,
                pass_number="P002",
                detail="李四 (signed by wang)",
                found_at=clock.now(),
            )
        )
        session.commit()
    desk.machine_room_passes.refresh()
    shows(qtbot, lambda: cells(table, 3)[-1], "李四 (signed by wang)")


def test_at_the_weekend_passes_are_lent_and_no_sheet_is_due(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    """A machine room is open on Saturday: the section showed nothing at all then (the server's
    board asked for a sheet that is only ever due Monday to Friday, and was refused)."""
    clock.advance(days=3)  # Saturday 2026-11-28, 10:00
    staff(app, "engineer", Role.SALES)
    app.machine_room_passes.add_passes(["P001", "P002"], Actor("staff", "admin"))
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    passes_page(desk, 0)
    shows(qtbot, find(desk, QLabel, "reconciliationDueLabel").text, "No reconciliation today (weekend).")
    pick(qtbot, desk, "P001")
    add_visitor(qtbot, desk, "张三", "蓝海数据")
    sign(qtbot, desk, "engineer", STAFF_PIN)
    shows(qtbot, lambda: find(desk, QLabel, "passStatus").text().startswith("Signed out by Engineer"), True)
    shows(qtbot, find(desk, QLabel, "passPoolSummary").text, "1 in the drawer, 1 out, 0 retired")
    assert not find(desk, QPushButton, "deskSignButton").isEnabled()
    assert not find(desk, QPushButton, "guardSignButton").isEnabled()
