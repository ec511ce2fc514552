"""What each station last said of its printers (kept in memory: a restarted server hears again
within one round of each station's print runner)."""

from __future__ import annotations

import threading
from datetime import datetime

from kiosk.domain.views import PrinterState, StationPrinters


class PrinterStates:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_station: dict[str, StationPrinters] = {}

    def report(self, station: str, printers: list[PrinterState], at: datetime) -> bool:
        """Keep ``station``'s report; True when its printers say something new (worth an event:
        the runners report every few seconds, mostly the same)."""
        with self._lock:
            old = self._by_station.get(station)
            self._by_station[station] = StationPrinters(station, at, printers)
            return old is None or old.printers != printers

    def listing(self) -> list[StationPrinters]:
        with self._lock:
            return sorted(self._by_station.values(), key=lambda s: s.station)

    def forget(self, station: str) -> None:
        with self._lock:
            self._by_station.pop(station, None)
