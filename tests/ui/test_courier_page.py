"""Outgoing courier at the desk console, driven as a receptionist taps: two items logged (one
waybill scanned into its field), both selected and handed to the courier who ticks and signs,
the month's statement printed on the desk's printer and exported to a workbook; a wrong entry
says which field, a handed-over item cannot be changed; in Chinese the page speaks Chinese."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.staff import Role
from kiosk.ui.console.desk_window import DeskWindow
from tests.ui.conftest import open_desk, type_text
from tests.ui.test_guard_window import press, settle, wedge_scan
from tests.ui.test_kiosk_window import find


def status(desk: DeskWindow) -> str:
    return find(desk, QLabel, "courierStatus").text()


def log_item(
    qtbot: QtBot, desk: DeskWindow, department: str, tracking: str, cost: str, scan: bool = False
) -> None:
    type_text(qtbot, find(desk, QLineEdit, "courierSenderEdit"), "王芳")
    department_combo = find(desk, QComboBox, "courierDepartmentCombo")
    department_combo.setEditText("")
    type_text(qtbot, department_combo.lineEdit(), department)
    type_text(qtbot, find(desk, QLineEdit, "courierAddresseeEdit"), "李雷")
    type_text(qtbot, find(desk, QLineEdit, "courierDestinationEdit"), "北京市海淀区")
    tracking_edit = find(desk, QLineEdit, "courierTrackingEdit")
    if scan:
        wedge_scan(qtbot, tracking_edit, tracking)
    else:
        type_text(qtbot, tracking_edit, tracking)
    type_text(qtbot, find(desk, QLineEdit, "courierCostEdit"), cost)
    press(qtbot, desk, "courierLogButton")


def test_items_logged_handed_over_and_the_month_printed_and_exported(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter, tmp_path: Path
) -> None:
    desk = open_desk(qtbot, app)
    assert "courier" in desk.sections()
    desk.show_section("courier")
    settle(qtbot)
    page = desk.courier
    assert find(desk, QComboBox, "courierCompanyCombo").currentText() == "SF · SF Express"

    log_item(qtbot, desk, "IDC运维部", "SF1234567890", "abc")
    assert status(desk) == "Please enter the cost in yuan, e.g. 23.00."
    find(desk, QLineEdit, "courierCostEdit").clear()
    type_text(qtbot, find(desk, QLineEdit, "courierCostEdit"), "23")
    press(qtbot, desk, "courierLogButton")
    assert status(desk) == "Item KD000001 logged: it waits for the courier."
    log_item(qtbot, desk, "财务部", "SF1234567891", "15.5", scan=True)
    assert status(desk) == "Item KD000002 logged: it waits for the courier."
    table = find(desk, QTableView, "courierTable")
    assert table.model().rowCount() == 2

    # Both selected, as a person does: a click, then a Ctrl-click.
    for row, modifier in ((0, Qt.KeyboardModifier.NoModifier), (1, Qt.KeyboardModifier.ControlModifier)):
        rect = table.visualRect(table.model().index(row, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    assert len(page.selected_items()) == 2
    type_text(qtbot, find(desk, QLineEdit, "courierNameEdit"), "刘师傅")
    press(qtbot, desk, "courierHandOverButton")
    assert status(desk) == "Tick that the courier checked the items and signs for them."
    qtbot.mouseClick(find(desk, QCheckBox, "courierSignedCheck"), Qt.MouseButton.LeftButton)
    press(qtbot, desk, "courierHandOverButton")
    assert status(desk) == "Batch JJ000001: 2 items handed to 刘师傅 (SF), ¥38.50."
    assert "KD000001 · SF1234567890 · IDC运维部 · 李雷" in find(desk, QLabel, "courierDetailLabel").text()
    settle(qtbot)
    assert table.model().rowCount() == 0  # none waits any more

    # Handed over: the item cannot be changed any more, and the receptionist cannot void it.
    filter_combo = find(desk, QComboBox, "courierFilterCombo")
    filter_combo.setCurrentIndex(filter_combo.findData("handed_over"))
    settle(qtbot)
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not find(desk, QPushButton, "courierEditButton").isEnabled()
    assert not find(desk, QPushButton, "courierVoidButton").isEnabled()

    statement = find(desk, QTableView, "courierStatementTable").model()
    cells = [[statement.index(r, c).data() for c in range(4)] for r in range(statement.rowCount())]
    assert ["SF Express", "Total", "2", "¥38.50"] in cells
    combo = find(desk, QComboBox, "courierStatementCompanyCombo")
    combo.setCurrentIndex(combo.findText("SF · SF Express"))
    press(qtbot, desk, "courierPrintStatementButton")
    assert status(desk) == "The statement of 2026-11 is printed."
    lines = parse_escpos(printer.documents[-1]).text_lines()
    assert "COURIER STATEMENT" in lines
    assert any(line.startswith("Total") and line.endswith("2 / ¥38.50") for line in lines)

    target = tmp_path / "november"
    page.ask_save_path = lambda _title, _suggested, _kind: str(target)
    press(qtbot, desk, "courierExportButton")
    saved = tmp_path / "november.xlsx"
    assert status(desk) == f"Exported the statement of 2026-11 to {saved}."
    book = openpyxl.load_workbook(saved, read_only=True)
    assert list(book["SF SF Express"].iter_rows(values_only=True))[-1] == ("Total", 2, 38.5)
    book.close()


def test_search_by_tracking_number_and_a_change_before_the_courier_comes(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app)
    desk.show_section("courier")
    settle(qtbot)
    log_item(qtbot, desk, "行政部", "EA123456789CN", "21")
    log_item(qtbot, desk, "行政部", "EA123456789CN", "21")
    assert status(desk) == "This tracking number is already in the book as item KD000001."
    type_text(qtbot, find(desk, QLineEdit, "courierSearchEdit"), "ea 1234 5678 9cn")
    press(qtbot, desk, "courierSearchButton")
    table = find(desk, QTableView, "courierTable")
    assert table.model().rowCount() == 1
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    press(qtbot, desk, "courierEditButton")
    assert find(desk, QPushButton, "courierLogButton").text() == "Save the change to KD000001"
    cost = find(desk, QLineEdit, "courierCostEdit")
    assert cost.text() == "21.00"
    cost.clear()
    type_text(qtbot, cost, "25")
    press(qtbot, desk, "courierLogButton")
    assert status(desk) == "Item KD000001 changed."
    assert "¥25.00" in find(desk, QLabel, "courierDetailLabel").text()


def test_a_supervisor_keeps_the_courier_companies_and_a_receptionist_does_not_see_the_list(
    qtbot: QtBot, app: KioskApp
) -> None:
    desk = open_desk(qtbot, app, Role.SUPERVISOR)
    desk.show_section("courier")
    settle(qtbot)
    box = desk.courier.companies_box
    assert box.isVisibleTo(desk) and box.model.rowCount() == 7  # the migration's starting list
    press(qtbot, desk, "courierCompanyAddButton")
    assert status(desk) == "Please enter the company's code, e.g. SF."
    type_text(qtbot, find(desk, QLineEdit, "courierCompanyCodeEdit"), "db")
    type_text(qtbot, find(desk, QLineEdit, "courierCompanyNameEdit"), "德邦快递")
    type_text(qtbot, find(desk, QLineEdit, "courierCompanyNameEnEdit"), "Deppon")
    press(qtbot, desk, "courierCompanyAddButton")
    assert status(desk) == "DB added to the courier companies."
    settle(qtbot)
    combo = find(desk, QComboBox, "courierCompanyCombo")
    assert "DB · Deppon" in [combo.itemText(i) for i in range(combo.count())]
    type_text(qtbot, find(desk, QLineEdit, "courierCompanyCodeEdit"), "DB")
    type_text(qtbot, find(desk, QLineEdit, "courierCompanyNameEdit"), "德邦")
    press(qtbot, desk, "courierCompanyAddButton")
    assert status(desk) == "DB is on the list already: restore it if it was retired."

    # Retired with a click on its row and the button: no new items with it.
    rows = [box.model.row_value(r).code for r in range(box.model.rowCount())]
    rect = box.table.visualRect(box.model.index(rows.index("DB"), 0))
    qtbot.mouseClick(box.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert box.active_button.text() == "Retire"
    press(qtbot, desk, "courierCompanyActiveButton")
    assert status(desk) == "DB is retired: no new items with it; its statements stay."
    settle(qtbot)
    assert "DB · Deppon" not in [combo.itemText(i) for i in range(combo.count())]
    assert [c.active for c in app.courier.companies(True) if c.code == "DB"] == [False]

    desk.sign_out()
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("courier")
    settle(qtbot)
    assert not desk.courier.companies_box.isVisibleTo(desk)
