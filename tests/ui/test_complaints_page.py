"""The complaints page at the desk, driven by taps: the receptionist records a complaint, adds a
step and the callback; the supervisor closes it with a result; overdue ones show red; guards and
sales have no such section."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QTableView
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.domain.complaints import ComplaintStatus, ComplaintSubject, ListState, Satisfaction
from kiosk.domain.staff import Role, SignedIn
from kiosk.services.complaints import ManagerAlert
from kiosk.ui.console.complaints_page import OVERDUE
from tests.conftest import FixedClock
from tests.services.test_complaints import CLERK, noise
from tests.ui.conftest import open_desk, type_text
from tests.ui.test_kiosk_window import find, tap

BOSS = SignedIn(0, "boss", "Boss", Role.SUPERVISOR)


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_a_complaint_is_recorded_followed_up_called_back_and_closed_by_taps(
    qtbot: QtBot, app: KioskApp
) -> None:
    alerts: list[ManagerAlert] = []
    app.complaints.alerters.append(alerts.append)
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("complaints")
    page = desk.complaints
    page.tabs.setCurrentIndex(1)
    status = find(desk, QLabel, "complaintsStatus")

    tap(qtbot, desk, "complaintRecordButton")  # nothing typed: said what is missing
    qtbot.waitUntil(lambda: status.text() != "")
    assert status.text() == "Write what they said."
    choose(find(desk, QComboBox, "complaintSubjectCombo"), ComplaintSubject.NOISE)
    type_text(qtbot, find(desk, QLineEdit, "complaintNameEdit"), "陈先生")
    type_text(qtbot, find(desk, QLineEdit, "complaintUnitEdit"), "3-201")
    type_text(qtbot, find(desk, QLineEdit, "complaintContactEdit"), "not a number")
    find(desk, QPlainTextEdit, "complaintTextEdit").setPlainText("楼上装修，晚上十点后仍在施工。")
    tap(qtbot, desk, "complaintRecordButton")
    qtbot.waitUntil(lambda: status.text() != "Write what they said.")
    assert status.text().startswith("Type a phone number")
    contact = find(desk, QLineEdit, "complaintContactEdit")
    contact.clear()
    type_text(qtbot, contact, "13912345678")
    find(desk, QCheckBox, "complaintSeriousCheck").setChecked(True)
    tap(qtbot, desk, "complaintRecordButton")
    qtbot.waitUntil(lambda: status.text().startswith("Recorded"))
    assert status.text() == "Recorded as C000001. The manager has been told."
    assert len(alerts) == 1 and find(desk, QLineEdit, "complaintNameEdit").text() == ""

    page.tabs.setCurrentIndex(0)
    table = find(desk, QTableView, "complaintsTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    assert [table.model().index(0, c).data() for c in (0, 2, 3, 4)] == [
        "C000001",
        "Noise",
        "3-201 陈先生",
        "Engineering department",
    ]
    assert table.model().index(0, 6).data() == "Serious · Open"
    table.selectRow(0)
    summary = find(desk, QLabel, "complaintsSummary")
    qtbot.waitUntil(lambda: summary.text().startswith("C000001"))
    assert "Call them back before it can be closed." in summary.text()
    assert not find(desk, QLineEdit, "complaintsResultEdit").isVisible()  # the supervisor's

    type_text(qtbot, find(desk, QLineEdit, "complaintsStepEdit"), "已电话通知3-301业主，晚十点后停工。")
    tap(qtbot, desk, "complaintsStepButton")
    steps = find(desk, QTableView, "complaintsSteps")
    qtbot.waitUntil(lambda: steps.model().rowCount() == 2)
    assert [steps.model().index(1, c).data() for c in (1, 2)] == ["Receptionist", "Follow-up"]
    choose(find(desk, QComboBox, "complaintsSatisfactionCombo"), Satisfaction.FAIRLY)
    type_text(qtbot, find(desk, QLineEdit, "complaintsCallbackNote"), "业户基本满意")
    tap(qtbot, desk, "complaintsCallbackButton")
    qtbot.waitUntil(lambda: steps.model().rowCount() == 3)
    assert steps.model().index(2, 3).data() == "Fairly satisfied · 业户基本满意"

    boss = open_desk(qtbot, app, Role.SUPERVISOR, station="desk-boss")
    boss.show_section("complaints")
    boss_table = find(boss, QTableView, "complaintsTable")
    qtbot.waitUntil(lambda: boss_table.model().rowCount() == 1)
    boss_table.selectRow(0)
    boss_summary = find(boss, QLabel, "complaintsSummary")
    qtbot.waitUntil(lambda: boss_summary.text().startswith("C000001"))
    tap(qtbot, boss, "complaintsCloseButton")  # no result typed
    boss_status = find(boss, QLabel, "complaintsStatus")
    qtbot.waitUntil(lambda: boss_status.text() != "")
    assert boss_status.text() == "Write the result it is closed with."
    type_text(qtbot, find(boss, QLineEdit, "complaintsResultEdit"), "施工时间已整改")
    tap(qtbot, boss, "complaintsCloseButton")
    qtbot.waitUntil(lambda: boss_status.text() == "Closed.")
    qtbot.waitUntil(lambda: boss_table.model().rowCount() == 0)  # the open list no longer has it
    (closed,) = app.complaints.listing(BOSS, ListState.CLOSED)
    assert (closed.status, closed.result, closed.closed_by_name) == (
        ComplaintStatus.CLOSED, "施工时间已整改", "Supervisor",
    )  # fmt: skip


def test_overdue_complaints_show_red_and_are_counted(qtbot: QtBot, app: KioskApp, clock: FixedClock) -> None:
    app.complaints.record(noise(due_on=date(2026, 11, 25)), CLERK)
    app.complaints.record(noise(due_on=date(2026, 11, 30)), CLERK)
    clock.advance(days=1)
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("complaints")
    table = find(desk, QTableView, "complaintsTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    assert find(desk, QLabel, "complaintsOverdueLabel").text() == "1 overdue"
    first = table.model().index(0, 0)
    assert first.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE
    assert table.model().index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    choose(find(desk, QComboBox, "complaintsStateCombo"), ListState.OVERDUE)
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    # The form's due date starts three days from today.
    due = find(desk, QDateEdit, "complaintDueEdit").date()
    assert due == QDate(2026, 11, 29)


def test_guards_and_sales_have_no_complaints_section(qtbot: QtBot, app: KioskApp) -> None:
    for role in (Role.GUARD, Role.SALES):
        assert "complaints" not in open_desk(qtbot, app, role).sections()
    assert "complaints" in open_desk(qtbot, app, Role.SUPERVISOR).sections()
