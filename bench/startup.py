"""Cold start: a fresh process from exec to the first painted kiosk frame (offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.figures import Figure, median


def _one_start(env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--role", "kiosk", "--smoke"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    _, err = proc.communicate(timeout=60)
    if not line.startswith("first-frame") or proc.returncode != 0:
        raise RuntimeError(f"kiosk --smoke failed ({proc.returncode}): {line!r} {err[-2000:]}")
    return elapsed


def cold_start(runs: int, first_install: bool = True) -> list[Figure]:
    """``first_install``: a start before the measured ones creates and migrates the database (the
    figure is a start, not an installation); --quick goes without, its figure says nothing."""
    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(Path(tmp) / "data"),
            "XDG_CONFIG_HOME": str(Path(tmp) / "config"),
        }
        env.pop("KIOSK_DATABASE_URL", None)
        if first_install:
            _one_start(env)
        samples = [_one_start(env) for _ in range(runs)]
    return [
        Figure(
            "cold_start_ms",
            median(samples),
            "ms",
            1500,
            note=f"median of {runs} fresh processes; min {min(samples):.0f}, max {max(samples):.0f}",
        )
    ]
