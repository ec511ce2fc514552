"""Hearing the server's events on a WebSocket, in a thread of its own, reconnecting with backoff.

After every (re)connection the station hears ``connected``: what it shows may have changed while
it was away, so a page re-fetches then. Sequence numbers resume where it left off; the server says
``resync`` when it cannot.
"""

from __future__ import annotations

import json
import logging
import ssl
import threading
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any, Protocol

log = logging.getLogger(__name__)

BACKOFF_S = (0.5, 1.0, 2.0, 5.0, 10.0)


@dataclass(frozen=True)
class StationEvent:
    topic: str  # board, print_jobs, stations... and connected / disconnected / resync
    visit_id: int | None = None


class EventLink(Protocol):
    def receive(self) -> dict[str, Any]: ...

    def close(self) -> None: ...


Connect = Callable[[int], EventLink]


class EventListener:
    def __init__(self, connect: Connect, on_event: Callable[[StationEvent], None]) -> None:
        self._connect = connect
        self._on_event = on_event
        self._stop = threading.Event()
        self._link: EventLink | None = None
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="server-events", daemon=True)
        self.seq = 0

    def start(self) -> EventListener:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        with self._lock:
            link = self._link
        if link is not None:
            self._close(link)
        self._thread.join(5)

    @staticmethod
    def _close(link: EventLink) -> None:
        try:
            link.close()
        except Exception:  # closing a link that broke already
            log.debug("closing the event link", exc_info=True)

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                link = self._connect(self.seq)
            except Exception as exc:
                failures += 1
                self._lost(exc, failures)
                continue
            with self._lock:
                # stop() may have come while this link was being made: it saw no link to close.
                stopping = self._stop.is_set()
                if not stopping:
                    self._link = link
            if stopping:
                self._close(link)
                return
            failures = 0
            self._on_event(StationEvent("connected"))
            try:
                while not self._stop.is_set():
                    message = link.receive()
                    self.seq = int(message.get("seq") or self.seq)
                    topic = str(message.get("topic"))
                    if topic != "ping":
                        visit = message.get("visit_id")
                        self._on_event(StationEvent(topic, int(visit) if visit is not None else None))
            except Exception as exc:
                if self._stop.is_set():
                    return
                failures += 1
                self._lost(exc, failures)
            finally:
                with self._lock:
                    self._link = None

    def _lost(self, error: Exception, failures: int) -> None:
        if failures == 1:
            log.warning("server events: %s: %s; reconnecting", type(error).__name__, error)
            self._on_event(StationEvent("disconnected"))
        self._stop.wait(BACKOFF_S[min(failures, len(BACKOFF_S)) - 1])


class WebSocketLink:
    """The real link: a WebSocket over the pinned TLS context (or plain on loopback)."""

    def __init__(self, url: str, token: str, context: ssl.SSLContext | None) -> None:
        from websockets.sync.client import connect

        # Entered as a context manager: websockets 17.1 deprecated connecting without one, and
        # older releases' connections enter as themselves.
        self._stack = ExitStack()
        self._socket = self._stack.enter_context(
            connect(
                url,
                ssl=context,
                additional_headers={"Authorization": f"Bearer {token}"},
                open_timeout=5,
                close_timeout=1,
            )
        )

    def receive(self) -> dict[str, Any]:
        # The server pings every 15 s: a minute of silence is a dead link.
        message = self._socket.recv(timeout=60)
        value = json.loads(message)
        if not isinstance(value, dict):
            raise ValueError("an event is a JSON object")
        return value

    def close(self) -> None:
        self._stack.close()
