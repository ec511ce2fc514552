"""The visitor log at the console: search and page, export as a supervisor, statistics for a day."""

from __future__ import annotations

import csv
import json
from datetime import timedelta
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QPushButton, QTableView, QTabWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.staff import Role
from kiosk.domain.visit import VisitorType
from kiosk.storage.models import AuditEvent
from kiosk.ui.console.desk_window import DeskWindow
from tests.services.test_visitor_log import DAY, add_visit, at
from tests.ui.conftest import open_desk, type_text
from tests.ui.test_kiosk_window import find, tap


def seed(app: KioskApp) -> None:
    add_visit(app, "张三", at(9), company="华南数据科技有限公司", id_type="resident_id", id_last_four="002X")
    add_visit(app, "李雷", at(9, 30), company="蓝海物流", visitor_type=VisitorType.DELIVERY)
    add_visit(app, "John Smith", at(14), company="@SUM(A1)")
    for n in range(55):
        add_visit(app, f"访客{n:02d}", at(8) - timedelta(days=1, minutes=n))


def open_log(qtbot: QtBot, app: KioskApp, role: Role) -> DeskWindow:
    seed(app)
    desk = open_desk(qtbot, app, role)
    desk.show_section("visitor_log")
    # Two days: the seeded day and the one before.
    find(desk, QDateEdit, "visitorLogFirstDayEdit").setDate(QDate(2026, 11, 23))
    find(desk, QDateEdit, "visitorLogLastDayEdit").setDate(QDate(2026, 11, 24))
    return desk


def cell(desk: DeskWindow, row: int, column: int) -> str:
    return str(find(desk, QTableView, "visitorLogTable").model().index(row, column).data())


def rows(desk: DeskWindow) -> int:
    return find(desk, QTableView, "visitorLogTable").model().rowCount()


def tap_and_wait(qtbot: QtBot, desk: DeskWindow, button: str) -> str:
    """Press ``button`` and wait for the server's answer in the result line; its text."""
    status = find(desk, QLabel, "visitorLogStatus")
    status.clear()
    tap(qtbot, desk, button)
    qtbot.waitUntil(lambda: bool(status.text()))
    return status.text()


def test_search_by_filters_and_page_through(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_log(qtbot, app, Role.RECEPTIONIST)
    tap_and_wait(qtbot, desk, "visitorLogSearchButton")
    assert rows(desk) == 50
    assert cell(desk, 0, 1) == "John Smith"  # newest first
    assert find(desk, QLabel, "visitorLogPageLabel").text() == "Page 1"
    assert not find(desk, QPushButton, "visitorLogPreviousButton").isEnabled()
    tap_and_wait(qtbot, desk, "visitorLogNextButton")
    assert rows(desk) == 8  # 58 visits in all
    assert find(desk, QLabel, "visitorLogPageLabel").text() == "Page 2"
    assert not find(desk, QPushButton, "visitorLogNextButton").isEnabled()
    tap_and_wait(qtbot, desk, "visitorLogPreviousButton")
    assert rows(desk) == 50 and cell(desk, 0, 1) == "John Smith"

    type_text(qtbot, find(desk, QLineEdit, "visitorLogLastFourEdit"), "002x")
    tap_and_wait(qtbot, desk, "visitorLogSearchButton")
    assert rows(desk) == 1
    assert (cell(desk, 0, 1), cell(desk, 0, 5)) == ("张三", "**************002X")
    assert cell(desk, 0, 0) == "2026-11-24 09:00"
    find(desk, QLineEdit, "visitorLogLastFourEdit").clear()

    combo = find(desk, QComboBox, "visitorLogTypeCombo")
    combo.setCurrentIndex(combo.findData(VisitorType.DELIVERY.value))
    tap_and_wait(qtbot, desk, "visitorLogSearchButton")
    assert rows(desk) == 1 and cell(desk, 0, 1) == "李雷" and cell(desk, 0, 3) == "Delivery"
    combo.setCurrentIndex(0)

    type_text(qtbot, find(desk, QLineEdit, "visitorLogCompanyEdit"), "华南")
    tap_and_wait(qtbot, desk, "visitorLogSearchButton")
    assert rows(desk) == 1 and cell(desk, 0, 1) == "张三"


def test_filter_mistakes_are_explained(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_log(qtbot, app, Role.RECEPTIONIST)
    type_text(qtbot, find(desk, QLineEdit, "visitorLogLastFourEdit"), "02")
    tap(qtbot, desk, "visitorLogSearchButton")
    assert find(desk, QLabel, "visitorLogStatus").text() == "Type the last four characters of the ID number."
    find(desk, QLineEdit, "visitorLogLastFourEdit").clear()
    find(desk, QDateEdit, "visitorLogFirstDayEdit").setDate(QDate(2026, 11, 30))
    tap(qtbot, desk, "visitorLogSearchButton")
    assert find(desk, QLabel, "visitorLogStatus").text() == "The last day is before the first day."
    assert rows(desk) == 0


def audit_events(app: KioskApp) -> list[AuditEvent]:
    with app.database.sessions() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.entity == "visitor_log")))


def test_a_supervisor_exports_csv_and_excel(qtbot: QtBot, app: KioskApp, tmp_path: Path) -> None:
    desk = open_log(qtbot, app, Role.SUPERVISOR)
    asked: list[str] = []
    target = tmp_path / "chosen"

    def save_as(title: str, suggested: str, file_filter: str) -> str:
        asked.append(suggested)
        return str(target)  # no extension typed: the format's is added

    desk.visitor_log.ask_save_path = save_as
    type_text(qtbot, find(desk, QLineEdit, "visitorLogNameEdit"), "张三")
    tap_and_wait(qtbot, desk, "visitorLogSearchButton")
    tap_and_wait(qtbot, desk, "visitorLogExportCsvButton")
    assert asked == ["visitor-log-20261123-20261124.csv"]
    with (tmp_path / "chosen.csv").open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0][:5] == ["Visit", "Arrived", "Time in", "Time out", "Name"]
    assert [row[4] for row in table[1:]] == ["张三"]
    assert table[1][10] == "**************002X" and table[1][9] == "Resident ID"
    assert "Exported 1 visit(s)" in find(desk, QLabel, "visitorLogStatus").text()

    find(desk, QLineEdit, "visitorLogNameEdit").clear()
    tap_and_wait(qtbot, desk, "visitorLogSearchButton")
    assert "Exported" in tap_and_wait(qtbot, desk, "visitorLogExportXlsxButton")
    sheet = load_workbook(tmp_path / "chosen.xlsx", read_only=True).active
    assert sheet is not None
    table_x = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert len(table_x) == 59  # every page, not only the one shown
    by_name = {row[4]: row for row in table_x[1:]}
    assert by_name["John Smith"][5] == "'@SUM(A1)"
    assert by_name["张三"][10] == "**************002X"
    exported = [(e.actor, e.entity_id, json.loads(e.detail)) for e in audit_events(app)]
    assert [(actor, fmt, d["rows"]) for actor, fmt, d in exported] == [
        ("staff:supervisor", "csv", 1),
        ("staff:supervisor", "xlsx", 58),
    ]
    assert exported[0][2]["filters"]["searched_by"] == "name"  # not the name: the trail outlives it


def test_a_receptionist_cannot_export(qtbot: QtBot, app: KioskApp, tmp_path: Path) -> None:
    desk = open_log(qtbot, app, Role.RECEPTIONIST)
    csv_button = find(desk, QPushButton, "visitorLogExportCsvButton")
    assert not csv_button.isEnabled()
    assert not find(desk, QPushButton, "visitorLogExportXlsxButton").isEnabled()
    # Were the button reachable after all, the service refuses and the attempt is on record.
    desk.visitor_log.ask_save_path = lambda *_: str(tmp_path / "x.csv")
    desk.visitor_log.export("csv")
    status = find(desk, QLabel, "visitorLogStatus")
    qtbot.waitUntil(lambda: bool(status.text()))
    assert status.text() == "Only a supervisor can export the visitor log."
    assert not (tmp_path / "x.csv").exists()
    [event] = audit_events(app)
    assert (event.actor, event.action) == ("staff:receptionist", "visitor_log.export_refused")


def test_statistics_for_a_day(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_log(qtbot, app, Role.RECEPTIONIST)
    find(desk, QTabWidget, "visitorLogTabs").setCurrentIndex(1)
    find(desk, QDateEdit, "visitorLogStatsDayEdit").setDate(QDate(DAY.year, DAY.month, DAY.day))
    tap(qtbot, desk, "visitorLogStatsButton")
    summary_label = find(desk, QLabel, "visitorLogStatsSummary")
    qtbot.waitUntil(lambda: bool(summary_label.text()))
    summary = summary_label.text()
    assert "Visits: 3 (3 people)" in summary
    assert "By type: Visitor 2, Delivery 1" in summary
    assert "Average wait for the host: 2 min 0 s (3 decisions)" in summary
    # 张三 09:02-10:00 and 李雷 09:32-10:30 overlap.
    assert "Most on site at once: 2, at 09:32" in summary
    hourly = find(desk, QTableView, "visitorLogHourlyTable").model()
    assert hourly.rowCount() == 24
    assert (hourly.index(9, 0).data(), hourly.index(9, 1).data()) == ("09:00–09:59", "2")
    assert hourly.index(14, 1).data() == "1" and hourly.index(8, 1).data() == "0"


def test_locking_clears_the_log(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_log(qtbot, app, Role.RECEPTIONIST)
    tap_and_wait(qtbot, desk, "visitorLogSearchButton")
    assert rows(desk) == 50
    desk.lock_now()
    assert rows(desk) == 0
