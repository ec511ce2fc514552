"""The desk's print-queue page, used as a receptionist would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.devices.interfaces import PrinterStatus
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver
from kiosk.ui.console.desk_window import DeskWindow
from tests.ui.conftest import open_desk
from tests.ui.test_kiosk_window import find, tap


def open_print_queue(qtbot: QtBot, app: KioskApp) -> DeskWindow:
    desk = open_desk(qtbot, app)
    nav = find(desk, QListWidget, "deskNavigation")
    item = nav.item(1)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())
    assert desk.pages.currentWidget().objectName() == "printQueuePage"
    return desk


def test_waiting_job_is_visible_sent_now_and_reprinted_as_copy(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    printer.state = PrinterStatus.PAPER_OUT
    host = app.directory.search("李四")[0].host_id
    pending = app.checkin.check_in(CheckInRequest("韩梅梅", host, declaration_accepted=True), app.actor)
    app.checkin.approve(pending.visit_id, app.actor, Approver.DESK)

    desk = open_print_queue(qtbot, app)
    status = find(desk, QLabel, "printerStatusLabel")
    qtbot.waitUntil(lambda: "out of paper" in status.text(), timeout=3000)
    table = find(desk, QTableView, "printJobTable")
    model = table.model()
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[1:5] == ["Visitor badge", "V000001", "Waiting for printer", "1"]
    assert "receipt printer: out of paper" in row[6]  # named as the desk knows it, not its URL

    printer.state = PrinterStatus.ONLINE
    table.selectRow(0)
    preview = find(desk, QLabel, "printPreviewLabel").pixmap()
    assert not preview.isNull() and preview.width() == 400  # the badge as it will print
    tap(qtbot, desk, "sendNowButton")
    result = find(desk, QLabel, "printQueueStatusLabel")
    qtbot.waitUntil(lambda: "Printed on receipt printer" in result.text(), timeout=3000)
    assert model.index(0, 3).data() == "Printed"
    assert len(printer.documents) == 1

    table.selectRow(0)
    tap(qtbot, desk, "reprintButton")
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=3000)
    assert model.index(0, 1).data() == "Visitor badge (copy)"
    assert "副本 / COPY" in parse_escpos(printer.documents[1]).text_lines()


def test_actions_need_a_selected_job(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_print_queue(qtbot, app)
    tap(qtbot, desk, "sendNowButton")
    assert "Select a job" in find(desk, QLabel, "printQueueStatusLabel").text()
    assert find(desk, QPushButton, "reprintButton").isEnabled()
