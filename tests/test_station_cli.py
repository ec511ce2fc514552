"""`kiosk station add` on the server machine: the code's expiry on the site's clock."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.test_cli import run_cli


def test_the_enrolment_code_s_expiry_is_given_on_the_site_s_clock(tmp_path: Path) -> None:
    """A fresh Debian server's own zone is UTC; the lobby reads Shanghai time (said 09:18 at 17:08)."""
    config = tmp_path / "kiosk.toml"
    config.write_text('[site]\ntimezone = "Asia/Shanghai"\n', encoding="utf-8")
    site = {
        "KIOSK_DATABASE_URL": f"sqlite:///{tmp_path / 'site.db'}",
        "KIOSK_DATA_DIR": str(tmp_path),
        "TZ": "UTC",
    }
    before = datetime.now(ZoneInfo("Asia/Shanghai"))
    added = run_cli(
        "station", "add", "--role", "kiosk", "--name", "大堂1号机", "--config", str(config), env_extra=site
    )
    assert added.returncode == 0, added.stderr
    found = re.search(r"valid until (\d\d):(\d\d), once", added.stdout)
    assert found, added.stdout
    shown = before.replace(hour=int(found[1]), minute=int(found[2]), second=0, microsecond=0)
    expected = before + timedelta(minutes=10)
    assert (
        abs((shown - expected).total_seconds() % 86400) <= 120
        or abs((expected - shown).total_seconds() % 86400) <= 120
    )
