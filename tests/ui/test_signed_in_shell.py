"""The signed-in shell the desk console and the guard screen share: sign in, the top bar, the
inactivity lock, sign-out, each recorded, and the pages told who acts (or that nobody does)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.ui.console.desk_window import DeskWindow
from kiosk.ui.console.guard_window import GuardWindow
from kiosk.ui.console.shell import SignedInShell
from tests.ui.conftest import desk_window, guard_window, sign_in
from tests.ui.test_guard_window import people, trail
from tests.ui.test_kiosk_window import find, tap


@pytest.mark.parametrize(("window_class", "prefix"), [(DeskWindow, "desk"), (GuardWindow, "guard")])
def test_both_windows_sign_in_lock_unlock_and_sign_out_the_same_way(
    qtbot: QtBot, app: KioskApp, window_class: type[SignedInShell], prefix: str
) -> None:
    people(app)
    window = desk_window(app) if window_class is DeskWindow else guard_window(app)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.objectName() == f"{prefix}Window"
    assert not window.lock.active  # nobody to lock out yet

    sign_in(qtbot, window, "guard")
    assert window.session is not None and window.session.username == "guard"
    assert window.root.currentWidget() is window.main
    assert "Wang Qiang" in find(window, QLabel, f"{prefix}SignedInLabel").text()
    assert window.lock.active
    pages = list(window._session_pages())
    assert pages and all(page.session is window.session for page in pages)

    window.lock.expired.emit()  # what the inactivity timer does
    assert window.session is None and not window.lock.active
    assert all(page.session is None for page in pages)
    assert window.root.currentWidget() is window.sign_in_page
    assert window.sign_in_page.title.text() == "Locked after inactivity: enter your PIN to continue"
    assert window.sign_in_page.user_edit.text() == "guard"

    sign_in(qtbot, window, "guard")  # the same person, with their PIN
    assert window.session is not None and window.lock.active
    tap(qtbot, window, f"{prefix}SignOutButton")
    assert window.session is None and not window.lock.active
    assert all(page.session is None for page in pages)
    assert window.root.currentWidget() is window.sign_in_page
    assert window.sign_in_page.user_edit.text() == ""
    # The server records the lock and the sign-out as it hears them, a moment later.
    qtbot.waitUntil(lambda: len([1 for actor, _action in trail(app) if actor == "staff:guard"]) == 4)
    assert [action for actor, action in trail(app) if actor == "staff:guard"] == [
        "staff.console_sign_in",
        "staff.console_locked",
        "staff.console_sign_in",
        "staff.console_sign_out",
    ]
