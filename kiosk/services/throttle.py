"""Wrong tries at a public station, counted by the server: after a few the station waits.

Guessing an invitation code, a badge's code, a visitor card or who is on site (a name and the
last four digits of a mobile) takes many tries at the public kiosk. Each wrong one is counted for
the station that sent it: ``limit`` within ``window`` and the station waits (30 s, doubling with
each wait in a streak, at most 15 min), and ``alert_after`` in a streak (wrong tries with less than
an hour between them) alerts the desk's board. Every wrong try is audited with its kind only,
never the code or name tried.

Decided: the count is a table (``station_throttles``), not the server's memory. A kiosk restart
cannot clear it (the station cannot: it is counted where it is decided), nor can a server restart,
and servers sharing one PostgreSQL count a station's tries together wherever it is sent. A wrong
try is rare (one row written per wrong try, none per right one; a look-up by the primary key
before each try).
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from kiosk.domain.actor import Actor
from kiosk.domain.errors import ValidationError
from kiosk.domain.views import StationAlert
from kiosk.services import audit
from kiosk.services.clock import Clock
from kiosk.storage.database import Sessions
from kiosk.storage.models import StationThrottle

FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=15)
# This long without a wrong try ends a streak: the waits start short again, a new alert may follow.
QUIET = timedelta(hours=1)


class TryKind(enum.Enum):
    """What was tried; audited (the tried value never is)."""

    INVITATION = "invitation"
    BADGE = "badge"
    CARD = "card"
    NAME = "name"
    PERMIT = "permit"  # a permit number that names no permit (kiosk.services.permits)


@dataclass(frozen=True)
class ThrottleSettings:
    limit: int = 5
    window: timedelta = timedelta(minutes=10)
    alert_after: int = 10


class StationThrottleService:
    def __init__(self, sessions: Sessions, clock: Clock, settings: ThrottleSettings) -> None:
        self._sessions = sessions
        self._clock = clock
        self._settings = settings

    def check(self, station: str) -> None:
        """ValidationError ``station.wait`` (``minutes``, ``seconds``) while ``station`` must wait."""
        now = self._clock.now()
        with self._sessions.reads() as session:
            until = session.scalar(
                select(StationThrottle.blocked_until).where(StationThrottle.station == station)
            )
        if until is not None and until > now:
            raise _wait_error(until - now)

    def failed(self, station: str, kind: TryKind, actor: Actor) -> bool:
        """Count one wrong try of ``station``; True when it raised the desk's alert (the caller
        tells the board)."""
        settings = self._settings
        now = self._clock.now()
        with self._sessions.begin() as session:
            row = session.get(StationThrottle, station, with_for_update=True)
            if row is None:
                row = StationThrottle(
                    station=station, window_started_at=now, failures=0, streak=0, waits=0, last_failure_at=now
                )
                session.add(row)
            elif now - row.last_failure_at > QUIET:
                row.streak, row.waits, row.alerted_at = 0, 0, None
            if now - row.window_started_at > settings.window:
                row.window_started_at, row.failures = now, 0
            row.failures += 1
            row.streak += 1
            row.last_failure_at = now
            audit.record(
                session,
                actor,
                "wrong_tries.counted",
                "station",
                station,
                now,
                kind=kind.value,
                streak=row.streak,
            )
            if row.failures >= settings.limit:
                wait = min(FIRST_WAIT * 2**row.waits, LONGEST_WAIT)
                row.blocked_until = now + wait
                row.waits += 1
                row.window_started_at, row.failures = now, 0  # the count starts again after the wait
                audit.record(
                    session,
                    actor,
                    "wrong_tries.wait_imposed",
                    "station",
                    station,
                    now,
                    kind=kind.value,
                    wait_s=int(wait.total_seconds()),
                    streak=row.streak,
                )
            alert = row.streak >= settings.alert_after and row.alerted_at is None
            if alert:
                row.alerted_at = now
                audit.record(session, actor, "wrong_tries.alert", "station", station, now, streak=row.streak)
            return alert

    def alerts(self) -> list[StationAlert]:
        """Stations alerted in a streak still going (a wrong try within the last quiet hour)."""
        now = self._clock.now()
        with self._sessions.reads() as session:
            rows = session.scalars(
                select(StationThrottle)
                .where(StationThrottle.alerted_at.is_not(None), StationThrottle.last_failure_at > now - QUIET)
                .order_by(StationThrottle.station)
            )
            return [
                StationAlert(
                    row.station,
                    row.streak,
                    row.alerted_at or now,
                    row.blocked_until if row.blocked_until and row.blocked_until > now else None,
                )
                for row in rows
            ]


def _wait_error(left: timedelta) -> ValidationError:
    seconds = max(1, math.ceil(left.total_seconds()))
    return ValidationError("station", "wait", minutes=max(1, math.ceil(seconds / 60)), seconds=seconds)
