"""Check-ins while a supervisor exports the visitor log: a kiosk checks visitors in through the
site server (TLS, SQLite) while the same server writes a 100,000-row XLSX export.

The export runs as the server runs it (the visitor-log service, in the server's process, so it
competes with the check-ins for the interpreter as it would); it reads in a read session, which
takes no write lock, so a check-in waits for nobody's transaction, only for its share of the CPU.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

from bench.figures import Figure, percentile
from bench.site_server import checkin_request, tls_site
from bench.visitor_log import _LAST_DAY, _PER_DAY, cached_log
from kiosk.client.api import Visits
from kiosk.domain.staff import Role
from kiosk.domain.visitor_log import parse_filter
from kiosk.services.audit import Actor

SUPERVISOR = Actor("bench", "supervisor")


def checkin_during_export(rows: int, cache_dir: Path | None = None) -> list[Figure]:
    """Every check-in that started and ended while an export of ``rows`` visits was running."""
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        folder = Path(tmp)
        # A site whose log holds ``rows`` visits (the cached log, copied: the export must not
        # change the cache, and the check-ins add to the copy), with the site keys it was made
        # with (a server refuses a database first used with other keys).
        log = cached_log(rows, cache_dir)
        shutil.copyfile(log, folder / "site.db")
        shutil.copytree(log.parent / "keys", folder / "keys", ignore=shutil.ignore_patterns("server-*"))
        with tls_site(folder) as site:
            visits = Visits(site.client("bench-kiosk"))
            log_filter = parse_filter(_LAST_DAY - timedelta(days=(rows - 1) // _PER_DAY), _LAST_DAY)
            exporting = threading.Event()
            samples: list[float] = []

            def export() -> int:
                exporting.set()
                try:
                    result = site.core.visitor_log.export(
                        log_filter, "xlsx", folder / "export.xlsx", SUPERVISOR, Role.SUPERVISOR
                    )
                finally:
                    exporting.clear()
                return result.rows

            def warm_up() -> None:
                for n in range(5):  # the first connections and caches
                    visits.check_in(checkin_request(site.host_id, n))

            def check_in_meanwhile() -> None:
                n = 5
                while exporting.is_set():
                    start = time.perf_counter()
                    visits.check_in(checkin_request(site.host_id, n))
                    if exporting.is_set():  # still exporting when it was answered
                        samples.append((time.perf_counter() - start) * 1000)
                    n += 1

            # A station's requests run off the GUI thread (a window of an earlier figure may be open).
            with ThreadPoolExecutor(2) as pool:
                pool.submit(warm_up).result()
                exported = pool.submit(export)
                if not exporting.wait(30):
                    exported.result()  # it failed before it began: say why
                pool.submit(check_in_meanwhile).result()
                exported_rows = exported.result()
    if exported_rows != rows or not samples:
        raise RuntimeError(f"exported {exported_rows} of {rows} rows with {len(samples)} check-ins meanwhile")
    note = (
        f"{len(samples)} check-ins over TLS while the server exported {rows:,} rows to XLSX (SQLite, "
        f"synchronous=FULL); median {percentile(samples, 50):.0f} ms"
    )
    return [Figure("checkin_during_export_p95_ms", percentile(samples, 95), "ms", 150, note=note)]
