"""`kiosk db copy`: a site's database into another one, as a site moves from SQLite to PostgreSQL.

The target is brought to the newest migration, then every table is copied in foreign-key order,
in batches (a visitor log of 100k rows never sits in memory whole), in ONE transaction on the
target: a copy that fails half-way leaves the target as it was. The source is read in one read
transaction, so the copy is one consistent snapshot even if someone wrote meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Integer, Table, func, inspect, select, text

from kiosk.storage import migrate
from kiosk.storage.database import Database, SchemaNewerError
from kiosk.storage.models import Base

log = logging.getLogger(__name__)

BATCH_ROWS = 2000
# Alembic's own table: the target's is written by its migrations, not copied.
_VERSION_TABLE = "alembic_version"


class CopyRefusedError(RuntimeError):
    """The copy did not start, or was undone: the message says why; the target holds no new row."""


@dataclass(frozen=True)
class CopiedTable:
    name: str
    rows: int


def copy_database(
    source: Database,
    target: Database,
    *,
    replace: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> list[CopiedTable]:
    """Copy every row of ``source`` into ``target``; the tables and their row counts.

    ``target`` must hold no data (CopyRefusedError naming the tables that do), unless
    ``replace``: then its rows are deleted in the same transaction as the copy, so a failure
    leaves the old ones. ``progress(table, rows)`` is told after each batch.
    """
    check_source(source)
    if not replace:
        # Before migrating it: a refused copy must not have upgraded someone's database either.
        with target.engine.connect() as conn:
            _refuse_if_filled(_filled_tables(conn, every_table=True))
    try:
        migrate.upgrade(target.engine)
    except SchemaNewerError as exc:
        raise CopyRefusedError(f"the target {exc}") from None
    tables = Base.metadata.sorted_tables  # parents before children
    copied: list[CopiedTable] = []
    with source.sessions.reads() as reading, target.engine.begin() as writing:
        read = reading.connection()
        if replace:
            for table in reversed(tables):
                writing.execute(table.delete())
        else:
            # Again, under the writer lock: a server started meanwhile may have written.
            _refuse_if_filled(_filled_tables(writing, every_table=False))
            # The migrations' own starting rows make way for the source's (which began as the same).
            for name in SEEDED_BY_MIGRATIONS:
                writing.execute(Base.metadata.tables[name].delete())
        for table in tables:
            copied.append(CopiedTable(table.name, _copy_table(read, writing, table, progress)))
        if writing.dialect.name == "postgresql":
            _reset_sequences(writing, tables)
        _verify_counts(read, writing, copied)
    return copied


def check_source(source: Database) -> None:
    """Refuse a source that is not at this version's newest migration."""
    current = migrate.current_revision(source.engine)
    head = migrate.head_revision()
    if current == head:
        return
    if current is None:
        raise CopyRefusedError("the source database has no kiosk tables: there is nothing to copy")
    raise CopyRefusedError(
        f"the source database is at revision {current}, not this version's newest ({head}): "
        "run `kiosk db upgrade` on it first (or, if a newer version upgraded it, copy with that version)"
    )


# Tables a migration fills with a starting list (migration 0026: the courier companies most desks
# use): in a just-migrated target they are not "data someone would lose".
SEEDED_BY_MIGRATIONS = ("courier_companies",)


def _filled_tables(conn: Connection, *, every_table: bool) -> list[str]:
    """The tables that hold rows: every table of the target's schema before it is migrated (the
    URL may name some other application's database), the kiosk's own after."""
    if every_table:
        names = [n for n in inspect(conn).get_table_names() if n != _VERSION_TABLE]
    else:
        names = list(Base.metadata.tables)
    # Before migrating too: a target someone migrated beforehand holds no one's data yet.
    names = [n for n in names if n not in SEEDED_BY_MIGRATIONS]
    quote = conn.dialect.identifier_preparer.quote
    return [n for n in names if conn.execute(text(f"SELECT 1 FROM {quote(n)} LIMIT 1")).first()]


def _refuse_if_filled(filled: Sequence[str]) -> None:
    if filled:
        raise CopyRefusedError(
            f"the target database already holds data (in {', '.join(sorted(filled))}): copy into a "
            "new, empty database, or add --replace to delete what it holds and copy over it"
        )


def _copy_table(
    read: Connection, writing: Connection, table: Table, progress: Callable[[str, int], None] | None
) -> int:
    # Ordered by primary key: a row that refers to an earlier row of its own table (a refund to
    # its payment) comes after it.
    stmt = select(table).order_by(*table.primary_key.columns).execution_options(yield_per=BATCH_ROWS)
    result = read.execute(stmt)
    rows = 0
    for batch in result.partitions():
        _insert_batch(writing, table, [row._asdict() for row in batch])
        rows += len(batch)
        if progress is not None:
            progress(table.name, rows)
    return rows


def _insert_batch(writing: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    writing.execute(table.insert(), rows)


def _reset_sequences(writing: Connection, tables: Sequence[Table]) -> None:
    """Move each SERIAL/identity sequence past the copied ids, or the next insert would take id 1
    again. (setval is not undone by a rollback: a failed copy leaves the sequences further on,
    which costs nothing.)"""
    for table in tables:
        for column in table.primary_key.columns:
            if not isinstance(column.type, Integer):
                continue
            sequence = writing.execute(
                text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": table.name, "column": column.name},
            ).scalar()
            if sequence is None:
                continue
            highest = writing.execute(select(func.max(column))).scalar()
            # is_called false: the next nextval() returns exactly this value.
            writing.execute(
                text("SELECT setval(:sequence, :next, false)"),
                {"sequence": sequence, "next": (highest or 0) + 1},
            )


def _verify_counts(read: Connection, writing: Connection, copied: Sequence[CopiedTable]) -> None:
    tables = Base.metadata.tables
    wrong = []
    for entry in copied:
        table = tables[entry.name]
        source_rows = read.execute(select(func.count()).select_from(table)).scalar()
        target_rows = writing.execute(select(func.count()).select_from(table)).scalar()
        if not source_rows == target_rows == entry.rows:
            wrong.append(f"{entry.name} (source {source_rows}, copied {entry.rows}, target {target_rows})")
    if wrong:
        raise CopyRefusedError(f"row counts differ after the copy, which was undone: {'; '.join(wrong)}")
