"""A parcel label scanned at the desk with 200,000 items in the registered-mail register:
parcel_lookup_p95_ms, the whole way from the scanned code to the item on the desk's screen
(station, HTTP, server, page), and parcel_find_p95_ms, the server's part alone (one indexed
lookup of the number, then its events, its moved-out record and its return).

The register is generated once (bulk inserts straight to SQLite, in time order, each item with its
trail of three to five steps) and kept in the user's cache folder, keyed by its size and the
generator's version.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from datetime import time as time_of_day
from pathlib import Path

import platformdirs

from bench.figures import Figure, percentile
from bench.visitor_log import open_app
from kiosk.domain.mail import MailKind, label_code, mail_number

_GENERATOR_VERSION = 1
_LAST_DAY = date(2026, 11, 30)
_PER_DAY = 200


def _stamp(moment: datetime) -> str:
    # How SQLAlchemy's SQLite DateTime stores a (UTC, naive) value.
    return moment.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def cached_register(items: int, cache_dir: Path | None = None) -> Path:
    """A SQLite site with ``items`` mail items up to 30 November 2026, most handed out."""
    folder = cache_dir or Path(platformdirs.user_cache_dir("lobby-kiosk")) / "bench"
    path = folder / f"mail-register-{items}-v{_GENERATOR_VERSION}.db"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    for leftover in folder.glob(building.name + "*"):
        leftover.unlink()
    app = open_app(building)  # the schema, at the newest migration
    zone = app.site.timezone
    app.close()
    days = max(1, (items - 1) // _PER_DAY + 1)
    start = datetime.combine(_LAST_DAY - timedelta(days=days - 1), time_of_day(8), zone).astimezone(UTC)
    _fill(building, items, start, days * 86400 / items)
    building.replace(path)
    return path


def _fill(path: Path, items: int, start: datetime, step: float) -> None:
    rng = random.Random(19)
    kinds = [k.value for k in MailKind]
    names = ["陈晓明", "王芳", "李娜", "张伟", "刘洋", "Emily Carter", "赵敏", "孙磊"]
    waiting_from = items - 300  # the newest wait at the desk; the rest left with their collector

    def item_rows() -> Iterator[tuple[object, ...]]:
        for n in range(1, items + 1):
            received = start + timedelta(seconds=n * step)
            out = None if n > waiting_from else _stamp(received + timedelta(hours=rng.uniform(1, 72)))
            name = rng.choice(names)
            yield (
                mail_number(n),
                rng.choice(kinds),
                f"EA{n:09d}CN",
                name,
                name,
                f"{rng.randint(1, 9)}-{rng.randint(101, 1805)}",
                "waiting" if out is None else "handed_out",
                _stamp(received),
                name if out else "",
                "resident_id" if out else "",
                f"{n % 10000:04d}" if out else "",
                out,
            )

    def event_rows() -> Iterator[tuple[object, ...]]:
        for n in range(1, items + 1):
            received = start + timedelta(seconds=n * step)
            yield (n, "received", _stamp(received), "赵敏", "")
            yield (n, "shelved", _stamp(received), "", "A-1")
            yield (n, "notified", _stamp(received + timedelta(minutes=5)), "", "电话")
            if n <= waiting_from:
                yield (
                    n,
                    "handed_out",
                    _stamp(received + timedelta(hours=2)),
                    "陈晓明",
                    "resident_id ****0000",
                )

    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA cache_size = -131072")  # 128 MB while loading
        with conn:
            conn.executemany(
                "INSERT INTO mail_items (number, kind, carrier, tracking_number, addressee, addressee_key,"
                " unit, company, status, shelf, received_at, received_by, received_by_name, damage,"
                " damage_signed_by, collector, collector_name, collector_id_type, collector_id_last_four,"
                " handed_out_at, handed_out_by_name) VALUES (?1, ?2, '中国邮政', ?3, ?4, ?5, ?6, '', ?7, 'A-1',"
                " ?8, 'staff:bench', '赵敏', '', '', CASE WHEN ?9 = '' THEN '' ELSE 'person' END, ?9, ?10,"
                " ?11, ?12, CASE WHEN ?12 IS NULL THEN '' ELSE '赵敏' END)",
                item_rows(),
            )
            conn.executemany(
                "INSERT INTO mail_events (item_id, kind, at, actor, actor_name, signer, note)"
                " VALUES (?1, ?2, ?3, 'staff:bench', '赵敏', ?4, ?5)",
                event_rows(),
            )
        conn.execute("ANALYZE")
    finally:
        conn.close()


def parcel_find(items: int, rounds: int, cache_dir: Path | None = None) -> list[Figure]:
    """The server's part of a scan: labels of items spread over the register read one after
    another by the service (a warm-up first)."""
    path = cached_register(items, cache_dir)
    app = open_app(path)
    rng = random.Random(7)
    codes = [label_code(mail_number(rng.randint(1, items))) for _ in range(rounds + 1)]
    samples: list[float] = []
    try:
        for n, code in enumerate(codes):
            begin = time.perf_counter()
            item = app.mail.find(code)
            elapsed = (time.perf_counter() - begin) * 1000
            if not item.events or label_code(item.number) != code:
                raise RuntimeError(f"{code} brought up {item.number} with {len(item.events)} steps")
            if n:  # the first read warms SQLite's page cache
                samples.append(elapsed)
    finally:
        app.close()
    return [
        Figure(
            "parcel_find_p95_ms",
            percentile(samples, 95),
            "ms",
            50,
            note=f"a label's code to the item with its trail (service, SQLite), {items:,} items in the "
            f"register, {len(samples)} scans",
        )
    ]


def parcel_lookup(items: int, rounds: int, cache_dir: Path | None = None) -> list[Figure]:
    """#19's figure, a parcel label scanned to the item on screen, the whole way a scanned label takes at the desk: the desk window's scanner hands the code
    on, its station asks the site server over HTTP (a real local server on a copy of the
    register), and the mail page shows the item with its trail, painted."""
    import shutil
    import tempfile

    from bench.site_ui import _signed_in_desk, _spin_until, local_site
    from kiosk.ui.common.qt import qt_application
    from kiosk.ui.console.desk_window import DeskWindow

    register = cached_register(items, cache_dir)
    qt_application()
    rng = random.Random(11)
    numbers = [mail_number(rng.randint(1, items)) for _ in range(rounds + 2)]
    samples: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-parcel-") as tmp:
        # A copy (the cache stays as it was built), with the keys it was first opened with.
        shutil.copyfile(register, Path(tmp) / "site.db")
        shutil.copytree(register.parent / "keys", Path(tmp) / "keys")
        with local_site(Path(tmp)) as site:
            desk: DeskWindow = _signed_in_desk(site)
            page = desk.mail
            try:
                for n, number in enumerate(numbers):
                    start = time.perf_counter()
                    desk._scanned(label_code(number))  # as the scanner's filter hands a code on

                    def shown(wanted: str = number) -> bool:
                        return page.detail_label.text().startswith(wanted)

                    _spin_until(shown)
                    page.detail_label.repaint()  # offscreen, a label is painted only when asked
                    if n >= 2:  # the first two: the page made, SQLite's cache and the pool warmed
                        samples.append((time.perf_counter() - start) * 1000)
            finally:
                desk.close()
                desk.deleteLater()
    note = (
        f"a label's code at the desk window -> station -> HTTP -> server -> the mail page showing the item "
        f"and its trail, painted (offscreen); {items:,} items in the register, {len(samples)} scans"
    )
    return [Figure("parcel_lookup_p95_ms", percentile(samples, 95), "ms", 50, note=note)]
