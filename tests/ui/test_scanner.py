from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.ui.common.scanner import WedgeScanDetector
from tests.ui.test_guard_window import issue, open_guard, people, sign_in
from tests.ui.test_kiosk_window import find


def feed(detector: WedgeScanDetector, text: str, gap: float, start: float = 100.0) -> str | None:
    at = start
    for ch in text:
        assert detector.key(ch, at) is None
        at += gap
    return detector.key("", at, enter=True)


def test_a_fast_burst_ending_in_enter_is_a_scan() -> None:
    assert feed(WedgeScanDetector(), "LKV:V000001", gap=0.004) == "LKV:V000001"


def test_a_person_typing_is_not_a_scan() -> None:
    assert feed(WedgeScanDetector(), "LKV:V000001", gap=0.12) is None


def test_short_bursts_are_not_scans() -> None:
    assert feed(WedgeScanDetector(), "abc", gap=0.004) is None


def test_a_pause_restarts_the_burst() -> None:
    detector = WedgeScanDetector()
    detector.key("x", 1.0)
    detector.key("y", 1.5)  # a person's keys before the scan
    assert feed(detector, "LKV:V000002", gap=0.004, start=3.0) == "LKV:V000002"


@given(st.text(max_size=40), st.floats(min_value=0.0, max_value=0.5))
def test_detector_never_raises(text: str, gap: float) -> None:
    result = feed(WedgeScanDetector(), text, gap)
    assert result is None or (text.endswith(result) and len(result) >= 6)


# The badge's check-out code itself (signed, parsed): tests/domain/test_badge_codes.py.


# --- what a keyboard-wedge scanner really sends ------------------------------------------------

SHIFTED = frozenset(':!@#$%^&*()_+{}|"<>?~')


def needs_shift(ch: str) -> bool:
    return ch.isupper() or ch in SHIFTED


def scanner_presses(code: str, gap: float, start: float = 100.0) -> list[tuple[float, str, bool]]:
    """The key presses (time, text, modifier) of ``code`` as a US-layout scanner types it:
    Shift down before every capital and colon (the releases between are not presses)."""
    presses: list[tuple[float, str, bool]] = []
    at = start
    for ch in code:
        if needs_shift(ch):
            presses.append((at, "", True))
            at += gap
        presses.append((at, ch, False))
        at += gap * (2 if needs_shift(ch) else 1)  # the character's and Shift's releases
    return presses


def feed_presses(
    detector: WedgeScanDetector, presses: list[tuple[float, str, bool]], gap: float
) -> str | None:
    for at, text, modifier in presses:
        assert detector.key(text, at, modifier=modifier) is None
    return detector.key("", presses[-1][0] + gap, enter=True)


def test_shift_around_capitals_and_the_colon_keeps_the_burst() -> None:
    presses = scanner_presses("LKV:V000001", gap=0.004)
    assert [p[1] for p in presses[:4]] == ["", "L", "", "K"]
    assert feed_presses(WedgeScanDetector(), presses, gap=0.004) == "LKV:V000001"


def test_other_keys_without_text_still_end_the_burst() -> None:
    detector = WedgeScanDetector()
    presses = scanner_presses("LKV:V000001", gap=0.004)
    for at, text, modifier in presses[:-3]:
        detector.key(text, at, modifier=modifier)
    detector.key("", presses[-3][0] - 0.001)  # a Tab or an arrow key in the middle
    for at, text, modifier in presses[-3:]:
        detector.key(text, at, modifier=modifier)
    assert detector.key("", presses[-1][0] + 0.004, enter=True) is None  # "001" is too short


def test_a_shift_after_a_pause_starts_a_new_burst() -> None:
    detector = WedgeScanDetector()
    detector.key("x", 1.0)
    detector.key("", 1.5, modifier=True)  # a person reaches for Shift...
    # ...and the scan that follows is not glued to the "x" typed before.
    assert feed_presses(detector, scanner_presses("LKV:V000003", gap=0.004, start=1.503), 0.004) == (
        "LKV:V000003"
    )


@given(
    st.text(alphabet=st.characters(codec="ascii", categories=["L", "N", "P", "S"]), min_size=6, max_size=30)
)
def test_any_scanned_ascii_code_survives_its_shift_presses(code: str) -> None:
    assert feed_presses(WedgeScanDetector(), scanner_presses(code, gap=0.003), 0.003) == code


def wedge_keys(window: QWidget, code: str, gap_ms: int = 3) -> None:
    """``code`` and Enter, key by key as a keyboard-wedge scanner sends them: Shift press, key
    press, key release, Shift release for a capital or a colon; every event stamped ``gap_ms``
    after the one before. They are queued on the window as the window system queues them, and
    handed on to whatever has the focus, while the program may still be busy with the first."""
    handle = window.windowHandle()
    assert handle is not None
    stamp = int(time.monotonic() * 1000)
    shift = Qt.KeyboardModifier.ShiftModifier
    none = Qt.KeyboardModifier.NoModifier

    def send(kind: QEvent.Type, key: int, text: str, modifiers: Qt.KeyboardModifier) -> None:
        nonlocal stamp
        event = QKeyEvent(kind, key, modifiers, text)
        event.setTimestamp(stamp)
        stamp += gap_ms
        QApplication.postEvent(handle, event)

    press, release = QEvent.Type.KeyPress, QEvent.Type.KeyRelease
    for ch in [*code, "\r"]:
        key = Qt.Key.Key_Return if ch == "\r" else QKeySequence(ch)[0].key()
        if needs_shift(ch):
            send(press, Qt.Key.Key_Shift, "", shift)
            send(press, key, ch, shift)
            send(release, key, ch, shift)
            send(release, Qt.Key.Key_Shift, "", none)
        else:
            send(press, key, ch, none)
            send(release, key, ch, none)


def test_the_guard_screen_takes_a_slip_scanned_with_shift_wherever_the_focus_is(
    qtbot: QtBot, app: KioskApp
) -> None:
    people(app)
    slip = issue(app)
    window = open_guard(qtbot, app)
    sign_in(qtbot, window, "guard")
    verdict = find(window, QLabel, "slipVerdict")
    valid = "Valid slip S000001. Check the goods against the list."
    find(window, QPushButton, "guardSignOutButton").setFocus()
    wedge_keys(window, slip.code.upper())  # Shift for every letter and colon
    qtbot.waitUntil(lambda: verdict.text() == valid, timeout=3000)
    verdict.clear()
    code_edit = find(window, QLineEdit, "slipCodeEdit")
    code_edit.setFocus()
    wedge_keys(window, slip.code.upper())  # into the code field: its own Enter checks it
    qtbot.waitUntil(lambda: verdict.text() == valid, timeout=3000)
    assert code_edit.text() == ""
