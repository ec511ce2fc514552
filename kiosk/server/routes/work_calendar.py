"""The working-day calendar the machine-room pass reconciliation follows: China's official days
and the site's overrides, which a supervisor adds and withdraws at the desk."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from kiosk.api.work_calendar import CancelOverrideRequest, OverrideRequest
from kiosk.domain.work_calendar import CalendarYear, OverrideView
from kiosk.server.auth import Context, IdemKey, Who, action_route
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId
from kiosk.server.routes.machine_room_passes import TOPIC
from kiosk.services.work_calendar import ENTITY

router = APIRouter(prefix="/api/v1", tags=["working-day calendar"])


@router.get("/calendar", response_model=CalendarYear, **action_route("calendar.read"))
def year(context: Context, year: Annotated[int | None, Query(ge=2000, le=2100)] = None) -> CalendarYear:
    """A year's official holidays and make-up working days and the site's overrides (this year
    by default)."""
    service = context.core.machine_room_passes.calendar
    return service.year(year or context.core.machine_room_passes.today().year)


@router.post("/calendar/overrides", response_model=OverrideView, **action_route("calendar.add"))
def add(body: OverrideRequest, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """A day off or a make-up working day for this site. A submit: a retry is stored once."""
    service = context.core.machine_room_passes.calendar

    def run() -> OverrideView:
        return service.add_override(body.day, body.kind, body.note, caller.member)

    # The passes page and the board follow: which days are due may have changed.
    return idempotent(
        context,
        caller,
        key,
        "calendar.add",
        run,
        lambda made: service.override(int(made)),
        entity=ENTITY,
        topics=(TOPIC, "board"),
    )


@router.post("/calendar/overrides/{override_id}/cancel", status_code=204, **action_route("calendar.cancel"))
def cancel(override_id: PathId, body: CancelOverrideRequest, context: Context, caller: Who) -> None:
    """Withdraw an override with the reason; the official calendar decides that day again."""
    context.core.machine_room_passes.calendar.cancel_override(override_id, body.reason, caller.member)
    context.events.publish(TOPIC)
    context.events.publish("board")
