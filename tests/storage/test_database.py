from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError, OperationalError, StatementError

from kiosk.services.counters import next_value
from kiosk.storage import database as database_module
from kiosk.storage import migrate
from kiosk.storage.database import Database, DatabaseUrlError, SchemaNewerError, parse_database_url
from kiosk.storage.models import Base, Counter, Visit, VisitStatus


@pytest.fixture
def database(tmp_path: Path) -> Database:
    db = Database.open(f"sqlite:///{tmp_path / 'k.db'}")
    migrate.upgrade(db.engine)
    return db


def test_upgrade_creates_every_table_and_is_idempotent(database: Database) -> None:
    assert set(inspect(database.engine).get_table_names()) >= set(Base.metadata.tables)
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    assert migrate.upgrade(database.engine) is False


def test_no_drift_between_models_and_migrations(database: Database) -> None:
    migrate.check(database.engine)


def test_drift_is_detected(database: Database) -> None:
    with database.engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_visits_checked_in_at")
    with pytest.raises(migrate.SchemaDriftError):
        migrate.check(database.engine)


def test_sqlite_runs_in_wal_with_foreign_keys_and_busy_timeout(database: Database, tmp_path: Path) -> None:
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    # WAL is a property of the file: a plain sqlite3 connection sees it too.
    assert sqlite3.connect(tmp_path / "k.db").execute("PRAGMA journal_mode").fetchone() == ("wal",)


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


def test_a_read_takes_no_write_lock_and_keeps_one_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A writer kept waiting would fail after 0.3 s rather than the real 5.
    monkeypatch.setattr(database_module, "SQLITE_BUSY_TIMEOUT_MS", 300)
    database = Database.open(f"sqlite:///{tmp_path / 'k.db'}")
    migrate.upgrade(database.engine)
    with database.sessions.begin() as session:
        next_value(session, "badge")
    count = select(Counter.value).where(Counter.name == "badge")
    with database.sessions.reads() as reading:
        assert reading.scalar(count) == 1
        # The write commits while the read is open (before, every read held the write lock).
        with database.sessions.begin() as session:
            assert next_value(session, "badge") == 2
        assert reading.scalar(count) == 1  # the read's snapshot, taken at its first query
    assert badge_counter(database) == 2
    database.dispose()


def test_a_read_session_refuses_to_write_and_its_connection_writes_again(database: Database) -> None:
    with pytest.raises(OperationalError, match="readonly"), database.sessions.reads() as session:
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


def test_upgrade_from_0001_keeps_print_jobs(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import text as sql

    from kiosk.storage.migrate import _alembic_config

    db = Database.open(f"sqlite:///{tmp_path / 'old.db'}")
    with db.engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
    with db.engine.begin() as conn:
        conn.execute(
            sql(
                "INSERT INTO print_jobs (document, reference, payload, status, attempts, created_at) "
                "VALUES ('badge', 'V000001', x'1b40', 'failed', 1, '2026-11-25 02:00:00')"
            )
        )
    assert migrate.upgrade(db.engine)
    migrate.check(db.engine)
    with db.engine.connect() as conn:
        row = conn.execute(sql("SELECT next_attempt_at, station, copy, data FROM print_jobs")).one()
    assert str(row[0]).startswith("2026-11-25 02:00:00")
    assert tuple(row[1:]) == ("", 0, "{}")


def test_a_database_newer_than_the_code_is_refused_in_words(database: Database, tmp_path: Path) -> None:
    """A newer version upgraded the database (an update rolled back, or a second server not yet
    updated): this one starts on nothing, and says why, instead of Alembic's traceback."""
    with database.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00dfeed1234'")
    with pytest.raises(SchemaNewerError, match="revision f00dfeed1234, which this version") as refused:
        migrate.upgrade(database.engine)
    assert f"its newest is {migrate.head_revision()}" in str(refused.value)
    assert migrate.current_revision(database.engine) == "f00dfeed1234"  # left as it was
