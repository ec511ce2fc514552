"""`kiosk privacy` with the registers of issue #18: a resident's repair requests, complaints and the
messages for them listed with their references, erased by them (in-process, as
tests/test_privacy_cli.py)."""

from __future__ import annotations

import re

from kiosk.app import KioskApp
from tests.conftest import FixedClock
from tests.services.test_privacy_registers import NAME, plant
from tests.test_cli import run_cli


def test_find_lists_repairs_complaints_and_messages_and_erase_takes_their_references(
    app: KioskApp, clock: FixedClock
) -> None:
    p = plant(app, clock)
    env = {"KIOSK_DATABASE_URL": app.config.database_url}
    found = run_cli("privacy", "find", "--name", NAME, env_extra=env)
    assert found.returncode == 0, found.stderr
    refs = re.findall(r"^([a-z]+:\d+) ", found.stdout, re.MULTILINE)
    assert sorted(refs) == sorted(
        [
            f"repair:{p.closed_repair}",
            f"repair:{p.open_repair}",
            f"complaint:{p.closed_complaint}",
            f"complaint:{p.open_complaint}",
            f"message:{p.message}",
        ]
    )
    assert "open: repair BX" in found.stdout and "open: complaint C" in found.stdout
    erased = run_cli(
        "privacy", "erase", f"repair:{p.closed_repair}", f"complaint:{p.closed_complaint}", env_extra=env
    )
    assert erased.returncode == 0, erased.stderr
    assert re.search(r"repairs\s+1\s+fields: caller_name, phone, signed_off_by, cancel_reason", erased.stdout)
    assert re.search(r"complaint_steps\s+3\s+fields: text", erased.stdout)
    again = run_cli("privacy", "find", "--name", NAME, env_extra=env)
    left = re.findall(r"^([a-z]+:\d+) ", again.stdout, re.MULTILINE)
    assert f"repair:{p.closed_repair}" not in left and f"repair:{p.open_repair}" in left
