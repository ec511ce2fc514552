"""Every request names its station (a bearer credential) and, at consoles, its staff session;
every endpoint names its action, and the permission table decides."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from kiosk.api.permissions import ACTIONS, is_allowed, needs_staff
from kiosk.server.context import Caller, ServerContext
from kiosk.server.problems import ProblemError

STAFF_HEADER = "X-Staff-Session"
IDEMPOTENCY_HEADER = "Idempotency-Key"

_bearer = HTTPBearer(auto_error=False, description="The station's credential, from enrolment")
_staff = APIKeyHeader(name=STAFF_HEADER, auto_error=False, description="A staff session at this station")


# The dependencies that only read the request are coroutines: FastAPI runs a plain ``def``
# dependency in its thread pool, a hop to another thread and back for nothing. Those that ask
# the database (current_caller) stay plain, off the event loop.


async def server_context(request: Request) -> ServerContext:
    context: ServerContext = request.app.state.context
    return context


def client_address(request: Request) -> str:
    return request.client.host if request.client else "?"


def current_caller(
    request: Request,
    context: Annotated[ServerContext, Depends(server_context)],
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    staff_token: Annotated[str | None, Depends(_staff)],
) -> Caller:
    token = bearer.credentials if bearer is not None else ""
    station = context.stations.authenticate(token, client_address(request))
    if station is None:
        raise ProblemError("station_unknown", "This station is not enrolled, or was revoked")
    if not staff_token:
        return Caller(station)
    found = context.sessions.find(staff_token, station.station_id)
    if found == "expired":
        raise ProblemError("session_expired", "The staff session ended after a time without use")
    if found is None or isinstance(found, str):
        raise ProblemError("sign_in_required", "The staff session is not known at this station")
    return Caller(station, found)


def allow(action: str) -> Callable[..., Awaitable[Caller]]:
    """A dependency that lets the request through only if the table allows ``action``."""
    if action not in ACTIONS:
        raise KeyError(f"{action} is not in the permission table")

    async def check(caller: Annotated[Caller, Depends(current_caller)]) -> Caller:
        if is_allowed(action, caller.station.role, caller.staff_role):
            return caller
        if caller.staff is None and needs_staff(action, caller.station.role):
            raise ProblemError("sign_in_required", f"{action} needs a member of staff signed in")
        raise ProblemError("forbidden", f"{action} is not allowed here")

    check.__name__ = f"allow_{action.replace('.', '_')}"
    return check


def action_route(action: str) -> dict[str, Any]:
    """Keyword arguments for a route: the permission check, and the action in the OpenAPI document
    (``x-action``), which the permission-matrix test reads."""
    return {"dependencies": [Depends(allow(action))], "openapi_extra": {"x-action": action}}


# What a route declares it needs: the server's context, the caller (its station and staff
# session), and the idempotency key a submit may carry.
Context = Annotated[ServerContext, Depends(server_context)]
Who = Annotated[Caller, Depends(current_caller)]
IdemKey = Annotated[str | None, Header(alias=IDEMPOTENCY_HEADER, max_length=64)]
