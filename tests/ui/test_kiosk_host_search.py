"""The public kiosk's host search shows name and department only: no extension, no phone number
anywhere on the screen (seed 004: 原则上不把电话号码告知查询者)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.storage.models import Host
from kiosk.ui.common.background import in_flight
from tests.ui.conftest import type_text
from tests.ui.test_kiosk_window import current_page, find, open_kiosk, tap

MOBILE = "13800138001"


def test_the_kiosk_s_host_search_shows_no_extension_or_phone_number(qtbot: QtBot, app: KioskApp) -> None:
    with app.database.sessions.begin() as session:
        hosts = list(session.scalars(select(Host)))
        for host in hosts:
            host.mobile = MOBILE
        extensions = {host.extension for host in hosts if host.extension}
    assert "8101" in extensions
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeCheckInButton")
    tap(qtbot, kiosk, "visitorType_guest")
    type_text(qtbot, find(kiosk, QLineEdit, "visitorNameEdit"), "张三")
    tap(qtbot, kiosk, "identityPageNextButton")
    assert current_page(kiosk) == "hostPage"
    hosts_list = find(kiosk, QListWidget, "hostList")
    edit = find(kiosk, QLineEdit, "hostSearchEdit")
    for search in ("王芳", "IDC", ""):
        edit.selectAll()  # the visitor clears what they typed before
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
        type_text(qtbot, edit, search)
        qtbot.waitUntil(lambda: in_flight() == 0 and hosts_list.count() > 0)
        shown = [hosts_list.item(row).text() for row in range(hosts_list.count())]
        shown += [label.text() for label in kiosk.findChildren(QLabel) if label.isVisible()]
        assert any("王芳" in text and "IDC运维部" in text for text in shown) or search == "", shown
        for text in shown:
            assert MOBILE not in text and not any(extension in text for extension in extensions), text
            assert "ext." not in text and "分机" not in text
