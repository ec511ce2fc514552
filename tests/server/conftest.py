"""The site server in-process: a real application on the test's database, called through
Starlette's TestClient (the same requests a station sends, without a socket)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from kiosk.app import KioskApp
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext, server_context
from kiosk.services.audit import Actor
from kiosk.services.staff import DEMO_PIN
from tests.conftest import build_test_app, postgres_cluster, site_config
from tests.stations import InProcessClient, shared_server

ADMIN = Actor("test", "setup")


@pytest.fixture
def context(app: KioskApp) -> ServerContext:
    return server_context(app)


@pytest.fixture
def server(context: ServerContext) -> FastAPI:
    return shared_server(context)


@pytest.fixture
def station(server: FastAPI, context: ServerContext) -> Iterator[Callable[..., TestClient]]:
    """``station(role, name=..., staff=Role)``: a client enrolled as that station, with a member of
    that role signed in if ``staff`` is given."""
    clients: list[TestClient] = []

    def make(role: StationRole, name: str | None = None, staff: Role | None = None) -> TestClient:
        token = context.stations.ensure_enrolled(name or f"{role.value}-{len(clients) + 1}", role, ADMIN)
        client = InProcessClient(
            server, headers={"Authorization": f"Bearer {token}"}, raise_server_exceptions=False
        )
        clients.append(client)
        if staff is not None:
            username = f"{staff.value}-{len(clients)}"
            context.core.staff.add(username, username, staff, DEMO_PIN, ADMIN)
            reply = client.post("/api/v1/session", json={"username": username, "secret": DEMO_PIN})
            assert reply.status_code == 200, reply.text
            client.headers["X-Staff-Session"] = reply.json()["token"]
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture(scope="module")
def module_context(
    tmp_path_factory: pytest.TempPathFactory, migrated_database: Path, db_backend: str
) -> Iterator[ServerContext]:
    """One server for a whole module (the permission matrix, the real-uvicorn tests), where an
    application per test would cost more than the tests: the same set-up as ``app``."""
    folder = tmp_path_factory.mktemp("server")
    with pytest.MonkeyPatch.context() as patch:
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CONFIG_DIRS"):
            patch.setenv(name, str(folder / name.lower()))
        patch.delenv("KIOSK_DATABASE_URL", raising=False)
        config = site_config()
        cluster, database = None, None
        if db_backend == "postgresql":
            cluster = postgres_cluster()
            database = cluster.new_database()
            config = replace(config, database_url=cluster.url(database))
        core = build_test_app(config, migrated_database)
    yield server_context(core)
    core.close()
    if cluster is not None and database is not None:
        cluster.drop_database(database)
