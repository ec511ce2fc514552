"""Shift handover (交接班) and the duty log (值班记录) at the desk.

The outgoing clerk is the member signed in at the calling desk (never a name the request carries)
and signs with their own PIN; the incoming clerk types their own staff number and PIN at the same
desk. Both signatures are checked here, as sign-ins, and count towards the account's lock-out.
"""

from __future__ import annotations

from collections.abc import Iterable

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from kiosk.api.handover import (
    CloseIssueRequest,
    CountersignRequest,
    DutyLogRef,
    HandoverBoard,
    HandoverRef,
    HandOverRequest,
    IncidentRequest,
)
from kiosk.domain.views import HandoverView, ItemCount, Prefill, StaffName
from kiosk.server.auth import (
    Context,
    IdemKey,
    Who,
    action_route,
)
from kiosk.server.context import ServerContext
from kiosk.server.idempotency import idempotent
from kiosk.server.routes import PathId
from kiosk.server.signatures import pin_signature

router = APIRouter(prefix="/api/v1", tags=["shift handover"])

# The lobby board listens too: open issues are on it until closed.
TOPIC = "handover"


def staff_named(context: ServerContext, labels: Iterable[str]) -> list[StaffName]:
    """The members that audit labels (``staff:wangfang``) name: the desk says "王芳 (Receptionist)"
    without reading the staff accounts."""
    named = {label.partition(":")[2] for label in labels if label.startswith("staff:")}
    return [
        StaffName(m.username, m.name, m.role) for m in context.core.staff.members() if m.username in named
    ]


@router.get("/handover", response_model=HandoverBoard, **action_route("handover.read"))
def board(context: Context) -> HandoverBoard:
    service = context.core.handover
    issues = service.open_issues()
    duty_log = service.duty_log()
    labels = [i.raised_by for i in issues] + [e.recorded_by for e in duty_log]
    return HandoverBoard(
        pending=service.pending(),
        open_issues=issues,
        history=service.history(),
        duty_log=duty_log,
        staff=staff_named(context, labels),
    )


@router.get("/handover/prefill", response_model=Prefill, **action_route("handover.prefill"))
def prefill(context: Context) -> Prefill:
    """The counts the hand-over form starts from, as of now (the clerk still counts)."""
    return context.core.handover.prefill()


@router.post("/handover", response_model=HandoverRef, **action_route("handover.hand_over"))
def hand_over(body: HandOverRequest, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    assert caller.staff is not None  # the table lets no one else through
    outgoing = caller.staff.who.username

    def run() -> HandoverRef:
        with pin_signature(context, caller):
            handover_id = context.core.handover.hand_over(
                outgoing,
                body.secret,
                body.work_done,
                [ItemCount(i.kind, i.count, i.label) for i in body.items],
                body.issues,
                body.notes,
            )
        context.events.publish(TOPIC)
        return HandoverRef(handover_id=handover_id)

    return idempotent(
        context,
        caller,
        key,
        "handover.hand_over",
        run,
        lambda made: HandoverRef(handover_id=int(made)),
        entity="handover",
    )


@router.post("/handover/{handover_id}/sign", response_model=HandoverView, **action_route("handover.sign"))
def sign(handover_id: PathId, body: CountersignRequest, context: Context, caller: Who) -> HandoverView:
    """The incoming clerk's countersignature, after counting face to face."""
    with pin_signature(context, caller):
        view = context.core.handover.sign(
            handover_id, body.username, body.secret, body.counted, body.discrepancy_note
        )
    context.events.publish(TOPIC)
    return view


@router.post("/handover/issues/{issue_id}/close", status_code=204, **action_route("handover.close_issue"))
def close_issue(issue_id: PathId, body: CloseIssueRequest, context: Context, caller: Who) -> None:
    context.core.handover.close_issue(issue_id, caller.actor, body.note)
    context.events.publish(TOPIC)


@router.post("/handover/duty-log", response_model=DutyLogRef, **action_route("handover.log_incident"))
def log_incident(body: IncidentRequest, context: Context, caller: Who, key: IdemKey = None) -> JSONResponse:
    def run() -> DutyLogRef:
        entry_id = context.core.handover.log_incident(
            body.occurred_at, body.place, body.what, caller.actor, body.action_taken, body.people
        )
        context.events.publish(TOPIC)
        return DutyLogRef(entry_id=entry_id)

    return idempotent(
        context,
        caller,
        key,
        "handover.log_incident",
        run,
        lambda made: DutyLogRef(entry_id=int(made)),
        entity="duty_log",
    )
