"""The server's own rounds: what happens at a time rather than on a request.

Every few seconds: visits waiting past 3 minutes are escalated (the desks' boards turn them red,
the kiosk tells the visitor the desk is alerted); at the site's auto check-out hour, everyone
still on site is checked out; jobs for this process's own printers whose retry time has come are
sent again; IDC cards past their validity expire and their uploads to access control are
retried; repair requests whose clock ran out alert the duty supervisor (once per
clock); newspaper shortfalls left open too long go to the shift leader (once each); once a day, personal data past its retention is purged. These used to run on a desk's
timers, so they happened only while a desk board (or card page) was open; now they run once per
site, whether or not any desk is.

Decided: an asyncio task of the application's lifespan (``create_server``), not a thread of the
ServerContext: it starts and stops with the server that serves the stations (uvicorn's startup
and shutdown), and a context built for a test or a command-line tool starts nothing by itself.
The round itself runs in a worker thread (it is database work); tests call :meth:`run_once`.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import date

import anyio.to_thread

from kiosk.server.context import ServerContext
from kiosk.services.audit import Actor
from kiosk.services.lobby import last_auto_checkout
from kiosk.services.retention import PurgeReport

log = logging.getLogger(__name__)

# Escalation is due 3 minutes into a wait: a round every 10 s marks it within 10 s of that.
HOUSEKEEPING_S = 10.0
ACTOR = Actor("server", "housekeeping")


@dataclass(frozen=True)
class Round:
    escalated: list[int]
    auto_checked_out: list[int]
    jobs_sent: int
    idc_cards_expired: list[str] = field(default_factory=list)
    # The day's purge of personal data past its retention, on the round that ran it.
    purged: PurgeReport | None = None
    # Repair requests whose clock ran out this round: (number, clock).
    repairs_overdue: list[tuple[str, str]] = field(default_factory=list)
    # Newspaper shortfalls escalated to the shift leader this round: their numbers.
    newspapers_escalated: list[str] = field(default_factory=list)
    # A working day whose pass sheet was not signed by [desk] reconciliation_alert_at, alerted.
    pass_sheets_unsigned: list[date] = field(default_factory=list)


class Housekeeping:
    def __init__(self, context: ServerContext) -> None:
        self._context = context

    def run_once(self) -> Round:
        """One round, as of the site's clock now; running it again changes nothing twice."""
        core = self._context.core
        escalated = core.checkin.escalate_overdue(ACTOR)
        closed: list[int] = []
        at = core.config.auto_checkout_at
        if at is not None:
            # The last time the clock showed the hour: a server that was down then catches up.
            closed = core.lobby.auto_check_out(
                last_auto_checkout(core.clock.now(), at, core.site.timezone), ACTOR
            )
        # Jobs made without a station (the local server's own window) print on this process's
        # printers; a desk's timer used to retry them.
        sent = core.print_queue.retry_due(ACTOR)
        # Card write plans whose station never reported (answer lost, station or server stopped)
        # are voided, so no card row stays "issuing" unseen.
        if core.cards.void_stale(ACTOR):
            self._context.events.publish("cards")
        # IDC cards past their validity expire, and uploads to access control whose retry time
        # has come are sent again (last: a sink may take seconds to answer). A desk's timer did
        # it, while that desk's card page was open.
        idc = core.idc_cards.tick(ACTOR)
        if idc.expired or idc.acknowledged or idc.failed:
            self._context.events.publish("cards")
        # Repair clocks that ran out: the duty supervisor is alerted once per clock (the board
        # turns them red by itself, from the clock).
        overdue = core.repairs.alert_overdue(ACTOR)
        if overdue:
            self._context.events.publish("repairs")
        # Today's machine-room pass sheet still unsigned at [desk] reconciliation_alert_at: the
        # duty supervisor is alerted once (the passes page shows it unsigned by itself).
        unsigned = core.machine_room_passes.alert_unsigned(ACTOR)
        # Newspaper shortfalls open past [newspapers] escalate_after_hours: the shift leader (领班)
        # is alerted once each.
        shortfalls = core.newspapers.escalate_overdue(ACTOR)
        if shortfalls:
            self._context.events.publish("newspapers")
        if escalated or closed or sent or overdue or shortfalls:
            self._context.events.publish("board")
        if sent:
            self._context.events.publish("print_queue")
        # Once a site-local day (kiosk.services.retention): the first round past [retention]
        # purge_at, so a server down at that hour catches up; a no-op on the day's other rounds.
        # Last, so a purge that fails leaves the round's other work told to the stations.
        purged = core.retention.purge_daily(ACTOR)
        return Round(
            escalated,
            closed,
            len(sent),
            idc.expired,
            purged,
            [(alert.number, alert.clock.value) for alert in overdue],
            [alert.number for alert in shortfalls],
            pass_sheets_unsigned=unsigned,
        )

    async def run(self, every_s: float) -> None:
        """A round at once (the server may have been down at the hour), then every ``every_s``.
        Cancelled at shutdown: a round under way is finished first (its thread is not abandoned)."""
        while True:
            try:
                await anyio.to_thread.run_sync(self.run_once)
            except Exception:
                # The database away for a moment: the next round tries again.
                log.exception("housekeeping round failed")
            await asyncio.sleep(every_s)
