"""The management office's permits (管理处开具的凭据): the desk issues them (printed at its own
printer), cancels them with a reason, searches and exports the register; the desk and the guard
screen check them and record the let-in or the refusal; the public kiosk checks a permit a
visitor shows and hears only whether it is good and until when. Every change is published as
"permits"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse, JSONResponse

from kiosk.api.permits import PermitCode, PermitEntryRecord, PermitExport, PermitIssue, PermitReason
from kiosk.domain.permit_views import IssuedPermit, PermitCheck, PermitValidity, PermitView
from kiosk.domain.views import PrintOutcome
from kiosk.server.auth import Context, IdemKey, Who, action_route
from kiosk.server.context import Caller, ServerContext
from kiosk.server.exports import export_file
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId
from kiosk.server.routes.visitor_log import MEDIA_TYPES
from kiosk.server.throttling import counted_tries
from kiosk.services.permits import ENTITY, PermitDraft
from kiosk.services.print_queue import printing_for
from kiosk.services.throttle import TryKind

router = APIRouter(prefix="/api/v1", tags=["permits"])
TOPICS = ("permits",)


@router.get("/permits", response_model=list[PermitView], **action_route("permits.list"))
def listing(
    context: Context,
    which: Literal["current", "all"] = "current",
    q: Annotated[str, Query(max_length=80)] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 200,
) -> list[PermitView]:
    """Current or all permits, newest first; ``q`` a number, or part of a unit, holder, company
    or material."""
    return context.core.permits.listing(which, q, limit)


@router.get("/permits/{permit_id}", response_model=PermitView, **action_route("permits.read"))
def read(permit_id: PathId, context: Context) -> PermitView:
    return context.core.permits.permit(permit_id)


@router.post("/permits", response_model=IssuedPermit, **action_route("permits.issue"))
def issue(body: PermitIssue, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """Issue a permit; it prints at the calling desk's printer. A retried submit is stored once."""
    draft = PermitDraft(
        kind=body.kind,
        valid_from=body.valid_from,
        valid_until=body.valid_until,
        unit=body.unit,
        holder_name=body.holder_name,
        id_type=body.id_type,
        id_number=body.id_number,
        company=body.company,
        materials=tuple((line.name, line.quantity) for line in body.materials),
        route=body.route,
        note=body.note,
    )
    service = context.core.permits

    def run() -> IssuedPermit:
        with printing_for(caller.station.name):
            return service.issue(draft, caller.member, body.language)

    return idempotent(
        context,
        caller,
        key,
        "permits.issue",
        run,
        lambda made: service.issued(int(made)),
        entity=ENTITY,
        topics=TOPICS,
    )


@router.post(
    "/permits/{permit_id}/print-again", response_model=PrintOutcome, **action_route("permits.print_again")
)
def print_again(permit_id: PathId, context: Context, caller: Who) -> PrintOutcome:
    """The permit again, marked as a copy, at the calling desk."""
    with printing_for(caller.station.name):
        return context.core.permits.print_again(permit_id, caller.member)


@router.post("/permits/{permit_id}/cancel", response_model=PermitView, **action_route("permits.cancel"))
def cancel(
    permit_id: PathId, body: PermitReason, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Cancelled with its reason: refused wherever it is shown from now on."""
    service = context.core.permits
    return _change(
        context, caller, key, "permits.cancel", lambda: service.cancel(permit_id, caller.member, body.reason)
    )


@router.post("/permits/check", response_model=PermitCheck, **action_route("permits.check"))
def check(body: PermitCode, context: Context, caller: Who) -> PermitCheck:
    """What a scanned QR or a typed number is today, with the permit; audited either way."""
    return context.core.permits.check(body.code, caller.actor, caller.member)


@router.post("/permits/kiosk-check", response_model=PermitValidity, **action_route("permits.kiosk_check"))
def kiosk_check(body: PermitCode, context: Context, caller: Who) -> PermitValidity:
    """The public kiosk's check: a good permit's number, kind and days, nothing of its holder; a
    refusal as a problem with its reason and dates. Numbers that name no permit count as the
    kiosk's wrong tries (a few and it waits): the register is not for guessing through."""
    with counted_tries(context, caller, TryKind.PERMIT):
        return context.core.permits.check_at_kiosk(body.code, caller.actor)


@router.post(
    "/permits/{permit_id}/entries", response_model=PermitView, **action_route("permits.record_entry")
)
def record_entry(
    permit_id: PathId, body: PermitEntryRecord, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Let in (checked again as it is written), or refused with the reason."""
    service = context.core.permits
    return _change(
        context,
        caller,
        key,
        "permits.record_entry",
        lambda: service.record_entry(permit_id, caller.member, body.decision, body.note),
    )


@router.post(
    "/permits/export",
    response_class=FileResponse,
    responses={200: {"content": {MEDIA_TYPES["xlsx"]: {}}, "description": "The workbook"}},
    **action_route("permits.export"),
)
def export(body: PermitExport, context: Context, caller: Who) -> FileResponse:
    """The register as an XLSX workbook, written on the server and streamed to the desk."""
    core = context.core
    name = f"permits-{core.clock.now().astimezone(core.site.timezone):%Y%m%d}.xlsx"

    def write(path: Path) -> Path:
        core.permits.export(path, body.words, caller.actor, body.which, body.search)
        return path

    return export_file(context, name, write)


def _change(
    context: ServerContext, caller: Caller, key: str | None, action: str, change: Callable[[], PermitView]
) -> JSONResponse:
    """A change in the signed-in member's name, stored once however often it is sent: a retry
    is answered with the permit as it stands."""
    service = context.core.permits
    return idempotent(
        context,
        caller,
        key,
        action,
        change,
        lambda made: service.permit(int(made)),
        entity=ENTITY,
        topics=TOPICS,
    )
