"""The kill -9 matrix, a key's creation at first start: a real process, killed (SIGKILL) at each
named point of writing a key file; the restart finds keys whole, the site starts, the keys match
the fingerprints its database records. And processes racing at first start end with one key.

Real processes, because that is the point: what the filesystem holds after a process dies
mid-write, and what several processes see of each other's files. Each runs a few lines that
import the key module only (a third of a second), not the application.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kiosk.config import Config
from kiosk.faults import ENV, MARKER
from kiosk.services.audit_chain import verify_chain
from kiosk.services.site_keys import (
    AUDIT_CHAIN_KEY,
    KEY_BYTES,
    SHARED_KEYS,
    key_fingerprint,
    key_path,
    read_key,
    recorded_fingerprints,
)
from kiosk.storage.database import sqlite_url_for
from tests.conftest import build_test_app, close_test_app, site_config, start_from

ROOT = Path(__file__).resolve().parents[2]
# The key step of a server's first start, as build_app runs it (kiosk.app.open_site_database).
FIRST_START = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kiosk.domain.actor import Actor
    from kiosk.domain.clock import SystemClock
    from kiosk.services.site_keys import SHARED_KEYS, check_shared_keys
    from kiosk.storage.database import Database

    with Database.open(sys.argv[1]) as database:
        names = [k for k in SHARED_KEYS if k != "decision-links"]  # no e-mail decisions
        check_shared_keys(database.sessions, Path(sys.argv[2]), names, SystemClock(), Actor("server", "first"))
    print("finished")
    """
)
WITHOUT_MAIL = tuple(k for k in SHARED_KEYS if k != "decision-links")
# Where a key's writing may stop: its temporary file made (empty), written and fsynced, published
# under its name (the folder not yet fsynced, the fingerprint not yet committed).
POINTS = ("key.created", "key.written", "key.published")


def python(code: str, *args: str, crash_at: str | None = None) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != ENV}
    if crash_at is not None:
        env[ENV] = crash_at
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def site(tmp_path: Path, migrated_database: Path) -> Config:
    """A site never started: its database migrated, its keys folder not there yet."""
    config = site_config(
        data_dir=tmp_path / "site", database_url=sqlite_url_for(tmp_path / "site" / "kiosk.db")
    )
    start_from(migrated_database, config)
    return config


@pytest.mark.parametrize("point", POINTS)
def test_killed_while_creating_a_key_at_first_start(
    site: Config, migrated_database: Path, point: str
) -> None:
    key_dir = site.data_dir / "keys"
    first = python(FIRST_START, site.database_url, str(key_dir), crash_at=point)
    out, err = first.communicate(timeout=60)
    assert first.returncode == -signal.SIGKILL, (out, err)
    assert f"{MARKER} {point}" in err and "finished" not in out

    app = build_test_app(site, migrated_database)  # the restart: the site starts
    try:
        recorded = recorded_fingerprints(app.database.sessions)
        assert sorted(recorded) == sorted(WITHOUT_MAIL)
        for name in WITHOUT_MAIL:
            key = read_key(key_path(key_dir, name))  # whole: 32 bytes
            assert recorded[name] == key_fingerprint(key)
            assert stat.S_IMODE(key_path(key_dir, name).stat().st_mode) == 0o600
        assert stat.S_IMODE(key_dir.stat().st_mode) == 0o700
        # The dead writer's temporary file is gone; only keys (and the TLS pair, not made here).
        assert sorted(p.name for p in key_dir.iterdir()) == sorted(f"{n}.key" for n in WITHOUT_MAIL)
        # The audit events of the start are signed with the key on file.
        chain = verify_chain(app.database.sessions, read_key(key_path(key_dir, AUDIT_CHAIN_KEY)))
        assert chain.intact and chain.signed >= 1
    finally:
        close_test_app(app)


RACER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from kiosk.services.site_keys import load_or_create_key

    Path(sys.argv[2]).touch()
    while not os.path.exists(sys.argv[3]):
        time.sleep(0.0005)
    print(load_or_create_key(Path(sys.argv[1])).hex())
    """
)


def test_processes_racing_at_first_start_end_with_one_key(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "id-seal.key"
    go = tmp_path / "go"
    racers = [python(RACER, str(path), str(tmp_path / f"ready-{i}"), str(go)) for i in range(3)]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready-{i}").exists() for i in range(3)):
        assert time.monotonic() < deadline and all(r.poll() is None for r in racers), "a racer did not start"
        time.sleep(0.01)
    go.touch()  # all at once
    keys = set()
    for racer in racers:
        out, err = racer.communicate(timeout=60)
        assert racer.returncode == 0, err
        keys.add(out.strip())
    assert keys == {path.read_bytes().hex()} and len(path.read_bytes()) == KEY_BYTES
    assert sorted(p.name for p in path.parent.iterdir()) == ["id-seal.key"]
