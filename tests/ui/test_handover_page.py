"""The shift handover at the console, as two clerks do it: the outgoing clerk's counts start from
the system, one count is wrong, the incoming clerk counts, notes the difference and signs with
their own PIN (a wrong PIN and their colleague's name are refused); the open issues reach the
lobby board until closed; the duty log."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QApplication,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.documents import ReceiptPurpose
from kiosk.domain.handover import HandoverItemKind
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.storage.models import AuditEvent, Handover, HandoverItem, OpenIssue
from kiosk.ui.common.background import wait_for_background
from kiosk.ui.common.i18n import set_language
from kiosk.ui.console.desk_window import DeskWindow
from tests.conftest import FixedClock
from tests.stations import serve
from tests.ui.conftest import STAFF_PIN, open_desk, refresh_board, type_text
from tests.ui.test_kiosk_window import find, tap


def audit(app: KioskApp) -> list[tuple[str, str, dict[str, object]]]:
    with app.database.sessions() as session:
        return [
            (e.actor, e.action, json.loads(e.detail) if e.detail else {})
            for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))
        ]


def cells(table: QTableView, column: int) -> list[str]:
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def tab(desk: DeskWindow, index: int) -> None:
    desk.show_section("handover")
    find(desk, QTabWidget, "handoverTabs").setCurrentIndex(index)


def retype(qtbot: QtBot, desk: DeskWindow, name: str, text: str) -> None:
    edit = find(desk, QLineEdit, name)
    edit.clear()
    type_text(qtbot, edit, text)


def spin(qtbot: QtBot, desk: DeskWindow, name: str, value: int) -> None:
    box = find(desk, QSpinBox, name)
    box.lineEdit().selectAll()
    type_text(qtbot, box.lineEdit(), str(value))
    assert box.value() == value


def shows(qtbot: QtBot, read: Callable[[], object], expected: object) -> None:
    """Wait until ``read()`` gives ``expected``, as a clerk waits for the server's answer."""

    def check() -> None:
        assert read() == expected

    qtbot.waitUntil(check, timeout=5000)


def settle() -> None:
    """Every answer the desk asked for is in and shown."""
    for _ in range(2):
        wait_for_background()
        QApplication.processEvents()


def elsewhere(app: KioskApp, *topics: str) -> None:
    """What the server tells every desk after money or passes moved at another one."""
    for topic in topics:
        serve(app)[0].events.publish(topic)


def says(qtbot: QtBot, desk: DeskWindow, expected: str) -> None:
    shows(qtbot, find(desk, QLabel, "handoverStatus").text, expected)


def incoming_signs(qtbot: QtBot, desk: DeskWindow, username: str, pin: str) -> None:
    retype(qtbot, desk, "handoverIncomingUserEdit", username)
    type_text(qtbot, find(desk, QLineEdit, "handoverIncomingPinEdit"), pin)
    tap(qtbot, desk, "handoverSignButton")


def test_a_handover_with_a_wrong_count_is_countersigned_and_its_issues_reach_the_board(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    app.staff.add("wang", "王芳", Role.RECEPTIONIST, STAFF_PIN, Actor("staff", "admin"))
    app.machine_room_passes.add_passes(["P001", "P002", "P003", "P004"], Actor("staff", "admin"))
    desk = open_desk(qtbot, app, Role.RECEPTIONIST, "lina")
    # Two deposits in cash taken this shift: the drawer's cash starts from them.
    desk.show_section("payments")
    app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, "张三", "C-1", 5000, Actor("staff", "lina"))
    app.payments.take_deposit(ReceiptPurpose.PASS_DEPOSIT, "李四", "P001", 10000, Actor("staff", "lina"))
    tab(desk, 0)
    status = find(desk, QLabel, "handoverStatus")
    tap(qtbot, desk, "handoverPrefillButton")
    shows(qtbot, find(desk, QLineEdit, "handoverCashEdit").text, "150.00")
    assert find(desk, QSpinBox, "handoverPassesSpin").value() == 4
    assert find(desk, QLabel, "handoverPrefillLabel").text().startswith("No earlier handover")

    # The clerk counts: 20 visitor cards, 3 keys; signing without the work done is refused.
    spin(qtbot, desk, "handoverCardsSpin", 20)
    spin(qtbot, desk, "handoverKeysSpin", 3)
    type_text(qtbot, find(desk, QLineEdit, "handoverKeysLabelEdit"), "301/302 会议室")
    type_text(qtbot, find(desk, QLineEdit, "handoverOutgoingPinEdit"), STAFF_PIN)
    tap(qtbot, desk, "handoverSubmitButton")
    says(qtbot, desk, "Write the work done this shift.")
    type_text(qtbot, find(desk, QPlainTextEdit, "handoverWorkEdit"), "登记访客 32 人；装修押金 2 笔")
    type_text(qtbot, find(desk, QPlainTextEdit, "handoverIssuesEdit"), "3-201 噪音投诉待回访")
    type_text(qtbot, find(desk, QPlainTextEdit, "handoverNotesEdit"), "打印纸剩一卷")
    type_text(qtbot, find(desk, QLineEdit, "handoverOutgoingPinEdit"), "000000")
    tap(qtbot, desk, "handoverSubmitButton")
    says(qtbot, desk, "Staff number or PIN is wrong: nothing was signed.")
    type_text(qtbot, find(desk, QLineEdit, "handoverOutgoingPinEdit"), STAFF_PIN)
    tap(qtbot, desk, "handoverSubmitButton")
    shows(qtbot, lambda: status.text().startswith("Handed over and signed."), True)
    assert find(desk, QTabWidget, "handoverTabs").currentIndex() == 1
    pending_label = find(desk, QLabel, "handoverPendingLabel")
    shows(qtbot, lambda: pending_label.text().startswith("Handed over by"), True)
    assert not find(desk, QPushButton, "handoverSubmitButton").isEnabled()  # one waits for a signature
    pending = pending_label.text()
    assert pending.startswith("Handed over by Lina at 11-25 10:00.") and "3-201 噪音投诉待回访" in pending
    items = find(desk, QTableView, "handoverItemsTable")
    assert cells(items, 1) == ["150.00", "20", "4", "0", "3"]
    assert cells(items, 0)[-1] == "Keys · 301/302 会议室"

    # The incoming clerk counts: 149.50 in the drawer, the rest as handed over.
    clock.advance(minutes=15)
    for name, text in (
        ("handoverCountedCashEdit", "149.5"),
        ("handoverCountedCardsEdit", "20"),
        ("handoverCountedPassesEdit", "4"),
        ("handoverCountedDecorationPassesEdit", "0"),
    ):
        retype(qtbot, desk, name, text)
    incoming_signs(qtbot, desk, "wang", STAFF_PIN)
    assert status.text() == "Count every item and type what you counted: Keys."
    retype(qtbot, desk, "handoverCountedKeysEdit", "3")
    incoming_signs(qtbot, desk, "wang", STAFF_PIN)
    says(qtbot, desk, "A count differs: write what is different and why.")
    type_text(qtbot, find(desk, QLineEdit, "handoverDiscrepancyEdit"), "现金少 0.5 元，已报主管")
    incoming_signs(qtbot, desk, "wang", "999999")
    says(qtbot, desk, "Staff number or PIN is wrong: nothing was signed.")
    incoming_signs(qtbot, desk, "lina", STAFF_PIN)
    says(qtbot, desk, "The incoming clerk must be someone else than the outgoing one.")
    incoming_signs(qtbot, desk, "wang", STAFF_PIN)
    says(qtbot, desk, "王芳 took over from Lina. 1 counts differ: noted and put on the board as open issues.")
    shows(qtbot, pending_label.text, "No handover is waiting for a signature.")

    with app.database.sessions() as session:
        record = session.scalars(select(Handover)).one()
        counted = {
            i.kind: (i.handed, i.counted)
            for i in session.scalars(select(HandoverItem).where(HandoverItem.handover_id == record.id))
        }
    assert (record.outgoing, record.incoming) == ("staff:lina", "staff:wang")
    assert record.outgoing_digest and record.incoming_digest and record.incoming_signed_at is not None
    assert record.discrepancy_note == "现金少 0.5 元，已报主管"
    assert counted[HandoverItemKind.CASH] == (15000, 14950)
    assert counted[HandoverItemKind.VISITOR_CARDS] == (20, 20)

    actions = [(actor, action) for actor, action, _ in audit(app)]
    for expected in (
        ("staff:lina", "staff.handover_sign_refused"),
        ("staff:lina", "handover.handed_over"),
        ("staff:wang", "staff.handover_sign_refused"),
        ("staff:wang", "staff.handover_sign"),
        ("staff:wang", "handover.signed"),
    ):
        assert expected in actions, expected
    signed = next(d for _a, action, d in audit(app) if action == "handover.signed")
    assert signed["mismatches"] == 1 and signed["digest"] == record.incoming_digest

    # Both open issues are on the lobby board until someone closes them.
    desk.show_section("board")
    refresh_board(qtbot, desk)
    alert = find(desk, QLabel, "boardAlertLabel")
    assert alert.isVisible()
    assert "Open handover issues (2):" in alert.text() and "• 3-201 噪音投诉待回访" in alert.text()
    assert "清点不符 Count mismatch: 现金 Cash 150.00 → 149.50." in alert.text()
    tab(desk, 2)
    issues = find(desk, QTableView, "handoverIssuesTable")
    shows(qtbot, lambda: cells(issues, 2)[:1], ["3-201 噪音投诉待回访"])
    issues.selectRow(0)
    type_text(qtbot, find(desk, QLineEdit, "handoverCloseNoteEdit"), "已回访")
    tap(qtbot, desk, "handoverCloseIssueButton")
    says(qtbot, desk, "Issue closed: 3-201 噪音投诉待回访")
    shows(qtbot, lambda: find(desk, QTabWidget, "handoverTabs").tabText(2), "Open issues (1)")
    with app.database.sessions() as session:
        closed = session.scalars(select(OpenIssue).where(OpenIssue.closed_at.is_not(None))).one()
    assert closed.closed_by == "staff:lina" and closed.closing_note == "已回访"
    refresh_board(qtbot, desk)
    assert "3-201" not in alert.text() and "Open handover issues (1):" in alert.text()

    # The next handover starts from what the incoming clerk counted.
    tab(desk, 0)
    shows(qtbot, find(desk, QLineEdit, "handoverCashEdit").text, "149.50")
    assert find(desk, QSpinBox, "handoverCardsSpin").value() == 20
    assert (
        find(desk, QLabel, "handoverPrefillLabel")
        .text()
        .startswith("Pre-filled from the handover of 11-25 10:15")
    )


def test_the_duty_log_records_an_incident(qtbot: QtBot, app: KioskApp, clock: FixedClock) -> None:
    desk = open_desk(qtbot, app, Role.GUARD, "guard")
    assert "handover" in desk.sections()
    tab(desk, 3)
    status = find(desk, QLabel, "handoverStatus")
    tap(qtbot, desk, "dutyAddButton")
    says(qtbot, desk, "Write where it happened.")
    find(desk, QDateTimeEdit, "dutyTimeEdit").setDateTime(
        QDateTime.fromString("2026-11-25 09:20", "yyyy-MM-dd HH:mm")
    )
    type_text(qtbot, find(desk, QLineEdit, "dutyPlaceEdit"), "B1 车库")
    type_text(qtbot, find(desk, QLineEdit, "dutyWhatEdit"), "消防栓漏水")
    type_text(qtbot, find(desk, QLineEdit, "dutyActionEdit"), "关阀，通知工程部")
    type_text(qtbot, find(desk, QLineEdit, "dutyPeopleEdit"), "维修工小刘")
    tap(qtbot, desk, "dutyAddButton")
    says(qtbot, desk, "Added to the duty log.")
    table = find(desk, QTableView, "dutyLogTable")
    shows(qtbot, table.model().rowCount, 1)
    assert [cells(table, c)[0] for c in range(6)] == [
        "11-25 09:20",
        "B1 车库",
        "消防栓漏水",
        "关阀，通知工程部",
        "维修工小刘",
        "Guard (Guard)",  # the person and their role, not the account name
    ]
    entry = app.handover.duty_log()[0]
    assert entry.occurred_at == clock.now().replace(hour=1, minute=20)  # 09:20 in Shanghai
    assert any(action == "duty_log.recorded" and actor == "staff:guard" for actor, action, _ in audit(app))
    # An incident cannot be written down before it happens.
    find(desk, QDateTimeEdit, "dutyTimeEdit").setDateTime(
        QDateTime.fromString("2026-11-25 13:00", "yyyy-MM-dd HH:mm")
    )
    type_text(qtbot, find(desk, QLineEdit, "dutyPlaceEdit"), "大堂")
    type_text(qtbot, find(desk, QLineEdit, "dutyWhatEdit"), "x")
    tap(qtbot, desk, "dutyAddButton")
    says(qtbot, desk, "The time of the incident is in the future.")
    assert status.property("error") is True
    assert len(app.handover.duty_log()) == 1


def test_a_sales_account_cannot_sign_a_handover(qtbot: QtBot, app: KioskApp) -> None:
    app.staff.add("sales", "销售乙", Role.SALES, STAFF_PIN, Actor("staff", "admin"))
    desk = open_desk(qtbot, app, Role.RECEPTIONIST, "lina")
    tab(desk, 0)
    shows(qtbot, find(desk, QLineEdit, "handoverCashEdit").text, "0.00")  # the counts are in
    type_text(qtbot, find(desk, QPlainTextEdit, "handoverWorkEdit"), "登记访客")
    type_text(qtbot, find(desk, QLineEdit, "handoverOutgoingPinEdit"), STAFF_PIN)
    tap(qtbot, desk, "handoverSubmitButton")
    shows(qtbot, find(desk, QPushButton, "handoverSignButton").isEnabled, True)  # it waits for a signature
    for name in ("handoverCountedCashEdit", "handoverCountedCardsEdit", "handoverCountedPassesEdit"):
        retype(qtbot, desk, name, "0")
    retype(qtbot, desk, "handoverCountedDecorationPassesEdit", "0")
    retype(qtbot, desk, "handoverCountedKeysEdit", "0")
    incoming_signs(qtbot, desk, "sales", STAFF_PIN)
    says(qtbot, desk, "This staff member does not do shift handovers.")
    assert app.handover.pending() is not None
    assert ("staff:sales", "handover.sign_refused") in [(a, act) for a, act, _ in audit(app)]
    # The sales account does not see the section at all.
    desk.sign_out()
    sales = open_desk(qtbot, app, Role.SALES, "sales")
    assert "handover" not in sales.sections()
    sales.handover._sign()
    assert find(sales, QLabel, "handoverStatus").text() == "Your role cannot do this. Ask a supervisor."


def test_the_counts_are_current_when_the_page_opens_and_the_clerks_own_figures_stay(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    from kiosk.domain.views import PassVisitor

    admin = Actor("staff", "admin")
    app.staff.add("engineer", "Engineer", Role.SALES, STAFF_PIN, admin)
    app.machine_room_passes.add_passes([f"P{n:03d}" for n in range(1, 21)], admin)
    desk = open_desk(qtbot, app, Role.RECEPTIONIST, "lina")  # the counts were read at sign-in
    # ¥100 taken and 9 passes handed out after the sign-in, as the day goes.
    clerk = Actor("staff", "lina")
    app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, "张三", "C-1", 10000, clerk)
    numbers = [f"P{n:03d}" for n in range(1, 10)]
    visitors = [PassVisitor(f"访客{chr(0x4E00 + n)}", "蓝海数据") for n in range(9)]
    app.machine_room_passes.sign_out(numbers, visitors, "engineer", STAFF_PIN, clerk)
    tab(desk, 0)  # opened, no reload pressed
    cash = find(desk, QLineEdit, "handoverCashEdit")
    passes = find(desk, QSpinBox, "handoverPassesSpin")
    shows(qtbot, cash.text, "100.00")
    assert passes.value() == 11  # in the drawer
    assert "9 machine-room passes are out with visitors" in find(desk, QLabel, "handoverPrefillLabel").text()

    # The clerk counts the cards themself; money taken meanwhile still reaches the cash.
    spin(qtbot, desk, "handoverCardsSpin", 20)
    app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, "李四", "C-2", 5000, clerk)
    app.machine_room_passes.return_passes(["P001"], clerk)
    elsewhere(app, "payments", "passes")
    shows(qtbot, cash.text, "150.00")
    assert passes.value() == 12
    assert find(desk, QSpinBox, "handoverCardsSpin").value() == 20  # the clerk's own count stays
    # A cash figure the clerk typed is theirs too, until they ask for the system's again.
    retype(qtbot, desk, "handoverCashEdit", "149.5")
    app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, "王五", "C-3", 5000, clerk)
    desk.show_section("board")
    tab(desk, 0)
    settle()
    assert cash.text() == "149.5"
    tap(qtbot, desk, "handoverPrefillButton")
    shows(qtbot, cash.text, "200.00")
    assert find(desk, QSpinBox, "handoverCardsSpin").value() == 0


def test_issues_and_the_duty_log_name_the_person_and_their_role_in_chinese(
    qtbot: QtBot, app: KioskApp
) -> None:
    """Field test (issue 12, item 11): who raised an issue and who wrote in the duty log read as
    account names ("wangfang"). They read as the person and their role, in the console's language."""
    app.staff.add("wangfang", "王芳", Role.RECEPTIONIST, STAFF_PIN, Actor("staff", "admin"))
    set_language("zh_CN")
    desk = open_desk(qtbot, app, Role.RECEPTIONIST, "wangfang")
    tab(desk, 0)
    shows(qtbot, find(desk, QLineEdit, "handoverCashEdit").text, "0.00")  # the counts are in
    type_text(qtbot, find(desk, QPlainTextEdit, "handoverWorkEdit"), "接待访客 12 人")
    type_text(qtbot, find(desk, QPlainTextEdit, "handoverIssuesEdit"), "3-201 噪音投诉待回访")
    type_text(qtbot, find(desk, QLineEdit, "handoverOutgoingPinEdit"), STAFF_PIN)
    tap(qtbot, desk, "handoverSubmitButton")
    tab(desk, 2)
    issues = find(desk, QTableView, "handoverIssuesTable")
    shows(qtbot, issues.model().rowCount, 1)
    assert find(desk, QLabel, "handoverStatus").property("error") is False
    assert cells(issues, 1) == ["王芳（前台）"] and cells(issues, 2) == ["3-201 噪音投诉待回访"]
    tab(desk, 3)
    type_text(qtbot, find(desk, QLineEdit, "dutyPlaceEdit"), "大堂")
    type_text(qtbot, find(desk, QLineEdit, "dutyWhatEdit"), "旋转门卡住")
    tap(qtbot, desk, "dutyAddButton")
    shows(qtbot, lambda: cells(find(desk, QTableView, "dutyLogTable"), 5), ["王芳（前台）"])
