"""Qt's own messages in the process's log with their category, and the crash log's word on what
the window shows."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLoggingCategory, qCCritical, qCWarning, qWarning
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.logs import crash, setup
from kiosk.logs.reader import file_records
from kiosk.ui.common.qt_log import install_qt_logging, shown_screens, uninstall_qt_logging


@pytest.fixture
def qt_logged(tmp_path: Path) -> Iterator[Path]:
    path = setup.start("kiosk", tmp_path, stream=io.StringIO())
    assert path is not None
    install_qt_logging()
    yield path
    uninstall_qt_logging()
    setup.stop()


@pytest.mark.qt_log_ignore("planted")
def test_qt_warnings_and_criticals_reach_the_log_with_their_category(qt_logged: Path) -> None:
    qWarning("planted warning")
    category = QLoggingCategory("kiosk.test.planted")
    qCWarning(category, "planted categorised warning")
    qCCritical(category, "planted critical")
    records = [(logging.getLevelName(r.level), r.text.split(": ", 1)[1]) for r in file_records(qt_logged)]
    assert records == [
        ("WARNING", "[default] planted warning"),
        ("WARNING", "[kiosk.test.planted] planted categorised warning"),
        ("ERROR", "[kiosk.test.planted] planted critical"),
    ]
    assert all(" kiosk.qt: " in r.text for r in file_records(qt_logged))


def test_the_crash_state_names_the_window_and_the_page_it_shows(qtbot: QtBot, qt_logged: Path) -> None:
    window = QWidget()
    window.setObjectName("kioskWindow")
    pages = QStackedWidget()
    welcome, identity = QLabel("welcome"), QLabel("张三 typed here")
    identity.setObjectName("identityPage")
    welcome.setObjectName("welcomePage")
    pages.addWidget(welcome)
    pages.addWidget(identity)
    QVBoxLayout(window).addWidget(pages)
    qtbot.addWidget(window)
    window.show()
    pages.setCurrentWidget(identity)
    assert shown_screens() == "kioskWindow/identityPage"
    assert crash.state_line() == "screen=kioskWindow/identityPage"  # what a field holds: never
    window.hide()
    assert crash.state_line() == "screen=-"
