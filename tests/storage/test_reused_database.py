"""The PostgreSQL database a worker's tests take in turn (tests/pg.py ReusedDatabase): after a
test it is what a fresh copy of the template is, or it is dropped and the next test gets a new
copy. Each test here has a ReusedDatabase of its own, to look at it after putting it back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import make_url

from kiosk.config import Config
from tests import pg
from tests.conftest import build_test_app, close_test_app, postgres_cluster, site_config
from tests.services.test_checkin import check_in_and_approve

Connection = psycopg.Connection[tuple[Any, ...]]


@pytest.fixture
def reused() -> Iterator[pg.ReusedDatabase]:
    own = pg.ReusedDatabase(postgres_cluster())
    yield own
    own.discard()


def seen(cluster: pg.Cluster, name: str) -> dict[str, Any]:
    """What a test could see of a database, read without ReusedDatabase's own code: every
    table's rows in the order a scan without ORDER BY reads them and its pages, every sequence's
    next number, the planner's sizes, the catalogs, and what other sessions left (temporary
    tables, locks)."""
    with psycopg.connect(cluster.dsn(name), autocommit=True) as conn:
        tables = [t for (t,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        return {
            "rows": {
                t: conn.execute(f"SELECT t::text FROM {t} AS t".encode()).fetchall() for t in sorted(tables)
            },
            "sequences": sorted(conn.execute("SELECT sequencename, last_value FROM pg_sequences").fetchall()),
            # A table's pages: the planner reads them too (and without VACUUM a test's emptied
            # tables would keep theirs, growing test after test).
            "pages": {t: conn.execute(f"SELECT pg_relation_size('{t}')".encode()).fetchall() for t in tables},
            "sizes": sorted(
                conn.execute(
                    "SELECT relname, relpages, reltuples, relallvisible FROM pg_class"
                    " WHERE relnamespace = 'public'::regnamespace"
                ).fetchall()
            ),
            "catalogs": pg.catalog_fingerprint(conn),
            "temporary tables": conn.execute(
                "SELECT count(*) FROM pg_class WHERE relpersistence = 't'"
            ).fetchall(),
            "advisory locks": conn.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            ).fetchall(),
            "other sessions": conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid() AND application_name <> %s",
                (pg.ReusedDatabase.APPLICATION,),
            ).fetchall(),
        }


def a_fresh_copy(cluster: pg.Cluster) -> dict[str, Any]:
    name = cluster.new_database()
    try:
        return seen(cluster, name)
    finally:
        cluster.drop_database(name)


def test_after_a_test_the_database_is_put_back_as_a_fresh_copy_of_the_template_has_it(
    reused: pg.ReusedDatabase, migrated_database: Path
) -> None:
    cluster = reused.cluster
    url = reused.take()
    name = str(make_url(url).database)
    assert seen(cluster, name) == a_fresh_copy(cluster)
    # A test's site writes its tables and moves their sequences (a visitor checked in: the
    # visit, its card, the print job, the audit trail, after the template's rows)...
    app = build_test_app(site_config(database_url=url), migrated_database)
    try:
        check_in_and_approve(app, "张三")
    finally:
        close_test_app(app)
    with psycopg.connect(cluster.dsn(name), autocommit=True) as conn:
        # ... changes and removes the template's rows, moves a sequence on by hand ...
        conn.execute("UPDATE hosts SET name = 'someone else' WHERE id = (SELECT min(id) FROM hosts)")
        conn.execute("DELETE FROM hosts WHERE id = (SELECT max(id) FROM hosts)")
        conn.execute("SELECT setval('hosts_id_seq', 9000)")
        for _ in range(100):  # each a new version of the rows: room freed amid the table's page
            conn.execute("UPDATE hosts SET name = name")
        # ... asks the planner to count (its sizes), and leaves what ends with its session: a
        # temporary table, an advisory lock, a LISTEN and a notice, a setting.
        conn.execute("VACUUM hosts")
        conn.execute("CREATE TEMPORARY TABLE scratch (x integer)")
        conn.execute("INSERT INTO scratch VALUES (1)")
        conn.execute("SELECT pg_advisory_lock(42)")
        conn.execute("LISTEN kiosk_changes")
        conn.execute("NOTIFY kiosk_changes, 'hello'")
        conn.execute("SET work_mem = '1MB'")
        dirty = seen(cluster, name)
    assert dirty["rows"] != a_fresh_copy(cluster)["rows"]
    reused.give_back()
    assert reused.dropped == []
    assert reused.take() == url  # the same database: put back, not copied anew
    assert seen(cluster, name) == a_fresh_copy(cluster)


CATALOG_CHANGES = [
    "ALTER TABLE hosts ADD COLUMN nickname text",
    "ALTER TABLE hosts ALTER COLUMN name DROP NOT NULL",
    "ALTER TABLE hosts DISABLE TRIGGER ALL",
    "CREATE TABLE scratch (x integer)",
    "CREATE INDEX ix_scratch ON hosts (name)",
    "DROP INDEX ix_visits_checked_in_at",
    "CREATE TYPE mood AS ENUM ('calm')",
    "CREATE FUNCTION one() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
    "ALTER SEQUENCE hosts_id_seq INCREMENT BY 5",
    "GRANT SELECT ON hosts TO PUBLIC",
    "COMMENT ON TABLE hosts IS 'changed'",
    "ALTER DATABASE {name} SET work_mem = '1MB'",
    "ANALYZE hosts",
]


@pytest.mark.parametrize("change", CATALOG_CHANGES)
def test_a_database_whose_catalogs_a_test_changed_is_dropped_and_the_next_test_gets_a_new_copy(
    reused: pg.ReusedDatabase, change: str
) -> None:
    cluster = reused.cluster
    name = str(make_url(reused.take()).database)
    with psycopg.connect(cluster.dsn(name), autocommit=True) as conn:
        conn.execute(change.format(name=name).encode())
    reused.give_back()
    assert reused.dropped == ["the test changed the catalogs (the schema, grants or the database's settings)"]
    assert name not in databases(cluster)
    fresh = str(make_url(reused.take()).database)
    assert fresh != name and seen(cluster, fresh) == a_fresh_copy(cluster)


def test_a_session_the_test_left_open_drops_the_database(reused: pg.ReusedDatabase) -> None:
    cluster = reused.cluster
    name = str(make_url(reused.take()).database)
    reused.wait_s = 0.01  # the session stays: no need to wait for it to end
    with psycopg.connect(cluster.dsn(name), autocommit=True) as left_open:
        left_open.execute("CREATE TEMPORARY TABLE scratch (x integer)")
        left_open.execute("SELECT pg_advisory_lock(42)")
        reused.give_back()
        assert reused.dropped == ["a session of the test's was still open"]
        assert name not in databases(cluster)
    fresh = str(make_url(reused.take()).database)
    assert fresh != name and seen(cluster, fresh) == a_fresh_copy(cluster)


def databases(cluster: pg.Cluster) -> list[str]:
    with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
        return [d for (d,) in conn.execute("SELECT datname FROM pg_database")]


@pytest.mark.one_database("postgresql", reason="what it tests is how PostgreSQL tests get their database")
def test_a_site_on_postgresql_runs_on_the_workers_database(
    config: Config, reused_postgres: pg.ReusedDatabase
) -> None:
    assert config.database_url == reused_postgres.cluster.url(str(reused_postgres.name))


@pytest.mark.fresh_database
@pytest.mark.one_database("postgresql", reason="what it tests is how PostgreSQL tests get their database")
def test_a_test_marked_fresh_database_gets_a_copy_of_its_own(
    config: Config, reused_postgres: pg.ReusedDatabase
) -> None:
    assert make_url(config.database_url).database not in (None, reused_postgres.name)
    assert make_url(config.database_url).database in databases(reused_postgres.cluster)
