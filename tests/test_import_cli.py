"""`kiosk residents import` and `kiosk fees import` as an administrator runs them (the command's
main, in this process): on a scratch database, exit codes, what they print, and what ends up in
the tables."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.test_cli import run_cli

RESIDENTS = """房号,姓名,身份,电话,备注
1-101,赵伟,业主,13875090595,
1-102,林静,房东,13845265254,
1-102,周伟,租户,13729552354,有委托书
"""
FEES = """unit,payer,month,due,paid
1-101,owner,2026-10,350.00,0.00
1-102,tenant,2026-10,280.00,280.00
"""


def test_residents_and_fees_are_imported_from_the_command_line(tmp_path: Path) -> None:
    database = tmp_path / "kiosk.db"
    env = {"KIOSK_DATABASE_URL": f"sqlite:///{database}"}
    residents = tmp_path / "业主资料.csv"
    residents.write_bytes(RESIDENTS.replace("\n", "\r\n").encode("gb18030"))  # as Chinese Excel saves it
    fees = tmp_path / "fees.csv"
    fees.write_bytes(FEES.encode("utf-8-sig"))

    refused = run_cli("residents", "import", str(residents), env_extra=env)
    assert refused.returncode == 5, refused.stderr
    assert "  line 3: kind “房东” is neither 业主/owner nor 租户/tenant" in refused.stderr
    assert "kiosk: 1 bad row(s); nothing was imported" in refused.stderr
    assert "formats: docs/imports.md" in refused.stderr  # where every column is explained
    assert "Traceback" not in refused.stderr

    skipped = run_cli("residents", "import", "--skip-bad-rows", str(residents), env_extra=env)
    assert skipped.returncode == 0, skipped.stderr
    assert skipped.stdout.splitlines() == [
        "业主资料.csv: 3 rows (gb18030)",
        "  ignored columns: 备注",
        "  line 3: kind “房东” is neither 业主/owner nor 租户/tenant",
        "added 2, updated 0, unchanged 0, skipped 1",
    ]

    imported = run_cli("fees", "import", str(fees), env_extra=env)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines()[-1] == "added 2, updated 0, unchanged 0, skipped 0"
    again = run_cli("fees", "import", str(fees), env_extra=env)
    assert again.stdout.splitlines()[-1] == "added 0, updated 0, unchanged 2, skipped 0"

    missing = run_cli("fees", "import", str(tmp_path / "nope.csv"), env_extra=env)
    assert missing.returncode == 5 and "cannot read" in missing.stderr

    with sqlite3.connect(database) as db:
        assert db.execute("SELECT unit, name, kind FROM residents ORDER BY unit, name").fetchall() == [
            ("1-101", "赵伟", "owner"),
            ("1-102", "周伟", "tenant"),
        ]
        assert db.execute(
            "SELECT unit, payer, month, due_fen, paid_fen FROM fee_ledger ORDER BY unit"
        ).fetchall() == [
            ("1-101", "owner", "2026-10", 35000, 0),
            ("1-102", "tenant", "2026-10", 28000, 28000),
        ]
        actions = [row[0] for row in db.execute("SELECT action FROM audit_events ORDER BY id")]
    assert actions.count("residents.import_refused") == 1 and actions.count("fees.imported") == 2
