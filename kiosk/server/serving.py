"""How uvicorn serves the site server: limits that keep one slow or hostile client from holding
the server (the hand-written page server before it held a thread per idle connection, and hung
on ``Content-Length: -1``).

Decided values, for a site's LAN of tens of stations:

- ``HEAD_TIMEOUT_S`` 10 s: a connection must send a complete request head within 10 s of opening
  (or of its last reply), or it is closed. uvicorn itself closes only idle keep-alive connections;
  one that connects and says nothing, or trickles its headers (slowloris), would stay forever.
  A station sends its request at once; 10 s is generous on a congested Wi-Fi.
- ``KEEP_ALIVE_S`` 5 s (uvicorn's default): a station's calls come in bursts; between bursts the
  connection is closed rather than held.
- ``LIMIT_CONCURRENCY`` 500 connections and tasks: past it a request gets 503 at once instead of
  the process running out of file descriptors (often 1024). Each station holds about two (its
  calls and its event WebSocket), so a site would need some 250 stations to meet it.
- ``MAX_HEAD`` 16 KiB of request line and headers (h11), the same order as other servers' default;
  a bigger head is refused with 400. Bodies are limited by the application (BodyLimit, 256 KiB).
- ``WS_MAX_SIZE`` 64 KiB: stations send nothing on the event stream but pongs.
- h11 (not httptools): pure Python, strict about Content-Length (``-1`` and ``abc`` are 400).
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

HEAD_TIMEOUT_S = 10.0
KEEP_ALIVE_S = 5
LIMIT_CONCURRENCY = 500
MAX_HEAD = 16 * 1024
WS_MAX_SIZE = 64 * 1024
BACKLOG = 256


class _HeadDeadlineProtocol(H11Protocol):
    """uvicorn's h11 protocol, with a deadline for each request's head."""

    head_timeout_s = HEAD_TIMEOUT_S
    _head_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_head_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
        super().connection_lost(exc)

    def _arm_head_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
        self._head_deadline = self.loop.call_later(self.head_timeout_s, self._head_overdue)

    def shutdown(self) -> None:
        # A TLS close waits for the peer's close_notify (asyncio allows it 30 s), and a station's
        # idle pooled connection is not being read: a stopping server waited that long for each.
        # An idle connection has nothing in flight, so it is cut; one mid-request ends gracefully.
        if self._idle() and not self.transport.is_closing():
            self.transport.abort()
            return
        super().shutdown()

    def _idle(self) -> bool:
        return self.conn.their_state is h11.IDLE and (self.cycle is None or self.cycle.response_complete)

    def _head_overdue(self) -> None:
        # Only a connection still waiting for a request's head: a request being read or answered,
        # or a connection upgraded to a WebSocket, is left alone.
        self._head_deadline = None
        if self._idle() and not self.transport.is_closing():
            self.transport.close()


def uvicorn_config(
    app: Any,
    host: str,
    port: int,
    *,
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
    head_timeout_s: float = HEAD_TIMEOUT_S,
    log_level: str = "info",
) -> uvicorn.Config:
    """The uvicorn configuration ``kiosk serve`` runs with (TLS when a certificate is given)."""
    protocol = type("HeadDeadlineProtocol", (_HeadDeadlineProtocol,), {"head_timeout_s": head_timeout_s})
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=protocol,
        ws="websockets-sansio",
        ws_max_size=WS_MAX_SIZE,
        timeout_keep_alive=KEEP_ALIVE_S,
        limit_concurrency=LIMIT_CONCURRENCY,
        h11_max_incomplete_event_size=MAX_HEAD,
        backlog=BACKLOG,
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
        # The server's own log carries the station and the action; uvicorn's access lines would
        # repeat every request, visitors' names in query strings included.
        access_log=False,
        server_header=False,
        # Stations talk to the server directly: the peer's address is the station's.
        proxy_headers=False,
        log_level=log_level,
        # No handlers of uvicorn's own: its loggers go on to the root's, which are the process's
        # log (kiosk/logs/setup.py): a failing request's traceback lands in server.log.
        log_config=None,
    )
