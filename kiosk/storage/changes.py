"""What a committed transaction changed, told to every server sharing a PostgreSQL database.

Each server keeps its own event stream (``kiosk.server.events``), fed by its own routes; a second
server on the same database would not hear of a check-in made through the first. So every
writing transaction on PostgreSQL ends with one ``pg_notify`` naming the tables (and row ids) its
session changed, sent in that transaction just before it commits: PostgreSQL delivers a
notification only when its transaction commits, after the commit, and never for one rolled back.
A listener therefore hears of exactly the changes that were committed, and only once they can be
read. The servers' relays (``kiosk.server.relay``) turn notices into events.

The payload is small JSON: ``{"o": origin, "t": {table: [ids] | null}, "p": [stations] | null}``.
``origin`` is the random name of the Database that sent it (a server ignores its own notices: its
routes already published those events); ``null`` ids mean "some rows" (a bulk statement, or too
many ids to list); ``p`` names the stations whose print jobs changed (a job waiting for its
station), ``null`` when unknown. ``"t": null`` (a payload that would not fit) means "anything".

SQLite has one server by nature, and none of this is installed there.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, func, inspect, select
from sqlalchemy.engine import Result
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, sessionmaker

from kiosk.storage.models import PrintJob

CHANNEL = "kiosk_changes"
# Bookkeeping no station shows: their rows change with every change (numbers, the audit trail,
# stored replies), and naming them would only make every notice longer.
UNTOLD = frozenset({"counters", "audit_events", "idempotent_replies", "alembic_version"})
# More ids than this and the table is named without them ("some rows").
MAX_IDS = 50
MAX_STATIONS = 20
# PostgreSQL refuses a payload of 8000 bytes or more.
MAX_PAYLOAD = 7900

_PENDING = "kiosk_changes"


@dataclass
class _Pending:
    """What a transaction changed so far (kept in ``session.info`` until it ends)."""

    tables: dict[str, set[int] | None] = field(default_factory=dict)
    stations: set[str] | None = field(default_factory=set)

    def touch(self, table: str, row_id: int | None) -> None:
        if table in UNTOLD:
            return
        ids = self.tables.setdefault(table, set())
        if ids is None:
            return
        if row_id is None:
            self.tables[table] = None
        else:
            ids.add(row_id)


@dataclass(frozen=True)
class Change:
    """One notice as a listener reads it."""

    origin: str
    # None: the notice was too large to name tables ("anything may have changed").
    tables: dict[str, list[int] | None] | None
    # The stations whose print jobs changed; None: not known (any station may have one).
    print_stations: list[str] | None = None


def announce_changes(sessions: sessionmaker[Session]) -> str:
    """Make every transaction of ``sessions`` that changes something notify CHANNEL as it commits;
    returns the origin its notices carry (random, one per call: one per Database)."""
    origin = secrets.token_hex(8)

    def before_commit(session: Session) -> None:
        if session.in_nested_transaction():
            return  # a savepoint: the notice goes with the transaction around it
        # Session.commit() flushes what is still pending only after this hook: flush it now, so
        # the notice names every change of the transaction.
        session.flush()
        pending: _Pending | None = session.info.pop(_PENDING, None)
        if pending is None or not pending.tables:
            return
        session.connection().execute(select(func.pg_notify(CHANNEL, encode(origin, pending))))

    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _bulk_statement)
    event.listen(sessions, "before_commit", before_commit)
    event.listen(sessions, "after_transaction_end", _transaction_ended)
    return origin


def _pending(session: Session) -> _Pending:
    found = session.info.get(_PENDING)
    if found is None:
        found = session.info[_PENDING] = _Pending()
    assert isinstance(found, _Pending)
    return found


def _after_flush(session: Session, _context: Any) -> None:
    # In after_flush the session still lists what this flush wrote; new rows have their ids now.
    modified = [o for o in session.dirty if session.is_modified(o, include_collections=False)]
    changed = [*session.new, *modified, *session.deleted]
    if not changed:
        return
    pending = _pending(session)
    for obj in changed:
        state = inspect(obj)
        table = getattr(state.mapper.local_table, "name", None)
        if table is None:
            continue
        # (A new row's identity key is set only after this hook; its primary key is there.)
        key = state.mapper.primary_key_from_instance(obj)
        pending.touch(table, key[0] if len(key) == 1 and isinstance(key[0], int) else None)
        if isinstance(obj, PrintJob) and pending.stations is not None:
            pending.stations.add(obj.station)


def _bulk_statement(state: ORMExecuteState) -> Result[Any] | None:
    """An INSERT, UPDATE or DELETE run through the session as a statement (no objects to list):
    its table is named without ids, if it changed a row."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = getattr(getattr(state.statement, "table", None), "name", None)
    if table is None or table in UNTOLD:
        return None
    result = state.invoke_statement()
    # A claim that found nothing to claim changed nothing: no notice for it (each station asks
    # for its print jobs often, and the servers would otherwise keep telling each other).
    if getattr(result, "rowcount", -1) != 0:
        _pending(state.session).touch(table, None)
    return result


def _transaction_ended(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_PENDING, None)  # committed (told) or rolled back (nothing to tell)


def encode(origin: str, pending: _Pending) -> str:
    """The notice, cut down to fit: ids dropped first, then the tables themselves."""
    stations = pending.stations
    if stations is not None and len(stations) > MAX_STATIONS:
        stations = None
    tables = {
        name: None if ids is None or len(ids) > MAX_IDS else sorted(ids)
        for name, ids in sorted(pending.tables.items())
    }
    body: dict[str, Any] = {"o": origin, "t": tables, "p": None if stations is None else sorted(stations)}
    text = json.dumps(body, separators=(",", ":"), ensure_ascii=False)
    if len(text.encode()) > MAX_PAYLOAD:
        body = {"o": origin, "t": dict.fromkeys(tables), "p": None}
        text = json.dumps(body, separators=(",", ":"))
    if len(text.encode()) > MAX_PAYLOAD:
        text = json.dumps({"o": origin, "t": None, "p": None})
    return text


def decode(payload: str) -> Change | None:
    """A notice read back; None if it is not one of ours (someone else's NOTIFY on the channel)."""
    try:
        body = json.loads(payload)
        origin = body["o"]
        raw_tables = body["t"]
        raw_stations = body.get("p")
        if not isinstance(origin, str):
            return None
        tables = (
            None
            if raw_tables is None
            else {
                str(name): None if ids is None else [int(i) for i in ids] for name, ids in raw_tables.items()
            }
        )
        stations = None if raw_stations is None else [str(s) for s in raw_stations]
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return Change(origin, tables, stations)
