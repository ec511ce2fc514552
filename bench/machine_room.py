"""The weekday 09:00 machine-room pass reconciliation for a busy day: the sheet computed and laid
out for the printer."""

from __future__ import annotations

import random
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.figures import Figure, percentile
from kiosk.app import KioskApp, build_app
from kiosk.config import load_config
from kiosk.domain.staff import Role
from kiosk.printing.catalog import render_document
from kiosk.services.audit import Actor
from kiosk.services.clock import FrozenClock
from kiosk.storage.database import sqlite_url_for

# Wednesday 2026-11-25 09:05 in Shanghai: the sheet covers Tuesday.
NOW = datetime(2026, 11, 25, 1, 5, tzinfo=UTC)
_DAY_START = datetime(2026, 11, 23, 16, 0, tzinfo=UTC)  # Tuesday 00:00 in Shanghai
_HISTORY_DAYS = 60


def _sql(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def populate(app: KioskApp, passes: int) -> None:
    """``passes`` passes, each signed out once a day for 60 days (loans of 1-5 passes); on the day
    reconciled 2% are not back and 3 returns were never signed out."""
    rng = random.Random(5)
    actor = Actor("staff", "bench")
    numbers = [f"P{n:04d}" for n in range(1, passes + 1)]
    with app.database.sessions.begin() as session:
        connection = session.connection()
        connection.exec_driver_sql(
            "INSERT INTO machine_room_passes (number, added_at, added_by) VALUES (?, ?, 'bench')",
            [(n, _sql(NOW - timedelta(days=400))) for n in numbers],
        )
    app.staff.add("engineer", "王工", Role.SALES, "135790", actor)
    loans: list[tuple[object, ...]] = []
    items: list[tuple[object, ...]] = []
    for day in range(_HISTORY_DAYS, 0, -1):
        start = _DAY_START - timedelta(days=day - 1)
        order = list(range(passes))
        rng.shuffle(order)
        while order:
            size = rng.randint(1, 5)
            take, order = order[:size], order[size:]
            issued = start + timedelta(hours=8, minutes=rng.randrange(600))
            loan_id = len(loans) + 1
            loans.append((loan_id, _sql(issued), len(take)))
            for index in take:
                back = issued + timedelta(hours=2)
                missing = day == 1 and rng.random() < 0.02
                items.append(
                    (
                        loan_id,
                        index + 1,
                        numbers[index],
                        f"访客{index}",
                        _sql(issued),
                        None if missing else _sql(back),
                    )
                )
    with app.database.sessions.begin() as session:
        connection = session.connection()
        connection.exec_driver_sql(
            "INSERT INTO pass_loans (id, signed_by_staff_id, signed_by, clerk, issued_at, pass_count) "
            "VALUES (?, 1, '王工', 'staff:bench', ?, ?)",
            loans,
        )
        connection.exec_driver_sql(
            "INSERT INTO pass_loan_items (loan_id, pass_id, pass_number, visitor_name, company, issued_at, "
            "returned_at, received_by) VALUES (?, ?, ?, ?, '蓝海数据', ?, ?, 'staff:bench')",
            items,
        )
        connection.exec_driver_sql(
            "INSERT INTO pass_stray_returns (pass_number, returned_at, received_by) VALUES (?, ?, 'staff:bench')",
            [(numbers[n], _sql(_DAY_START + timedelta(hours=12 + n))) for n in range(min(3, passes))],
        )


def reconciliation(passes: int, rounds: int) -> list[Figure]:
    samples: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-passes-") as tmp:
        config = replace(
            load_config(None, {}),
            database_url=sqlite_url_for(Path(tmp) / "passes.db"),
            data_dir=Path(tmp),
            source=None,
        )
        app = build_app(config, "desk", clock=FrozenClock(NOW))
        try:
            populate(app, passes)
            profile = app.print_queue.printers[0].profile
            for n in range(rounds + 2):
                start = time.perf_counter()
                view = app.machine_room_passes.reconciliation()
                payload = render_document(view.sheet, "zh_CN", profile)
                elapsed = (time.perf_counter() - start) * 1000
                if n >= 2:
                    samples.append(elapsed)
            if len(view.sheet.issued) != passes or not payload:
                raise RuntimeError(f"the sheet lists {len(view.sheet.issued)} passes, not {passes}")
        finally:
            app.close()
    return [
        Figure(
            "reconciliation_ms",
            percentile(samples, 95),
            "ms",
            200,
            note=f"p95 of {len(samples)}: the 09:00 sheet for a day of {passes} passes "
            f"({_HISTORY_DAYS} days of history), discrepancies listed, laid out as ESC/POS",
        )
    ]
