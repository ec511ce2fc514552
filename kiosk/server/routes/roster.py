"""The duty roster (大堂助理值班表): the shift leader drafts a month (cells, or a pattern), submits
it; another supervisor approves it (signed in, or with their PIN); after that a day's shift is
swapped with a supervisor's agreement. Every change is published as "roster" (the roster page)
and "board" (who is on duty now and next)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter
from fastapi.responses import FileResponse, JSONResponse

from kiosk.api.roster import (
    RosterApproval,
    RosterCells,
    RosterExport,
    RosterFill,
    RosterReason,
    RosterSwapBody,
)
from kiosk.domain.monthly_figures import parse_month
from kiosk.domain.roster import CellChange, DutyOnBoard, RosterView
from kiosk.server.auth import Context, IdemKey, Who, action_route
from kiosk.server.context import Caller, ServerContext
from kiosk.server.exports import export_file
from kiosk.server.idempotency import idempotent
from kiosk.server.routes.visitor_log import MEDIA_TYPES
from kiosk.services.roster import ENTITY, RosterService
from kiosk.services.staff import SignedIn

router = APIRouter(prefix="/api/v1", tags=["duty roster"])
TOPICS = ("roster", "board")


def _month(month: str) -> str:
    # The service reads and refuses the month in the clerk's words; nothing long reaches it.
    return month[:20]


def _change(
    context: ServerContext,
    caller: Caller,
    key: str | None,
    action: str,
    step: Callable[[RosterService, SignedIn], RosterView],
) -> JSONResponse:
    """A change in the signed-in member's name (the service checks their role again), stored once
    however often the desk sends it: a retry is answered with the roster as it stands."""
    service = context.core.roster
    return idempotent(
        context,
        caller,
        key,
        action,
        lambda: step(service, caller.member),
        lambda made: service.view_of(int(made)),
        entity=ENTITY,
        topics=TOPICS,
    )


@router.get("/duty/now", response_model=DutyOnBoard, **action_route("roster.on_duty"))
def duty_now(context: Context) -> DutyOnBoard:
    """Who is on duty now and next by the approved roster (the handover shows it)."""
    return context.core.roster.on_board()


@router.get("/roster/{month}", response_model=RosterView, **action_route("roster.read"))
def read(month: str, context: Context) -> RosterView:
    """A month's roster as it stands (swaps applied), its shifts and the people it may name."""
    return context.core.roster.month(_month(month))


@router.post("/roster/{month}/cells", response_model=RosterView, **action_route("roster.edit"))
def edit(month: str, body: RosterCells, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    changes = [CellChange(c.day, c.staff_id, c.shift) for c in body.changes]

    def edited(service: RosterService, who: SignedIn) -> RosterView:
        return service.edit(_month(month), changes, who)

    return _change(context, caller, key, "roster.edit", edited)


@router.post("/roster/{month}/fill", response_model=RosterView, **action_route("roster.fill"))
def fill(month: str, body: RosterFill, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    def filled(service: RosterService, who: SignedIn) -> RosterView:
        return service.fill(_month(month), body.source, who)

    return _change(context, caller, key, "roster.fill", filled)


@router.post("/roster/{month}/submit", response_model=RosterView, **action_route("roster.submit"))
def submit(month: str, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    def submitted(service: RosterService, who: SignedIn) -> RosterView:
        return service.submit(_month(month), who)

    return _change(context, caller, key, "roster.submit", submitted)


@router.post("/roster/{month}/send-back", response_model=RosterView, **action_route("roster.send_back"))
def send_back(
    month: str, body: RosterReason, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    def sent_back(service: RosterService, who: SignedIn) -> RosterView:
        return service.send_back(_month(month), body.reason, who)

    return _change(context, caller, key, "roster.send_back", sent_back)


@router.post("/roster/{month}/approve", response_model=RosterView, **action_route("roster.approve"))
def approve(
    month: str, body: RosterApproval, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Approved by the member signed in (a supervisor who did not submit it), or by another
    supervisor's PIN at this desk."""

    def approved(service: RosterService, who: SignedIn) -> RosterView:
        return service.approve(_month(month), who, body.approver, body.secret)

    return _change(context, caller, key, "roster.approve", approved)


@router.post("/roster/{month}/swap", response_model=RosterView, **action_route("roster.swap"))
def swap(
    month: str, body: RosterSwapBody, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """A day's shift of the approved roster given to someone off that day, with the reason; a
    supervisor agrees: signed in, or with their PIN at a clerk's desk."""

    def swapped(service: RosterService, who: SignedIn) -> RosterView:
        return service.swap(
            _month(month), body.day, body.from_staff_id, body.to_staff_id, body.reason, who,
            body.supervisor, body.secret,
        )  # fmt: skip

    return _change(context, caller, key, "roster.swap", swapped)


@router.post(
    "/roster/{month}/export",
    response_class=FileResponse,
    responses={200: {"content": {MEDIA_TYPES["xlsx"]: {}}, "description": "The workbook"}},
    **action_route("roster.export"),
)
def export(month: str, body: RosterExport, context: Context, caller: Who) -> FileResponse:
    """The month as a workbook: the grid, the shifts' hours, the swaps."""
    # Read before it names the file: only YYYY-MM reaches the path.
    chosen = str(parse_month(_month(month)))
    return export_file(
        context,
        f"duty-roster-{chosen}.xlsx",
        lambda path: context.core.roster.export(chosen, path, body.words, caller.member),
    )
