"""What a station shows when it cannot reach its site server at start: it says so in its user's
language and keeps trying (backing off), then opens its real window by itself."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.ui.common.background import run_in_background
from kiosk.ui.common.widgets import named

log = logging.getLogger(__name__)

RETRY_S = (2, 5, 10, 30)


class ServerWaitWindow(QWidget):
    reached = Signal(object)  # what ``connect`` returned (the opened station)

    def __init__(self, connect: Callable[[], object], where: str) -> None:
        super().__init__()
        self.setObjectName("serverWaitWindow")
        self._connect = connect
        self._where = where
        self._tries = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        self.message = named(QLabel(), "serverWaitMessage", self.tr("Waiting for the site server"))
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("font-size: 28px;")
        layout.addWidget(self.message)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.try_now)
        self.setWindowTitle(self.tr("Lobby Kiosk"))
        self._say(0)

    def start(self) -> None:
        self._timer.start(RETRY_S[0] * 1000)

    def try_now(self) -> None:
        self._tries += 1
        run_in_background(
            self, self._connect, self.reached.emit, self._failed, what="reaching the site server"
        )

    def _failed(self, error: Exception) -> None:
        wait = RETRY_S[min(self._tries, len(RETRY_S) - 1)]
        log.warning(
            "the site server at %s does not answer (%s); trying again in %d s", self._where, error, wait
        )
        self._say(wait)
        self._timer.start(wait * 1000)

    def _say(self, wait_s: int) -> None:
        text = self.tr(
            "This station cannot reach its site server (%1) just now. Please see the front desk.\n\n"
            "It keeps trying and opens by itself once the server answers."
        ).replace("%1", self._where)
        if wait_s:
            text += "\n" + self.tr("Next try in %1 s.").replace("%1", str(wait_s))
        self.message.setText(text)
