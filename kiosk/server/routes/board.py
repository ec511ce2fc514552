"""The lobby board as one read: what a desk's board shows, as of the site's clock now."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter

from kiosk.domain.machine_room_pass import ReconciliationDue
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.views import Board, BoardAlerts
from kiosk.server.auth import Context, Who, action_route
from kiosk.server.context import ServerContext
from kiosk.services.lobby import last_auto_checkout

router = APIRouter(prefix="/api/v1", tags=["board"])


@router.get("/board", response_model=Board, **action_route("board.read"))
def board(context: Context, caller: Who) -> Board:
    """Waiting visits, who is on site, today's expected arrivals, the visits of the last auto
    check-out (which the server ran itself at the hour), and the alerts. Every part is an indexed
    lookup: a desk reads it on each "board" event."""
    # The inbox of phone messages only for those who may read them (callers' numbers).
    role = caller.staff_role
    # The mail waiting names addressees: only for those who hand it out.
    return compose_board(
        context,
        messages=role is not None and allowed(role, Permission.PHONE_MESSAGES),
        mail=role is not None and allowed(role, Permission.HANDLE_MAIL),
    )


def compose_board(context: ServerContext, *, messages: bool = True, mail: bool = True) -> Board:
    """The board as of now; ``messages``: with the inbox of phone messages not yet passed on;
    ``mail``: with the registered mail waiting and the moved-out people to tell."""
    core = context.core
    now = core.clock.now()
    zone = core.site.timezone
    day_start = now.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    at = core.config.auto_checkout_at
    passes = core.machine_room_passes.board_state()
    inbox, messages_open = core.phone_messages.board() if messages else ([], 0)
    return Board(
        waiting=core.lobby.waiting(),
        on_site=core.lobby.on_site(),
        expected=core.invitations.expected(day_start, day_start + timedelta(days=1)),
        # Last night's list stays until tonight's run: the morning shift follows it up.
        auto_checked_out=core.lobby.auto_checked_out(last_auto_checkout(now, at, zone)) if at else [],
        messages=inbox,
        messages_open=messages_open,
        repairs=core.repairs.on_board(),
        mail=core.mail.on_board() if mail else None,
        key_loans=core.key_loans.on_board(),
        duty=core.roster.on_board(),
        kinds=core.visitor_kinds.on_board(),
        newspapers=core.newspapers.on_board(),
        alerts=BoardAlerts(
            passes_due=passes.due is ReconciliationDue.DUE,
            pass_discrepancies=passes.open_discrepancies,
            passes_oldest_open=passes.oldest_open,
            handover_issues=[issue.text for issue in core.handover.open_issues()],
            wrong_tries=core.throttle.alerts(),
        ),
    )
