"""One station as its own OS process, for test_three_processes.py: `python -m tests.site.station_process
kiosk NAME` or `... desk NAME`, with HOME/XDG_* pointing at the station's own folders (its
enrolment). Opens the real window, as `kiosk run` does, drives it as a person would (offscreen),
and prints one JSON line per step to stdout for the test to follow."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QListWidget, QPushButton, QWidget

from kiosk.cli.site import off_gui
from kiosk.config import load_config
from kiosk.station import load_enrolment, open_station
from kiosk.ui.common.qt import qt_application

STEP_TIMEOUT_S = 15.0


def say(step: str, **detail: object) -> None:
    print(json.dumps({"step": step, "at": time.time(), **detail}, ensure_ascii=False), flush=True)


def wait_until(check: Callable[[], bool], what: str, timeout_s: float = STEP_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            say("timeout", what=what)
            raise SystemExit(3)
        QTest.qWait(10)


def child(root: QWidget, cls: type, name: str) -> QWidget:
    found = root.findChild(cls, name)
    assert found is not None, name
    return found  # type: ignore[no-any-return]


def tap(root: QWidget, name: str) -> None:
    button = child(root, QPushButton, name)
    wait_until(lambda: button.isVisible() and button.isEnabled(), f"{name} enabled")
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(root: QWidget, name: str, text: str) -> None:
    edit = child(root, QLineEdit, name)
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    if text.isascii():
        QTest.keyClicks(edit, text)
    else:
        edit.insert(text)  # as an input method commits it (QTest types ASCII keys only)


def kiosk(visitor: str) -> int:
    from kiosk.ui.kiosk.window import KioskWindow

    station = open_enrolled()
    window = KioskWindow(station)
    window.show()
    say("ready")
    tap(window, "welcomeCheckInButton")
    tap(window, "visitorType_guest")
    type_into(window, "visitorNameEdit", visitor)
    tap(window, "identityPageNextButton")
    type_into(window, "hostSearchEdit", "财务")
    hosts = child(window, QListWidget, "hostList")
    assert isinstance(hosts, QListWidget)
    wait_until(lambda: hosts.count() > 0, "the host list")
    hosts.setCurrentRow(0)
    tap(window, "hostPageNextButton")
    tap(window, "purposePreset0")
    tap(window, "purposePageNextButton")
    tap(window, "declarationPageNextButton")
    say("submitting")
    tap(window, "reviewPageNextButton")
    wait_until(lambda: window.pages.currentWidget() is window.waiting, "the waiting page")
    say("waiting")
    wait_until(lambda: window.pages.currentWidget() is window.done, "the done page", 30)
    printed = station.printers[0].device
    say("done", badge=window.done.findChild(QWidget, "doneBadgeLabel") is not None, printer=printed.name)
    window.shutdown()
    station.close()
    return 0


def desk(visitor: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QTableView

    from kiosk.ui.console.desk_window import DeskWindow

    station = open_enrolled()
    window = DeskWindow(station)
    window.show()
    type_into(window, "deskUserEdit", "receptionist")
    type_into(window, "deskPinEdit", "2580")
    tap(window, "deskSignInButton")
    wait_until(lambda: window.session is not None, "signed in")
    table = child(window, QTableView, "waitingTable")
    assert isinstance(table, QTableView)
    say("ready")

    def row_of_visitor() -> int:
        model = table.model()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                if visitor in str(model.index(row, column).data()):
                    return row
        return -1

    wait_until(lambda: row_of_visitor() >= 0, "the visitor on the board", 30)
    say("on_board")
    table.selectRow(row_of_visitor())

    def confirm() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            dialog.accept()
        else:
            QTimer.singleShot(20, confirm)

    QTimer.singleShot(20, confirm)
    tap(window, "approveVisitButton")
    wait_until(lambda: row_of_visitor() < 0, "the visitor off the waiting list")
    say("approved")
    window.close()
    station.close()
    return 0


def open_enrolled():  # type: ignore[no-untyped-def]
    qt_application()
    config = load_config(None)
    enrolment = load_enrolment()
    assert enrolment is not None, "this station is not enrolled"
    return off_gui(lambda: open_station(config, enrolment))


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    role, name = sys.argv[1], sys.argv[2]
    if role == "kiosk":
        return kiosk(name)
    if role == "desk":
        return desk(name)
    raise SystemExit(f"unknown role {role}")


if __name__ == "__main__":
    sys.exit(main())
