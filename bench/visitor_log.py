"""The visitor log at scale: the first page of an indexed search over 1,000,000 visits, and an
XLSX export of 100,000 rows (time, and the process's peak memory against a 10,000-row export).
As at a real desk, some visits were registered by a clerk and about half carry the desk's calls
(one or two), so the search and the export pay for fetching them.

Generating a million visits takes a while, so the database is kept in the user's cache folder
(keyed by size and generator version) and reused by later runs.
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from datetime import time as time_of_day
from pathlib import Path

import platformdirs

from bench.figures import Figure, percentile
from kiosk.app import KioskApp, build_app
from kiosk.config import load_config
from kiosk.domain.staff import Role
from kiosk.domain.visit import VisitorType
from kiosk.domain.visitor_log import parse_filter
from kiosk.services.audit import Actor
from kiosk.services.visitor_log import EXPORT_HEADERS
from kiosk.storage.database import sqlite_url_for

_GENERATOR_VERSION = 2  # 2: desk registrations and the desk's calls (#20)
_PER_DAY = 1000  # visits a day at a busy site
_LAST_DAY = date(2026, 11, 30)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
_COMPANIES = ("华南数据科技有限公司", "蓝海物流", "顺丰速运", "Acme Data Ltd", "市住建局", "", "")
_TYPES = [t.value for t in VisitorType]


def _first_day(visits: int) -> date:
    return _LAST_DAY - timedelta(days=(visits - 1) // _PER_DAY)


def cached_log(visits: int, cache_dir: Path | None = None) -> Path:
    """A SQLite database holding ``visits`` visits, ``_PER_DAY`` a day up to _LAST_DAY."""
    folder = cache_dir or Path(platformdirs.user_cache_dir("lobby-kiosk")) / "bench"
    path = folder / f"visitor-log-{visits}-v{_GENERATOR_VERSION}.db"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    for leftover in folder.glob(building.name + "*"):
        leftover.unlink()
    app = open_app(building)  # creates the schema and the demo directory
    zone = app.site.timezone
    app.close()
    _fill(building, visits, zone)
    building.replace(path)
    return path


def open_app(path: Path) -> KioskApp:
    config = replace(
        load_config(None, {}), database_url=sqlite_url_for(path), data_dir=path.parent, source=None
    )
    return build_app(config, "desk")


def _fill(path: Path, visits: int, zone: tzinfo) -> None:
    rng = random.Random(8)
    # One transaction, executemany: a million rows in well under a minute.
    conn = sqlite3.connect(path)
    try:
        host_ids = [row[0] for row in conn.execute("SELECT id FROM hosts")]
        # Midnight on the site's clock, as UTC: each site day holds _PER_DAY visits.
        start = datetime.combine(_first_day(visits), time_of_day(0), zone).astimezone(UTC)
        step = 86400 / _PER_DAY

        def rows() -> Iterator[tuple[object, ...]]:
            for n in range(visits):
                arrived = start + timedelta(seconds=n * step + rng.random() * step)
                decided = arrived + timedelta(seconds=rng.randint(20, 400))
                has_id = rng.random() < 0.7
                yield (
                    rng.choice(_SURNAMES) + "".join(rng.choices(_GIVEN, k=rng.choice((1, 2)))),
                    rng.choice(_COMPANIES),
                    rng.choice(_TYPES),
                    "resident_id" if has_id else None,
                    f"{rng.randrange(10000):04d}" if has_id else None,
                    rng.choice(host_ids),
                    "checked_out",
                    "host",
                    "zh_CN",
                    "bench",
                    _stamp(arrived),
                    _stamp(decided),
                    _stamp(decided),
                    _stamp(decided + timedelta(minutes=rng.randint(10, 240))),
                    "会议",
                    1,
                )

        with conn:
            conn.executemany(
                "INSERT INTO visits (visitor_name, company, visitor_type, id_type, id_last_four, host_id,"
                " status, approver, language, station, requested_at, decided_at, checked_in_at,"
                " checked_out_at, purpose, party_size) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows(),
            )
            _add_desk_records(conn)
        conn.execute("ANALYZE")
    finally:
        conn.close()


def _add_desk_records(conn: sqlite3.Connection) -> None:
    """Every 7th visit a walk-in registered by a clerk; every 2nd called about (the host agreed on
    the phone, a note now and then), every 10th after an unanswered call first."""
    conn.execute(
        "INSERT INTO desk_registrations (visit_id, registered_by, registered_by_name, resident_id,"
        " resident_name) SELECT id, 'staff:clerk', '李娜', NULL, '' FROM visits WHERE id % 7 = 0"
    )
    calls = (
        "INSERT INTO visit_calls (visit_id, callee, resident_id, callee_name, channel, number, answer,"
        " note, called_at, called_by, called_by_name) SELECT v.id, 'host', NULL, h.name, 'phone',"
        " '8' || substr('00' || (v.id % 1000), -3), {answer}, {note}, {at}, 'staff:clerk', '李娜'"
        " FROM visits v JOIN hosts h ON h.id = v.host_id WHERE v.id % {every} = 0"
    )
    conn.execute(calls.format(answer="'no_answer'", note="''", at="v.requested_at", every=10))
    note = "CASE WHEN v.id % 3 = 0 THEN '在开会，请稍等' ELSE '' END"
    conn.execute(calls.format(answer="'agreed'", note=note, at="v.decided_at", every=2))


def _stamp(moment: datetime) -> str:
    # How SQLAlchemy's SQLite DateTime stores a (UTC, naive) value.
    return moment.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def log_search(visits: int, rounds: int, cache_dir: Path | None = None) -> list[Figure]:
    """The first page (50 rows) of searches the indexes serve: last four of the ID over a year,
    a host or a visitor type over a month, and one whole day."""
    path = cached_log(visits, cache_dir)
    rng = random.Random(9)
    app = open_app(path)
    samples: list[float] = []
    try:
        hosts = [h.name for h in app.directory.search("")]
        last = _LAST_DAY
        first = _first_day(visits)
        span = (last - first).days

        def some_day() -> date:
            return first + timedelta(days=rng.randint(0, span))

        for _ in range(rounds):
            day = some_day()
            month_start = max(first, day - timedelta(days=30))
            filters = [
                parse_filter(
                    max(first, last - timedelta(days=365)), last, last_four=f"{rng.randrange(10000):04d}"
                ),
                parse_filter(month_start, day, host=rng.choice(hosts)),
                parse_filter(month_start, day, visitor_type=rng.choice(list(VisitorType))),
                parse_filter(day, day),
            ]
            for log_filter in filters:
                begin = time.perf_counter()
                page = app.visitor_log.search(log_filter)
                samples.append((time.perf_counter() - begin) * 1000)
                if not page.rows and not log_filter.last_four:
                    raise RuntimeError(f"no rows for {log_filter}")
    finally:
        app.close()
    return [
        Figure(
            "log_search_p95_ms",
            percentile(samples, 95),
            "ms",
            50,
            note=f"{len(samples)} searches, first page of 50, over {visits:,} visits (last four over a year; "
            "host or type over a month; one day)",
        )
    ]


def _peak_rss_mib() -> float:
    """This process's own peak RSS. ru_maxrss would not do: Linux carries it over from the
    parent across fork and exec, so the child would report the bench's own ~270 MiB."""
    import resource

    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _export_child(path: str, rows: int) -> None:
    """In a fresh process: export ``rows`` visits to XLSX and print the time and peak memory."""
    app = open_app(Path(path))
    try:
        days = rows // _PER_DAY
        log_filter = parse_filter(_LAST_DAY - timedelta(days=days - 1), _LAST_DAY)
        out = Path(path).with_name(f"export-{rows}.xlsx")
        begin = time.perf_counter()
        result = app.visitor_log.export(log_filter, "xlsx", out, Actor("bench", "bench"), Role.SUPERVISOR)
        seconds = time.perf_counter() - begin
        out.unlink()
    finally:
        app.close()
    peak = _peak_rss_mib()
    print(json.dumps({"rows": result.rows, "seconds": seconds, "peak_mib": peak}))


def _run_export(path: Path, rows: int) -> dict[str, float]:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            f"from bench.visitor_log import _export_child; _export_child({str(path)!r}, {rows})",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        cwd=Path(__file__).resolve().parent.parent,
    )
    if done.returncode != 0:
        raise RuntimeError(f"export failed: {done.stderr[-2000:]}")
    measured: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured


def xlsx_export(rows: int, small: int, visits: int, cache_dir: Path | None = None) -> list[Figure]:
    """Export the newest ``rows`` and ``small`` rows of a log of ``visits``, each in a fresh
    process: the time of the large one, and its peak memory beside the small one's (bounded
    memory: about the same)."""
    path = cached_log(visits, cache_dir)
    small_run = _run_export(path, small)
    large = _run_export(path, rows)
    return [
        Figure(
            "xlsx_export_100k_s",
            large["seconds"],
            "s",
            10,
            note=f"{int(large['rows']):,} rows x {len(EXPORT_HEADERS)} columns (half with the desk's calls),"
            " streamed SpreadsheetML (kiosk.services.xlsx_stream), from SQLite",
        ),
        Figure(
            "xlsx_export_peak_mib",
            large["peak_mib"],
            "MiB",
            200,
            note=f"process peak RSS exporting {int(large['rows']):,} rows; "
            f"{small_run['peak_mib']:.0f} MiB for {int(small_run['rows']):,} rows",
        ),
    ]
