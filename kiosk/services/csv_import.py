"""One import engine for the CSV files sites hand over (staff directory, residents, fee ledger).

Reads UTF-8 (with or without BOM) or GB18030 (what Chinese Excel saves), maps Chinese or English
headers to fields, validates every row, and reports bad rows by line number. By default a file
with a bad row changes nothing; ``skip_bad_rows`` imports the good rows and lists the others.
Each kind upserts on its natural key, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar

from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.imports import Column, RowError
from kiosk.domain.text import sanitize_text
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock

R = TypeVar("R")
MAX_FILE_BYTES = 50 * 1024 * 1024


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (encoding, no header, a required column missing)."""


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


@dataclass(frozen=True)
class ImportSpec(Generic[R]):
    """How one kind of file is read and stored.

    ``prepare`` runs inside the import's transaction and returns a check for rows that depend on
    the database (a fee's unit must be in the resident records); ``store`` upserts the records.
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
    """Runs an :class:`ImportSpec` over a file's bytes in one transaction, with its audit event."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
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
        with self._sessions.begin() as session:
            check = spec.prepare(session) if spec.prepare is not None else None
            good, report.bad_rows = check_rows(table, spec, check)
            if report.bad_rows and not skip_bad_rows:
                audit.record(
                    session,
                    actor,
                    f"{spec.kind}.import_refused",
                    spec.kind,
                    "*",
                    now,
                    file=file_name,
                    rows=report.rows,
                    bad_lines=[b.line for b in report.bad_rows],
                )
                return report
            counts = spec.store(session, good, now)
            report.imported = True
            report.added, report.updated, report.unchanged = counts.added, counts.updated, counts.unchanged
            audit.record(
                session,
                actor,
                f"{spec.kind}.imported",
                spec.kind,
                "*",
                now,
                file=file_name,
                encoding=table.encoding,
                added=counts.added,
                updated=counts.updated,
                unchanged=counts.unchanged,
                skipped_lines=[b.line for b in report.bad_rows],
            )
        return report
