"""How a person types: ASCII on the keyboard, Chinese through an input method's commit."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.services.audit import Actor
from kiosk.storage.models import StaffMember
from kiosk.ui.common.i18n import set_language
from kiosk.ui.console.desk_window import DeskWindow
from kiosk.ui.console.guard_window import GuardWindow
from tests.conftest import delete_leftover_windows
from tests.stations import in_process_station, serve


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget``: key presses for ASCII, an IME commit for everything else.

    A Pinyin input method delivers 张三 as one committed string, not as key presses; QTest
    cannot press keys that are not on an ASCII keyboard.
    """
    widget.setFocus()
    run = ""
    for ch in text:
        if ch.isascii():
            if run:
                _commit(widget, run)
                run = ""
            qtbot.keyClicks(widget, ch)
        else:
            run += ch
    if run:
        _commit(widget, run)


_last_key_ms = [10**9]  # the window system's key time stamps, ever increasing


def type_by_hand(widget: QWidget, text: str, gap_ms: int = 70, enter: bool = False) -> None:
    """A person types ASCII ``text`` a key at a time, ``gap_ms`` apart by the key events' time
    stamps (what the program reads the pace from: a scanner's burst is a few ms apart), then
    Enter if ``enter``. The stamps say the pace, so the test need not wait it out."""
    widget.setFocus()
    stamp = _last_key_ms[0] + 1000  # a second after the last keys typed
    keys = [(ord(ch.upper()), ch) for ch in text] + ([(Qt.Key.Key_Return.value, "\r")] if enter else [])
    for key, typed in keys:
        assert typed.isascii(), "Chinese comes through the input method: type_text"
        stamp += gap_ms
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, typed)
            event.setTimestamp(stamp)
            QApplication.sendEvent(widget, event)
    _last_key_ms[0] = stamp


def _commit(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture(autouse=True)
def english_after_each_test(qapp: object) -> Iterator[None]:
    """A language switch in one test must not leak into the next."""
    yield
    set_language("en")


# The consoles a test opened, held until Qt has deleted them at its end. A console the test lets
# go of (a desk opened per role in a loop, ``open_desk(...).sections()``) is in a reference cycle
# with its event listener; the garbage collector destroyed it on whichever thread it ran in, the
# in-process server's: a crash.
_consoles: list[QWidget] = []


@pytest.fixture(autouse=True)
def consoles_held_until_deleted(qapp: object) -> Iterator[None]:
    yield
    delete_leftover_windows()  # by Qt, on this thread; then Python may let go
    _consoles.clear()


STAFF_PIN = "246810"


def open_desk(
    qtbot: QtBot,
    app: KioskApp,
    role: Role = Role.RECEPTIONIST,
    username: str = "",
    station: str = "desk-test",
) -> DeskWindow:
    """Open the desk console and sign in as a member of staff with ``role`` (created if new).
    ``station``: the desk station's name (another name: another PC; the same name enrols afresh,
    and the last console of that name stops hearing the server)."""
    username = username or role.value
    with app.database.sessions() as session:
        exists = session.scalar(select(StaffMember.id).where(StaffMember.username == username))
    if exists is None:
        app.staff.add(username, username.title(), role, STAFF_PIN, Actor("staff", "admin"))
    desk = desk_window(app, station)
    qtbot.addWidget(desk)
    desk.show()
    sign_in(qtbot, desk, username)
    qtbot.waitUntil(lambda: desk.session is not None or bool(desk.sign_in_page.error_label.text()))
    assert desk.session is not None, desk.sign_in_page.error_label.text()
    return desk


def desk_window(app: KioskApp, name: str = "desk-test") -> DeskWindow:
    """A desk console enrolled as a desk station with ``app``'s server (in-process)."""
    station = in_process_station(app, StationRole.DESK, name)
    desk = DeskWindow(station)
    desk.destroyed.connect(station.close)
    _consoles.append(desk)
    return desk


def guard_window(app: KioskApp) -> GuardWindow:
    """A guard screen enrolled as a guard station with ``app``'s server (in-process)."""
    station = in_process_station(app, StationRole.GUARD, "guard-test")
    guard = GuardWindow(station)
    guard.destroyed.connect(station.close)
    _consoles.append(guard)
    return guard


def sign_in(qtbot: QtBot, desk: DeskWindow, username: str, pin: str = STAFF_PIN) -> None:
    """Type the staff number and PIN and press the button, as a receptionist does."""
    page = desk.sign_in_page
    if not page.user_edit.isReadOnly():
        page.user_edit.clear()
        type_text(qtbot, page.user_edit, username)
    page.pin_edit.clear()
    type_text(qtbot, page.pin_edit, pin)
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    # The server answers in the background; the button is off until it has.
    qtbot.waitUntil(page.button.isEnabled)


def answer_dialog(
    button: str, fill: Callable[[QDialog], None] | None = None, seen: list[str] | None = None
) -> None:
    """Call before the tap that opens a modal dialog: once it is up, note its labels' text in
    ``seen``, let ``fill`` type into it, then press its button named ``button``."""

    tries = [100]  # 2 s: a dialog that never opens must not catch a later one

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or not dialog.isVisible():
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(20, answer)  # not open yet
            return
        if seen is not None:
            seen.extend(label.text() for label in dialog.findChildren(QLabel))
        if fill is not None:
            fill(dialog)
        target = dialog.findChild(QPushButton, button)
        assert target is not None, f"no {button} in {dialog.objectName()}"
        QTest.mouseClick(target, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


def refresh_board(qtbot: QtBot, desk: DeskWindow) -> None:
    """Read the desk's board again and wait until it shows the answer (the server is asked off
    the GUI thread, as the board does on every "board" event)."""
    with qtbot.waitSignal(desk.board.refreshed, timeout=5000):
        desk.board.refresh()


def server_round(app: KioskApp) -> None:
    """One round of the site server's timed work (escalation, auto check-out) on the test's clock,
    as its background task runs it every few seconds."""
    from kiosk.server.housekeeping import Housekeeping

    Housekeeping(serve(app)[0]).run_once()
