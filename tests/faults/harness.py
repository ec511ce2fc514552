"""The crash harness: one operation of the site, in a process of its own, killed at a named point.

    KIOSK_TEST_CRASH_AT=<point> python -m tests.faults.harness <operation> [argument]

It opens the test's site as ``kiosk serve`` does (build_app with the configuration the
environment gives: the test's XDG folders, its SQLite file and keys folder; the audit key signing)
but starts no FastAPI application, server or Qt (each would cost a second or more of CPU per
case); the station's side, where there is one, calls the server's queue in this process. The
operation runs until :func:`kiosk.faults.crash_point` meets the point and the process dies by
SIGKILL; an operation that gets to its end prints ``finished`` and exits 0 (the test then fails:
the point was never reached).

Operations:
  checkin        a walk-in checks in at the kiosk and the desk approves it (its badge prints)
  station-print  the station ``kiosk-1`` prints what the server queued for it
  issue-card     a visitor card, on the PN532 (its emulator) at the pty ``argument``
  export         the visitor log of the test's day as CSV, into the server's exports folder
  import         the staff directory CSV file ``argument``
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk import faults
from kiosk.api.schemas import ClaimedJob
from kiosk.app import KioskApp, build_app
from kiosk.client.api import PrintJobs
from kiosk.config import load_config
from kiosk.devices.emulated import EmulatedPrinter
from kiosk.domain.clock import FrozenClock
from kiosk.domain.views import PrintOutcome
from kiosk.printing.layout import PrinterProfile
from kiosk.printing.send import Printer
from kiosk.services.audit import Actor
from kiosk.services.print_queue import PrintQueue

# The tests' clock: 2026-11-25 10:00 in Shanghai (tests.conftest.TEST_NOW; not imported, that
# module pulls in Qt and the whole application).
NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
DESK = Actor.desk("desk-1")
KIOSK = Actor.kiosk("kiosk-1")
STATION = "kiosk-1"


def printer_at(data_dir: Path) -> Printer:
    """The site's printer: demo mode's emulated one, a folder of the documents it received
    (``000001.bin``...), which outlives the process that sent them."""
    return Printer(EmulatedPrinter(data_dir / "printer"), PrinterProfile())


class DirectPrintJobs(PrintJobs):
    """A station's print-job calls answered by the server's queue in this process, as the
    /print-jobs routes answer them (claim, report), without HTTP."""

    def __init__(self, queue: PrintQueue, station: str = STATION, actor: Actor = KIOSK) -> None:
        self._queue = queue
        self._station = station
        self._actor = actor

    def claim(self) -> list[ClaimedJob]:
        return [
            ClaimedJob(
                job_id=j.job_id,
                document=j.document,
                data=j.data,
                language=j.language,
                reference=j.reference,
                is_copy=j.is_copy,
            )
            for j in self._queue.claim_for_station(self._station)
        ]

    def report(self, job_id: int, printed: bool, printer: str | None, error: str | None) -> PrintOutcome:
        return self._queue.report_from_station(self._station, job_id, self._actor, printer, error)

    def report_printers(self, states: list[tuple[str, str]]) -> None:
        pass


def checkin(core: KioskApp) -> None:
    from kiosk.domain.views import CheckInRequest
    from kiosk.domain.visit import Approver

    host_id = core.directory.search("")[0].host_id
    pending = core.checkin.check_in(CheckInRequest("王小二", host_id, declaration_accepted=True), KIOSK)
    core.checkin.approve(pending.visit_id, DESK, Approver.DESK)


def station_print(core: KioskApp) -> None:
    from kiosk.client.printing import StationPrinting

    StationPrinting(DirectPrintJobs(core.print_queue), core.print_queue.printers).run_once()


def issue_card(core: KioskApp) -> None:
    from kiosk.domain.credential import CardKind

    now = core.clock.now()
    core.cards.issue(CardKind.VISITOR, now, now + timedelta(hours=8), DESK, timeout_s=5)


def export(core: KioskApp) -> None:
    import tempfile

    from kiosk.domain.staff import Role
    from kiosk.domain.visitor_log import LogFilter
    from kiosk.server.startup import export_folder

    # Where the server's export route writes (kiosk/server/routes/visitor_log.py).
    folder = Path(tempfile.mkdtemp(prefix="kiosk-export-", dir=export_folder(core.export_dir)))
    day = core.clock.now().astimezone(core.site.timezone).date()
    core.visitor_log.export(LogFilter(day, day), "csv", folder / "visitor-log.csv", DESK, Role.SUPERVISOR)


def import_directory(core: KioskApp, path: str) -> None:
    file = Path(path)
    core.directory.import_file(file.read_bytes(), file.name, DESK)


def main(argv: list[str]) -> int:
    operation, *rest = argv
    encoder = None
    if operation == "issue-card":
        from kiosk.devices.pn532.driver import Pn532Encoder

        # A station's encoder: no site key, the card service gives each card's keys.
        encoder = Pn532Encoder(rest[0], reply_timeout_s=0.3, gap_s=0.05)
    # In Shanghai, where NOW is 10:00 (in the machine's UTC it would be 02:00: night duty's hours).
    config = replace(load_config(), timezone="Asia/Shanghai")
    core = build_app(
        config, "server", printer=printer_at(config.data_dir).device, encoder=encoder, clock=FrozenClock(NOW)
    )
    try:
        if operation == "checkin":
            checkin(core)
        elif operation == "station-print":
            station_print(core)
        elif operation == "issue-card":
            issue_card(core)
        elif operation == "export":
            export(core)
        elif operation == "import":
            import_directory(core, rest[0])
        else:
            print(f"unknown operation {operation!r}", file=sys.stderr)
            return 2
    finally:
        core.close()
    print("finished", flush=True)
    return 0


def run_case(argv: list[str], environment: dict[str, str], point: str, output: str) -> None:
    """``main(argv)`` in a process forked from the tests' fork server (tests/faults), which has
    imported all of this already: the test's environment, its crash point armed, stdout and
    stderr into the file ``output``."""
    import os

    os.environ.clear()
    os.environ.update(environment)
    fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    sys.stdout.flush()
    sys.stderr.flush()
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    faults.arm(point)
    sys.exit(main(argv))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
