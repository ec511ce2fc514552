"""The on-screen keyboard: a visitor with no physical keyboard types 张三 in Pinyin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.heavy
def test_visitor_types_a_chinese_name_on_the_screen_keyboard_and_it_is_forgotten() -> None:
    # A process of its own: Qt Virtual Keyboard serves one input panel per application, and the
    # other UI tests have made many kiosk windows in this one.
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("keyboard_journey.py"))],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["shown"], "the keyboard comes up for a text field"
    assert outcome["typed"] == "张三"  # z-h-a-n-g-s-a-n and the space bar, tapped on the panel
    assert outcome["left_after_visit"] == []  # the Pinyin user dictionary is emptied
