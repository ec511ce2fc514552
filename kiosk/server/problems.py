"""Every error the API gives is a problem document (RFC 9457), never a traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    DisconnectionError,
    InterfaceError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from kiosk.api.problems import MEDIA_TYPE, Problem, problem
from kiosk.domain.errors import ValidationError

log = logging.getLogger(__name__)


class ProblemError(Exception):
    def __init__(self, code: str, title: str, detail: str | None = None) -> None:
        super().__init__(title)
        self.problem = problem(code, title, detail)


def respond(body: Problem, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        body.model_dump(mode="json", exclude_none=True),
        status_code=body.status,
        media_type=MEDIA_TYPE,
        headers=headers,
    )


def validation_problem(exc: ValidationError) -> Problem:
    params = {
        k: v if isinstance(v, str | int | float | bool) or v is None else str(v)
        for k, v in exc.params.items()
    }
    status_code = "validation"
    return problem(
        status_code, "A value was refused", str(exc), field=exc.field, reason=exc.code, params=params
    )


def _unreachable(exc: Exception) -> bool:
    """The database did not answer: a lost or refused connection, a timeout, a full pool, SQLite
    busy past its timeout."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, OperationalError | InterfaceError | DisconnectionError | PoolTimeoutError)


# PostgreSQL's query_canceled: the statement timeout ([database] statement_timeout_s) cut it.
_STATEMENT_CANCELLED = "57014"


def _timed_out(exc: Exception) -> bool:
    """The database is there but did not answer in time: a statement cut by its timeout, no free
    connection in the pool, SQLite's write lock still held after its busy timeout."""
    if isinstance(exc, PoolTimeoutError):
        return True
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) == _STATEMENT_CANCELLED or "database is locked" in str(orig)


def install(app: FastAPI) -> None:
    async def on_problem(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ProblemError)
        return respond(exc.problem)

    async def on_validation(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ValidationError)
        return respond(validation_problem(exc))

    async def on_request_invalid(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        where = "; ".join(
            f"{'.'.join(str(p) for p in err.get('loc', ()))}: {err.get('msg', '')}"
            for err in exc.errors()[:5]
        )
        return respond(problem("request_invalid", "The request does not match its schema", where))

    async def on_http(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = {404: "not_found", 405: "request_invalid", 413: "body_too_large"}.get(
            exc.status_code, "request_invalid"
        )
        body = problem(code, str(exc.detail))
        body.status = exc.status_code
        return respond(body, dict(exc.headers) if exc.headers else None)

    async def on_database_error(request: Request, exc: Exception) -> JSONResponse:
        # Only an error saying the database cannot be reached (or did not answer in time) is a
        # 503. A value it refuses (a number out of its range) is the caller's; the rest, a 500.
        if isinstance(exc, DataError):
            reason = str(exc.orig).splitlines()[0] if exc.orig is not None else None
            return respond(problem("request_invalid", "A value is out of the database's range", reason))
        if not _unreachable(exc):
            return await on_crash(request, exc)
        log.error("database unavailable: %s", exc)
        # The same code either way: the station says "try again" (kiosk.client.http); the title
        # tells the server's log and an operator reading the answer which it was.
        title = (
            "The database did not answer in time"
            if _timed_out(exc)
            else "The server cannot reach its database"
        )
        return respond(problem("unavailable", title), {"Retry-After": "5"})

    async def on_crash(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("request failed", exc_info=exc)
        return respond(problem("internal", "The server failed; the error is in its log"))

    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(ValidationError, on_validation)
    app.add_exception_handler(RequestValidationError, on_request_invalid)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(SQLAlchemyError, on_database_error)
    app.add_exception_handler(Exception, on_crash)
