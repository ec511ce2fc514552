"""Run as a script by test_keyboard.py: a fresh kiosk process, as in the lobby, where the one
on-screen keyboard of the process belongs to the one kiosk window. Prints what happened as JSON."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from kiosk.app import build_app
from kiosk.config import load_config
from kiosk.devices.fakes import FakePrinter
from kiosk.storage.database import sqlite_url_for
from kiosk.ui.common.qt import qt_application
from kiosk.ui.kiosk.keyboard import enable_virtual_keyboard
from kiosk.ui.kiosk.window import KioskWindow
from tests.stations import in_process_station


def wait_until(check: object, ms: int = 3000) -> bool:
    for _ in range(ms // 20):
        if callable(check) and check():
            return True
        QTest.qWait(20)
    return False


def main() -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    enable_virtual_keyboard()
    qt_application()
    with tempfile.TemporaryDirectory() as tmp:
        config = replace(
            load_config(None, {}),
            database_url=sqlite_url_for(Path(tmp) / "k.db"),
            data_dir=Path(tmp),
            source=None,
            fullscreen=False,
            language="en",
        )
        app = build_app(config, "kiosk", printer=FakePrinter())
        station = in_process_station(app)
        kiosk = KioskWindow(station)
        kiosk.show()
        keyboard = kiosk.keyboard
        assert keyboard is not None

        def tap(name: str) -> None:
            button = kiosk.findChild(QPushButton, name)
            assert button is not None, name
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)

        tap("languageToggleButton")  # 中文: the keyboard switches to Pinyin
        wait_until(lambda: False, 100)
        tap("welcomeCheckInButton")
        tap("visitorType_guest")
        name = kiosk.findChild(QLineEdit, "visitorNameEdit")
        assert name is not None
        QTest.mouseClick(name, Qt.MouseButton.LeftButton)
        shown = wait_until(keyboard.isVisible)
        for letter in "zhangsan":  # then the space bar takes the first candidate
            keyboard.tap_key(getattr(Qt.Key, f"Key_{letter.upper()}"), letter)
        keyboard.tap_key(Qt.Key.Key_Space, " ")
        wait_until(lambda: name.text() != "")
        typed = name.text()
        tap("identityPageBackButton")
        tap("typePageBackButton")
        learned = [str(p) for p in keyboard.user_data_dir.rglob("*") if p.is_file()]
        print(json.dumps({"shown": shown, "typed": typed, "left_after_visit": learned}, ensure_ascii=False))
        kiosk.close()
        station.close()
        app.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
