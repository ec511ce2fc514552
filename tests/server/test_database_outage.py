"""A database that stops answering: requests fail at once with a 503 "try again" problem, within the
configured timeouts (never a hang, never a 500), and the server carries on by itself when the
database is back (the pool's pre-ping replaces the connections the restart dropped).

PostgreSQL runs on a cluster of this module's own, which the tests stop and start (the run's
shared cluster serves the other workers). The timeouts are set to 1 s, so the tests are quick and
the bound each asserts is tight.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from kiosk.api.schemas import SiteSettings
from kiosk.app import KioskApp
from kiosk.client.http import ServerUnreachableError, SiteClient
from kiosk.domain.station import StationRole
from kiosk.server.app import create_server
from kiosk.server.context import ServerContext, server_context
from kiosk.storage.database import WRITER_LOCK, EngineSettings
from tests import pg
from tests.conftest import build_test_app, site_config
from tests.server.conftest import ADMIN
from tests.server.test_stations_api import check_in_body

TIMEOUT_S = 1
# What a request may take beyond its timeout: the test client's thread hops, a loaded machine.
MARGIN_S = 1.5
QUICK = EngineSettings(connect_timeout_s=TIMEOUT_S, statement_timeout_s=TIMEOUT_S, pool_timeout_s=TIMEOUT_S)
UNREACHABLE = "The server cannot reach its database"
TOO_SLOW = "The database did not answer in time"


@pytest.fixture(scope="module")
def cluster() -> Iterator[pg.Cluster]:
    own = pg.started_cluster()
    yield own
    own.remove()


class Site:
    """A server application on one database, and a kiosk station's HTTP client of it."""

    def __init__(self, core: KioskApp) -> None:
        self.core = core
        self.context: ServerContext = server_context(core)
        self.app = create_server(self.context, housekeeping_s=None)
        self.token = self.context.stations.ensure_enrolled("kiosk-1", StationRole.KIOSK, ADMIN)
        self.kiosk = TestClient(
            self.app, headers={"Authorization": f"Bearer {self.token}"}, raise_server_exceptions=False
        )
        self.kiosk.__enter__()  # one event loop (and its worker threads) for all the requests
        self.visitor = check_in_body(self.context)  # read now: the database may be down later

    def close(self) -> None:
        self.kiosk.__exit__(None, None, None)
        self.core.close()

    def check_in(self) -> Response:
        return self.kiosk.post("/api/v1/visits", json=self.visitor)


def open_site(database_url: str, migrated_database: Path, settings: EngineSettings = QUICK) -> Site:
    config = site_config(database_url=database_url, database_settings=settings)
    core = build_test_app(config, migrated_database)
    return Site(core)


@pytest.fixture
def pg_site(cluster: pg.Cluster, migrated_database: Path) -> Iterator[Site]:
    if not cluster.running():
        cluster.start()  # a test before this one failed with it stopped
    name = cluster.new_database()
    site = open_site(cluster.url(name), migrated_database)
    yield site
    site.close()
    cluster.drop_database(name)


@pytest.fixture
def sqlite_site(tmp_path: Path, migrated_database: Path) -> Iterator[Site]:
    site = open_site(f"sqlite:///{tmp_path / 'kiosk.db'}", migrated_database)
    yield site
    site.close()


def stop(cluster: pg.Cluster, mode: str) -> None:
    """The test clusters run with synchronous_commit off: an immediate stop (a crash) could lose
    the last commits still in the WAL buffers, the site's enrolment among them (the station then
    unknown after the restart: a 401, seen under load). A checkpoint writes them out first."""
    cluster.execute("CHECKPOINT")
    cluster.stop(mode)


def timed(call: Any) -> tuple[Response, float]:
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


def assert_try_again(response: Response, title: str) -> None:
    """A 503 problem the station words as "try again", with the wait it may use."""
    assert response.status_code == 503, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert (body["code"], body["title"]) == ("unavailable", title)
    assert response.headers["Retry-After"] == "5"


@pytest.mark.parametrize("mode", ["fast", "immediate"])
def test_a_stopped_database_is_a_503_at_once_and_the_server_recovers_without_a_restart(
    pg_site: Site, cluster: pg.Cluster, mode: str
) -> None:
    site = pg_site
    # The pool holds connections the stop will drop (the station's reads, a check-in's write).
    assert site.kiosk.get("/api/v1/site").status_code == 200
    assert site.check_in().status_code == 200
    stop(cluster, mode)
    try:
        for request in (lambda: site.kiosk.get("/api/v1/site"), site.check_in):
            response, took = timed(request)
            assert_try_again(response, UNREACHABLE)
            assert took < TIMEOUT_S + MARGIN_S
        # The station's client: "the server cannot be reached", which every page words; no crash.
        station = SiteClient(site.kiosk, site.token, retry_waits=())
        with ThreadPoolExecutor(1) as thread, pytest.raises(ServerUnreachableError, match="unavailable"):
            thread.submit(station.get, "/site", SiteSettings).result(10)
    finally:
        cluster.start()
    # The same server, the same pool: the first requests after the restart succeed.
    assert site.kiosk.get("/api/v1/site").status_code == 200
    assert site.check_in().status_code == 200


def test_a_restart_between_requests_goes_unnoticed(pg_site: Site, cluster: pg.Cluster) -> None:
    """The database restarted while the server was idle (a nightly maintenance, a failover): the
    pooled connections are dead, and pre-ping replaces them before a request gets one."""
    for _ in range(3):
        assert pg_site.check_in().status_code == 200
    stop(cluster, "immediate")
    cluster.start()
    assert pg_site.kiosk.get("/api/v1/site").status_code == 200
    assert pg_site.check_in().status_code == 200


def test_a_writer_kept_waiting_for_its_turn_is_cut_by_the_statement_timeout(
    pg_site: Site, cluster: pg.Cluster
) -> None:
    """Another server's writer holds the writers' lock (hung mid-transaction, say): a check-in
    here waits for it no longer than the statement timeout, and the kiosk hears "try again"."""
    database = make_url(pg_site.core.config.database_url).database
    assert database is not None
    with psycopg.connect(cluster.dsn(database)) as other:
        other.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
        response, took = timed(pg_site.check_in)
        assert_try_again(response, TOO_SLOW)
        assert TIMEOUT_S <= took < TIMEOUT_S + MARGIN_S
    # The lock is released with the other's transaction: the next check-in goes through.
    assert pg_site.check_in().status_code == 200


def test_a_statement_that_runs_too_long_is_cancelled(pg_site: Site) -> None:
    """The engine's own connections carry the statement timeout (one that hangs is cut)."""
    with pg_site.core.database.engine.connect() as conn:
        started = time.monotonic()
        with pytest.raises(OperationalError, match="statement timeout"):
            conn.exec_driver_sql("SELECT pg_sleep(30)")
        assert time.monotonic() - started < TIMEOUT_S + MARGIN_S


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_no_free_connection_within_the_pool_timeout_is_a_503(
    backend: str, cluster: pg.Cluster, migrated_database: Path, tmp_path: Path
) -> None:
    name = None if backend == "sqlite" else cluster.new_database()
    url = f"sqlite:///{tmp_path / 'kiosk.db'}" if name is None else cluster.url(name)
    site = open_site(url, migrated_database, replace(QUICK, pool_size=1, max_overflow=0))
    try:
        with site.core.database.engine.connect():  # the pool's only connection, held
            response, took = timed(lambda: site.kiosk.get("/api/v1/site"))
            assert_try_again(response, TOO_SLOW)
            assert TIMEOUT_S <= took < TIMEOUT_S + MARGIN_S
        assert site.kiosk.get("/api/v1/site").status_code == 200
    finally:
        site.close()
        if name is not None:
            cluster.drop_database(name)


def test_sqlite_waits_for_the_write_lock_as_long_as_the_statement_timeout(sqlite_site: Site) -> None:
    """SQLite's counterpart of the statement timeout is its busy timeout: a check-in waits that
    long for another process's write lock, then the kiosk hears "try again"."""
    path = make_url(sqlite_site.core.config.database_url).database
    assert path is not None
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        response, took = timed(sqlite_site.check_in)
        assert_try_again(response, TOO_SLOW)
        assert TIMEOUT_S <= took < TIMEOUT_S + MARGIN_S
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert sqlite_site.check_in().status_code == 200


def test_the_connections_carry_the_configured_timeouts(pg_site: Site) -> None:
    with pg_site.core.database.engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == f"{TIMEOUT_S}s"
        parameters = conn.connection.dbapi_connection.info.get_parameters()  # type: ignore[union-attr]
    assert parameters["connect_timeout"] == str(TIMEOUT_S)
    assert parameters["tcp_user_timeout"] == str(TIMEOUT_S * 1000)
    pool = pg_site.core.database.engine.pool
    assert pool.size() == QUICK.pool_size  # type: ignore[attr-defined]
    assert pool._pre_ping  # type: ignore[attr-defined]


def test_the_station_stops_trying_again_once_its_budget_is_spent() -> None:
    """Each "try again" came after the server waited out its database's timeout: the station's
    client starts no new try past its budget, so the page says "cannot be reached" after about
    one budget, not four timeouts. (Retries answered at once are all still made.)"""
    server_wait_s, budget_s = 0.3, 0.5
    tries: list[float] = []

    def slow_503(request: httpx.Request) -> httpx.Response:
        tries.append(time.monotonic())
        time.sleep(server_wait_s)
        return httpx.Response(
            503, json={"type": "x", "title": TOO_SLOW, "status": 503, "code": "unavailable"}
        )

    http = httpx.Client(base_url="http://site.test", transport=httpx.MockTransport(slow_503))
    station = SiteClient(http, "token", retry_waits=(0.05, 0.05, 0.05), retry_budget_s=budget_s)
    started = time.monotonic()
    with pytest.raises(ServerUnreachableError, match="unavailable"):
        station.get("/site", SiteSettings)
    # Tries at 0 and ~0.35 s; a third would start at ~0.7 s, past the budget.
    assert len(tries) == 2
    assert time.monotonic() - started < budget_s + server_wait_s + 0.3
    tries.clear()

    def quick_503(_request: httpx.Request) -> httpx.Response:
        tries.append(time.monotonic())
        return httpx.Response(503)

    fast = SiteClient(
        httpx.Client(base_url="http://site.test", transport=httpx.MockTransport(quick_503)),
        "token",
        retry_waits=(0.01, 0.01, 0.01),
    )
    with pytest.raises(ServerUnreachableError):
        fast.get("/site", SiteSettings)
    assert len(tries) == 4
