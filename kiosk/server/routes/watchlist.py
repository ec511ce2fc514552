"""The watchlist: supervisors add and remove people whose check-in is held.

Only the server holds the site key: an ID number arrives as typed (over TLS), is hashed here for
matching and kept as its last four, so every station's check-in matches the same way."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from kiosk.api.schemas import WatchlistAdd, WatchlistListing, WatchlistRef
from kiosk.domain.views import StaffName
from kiosk.server.auth import (
    Context,
    IdemKey,
    Who,
    action_route,
)
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId

router = APIRouter(prefix="/api/v1", tags=["watchlist"])

TOPIC = "watchlist"


@router.get("/watchlist", response_model=WatchlistListing, **action_route("watchlist.list"))
def entries(context: Context) -> WatchlistListing:
    """Who is on the list now, and the names of the members who added them (the desk says
    "王芳 (Supervisor)", not a staff number; a supervisor may not read the staff accounts)."""
    rows = context.core.watchlist.entries()
    named = {row.added_by.partition(":")[2] for row in rows if row.added_by.startswith("staff:")}
    staff = [
        StaffName(m.username, m.name, m.role) for m in context.core.staff.members() if m.username in named
    ]
    return WatchlistListing(entries=rows, staff=staff)


@router.post("/watchlist", response_model=WatchlistRef, **action_route("watchlist.add"))
def add(body: WatchlistAdd, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    def run() -> WatchlistRef:
        entry_id = context.core.watchlist.add(
            body.name, body.reason, caller.actor, company=body.company, id_type=body.id_type,
            id_number=body.id_number, until=body.until,
        )  # fmt: skip
        context.events.publish(TOPIC)
        return WatchlistRef(entry_id=entry_id)

    return idempotent(
        context,
        caller,
        key,
        "watchlist.add",
        run,
        lambda made: WatchlistRef(entry_id=int(made)),
        entity="watchlist",
    )


@router.post("/watchlist/{entry_id}/remove", status_code=204, **action_route("watchlist.remove"))
def remove(entry_id: PathId, context: Context, caller: Who) -> None:
    context.core.watchlist.remove(entry_id, caller.actor)
    context.events.publish(TOPIC)
