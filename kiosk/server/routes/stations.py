"""Stations (admin), a station's print jobs, and the event stream."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Annotated

from fastapi import APIRouter, Query, WebSocket, WebSocketDisconnect
from starlette.concurrency import run_in_threadpool
from starlette.websockets import WebSocketState

from kiosk.api.permissions import is_allowed
from kiosk.api.schemas import ClaimedJob, JobResult, StationAdd, StationEnrolment
from kiosk.domain.views import PrintOutcome, StationListing
from kiosk.server.auth import Context, Who, action_route
from kiosk.server.context import ServerContext
from kiosk.server.routes import PathId

router = APIRouter(prefix="/api/v1", tags=["stations"])
# A listener with nothing to hear is pinged this often, so a dead link is noticed by both ends.
PING_S = 15.0


@router.get("/stations", response_model=list[StationListing], **action_route("stations.list"))
def list_stations(context: Context) -> list[StationListing]:
    return context.stations.listing()


@router.post("/stations", response_model=StationEnrolment, **action_route("stations.add"))
def add_station(body: StationAdd, context: Context, caller: Who) -> StationEnrolment:
    new = context.stations.add(body.name, body.role, caller.actor)
    context.events.publish("stations")
    return StationEnrolment(station_id=new.station_id, code=new.code, expires_at=new.expires_at)


@router.post("/stations/{station_id}/revoke", status_code=204, **action_route("stations.revoke"))
def revoke_station(station_id: PathId, context: Context, caller: Who) -> None:
    context.stations.revoke(station_id, caller.actor)
    context.sessions.close_station(station_id)
    context.events.publish("stations")


@router.post("/print-jobs/claim", response_model=list[ClaimedJob], **action_route("print_jobs.claim"))
def claim_jobs(context: Context, caller: Who) -> list[ClaimedJob]:
    jobs = context.core.print_queue.claim_for_station(caller.station.name)
    return [
        ClaimedJob(
            job_id=j.job_id,
            document=j.document,
            data=j.data,
            language=j.language,
            reference=j.reference,
            is_copy=j.is_copy,
        )
        for j in jobs
    ]


@router.post("/print-jobs/{job_id}/result", response_model=PrintOutcome, **action_route("print_jobs.report"))
def report_job(job_id: PathId, body: JobResult, context: Context, caller: Who) -> PrintOutcome:
    outcome = context.core.print_queue.report_from_station(
        caller.station.name,
        job_id,
        caller.actor,
        body.printer,
        None if body.printed else (body.error or "failed"),
    )
    context.events.publish("board")
    context.events.publish("print_queue")
    return outcome


@router.websocket("/events")
async def events(websocket: WebSocket, after: Annotated[int, Query(ge=0)] = 0) -> None:
    """Each message: {"seq", "topic", "visit_id"}, or {"topic": "resync"} when events were
    missed (the station re-fetches what it shows). The station's credential is the bearer token
    of the handshake, as on every request."""
    context: ServerContext = websocket.app.state.context
    token = websocket.headers.get("authorization", "").removeprefix("Bearer ").strip()
    address = websocket.client.host if websocket.client else "?"
    station = await run_in_threadpool(context.stations.authenticate, token, address)
    if station is None or not is_allowed("events.listen", station.role, None):
        await websocket.close(code=4401, reason="station_unknown")
        return
    await websocket.accept()
    hub = context.events
    listener = hub.listen()
    # The station sends nothing, but its going away (or the server shutting down) is heard at once
    # here, not at the next event or ping (uvicorn waits for this handler before it stops).
    gone = asyncio.create_task(_until_closed(websocket))
    seq = after
    try:
        while not gone.done():
            listener.wake.clear()
            found, lost = hub.since(seq, station.name)
            if lost:
                await websocket.send_json({"seq": hub.last_seq, "topic": "resync", "visit_id": None})
                seq = hub.last_seq
                continue
            for event in found:
                await websocket.send_json(
                    {"seq": event.seq, "topic": event.topic, "visit_id": event.visit_id}
                )
                seq = event.seq
            if not found:
                woken = asyncio.create_task(listener.wake.wait())
                done, _pending = await asyncio.wait(
                    {woken, gone}, timeout=PING_S, return_when=asyncio.FIRST_COMPLETED
                )
                woken.cancel()
                if not done:
                    await websocket.send_json({"seq": seq, "topic": "ping", "visit_id": None})
    except (WebSocketDisconnect, RuntimeError):
        pass  # the station went away
    finally:
        gone.cancel()
        hub.stop_listening(listener)
        if not gone.done() or websocket.application_state is WebSocketState.CONNECTED:
            with contextlib.suppress(RuntimeError, WebSocketDisconnect):
                await websocket.close()


async def _until_closed(websocket: WebSocket) -> None:
    with contextlib.suppress(WebSocketDisconnect, RuntimeError):
        while (await websocket.receive())["type"] != "websocket.disconnect":
            pass
