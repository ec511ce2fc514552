"""Staff accounts: admins add, rename, change roles, (de)activate, reset PINs, lift lock-outs.

The right is the server's (``staff.*`` needs MANAGE_STAFF, an admin at a desk); the audit trail
names the admin signed in at the calling station, never a name the request carries.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from kiosk.api.schemas import StaffAdd, StaffRef, StaffSecret, StaffUpdate
from kiosk.domain.views import StaffListing
from kiosk.server.auth import (
    Context,
    IdemKey,
    Who,
    action_route,
)
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId

router = APIRouter(prefix="/api/v1", tags=["staff"])


@router.get("/staff", response_model=list[StaffListing], **action_route("staff.list"))
def members(context: Context) -> list[StaffListing]:
    return context.core.staff.members()


@router.post("/staff", response_model=StaffRef, **action_route("staff.add"))
def add(body: StaffAdd, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    def run() -> StaffRef:
        staff_id = context.core.staff.add(body.username, body.name, body.role, body.secret, caller.actor)
        context.events.publish("staff")
        return StaffRef(staff_id=staff_id)

    return idempotent(
        context, caller, key, "staff.add", run, lambda staff_id: StaffRef(staff_id=int(staff_id))
    )


@router.post("/staff/{staff_id}", status_code=204, **action_route("staff.update"))
def update(staff_id: PathId, body: StaffUpdate, context: Context, caller: Who) -> None:
    context.core.staff.update(staff_id, caller.actor, name=body.name, role=body.role, active=body.active)
    if body.active is False:
        context.sessions.close_member(staff_id)
    elif body.role is not None:
        # A member given another role keeps no session with the rights they had.
        context.sessions.close_member(staff_id, keep_role=body.role)
    context.events.publish("staff")


@router.post("/staff/{staff_id}/secret", status_code=204, **action_route("staff.reset_secret"))
def reset_secret(staff_id: PathId, body: StaffSecret, context: Context, caller: Who) -> None:
    context.core.staff.reset_secret(staff_id, body.secret, caller.actor)
    context.events.publish("staff")


@router.post("/staff/{staff_id}/unlock", status_code=204, **action_route("staff.unlock"))
def unlock(staff_id: PathId, context: Context, caller: Who) -> None:
    context.core.staff.unlock(staff_id, caller.actor)
    context.events.publish("staff")
