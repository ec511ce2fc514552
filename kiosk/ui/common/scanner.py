"""Telling the lobby's barcode scanner from a person: a keyboard-wedge scanner "types" a whole
code in a few milliseconds and ends it with Enter; a person types far slower."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

# Scanners send a character every 2-20 ms; even fast typists leave 60 ms or more between keys.
MAX_GAP_S = 0.035
MIN_LENGTH = 6
# Keys a scanner presses around a character (Shift for capitals and ":"); they type nothing.
MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_CapsLock,
    }
)


class WedgeScanDetector:
    """Feed it every key press; it returns the scanned text when a fast burst ends with Enter.

    ``modifier``: a press of Shift, Ctrl, Alt... that types nothing by itself. A scanner sends
    Shift around every capital and colon, so such a press keeps the burst going; any other key
    without printable text (Tab, arrows, Backspace) ends it.
    """

    def __init__(self, max_gap_s: float = MAX_GAP_S, min_length: int = MIN_LENGTH) -> None:
        self.max_gap_s = max_gap_s
        self.min_length = min_length
        self._burst = ""
        self._last = 0.0

    def key(self, text: str, at: float, enter: bool = False, modifier: bool = False) -> str | None:
        fast = self._burst != "" and 0 <= at - self._last <= self.max_gap_s
        self._last = at
        if modifier:
            if not fast:
                self._burst = ""  # after a pause: the next character starts afresh
            return None
        if enter:
            scanned = self._burst if fast and len(self._burst) >= self.min_length else None
            self._burst = ""
            return scanned
        if not text or not text.isprintable():
            self._burst = ""
            return None
        self._burst = self._burst + text if fast or not self._burst else text
        return None

    def reset(self) -> None:
        self._burst = ""


class ScannerFilter(QObject):
    """Watches the application's key presses and says when the scanner delivered a code."""

    scanned = Signal(str)
    user_active = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._detector = WedgeScanDetector()
        self._stamped: bool | None = None  # whether the last key carried the window system's time
        self._consumed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.InputMethod):
            self.user_active.emit()
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._first_delivery(watched):
            self.user_active.emit()
            if event.isAutoRepeat():
                self._detector.reset()  # a key held down by a person, however fast it repeats
                return False
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            modifier = event.key() in MODIFIER_KEYS
            code = self._detector.key(event.text(), self._when(event), enter, modifier)
            if code is not None:
                self._consumed = False
                self.scanned.emit(code)
                # A scan the window acted on ends there: its Enter would otherwise go on to the
                # field that had the focus and press that field's own action (return a pass,
                # refund a deposit...) on what is left in it.
                return self._consumed
        return False

    def consume(self) -> None:
        """Called by a handler of ``scanned`` that acted on the code: its Enter goes no further."""
        self._consumed = True

    def _when(self, event: QKeyEvent) -> float:
        """When the key was pressed: the window system's time stamp, so that keys queued while the
        screen was busy (the keyboard panel coming up, say) keep the scanner's few ms apart. A key
        made up inside the program has no stamp and is timed on arrival; the two clocks differ,
        so a change from one to the other ends the burst."""
        stamped = event.timestamp() != 0
        if stamped != self._stamped:
            self._detector.reset()
            self._stamped = stamped
        return event.timestamp() / 1000 if stamped else time.monotonic()

    @staticmethod
    def _first_delivery(watched: QObject) -> bool:
        # A key a widget ignores travels on to its parents; count it where it first arrived: the
        # focus widget of its window, or the window itself when nothing there has the focus.
        if not isinstance(watched, QWidget):
            return False
        window = watched.window()
        return watched is (window.focusWidget() or window)


def take_back_scan(code: str) -> None:
    """The scanner "typed" ``code`` into the field that has the focus: take it back out. Called
    before the screen changes for the scan, while that field still has the focus."""
    focus = QApplication.focusWidget()
    if isinstance(focus, QLineEdit) and focus.text().endswith(code):
        focus.setText(focus.text()[: -len(code)])
