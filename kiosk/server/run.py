"""Running the site server: `kiosk serve` (TLS, in the foreground) and the local server that
`kiosk run` starts in-process when no station enrolment is configured (plain HTTP on loopback)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import uvicorn
from fastapi import FastAPI

from kiosk.app import KioskApp
from kiosk.server import serving
from kiosk.server.app import create_server
from kiosk.server.context import ServerContext, server_context
from kiosk.server.startup import recover_at_start
from kiosk.server.tls import ServerCertificate
from kiosk.services.site_keys import load_or_create_key

log = logging.getLogger(__name__)

LOCAL_FILE = "local-server.json"
LOCK_FILE = "local-server.lock"
# `make run` twice: the second window joins the first one's server on this port.
LOCAL_PORT = 8765


def build_server(
    core: KioskApp, certificate: ServerCertificate | None = None
) -> tuple[ServerContext, FastAPI]:
    # The decision page serves the hosts' links and the duty officer's ([duty_officer] channel).
    links = core.config.asks_hosts or core.visitor_kinds.notifier is not None
    key = load_or_create_key(core.site_key_dir / "decision-links.key") if links else None
    context = server_context(core, key)
    recover_at_start(core)
    return context, create_server(
        context, certificate.fingerprint if certificate else None, relay_changes=True
    )


def uvicorn_config(
    app: FastAPI, host: str, port: int, certificate: ServerCertificate | None = None
) -> uvicorn.Config:
    if certificate is None:
        return serving.uvicorn_config(app, host, port, log_level="warning")
    return serving.uvicorn_config(
        app, host, port, ssl_certfile=str(certificate.cert_path), ssl_keyfile=str(certificate.key_path)
    )


class ThreadedServer:
    """uvicorn in a thread of this process, until stop()."""

    def __init__(self, config: uvicorn.Config, sock: socket.socket) -> None:
        self._server = uvicorn.Server(config)
        self._sock = sock
        self._thread = threading.Thread(target=self._serve, name="site-server", daemon=True)

    def _serve(self) -> None:
        asyncio.run(self._server.serve(sockets=[self._sock]))

    def start(self) -> ThreadedServer:
        self._thread.start()
        started = threading.Event()

        def wait() -> None:
            while not self._server.started and self._thread.is_alive():
                started.wait(0.01)

        wait()
        if not self._server.started:
            raise RuntimeError("the site server did not start (its log says why)")
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)
        if self._thread.is_alive():
            log.warning("the site server did not stop within 10 s; its thread is left behind")
        self._sock.close()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named: asyncio turns Nagle off only on sockets that say they are TCP, and with
    # it on every small answer waited for the client's delayed ACK (50 ms a request, measured).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


@dataclass
class LocalServer:
    """The server `kiosk run` starts for its own window, on 127.0.0.1, and tells other `kiosk run`
    processes of this user about (a file in the data folder, owner-only, with a secret that lets
    them enrol as a station of this server)."""

    context: ServerContext
    server: ThreadedServer
    url: str
    lock: IO[str]
    info_path: Path

    def stop(self) -> None:
        self.server.stop()
        with contextlib.suppress(OSError):
            self.info_path.unlink()
        self.lock.close()


def claim_local(data_dir: Path) -> IO[str] | None:
    """The lock of this user's local server: held (returned) by the first `kiosk run`, None when
    another process holds it (join that one)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = open(data_dir / LOCK_FILE, "a+")  # noqa: SIM115 - held for the server's life
    if not _lock_without_waiting(lock):
        lock.close()
        return None
    return lock


def _lock_without_waiting(lock: IO[str]) -> bool:
    """Take the file's lock for this process (released when the file is closed or the process
    ends); False when another process holds it."""
    if sys.platform == "win32":
        import msvcrt  # Windows has no flock: lock the file's first byte instead

        lock.seek(0)
        try:
            msvcrt.locking(lock.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def serve_on_loopback(core: KioskApp, port: int = 0) -> tuple[ServerContext, ThreadedServer, str]:
    """The server on 127.0.0.1 (plain HTTP: loopback only), in a thread; its context and URL."""
    context, app = build_server(core)
    try:
        sock = bind("127.0.0.1", port)
    except OSError:
        sock = bind("127.0.0.1", 0)  # the usual port is taken by something else
    port = sock.getsockname()[1]
    server = ThreadedServer(uvicorn_config(app, "127.0.0.1", port), sock).start()
    return context, server, f"http://127.0.0.1:{port}"


def start_local(core: KioskApp, lock: IO[str]) -> LocalServer:
    context, server, url = serve_on_loopback(core, LOCAL_PORT)
    info = core.config.data_dir / LOCAL_FILE
    fd = os.open(info, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        json.dump({"url": url, "secret": context.local_secret, "pid": os.getpid()}, out)
    log.info("site server on %s (local, for this machine's windows)", url)
    return LocalServer(context, server, url, lock, info)


def read_local(data_dir: Path) -> tuple[str, str] | None:
    """The URL and enrolment secret of the local server another process runs, if any."""
    try:
        body = json.loads((data_dir / LOCAL_FILE).read_text(encoding="utf-8"))
        return str(body["url"]), str(body["secret"])
    except (OSError, ValueError, KeyError):
        return None
