"""A long import never blocks a check-in, on either database: it is checked with no write lock and
stored in short batches. (An export reads in a read session, no write lock:
tests/services/test_visitor_log.py::test_a_kiosk_checks_in_while_a_long_export_is_half_way.)"""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from kiosk import cli
from kiosk.app import KioskApp
from kiosk.domain.imports import DirectoryRow
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import VisitStatus
from kiosk.services import csv_import, directory
from kiosk.services.audit import Actor
from kiosk.services.csv_import import Counts, ImportInterruptedError
from kiosk.storage.models import AuditEvent, Host

SUPERVISOR = Actor("staff", "boss")
ADMIN = Actor("cli", "admin")
DAY = date(2026, 11, 24)
FILE = "hr-export.csv"  # not the demo directory's file, whose import is on record too
# Far longer than a check-in takes, far shorter than the long work it must not wait for.
PROMPTLY_S = 2.0


def check_in(app: KioskApp, name: str) -> tuple[float, VisitStatus]:
    host = app.directory.search("")[0].host_id
    started = time.monotonic()
    result = app.checkin.check_in(CheckInRequest(name, host, declaration_accepted=True), app.actor)
    return time.monotonic() - started, result.status


def directory_csv(rows: int) -> bytes:
    lines = ["姓名,部门,分机,手机,邮箱"]
    lines += [f"员工{n},部门{n % 40},{8000 + n % 1000},,staff{n}@example.com" for n in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def hosts_imported(app: KioskApp) -> int:
    with app.database.sessions.reads() as session:
        return session.scalar(select(func.count(Host.id)).where(Host.email.like("staff%@example.com"))) or 0


def events(app: KioskApp, prefix: str) -> list[AuditEvent]:
    """The audit events of this test's imports (of FILE) whose action starts with ``prefix``."""
    with app.database.sessions.reads() as session:
        found = session.scalars(select(AuditEvent).where(AuditEvent.action.like(f"{prefix}%")))
        return [event for event in found if json.loads(event.detail).get("file") == FILE]


def test_a_check_in_is_not_held_up_for_a_long_imports_length(
    app: KioskApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each batch is slowed to 0.1 s inside its transaction: the import takes 2 s or so, a
    check-in arriving during it waits for one batch at most (before, the import held the write
    lock from start to end, and the check-in waited for all of it). Batches of 50 rows: the rows'
    number does not matter here, only that there are many batches."""
    monkeypatch.setattr(csv_import, "BATCH_ROWS", 50)
    rows = 12 * csv_import.BATCH_ROWS
    store = directory.DIRECTORY_SPEC.store

    def slow_store(session: Session, batch: list[DirectoryRow], now: datetime) -> Counts:
        counts = store(session, batch, now)
        storing.set()
        time.sleep(0.1)
        return counts

    storing = threading.Event()
    monkeypatch.setattr(directory, "DIRECTORY_SPEC", replace(directory.DIRECTORY_SPEC, store=slow_store))
    with ThreadPoolExecutor(1) as pool:
        importing = pool.submit(app.directory.import_file, directory_csv(rows), FILE, ADMIN)
        assert storing.wait(30)
        took, status = check_in(app, "王五")
        assert not importing.done(), "the check-in waited for the whole import"
        report = importing.result(60)
    assert status is VisitStatus.PENDING and took < PROMPTLY_S, took
    assert (report.imported, report.added) == (True, rows)
    assert hosts_imported(app) == rows
    [started] = events(app, "directory.import_started")
    [finished] = events(app, "directory.imported")
    assert json.loads(started.detail)["rows"] == rows and json.loads(finished.detail)["added"] == rows


def test_an_import_that_fails_half_way_says_so_and_importing_again_finishes_it(
    app: KioskApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stored in batches, an import cut short leaves its first batches: never silently. The
    import raises saying how many rows were stored, the audit trail has it started and
    interrupted, never finished; the same file imported again adds the rest, nothing twice."""
    monkeypatch.setattr(csv_import, "PAUSE_BETWEEN_BATCHES_S", 0)
    rows = 3 * csv_import.BATCH_ROWS
    working = storing_fails_at_batch(monkeypatch, 3)
    data = directory_csv(rows)
    with pytest.raises(ImportInterruptedError, match=f"after {2 * csv_import.BATCH_ROWS} of {rows} rows"):
        app.directory.import_file(data, FILE, ADMIN)
    assert hosts_imported(app) == 2 * csv_import.BATCH_ROWS
    assert len(events(app, "directory.import_started")) == 1
    [interrupted] = events(app, "directory.import_interrupted")
    assert json.loads(interrupted.detail)["stored"] == 2 * csv_import.BATCH_ROWS
    assert events(app, "directory.imported") == []

    monkeypatch.setattr(directory, "DIRECTORY_SPEC", working)
    again = app.directory.import_file(data, FILE, ADMIN)
    assert (again.added, again.unchanged) == (csv_import.BATCH_ROWS, 2 * csv_import.BATCH_ROWS)
    assert hosts_imported(app) == rows


def storing_fails_at_batch(monkeypatch: pytest.MonkeyPatch, failing: int) -> csv_import.ImportSpec[Any]:
    """The directory import's store fails at batch number ``failing`` (from 1) as a full disk
    would; returns the working spec, to put back."""
    working = directory.DIRECTORY_SPEC
    calls = 0

    def store(session: Session, batch: list[DirectoryRow], now: datetime) -> Counts:
        nonlocal calls
        calls += 1
        if calls == failing:
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))
        return working.store(session, batch, now)

    monkeypatch.setattr(directory, "DIRECTORY_SPEC", replace(working, store=store))
    return working


def test_the_command_line_says_how_far_an_interrupted_import_got(
    app: KioskApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk directory import` cut short: how many rows are in and what to do, no traceback."""
    monkeypatch.setattr(csv_import, "PAUSE_BETWEEN_BATCHES_S", 0)
    monkeypatch.setenv("KIOSK_DATABASE_URL", app.config.database_url)
    storing_fails_at_batch(monkeypatch, 2)
    path = tmp_path / FILE
    path.write_bytes(directory_csv(2 * csv_import.BATCH_ROWS))
    assert cli.main(["directory", "import", str(path)]) == cli.EXIT_IMPORT
    said = capsys.readouterr().err
    assert f"stopped after {csv_import.BATCH_ROWS} of {2 * csv_import.BATCH_ROWS} rows were stored" in said
    assert "import the same file again to finish" in said and "disk I/O error" in said
    assert "Traceback" not in said
    assert hosts_imported(app) == csv_import.BATCH_ROWS


def test_an_import_failing_in_its_first_batch_stores_nothing(
    app: KioskApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    storing_fails_at_batch(monkeypatch, 1)
    with pytest.raises(OperationalError):
        app.directory.import_file(directory_csv(3 * csv_import.BATCH_ROWS), FILE, ADMIN)
    assert hosts_imported(app) == 0
    assert events(app, "directory.import") == []
