"""Newspapers and magazines (报刊): the units' orders, each day's bundles counted against them, the
shortfalls raised with the post office and resolved, the month's workbook. Every change is
published as "newspapers" and "board" (the board shows today's uncounted titles and the open
shortfalls)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse, JSONResponse

from kiosk.api.newspapers import (
    BundleCount,
    BundleLate,
    NewspapersExport,
    ShortfallContact,
    ShortfallResolve,
    SubscriptionStop,
    SubscriptionTake,
)
from kiosk.domain.monthly_figures import parse_month
from kiosk.domain.newspapers import DeliveryDay, ShortfallRow, ShortfallView, SubscriptionRow
from kiosk.server.auth import Context, IdemKey, Who, action_route
from kiosk.server.exports import export_file
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId
from kiosk.server.routes.steps import RecordStep
from kiosk.server.routes.visitor_log import MEDIA_TYPES
from kiosk.services.newspapers import (
    DELIVERY,
    SHORTFALL,
    SUBSCRIPTION,
    NewspaperService,
    SubscriptionDraft,
)
from kiosk.services.staff import SignedIn

router = APIRouter(prefix="/api/v1", tags=["newspapers"])
TOPICS = ("newspapers", "board")


# A change to a shortfall, stored once however often the desk sends it.
_shortfall_step = RecordStep(lambda core: core.newspapers, NewspaperService.shortfall, SHORTFALL, TOPICS)


@router.get(
    "/newspapers/subscriptions",
    response_model=list[SubscriptionRow],
    **action_route("newspapers.subscriptions"),
)
def subscriptions(
    context: Context,
    which: Literal["current", "all"] = "current",
    q: Annotated[str, Query(max_length=80)] = "",
) -> list[SubscriptionRow]:
    """Current (or all) orders by unit and title; ``q`` a unit or part of a title."""
    return context.core.newspapers.subscriptions(q, which)


@router.post(
    "/newspapers/subscriptions", response_model=SubscriptionRow, **action_route("newspapers.subscribe")
)
def subscribe(body: SubscriptionTake, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    draft = SubscriptionDraft(
        body.unit, body.title, body.frequency, body.copies, body.starts_on, body.ends_on,
        body.weekdays, body.month_days, body.supplier,
    )  # fmt: skip
    service = context.core.newspapers

    return idempotent(
        context,
        caller,
        key,
        "newspapers.subscribe",
        lambda: service.subscribe(draft, caller.member),
        lambda made: service.subscription(int(made)),
        entity=SUBSCRIPTION,
        topics=TOPICS,
    )


@router.post(
    "/newspapers/subscriptions/{subscription_id}/stop",
    response_model=SubscriptionRow,
    **action_route("newspapers.stop"),
)
def stop(subscription_id: PathId, body: SubscriptionStop, context: Context, caller: Who) -> SubscriptionRow:
    """Stopped before its end, with the reason; stopping again is refused, so no key is needed."""
    row = context.core.newspapers.stop(subscription_id, caller.member, body.reason, body.last_day)
    for topic in TOPICS:
        context.events.publish(topic)
    return row


@router.get("/newspapers/days/{day}", response_model=DeliveryDay, **action_route("newspapers.day"))
def day(day: date, context: Context) -> DeliveryDay:
    """Each title expected on ``day`` (YYYY-MM-DD) beside what was counted."""
    return context.core.newspapers.day(day)


@router.post("/newspapers/days/{day}/count", response_model=DeliveryDay, **action_route("newspapers.count"))
def count(day: date, body: BundleCount, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """A title's bundle counted (or counted again); short or late, its shortfall opens."""
    service = context.core.newspapers

    return idempotent(
        context,
        caller,
        key,
        "newspapers.count",
        lambda: service.count(day, body.title, body.received, caller.member, body.arrived_late, body.note),
        lambda made: service.day_of_count(int(made)),
        entity=DELIVERY,
        topics=TOPICS,
    )


@router.post(
    "/newspapers/days/{day}/late", response_model=ShortfallView, **action_route("newspapers.report_late")
)
def report_late(
    day: date, body: BundleLate, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """A title not come by when it should have: its shortfall opens, to raise with the post office."""

    def late(service: NewspaperService, who: SignedIn) -> ShortfallView:
        return service.report_late(day, body.title, who)

    return _shortfall_step(context, caller, key, "newspapers.report_late", late)


@router.get(
    "/newspapers/shortfalls", response_model=list[ShortfallRow], **action_route("newspapers.shortfalls")
)
def shortfalls(
    context: Context,
    which: Literal["open", "all"] = "open",
    q: Annotated[str, Query(max_length=80)] = "",
) -> list[ShortfallRow]:
    """Open (or all) shortfalls, newest first; ``q`` a number, a day or part of a title."""
    return context.core.newspapers.shortfalls(which, q)


@router.get(
    "/newspapers/shortfalls/{shortfall_id}",
    response_model=ShortfallView,
    **action_route("newspapers.shortfall"),
)
def shortfall(shortfall_id: PathId, context: Context) -> ShortfallView:
    return context.core.newspapers.shortfall(shortfall_id)


@router.post(
    "/newspapers/shortfalls/{shortfall_id}/contact",
    response_model=ShortfallView,
    **action_route("newspapers.contact"),
)
def contact(
    shortfall_id: PathId, body: ShortfallContact, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    def contacted(service: NewspaperService, who: SignedIn) -> ShortfallView:
        return service.record_contact(shortfall_id, who, body.contact_name, body.method, body.note)

    return _shortfall_step(context, caller, key, "newspapers.contact", contacted)


@router.post(
    "/newspapers/shortfalls/{shortfall_id}/resolve",
    response_model=ShortfallView,
    **action_route("newspapers.resolve"),
)
def resolve(
    shortfall_id: PathId, body: ShortfallResolve, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    def resolved(service: NewspaperService, who: SignedIn) -> ShortfallView:
        return service.resolve(shortfall_id, who, body.resolution, body.copies_made_good)

    return _shortfall_step(context, caller, key, "newspapers.resolve", resolved)


@router.post(
    "/newspapers/months/{month}/export",
    response_class=FileResponse,
    responses={200: {"content": {MEDIA_TYPES["xlsx"]: {}}, "description": "The workbook"}},
    **action_route("newspapers.export"),
)
def export(month: str, body: NewspapersExport, context: Context) -> FileResponse:
    """The month's bundles, shortfalls and orders as one workbook."""
    chosen = parse_month(month[:20])
    return export_file(
        context,
        f"newspapers-{chosen}.xlsx",
        lambda path: context.core.newspapers.export(chosen, path, body.words),
    )
