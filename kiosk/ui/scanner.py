"""Telling the lobby's barcode scanner from a person: a keyboard-wedge scanner "types" a whole
code in a few milliseconds and ends it with Enter; a person types far slower."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

# Scanners send a character every 2-20 ms; even fast typists leave 60 ms or more between keys.
MAX_GAP_S = 0.035
MIN_LENGTH = 6


class WedgeScanDetector:
    """Feed it every key press; it returns the scanned text when a fast burst ends with Enter."""

    def __init__(self, max_gap_s: float = MAX_GAP_S, min_length: int = MIN_LENGTH) -> None:
        self.max_gap_s = max_gap_s
        self.min_length = min_length
        self._burst = ""
        self._last = 0.0

    def key(self, text: str, at: float, enter: bool = False) -> str | None:
        fast = self._burst != "" and at - self._last <= self.max_gap_s
        self._last = at
        if enter:
            scanned = self._burst if fast and len(self._burst) >= self.min_length else None
            self._burst = ""
            return scanned
        if not text or not text.isprintable():
            self._burst = ""
            return None
        self._burst = self._burst + text if fast or not self._burst else text
        return None


class ScannerFilter(QObject):
    """Watches the application's key presses and says when the scanner delivered a code."""

    scanned = Signal(str)
    user_active = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._detector = WedgeScanDetector()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.InputMethod):
            self.user_active.emit()
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._first_delivery(watched):
            self.user_active.emit()
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            code = self._detector.key(event.text(), time.monotonic(), enter)
            if code is not None:
                self.scanned.emit(code)
        return False

    @staticmethod
    def _first_delivery(watched: QObject) -> bool:
        # A key a widget ignores travels on to its parents; count it where it first arrived.
        focus = QApplication.focusWidget()
        return watched is focus or (focus is None and watched.isWidgetType())
