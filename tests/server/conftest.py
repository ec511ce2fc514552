"""The site server in-process: a real application on the test's database, called through
Starlette's TestClient (the same requests a station sends, without a socket)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from kiosk.app import KioskApp
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.app import create_server
from kiosk.server.context import ServerContext, server_context
from kiosk.services.audit import Actor
from kiosk.services.staff import DEMO_PIN

ADMIN = Actor("test", "setup")


@pytest.fixture
def context(app: KioskApp) -> ServerContext:
    return server_context(app)


@pytest.fixture
def server(context: ServerContext) -> FastAPI:
    return create_server(context)


@pytest.fixture
def station(server: FastAPI, context: ServerContext) -> Iterator[Callable[..., TestClient]]:
    """``station(role, name=..., staff=Role)``: a client enrolled as that station, with a member of
    that role signed in if ``staff`` is given."""
    clients: list[TestClient] = []

    def make(role: StationRole, name: str | None = None, staff: Role | None = None) -> TestClient:
        token = context.stations.ensure_enrolled(name or f"{role.value}-{len(clients) + 1}", role, ADMIN)
        client = TestClient(
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
