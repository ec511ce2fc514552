"""The site server under its stations: one check-in over TLS, fifty stations at once, and the
disk's fsync rate beside it (a durable commit cannot be faster than the disk's flush)."""

from __future__ import annotations

import os
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from bench.figures import Figure, percentile
from kiosk.app import KioskApp, build_app
from kiosk.client.api import Visits
from kiosk.client.http import SiteClient, http_client
from kiosk.client.pinning import pinned_context
from kiosk.config import load_config
from kiosk.domain.station import StationRole
from kiosk.domain.views import CheckInRequest
from kiosk.server.context import ServerContext
from kiosk.server.run import ThreadedServer, bind, build_server, uvicorn_config
from kiosk.server.tls import ensure_certificate
from kiosk.services.audit import Actor
from kiosk.storage.database import sqlite_url_for

SETUP = Actor("bench", "site-server")
_NAMES = "王李张刘陈杨黄赵吴周"


@dataclass
class Site:
    core: KioskApp
    context: ServerContext
    url: str
    certificate: bytes
    host_id: int

    def client(self, name: str) -> SiteClient:
        token = self.context.stations.ensure_enrolled(name, StationRole.KIOSK, SETUP)
        return SiteClient(http_client(self.url, pinned_context(self.certificate)), token)


@contextmanager
def tls_site(folder: Path) -> Iterator[Site]:
    """`kiosk serve` in this process: TLS with its own certificate, SQLite (WAL) on disk."""
    config = replace(
        load_config(None, {}),
        database_url=sqlite_url_for(folder / "site.db"),
        printer_url=f"emulated:?dir={folder / 'printer'}",
        data_dir=folder,
        source=None,
    )
    core = build_app(config, "server")
    certificate = ensure_certificate(folder / "keys")
    context, app = build_server(core, certificate)
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    server = ThreadedServer(uvicorn_config(app, "127.0.0.1", port, certificate), sock).start()
    try:
        host = core.directory.search("")[0].host_id
        yield Site(core, context, f"https://127.0.0.1:{port}", certificate.cert_path.read_bytes(), host)
    finally:
        server.stop()
        core.close()


def checkin_request(host_id: int, n: int) -> CheckInRequest:
    name = _NAMES[n % 10] + _NAMES[n // 10 % 10] + "伟"
    return CheckInRequest(name, host_id, company="华南数据科技有限公司", declaration_accepted=True)


def api_checkin(rounds: int) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="bench-api-") as tmp, tls_site(Path(tmp)) as site:
        visits = Visits(site.client("bench-kiosk"))
        samples: list[float] = []

        def run() -> None:
            for n in range(rounds + 5):
                start = time.perf_counter()
                visits.check_in(checkin_request(site.host_id, n))
                if n >= 5:  # the first connections and caches
                    samples.append((time.perf_counter() - start) * 1000)

        # A station's requests run off its GUI thread (a window of an earlier figure may be open).
        with ThreadPoolExecutor(1) as pool:
            pool.submit(run).result()
    note = f"{rounds} check-ins: station client -> TLS on loopback -> stored (SQLite WAL) -> answered"
    return [Figure("api_checkin_p95_ms", percentile(samples, 95), "ms", 30, note=note)]


def fsync_rate(folder: Path, seconds: float = 1.0) -> float:
    """Small writes each followed by fsync, in the database's folder: the disk's durable-commit rate."""
    path = folder / "fsync-probe"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            os.pwrite(fd, b"x" * 4096, (count % 16) * 4096)
            os.fsync(fd)
            count += 1
        return count / (time.perf_counter() - start)
    finally:
        os.close(fd)
        path.unlink()


def checkins_at_once(clients: list[Visits], per_station: int, host_id: int) -> float:
    """Every station checks ``per_station`` visitors in, all at once; the seconds it took."""
    errors: list[BaseException] = []
    gate = threading.Barrier(len(clients) + 1)

    def run(index: int, visits: Visits) -> None:
        gate.wait()
        try:
            for n in range(per_station):
                visits.check_in(checkin_request(host_id, index * per_station + n))
        except BaseException as exc:  # a failed check-in spoils the figure: report it
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    gate.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    if errors:
        raise RuntimeError(f"{len(errors)} stations failed: {errors[0]!r}")
    return elapsed


def concurrent_checkins(stations: int, per_station: int, fsync_s: float = 1.0) -> list[Figure]:
    """``fsync_s``: how long the disk's flush rate is probed."""
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp, tls_site(Path(tmp)) as site:
        clients = [Visits(site.client(f"bench-{n:02d}")) for n in range(stations)]
        rate = stations * per_station / checkins_at_once(clients, per_station, site.host_id)
        fsyncs = fsync_rate(Path(tmp), fsync_s)
    note = f"{stations} stations x {per_station} check-ins over TLS, SQLite WAL (synchronous=FULL)"
    return [
        # A morning rush at a big lobby is a few check-ins a second; 50/s leaves ten times that.
        Figure("server_checkins_per_s", rate, "/s", 50, direction="min", note=note),
        # Below some fifty flushes a second a disk cannot carry a site's commits (old spinning disks).
        Figure(
            "fsync_per_s",
            fsyncs,
            "/s",
            50,
            direction="min",
            note=f"this disk: 4 KiB write + fsync, {fsync_s:g} s",
        ),
        # With synchronous=FULL every commit is flushed before it returns: a ratio above 1
        # (check-ins faster than the disk can flush) would say commits are not each made durable.
        Figure(
            "checkins_per_fsync",
            rate / fsyncs,
            "ratio",
            1.0,
            note="server_checkins_per_s / fsync_per_s: far below 1, the disk is not what bounds check-ins",
        ),
    ]
