"""What every request handler reaches: the services, the stations, the staff sessions, events."""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from kiosk.app import KioskApp
from kiosk.domain.staff import Role
from kiosk.server.events import EventHub
from kiosk.server.printer_states import PrinterStates
from kiosk.services.audit import Actor
from kiosk.services.staff import SignedIn
from kiosk.services.stations import StationIdentity, StationService

# A staff session ends after this long without a request from its station (the console also
# locks itself sooner, on its own timer).
SESSION_IDLE_S = 15 * 60
# Sign-in tries per station in a sliding window: a station guessing PINs is slowed down whatever
# accounts it tries (each account also locks after 5 wrong PINs at the desk).
TRIES_PER_WINDOW = 10
TRY_WINDOW_S = 5 * 60
# The public kiosk's exit page: fewer tries, and they never count towards an account's lock-out.
KIOSK_EXIT_TRIES = 5


@dataclass
class StaffSession:
    token: str
    who: SignedIn
    station_id: int
    last_used: float


class StaffSessions:
    """Signed-in members, each bound to the station where they signed in. Kept in memory: a
    server restart signs everyone out (the consoles show their sign-in page again)."""

    def __init__(
        self, monotonic: Callable[[], float] = time.monotonic, idle_s: float = SESSION_IDLE_S
    ) -> None:
        self._lock = threading.Lock()
        self._sessions: dict[str, StaffSession] = {}
        self._tries: dict[tuple[int, str], deque[float]] = {}
        self._now = monotonic
        self.idle_s = idle_s

    def open(self, who: SignedIn, station_id: int) -> StaffSession:
        session = StaffSession(secrets.token_urlsafe(32), who, station_id, self._now())
        with self._lock:
            # One member signed in at one station once: signing in again replaces the old session.
            for token, old in list(self._sessions.items()):
                if old.station_id == station_id:
                    del self._sessions[token]
            self._sessions[session.token] = session
        return session

    def find(self, token: str, station_id: int) -> StaffSession | str | None:
        """The session, None when there is none, or "expired"."""
        now = self._now()
        with self._lock:
            session = self._sessions.get(token)
            if session is None or session.station_id != station_id:
                return None
            if now - session.last_used > self.idle_s:
                del self._sessions[token]
                return "expired"
            session.last_used = now
            return session

    def close(self, token: str) -> StaffSession | None:
        with self._lock:
            return self._sessions.pop(token, None)

    def close_station(self, station_id: int) -> None:
        with self._lock:
            for token, session in list(self._sessions.items()):
                if session.station_id == station_id:
                    del self._sessions[token]

    def close_member(self, staff_id: int, keep_role: Role | None = None) -> None:
        """End a member's sessions (deactivated, or given another role): rights are read from the
        session, so one opened before the change must not outlive it. ``keep_role``: sessions
        already of that role stay (a rename that kept the role)."""
        with self._lock:
            for token, session in list(self._sessions.items()):
                if session.who.staff_id == staff_id and session.who.role is not keep_role:
                    del self._sessions[token]

    def try_allowed(self, station_id: int, purpose: str, limit: int = TRIES_PER_WINDOW) -> bool:
        """False once the station has had ``limit`` failed tries in the window (a receptionist
        signing in and out all day is never slowed down; someone guessing PINs is)."""
        now = self._now()
        with self._lock:
            tries = self._tries.setdefault((station_id, purpose), deque())
            while tries and now - tries[0] > TRY_WINDOW_S:
                tries.popleft()
            return len(tries) < limit

    def failed_try(self, station_id: int, purpose: str) -> None:
        with self._lock:
            self._tries.setdefault((station_id, purpose), deque()).append(self._now())

    def forget_tries(self, station_id: int, purpose: str) -> None:
        with self._lock:
            self._tries.pop((station_id, purpose), None)


@dataclass(frozen=True)
class Caller:
    """Who is calling: always a station, and the member signed in there, if any."""

    station: StationIdentity
    staff: StaffSession | None = None

    @property
    def staff_role(self) -> Role | None:
        return None if self.staff is None else self.staff.who.role

    @property
    def member(self) -> SignedIn:
        """The member signed in, for an action the permission table gives to staff only (the
        table let no one else through; the services check the member's role again)."""
        assert self.staff is not None, "the permission table lets only a signed-in member through"
        return self.staff.who

    @property
    def actor(self) -> Actor:
        """Whom the audit trail names: the member, or the station itself (a visitor at a kiosk)."""
        if self.staff is not None:
            return self.staff.who.actor
        return Actor(self.station.role.value, self.station.name)


@dataclass
class ServerContext:
    core: KioskApp
    stations: StationService
    events: EventHub = field(default_factory=EventHub)
    sessions: StaffSessions = field(default_factory=StaffSessions)
    # What each station's printers said after its last print round (the desk's print queue).
    printer_states: PrinterStates = field(default_factory=PrinterStates)
    # The key of the hosts' e-mail links; None: no e-mail, no decision page.
    decision_key: bytes | None = None
    # Demo mode: a process on this machine that can read the data folder enrols demo stations.
    local_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))


def server_context(core: KioskApp, decision_key: bytes | None = None) -> ServerContext:
    """The server's side of the composition root: stations, events, and the print queue told
    which jobs wait for a station (and to say so on the event stream)."""
    context = ServerContext(
        core, StationService(core.database.sessions, core.clock), decision_key=decision_key
    )
    core.print_queue.is_station = context.stations.is_station

    def tell_station(name: str) -> None:
        context.events.publish("print_jobs", station=name)

    core.print_queue.on_station_job = tell_station
    return context
