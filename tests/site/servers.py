"""Site servers as they are deployed on PostgreSQL: `kiosk serve` processes sharing one database
(and its keys), and stations of theirs as HTTP clients with their credentials. Used by the
two-server tests (tests/site/test_two_servers.py) and the benchmarks (bench/two_servers.py)."""

from __future__ import annotations

import queue
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kiosk.client.events import EventListener, StationEvent, WebSocketLink
from kiosk.client.http import SiteClient, http_client
from kiosk.client.pinning import pinned_context
from kiosk.domain.station import StationRole
from kiosk.services.audit import Actor
from kiosk.services.audit_chain import sign_sessions
from kiosk.services.clock import SystemClock
from kiosk.services.site_keys import AUDIT_CHAIN_KEY, key_path, read_key
from kiosk.services.stations import StationService
from kiosk.storage.database import Database
from tests.site.test_three_processes import KIOSK, environment, free_port

SETUP = Actor("test", "setup")
START_S = 30.0


def keys_folder(home: Path) -> Path:
    return home / "data" / "lobby-kiosk" / "keys"


@dataclass
class ServerProcess:
    url: str
    process: subprocess.Popen[bytes]
    certificate: bytes
    log: Path

    def station(self, token: str) -> SiteClient:
        return SiteClient(http_client(self.url, pinned_context(self.certificate)), token)

    def events(self, token: str) -> tuple[EventListener, queue.Queue[tuple[float, StationEvent]]]:
        """A station's event listener on this server, started; what it hears goes into the queue
        with when (time.perf_counter())."""
        heard: queue.Queue[tuple[float, StationEvent]] = queue.Queue()
        url = self.url.replace("https://", "wss://") + "/api/v1/events"
        context = pinned_context(self.certificate)
        listener = EventListener(
            lambda after: WebSocketLink(f"{url}?after={after}", token, context),
            lambda event: heard.put((time.perf_counter(), event)),
        ).start()
        return listener, heard

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def serve(home: Path, database_url: str) -> ServerProcess:
    """`kiosk serve` on loopback (demo mode: no config file) on ``database_url``, answering. Its
    output goes to a file (a pipe nobody reads would stop it once full)."""
    port = free_port()
    home.mkdir(parents=True, exist_ok=True)
    log = home / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [KIOSK, "serve", "--listen", f"127.0.0.1:{port}"],
            env={**environment(home), "KIOSK_DATABASE_URL": database_url},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + START_S
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                said = log.read_text(errors="replace")[-3000:]
                raise RuntimeError(f"kiosk serve did not start:\n{said}") from None
            time.sleep(0.05)
    certificate = (keys_folder(home) / "server-cert.pem").read_bytes()
    return ServerProcess(f"https://127.0.0.1:{port}", process, certificate, log)


def next_event(
    heard: queue.Queue[tuple[float, StationEvent]],
    topic: str,
    visit_id: int | None = None,
    wait_s: float = 5,
) -> float:
    """When the station heard ``topic`` (for ``visit_id``, if given), as ServerProcess.events
    queues it; TimeoutError after ``wait_s``."""
    deadline = time.perf_counter() + wait_s
    while True:
        try:
            at, event = heard.get(timeout=max(0.0, deadline - time.perf_counter()))
        except queue.Empty:
            raise TimeoutError(f"no {topic} event within {wait_s} s") from None
        if event.topic == topic and visit_id in (None, event.visit_id):
            return at


@contextmanager
def two_servers(database_url: str, folder: Path) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    """Servers A and B on one database. B gets a copy of A's keys (ID numbers are hashed and sealed
    with them, slips and links signed: every server of a database needs the same), and a TLS
    certificate of its own."""
    servers: list[ServerProcess] = []
    try:
        servers.append(serve(folder / "server-a", database_url))
        keys_b = keys_folder(folder / "server-b")
        keys_b.mkdir(parents=True)
        for key in keys_folder(folder / "server-a").glob("*.key"):
            shutil.copy2(key, keys_b / key.name)
        servers.append(serve(folder / "server-b", database_url))
        yield servers[0], servers[1]
    finally:
        for server in servers:
            server.stop()


def enrolled(database_url: str, stations: list[tuple[str, StationRole]], keys: Path) -> dict[str, str]:
    """Stations enrolled as `kiosk station add` and `kiosk enrol` would, straight in the
    database (its audit events signed with the audit key in the servers' ``keys`` folder, as
    `kiosk station add` signs them): each one's credential by name."""
    with Database.open(database_url) as database:
        sign_sessions(database.sessions, read_key(key_path(keys, AUDIT_CHAIN_KEY)))
        service = StationService(database.sessions, SystemClock())
        return {name: service.ensure_enrolled(name, role, SETUP) for name, role in stations}
