"""Other servers' changes on this server's event stream, when several servers share one
PostgreSQL database.

A route publishes the events of a change it made (``kiosk.server.events``); a check-in through
another server reaches this one as a notice on the database's ``kiosk_changes`` channel, sent in
that check-in's own transaction (``kiosk.storage.changes``), so it arrives once the check-in is
committed and readable, and never for one rolled back. The relay listens on a connection of its
own, in a thread, and publishes for each notice the events that server's routes published for
it: a station re-fetches what it shows, whichever server it is enrolled with.

A connection lost (the database restarted, a network cut) is made again with backoff; notices
sent meanwhile are lost, so the stations are then told ``resync`` (re-fetch everything). SQLite
has one server, and no relay.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import threading
from typing import Any

import psycopg
from sqlalchemy import Engine

from kiosk.server.events import EventHub
from kiosk.storage.changes import CHANNEL, Change, decode

log = logging.getLogger(__name__)

# The waits before each try to connect again; the last repeats.
BACKOFF_S = (0.2, 0.5, 1.0, 2.0, 5.0)
# A quiet connection is checked this often, so a dead one is found (and notices resumed) even
# when nothing changes; a LISTEN connection is otherwise only read.
PING_S = 15.0
# More visits than this in one notice: one "board" event for them all.
MAX_VISIT_EVENTS = 20

# The topics the routes publish after changing each table (a station re-fetches on its topics).
TOPICS: dict[str, tuple[str, ...]] = {
    "visits": ("board",),  # with each visit's id: the kiosk's waiting page follows its own
    "host_messages": ("board", "messages"),  # the board's inbox, the desk's messages page
    "invitations": ("invitations",),
    "invitation_groups": ("invitations",),
    "staff": ("staff",),
    "watchlist": ("watchlist",),
    # A visit's badge state is its newest badge job's status; a job waiting for a station is
    # also told to that station ("print_jobs", see events_for).
    "print_jobs": ("print_queue", "board"),
    "machine_room_passes": ("passes",),
    "pass_loans": ("passes",),
    "pass_loan_items": ("passes",),
    "pass_stray_returns": ("passes",),
    "pass_reconciliations": ("passes",),
    "pass_discrepancies": ("passes",),
    "cards": ("cards", "board"),  # a visitor card shows on its visit's row
    "idc_card_applications": ("cards",),
    "card_deliveries": ("cards",),
    "payments": ("payments",),
    "deposit_links": ("payments",),
    "deposit_deductions": ("payments",),
    "handovers": ("handover",),
    "handover_items": ("handover",),
    "open_issues": ("handover",),
    "duty_log": ("handover",),
    "repair_requests": ("repairs", "board"),  # the board shows each open request's clock
    "repair_events": ("repairs",),
    # The board shows the mail waiting and the moved-out people to tell.
    "mail_items": ("mail", "board"),
    "mail_events": ("mail",),
    "mail_returns": ("mail",),
    "mail_moved_out": ("mail", "board"),
    # The board shows today's uncounted titles and the open shortfalls.
    "newspaper_subscriptions": ("newspapers", "board"),
    "newspaper_deliveries": ("newspapers", "board"),
    "newspaper_shortfalls": ("newspapers", "board"),
    "newspaper_shortfall_steps": ("newspapers",),
    "courier_companies": ("courier",),
    "courier_batches": ("courier",),
    "courier_items": ("courier",),
    "lost_items": ("lost_found",),
    # The board shows the keys out; the handover counts the register.
    "key_sets": ("keys", "board"),
    "key_loans": ("keys", "board"),
    "key_returns": ("keys", "board"),
    # The roster page; the board shows who is on duty now and next.
    "duty_rosters": ("roster", "board"),
    "duty_roster_cells": ("roster", "board"),
    "duty_roster_swaps": ("roster", "board"),
    # The passes page shows the working-day calendar and whose sheet is owed.
    "work_calendar_overrides": ("passes",),
    "pass_sheet_reminders": ("passes",),
    "complaints": ("complaints",),
    "complaint_steps": ("complaints",),
    "permits": ("permits",),
    "permit_entries": ("permits",),
    # Visitor kinds: the board's night banner and patrol notices, the desk's admissions and leaders.
    "visit_kinds": ("board",),
    # A walk-in's registration and the desk's calls: the board's visits and the visitor log.
    "desk_registrations": ("board",),
    "visit_calls": ("board",),
    "admissions": ("admissions", "board"),
    "company_leaders": ("leaders",),
    "release_slips": ("slips",),
    "owner_calls": ("slips",),
    "residents": ("slips",),
    "fee_ledger": ("slips", "payments"),
    "stations": ("stations",),
    "station_throttles": ("board",),  # a kiosk's wrong tries may alert the desks' boards
    "enrolment_codes": ("stations",),
}
# Tables whose changes no station hears of: the host directory is searched when asked; the site
# keys' fingerprints are the servers' own start-up check.
SILENT = frozenset({"hosts", "site_key_fingerprints"})

Published = tuple[str, str | None, int | None]  # topic, station (None: every one), visit id


def events_for(change: Change) -> list[Published]:
    """The events this server's stations hear of another server's change. None carries data: a
    station re-fetches what it may read."""
    if change.tables is None:
        return [("resync", None, None)]
    topics: set[str] = set()
    for table in change.tables:
        if table not in TOPICS and table not in SILENT:
            log.debug("a change to %s has no topic", table)
        topics.update(TOPICS.get(table, ()))
    events: list[Published] = []
    visits = change.tables.get("visits")
    if "board" in topics and visits and len(visits) <= MAX_VISIT_EVENTS:
        events += [("board", None, visit_id) for visit_id in visits]
        topics.discard("board")
    events += [(topic, None, None) for topic in sorted(topics)]
    if "print_jobs" in change.tables:
        if change.print_stations is None:
            events.append(("print_jobs", None, None))  # which stations is not known: all ask
        else:
            events += [("print_jobs", station, None) for station in change.print_stations]
    return events


class ChangeRelay:
    """``start()`` (returns once listening, or after ``wait_s`` with the database away: it keeps
    trying), ``stop()``."""

    def __init__(self, engine: Engine, origin: str, hub: EventHub) -> None:
        self._engine = engine
        self._origin = origin
        self._hub = hub
        self._stopping = threading.Event()
        self._listening = threading.Event()
        self._wake_read, self._wake_write = os.pipe()
        self._thread = threading.Thread(target=self._run, name="change-relay", daemon=True)
        # Set when notices may have been missed (a connection lost or never made).
        self._missed = False

    @property
    def listening(self) -> bool:
        return self._listening.is_set()

    def start(self, wait_s: float = 5.0) -> ChangeRelay:
        self._thread.start()
        # Serving before the relay listens would miss other servers' changes unannounced.
        if not self._listening.wait(wait_s):
            log.warning("change relay: not listening yet (the database does not answer); still trying")
        return self

    def stop(self) -> None:
        self._stopping.set()
        with contextlib.suppress(OSError):
            os.write(self._wake_write, b"x")
        self._thread.join(10)
        if self._thread.is_alive():
            log.warning("change relay: its thread did not stop within 10 s")
            return
        os.close(self._wake_read)
        os.close(self._wake_write)

    def _run(self) -> None:
        failures = 0
        while not self._stopping.is_set():
            conn: psycopg.Connection[Any] | None = None
            try:
                conn = self._connect()
                if self._missed:
                    # Listening again, and notices of the time away are lost: stations re-fetch.
                    self._hub.publish("resync")
                    log.info("change relay: listening again; stations told to re-fetch")
                self._missed = False
                failures = 0
                self._listening.set()
                self._listen(conn)
            except Exception as exc:
                self._listening.clear()
                if self._stopping.is_set():
                    break
                self._missed = True
                failures += 1
                if failures == 1:
                    log.warning("change relay: %s: %s; reconnecting", type(exc).__name__, exc)
                self._stopping.wait(BACKOFF_S[min(failures, len(BACKOFF_S)) - 1])
            finally:
                if conn is not None:
                    with contextlib.suppress(Exception):
                        conn.close()
        self._listening.clear()

    def _connect(self) -> psycopg.Connection[Any]:
        """A connection of its own, made as the engine makes them (its timeouts), kept out of the
        pool (it is held for the server's life), in autocommit, listening."""
        pooled = self._engine.raw_connection()
        conn = pooled.driver_connection
        pooled.detach()
        assert isinstance(conn, psycopg.Connection)
        try:
            conn.autocommit = True
            # Named, so an operator (and the tests) can tell it in pg_stat_activity.
            conn.execute(f"SET application_name = 'kiosk-relay:{os.getpid()}'")
            conn.execute(f"LISTEN {CHANNEL}")
        except Exception:
            pooled.close()
            raise
        return conn

    def _listen(self, conn: psycopg.Connection[Any]) -> None:
        """Relay notices until stopped; raises when the connection is lost."""
        while not self._stopping.is_set():
            readable, _, _ = select.select([conn.fileno(), self._wake_read], [], [], PING_S)
            if self._wake_read in readable:
                return
            if not readable:
                conn.execute("SELECT 1")  # a dead connection fails here
            # Notices that came with the ping's answer wait in psycopg's backlog: taken here too.
            for note in conn.notifies(timeout=0):
                self._relay(note.payload)

    def _relay(self, payload: str) -> None:
        change = decode(payload)
        if change is None or change.origin == self._origin:
            return  # this server's own change: its routes published the events
        for topic, station, visit_id in events_for(change):
            self._hub.publish(topic, station=station, visit_id=visit_id)


def start_relay(hub: EventHub, engine: Engine, origin: str | None) -> ChangeRelay | None:
    """The relay of a server on PostgreSQL, listening; None on SQLite (``origin`` None)."""
    if origin is None:
        return None
    return ChangeRelay(engine, origin, hub).start()
