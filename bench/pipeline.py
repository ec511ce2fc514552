"""The check-in pipeline: submit -> visit stored -> badge bytes handed to the printer."""

from __future__ import annotations

import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.figures import Figure, percentile
from kiosk.app import build_app
from kiosk.config import load_config
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver
from kiosk.storage.database import sqlite_url_for

_SURNAMES = "王李张刘陈杨黄赵吴周"
_GIVEN = "伟芳娜敏静丽强磊军洋"


def _visitor_name(n: int) -> str:
    # Names must be letters only; vary them so nothing is cached by accident.
    return _SURNAMES[n % 10] + _GIVEN[n // 10 % 10] + _GIVEN[n // 100 % 10]


def checkin_pipeline(iterations: int) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        base = load_config(None, {})
        config = replace(
            base,
            database_url=sqlite_url_for(Path(tmp) / "bench.db"),
            printer_url=f"emulated:?dir={Path(tmp) / 'printer'}",
            data_dir=Path(tmp),
            source=None,
        )
        app = build_app(config, "kiosk")
        try:
            host = app.directory.search("")[0].host_id
            samples = []
            for n in range(iterations + 5):
                request = CheckInRequest(
                    _visitor_name(n), host, company="华南数据科技有限公司", declaration_accepted=True
                )
                start = time.perf_counter()
                # Submit, then the decision (as for an invited visitor, approved at once).
                pending = app.checkin.check_in(request, app.actor)
                result = app.checkin.approve(pending.visit_id, app.actor, Approver.PREREGISTERED)
                elapsed = (time.perf_counter() - start) * 1000
                if not result.badge_printed:
                    raise RuntimeError(f"badge not printed: {result.print_error}")
                if n >= 5:  # the first few warm caches and the SQLite file
                    samples.append(elapsed)
        finally:
            app.close()
    note = f"{iterations} check-ins (submit + approval), SQLite WAL on disk, emulated printer (bytes + PNG)"
    return [
        Figure("checkin_pipeline_p50_ms", percentile(samples, 50), "ms", 150, note=note),
        Figure("checkin_pipeline_p95_ms", percentile(samples, 95), "ms", 150, note=note),
    ]
