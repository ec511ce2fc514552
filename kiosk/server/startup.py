"""What the server puts right before it serves, after whatever stopped it (kill -9, power cut).

* Its own printers' jobs that were being sent: the bytes may be on paper already, so they print
  again marked 副本 / COPY, at once (as a station's are when the station starts, see
  ``GET /site``), never as a second original.
* Card write plans live only in memory: an ``issuing`` row older than the plan's time
  (:data:`~kiosk.services.cards.ATTEMPT_S`) is voided and audited now. A younger one may be
  another server's live plan on a shared PostgreSQL database; the housekeeping round voids it once
  it is old, if no one reports it.
* Exports are written in the data folder's ``exports`` (owner-only) and handed to the desk from
  there: whatever is in it at start is a file of a server that died before the desk had it,
  full of visitors' names, and is removed.

Run by :func:`kiosk.server.run.build_server`, before the first request; tests/faults runs it as
the restart after each kill.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from kiosk.app import KioskApp
from kiosk.services.audit import Actor
from kiosk.services.site_keys import ensure_private_folder

log = logging.getLogger(__name__)

ACTOR = Actor("server", "start")


@dataclass(frozen=True)
class Recovered:
    cards_voided: list[str]
    exports_removed: int


def recover_at_start(core: KioskApp) -> Recovered:
    core.print_queue.recover_station(core.print_queue.station)
    voided = core.cards.void_stale(ACTOR)
    removed = clear_exports(core.export_dir)
    if voided or removed:
        log.warning(
            "at start: %d card write(s) never recorded voided (%s); %d unfinished export(s) removed",
            len(voided),
            ", ".join(voided),
            removed,
        )
    return Recovered(voided, removed)


def export_folder(export_dir: Path) -> Path:
    """The exports' folder, made owner-only (it holds visitors' personal data for a moment)."""
    ensure_private_folder(export_dir)
    return export_dir


def clear_exports(export_dir: Path) -> int:
    """Remove everything in the exports' folder; how many entries there were."""
    if not export_dir.is_dir():
        return 0
    removed = 0
    for entry in export_dir.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed += 1
    return removed
