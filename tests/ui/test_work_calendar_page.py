"""The calendar on the machine-room passes page, as the desk works it: a missed day's sheet chosen
and signed late with the reason, and a supervisor setting a site day that the clerk only reads."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox, QTableView
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.staff import Role
from kiosk.domain.views import PassVisitor
from kiosk.domain.work_calendar import DayKind
from kiosk.services.audit import Actor
from tests.conftest import FixedClock
from tests.ui.conftest import STAFF_PIN, open_desk, type_text
from tests.ui.test_kiosk_window import find, tap
from tests.ui.test_machine_room_passes_page import cells, passes_page, says, shows, staff

DESK = Actor("staff", "receptionist")


def test_a_missed_day_is_chosen_and_signed_late_with_the_reason(
    qtbot: QtBot, app: KioskApp, clock: FixedClock, printer: FakePrinter
) -> None:
    staff(app, "engineer", Role.SALES)
    staff(app, "guard", Role.GUARD)
    service = app.machine_room_passes
    service.add_passes(["P001", "P002"], DESK)
    clock._now = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)  # Monday 14:00 in Shanghai
    service.sign_out(["P001"], [PassVisitor("张三", "蓝海数据")], "engineer", STAFF_PIN, DESK)
    clock._now = datetime(2026, 12, 2, 1, 30, tzinfo=UTC)  # Wednesday 09:30: Tuesday was missed

    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    passes_page(desk, 2)
    day = find(desk, QComboBox, "reconciliationDayCombo")
    shows(qtbot, day.count, 2)
    assert day.itemText(1) == "2026-12-01 (missed: sign late)"
    reason = find(desk, QLineEdit, "lateReasonEdit")
    assert not reason.isEnabled()
    day.setCurrentIndex(1)
    assert reason.isEnabled()
    due = find(desk, QLabel, "reconciliationDueLabel")
    shows(
        qtbot, lambda: due.text().startswith("MISSED: the sheet of 2026-12-01 (passes of 2026-11-30)"), True
    )
    shows(qtbot, lambda: cells(find(desk, QTableView, "discrepancyTable"), 2), ["P001"])

    tap(qtbot, desk, "deskSignButton")
    says(qtbot, desk, "Write why the sheet is signed late first.")
    type_text(qtbot, reason, "前台漏签，次日补签")
    tap(qtbot, desk, "deskSignButton")
    shows(qtbot, lambda: find(desk, QLabel, "passStatus").text().startswith("Signed."), True)
    sheet = find(desk, QLabel, "reconciliationSheetLabel")
    shows(qtbot, lambda: "Front desk signed late: 前台漏签，次日补签" in sheet.text(), True)
    type_text(qtbot, find(desk, QLineEdit, "guardUserEdit"), "guard")
    type_text(qtbot, find(desk, QLineEdit, "guardPinEdit"), STAFF_PIN)
    spin = find(desk, QSpinBox, "guardCountSpin")
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "1")
    tap(qtbot, desk, "guardSignButton")  # the reason typed is kept for the second signature
    shows(qtbot, lambda: find(desk, QLabel, "passStatus").text().startswith("Both have signed"), True)
    text = parse_escpos(printer.documents[-1]).text_lines()
    assert "Signed late because: 前台漏签，次日补签" in text
    shows(qtbot, day.count, 1)  # no missed sheet left: back to today's
    assert service.missed() == []


def test_a_supervisor_sets_a_site_day_and_a_clerk_only_reads_it(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    clock._now = datetime(2026, 12, 5, 2, 0, tzinfo=UTC)  # Saturday 5 December 2026
    boss = open_desk(qtbot, app, Role.SUPERVISOR)
    passes_page(boss, 3)
    table = find(boss, QTableView, "calendarTable")
    shows(qtbot, lambda: "2026-10-10" in cells(table, 0), True)
    row = cells(table, 0).index("2026-10-10")
    assert (cells(table, 2)[row], cells(table, 3)[row]) == ("Working day (make-up)", "National Day")
    year = find(boss, QSpinBox, "calendarYearSpin")
    year.setValue(2027)
    known = find(boss, QLabel, "calendarKnownLabel")
    shows(qtbot, lambda: known.text().startswith("The official calendar of 2027 is not known yet"), True)
    find(boss, QComboBox, "calendarKindCombo").setCurrentIndex(0)
    edit = find(boss, QLineEdit, "calendarNoteEdit")
    tap(qtbot, boss, "calendarAddButton")
    says(qtbot, boss, "Write what the day is for first.")
    type_text(qtbot, edit, "大厦停电检修")
    tap(qtbot, boss, "calendarAddButton")
    says(qtbot, boss, "2026-12-05 set for the site.")
    year.setValue(2026)
    shows(qtbot, lambda: "大厦停电检修" in cells(table, 3), True)
    assert app.machine_room_passes.calendar.calendar().overrides == {date(2026, 12, 5): DayKind.HOLIDAY}

    clerk = open_desk(qtbot, app, Role.RECEPTIONIST)
    passes_page(clerk, 3)
    clerk_table = find(clerk, QTableView, "calendarTable")
    shows(qtbot, lambda: "2026-10-10" in cells(clerk_table, 0), True)  # the clerk reads it
    assert not find(clerk, QPushButton, "calendarAddButton").isEnabled()
    assert not find(clerk, QPushButton, "calendarCancelButton").isEnabled()
