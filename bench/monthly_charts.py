"""The manager's monthly figures at scale: a site with 1,000,000 visits (1,000 a day, almost three
years) and 20,000 repairs, and the time to count November 2026 in the database and build every
chart of it, as the desk does when the manager opens the page.

The site is generated once (bulk inserts straight to SQLite, in time order) and kept in the
user's cache folder, keyed by its size and the generator's version.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
from datetime import time as time_of_day
from pathlib import Path

import platformdirs

from bench.figures import Figure, percentile
from bench.visitor_log import open_app
from kiosk.domain.complaints import ComplaintSubject
from kiosk.domain.monthly_figures import Month
from kiosk.domain.repairs import RepairCategory

_GENERATOR_VERSION = 1
_VISITS_PER_DAY = 1000
_LAST_DAY = date(2026, 11, 30)
MONTH = Month(2026, 11)


def _stamp(moment: datetime) -> str:
    # How SQLAlchemy's SQLite DateTime stores a (UTC, naive) value.
    return moment.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def cached_site(visits: int, repairs: int, cache_dir: Path | None = None) -> Path:
    """A SQLite site with ``visits`` visits up to 30 November 2026 and ``repairs`` repairs over
    the same days, with a few release slips, receipts and complaints a day."""
    folder = cache_dir or Path(platformdirs.user_cache_dir("lobby-kiosk")) / "bench"
    path = folder / f"monthly-figures-{visits}-{repairs}-v{_GENERATOR_VERSION}.db"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    for leftover in folder.glob(building.name + "*"):
        leftover.unlink()
    app = open_app(building)  # the schema, at the newest migration, and the demo directory
    zone = app.site.timezone
    app.close()
    _fill(building, visits, repairs, zone)
    building.replace(path)
    return path


def _fill(path: Path, visits: int, repairs: int, zone: tzinfo) -> None:
    rng = random.Random(18)
    days = max(1, (visits - 1) // _VISITS_PER_DAY + 1)
    start = datetime.combine(_LAST_DAY - timedelta(days=days - 1), time_of_day(0), zone).astimezone(UTC)
    span = days * 86400
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA cache_size = -131072")  # 128 MB while loading
        host_ids = [row[0] for row in conn.execute("SELECT id FROM hosts")]

        def visit_rows() -> Iterator[tuple[object, ...]]:
            step = span / visits
            for n in range(visits):
                arrived = start + timedelta(seconds=n * step + rng.random() * step)
                yield (rng.choice(host_ids), _stamp(arrived), 1 + (n % 7 == 0))

        def spread(count: int) -> list[datetime]:
            return sorted(start + timedelta(seconds=rng.random() * span) for _ in range(count))

        def repair_rows() -> Iterator[tuple[object, ...]]:
            categories = [c.value for c in RepairCategory]
            for n, taken in enumerate(spread(repairs), start=1):
                urgent = rng.random() < 0.3
                fix = timedelta(hours=24 if urgent else 72)
                took = fix * rng.uniform(0.1, 1.4)
                yield (
                    f"BX{n:07d}",
                    rng.choice(categories),
                    "urgent" if urgent else "general",
                    _stamp(taken),
                    _stamp(taken + timedelta(hours=2)) if urgent else None,
                    _stamp(taken + fix),
                    _stamp(taken + took / 4),
                    _stamp(taken + took),
                )

        def complaint_rows() -> Iterator[tuple[object, ...]]:
            subjects = [s.value for s in ComplaintSubject]
            for n, recorded in enumerate(spread(days * 3), start=1):
                closed = recorded + timedelta(hours=rng.uniform(1, 120))
                yield (
                    f"TS{n:07d}",
                    rng.choice(subjects),
                    _stamp(recorded),
                    recorded.date().isoformat(),
                    _stamp(closed),
                )

        with conn:
            # In time order, as they happened: the indexes grow at their end.
            conn.executemany(
                "INSERT INTO visits (host_id, requested_at, party_size, visitor_name, company, visitor_type,"
                " status, approver, language, station, purpose) VALUES"
                " (?, ?, ?, '访客', '', 'guest', 'checked_out', 'host', 'zh_CN', 'bench', '')",
                visit_rows(),
            )
            conn.executemany(
                "INSERT INTO release_slips (slip_number, issued_at, party_kind, unit, holder_name, id_type,"
                " id_last_four, items, signed_name, arrears_months, arrears_fen, issued_by, issued_by_name,"
                " status) VALUES (?, ?, 'owner', '1-101', '业主', 'resident_id', '0000', '[]', '业主', 0, 0,"
                " 'bench', 'bench', 'released')",
                ((f"S{n:07d}", _stamp(at)) for n, at in enumerate(spread(days * 5), start=1)),
            )
            conn.executemany(
                "INSERT INTO payments (receipt_number, taken_at, amount_fen, purpose, method, payer,"
                " reference, description, taken_by, clerk_name) VALUES (?, ?, ?, 'card_deposit', 'cash',"
                " '张三', '', '', 'bench', 'bench')",
                (
                    (f"R{n:07d}", _stamp(at), rng.choice((5000, 10000, 20000)))
                    for n, at in enumerate(spread(days * 8), start=1)
                ),
            )
            conn.executemany(
                "INSERT INTO repair_requests (number, category, repair_class, taken_at, clock_started_at,"
                " arrive_by, fix_by, arrived_at, completed_at, unit, location, caller_name, phone, what,"
                " status, taken_by, taken_by_name, cycle, contractor, engineer, signed_off_by, cancel_reason)"
                " VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, '1-101', '', '住户', '13900000000', '漏水',"
                " 'closed', 'bench', 'bench', 1, '', '', '', '')",
                repair_rows(),
            )
            conn.executemany(
                "INSERT INTO complaints (number, subject, recorded_at, due_on, closed_at, kind, source,"
                " complainant, unit, contact, text, responsible, serious, status, recorded_by,"
                " recorded_by_name, result, closed_by_name) VALUES (?, ?, ?, ?, ?, 'complaint', 'phone',"
                " '', '', '', '投诉', '客服部', 0, 'closed', 'bench', 'bench', '已处理', '')",
                complaint_rows(),
            )
        conn.execute("ANALYZE")
    finally:
        conn.close()


def monthly_charts(visits: int, repairs: int, rounds: int, cache_dir: Path | None = None) -> list[Figure]:
    """November 2026's figures from the service, then every chart built from them (Qt Charts,
    offscreen): the time from asking to having the charts, as the desk's page does it."""
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.console.figure_charts import build_charts

    path = cached_site(visits, repairs, cache_dir)
    QApplication.instance() or QApplication([])
    app = open_app(path)
    samples: list[float] = []
    names = {c.value: c.value for c in RepairCategory} | {s.value: s.value for s in ComplaintSubject}
    try:
        shown = 0
        for n in range(rounds + 1):
            begin = time.perf_counter()
            figures = app.monthly_figures.figures(MONTH)
            charts = build_charts(figures, names, names)
            elapsed = (time.perf_counter() - begin) * 1000
            if n:  # the first read warms SQLite's page cache
                samples.append(elapsed)
            shown = figures.visits
            for chart in charts.values():
                chart.deleteLater()
        expected = min(visits, _VISITS_PER_DAY * MONTH.days)  # the newest days are November's
        if shown != expected:
            raise RuntimeError(f"November shows {shown} visits, not {expected}")
    finally:
        app.close()
    return [
        Figure(
            "monthly_charts_ms",
            percentile(samples, 95),
            "ms",
            500,
            note=f"November 2026's figures (service, SQLite) and its 8 charts built, a site of {visits:,} "
            f"visits ({_VISITS_PER_DAY:,} a day) and {repairs:,} repairs, {len(samples)} rounds",
        )
    ]
