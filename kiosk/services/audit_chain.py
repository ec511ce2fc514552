"""The audit trail's chain: each event carries an HMAC, under the site's audit key, over its own
fields and the HMAC of the event before it (in id order), so an event changed, removed or added
behind the server's back breaks the chain at that point (``kiosk audit verify``).

Writers take turns (SQLite: BEGIN IMMEDIATE; PostgreSQL: the writers' advisory lock, taken at
BEGIN), so the events' ids come in the order they are chained. A session signs when its factory
was given the key (``sign_sessions``, by the composition root that holds the keys); a session
without it may not add to a chain that has begun. Events from before the chain began (before
this version) carry no HMAC and are reported as such.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.storage.database import Sessions
from kiosk.storage.models import AuditEvent

# Where a session keeps the audit key (Session.info) and the chain's newest HMAC in its transaction.
SIGNING_KEY = "kiosk_audit_key"
_HEAD = "kiosk_audit_head"
_CHAIN_LABEL = b"lobby-kiosk audit chain v1\n"
_TYPED_LABEL = b"lobby-kiosk typed name v1\n"
_BATCH = 5000


class AuditChainError(RuntimeError):
    """An audit event would be added unsigned to a signed chain: the writer holds no audit key."""


def sign_sessions(sessions: Sessions, key: bytes) -> None:
    """Every session ``sessions`` makes from now on signs its audit events with ``key``."""
    info = dict(sessions.kw.get("info") or {})
    info[SIGNING_KEY] = key
    sessions.configure(info=info)


def sign_session(session: Session, key: bytes) -> None:
    """``session`` signs its audit events with ``key`` (a session made before sign_sessions)."""
    session.info[SIGNING_KEY] = key


def link(key: bytes, prev: str, event: AuditEvent | Any) -> str:
    """The HMAC of ``event`` (an AuditEvent or a row with its columns) chained on ``prev``."""
    message = _encode(
        [prev, _instant(event.at), event.actor, event.action, event.entity, event.entity_id, event.detail]
    )
    return hmac.digest(key, _CHAIN_LABEL + message.encode(), "sha256").hex()


# Compact JSON of the fields: unambiguous whatever text they hold.
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _instant(at: datetime) -> str:
    # One spelling whatever the database gave back (both keep microseconds, in UTC).
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def seal(session: Session, event: AuditEvent) -> None:
    """Chain ``event`` (about to be added to ``session``) on the newest event, signed."""
    key: bytes | None = session.info.get(SIGNING_KEY)
    session.connection()  # its transaction begun (and the writers' lock taken) if not yet
    transaction = session.get_transaction()
    cached = session.info.get(_HEAD)
    if cached is not None and cached[0] is transaction:
        head: str | None = cached[1]
    else:
        # The newest event committed: this transaction holds the writers' lock, so no other
        # writer adds one until it ends. (Events added earlier in it are cached above.)
        with session.no_autoflush:
            head = session.scalar(select(AuditEvent.chain_hmac).order_by(AuditEvent.id.desc()).limit(1))
    if key is None:
        if head is not None:
            raise AuditChainError(
                "the audit trail is signed and this writer holds no audit key: open the database "
                "through kiosk.app (open_site_database or build_app), which signs"
            )
        session.info[_HEAD] = (transaction, None)
        return
    event.chain_prev = head or ""
    event.chain_hmac = link(key, event.chain_prev, event)
    session.info[_HEAD] = (transaction, event.chain_hmac)


def typed_name(session: Session, typed: str) -> str:
    """What the audit trail keeps of a name someone typed that matched no account (people type
    their PIN there by mistake): ``#`` and a keyed hash, the same for the same text, so the desk
    sees one name tried five times without reading it. ``?`` with no key."""
    key: bytes | None = session.info.get(SIGNING_KEY)
    if key is None or not typed:
        return "?"
    return "#" + hmac.new(key, _TYPED_LABEL + typed.encode(), hashlib.sha256).hexdigest()[:12]


# -- verify ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BrokenLink:
    """The first event where the chain does not hold, and what is wrong there."""

    row_id: int
    at: datetime
    action: str
    # "edited": its fields (or its signature) changed after it was written; "deleted": events
    # before it were removed (it is chained on one no longer there); "inserted": it was added
    # behind the server's back (the chain goes around it).
    problem: str
    explanation: str


@dataclass(frozen=True)
class ChainReport:
    rows: int  # events read (up to and including a broken one)
    before_chain: int  # events from before the chain began: not signed, not checked
    signed: int  # events checked and found chained
    newest: tuple[int, str] | None  # the last event's id and HMAC: rows removed from the end
    broken: BrokenLink | None

    @property
    def intact(self) -> bool:
        return self.broken is None


def verify_chain(sessions: Sessions, key: bytes) -> ChainReport:
    """Walk every audit event in id order (streamed, in one read snapshot) and report the first
    broken link."""
    with sessions.reads() as session:
        # Core rows, not ORM ones (a third less time); streamed (PostgreSQL: a server-side cursor).
        rows = session.connection().execution_options(yield_per=_BATCH)
        result = rows.execute(select(*_COLUMNS).order_by(AuditEvent.id))

        def earlier(chain_hmac: str, before_id: int) -> int | None:
            # Only once the chain broke: no index, one scan.
            return session.scalar(
                select(func.min(AuditEvent.id)).where(
                    AuditEvent.chain_hmac == chain_hmac, AuditEvent.id < before_id
                )
            )

        return _walk(iter(result), key, earlier)


_COLUMNS = (
    AuditEvent.id,
    AuditEvent.at,
    AuditEvent.actor,
    AuditEvent.action,
    AuditEvent.entity,
    AuditEvent.entity_id,
    AuditEvent.detail,
    AuditEvent.chain_prev,
    AuditEvent.chain_hmac,
)


def _walk(rows: Iterator[Any], key: bytes, earlier: Callable[[str, int], int | None]) -> ChainReport:
    count = before = signed = 0
    began = False
    expected = ""  # the HMAC the next signed event must be chained on
    last: Any = None
    suspect: tuple[Any, bool] | None = None  # a failing event, and whether its own HMAC held
    for row in rows:
        if suspect is not None:
            return _broken(count, before, signed, _classify(*suspect, expected, row, earlier))
        count += 1
        last = row
        if not began and row.chain_hmac is None:
            before += 1
            continue
        began = True
        own = row.chain_hmac is not None and hmac.compare_digest(
            link(key, row.chain_prev or "", row), row.chain_hmac
        )
        if own and row.chain_prev == expected:
            signed += 1
            expected = row.chain_hmac
            continue
        suspect = (row, own)  # what is wrong, the event after it tells
    if suspect is not None:
        return _broken(count, before, signed, _classify(*suspect, expected, None, earlier))
    newest = None if last is None or last.chain_hmac is None else (last.id, last.chain_hmac)
    return ChainReport(count, before, signed, newest, None)


def _broken(count: int, before: int, signed: int, broken: BrokenLink) -> ChainReport:
    return ChainReport(count, before, signed, None, broken)


def _classify(
    row: Any, own: bool, expected: str, after: Any, earlier: Callable[[str, int], int | None]
) -> BrokenLink:
    def broken(problem: str, explanation: str) -> BrokenLink:
        return BrokenLink(row.id, row.at, row.action, problem, explanation)

    if after is not None and after.chain_prev == expected:
        return broken(
            "inserted", "added behind the server's back (the events around it are chained to each other)"
        )
    if row.chain_hmac is None:
        return broken("inserted", "it carries no signature (written by something without the audit key)")
    if not own:
        return broken("edited", "its fields do not match its signature (changed after it was written)")
    original = earlier(row.chain_hmac, row.id)
    if original is not None:
        return broken("inserted", f"a copy of event #{original}, added behind the server's back")
    return broken("deleted", "events before it were deleted (it is chained to one no longer there)")
