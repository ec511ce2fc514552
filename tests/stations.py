"""A station over an in-process site server: the real application and the real client, joined by
Starlette's TestClient instead of a socket (the same requests, the same rights, no network)."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import unquote

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.testclient import WebSocketTestSession

from kiosk.api.schemas import SiteSettings
from kiosk.app import KioskApp
from kiosk.client.events import EventLink
from kiosk.client.http import SiteClient
from kiosk.client.station import Station
from kiosk.domain.station import StationRole
from kiosk.printing.send import Printer
from kiosk.server.app import create_server
from kiosk.server.context import ServerContext, server_context
from kiosk.services.audit import Actor
from kiosk.station import station_settings

SETUP = Actor("test", "setup")


class _Loop:
    """One event loop for every in-process request of the test process, on a thread of its own."""

    loop: asyncio.AbstractEventLoop | None = None

    @classmethod
    def get(cls) -> asyncio.AbstractEventLoop:
        if cls.loop is None:
            cls.loop = asyncio.new_event_loop()
            threading.Thread(target=cls.loop.run_forever, name="in-process-asgi", daemon=True).start()
        return cls.loop


class _DirectTransport(httpx.BaseTransport):
    """An HTTP request straight into the ASGI application on :class:`_Loop`'s event loop. The
    TestClient's own transport starts a task group and memory streams per request and, unless
    entered, a thread with an event loop: 4.5 to 5 ms a small request against 3 here (measured,
    GET /site), over the suite's some ten thousand requests. Websockets still go through it."""

    def __init__(self, app: Any, websockets: httpx.BaseTransport, raise_server_exceptions: bool) -> None:
        self._app = app
        self._websockets = websockets
        self._raise = raise_server_exceptions

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme in ("ws", "wss"):
            return self._websockets.handle_request(request)
        body = request.read()
        path, _, _ = request.url.raw_path.partition(b"?")
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": request.method,
            "scheme": request.url.scheme,
            "path": unquote(path.decode()),
            "raw_path": path,
            "query_string": request.url.query,
            "root_path": "",
            "headers": [(name.lower(), value) for name, value in request.headers.raw],
            "client": ("testclient", 50000),
            "server": (request.url.host, request.url.port or 80),
            "state": {},
        }
        future = asyncio.run_coroutine_threadsafe(self._call(scope, body), _Loop.get())
        status, headers, content, error = future.result()
        if error is not None and (self._raise or status is None):
            if self._raise:
                raise error
            status, headers, content = 500, [], b"Internal Server Error"
        assert status is not None
        return httpx.Response(status, headers=headers, content=content, request=request)

    async def _call(
        self, scope: dict[str, Any], body: bytes
    ) -> tuple[int | None, list[tuple[bytes, bytes]], bytes, BaseException | None]:
        received = False
        status: int | None = None
        headers: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []

        async def receive() -> dict[str, Any]:
            nonlocal received
            if not received:
                received = True
                return {"type": "http.request", "body": body, "more_body": False}
            await asyncio.Event().wait()  # no disconnect: the client waits for the whole reply
            raise AssertionError("unreachable")

        async def send(message: dict[str, Any]) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status, headers = message["status"], list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        try:
            await self._app(scope, receive, send)
        except Exception as exc:  # what the server's error middleware re-raises after its 500
            return status, headers, b"".join(chunks), exc
        return status, headers, b"".join(chunks), None


class InProcessClient(TestClient):
    """A TestClient whose HTTP requests take :class:`_DirectTransport` (its websockets, the
    TestClient's own way). Closing it stops the event loop it was entered with, if it was."""

    def __init__(self, app: Any, **options: Any) -> None:
        super().__init__(app, **options)
        self._transport = _DirectTransport(app, self._transport, options.get("raise_server_exceptions", True))

    def close(self) -> None:
        if getattr(self, "portal", None) is not None:
            self.__exit__(None, None, None)
        super().close()


class _TestLink:
    def __init__(self, client: TestClient, after: int) -> None:
        self._manager = client.websocket_connect(f"/api/v1/events?after={after}")
        self._session: WebSocketTestSession = self._manager.__enter__()

    def receive(self) -> dict[str, Any]:
        message = self._session.receive_json()
        assert isinstance(message, dict)
        return message

    def close(self) -> None:
        self._manager.__exit__(None, None, None)


class _Shared:
    """One server application per test process, pointed at each test's site in turn (routes read
    their context from ``app.state`` on every request). FastAPI builds an application's routes
    (their dependencies, their pydantic adapters) lazily at its first requests: with an
    application per test that was a quarter of the whole suite's CPU time (py-spy, --gil)."""

    app: FastAPI | None = None
    owner: ServerContext | None = None


def shared_server(context: ServerContext) -> FastAPI:
    """The process's server application, now serving ``context``; a fresh one if the shared one
    still serves another site of this test (two sites at once) or the page for hosts is on."""
    # The server's timed rounds are run by the tests themselves, on their fixed clock.
    if context.decision_key is not None or _Shared.owner not in (None, context):
        return create_server(context, housekeeping_s=None)
    if _Shared.app is None:
        _Shared.app = create_server(context, housekeeping_s=None)
    _Shared.app.state.context = context
    _Shared.owner = context
    return _Shared.app


def release_shared_server() -> None:
    """The test is over: the next one may point the shared application at its own site."""
    _Shared.owner = None


def serve(app: KioskApp) -> tuple[ServerContext, FastAPI]:
    """The server on ``app``'s services (once per app: its event hub is the app's)."""
    existing = getattr(app, "_test_server", None)
    if existing is None:
        context = server_context(app)
        existing = (context, shared_server(context))
        app._test_server = existing  # type: ignore[attr-defined]
    return existing  # type: ignore[no-any-return]


def in_process_station(
    app: KioskApp, role: StationRole = StationRole.KIOSK, name: str | None = None
) -> Station:
    """A station enrolled with ``app``'s server, using ``app``'s clock and printers (the tests'
    fakes), its settings from ``app.config``."""
    context, server = serve(app)
    token = context.stations.ensure_enrolled(name or f"{role.value}-test", role, SETUP)
    http = InProcessClient(server, raise_server_exceptions=False)
    http.__enter__()  # one event loop for its websockets
    client = SiteClient(http, token, retry_waits=())
    # Off the GUI thread, as every request (the client refuses to run on it).
    with ThreadPoolExecutor(1) as pool:
        settings = pool.submit(client.get, "/site", SiteSettings).result(10)

    def connect(after: int) -> EventLink:
        return _TestLink(http, after)

    return Station(
        client=client,
        settings=settings,
        local=station_settings(app.config),
        clock=app.clock,
        printers=[Printer(p.device, p.profile) for p in app.print_queue.printers],
        connect_events=connect,
        id_reader=app.id_reader,
        # The tests' fake encoder, now at the station (a kiosk's, a desk's): it gets each card's
        # keys from the server.
        encoder=app.encoder if role in (StationRole.KIOSK, StationRole.DESK) else None,
    )
