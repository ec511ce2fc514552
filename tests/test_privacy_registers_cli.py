"""`kiosk privacy` with the registers of issue #18 (a resident's repair requests, complaints and the
messages for them) and the desk's registers of #19 and #20 (mail, lost and found, key loans,
permits, outgoing courier): listed with their references, erased by them (in-process, as
tests/test_privacy_cli.py)."""

from __future__ import annotations

import re

from kiosk.app import KioskApp
from tests.conftest import FixedClock
from tests.services.test_privacy_desk_registers import NAME as PERSON
from tests.services.test_privacy_desk_registers import PHONE
from tests.services.test_privacy_desk_registers import plant as plant_desk
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


def test_the_desk_registers_are_found_and_erased_by_their_references(
    app: KioskApp, clock: FixedClock
) -> None:
    p = plant_desk(app, clock)
    env = {"KIOSK_DATABASE_URL": app.config.database_url}
    found = run_cli("privacy", "find", "--name", PERSON, "--mobile", PHONE[-4:], env_extra=env)
    assert found.returncode == 0, found.stderr
    refs = re.findall(r"^([a-z_]+:\d+) ", found.stdout, re.MULTILINE)
    assert sorted(refs) == sorted(p.closed + p.still_open)
    assert "open: mail YJ" in found.stdout and "open: key loan of 501" in found.stdout
    assert "****4455" in found.stdout and PHONE not in found.stdout
    erased = run_cli("privacy", "erase", *p.closed, env_extra=env)
    assert erased.returncode == 0, erased.stderr
    assert re.search(
        r"courier_items\s+1\s+fields: sender, addressee, destination, note, void_reason", erased.stdout
    )
    assert re.search(r"mail_items\s+3 ", erased.stdout) and re.search(r"key_loans\s+1 ", erased.stdout)
    again = run_cli("privacy", "find", "--name", PERSON, "--mobile", PHONE[-4:], env_extra=env)
    assert sorted(re.findall(r"^([a-z_]+:\d+) ", again.stdout, re.MULTILINE)) == sorted(p.still_open)
