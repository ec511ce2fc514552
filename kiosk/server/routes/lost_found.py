"""Lost and found (失物招领): the desk logs found items and meeting guests' items left behind,
prints their tags at its own printer, hands them to their owners against ID and signature,
disposes of unclaimed ones after the keep period with a supervisor's PIN, and exports the register.
Every change is published as "lost_found"."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse, JSONResponse

from kiosk.api.lost_found import (
    LostItemClaim,
    LostItemCode,
    LostItemDispose,
    LostItemExport,
    LostItemLog,
    LostItemTagPrint,
    LostItemVoid,
    Which,
)
from kiosk.domain.lost_found import ClaimDraft, FoundItemDraft, LostItemRow, LostItemView
from kiosk.domain.views import PrintOutcome
from kiosk.server.auth import Context, IdemKey, Who, action_route
from kiosk.server.exports import export_file
from kiosk.server.routes import PathId
from kiosk.server.routes.steps import RecordStep
from kiosk.server.routes.visitor_log import MEDIA_TYPES
from kiosk.services.lost_found import LostFoundService, LostItemFilter
from kiosk.services.print_queue import printing_for
from kiosk.services.staff import SignedIn

router = APIRouter(prefix="/api/v1", tags=["lost and found"])
ENTITY = "lost_item"
TOPICS = ("lost_found",)


# A change to an item, stored once however often the desk sends it.
_step = RecordStep(lambda core: core.lost_found, LostFoundService.item, ENTITY, TOPICS)


@router.get("/lost-found", response_model=list[LostItemRow], **action_route("lost_found.list"))
def listing(
    context: Context,
    which: Which = "held",
    q: Annotated[str, Query(max_length=80)] = "",
    first_day: date | None = None,
    last_day: date | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> list[LostItemRow]:
    """Held, unclaimed (past the keep period), claimed, disposed, voided or all items; ``q`` a
    number or words of what, where found or where kept; the site days found on."""
    return context.core.lost_found.listing(LostItemFilter(which, q, first_day, last_day), limit)


@router.get("/lost-found/{lost_item_id}", response_model=LostItemView, **action_route("lost_found.read"))
def read(lost_item_id: PathId, context: Context) -> LostItemView:
    return context.core.lost_found.item(lost_item_id)


@router.post("/lost-found/find", response_model=LostItemView, **action_route("lost_found.find"))
def find(body: LostItemCode, context: Context) -> LostItemView:
    """The item a scanned tag's QR (or a typed number) names."""
    return context.core.lost_found.find(body.code)


@router.post("/lost-found", response_model=LostItemView, **action_route("lost_found.log"))
def log(body: LostItemLog, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """Log an item handed in; a retried submit is stored once."""
    draft = FoundItemDraft(
        body.what,
        body.category,
        body.found_where,
        body.found_at,
        body.finder,
        body.kept_at,
        body.source,
        body.meeting,
        body.room,
        body.cash_fen,
    )
    return _step(context, caller, key, "lost_found.log", lambda service, who: service.log(draft, who))


@router.post(
    "/lost-found/{lost_item_id}/claim", response_model=LostItemView, **action_route("lost_found.claim")
)
def claim(
    lost_item_id: PathId, body: LostItemClaim, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Hand the item to its owner against their ID (type and last four) and signature."""
    draft = ClaimDraft(
        body.claimant_name,
        body.id_type,
        body.id_last_four,
        body.signed_name,
        body.signature_confirmed,
        body.phone,
    )

    def claimed(service: LostFoundService, who: SignedIn) -> LostItemView:
        return service.claim(lost_item_id, draft, who)

    return _step(context, caller, key, "lost_found.claim", claimed)


@router.post(
    "/lost-found/{lost_item_id}/dispose", response_model=LostItemView, **action_route("lost_found.dispose")
)
def dispose(
    lost_item_id: PathId, body: LostItemDispose, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Dispose of an unclaimed item after the keep period, approved by a supervisor's PIN."""

    def disposed(service: LostFoundService, who: SignedIn) -> LostItemView:
        return service.dispose(lost_item_id, body.method, body.note, body.supervisor, body.secret, who)

    return _step(context, caller, key, "lost_found.dispose", disposed)


@router.post(
    "/lost-found/{lost_item_id}/void", response_model=LostItemView, **action_route("lost_found.void")
)
def void(
    lost_item_id: PathId, body: LostItemVoid, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """An item logged in error, voided by a supervisor with the reason."""

    def voided(service: LostFoundService, who: SignedIn) -> LostItemView:
        return service.void(lost_item_id, body.reason, who)

    return _step(context, caller, key, "lost_found.void", voided)


@router.post(
    "/lost-found/{lost_item_id}/tag", response_model=PrintOutcome, **action_route("lost_found.print_tag")
)
def print_tag(lost_item_id: PathId, body: LostItemTagPrint, context: Context, caller: Who) -> PrintOutcome:
    """The item's tag at the calling desk's printer (a copy once printed)."""
    with printing_for(caller.station.name):
        return context.core.lost_found.print_tag(lost_item_id, caller.member, body.language)


@router.post(
    "/lost-found/export",
    response_class=FileResponse,
    responses={200: {"content": {MEDIA_TYPES["xlsx"]: {}}, "description": "The workbook"}},
    **action_route("lost_found.export"),
)
def export(body: LostItemExport, context: Context, caller: Who) -> FileResponse:
    """The items the search selects (all of them, not the list's first 200) as a workbook."""
    chosen = LostItemFilter(body.which, body.q, body.first_day, body.last_day)
    service = context.core.lost_found
    return export_file(
        context, "lost-and-found.xlsx", lambda path: service.export(chosen, path, body.words, caller.member)
    )
