"""The site server as an ASGI application: `create_server(context)`.

FastAPI, because every request and response is a declared pydantic schema (the domain's own
dataclasses included), rights are dependencies each route names, and the OpenAPI document that
access-control vendors read is generated from the same code.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kiosk.api.problems import problem
from kiosk.server import problems
from kiosk.server.context import ServerContext
from kiosk.server.routes import session, stations, visits

log = logging.getLogger(__name__)

API_VERSION = "v1"
# Larger bodies are refused before they are read (imports come later, with their own limit).
MAX_BODY = 256 * 1024


class BodyLimit:
    """Refuse a request body over MAX_BODY, declared or streamed, with 413 and a problem document;
    a wrong Content-Length is refused too (h11 already refuses a negative or non-numeric one)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await problems.respond(problem("request_invalid", "Content-Length is not a number"))(
                    scope, receive, send
                )
                return
            if int(declared) > MAX_BODY:
                await problems.respond(problem("body_too_large", "The request body is too large"))(
                    scope, receive, send
                )
                return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > MAX_BODY:
                    raise _BodyTooLargeError
            return message

        try:
            await self.app(scope, limited, send)
        except _BodyTooLargeError:
            await problems.respond(problem("body_too_large", "The request body is too large"))(
                scope, receive, send
            )


class _BodyTooLargeError(Exception):
    pass


def create_server(context: ServerContext, certificate_sha256: str | None = None) -> FastAPI:
    app = FastAPI(
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
    for module in (session, visits, stations):
        app.include_router(module.router)
    key = context.decision_key
    if key is not None:
        from kiosk.server.decision_page import decision_router

        app.include_router(decision_router(context.core.checkin, key))

    @app.middleware("http")
    async def no_store(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        # Visitors' names and badge numbers: no cache on the way may keep them.
        response.headers["Cache-Control"] = "no-store"
        return response

    app.add_middleware(BodyLimit)
    return app
