"""`kiosk privacy find|export|erase` as a supervisor runs them on the server machine (in-process:
starting the program is not the point here, tests/test_cli.py does that)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kiosk.app import KioskApp
from kiosk.cli.privacy import EXIT_REFUSED
from tests.conftest import FixedClock
from tests.services.test_privacy import ID, MOBILE, NAME, NAMESAKE, plant
from tests.services.test_retention import visit
from tests.test_cli import run_cli


@pytest.fixture
def site_env(app: KioskApp) -> dict[str, str]:
    """The command opens the test's site: the same data folder (and keys), its database."""
    return {"KIOSK_DATABASE_URL": app.config.database_url}


# The command opens the database itself (with the URL from the environment): both databases, as
# the service's tests (tests/ outside BOTH_DATABASES runs on SQLite only).
@pytest.mark.parametrize("db_backend", ["sqlite", "postgresql"], indirect=True)
def test_find_export_then_erase_one_persons_records(
    app: KioskApp, clock: FixedClock, tmp_path: Path, site_env: dict[str, str]
) -> None:
    p = plant(app, clock)
    found = run_cli("privacy", "find", "--name", "欧阳 娜娜", "--mobile", "5678", env_extra=site_env)
    assert found.returncode == 0, found.stderr
    refs = re.findall(r"^([a-z]+:\d+) ", found.stdout, re.MULTILINE)
    assert f"visit:{p.visit_id}" in refs and f"visit:{p.namesake_id}" not in refs and len(refs) == 6
    assert "****5678" in found.stdout and MOBILE not in found.stdout and ID not in found.stdout
    assert NAME in found.stdout and "open:" not in found.stdout

    out = tmp_path / "answer.json"
    exported = run_cli(
        "privacy", "export", "--name", "欧阳娜娜", "--mobile", "5678", "--out", str(out), env_extra=site_env
    )
    assert exported.returncode == 0, exported.stderr
    assert "exported 6 records" in exported.stdout
    assert out.stat().st_mode & 0o777 == 0o600
    data = out.read_bytes()
    assert ID.encode() not in data
    records = json.loads(data.decode("utf-8"))["records"]
    assert sorted(r["reference"] for r in records) == sorted(refs)
    assert [r["name"] for r in records if r["reference"] == f"visit:{p.visit_id}"] == [NAME]

    dry = run_cli("privacy", "erase", *refs, "--dry-run", env_extra=site_env)
    assert dry.returncode == 0, dry.stderr
    assert "would blank" in dry.stdout and "nothing was changed" in dry.stdout
    assert re.search(r"visits\s+2\s+fields: visitor_name, company", dry.stdout)
    erased = run_cli("privacy", "erase", *refs, env_extra=site_env)
    assert erased.returncode == 0, erased.stderr
    assert erased.stdout.startswith("erased visit:") and re.search(r"visits\s+2 ", erased.stdout)
    again = run_cli("privacy", "find", "--name", NAME, env_extra=site_env)
    # Only the namesake is left under that name.
    assert re.findall(r"^([a-z]+:\d+) ", again.stdout, re.MULTILINE) == [f"visit:{p.namesake_id}"]
    assert NAMESAKE in again.stdout


def test_an_open_record_or_a_wrong_reference_is_refused_in_one_line(
    app: KioskApp, clock: FixedClock, site_env: dict[str, str]
) -> None:
    p = plant(app, clock)
    on_site = visit(app, NAME, mobile=MOBILE)
    refused = run_cli("privacy", "erase", f"visit:{p.visit_id}", f"visit:{on_site}", env_extra=site_env)
    assert refused.returncode == EXIT_REFUSED and refused.stdout == ""
    assert refused.stderr.count("\n") == 1
    assert refused.stderr.startswith(f"kiosk: nothing erased: visit:{on_site}: ")
    assert "check them out first" in refused.stderr
    found = run_cli("privacy", "find", "--name", NAME, "--mobile", MOBILE, env_extra=site_env)
    assert "open: V" in found.stdout and "on site" in found.stdout
    wrong = run_cli("privacy", "erase", "badge:V000001", env_extra=site_env)
    assert wrong.returncode == EXIT_REFUSED and "not a record reference" in wrong.stderr
    unnamed = run_cli("privacy", "export", "--out", "x.json", env_extra=site_env)
    assert unnamed.returncode == EXIT_REFUSED and "give --name" in unnamed.stderr
    # Nothing was erased by any of them.
    assert f"visit:{p.visit_id} " in found.stdout
