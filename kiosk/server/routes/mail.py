"""Registered mail and parcels (挂号邮件): the desk logs each item (its label prints at the calling
desk's printer), finds it by a scanned label, hands it out against ID and signature, records
damage with the shift leader's PIN, forwards a moved-out person's and returns an unclaimed one
with a supervisor's; the register is searched and (supervisors) exported. Every change is
published as "mail" and "board" (the board shows what waits and who is to be told)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse, JSONResponse
from starlette.background import BackgroundTask

from kiosk.api.mail import (
    MailCode,
    MailDamage,
    MailExport,
    MailForward,
    MailHandOut,
    MailLog,
    MailNote,
    MailReturnRequest,
    MailShelf,
    MovedOutAdd,
)
from kiosk.domain.mail_views import MailItemView, MailLogged, MailReturnRow, MailRow, MovedOutView
from kiosk.domain.views import DeskHostEntry, PrintOutcome
from kiosk.server.auth import Context, IdemKey, Who, action_route
from kiosk.server.context import Caller, ServerContext
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId
from kiosk.server.routes.visitor_log import MEDIA_TYPES
from kiosk.server.signatures import pin_signature
from kiosk.server.startup import export_folder
from kiosk.services.mail import ENTITY, HandOut, MailDraft, MailService, MovedOutDraft
from kiosk.services.print_queue import printing_for
from kiosk.services.staff import SignedIn

router = APIRouter(prefix="/api/v1", tags=["mail"])
TOPICS = ("mail", "board")
Which = Literal["waiting", "unclaimed", "damaged", "moved_out", "handed_out", "forwarded", "returned", "all"]


def _step(
    context: ServerContext,
    caller: Caller,
    key: str | None,
    action: str,
    step: Callable[[MailService, SignedIn], MailItemView],
    signed: bool = False,
) -> JSONResponse:
    """A step on an item in the signed-in member's name, stored once however often the desk sends
    it (a retry is answered with the item as it stands). ``signed``: a PIN is checked inside, its
    wrong tries counted at this station."""
    service = context.core.mail

    def run() -> MailItemView:
        if not signed:
            return step(service, caller.member)
        with pin_signature(context, caller):
            return step(service, caller.member)

    return idempotent(
        context, caller, key, action, run, lambda made: service.item(int(made)), entity=ENTITY, topics=TOPICS
    )


@router.get("/mail", response_model=list[MailRow], **action_route("mail.list"))
def listing(
    context: Context,
    which: Which = "waiting",
    q: Annotated[str, Query(max_length=80)] = "",
    day_from: date | None = None,
    day_to: date | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
) -> list[MailRow]:
    """The register, newest first; ``q`` an item number, a tracking number, an addressee or a unit."""
    return context.core.mail.listing(which, q, day_from, day_to, limit)


@router.get("/mail/returns", response_model=list[MailReturnRow], **action_route("mail.returns"))
def returns(
    context: Context, day_from: date | None = None, day_to: date | None = None
) -> list[MailReturnRow]:
    """The returns register (退件登记簿)."""
    return context.core.mail.returns(day_from, day_to)


@router.get("/mail/directory", response_model=list[DeskHostEntry], **action_route("mail.directory"))
def directory(context: Context, q: Annotated[str, Query(max_length=80)] = "") -> list[DeskHostEntry]:
    """The staff directory, for the form's addressee (told by e-mail when they have an address)."""
    return context.core.directory.search_for_desk(q)


@router.get("/mail/moved-out", response_model=list[MovedOutView], **action_route("mail.moved_out.list"))
def moved_out(context: Context, closed: bool = False) -> list[MovedOutView]:
    return context.core.mail.moved_out(closed)


@router.post("/mail/moved-out", response_model=MovedOutView, **action_route("mail.moved_out.add"))
def add_moved_out(body: MovedOutAdd, context: Context, caller: Who) -> MovedOutView:
    draft = MovedOutDraft(
        body.name, body.moved_out_on, body.unit, body.company, body.phone, body.forward_address
    )
    view = context.core.mail.add_moved_out(draft, caller.member)
    _publish(context)
    return view


@router.post(
    "/mail/moved-out/{moved_out_id}/told", response_model=MovedOutView, **action_route("mail.moved_out.told")
)
def told(moved_out_id: PathId, body: MailNote, context: Context, caller: Who) -> MovedOutView:
    """The weekly reminder done: they were told to collect."""
    view = context.core.mail.told_to_collect(moved_out_id, caller.member, body.note)
    _publish(context)
    return view


@router.post(
    "/mail/moved-out/{moved_out_id}/close",
    response_model=MovedOutView,
    **action_route("mail.moved_out.close"),
)
def close_moved_out(moved_out_id: PathId, context: Context, caller: Who) -> MovedOutView:
    view = context.core.mail.close_moved_out(moved_out_id, caller.member)
    _publish(context)
    return view


@router.get("/mail/{item_id}", response_model=MailItemView, **action_route("mail.read"))
def read(item_id: PathId, context: Context) -> MailItemView:
    return context.core.mail.item(item_id)


@router.post("/mail/find", response_model=MailItemView, **action_route("mail.find"))
def find(body: MailCode, context: Context) -> MailItemView:
    """The item a scanned label's QR (or a typed number) names."""
    return context.core.mail.find(body.code)


@router.post("/mail", response_model=MailLogged, **action_route("mail.log"))
def log(body: MailLog, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    """Log an item on arrival; its label prints at the calling desk. A retried submit is stored once."""
    service = context.core.mail
    draft = MailDraft(
        body.kind,
        body.carrier,
        body.tracking_number,
        body.addressee,
        body.unit,
        body.company,
        body.host_id,
        body.shelf,
    )

    def run() -> MailLogged:
        with printing_for(caller.station.name):
            return service.log(draft, caller.member, body.language)

    def replay(made: str) -> MailLogged:
        return MailLogged(service.item(int(made)), PrintOutcome(0, False, None, None))

    return idempotent(context, caller, key, "mail.log", run, replay, entity=ENTITY, topics=TOPICS)


@router.post("/mail/{item_id}/print-label", response_model=PrintOutcome, **action_route("mail.print_label"))
def print_label(item_id: PathId, context: Context, caller: Who) -> PrintOutcome:
    """The label again, marked as a copy, at the calling desk."""
    with printing_for(caller.station.name):
        return context.core.mail.print_label(item_id, caller.member)


@router.post("/mail/{item_id}/notified", response_model=MailItemView, **action_route("mail.notify"))
def notified(
    item_id: PathId, body: MailNote, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """The addressee was told (phoned, in person): on the trail."""
    return _step(
        context, caller, key, "mail.notify", lambda s, who: s.record_notified(item_id, who, body.note)
    )


@router.post("/mail/{item_id}/shelf", response_model=MailItemView, **action_route("mail.shelve"))
def shelve(
    item_id: PathId, body: MailShelf, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    return _step(context, caller, key, "mail.shelve", lambda s, who: s.shelve(item_id, who, body.shelf))


@router.post("/mail/{item_id}/damage", response_model=MailItemView, **action_route("mail.record_damage"))
def damage(
    item_id: PathId, body: MailDamage, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """The damage record (邮件破损登记簿), signed by the shift leader's own PIN."""

    def record(service: MailService, who: SignedIn) -> MailItemView:
        return service.record_damage(item_id, who, body.what, body.leader_username, body.leader_secret)

    return _step(context, caller, key, "mail.record_damage", record, signed=True)


@router.post("/mail/{item_id}/hand-out", response_model=MailItemView, **action_route("mail.hand_out"))
def hand_out(
    item_id: PathId, body: MailHandOut, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Handed out against ID (type and last four) and signature, or a staff member's PIN."""
    out = HandOut(
        body.collector,
        body.name,
        body.id_type,
        body.id_last_four,
        body.signed_name,
        body.signature_confirmed,
        body.staff_username,
        body.staff_secret,
        body.damage_shown,
    )
    return _step(
        context, caller, key, "mail.hand_out", lambda s, who: s.hand_out(item_id, who, out), signed=True
    )


@router.post("/mail/{item_id}/forward", response_model=MailItemView, **action_route("mail.forward"))
def forward(
    item_id: PathId, body: MailForward, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Posted on to a moved-out addressee, free within the month after they left."""
    return _step(context, caller, key, "mail.forward", lambda s, who: s.forward(item_id, who, body.address))


@router.post("/mail/{item_id}/return", response_model=MailItemView, **action_route("mail.return"))
def return_item(
    item_id: PathId, body: MailReturnRequest, context: Context, caller: Who, key: IdemKey = None
) -> JSONResponse:
    """Back to the post office (退件), approved by a supervisor's PIN (or their own session)."""

    def returned(service: MailService, who: SignedIn) -> MailItemView:
        return service.return_item(item_id, who, body.reason, body.approver_username, body.approver_secret)

    return _step(context, caller, key, "mail.return", returned, signed=True)


@router.post(
    "/mail/export",
    response_class=FileResponse,
    responses={200: {"content": {MEDIA_TYPES["xlsx"]: {}}, "description": "The register"}},
    **action_route("mail.export"),
)
def export(body: MailExport, context: Context, caller: Who) -> FileResponse:
    """The register as XLSX (ID type and last four only), written on the server and streamed."""
    folder = Path(tempfile.mkdtemp(prefix="kiosk-mail-", dir=export_folder(context.core.export_dir)))
    name = "mail-register.xlsx"
    try:
        context.core.mail.export(folder / name, caller.member, body.which, body.q, body.day_from, body.day_to)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        folder / name,
        media_type=MEDIA_TYPES["xlsx"],
        filename=name,
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )


def _publish(context: ServerContext) -> None:
    for topic in TOPICS:
        context.events.publish(topic)
