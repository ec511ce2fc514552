"""The server's event stream: what changed, numbered, for every station listening.

Events are small ("the board changed", "a print job for you", "visit 12 decided"): a station
re-fetches what it shows, so an event never carries data a station may not read. Sequence numbers
let a station that reconnects resume where it left off; one that has missed more than the buffer
holds is told to re-fetch everything (``resync``).
"""

from __future__ import annotations

import asyncio
import threading
from collections import deque
from dataclasses import dataclass, field

BUFFER = 2000


@dataclass(frozen=True)
class Event:
    seq: int
    # "board", "print_jobs", "cards", "stations"...; "resync" from the relay (kiosk.server.relay)
    # when other servers' changes may have been missed: every station re-fetches.
    topic: str
    # Only this station hears it (its print jobs); None: every station.
    station: str | None = None
    visit_id: int | None = None


@dataclass(eq=False)
class _Listener:
    loop: asyncio.AbstractEventLoop
    wake: asyncio.Event = field(default_factory=asyncio.Event)


class EventHub:
    """Thread-safe: endpoints publish from the worker threads, listeners wait on the event loop."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: deque[Event] = deque(maxlen=BUFFER)
        self._seq = 0
        self._listeners: set[_Listener] = set()

    @property
    def last_seq(self) -> int:
        with self._lock:
            return self._seq

    def publish(self, topic: str, *, station: str | None = None, visit_id: int | None = None) -> Event:
        with self._lock:
            self._seq += 1
            event = Event(self._seq, topic, station, visit_id)
            self._events.append(event)
            listeners = list(self._listeners)
        for listener in listeners:
            listener.loop.call_soon_threadsafe(listener.wake.set)
        return event

    def since(self, after: int, station: str) -> tuple[list[Event], bool]:
        """Events after ``after`` that ``station`` may hear, and whether some were lost (the
        station must re-fetch)."""
        with self._lock:
            events = list(self._events)
            seq = self._seq
        if after > seq:
            # The server restarted (numbers begin again): everything is new to this station.
            return [], True
        lost = (bool(events) and after < events[0].seq - 1) or (not events and after < seq)
        return [e for e in events if e.seq > after and e.station in (None, station)], lost

    def listen(self) -> _Listener:
        listener = _Listener(asyncio.get_running_loop())
        with self._lock:
            self._listeners.add(listener)
        return listener

    def stop_listening(self, listener: _Listener) -> None:
        with self._lock:
            self._listeners.discard(listener)
