"""The storage layer on both databases: SQLite (the embedded default) and PostgreSQL (a site whose
servers share one database). What only SQLite has (WAL, its pragmas, its file) is tested on
SQLite alone, with the reason written on the test."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import inspect, select
from sqlalchemy import text as sql
from sqlalchemy.exc import DBAPIError, IntegrityError, StatementError

from kiosk.services.counters import next_value
from kiosk.storage import migrate
from kiosk.storage.database import Database, DatabaseUrlError, SchemaNewerError, parse_database_url
from kiosk.storage.models import Base, Counter, Visit, VisitStatus

SQLITE_ONLY = "SQLite's own settings (WAL, pragmas): PostgreSQL has no such thing to check"


@pytest.fixture
def empty(empty_database: str) -> Iterator[Database]:
    with Database.open(empty_database) as db:
        yield db


@pytest.fixture
def migrated_from_nothing(empty: Database) -> Database:
    """A database migrated from nothing to the newest revision, here."""
    migrate.upgrade(empty.engine)
    return empty


@pytest.fixture
def database(bare_database: str) -> Iterator[Database]:
    """A database at the newest revision: a copy of one migrated from nothing (the two tests of
    the migrations themselves take ``migrated_from_nothing``)."""
    with Database.open(bare_database) as db:
        yield db


def test_upgrade_creates_every_table_and_is_idempotent(migrated_from_nothing: Database) -> None:
    database = migrated_from_nothing
    assert set(inspect(database.engine).get_table_names()) >= set(Base.metadata.tables)
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    assert migrate.upgrade(database.engine) is False


def test_no_drift_between_models_and_migrations(migrated_from_nothing: Database) -> None:
    migrate.check(migrated_from_nothing.engine)


def test_drift_is_detected(database: Database) -> None:
    with database.engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_visits_checked_in_at")
    with pytest.raises(migrate.SchemaDriftError):
        migrate.check(database.engine)


@pytest.mark.one_database("sqlite", reason=SQLITE_ONLY)
def test_sqlite_runs_in_wal_with_foreign_keys_and_busy_timeout(database: Database) -> None:
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    # WAL is a property of the file: a plain sqlite3 connection sees it too.
    file = str(database.engine.url.database)
    assert sqlite3.connect(file).execute("PRAGMA journal_mode").fetchone() == ("wal",)


@pytest.mark.one_database("sqlite", reason=SQLITE_ONLY)
def test_sqlite_syncs_every_commit_to_disk(database: Database) -> None:
    """synchronous=FULL: a commit whose badge or receipt number is already on paper survives a
    power cut (NORMAL in WAL mode may lose the last commits; it only keeps the file sound)."""
    full = 2
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == full
    # Every pooled connection, the readers' too: the pragma is per connection.
    with database.sessions.reads() as session:
        assert session.execute(sql("PRAGMA synchronous")).scalar() == full


def a_visit(host_id: int, at: datetime) -> Visit:
    return Visit(
        badge_number="V000001",
        visitor_name="张三",
        company="",
        host_id=host_id,
        status=VisitStatus.ON_SITE,
        language="zh_CN",
        station="t",
        checked_in_at=at,
        valid_until=at,
    )


def test_foreign_keys_are_enforced(database: Database) -> None:
    with pytest.raises(IntegrityError), database.sessions.begin() as session:
        session.add(a_visit(host_id=999, at=datetime.now(UTC)))


def test_naive_datetimes_are_refused(database: Database) -> None:
    with pytest.raises(StatementError, match="naive"), database.sessions.begin() as session:
        session.add(a_visit(host_id=1, at=datetime(2026, 1, 1)))
        session.flush()


def test_counters_never_repeat_across_threads(database: Database) -> None:
    seen: list[int] = []
    lock = threading.Lock()

    def allocate() -> None:
        for _ in range(25):
            with database.sessions.begin() as session:
                value = next_value(session, "badge")
            with lock:
                seen.append(value)

    threads = [threading.Thread(target=allocate) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(seen) == list(range(1, 101))


def badge_counter(database: Database) -> int | None:
    with database.sessions.reads() as session:
        return session.scalar(select(Counter.value).where(Counter.name == "badge"))


def test_a_read_takes_no_write_lock_and_keeps_one_snapshot(database: Database) -> None:
    with database.sessions.begin() as session:
        next_value(session, "badge")
    count = select(Counter.value).where(Counter.name == "badge")
    written: list[int] = []

    def write() -> None:
        with database.sessions.begin() as session:
            written.append(next_value(session, "badge"))

    with database.sessions.reads() as reading:
        assert reading.scalar(count) == 1
        # The write commits while the read is open (a read holding the write lock would keep it
        # waiting until the read ends: SQLite's BEGIN IMMEDIATE, PostgreSQL's writer lock).
        writer = threading.Thread(target=write)
        writer.start()
        writer.join(3)
        assert written == [2], "the writer waited for the read"
        assert reading.scalar(count) == 1  # the read's snapshot, taken at its first query
    assert badge_counter(database) == 2


def test_a_read_session_refuses_to_write_and_its_connection_writes_again(database: Database) -> None:
    # SQLite: "attempt to write a readonly database"; PostgreSQL: "read-only transaction".
    with pytest.raises(DBAPIError, match=r"readonly|read-only"), database.sessions.reads() as session:
        next_value(session, "badge")
    # The pool hands the same connection to a writer: it writes.
    with database.sessions.begin() as session:
        assert next_value(session, "badge") == 1
    assert badge_counter(database) == 1


def test_a_rolled_back_number_is_given_again(database: Database) -> None:
    with database.sessions.begin() as session:
        assert next_value(session, "receipt") == 1
    with pytest.raises(RuntimeError), database.sessions.begin() as session:
        assert next_value(session, "receipt") == 2
        raise RuntimeError("printer exploded before commit")
    with database.sessions.begin() as session:
        assert next_value(session, "receipt") == 2


@pytest.mark.parametrize(
    "url",
    ["sqlite:///x.db", "sqlite://", "postgresql+psycopg://u:p@h/db"],
)
def test_supported_urls(url: str) -> None:
    parse_database_url(url)


@pytest.mark.parametrize(
    "url",
    ["mysql://u@h/db", "postgresql://u@h/db", "postgresql+psycopg://u@h", "sqlite+aiosqlite:///x", "::"],
)
def test_unsupported_urls(url: str) -> None:
    with pytest.raises(DatabaseUrlError):
        parse_database_url(url)


def test_upgrade_from_0001_keeps_print_jobs(empty: Database) -> None:
    from alembic import command

    from kiosk.storage.migrate import _alembic_config

    with empty.engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
    with empty.engine.begin() as conn:
        conn.execute(
            sql(
                "INSERT INTO print_jobs (document, reference, payload, status, attempts, created_at) "
                "VALUES ('badge', 'V000001', :payload, 'failed', 1, '2026-11-25 02:00:00')"
            ),
            {"payload": b"\x1b@"},
        )
    assert migrate.upgrade(empty.engine)
    migrate.check(empty.engine)
    with empty.engine.connect() as conn:
        row = conn.execute(sql("SELECT next_attempt_at, station, copy, data, payload FROM print_jobs")).one()
    assert str(row[0]).startswith("2026-11-25 02:00:00")
    assert tuple(row[1:4]) == ("", 0, "{}")
    assert bytes(row[4]) == b"\x1b@"


def test_a_database_newer_than_the_code_is_refused_in_words(database: Database) -> None:
    """A newer version upgraded the database (an update rolled back, or a second server not yet
    updated): this one starts on nothing, and says why, instead of Alembic's traceback."""
    with database.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00dfeed1234'")
    with pytest.raises(SchemaNewerError, match="revision f00dfeed1234, which this version") as refused:
        migrate.upgrade(database.engine)
    assert f"its newest is {migrate.head_revision()}" in str(refused.value)
    assert migrate.current_revision(database.engine) == "f00dfeed1234"  # left as it was


class _Definition:
    nodeid = "tests/storage/test_x.py::test_x"

    def __init__(self, marker: pytest.Mark) -> None:
        self.marker = marker

    def get_closest_marker(self, name: str) -> pytest.Mark | None:
        return self.marker if name == self.marker.name else None


class _Metafunc:
    def __init__(self, mark: pytest.MarkDecorator) -> None:
        self.definition = _Definition(mark.mark)


@pytest.mark.parametrize(
    "mark",
    [
        pytest.mark.one_database("sqlite"),
        pytest.mark.one_database("sqlite", reason="  "),
        pytest.mark.one_database("mysql", reason="why"),
        pytest.mark.one_database(reason="why"),
    ],
    ids=["no-reason", "blank-reason", "unknown-database", "no-database"],
)
def test_one_database_needs_a_database_and_a_written_reason(mark: pytest.MarkDecorator) -> None:
    from tests.conftest import one_database

    with pytest.raises(pytest.UsageError, match="written reason"):
        one_database(_Metafunc(mark))  # type: ignore[arg-type]
    assert one_database(_Metafunc(pytest.mark.one_database("postgresql", reason="why"))) == ["postgresql"]  # type: ignore[arg-type]
