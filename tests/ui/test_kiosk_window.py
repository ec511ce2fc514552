"""The thin path through the windows, tapped the way a visitor and a receptionist would."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QStackedWidget, QTableView, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.devices.interfaces import PrinterStatus
from kiosk.ui.desk_window import DeskWindow
from kiosk.ui.kiosk_window import KioskWindow
from tests.ui.conftest import type_text

W = TypeVar("W", bound=QWidget)


def find(root: QWidget, cls: type[W], name: str) -> W:
    widget = root.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name}"
    assert widget.accessibleName(), f"{name} has no accessible name"
    return widget


def tap(qtbot: QtBot, root: QWidget, name: str) -> None:
    qtbot.mouseClick(find(root, QPushButton, name), Qt.MouseButton.LeftButton)


def current_page(window: KioskWindow) -> str:
    stack = window.findChild(QStackedWidget)
    assert stack is not None
    return stack.currentWidget().objectName()


def open_kiosk(qtbot: QtBot, app: KioskApp) -> KioskWindow:
    window = KioskWindow(app)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def pick_host(qtbot: QtBot, window: KioskWindow, search: str, name: str) -> None:
    type_text(qtbot, find(window, QLineEdit, "hostSearchEdit"), search)
    hosts = find(window, QListWidget, "hostList")
    row = next(i for i in range(hosts.count()) if hosts.item(i).text().startswith(name))
    hosts.scrollToItem(hosts.item(row))  # the visitor scrolls the list until the name shows
    rect = hosts.visualItemRect(hosts.item(row))
    qtbot.mouseClick(hosts.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert hosts.currentRow() == row


def test_visitor_checks_in_badge_prints_and_desk_lists_them(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    kiosk = open_kiosk(qtbot, app)
    assert current_page(kiosk) == "welcomePage"
    tap(qtbot, kiosk, "welcomeCheckInButton")
    assert current_page(kiosk) == "checkInPage"

    type_text(qtbot, find(kiosk, QLineEdit, "visitorNameEdit"), "张三")
    type_text(qtbot, find(kiosk, QLineEdit, "companyEdit"), "华南数据")
    pick_host(qtbot, kiosk, "IDC", "王芳")
    tap(qtbot, kiosk, "checkInSubmitButton")

    qtbot.waitUntil(lambda: current_page(kiosk) == "donePage", timeout=5000)
    assert "V000001" in find(kiosk, QLabel, "badgeNumberLabel").text()
    assert "张三" in find(kiosk, QLabel, "doneTitleLabel").text()

    printout = parse_escpos(printer.documents[0])
    lines = "\n".join(printout.text_lines())
    assert "张三" in lines and "华南数据" in lines and "王芳" in lines
    assert printout.qr_codes() == ["LKV:V000001"]

    desk = DeskWindow(app)
    qtbot.addWidget(desk)
    desk.show()
    table = find(desk, QTableView, "onSiteTable")
    model = table.model()
    assert model.rowCount() == 1
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells[:4] == ["V000001", "张三", "华南数据", "王芳 (IDC运维部)"]
    assert cells[4] == "10:00"
    assert find(desk, QLabel, "onSiteCountLabel").text() == "1 on site"

    tap(qtbot, kiosk, "doneFinishButton")
    assert current_page(kiosk) == "welcomePage"
    # The next visitor finds an empty form.
    tap(qtbot, kiosk, "welcomeCheckInButton")
    assert find(kiosk, QLineEdit, "visitorNameEdit").text() == ""


def test_bad_name_is_explained_and_nothing_is_stored(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeCheckInButton")
    tap(qtbot, kiosk, "checkInSubmitButton")
    assert "choose the person" in find(kiosk, QLabel, "checkInErrorLabel").text()

    type_text(qtbot, find(kiosk, QLineEdit, "visitorNameEdit"), "张三<3")
    pick_host(qtbot, kiosk, "", "李四")
    tap(qtbot, kiosk, "checkInSubmitButton")
    error = find(kiosk, QLabel, "checkInErrorLabel")
    qtbot.waitUntil(lambda: "“<”" in error.text(), timeout=5000)
    assert current_page(kiosk) == "checkInPage"
    assert find(kiosk, QPushButton, "checkInSubmitButton").isEnabled()
    assert printer.documents == [] and app.lobby.on_site() == []


def test_printer_offline_tells_the_visitor_and_the_desk_prints_again(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    printer.state = PrinterStatus.OFFLINE
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeCheckInButton")
    type_text(qtbot, find(kiosk, QLineEdit, "visitorNameEdit"), "Emily Carter")
    pick_host(qtbot, kiosk, "销售", "孙磊")
    tap(qtbot, kiosk, "checkInSubmitButton")
    qtbot.waitUntil(lambda: current_page(kiosk) == "donePage", timeout=5000)
    assert "front desk" in find(kiosk, QLabel, "doneDetailLabel").text()

    desk = DeskWindow(app)
    qtbot.addWidget(desk)
    desk.show()
    table = find(desk, QTableView, "onSiteTable")
    assert table.model().index(0, 6).data() == "Not printed"
    printer.state = PrinterStatus.ONLINE
    table.selectRow(0)
    tap(qtbot, desk, "retryBadgeButton")
    status = find(desk, QLabel, "deskStatusLabel")
    qtbot.waitUntil(lambda: "Badge printed" in status.text(), timeout=5000)
    assert table.model().index(0, 6).data() == "Printed"
    assert "Emily Carter" in "\n".join(parse_escpos(printer.documents[0]).text_lines())

    tap(qtbot, desk, "checkOutButton")
    assert table.model().rowCount() == 0
    assert app.lobby.on_site() == []


def test_desk_board_picks_up_a_kiosk_check_in_by_itself(qtbot: QtBot, app: KioskApp) -> None:
    from kiosk.services.checkin import CheckInRequest

    desk = DeskWindow(app)
    qtbot.addWidget(desk)
    desk.show()
    table = find(desk, QTableView, "onSiteTable")
    assert table.model().rowCount() == 0
    host = app.directory.search("李四")[0].host_id
    app.checkin.check_in(CheckInRequest("韩梅梅", host), app.actor)  # as another kiosk would
    with qtbot.waitSignal(desk.board.refreshed, timeout=3000):
        pass
    assert table.model().rowCount() == 1
