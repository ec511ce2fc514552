"""Stations enrolled with the site server: one-time enrolment codes, credentials, revocation."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.errors import ValidationError
from kiosk.domain.station import (
    ENROLMENT_ALPHABET,
    ENROLMENT_CODE_LENGTH,
    ENROLMENT_VALID,
    StationRole,
    check_station_name,
    format_enrolment_code,
    normalise_enrolment_code,
)
from kiosk.domain.views import StationListing
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.storage.database import Sessions
from kiosk.storage.models import EnrolmentCode, Station

# last_seen_at is written at most this often per station: a busy kiosk's requests do not each
# cost a write transaction.
SEEN_EVERY = timedelta(seconds=30)


@dataclass(frozen=True)
class StationIdentity:
    """Who is calling, as the server knows it from the station's credential."""

    station_id: int
    name: str
    role: StationRole


@dataclass(frozen=True)
class NewEnrolment:
    station_id: int
    code: str  # shown once, as ABCDE-FGHJK
    expires_at: datetime


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class StationService:
    def __init__(self, sessions: Sessions, clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock

    def add(self, name: str, role: StationRole, actor: Actor) -> NewEnrolment:
        """A station to be enrolled, or a new code for one not enrolled yet (or revoked, to
        replace it): the code is good for ten minutes, once."""
        clean = check_station_name(name)
        now = self._clock.now()
        code = "".join(secrets.choice(ENROLMENT_ALPHABET) for _ in range(ENROLMENT_CODE_LENGTH))
        with self._sessions.begin() as session:
            station = session.scalar(select(Station).where(Station.name == clean))
            if station is None:
                station = Station(name=clean, role=role, created_by=actor.label, created_at=now)
                session.add(station)
                session.flush()
            elif station.token_hash is not None and station.revoked_at is None:
                raise ValidationError("station_name", "taken")
            else:
                # A revoked or never-enrolled station enrols again under its name, as a new device.
                station.role = role
                station.revoked_at = None
                station.token_hash = None
            session.add(
                EnrolmentCode(
                    station_id=station.id,
                    code_hash=_digest(code),
                    expires_at=now + ENROLMENT_VALID,
                )
            )
            audit.record(
                session, actor, "station.added", "station", station.id, now, name=clean, role=role.value
            )
            return NewEnrolment(station.id, format_enrolment_code(code), now + ENROLMENT_VALID)

    def enrol(self, code: str, address: str) -> tuple[StationIdentity, str]:
        """Exchange a one-time code for the station's credential (returned once, kept hashed)."""
        now = self._clock.now()
        token = secrets.token_urlsafe(32)
        with self._sessions.begin() as session:
            row = session.scalar(
                select(EnrolmentCode).where(
                    EnrolmentCode.code_hash == _digest(normalise_enrolment_code(code))
                )
            )
            if row is None or row.used_at is not None or row.expires_at <= now:
                reason = "unknown" if row is None else "used" if row.used_at is not None else "expired"
                # Committed with the transaction: raising inside it would roll the record back.
                audit.record(
                    session,
                    Actor("station", address[:40]),
                    "station.enrol_refused",
                    "station",
                    "-",
                    now,
                    reason=reason,
                )
                identity = None
            else:
                row.used_at = now
                station = session.get_one(Station, row.station_id)
                station.token_hash = _digest(token)
                station.enrolled_at = now
                station.last_seen_at = now
                station.last_address = address[:60]
                audit.record(
                    session,
                    Actor("station", station.name),
                    "station.enrolled",
                    "station",
                    station.id,
                    now,
                    address=address,
                )
                identity = StationIdentity(station.id, station.name, station.role)
        if identity is None:
            raise ValidationError("enrolment_code", "invalid")
        return identity, token

    def authenticate(self, token: str, address: str) -> StationIdentity | None:
        """The station a credential belongs to, or None (unknown or revoked)."""
        if not token:
            return None
        now = self._clock.now()
        with self._sessions.reads() as session:
            station = session.scalar(select(Station).where(Station.token_hash == _digest(token)))
            if station is None or station.revoked_at is not None:
                return None
            identity = StationIdentity(station.id, station.name, station.role)
            stale = station.last_seen_at is None or now - station.last_seen_at > SEEN_EVERY
            moved = station.last_address != address[:60]
        if stale or moved:
            with self._sessions.begin() as session:
                row = session.get_one(Station, identity.station_id)
                row.last_seen_at = now
                row.last_address = address[:60]
        return identity

    @staticmethod
    def is_station(session: Session, name: str) -> bool:
        """Whether ``name`` is an enrolled station (its print jobs wait for it), asked inside the
        caller's transaction."""
        found = session.scalar(
            select(Station.id).where(
                Station.name == name, Station.token_hash.is_not(None), Station.revoked_at.is_(None)
            )
        )
        return found is not None

    def listing(self) -> list[StationListing]:
        with self._sessions.reads() as session:
            return [
                StationListing(
                    s.id,
                    s.name,
                    s.role,
                    s.token_hash is not None,
                    s.last_seen_at,
                    s.last_address,
                    s.revoked_at is not None,
                )
                for s in session.scalars(select(Station).order_by(Station.name))
            ]

    def revoke(self, station_id: int, actor: Actor) -> None:
        """At once: the station's next request is refused, and its credential never works again."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            station = session.get(Station, station_id)
            if station is None:
                raise ValidationError("station", "unknown")
            station.revoked_at = now
            station.token_hash = None
            audit.record(session, actor, "station.revoked", "station", station.id, now, name=station.name)

    def ensure_enrolled(self, name: str, role: StationRole, actor: Actor) -> str:
        """Demo mode and tests: a station enrolled at once (afresh: an older credential of the same
        name stops working), its credential returned."""
        with self._sessions.reads() as session:
            existing = session.scalar(select(Station).where(Station.name == name))
            enrolled = (
                existing is not None and existing.token_hash is not None and existing.revoked_at is None
            )
            existing_id = existing.id if existing is not None else None
        if enrolled and existing_id is not None:
            self.revoke(existing_id, actor)
        code = self.add(name, role, actor).code
        _identity, token = self.enrol(code, "127.0.0.1")
        return token
