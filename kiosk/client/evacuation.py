"""The evacuation roll call at a console: fetched from the server, printed on this station's own
printer, and kept in this station's data folder so it can still be shown and printed when the
server does not answer (the building's network is often the first thing a fire alarm takes down).

Decided: the copy is the last roll call this station fetched, refreshed whenever the server says
the board changed while someone allowed to see it is signed in, so it is rarely more than one
check-in old. It holds visitors' names, so it is owner-only, written whole or not at all, and
rewritten only when the list changed. Printing never goes through the server's queue: the paper
must come out with the server down; the server is told afterwards, when it can be reached.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.api.schemas import EvacuationPrinted
from kiosk.client.files import write_private
from kiosk.client.http import AccessRefusedError, ServerError, ServerUnreachableError, SiteClient
from kiosk.devices.errors import PrinterError
from kiosk.domain.clock import Clock
from kiosk.domain.documents import EvacuationList
from kiosk.domain.serial import from_json, to_json
from kiosk.printing.catalog import serialise
from kiosk.printing.send import Printer, send_document

log = logging.getLogger(__name__)

COPY_FILE = "roll-call.json"


class EvacuationUnavailableError(RuntimeError):
    """Neither the server nor this station's copy can say who is on site."""


class Evacuation:
    def __init__(
        self, client: SiteClient, printers: list[Printer], clock: Clock, zone: ZoneInfo, folder: Path | None
    ) -> None:
        self._c = client
        self._printers = printers
        self._clock = clock
        self._zone = zone
        # None: this station keeps no copy (no data folder configured).
        self.copy_path = folder / COPY_FILE if folder is not None else None
        self._kept: str | None = None  # the people last written, as JSON

    def roll_call(self) -> EvacuationList:
        """Everyone on site, from the server; this station's last copy when it cannot answer."""
        try:
            sheet = self._c.get("/evacuation", EvacuationList)
        except AccessRefusedError:
            raise  # not this member's to see, copy or not
        except (ServerUnreachableError, ServerError) as exc:
            log.warning("evacuation list from this station's copy: %s", exc)
            return self._from_copy()
        self.keep(sheet)
        return sheet

    def refresh_copy(self) -> None:
        """Fetch the roll call only to keep the copy current (a failure keeps the old copy)."""
        self.keep(self._c.get("/evacuation", EvacuationList))

    def keep(self, sheet: EvacuationList) -> None:
        """Save ``sheet`` as this station's copy, unless it is a copy itself or nothing changed."""
        if self.copy_path is None or sheet.station_copy:
            return
        people = to_json(sheet.people)
        if people == self._kept:
            return
        try:
            self.copy_path.parent.mkdir(parents=True, exist_ok=True)
            write_private(self.copy_path, to_json(sheet).encode())
            self._kept = people
        except OSError:
            log.exception("could not keep the evacuation list at %s", self.copy_path)

    def _from_copy(self) -> EvacuationList:
        if self.copy_path is None:
            raise EvacuationUnavailableError("this station keeps no copy of the on-site list")
        try:
            saved = from_json(EvacuationList, self.copy_path.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise EvacuationUnavailableError(f"no copy of the on-site list: {exc}") from exc
        return EvacuationList(
            saved.site_name, saved.as_of, self._now(), saved.people, saved.from_snapshot, station_copy=True
        )

    def _now(self) -> datetime:
        return self._clock.now().astimezone(self._zone)

    def print(self, sheet: EvacuationList, language: str) -> str:
        """Print on this station's first ready printer; its name. Raises PrinterError."""
        kind, data = serialise(sheet)
        sent = send_document(self._printers, kind, data, language, False, "evacuation")
        if sent.printer is None:
            raise PrinterError(sent.error or "no printer configured")
        report = EvacuationPrinted(
            people=len(sheet.people),
            printer=sent.printer[:200],
            from_snapshot=sheet.from_snapshot,
            station_copy=sheet.station_copy,
        )
        try:
            self._c.act("/evacuation/printed", report)
        except (ServerUnreachableError, ServerError) as exc:
            # The paper is what matters now; this station's log keeps the trace.
            log.warning("evacuation list printed on %s; the server was not told: %s", sent.printer, exc)
        return sent.printer
