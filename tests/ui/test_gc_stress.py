"""The garbage collector stays on: windows and background work survive it (tests/ui/gc_stress.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("gc_stress.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.heavy
def test_windows_and_background_work_survive_the_garbage_collector() -> None:
    # A process of its own: a crash fails this test instead of ending the whole run.
    # The project's root on the path: the script builds its stations with tests.stations.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONFAULTHANDLER": "1", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, str(SCRIPT)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=50,
        check=False,
    )
    assert result.returncode == 0, f"exit code {result.returncode}\n{result.stderr[-4000:]}"
    assert "gc stress: 2000 operations" in result.stdout
