"""Enrolment, the station's settings, staff sessions and the kiosk's staff exit."""

from __future__ import annotations

import ipaddress
import secrets
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, Request

from kiosk import __version__
from kiosk.api.schemas import (
    Enrolled,
    Enrolment,
    LocalEnrolment,
    Ping,
    SignedInReply,
    SignInRequest,
    SiteSettings,
    StaffView,
)
from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import Permission, Role, allowed
from kiosk.domain.station import StationRole
from kiosk.server.auth import (
    STAFF_HEADER,
    Context,
    Who,
    action_route,
    client_address,
)
from kiosk.server.context import KIOSK_EXIT_TRIES
from kiosk.server.problems import ProblemError
from kiosk.services.audit import Actor

router = APIRouter(prefix="/api/v1", tags=["stations and sessions"])
# Leaving kiosk mode (to the desktop, to service the machine) is for a supervisor or an admin.
KIOSK_EXIT_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


@router.post("/enrol", response_model=Enrolled, openapi_extra={"x-action": "enrol"})
def enrol(body: Enrolment, request: Request, context: Context) -> Enrolled:
    """Exchange a one-time code (from `kiosk station add` or the console) for a credential."""
    identity, token = context.stations.enrol(body.code, client_address(request))
    context.events.publish("stations")
    return Enrolled(
        token=token,
        station_id=identity.station_id,
        station_name=identity.name,
        role=identity.role,
        certificate_sha256=request.app.state.certificate_sha256,
    )


@router.post("/enrol/local", response_model=Enrolled, openapi_extra={"x-action": "enrol"})
def enrol_local(body: LocalEnrolment, request: Request, context: Context) -> Enrolled:
    """A second `kiosk run` on the server's own machine, by the same user: it read the secret
    from the owner-only file in the data folder, so it may enrol itself. Loopback only."""
    address = client_address(request)
    if not _loopback(address) or not secrets.compare_digest(body.secret, context.local_secret):
        raise ProblemError("forbidden", "Local enrolment is for this machine's own windows")
    token = context.stations.ensure_enrolled(body.name, body.role, Actor("local", address))
    context.events.publish("stations")
    identity = context.stations.authenticate(token, address)
    assert identity is not None
    return Enrolled(
        token=token,
        station_id=identity.station_id,
        station_name=identity.name,
        role=identity.role,
        certificate_sha256=None,
    )


def _loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


@router.get("/site", response_model=SiteSettings, **action_route("site.info"))
def site(context: Context, caller: Who) -> SiteSettings:
    config, info = context.core.config, context.core.site
    if caller.station.role in (StationRole.KIOSK, StationRole.DESK):
        # A restarted station with a printer (a kiosk's badges, a desk's receipts and copies): what
        # it had claimed may have reached paper; it prints again as COPY.
        context.core.print_queue.recover_station(caller.station.name)
    return SiteSettings(
        name=info.name,
        timezone=info.timezone.key,
        badge_valid_hours=info.badge_valid_hours,
        night_starts=info.night_starts,
        night_ends=info.night_ends,
        visitor_cards=config.visitor_cards,
        auto_checkout_at=config.auto_checkout_at,
        station_name=caller.station.name,
        station_role=caller.station.role,
    )


@router.get("/ping", response_model=Ping, **action_route("site.ping"))
def ping(context: Context, caller: Who) -> Ping:
    """The server's time by the clock it judges badges and codes by, for a station to compare."""
    return Ping(server_time=context.core.clock.now(), station_name=caller.station.name, version=__version__)


@router.post("/session", response_model=SignedInReply, **action_route("session.sign_in"))
def sign_in(body: SignInRequest, context: Context, caller: Who) -> SignedInReply:
    station = caller.station
    if not context.sessions.try_allowed(station.station_id, "sign_in"):
        raise ProblemError("too_many_tries", "Too many sign-in tries at this station; wait a few minutes")
    try:
        # The console's purpose: the shift hand-over counts a clerk's shift from this record.
        who = context.core.staff.sign_in(body.username, body.secret, purpose="console_sign_in")
    except ValidationError as exc:
        context.sessions.failed_try(station.station_id, "sign_in")
        # An unknown account and a wrong PIN read the same (the audit trail tells them apart).
        if exc.code == "locked":
            raise
        raise ValidationError("credentials", "invalid") from None
    if station.role is StationRole.GUARD and not allowed(who.role, Permission.VERIFY_RELEASE_SLIPS):
        # The guard screen is the slip check alone: no session there for anyone else.
        context.core.staff.record(who, "staff.guard_screen_refused")
        raise ValidationError("credentials", "guard_only")
    session = context.sessions.open(who, station.station_id)
    return SignedInReply(
        token=session.token,
        staff=StaffView(staff_id=who.staff_id, username=who.username, name=who.name, role=who.role),
        idle_timeout_s=int(context.sessions.idle_s),
    )


@router.get("/session", response_model=StaffView, **action_route("session.current"))
def current(caller: Who) -> StaffView:
    assert caller.staff is not None
    who = caller.staff.who
    return StaffView(staff_id=who.staff_id, username=who.username, name=who.name, role=who.role)


@router.delete("/session", status_code=204, **action_route("session.sign_out"))
def sign_out(
    context: Context,
    caller: Who,
    token: Annotated[str, Header(alias=STAFF_HEADER, max_length=100)],
    reason: Annotated[Literal["sign_out", "locked"], Query()] = "sign_out",
) -> None:
    """Sign out; ``locked``: the console locked itself after a time without use."""
    closed = context.sessions.close(token)
    if closed is not None:
        context.core.staff.record(
            closed.who, "staff.console_sign_out" if reason == "sign_out" else "staff.console_locked"
        )


@router.post("/kiosk/exit", status_code=204, **action_route("kiosk.exit"))
def kiosk_exit(body: SignInRequest, context: Context, caller: Who) -> None:
    """The public kiosk's exit page: tries are limited per kiosk and never lock a desk account."""
    station = caller.station
    if not context.sessions.try_allowed(station.station_id, "kiosk_exit", KIOSK_EXIT_TRIES):
        raise ProblemError("too_many_tries", "Too many tries at this kiosk's exit; wait a few minutes")
    try:
        who = context.core.staff.sign_in(
            body.username, body.secret, purpose="kiosk_exit", count_failure=False
        )
    except ValidationError:
        context.sessions.failed_try(station.station_id, "kiosk_exit")
        raise ValidationError("credentials", "invalid") from None
    if who.role not in KIOSK_EXIT_ROLES:
        context.sessions.failed_try(station.station_id, "kiosk_exit")
        raise ValidationError("credentials", "not_allowed")
    context.sessions.forget_tries(station.station_id, "kiosk_exit")
