"""Complaints and suggestions (投诉 / 建议): recorded at the desk, followed up, called back, closed
by a supervisor with a result. Only members who handle complaints read them (they name residents
and staff); the service checks the member's role again and audits in their name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from kiosk.api.complaints import (
    ComplaintAssignment,
    ComplaintCallback,
    ComplaintClosing,
    ComplaintNote,
    ComplaintRecord,
)
from kiosk.domain.complaints import ComplaintDetail, ComplaintSubject, ComplaintView, ListState, NewComplaint
from kiosk.server.auth import Context, IdemKey, Who, action_route
from kiosk.server.context import Caller, ServerContext
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId
from kiosk.services.complaints import ComplaintService
from kiosk.services.staff import SignedIn

router = APIRouter(prefix="/api/v1", tags=["complaints"])
TOPIC = "complaints"


@router.get("/complaints", response_model=list[ComplaintView], **action_route("complaints.list"))
def listing(
    context: Context,
    caller: Who,
    state: ListState = ListState.OPEN,
    subject: ComplaintSubject | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> list[ComplaintView]:
    return context.core.complaints.listing(caller.member, state, subject, limit)


@router.get("/complaints/{complaint_id}", response_model=ComplaintDetail, **action_route("complaints.read"))
def detail(complaint_id: PathId, context: Context, caller: Who) -> ComplaintDetail:
    return context.core.complaints.detail(complaint_id, caller.member)


@router.post("/complaints", response_model=ComplaintDetail, **action_route("complaints.record"))
def record(body: ComplaintRecord, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """Record one; a serious one mails the manager. A retried submit is stored (and alerts) once."""
    new = NewComplaint(
        kind=body.kind,
        source=body.source,
        subject=body.subject,
        complainant=body.complainant,
        text=body.text,
        responsible=body.responsible,
        due_on=body.due_on,
        unit=body.unit,
        contact=body.contact,
        serious=body.serious,
    )
    return _change(context, caller, key, "complaints.record", lambda service, who: service.record(new, who))


@router.post(
    "/complaints/{complaint_id}/steps", response_model=ComplaintDetail, **action_route("complaints.add_step")
)
def add_step(
    complaint_id: PathId, body: ComplaintNote, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    def change(service: ComplaintService, who: SignedIn) -> ComplaintDetail:
        return service.add_step(complaint_id, body.text, who)

    return _change(context, caller, key, "complaints.add_step", change, complaint_id)


@router.post(
    "/complaints/{complaint_id}/serious",
    response_model=ComplaintDetail,
    **action_route("complaints.make_serious"),
)
def make_serious(
    complaint_id: PathId, body: ComplaintNote, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Made a 重大投诉 after it was recorded: the manager is alerted at once."""

    def change(service: ComplaintService, who: SignedIn) -> ComplaintDetail:
        return service.make_serious(complaint_id, body.text, who)

    return _change(context, caller, key, "complaints.make_serious", change, complaint_id)


@router.post(
    "/complaints/{complaint_id}/callback",
    response_model=ComplaintDetail,
    **action_route("complaints.call_back"),
)
def call_back(
    complaint_id: PathId, body: ComplaintCallback, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    def change(service: ComplaintService, who: SignedIn) -> ComplaintDetail:
        return service.call_back(complaint_id, body.satisfaction, body.note, who)

    return _change(context, caller, key, "complaints.call_back", change, complaint_id)


@router.post(
    "/complaints/{complaint_id}/assign", response_model=ComplaintDetail, **action_route("complaints.assign")
)
def assign(
    complaint_id: PathId, body: ComplaintAssignment, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    def change(service: ComplaintService, who: SignedIn) -> ComplaintDetail:
        return service.assign(complaint_id, body.responsible, body.due_on, body.note, who)

    return _change(context, caller, key, "complaints.assign", change, complaint_id)


@router.post(
    "/complaints/{complaint_id}/close", response_model=ComplaintDetail, **action_route("complaints.close")
)
def close(
    complaint_id: PathId, body: ComplaintClosing, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    def change(service: ComplaintService, who: SignedIn) -> ComplaintDetail:
        return service.close(complaint_id, body.result, who)

    return _change(context, caller, key, "complaints.close", change, complaint_id)


def _change(
    context: ServerContext,
    caller: Caller,
    key: str | None,
    action: str,
    change: Callable[[ComplaintService, SignedIn], ComplaintDetail],
    complaint_id: int | None = None,
) -> JSONResponse:
    """A change in the signed-in member's name (the service checks their role again and audits),
    stored once however often the desk sends it (its answer lost): a retry is answered with the
    complaint as it stands (``complaint_id``, or the one the first try recorded). Every desk
    showing the register is told."""
    service = context.core.complaints
    who = caller.member

    def replay(made: str) -> ComplaintDetail:
        return service.detail(int(made) if complaint_id is None else complaint_id, who)

    return idempotent(
        context,
        caller,
        key,
        action,
        lambda: change(service, who),
        replay,
        entity="complaint",
        topics=(TOPIC,),
    )
