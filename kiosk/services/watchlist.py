"""The watchlist: people whose check-in is held for a supervisor (who, why, who added, until when)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kiosk.domain.errors import ValidationError
from kiosk.domain.names import name_key
from kiosk.domain.text import sanitize_text
from kiosk.domain.views import WatchlistView
from kiosk.domain.visitor import validate_company, validate_visitor_name
from kiosk.domain.watchlist import WatchlistHold, WatchlistMatch, name_match
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.identity_guard import IdentityGuard
from kiosk.storage.database import Sessions
from kiosk.storage.models import WatchlistEntry

REASON_MAX_CHARS = 200


def watchlist_hold(
    session: Session, name: str, company: str, id_hash: str | None, now: datetime
) -> WatchlistHold | None:
    """Whether a visitor checking in is held, and why: the strongest match among the entries in
    force, or None.

    The ID number's keyed hash holds whatever name was typed. Otherwise the name's key does
    (kiosk.domain.names: width, case, spaces, dots, traditional characters do not matter),
    whatever the company: a changed or missing company no longer lets a listed person through,
    it only says so to the desk. With an entry of another ID number too, as a number typed at
    the kiosk proves nothing; only when neither the ID nor the name matches does the visitor go
    on.
    """
    in_force = select(WatchlistEntry).where(
        WatchlistEntry.active.is_(True), or_(WatchlistEntry.until.is_(None), WatchlistEntry.until > now)
    )
    if id_hash is not None:
        by_id = session.scalars(
            in_force.where(WatchlistEntry.id_hash == id_hash).order_by(WatchlistEntry.id)
        ).first()
        if by_id is not None:
            return WatchlistHold(by_id.id, WatchlistMatch.ID_NUMBER)
    holds = [
        WatchlistHold(
            entry.id,
            name_match(entry.company, company, ids_differ=id_hash is not None and entry.id_hash is not None),
        )
        for entry in session.scalars(in_force.where(WatchlistEntry.name_key == name_key(name)))
    ]
    return min(holds, key=lambda hold: (hold.match.strength, hold.entry_id), default=None)


class WatchlistService:
    def __init__(self, sessions: Sessions, clock: Clock, identity: IdentityGuard) -> None:
        self._sessions = sessions
        self._clock = clock
        self._identity = identity

    def add(
        self,
        name: str,
        reason: str,
        actor: Actor,
        company: str = "",
        id_type: str = "",
        id_number: str = "",
        until: datetime | None = None,
    ) -> int:
        """Put a person on the watchlist. With an ID number they are matched by it (its keyed
        hash; only the last four are kept), otherwise by name and company."""
        clean_name = validate_visitor_name(name)
        clean_company = validate_company(company)
        clean_reason = sanitize_text(reason)
        if not clean_reason:
            raise ValidationError("reason", "required")
        if len(clean_reason) > REASON_MAX_CHARS:
            raise ValidationError("reason", "too_long", max=REASON_MAX_CHARS)
        now = self._clock.now()
        if until is not None and until <= now:
            raise ValidationError("until", "in_the_past")
        id_hash = last_four = None
        if id_number.strip():
            protected = self._identity.protect(id_type or "resident_id", id_number)
            id_hash, last_four = protected.lookup_hash, protected.last_four
        with self._sessions.begin() as session:
            entry = WatchlistEntry(
                name=clean_name,
                company=clean_company,
                id_hash=id_hash,
                id_last_four=last_four,
                reason=clean_reason,
                added_by=actor.label,
                added_at=now,
                until=until,
                active=True,
            )
            session.add(entry)
            session.flush()
            audit.record(
                session,
                actor,
                "watchlist.added",
                "watchlist",
                entry.id,
                now,
            )
            return entry.id

    def remove(self, entry_id: int, actor: Actor, note: str = "") -> None:
        """Take someone off the list (kept, inactive, for the record)."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            entry = session.get(WatchlistEntry, entry_id)
            if entry is None:
                raise ValidationError("watchlist", "unknown")
            entry.active = False
            audit.record(session, actor, "watchlist.removed", "watchlist", entry.id, now)

    def entries(self, include_inactive: bool = False) -> list[WatchlistView]:
        stmt = select(WatchlistEntry).order_by(WatchlistEntry.active.desc(), WatchlistEntry.added_at.desc())
        if not include_inactive:
            stmt = stmt.where(WatchlistEntry.active.is_(True))
        with self._sessions.reads() as session:
            return [
                WatchlistView(
                    e.id,
                    e.name,
                    e.company,
                    e.id_last_four,
                    e.reason,
                    e.added_by,
                    e.added_at,
                    e.until,
                    e.active,
                )
                for e in session.scalars(stmt)
            ]
