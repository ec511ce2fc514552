"""Pre-registration (预约) at the desk: invitations for one visitor or a group, the list of those
coming, and the invitation printed at the calling desk or e-mailed to the invitee."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import AwareDatetime

from kiosk.api.schemas import GroupInvitationRequest, InvitationRequest, Invited, PrintRequest
from kiosk.domain.errors import ValidationError
from kiosk.domain.views import ExpectedArrival, Invitee, PrintOutcome
from kiosk.server.auth import (
    Context,
    IdemKey,
    Who,
    action_route,
)
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId
from kiosk.services.print_queue import printing_for

router = APIRouter(prefix="/api/v1", tags=["pre-registration"])

# The longest span one listing covers: the desk asks for two weeks.
MAX_SPAN = timedelta(days=62)
TOPIC = "invitations"


@router.get(
    "/pre-registrations", response_model=list[ExpectedArrival], **action_route("pre_registration.list")
)
def expected(
    context: Context, start: Annotated[AwareDatetime, Query()], end: Annotated[AwareDatetime, Query()]
) -> list[ExpectedArrival]:
    """Invitations (not cancelled) whose window overlaps [start, end), earliest first."""
    if end <= start:
        raise ValidationError("valid_until", "before_start")
    return context.core.invitations.expected(start, min(end, start + MAX_SPAN))


@router.post("/pre-registrations", response_model=Invited, **action_route("pre_registration.invite"))
def invite(body: InvitationRequest, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    def run() -> Invited:
        created = context.core.invitations.invite(
            body.visitor_name, body.host_id, body.valid_from, body.valid_until, caller.actor,
            company=body.company, mobile=body.mobile, email=body.email, purpose=body.purpose,
            party_size=body.party_size,
        )  # fmt: skip
        context.events.publish(TOPIC)
        return Invited(group_id=None, invitations=[created])

    service = context.core.invitations
    return idempotent(
        context,
        caller,
        key,
        "pre_registration.invite",
        run,
        lambda made: Invited(group_id=None, invitations=[service.created(int(made))]),
        entity="invitation",
    )


@router.post(
    "/pre-registrations/groups", response_model=Invited, **action_route("pre_registration.invite_group")
)
def invite_group(
    body: GroupInvitationRequest, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    def run() -> Invited:
        group_id, created = context.core.invitations.invite_group(
            body.host_id,
            body.visiting_unit,
            body.headcount,
            body.valid_from,
            body.valid_until,
            [Invitee(p.name, p.mobile, p.email) for p in body.invitees],
            caller.actor,
            requirements=body.requirements,
            notes=body.notes,
        )
        context.events.publish(TOPIC)
        return Invited(group_id=group_id, invitations=created)

    service = context.core.invitations
    return idempotent(
        context,
        caller,
        key,
        "pre_registration.invite_group",
        run,
        lambda made: Invited(group_id=int(made), invitations=service.group_created(int(made))),
        entity="invitation_group",
    )


@router.post(
    "/pre-registrations/{invitation_id}/cancel",
    status_code=204,
    **action_route("pre_registration.cancel"),
)
def cancel(invitation_id: PathId, context: Context, caller: Who) -> None:
    context.core.invitations.cancel(invitation_id, caller.actor)
    context.events.publish(TOPIC)


@router.post(
    "/pre-registrations/{invitation_id}/print",
    response_model=PrintOutcome,
    **action_route("pre_registration.print_slip"),
)
def print_slip(invitation_id: PathId, body: PrintRequest, context: Context, caller: Who) -> PrintOutcome:
    """Queued for the calling desk's own printer (the station claims and prints it)."""
    with printing_for(caller.station.name):
        return context.core.invitations.print_slip(invitation_id, body.language, caller.actor)


@router.post(
    "/pre-registrations/{invitation_id}/email",
    status_code=204,
    **action_route("pre_registration.email_slip"),
)
def email_slip(invitation_id: PathId, context: Context, caller: Who) -> None:
    context.core.invitations.email_slip(invitation_id, caller.actor)
