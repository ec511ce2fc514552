"""The evacuation roll call: everyone on site, shown and printed in one tap.

It must work when the building's network (and with it a shared PostgreSQL server) is down, so
the desk keeps a local copy of the on-site list, refreshed whenever the board refreshes, and
prints straight to the printer instead of through the (database-backed) print queue.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.devices.errors import DeviceError
from kiosk.domain.documents import EvacuationEntry, EvacuationList
from kiosk.domain.serial import from_json, to_json
from kiosk.domain.text import with_aside
from kiosk.domain.views import OnSiteVisitor
from kiosk.printing.catalog import render_document
from kiosk.printing.send import Printer
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.lobby import LobbyService

log = logging.getLogger(__name__)


class EvacuationUnavailableError(RuntimeError):
    """Neither the database nor a local copy can say who is on site."""


@dataclass
class EvacuationService:
    sessions: sessionmaker[Session]
    lobby: LobbyService
    printers: list[Printer]
    clock: Clock
    site_name: str
    snapshot_path: Path
    # Printed times are the site's wall-clock time, as everyone at the assembly point reads them.
    zone: ZoneInfo
    # The list last saved (or found saved): the board refreshes every second and must not read
    # and parse the file each time (~0.1 s with 500 people on site).
    _kept: tuple[EvacuationEntry, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def entries(self, rows: list[OnSiteVisitor]) -> tuple[EvacuationEntry, ...]:
        return tuple(
            EvacuationEntry(
                r.visitor_name,
                r.company,
                with_aside(r.host_name, r.host_department),
                r.checked_in_at.astimezone(self.zone),
                " / ".join(part for part in (r.badge_number, r.card_number) if part),
            )
            for r in rows
        )

    def keep_snapshot(self, rows: list[OnSiteVisitor]) -> None:
        """Save the on-site list locally (only when it changed), for a roll call without the network."""
        now = self._now()
        current = self.entries(rows)
        if current == self._kept:
            return
        sheet = EvacuationList(self.site_name, now, now, current)
        people = to_json(sheet.people)
        try:
            if self.snapshot_path.is_file():
                old = from_json(EvacuationList, self.snapshot_path.read_text(encoding="utf-8"))
                if to_json(old.people) == people:
                    self._kept = current
                    return
            self.snapshot_path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.snapshot_path.with_suffix(".tmp")
            tmp.write_text(to_json(sheet), encoding="utf-8")
            os.chmod(tmp, 0o600)  # names of people in the building
            tmp.replace(self.snapshot_path)
            self._kept = current
        except (OSError, ValueError, KeyError, TypeError):
            log.exception("could not keep the evacuation snapshot at %s", self.snapshot_path)

    def roll_call(self) -> EvacuationList:
        """Everyone on site now; from the local copy when the database cannot be reached."""
        now = self._now()
        try:
            rows = self.lobby.on_site()
        except SQLAlchemyError:
            log.exception("database unreachable: evacuation list from the local copy")
            return self._from_snapshot()
        self.keep_snapshot(rows)
        return EvacuationList(self.site_name, now, now, self.entries(rows))

    def _from_snapshot(self) -> EvacuationList:
        try:
            saved = from_json(EvacuationList, self.snapshot_path.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise EvacuationUnavailableError(f"no local copy of the on-site list: {exc}") from exc
        return EvacuationList(saved.site_name, saved.as_of, self._now(), saved.people, from_snapshot=True)

    def _now(self) -> datetime:
        return self.clock.now().astimezone(self.zone)

    def print(self, sheet: EvacuationList, lang: str, actor: Actor) -> str:
        """Print straight to the first printer that takes it; returns its name. Raises DeviceError."""
        errors: list[str] = []
        for printer in self.printers:
            try:
                printer.device.send(render_document(sheet, lang, printer.profile))
            except DeviceError as exc:
                errors.append(f"{printer.device.name}: {exc}")
                continue
            self.record_printed(actor, len(sheet.people), printer.device.name, sheet.from_snapshot)
            return printer.device.name
        raise DeviceError("; ".join(errors) or "no printer configured")

    def record_printed(
        self, actor: Actor, people: int, printer: str, from_snapshot: bool, station_copy: bool = False
    ) -> None:
        """Note in the audit trail that a roll call was printed (by this process, or by a station
        on its own printer); a database outage never stops the paper, the log keeps the trace."""
        try:
            with self.sessions.begin() as session:
                audit.record(
                    session,
                    actor,
                    "evacuation.printed",
                    "evacuation",
                    "-",
                    self.clock.now(),
                    people=people,
                    printer=printer,
                    from_snapshot=from_snapshot,
                    station_copy=station_copy,
                )
        except SQLAlchemyError:
            log.warning(
                "evacuation list printed on %s by %s; audit not written (database down)", printer, actor.label
            )
