"""Outgoing courier (快递寄发): the desk logs what departments send, hands batches to the courier
(who signs with their name and a tick), and at the month's end prints each company's statement at
its own printer and exports the month's workbook for settlement. Every change is published as
"courier"."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse, JSONResponse

from kiosk.api.courier import (
    CourierCompanyActive,
    CourierCompanyAdd,
    CourierExport,
    CourierHandOver,
    CourierItemDraft,
    CourierStatementPrint,
    CourierVoid,
)
from kiosk.api.schemas import MAX_ROW_ID
from kiosk.domain.courier import (
    CourierBatchView,
    CourierCompanyView,
    CourierDraft,
    CourierItemView,
    CourierMonth,
)
from kiosk.domain.monthly_figures import parse_month
from kiosk.domain.views import PrintOutcome
from kiosk.server.auth import Context, IdemKey, Who, action_route
from kiosk.server.exports import export_file
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId
from kiosk.server.routes.steps import RecordStep
from kiosk.server.routes.visitor_log import MEDIA_TYPES
from kiosk.services.courier import CourierService
from kiosk.services.print_queue import printing_for

router = APIRouter(prefix="/api/v1", tags=["courier"])
ENTITY = "courier_item"
TOPICS = ("courier",)


def _draft(body: CourierItemDraft) -> CourierDraft:
    return CourierDraft(
        body.sender,
        body.department,
        body.addressee,
        body.destination,
        body.company_id,
        body.tracking_number,
        body.cost_fen,
        body.note,
    )


# A change to an item, stored once however often the desk sends it.
_step = RecordStep(lambda core: core.courier, CourierService.item, ENTITY, TOPICS)


@router.get(
    "/courier/companies", response_model=list[CourierCompanyView], **action_route("courier.companies")
)
def companies(context: Context, retired: bool = False) -> list[CourierCompanyView]:
    """The courier companies in use (``retired``: those retired as well)."""
    return context.core.courier.companies(retired)


@router.post("/courier/companies", response_model=CourierCompanyView, **action_route("courier.add_company"))
def add_company(body: CourierCompanyAdd, context: Context, caller: Who) -> CourierCompanyView:
    result = context.core.courier.add_company(body.code, body.name, body.name_en, caller.member)
    context.events.publish("courier")
    return result


@router.post(
    "/courier/companies/{company_id}/active",
    response_model=CourierCompanyView,
    **action_route("courier.company_active"),
)
def company_active(
    company_id: PathId, body: CourierCompanyActive, context: Context, caller: Who
) -> CourierCompanyView:
    """Retire a company (``active`` false) or take it back into use."""
    result = context.core.courier.set_company_active(company_id, body.active, caller.member)
    context.events.publish("courier")
    return result


@router.get("/courier/items", response_model=list[CourierItemView], **action_route("courier.list"))
def listing(
    context: Context,
    which: Literal["waiting", "handed_over", "voided", "all"] = "waiting",
    q: Annotated[str, Query(max_length=80)] = "",
    day: date | None = None,
    company_id: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> list[CourierItemView]:
    """The book, newest first; ``q`` a tracking number, an item number or part of a department;
    ``day`` the site-local day the items were logged."""
    return context.core.courier.listing(which, q, day, company_id, limit)


@router.get("/courier/departments", response_model=list[str], **action_route("courier.departments"))
def departments(context: Context) -> list[str]:
    return context.core.courier.departments()


@router.get("/courier/items/{item_id}", response_model=CourierItemView, **action_route("courier.read"))
def read(item_id: PathId, context: Context) -> CourierItemView:
    return context.core.courier.item(item_id)


@router.post("/courier/items", response_model=CourierItemView, **action_route("courier.log"))
def log(body: CourierItemDraft, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """Write an item in the book; a retried submit is stored once."""
    draft = _draft(body)
    return _step(context, caller, key, "courier.log", lambda service, who: service.log(draft, who))


@router.post("/courier/items/{item_id}/edit", response_model=CourierItemView, **action_route("courier.edit"))
def edit(
    item_id: PathId, body: CourierItemDraft, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Correct an item still waiting for the courier."""
    draft = _draft(body)
    return _step(context, caller, key, "courier.edit", lambda service, who: service.edit(item_id, draft, who))


@router.post("/courier/items/{item_id}/void", response_model=CourierItemView, **action_route("courier.void"))
def void(
    item_id: PathId, body: CourierVoid, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Void an item with the reason (one handed over: a supervisor)."""
    return _step(
        context, caller, key, "courier.void", lambda service, who: service.void(item_id, body.reason, who)
    )


@router.post("/courier/batches", response_model=CourierBatchView, **action_route("courier.hand_over"))
def hand_over(body: CourierHandOver, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """Hand waiting items of one company to its courier, who signed for them."""
    service = context.core.courier

    def run() -> CourierBatchView:
        return service.hand_over(body.item_ids, body.courier_name, body.confirmed, caller.member)

    return idempotent(
        context,
        caller,
        key,
        "courier.hand_over",
        run,
        lambda made: service.batch(int(made)),
        entity="courier_batch",
        topics=TOPICS,
    )


@router.get("/courier/batches/{batch_id}", response_model=CourierBatchView, **action_route("courier.batch"))
def batch(batch_id: PathId, context: Context) -> CourierBatchView:
    return context.core.courier.batch(batch_id)


@router.get("/courier/statements/{month}", response_model=CourierMonth, **action_route("courier.month"))
def month(month: str, context: Context) -> CourierMonth:
    """``month`` as ``YYYY-MM``: each company's items handed over in it, per department."""
    return context.core.courier.month(parse_month(month[:20]))


@router.post(
    "/courier/statements/{month}/print",
    response_model=PrintOutcome,
    **action_route("courier.print_statement"),
)
def print_statement(month: str, body: CourierStatementPrint, context: Context, caller: Who) -> PrintOutcome:
    """One company's statement for the month, at the calling desk's printer."""
    chosen = parse_month(month[:20])
    with printing_for(caller.station.name):
        return context.core.courier.print_statement(chosen, body.company_id, caller.member, body.language)


@router.post(
    "/courier/statements/{month}/export",
    response_class=FileResponse,
    responses={200: {"content": {MEDIA_TYPES["xlsx"]: {}}, "description": "The workbook"}},
    **action_route("courier.export"),
)
def export(month: str, body: CourierExport, context: Context) -> FileResponse:
    """The month's workbook for settlement: a sheet per company, then every item."""
    chosen = parse_month(month[:20])
    return export_file(
        context,
        f"courier-statement-{chosen}.xlsx",
        lambda path: context.core.courier.export(chosen, path, body.language),
    )
