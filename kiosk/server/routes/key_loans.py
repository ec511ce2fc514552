"""Key loans (钥匙借用): the desk lends a set against ID or a staff number and takes it back; a
supervisor keeps the register (add, change, retire a set, write lost keys off) and exports it.
Every change is published as "keys" (the page, the handover's count) and "board" (the board
shows each open loan, red once past due)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse, JSONResponse
from starlette.background import BackgroundTask

from kiosk.api.key_loans import (
    KeyReason,
    KeySetBody,
    KeySetChange,
    KeysExport,
    LendRequest,
    ReturnRequest,
    WriteOffRequest,
)
from kiosk.domain.key_loans import Borrower, KeyLoanView, KeySetView, KeysOverview, SetDraft
from kiosk.server.auth import Context, IdemKey, Who, action_route
from kiosk.server.routes import PathId
from kiosk.server.routes.steps import RecordStep
from kiosk.server.routes.visitor_log import MEDIA_TYPES
from kiosk.server.startup import export_folder
from kiosk.services.key_loans import LOAN, SET, KeyLoanService
from kiosk.services.staff import SignedIn

router = APIRouter(prefix="/api/v1", tags=["key loans"])
# The desk's keys page and the handover's count; the lobby board (open loans, red once past due).
TOPICS = ("keys", "board")
Search = Annotated[str, Query(max_length=80)]


def _draft(body: KeySetBody) -> SetDraft:
    return SetDraft(body.label, body.opens, body.key_count, body.kept_at, body.kind)


def _set(service: KeyLoanService, set_id: int) -> KeySetView:
    [found] = [s for s in service.sets(include_retired=True) if s.set_id == set_id]
    return found


# A change to a loan or a set, stored once however often the desk sends it.
_loan_step = RecordStep(lambda core: core.key_loans, KeyLoanService.loan, LOAN, TOPICS)
_set_step = RecordStep(lambda core: core.key_loans, _set, SET, TOPICS)


@router.get("/keys", response_model=KeysOverview, **action_route("keys.read"))
def overview(context: Context, q: Search = "") -> KeysOverview:
    """The register, the open loans (``q``: part of a tag, room, borrower or staff number), the
    keys that should be at the desk and a new loan's default due time."""
    return context.core.key_loans.overview(q)


@router.get("/keys/sets", response_model=list[KeySetView], **action_route("keys.read"))
def sets(context: Context, q: Search = "", retired: bool = False) -> list[KeySetView]:
    return context.core.key_loans.sets(q, include_retired=retired)


@router.get("/keys/loans", response_model=list[KeyLoanView], **action_route("keys.read"))
def loans(
    context: Context,
    which: Literal["open", "overdue", "all"] = "open",
    q: Search = "",
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[KeyLoanView]:
    return context.core.key_loans.loans(which, q, limit)


@router.get("/keys/loans/{loan_id}", response_model=KeyLoanView, **action_route("keys.read"))
def loan(loan_id: PathId, context: Context) -> KeyLoanView:
    return context.core.key_loans.loan(loan_id)


@router.post("/keys/loans", response_model=KeyLoanView, **action_route("keys.lend"))
def lend(body: LendRequest, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    borrower = Borrower(
        body.borrower, body.company, body.phone, body.id_type, body.id_last_four, body.staff_number
    )

    def lent(service: KeyLoanService, who: SignedIn) -> KeyLoanView:
        return service.lend(body.set_id, borrower, who, body.keys, body.due_at, body.note)

    return _loan_step(context, caller, key, "keys.lend", lent)


@router.post("/keys/loans/{loan_id}/return", response_model=KeyLoanView, **action_route("keys.take_back"))
def take_back(
    loan_id: PathId, body: ReturnRequest, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Keys handed back to the clerk signed in: all still out, or some (with a note)."""

    def returned(service: KeyLoanService, who: SignedIn) -> KeyLoanView:
        return service.take_back(loan_id, who, body.keys, body.note)

    return _loan_step(context, caller, key, "keys.take_back", returned)


@router.post("/keys/loans/{loan_id}/write-off", response_model=KeyLoanView, **action_route("keys.write_off"))
def write_off(
    loan_id: PathId, body: WriteOffRequest, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Keys that will not come back, written off by a supervisor: the set's count drops."""

    def lost(service: KeyLoanService, who: SignedIn) -> KeyLoanView:
        return service.write_off(loan_id, body.keys, body.reason, who)

    return _loan_step(context, caller, key, "keys.write_off", lost)


@router.post("/keys/sets", response_model=KeySetView, **action_route("keys.add_set"))
def add_set(body: KeySetBody, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    def added(service: KeyLoanService, who: SignedIn) -> KeySetView:
        return service.add_set(_draft(body), who)

    return _set_step(context, caller, key, "keys.add_set", added)


@router.post("/keys/sets/{set_id}", response_model=KeySetView, **action_route("keys.change_set"))
def change_set(
    set_id: PathId, body: KeySetChange, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    def changed(service: KeyLoanService, who: SignedIn) -> KeySetView:
        return service.update_set(set_id, _draft(body), body.reason, who)

    return _set_step(context, caller, key, "keys.change_set", changed)


@router.post("/keys/sets/{set_id}/retire", response_model=KeySetView, **action_route("keys.retire_set"))
def retire_set(
    set_id: PathId, body: KeyReason, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    def retired(service: KeyLoanService, who: SignedIn) -> KeySetView:
        return service.retire_set(set_id, body.reason, who)

    return _set_step(context, caller, key, "keys.retire_set", retired)


@router.post(
    "/keys/export",
    response_class=FileResponse,
    responses={200: {"content": {MEDIA_TYPES["xlsx"]: {}}, "description": "The workbook"}},
    **action_route("keys.export"),
)
def export(body: KeysExport, context: Context, caller: Who) -> FileResponse:
    """The register and every loan as one workbook, written on the server and streamed."""
    # In the data folder, not /tmp: what a crash leaves there is removed at the next start.
    folder = Path(tempfile.mkdtemp(prefix="kiosk-keys-", dir=export_folder(context.core.export_dir)))
    name = f"key-register-{context.core.clock.now().astimezone(context.core.site.timezone):%Y%m%d}.xlsx"
    try:
        path = context.core.key_loans.export(folder / name, body.words, caller.member)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        path,
        media_type=MEDIA_TYPES["xlsx"],
        filename=name,
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )
