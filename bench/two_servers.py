"""Two site servers on one PostgreSQL database, as a site that outgrew one machine runs them: how
soon a check-in through server A reaches a station of server B, and how many check-ins a second
fifty stations get through the two.

The servers are `kiosk serve` processes (each its own interpreter, as deployed) and PostgreSQL is
the cluster the tests use (tests/pg.py: Debian's server binaries, in memory, durability off), the
test run's own when the benchmark runs under it, else one started for the benchmark. The bench
imports that from tests/ as it imports nothing else of them; the program never does.
"""

from __future__ import annotations

import queue
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from bench.figures import Figure, percentile
from bench.site_server import checkin_request, checkins_at_once
from kiosk.client.api import Visits
from kiosk.client.events import StationEvent
from kiosk.domain.station import StationRole
from tests import pg
from tests.site.servers import enrolled, keys_folder, next_event, two_servers


@contextmanager
def database() -> Iterator[str]:
    """A fresh migrated database's URL, on the test run's cluster or one of the bench's own."""
    cluster = pg.cluster_from_env()
    own = cluster is None
    if cluster is None:
        cluster = pg.started_cluster()
    try:
        name = cluster.new_database()
        try:
            yield cluster.url(name)
        finally:
            cluster.drop_database(name)
    finally:
        if own:
            cluster.remove()


def two_server_figures(push_rounds: int, stations: int, per_station: int) -> list[Figure]:
    with (
        database() as url,
        tempfile.TemporaryDirectory(prefix="bench-pg-") as tmp,
        two_servers(url, Path(tmp)) as (a, b),
    ):
        names = [(f"bench-{n:02d}", StationRole.KIOSK) for n in range(stations)]
        enrolling = [("kiosk-a", StationRole.KIOSK), ("desk-b", StationRole.DESK), *names]
        tokens = enrolled(url, enrolling, keys_folder(Path(tmp) / "server-a"))
        # A station's requests run off its GUI thread (a window of an earlier figure may be open).
        with ThreadPoolExecutor(1) as pool:
            kiosk = Visits(a.station(tokens["kiosk-a"]))
            host = pool.submit(kiosk.search_hosts, "").result()[0].host_id
            listener, heard = b.events(tokens["desk-b"])
            try:
                push = pool.submit(_push_samples, kiosk, host, heard, push_rounds).result()
            finally:
                listener.stop()
        # Half the stations on each server.
        clients = [Visits((a, b)[n % 2].station(tokens[name])) for n, (name, _role) in enumerate(names)]
        rate = stations * per_station / checkins_at_once(clients, per_station, host)
    return [
        Figure(
            "cross_server_push_p95_ms",
            percentile(push, 95),
            "ms",
            250,
            note=f"{push_rounds} check-ins through server A -> NOTIFY at commit -> server B's relay -> "
            "event at B's station (two kiosk serve processes, one PostgreSQL)",
        ),
        # As server_checkins_per_s (SQLite, one server): a morning rush is a few a second.
        Figure(
            "server_checkins_per_s_pg",
            rate,
            "/s",
            50,
            direction="min",
            note=f"{stations} stations (half on each of two servers) x {per_station} check-ins over TLS, "
            "one PostgreSQL (durability off: the tests' cluster in memory)",
        ),
    ]


def _push_samples(
    kiosk: Visits, host: int, heard: queue.Queue[tuple[float, StationEvent]], rounds: int
) -> list[float]:
    next_event(heard, "connected", wait_s=10)
    samples: list[float] = []
    for n in range(rounds + 2):
        start = time.perf_counter()
        visit_id = kiosk.check_in(checkin_request(host, 900 + n)).visit_id
        arrived = next_event(heard, "board", visit_id, wait_s=10)
        if n >= 2:  # the first connections and caches
            samples.append((arrived - start) * 1000)
    return samples
