"""The kill -9 matrix: an operation in a process of its own (tests/faults/harness.py), killed for
real (SIGKILL) at a named point; then the site opened again as the server opens it at start
(build_app and kiosk.server.startup.recover_at_start, minus the HTTP), and checked: no visit lost
or half there, no number given twice or skipped, no second original on paper, no card counted
issued that was not verified, no export file left with personal data, a database that passes its
integrity check.

Each case is one OS process (forked from a fork server that imported the program once: see
``FORKS``), killed for real; that is the point of the test, and why there is one per fault
point and no more.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import multiprocessing.process
import os
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from kiosk.app import KioskApp
from kiosk.client.printing import StationPrinting
from kiosk.config import Config
from kiosk.devices.emulated import EmulatedPrinter
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.pn532.driver import Pn532Encoder
from kiosk.devices.pn532.emulator import Pn532Emulator
from kiosk.domain.cards import CardStatus, CardVerdict
from kiosk.domain.credential import CardKind
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver, VisitStatus
from kiosk.faults import ENV, MARKER
from kiosk.server.startup import recover_at_start
from kiosk.services.audit import Actor
from kiosk.services.cards import ATTEMPT_S
from kiosk.services.csv_import import BATCH_ROWS
from kiosk.services.print_queue import printing_for
from kiosk.storage.models import AuditEvent, Counter, Host, PhysicalCard, PrintJob, PrintJobStatus, Visit
from tests.conftest import TEST_NOW, FixedClock, build_test_app
from tests.faults.harness import DESK, STATION, DirectPrintJobs, run_case

pytestmark = pytest.mark.one_database(
    "sqlite", reason="kill -9 of the process that writes tests the database file it leaves behind"
)

COPY = "副本 / COPY"
UID = bytes.fromhex("04A1B2C3")


@dataclass
class Site:
    config: Config
    migrated: Path

    @property
    def printed_dir(self) -> Path:
        return self.config.data_dir / "printer"

    def open(self, clock: FixedClock | None = None) -> KioskApp:
        """The site as a process opens it: build_app on the same database, keys and printer."""
        return build_test_app(
            self.config,
            self.migrated,
            "server",
            printer=EmulatedPrinter(self.printed_dir),
            clock=clock or FixedClock(TEST_NOW),
        )

    def restart(self, clock: FixedClock | None = None) -> KioskApp:
        """The server starting again after the kill: what build_server runs before serving."""
        core = self.open(clock)
        recover_at_start(core)
        return core

    def printed(self) -> list[list[str]]:
        """The text lines of each document the printer received, in order."""
        return [
            parse_escpos(path.read_bytes()).text_lines() for path in sorted(self.printed_dir.glob("*.bin"))
        ]


@pytest.fixture
def site(config: Config, migrated_database: Path) -> Iterator[Site]:
    yield Site(config, migrated_database)


# Each case's process is forked from a fork server that imported the harness (the program, less
# Qt and the HTTP server) once for the test process: a real process, killed for real, without a
# Python start and its imports per case (about a second of CPU each).
FORKS = multiprocessing.get_context("forkserver")
FORKS.set_forkserver_preload(
    ["tests.faults.harness", "kiosk.devices.pn532.driver", "kiosk.domain.visitor_log", "kiosk.server.startup"]
)


@dataclass
class Case:
    process: multiprocessing.process.BaseProcess
    output: Path

    @property
    def pid(self) -> int:
        assert self.process.pid is not None
        return self.process.pid


def harness(operation: str, *args: str, point: str = "") -> Case:
    output = Path(tempfile.mkstemp(prefix="harness-", suffix=".log")[1])
    environment = {**os.environ, ENV: point}
    process = FORKS.Process(target=run_case, args=([operation, *args], environment, point, str(output)))
    process.start()
    return Case(process, output)


def killed(case: Case, point: str | None) -> None:
    """The process died by SIGKILL (at ``point``, when it is a crash point)."""
    case.process.join(60)
    said = case.output.read_text(encoding="utf-8", errors="replace")
    case.output.unlink()
    assert case.process.exitcode == -signal.SIGKILL, said
    if point is not None:
        assert f"{MARKER} {point}" in said


def crash(operation: str, point: str, *args: str) -> None:
    killed(harness(operation, *args, point=point), point)


def integrity_ok(core: KioskApp) -> None:
    with core.database.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []


def first_host(core: KioskApp) -> int:
    with core.database.sessions() as session:
        host = session.scalars(select(Host.id).where(Host.active).order_by(Host.id)).first()
    assert host is not None
    return host


def let_in(core: KioskApp, name: str) -> str:
    """A walk-in checked in and approved at the desk; the badge number."""
    visit = core.checkin.check_in(
        CheckInRequest(name, first_host(core), declaration_accepted=True), Actor.kiosk("k")
    )
    number = core.checkin.approve(visit.visit_id, DESK, Approver.DESK).badge_number
    assert number is not None
    return number


def visits(core: KioskApp) -> list[tuple[str, VisitStatus, str | None]]:
    with core.database.sessions() as session:
        rows = session.execute(
            select(Visit.visitor_name, Visit.status, Visit.badge_number).order_by(Visit.id)
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


def counter(core: KioskApp, name: str) -> int:
    with core.database.sessions() as session:
        return session.scalar(select(Counter.value).where(Counter.name == name)) or 0


def actions(core: KioskApp, prefix: str) -> list[str]:
    with core.database.sessions() as session:
        return list(session.scalars(select(AuditEvent.action).where(AuditEvent.action.startswith(prefix))))


# -- check-in -------------------------------------------------------------------------------------


def _one_visit_before(site: Site) -> None:
    core = site.open()
    assert let_in(core, "甲一") == "V000001"  # committed and printed before the kill
    core.close()


@pytest.mark.parametrize(
    ("point", "after"),
    [
        # The fault point names the case (the test id).
        pytest.param("checkin.submit.in_transaction", [], id="checkin.submit.in_transaction"),
        pytest.param(
            "checkin.submit.committed", [("王小二", VisitStatus.PENDING, None)], id="checkin.submit.committed"
        ),
        pytest.param(
            "checkin.approve.in_transaction",
            [("王小二", VisitStatus.PENDING, None)],
            id="checkin.approve.in_transaction",
        ),
        pytest.param(
            "checkin.approve.committed",
            [("王小二", VisitStatus.ON_SITE, "V000002")],
            id="checkin.approve.committed",
        ),
    ],
)
def test_check_in_killed(site: Site, point: str, after: list[tuple[str, VisitStatus, str | None]]) -> None:
    _one_visit_before(site)
    crash("checkin", point)
    core = site.restart()
    integrity_ok(core)
    # The visit committed before is there; the one killed is there as committed, or not at all.
    assert visits(core) == [("甲一", VisitStatus.ON_SITE, "V000001"), *after]
    assert len(actions(core, "visit.requested")) == 1 + len(after)
    # Numbers: the badge counter is what the visits hold, and the next visitor gets the next one.
    taken = 2 if after and after[0][2] else 1
    assert counter(core, "badge") == taken
    with core.database.sessions() as session:
        jobs = session.scalars(select(PrintJob).order_by(PrintJob.id)).all()
        assert [j.reference for j in jobs] == [f"V{n:06d}" for n in range(1, taken + 1)]
    # A badge queued and never sent prints once, as the original, in the first round.
    core.print_queue.retry_due(DESK)
    assert let_in(core, "丙三") == f"V{taken + 1:06d}"
    papers = site.printed()
    assert [COPY in lines for lines in papers] == [False] * (taken + 1)
    core.close()


# -- a job on paper, not recorded -------------------------------------------------------------------


@pytest.mark.parametrize("point", ["print_queue.sent"])  # the case's name in its id
def test_server_printer_killed_after_the_bytes_went_out(site: Site, point: str) -> None:
    _one_visit_before(site)
    crash("checkin", point)
    assert len(site.printed()) == 2 and COPY not in site.printed()[1]  # V000002's original is on paper
    core = site.restart()
    integrity_ok(core)
    # The housekeeping round's retry: the badge prints again at once, marked COPY.
    assert [o.printed for o in core.print_queue.retry_due(DESK)] == [True]
    assert core.print_queue.retry_due(DESK) == []
    _before, second, again = site.printed()
    assert COPY in again and "V000002" in "".join(again) and COPY not in second
    assert [line for line in again if line != COPY] == second
    with core.database.sessions() as session:
        job = session.scalars(select(PrintJob).where(PrintJob.reference == "V000002")).one()
        assert job.status is PrintJobStatus.PRINTED and job.copy
    core.close()


@pytest.mark.parametrize("point", ["station_print.sent"])  # the case's name in its id
def test_station_printer_killed_after_the_bytes_went_out(site: Site, point: str) -> None:
    core = site.open()
    with printing_for(STATION):  # the visitor's kiosk prints the badge
        let_in(core, "甲一")
    core.close()
    assert site.printed() == []
    crash("station-print", point)
    [original] = site.printed()
    assert COPY not in original
    core = site.restart()
    integrity_ok(core)
    # The station starting again (its GET /site) and its first round.
    core.print_queue.recover_station(STATION)
    jobs = DirectPrintJobs(core.print_queue)
    outcomes = StationPrinting(jobs, [core.print_queue.printers[0]]).run_once()
    assert [o.printed for o in outcomes] == [True]
    assert StationPrinting(jobs, core.print_queue.printers).run_once() == []
    first, again = site.printed()
    assert COPY in again and [line for line in again if line != COPY] == first
    core.close()


# -- cards ----------------------------------------------------------------------------------------


@pytest.fixture
def emulator(tmp_path: Path) -> Iterator[Pn532Emulator]:
    with Pn532Emulator(tmp_path / "pn532") as running:
        yield running


def watch_first_write(emulator: Pn532Emulator, on_write: Callable[[], None]) -> None:
    """Call ``on_write`` once the card on the pad took its first block write (before the
    emulator answers it)."""
    card = emulator.card_on_pad
    assert card is not None
    written = card.write
    fired = threading.Event()

    def write(block: int, data: bytes) -> None:
        written(block, data)
        if not fired.is_set():
            fired.set()
            on_write()

    card.write = write  # type: ignore[method-assign]


def issued_count(core: KioskApp) -> int:
    with core.database.sessions() as session:
        return (
            session.scalar(
                select(func.count()).select_from(PhysicalCard).where(PhysicalCard.status == CardStatus.ISSUED)
            )
            or 0
        )


@pytest.mark.parametrize("point", ["emulator.first_block_write", "card.read_back"])
def test_card_issue_killed(site: Site, emulator: Pn532Emulator, point: str) -> None:
    _one_visit_before(site)
    card = emulator.present(UID)
    if point == "card.read_back":
        crash("issue-card", point, str(emulator.path))
        assert card.read(4) != bytes(16)  # the credential is on the card
    else:
        process = harness("issue-card", str(emulator.path))
        # Watching the emulator: the kill lands between the first block write and its answer.
        watch_first_write(emulator, lambda: os.kill(process.pid, signal.SIGKILL))
        killed(process, None)
        assert card.sector_is_factory(1)  # data first, the trailer last: never closed
    # The server back a few minutes later: the plan it held in memory is gone with it.
    clock = FixedClock(TEST_NOW)
    clock.advance(seconds=ATTEMPT_S + 60)
    core = site.restart(clock)
    integrity_ok(core)
    records = core.cards.records(CardKind.VISITOR)
    assert [(r.label, r.status) for r in records] == [(records[0].label, CardStatus.VOID)]
    assert issued_count(core) == 0
    assert actions(core, "card.issue_abandoned") == ["card.issue_abandoned"]
    # The card itself counts for nothing, and issuing it again takes the next number.
    encoder = Pn532Encoder(str(emulator.path), reply_timeout_s=0.3, gap_s=0.05)
    core.cards.encoder = encoder
    try:
        identity = core.cards.identify(encoder.wait_for_card(2))
        assert not identity.accepted
        if point == "card.read_back":
            assert identity.verdict is CardVerdict.NOT_ISSUED  # ours, signed, never recorded
        now = clock.now()
        issued = core.cards.issue(CardKind.VISITOR, now, now + timedelta(hours=8), DESK, timeout_s=2)
    finally:
        encoder.close()
    assert issued.record.number == records[0].number + 1
    assert counter(core, "card.visitor") == 2 or issued.record.number == 2
    assert issued_count(core) == 1
    core.close()


# -- export and import ------------------------------------------------------------------------------


@pytest.mark.parametrize("point", ["visitor_log.export.written"])  # the case's name in its id
def test_export_killed_leaves_no_file_with_personal_data(site: Site, point: str) -> None:
    _one_visit_before(site)
    crash("export", point)
    exports = site.config.data_dir / "exports"
    [left] = [p for p in exports.rglob("*") if p.is_file()]
    assert left.name.startswith(".export-") and "甲一" in left.read_text(encoding="utf-8-sig")
    core = site.restart()
    integrity_ok(core)
    assert list(exports.iterdir()) == []
    assert actions(core, "visitor_log.exported") == []  # never handed to anyone
    core.close()


@pytest.mark.parametrize("point", ["csv_import.batch_committed"])  # the case's name in its id
def test_import_killed_between_batches(site: Site, tmp_path: Path, point: str) -> None:
    rows = BATCH_ROWS + 20
    names = [f"员工{chr(0x4E00 + n // 100)}{chr(0x4E00 + n % 100)}" for n in range(rows)]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "department", "extension"])
    writer.writerows([name, "机房部", f"{8100 + n}"] for n, name in enumerate(names))
    file = tmp_path / "hr.csv"
    file.write_text(out.getvalue(), encoding="utf-8")
    _one_visit_before(site)
    core = site.open()
    before = actions(core, "directory.import")
    core.close()
    crash("import", point, str(file))
    core = site.restart()
    integrity_ok(core)

    def imported() -> int:
        with core.database.sessions() as session:
            return (
                session.scalar(select(func.count()).select_from(Host).where(Host.department == "机房部")) or 0
            )

    # The first batch is in, and the audit trail says the import started and never finished.
    assert imported() == BATCH_ROWS
    assert actions(core, "directory.import") == [*before, "directory.import_started"]
    # Importing the file again finishes it: the stored rows match their keys.
    report = core.directory.import_file(file.read_bytes(), file.name, DESK)
    assert (report.added, report.unchanged) == (rows - BATCH_ROWS, BATCH_ROWS)
    assert imported() == rows
    core.close()
