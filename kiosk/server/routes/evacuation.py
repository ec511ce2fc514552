"""The evacuation roll call: everyone on site, read by a console and printed on its own printer.

The server answers from its database, or from its own last saved copy when the database is
down; when even that is missing it says it is unavailable, and the console falls back on the
last roll call it fetched itself (kiosk.client.evacuation)."""

from __future__ import annotations

from fastapi import APIRouter

from kiosk.api.schemas import EvacuationPrinted
from kiosk.domain.documents import EvacuationList
from kiosk.server.auth import Context, Who, action_route
from kiosk.server.problems import ProblemError
from kiosk.services.evacuation import EvacuationUnavailableError

router = APIRouter(prefix="/api/v1", tags=["evacuation"])


@router.get("/evacuation", response_model=EvacuationList, **action_route("evacuation.roll_call"))
def roll_call(context: Context) -> EvacuationList:
    try:
        return context.core.evacuation.roll_call()
    except EvacuationUnavailableError as exc:
        raise ProblemError("unavailable", "The server cannot say who is on site", str(exc)) from None


@router.post("/evacuation/printed", status_code=204, **action_route("evacuation.printed"))
def printed(body: EvacuationPrinted, context: Context, caller: Who) -> None:
    context.core.evacuation.record_printed(
        caller.actor, body.people, body.printer, body.from_snapshot, body.station_copy
    )
