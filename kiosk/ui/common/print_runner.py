"""Keeps this station's printer busy with what the server queued for it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.client.printing import StationPrinting
from kiosk.domain.views import PrintOutcome
from kiosk.ui.common.background import run_in_background

log = logging.getLogger(__name__)

RETRY_TICK_MS = 5000


class StationPrintRunner(QObject):
    """This station's printer: prints what the server queued for it, at once when told (an event)
    and every few seconds for retries. Never two rounds at once; a round asked for during one runs
    right after it."""

    jobs_sent = Signal(list)

    def __init__(self, printing: StationPrinting, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._printing = printing
        self._busy = False
        self._again = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(RETRY_TICK_MS)

    def tick(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy, self._again = True, False
        run_in_background(self, self._printing.run_once, self._done, self._failed)

    def _done(self, outcomes: list[PrintOutcome]) -> None:
        self._busy = False
        if outcomes:
            self.jobs_sent.emit(outcomes)
        if self._again:
            self.tick()

    def _failed(self, error: Exception) -> None:
        self._busy = False
        log.warning("printing this station's jobs failed: %s: %s", type(error).__name__, error)
