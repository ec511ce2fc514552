"""The site server as an ASGI application: `create_server(context)`.

FastAPI, because every request and response is a declared pydantic schema (the domain's own
dataclasses included), rights are dependencies each route names, and the OpenAPI document that
access-control vendors read is generated from the same code.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import pkgutil
from collections.abc import AsyncIterator

import anyio.to_thread
from fastapi import APIRouter, FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import kiosk.server.routes
from kiosk.api.problems import Problem, problem
from kiosk.server import problems
from kiosk.server.context import ServerContext
from kiosk.server.housekeeping import HOUSEKEEPING_S, Housekeeping
from kiosk.server.relay import start_relay

log = logging.getLogger(__name__)

API_VERSION = "v1"
# Larger bodies are refused before they are read (imports come later, with their own limit).
MAX_BODY = 256 * 1024
# A request body must have arrived this long after its head (a LAN sends 256 KiB in well under a
# second); one shorter than its Content-Length would otherwise hold its request open for ever.
BODY_TIMEOUT_S = 15.0
# How much more of a body too large is read (and dropped) so that its sender sees the refusal.
DRAIN_LIMIT = 4 * MAX_BODY


class HttpMiddleware:
    """Plain ASGI middleware for HTTP requests (``http``); anything else passes through. Plain,
    not Starlette's ``@app.middleware("http")``, which runs each request through a task group
    and memory streams."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.http(scope, receive, send)

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


class NoStore(HttpMiddleware):
    """``Cache-Control: no-store`` on every HTTP answer: visitors' names and badge numbers, no
    cache on the way may keep them."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"cache-control"]
                message = {**message, "headers": [*headers, (b"cache-control", b"no-store")]}
            await send(message)

        await self.app(scope, receive, with_header)


class BodyLimit(HttpMiddleware):
    """Refuse a request body over MAX_BODY, declared or streamed, with 413 and a problem document,
    and one that stops arriving (shorter than its Content-Length, or trickled) with 408 after
    BODY_TIMEOUT_S; a wrong Content-Length is refused too (h11 already refuses a negative or
    non-numeric one). The refusal is sent from here, and the application is told the client went
    away: an error raised through it would reach FastAPI's body parser, which answers 400."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and not declared.isdigit():
            await problems.respond(problem("request_invalid", "Content-Length is not a number"))(
                scope, receive, send
            )
            return
        received = 0
        body_done = False
        refused = False
        started = False
        deadline = asyncio.get_running_loop().time() + BODY_TIMEOUT_S

        async def refuse(body: Problem, drain: bool = False) -> Message:
            nonlocal refused
            refused = True
            if drain:
                await drain_rest()
            if not started:
                await problems.respond(body, {"Connection": "close"})(scope, receive, send)
            return {"type": "http.disconnect"}

        async def drain_rest() -> None:
            # A client reads the reply only after sending its whole body; closing on unread bytes
            # resets the connection and it would never see the 413. So, within limits, read on.
            drained = 0
            while drained < DRAIN_LIMIT:
                try:
                    message = await asyncio.wait_for(receive(), deadline - asyncio.get_running_loop().time())
                except TimeoutError:
                    return
                drained += len(message.get("body", b""))
                if message["type"] != "http.request" or not message.get("more_body", False):
                    return

        if declared is not None and int(declared) > MAX_BODY:
            if int(declared) <= DRAIN_LIMIT:
                await drain_rest()
            body = problem("body_too_large", "The request body is too large")
            await problems.respond(body, {"Connection": "close"})(scope, receive, send)
            return

        async def limited() -> Message:
            nonlocal received, body_done
            if refused:
                return {"type": "http.disconnect"}
            if body_done:
                # Past the body, receive() waits for the disconnect of a streamed reply: no deadline.
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), deadline - asyncio.get_running_loop().time())
            except TimeoutError:
                return await refuse(problem("request_timeout", "The request body did not arrive in time"))
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > MAX_BODY:
                    return await refuse(
                        problem("body_too_large", "The request body is too large"), drain=True
                    )
                body_done = not message.get("more_body", False)
            return message

        async def guarded(message: Message) -> None:
            nonlocal started
            if refused and not started:
                return  # the application answering a body it never got: the refusal was sent
            started = started or message["type"] == "http.response.start"
            await send(message)

        await self.app(scope, limited, guarded)


def _routers() -> list[APIRouter]:
    """Every module of kiosk.server.routes with a ``router``, in name order (one per area)."""
    found = []
    for info in sorted(pkgutil.iter_modules(kiosk.server.routes.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"kiosk.server.routes.{info.name}")
        router = getattr(module, "router", None)
        if isinstance(router, APIRouter):
            found.append(router)
    return found


def create_server(
    context: ServerContext,
    certificate_sha256: str | None = None,
    *,
    housekeeping_s: float | None = HOUSEKEEPING_S,
    relay_changes: bool = False,
) -> FastAPI:
    """``housekeeping_s``: how often the server's own rounds run (escalation, auto check-out,
    its own printers' retries) while it serves; None: never (tests run a round by hand).
    ``relay_changes``: on PostgreSQL, relay other servers' changes to this server's stations
    (kiosk.server.relay) while it serves, as `kiosk serve` does; the tests' in-process servers,
    one per database, leave it off."""

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database = context.core.database
        relay = (
            await anyio.to_thread.run_sync(
                start_relay, context.events, database.engine, database.sessions.origin
            )
            if relay_changes
            else None
        )
        app.state.relay = relay
        task = (
            asyncio.create_task(Housekeeping(context).run(housekeeping_s), name="housekeeping")
            if housekeeping_s is not None
            else None
        )
        app.state.housekeeping = task
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            if relay is not None:
                await anyio.to_thread.run_sync(relay.stop)

    app = FastAPI(
        lifespan=lifespan,
        title="Lobby Kiosk site server",
        version="1",
        summary="One site's visitors, cards, slips and payments; kiosks, desks and guard screens are its stations.",
        openapi_url=f"/api/{API_VERSION}/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.context = context
    app.state.certificate_sha256 = certificate_sha256
    problems.install(app)
    for router in _routers():
        app.include_router(router)
    key = context.decision_key
    if key is not None:
        from kiosk.server.decision_page import decision_router

        app.include_router(decision_router(context.core.checkin, key))

    app.add_middleware(NoStore)
    app.add_middleware(BodyLimit)
    return app
