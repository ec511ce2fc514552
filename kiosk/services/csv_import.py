"""One import engine for the CSV files sites hand over (staff directory, residents, fee ledger).

Reads UTF-8 (with or without BOM) or GB18030 (what Chinese Excel saves), maps Chinese or English
headers to fields, validates every row, and reports bad rows by line number. By default a file
with a bad row changes nothing; ``skip_bad_rows`` imports the good rows and lists the others.
Each kind upserts on its natural key, so importing the same file twice changes nothing.

A long file never holds up the lobby: it is read and checked with no write lock, then stored in
batches of BATCH_ROWS, each its own short transaction, so a check-in waits for one batch at most
rather than the whole file. The price is that a failure half-way (the database lost, the disk
full) leaves the batches before it stored; it is never silent: the first batch records that the
import started, the last that it finished (so an import cut short, even by a power cut, shows as
started and never finished in the audit trail), and a failure raises ImportInterruptedError
saying how many rows were stored. Importing the same file again finishes it: the stored rows
match their keys and are left as they are.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import time
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from kiosk.domain.imports import Column, RowError
from kiosk.domain.text import sanitize_text
from kiosk.faults import crash_point
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.storage.database import Sessions

log = logging.getLogger(__name__)
R = TypeVar("R")
MAX_FILE_BYTES = 50 * 1024 * 1024
# Rows stored per transaction: a check-in arriving during an import waits for one batch (tens of
# milliseconds), not for the file.
BATCH_ROWS = 500
# A pause after each batch's commit: SQLite's busy handler polls a waiting writer (a check-in) at
# most 100 ms apart, and without a gap the import would take the lock again before the poll.
# (PostgreSQL queues lock waiters fairly and needs no gap.) 10,000 rows: 20 batches, 2 s of pauses.
PAUSE_BETWEEN_BATCHES_S = 0.1


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (encoding, no header, a required column missing)."""


class ImportInterruptedError(RuntimeError):
    """Storing failed after some batches were committed: ``stored`` of ``rows`` good rows are in
    the database. Importing the same file again finishes the job (rows match on their keys)."""

    def __init__(self, kind: str, file_name: str, stored: int, rows: int) -> None:
        super().__init__(
            f"{file_name}: the {kind} import stopped after {stored} of {rows} rows were stored; "
            "import the same file again to finish (the stored rows are matched, not added twice)"
        )
        self.stored = stored
        self.rows = rows


@dataclass(frozen=True)
class BadRow:
    line: int
    column: str
    code: str
    reason: str  # English, for the command line and the log


@dataclass(frozen=True)
class Table:
    encoding: str
    rows: list[tuple[int, dict[str, str]]]  # (line number in the file, {field: text})
    ignored_columns: tuple[str, ...]


@dataclass
class ImportReport:
    kind: str
    file: str
    encoding: str
    rows: int
    imported: bool = False  # False: the file had bad rows and nothing was changed
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    bad_rows: list[BadRow] = field(default_factory=list)
    ignored_columns: tuple[str, ...] = ()

    @property
    def skipped(self) -> int:
        return len(self.bad_rows) if self.imported else 0


@dataclass(frozen=True)
class Counts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.added + other.added, self.updated + other.updated, self.unchanged + other.unchanged
        )


@dataclass(frozen=True)
class ImportSpec(Generic[R]):
    """How one kind of file is read and stored.

    ``prepare`` runs in the read that checks the file and returns a check for rows that depend on
    the database (a fee's unit must be in the resident records); ``store`` upserts one batch of
    records in its own transaction (it reads only the stored rows the batch's keys can match).
    """

    kind: str
    columns: tuple[Column, ...]
    validate: Callable[[Mapping[str, str]], R]
    key: Callable[[R], Hashable]
    key_label: str
    store: Callable[[Session, list[R], datetime], Counts]
    prepare: Callable[[Session], Callable[[R], None]] | None = None


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was in: UTF-8 (BOM or not) first, then GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise ImportFileError(f"the file starts as UTF-8 but byte {exc.start} is not UTF-8") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # GB18030 decodes any GBK file; it is what Excel writes as "CSV" on Chinese Windows.
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise ImportFileError("the file is neither UTF-8 nor GB18030 text") from None


def _header_key(text: str) -> str:
    return sanitize_text(text).casefold()


def read_table(data: bytes, columns: Sequence[Column]) -> Table:
    """Decode, map the header row to fields, and return the non-empty rows with line numbers."""
    text, encoding = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError("the file is empty: a header row is required") from None
    except csv.Error as exc:
        raise ImportFileError(f"line 1 is not CSV: {exc}") from None
    wanted = {_header_key(name): column for column in columns for name in column.names}
    positions: dict[str, int] = {}
    ignored: list[str] = []
    for index, name in enumerate(header):
        column = wanted.get(_header_key(name))
        if column is None:
            if sanitize_text(name):
                ignored.append(sanitize_text(name))
            continue
        if column.field in positions:
            raise ImportFileError(f"column {column.names[0]} ({column.names[1]}) appears twice")
        positions[column.field] = index
    missing = [c for c in columns if c.required and c.field not in positions]
    if missing:
        names = ", ".join(f"{c.names[0]} ({c.names[1]})" for c in missing)
        raise ImportFileError(f"required column missing: {names}")
    rows: list[tuple[int, dict[str, str]]] = []
    line = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFileError(f"line {line} is not CSV: {exc}") from None
        if any(v.strip() for v in values):
            rows.append((line, {f: values[i] if i < len(values) else "" for f, i in positions.items()}))
        line = reader.line_num + 1
    return Table(encoding, rows, tuple(ignored))


def check_rows(
    table: Table, spec: ImportSpec[R], check: Callable[[R], None] | None = None
) -> tuple[list[R], list[BadRow]]:
    """Validate every row; a row repeating an earlier row's key is bad too."""
    good: list[R] = []
    bad: list[BadRow] = []
    seen: dict[Hashable, int] = {}
    for line, row in table.rows:
        try:
            record = spec.validate(row)
            if check is not None:
                check(record)
            key = spec.key(record)
            if key in seen:
                raise RowError(spec.key_label, "duplicate", line=seen[key])
        except RowError as error:
            bad.append(BadRow(line, error.column, error.code, str(error)))
            continue
        seen[key] = line
        good.append(record)
    return good, bad


class CsvImporter:
    """Runs an :class:`ImportSpec` over a file's bytes: checked with no write lock, then stored in
    batches (see the module's notes), with its audit events."""

    def __init__(self, sessions: Sessions, clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def run(
        self, spec: ImportSpec[R], data: bytes, file_name: str, actor: Actor, skip_bad_rows: bool = False
    ) -> ImportReport:
        if len(data) > MAX_FILE_BYTES:
            raise ImportFileError(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
        table = read_table(data, spec.columns)
        report = ImportReport(
            spec.kind, file_name, table.encoding, len(table.rows), ignored_columns=table.ignored_columns
        )
        now = self._clock.now()
        with self._sessions.reads() as session:
            check = spec.prepare(session) if spec.prepare is not None else None
            good, report.bad_rows = check_rows(table, spec, check)
        if report.bad_rows and not skip_bad_rows:
            with self._sessions.begin() as session:
                _record(
                    session, actor, spec.kind, "import_refused", now, file_name,
                    rows=report.rows, bad_lines=[b.line for b in report.bad_rows],
                )  # fmt: skip
            return report
        skipped = [b.line for b in report.bad_rows]
        counts = self._store(
            spec, good, file_name, actor, now, encoding=table.encoding, skipped_lines=skipped
        )
        report.imported = True
        report.added, report.updated, report.unchanged = counts.added, counts.updated, counts.unchanged
        return report

    def _store(
        self, spec: ImportSpec[R], good: list[R], file_name: str, actor: Actor, now: datetime, **details: Any
    ) -> Counts:
        # At least one batch, so an empty file is on record as imported too.
        batches = [good[i : i + BATCH_ROWS] for i in range(0, max(len(good), 1), BATCH_ROWS)]
        total = Counts()
        stored = 0
        try:
            for number, batch in enumerate(batches, 1):
                with self._sessions.begin() as session:
                    if number == 1 and len(batches) > 1:
                        _record(
                            session, actor, spec.kind, "import_started", now, file_name,
                            rows=len(good), batches=len(batches),
                        )  # fmt: skip
                    total += spec.store(session, batch, now)
                    if number == len(batches):
                        _record(
                            session, actor, spec.kind, "imported", now, file_name,
                            added=total.added, updated=total.updated, unchanged=total.unchanged, **details,
                        )  # fmt: skip
                stored += len(batch)
                crash_point("csv_import.batch_committed")
                if number < len(batches):
                    time.sleep(PAUSE_BETWEEN_BATCHES_S)
        except Exception as exc:
            if stored == 0:
                raise  # nothing stored: the file is as if never imported
            self._record_interrupted(spec.kind, file_name, actor, now, stored, len(good), exc)
            raise ImportInterruptedError(spec.kind, file_name, stored, len(good)) from exc
        return total

    def _record_interrupted(
        self, kind: str, file_name: str, actor: Actor, now: datetime, stored: int, rows: int, exc: Exception
    ) -> None:
        try:
            with self._sessions.begin() as session:
                _record(
                    session, actor, kind, "import_interrupted", now, file_name,
                    stored=stored, rows=rows, error=type(exc).__name__,
                )  # fmt: skip
        except Exception:  # the database that failed the batch may refuse this too
            log.exception("could not record that the %s import of %s stopped half-way", kind, file_name)


def _record(
    session: Session, actor: Actor, kind: str, event: str, now: datetime, file_name: str, **detail: Any
) -> None:
    """An import's audit event (``<kind>.<event>``, about the whole table, ``*``), naming its file."""
    audit.record(session, actor, f"{kind}.{event}", kind, "*", now, file=file_name, **detail)
