"""Servers starting together upgrade the schema once (SQLite: the upgrade's BEGIN IMMEDIATE;
PostgreSQL: an advisory lock of the migrations' own as well), and a server refuses a database
newer than its code on PostgreSQL as it does on SQLite (tests/test_cli.py)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

import psycopg
import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy import text as sql
from sqlalchemy.engine import make_url

from kiosk.storage import migrate
from kiosk.storage.database import MIGRATIONS_DIR, WRITER_LOCK, Database, SchemaNewerError
from kiosk.storage.models import Base
from tests.test_cli import kiosk

SERVERS = 3

# One server's start, as far as the schema goes: open the database, wait for the signal (so that
# every process has imported and connected and they all upgrade at the same moment), upgrade, and
# say what it did: whether it applied anything, and how many migrations it ran (Alembic logs
# "Running upgrade A -> B" for each).
STARTING_SERVER = textwrap.dedent(
    """
    import json, logging, sys
    from kiosk.storage import migrate
    from kiosk.storage.database import Database, EngineSettings

    ran = []
    class Ran(logging.Handler):
        def emit(self, record):
            if record.getMessage().startswith("Running upgrade"):
                ran.append(record.getMessage())
    alembic_log = logging.getLogger("alembic.runtime.migration")
    alembic_log.setLevel(logging.INFO)
    alembic_log.addHandler(Ran())
    limit = EngineSettings(statement_timeout_s=float(sys.argv[2])) if len(sys.argv) > 2 else None
    with Database.open(sys.argv[1], limit) as database:
        with database.engine.connect():
            pass
        print("ready", flush=True)
        sys.stdin.readline()
        try:
            print(json.dumps({"applied": migrate.upgrade(database.engine), "ran": len(ran)}))
        except Exception as exc:
            print(json.dumps({"error": repr(exc)}))
    """
)


def starting_server(url: str, statement_timeout_s: float | None = None) -> subprocess.Popen[str]:
    """A process that has opened ``url`` and waits for :func:`go` to upgrade it."""
    limit = [] if statement_timeout_s is None else [str(statement_timeout_s)]
    process = subprocess.Popen(
        [sys.executable, "-c", STARTING_SERVER, url, *limit],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    if process.stdout.readline().strip() != "ready":
        process.kill()
        pytest.fail(f"the starting server did not open the database: {process.communicate()}")
    return process


def go(process: subprocess.Popen[str]) -> None:
    assert process.stdin is not None
    process.stdin.write("go\n")
    process.stdin.flush()


def what_it_said(process: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = process.communicate(timeout=60)
    assert out.strip(), err
    said: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return said


def start_together(url: str, count: int) -> list[dict[str, Any]]:
    """``count`` processes upgrading the database at ``url`` at the same moment; what each said."""
    processes: list[subprocess.Popen[str]] = []
    try:
        processes = [starting_server(url) for _ in range(count)]
        for process in processes:
            go(process)
        return [what_it_said(process) for process in processes]
    finally:
        for process in processes:
            process.kill()


def migrations() -> int:
    return sum(1 for _ in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions())


@pytest.mark.heavy
def test_servers_starting_together_on_a_new_database_upgrade_it_once(empty_database: str) -> None:
    said = start_together(empty_database, SERVERS)
    assert [s for s in said if "error" in s] == []
    # One upgraded; the others waited for it and found the schema at head.
    assert sorted(s["applied"] for s in said) == [False] * (SERVERS - 1) + [True]
    assert sum(s["ran"] for s in said) == migrations()  # every migration ran, once
    with Database.open(empty_database) as database:
        assert set(inspect(database.engine).get_table_names()) >= set(Base.metadata.tables)
        with database.engine.connect() as conn:
            versions = conn.execute(sql("SELECT version_num FROM alembic_version")).scalars().all()
        assert versions == [migrate.head_revision()]


def test_a_server_refuses_a_postgresql_database_newer_than_its_code(postgres_database: str) -> None:
    """On PostgreSQL as on SQLite: one clear line, no traceback, nothing touched; and the refusal
    leaves the migrations' lock free for the newer version's servers."""
    with Database.open(postgres_database) as database:
        with database.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00dfeed1234'")
        with pytest.raises(SchemaNewerError, match="revision f00dfeed1234, which this version"):
            migrate.upgrade(database.engine)
        assert migration_lock_is_free(postgres_database)
    result = kiosk("serve", "--listen", "127.0.0.1:0", env_extra={"KIOSK_DATABASE_URL": postgres_database})
    assert result.returncode == 2, result.stderr
    assert "revision f00dfeed1234, which this version of the program does not know" in result.stderr
    assert "Traceback" not in result.stderr
    assert current_version(postgres_database) == "f00dfeed1234"  # left as it was


def test_an_upgrade_waits_while_another_server_holds_the_migrations_lock(
    empty_postgres_database: str,
) -> None:
    """PostgreSQL's advisory lock (SQLite has none: its upgrades queue on BEGIN IMMEDIATE, tested
    above): a server's upgrade waits while another holds the lock, and does not hold the writers'
    lock (every writing transaction's) meanwhile: the read here takes it. It waits longer than a
    request's statement timeout may: an upgrade is not a request."""
    url = empty_postgres_database
    with psycopg.connect(dsn(url), autocommit=True) as other:
        other.execute("SELECT pg_advisory_lock(%s)", (migrate.MIGRATION_LOCK,))
        waiting = starting_server(url, statement_timeout_s=1)
        try:
            go(waiting)
            with pytest.raises(subprocess.TimeoutExpired):
                waiting.wait(timeout=1.5)
            assert writers_lock_is_free(url)
            assert current_version(url) is None  # it has not begun
            other.execute("SELECT pg_advisory_unlock(%s)", (migrate.MIGRATION_LOCK,))
            said = what_it_said(waiting)
        finally:
            waiting.kill()
    assert said == {"applied": True, "ran": migrations()}


def dsn(url: str) -> str:
    parsed = make_url(url)
    return f"host={parsed.query['host']} user={parsed.username} dbname={parsed.database}"


def migration_lock_is_free(url: str) -> bool:
    return _lock_is_free(url, migrate.MIGRATION_LOCK)


def writers_lock_is_free(url: str) -> bool:
    return _lock_is_free(url, WRITER_LOCK)


def _lock_is_free(url: str, key: int) -> bool:
    """Whether another session could take advisory lock ``key`` now (taken and given back)."""
    with psycopg.connect(dsn(url)) as conn:  # one transaction: its xact lock ends with it
        row = conn.execute("SELECT pg_try_advisory_xact_lock(%s)", (key,)).fetchone()
        return bool(row and row[0])


def current_version(url: str) -> str | None:
    with Database.open(url) as database:
        return migrate.current_revision(database.engine)
