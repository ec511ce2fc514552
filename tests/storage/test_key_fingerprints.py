"""Servers sharing one database must hold the same key files: the first server records a
fingerprint of each, and a server whose keys differ (or are missing) refuses to start."""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk import cli
from kiosk.app import KioskApp
from kiosk.config import Config, ConfigError
from kiosk.services.site_keys import SHARED_KEYS, key_fingerprint
from kiosk.storage.models import AuditEvent, SiteKeyFingerprint
from tests.conftest import FixedClock, build_test_app, close_test_app

WITHOUT_MAIL = sorted(k for k in SHARED_KEYS if k != "decision-links")


def second_server(app: KioskApp, data_dir: Path, clock: FixedClock, migrated_database: Path) -> KioskApp:
    """Another server on ``app``'s database, with its own data folder."""
    return build_test_app(replace(app.config, data_dir=data_dir), migrated_database, clock=clock)


def test_the_first_server_records_a_fingerprint_of_each_shared_key_never_the_key(app: KioskApp) -> None:
    keys = app.site_key_dir
    with app.database.sessions() as session:
        rows = {r.name: r for r in session.scalars(select(SiteKeyFingerprint))}
        [event] = session.scalars(select(AuditEvent).where(AuditEvent.action == "site_keys.recorded"))
    assert sorted(rows) == WITHOUT_MAIL  # no e-mail decisions configured: no decision-links key
    for name, row in rows.items():
        key = (keys / f"{name}.key").read_bytes()
        assert row.fingerprint == key_fingerprint(key) and key.hex() not in row.fingerprint
    assert sorted(json.loads(event.detail)["keys"]) == WITHOUT_MAIL


def test_a_server_with_the_first_ones_keys_starts(
    app: KioskApp, tmp_path: Path, clock: FixedClock, migrated_database: Path
) -> None:
    other = tmp_path / "server-b"
    shutil.copytree(app.site_key_dir, other / "keys")
    close_test_app(second_server(app, other, clock, migrated_database))


def test_a_server_whose_keys_differ_refuses_to_start_and_says_which(
    app: KioskApp, tmp_path: Path, clock: FixedClock, migrated_database: Path
) -> None:
    other = tmp_path / "server-b"
    shutil.copytree(app.site_key_dir, other / "keys")
    (other / "keys" / "id-seal.key").write_bytes(bytes(32))
    with pytest.raises(ConfigError) as refused:
        second_server(app, other, clock, migrated_database)
    message = str(refused.value)
    assert "database.url" in message and "id-seal.key differs" in message
    assert "id-hash.key" not in message and f"into {other / 'keys'}" in message
    assert "keep this server's own server-cert.pem" in message


def test_a_server_with_no_keys_refuses_and_makes_none(
    app: KioskApp, tmp_path: Path, clock: FixedClock, migrated_database: Path
) -> None:
    other = tmp_path / "server-b"
    with pytest.raises(ConfigError) as refused:
        second_server(app, other, clock, migrated_database)
    assert "id-hash.key is missing" in str(refused.value) and "card-site.key is missing" in str(refused.value)
    assert not (other / "keys").exists() or not list((other / "keys").iterdir())


def test_turning_e_mail_decisions_on_records_their_key_too(
    app: KioskApp, config: Config, clock: FixedClock, migrated_database: Path
) -> None:
    mailing = replace(config, smtp_url="smtp://127.0.0.1:2525", decision_url="https://lobby.example/decide")
    close_test_app(build_test_app(mailing, migrated_database, clock=clock))
    with app.database.sessions() as session:
        assert sorted(session.scalars(select(SiteKeyFingerprint.name))) == sorted(SHARED_KEYS)


def test_a_key_torn_by_a_first_start_that_stopped_is_made_anew(
    config: Config, clock: FixedClock, migrated_database: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An older version's first start stopped between creating a key file and writing it. The
    database has no fingerprint of that key, so nothing ever used it: a new one replaces it."""
    keys = config.data_dir / "keys"
    keys.mkdir(parents=True)
    (keys / "id-seal.key").write_bytes(b"")
    with caplog.at_level(logging.WARNING, logger="kiosk.services.site_keys"):
        app = build_test_app(config, migrated_database, clock=clock)
    try:
        key = (keys / "id-seal.key").read_bytes()
        with app.database.sessions() as session:
            row = session.get(SiteKeyFingerprint, "id-seal")
    finally:
        close_test_app(app)
    assert len(key) == 32 and row is not None and row.fingerprint == key_fingerprint(key)
    assert any("id-seal.key was left torn" in r.getMessage() for r in caplog.records)


def test_a_torn_key_the_database_knows_stops_the_start_in_one_line(
    app: KioskApp, config: Config, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    torn = app.site_key_dir / "id-seal.key"
    torn.write_bytes(b"\x00" * 5)
    monkeypatch.setenv("KIOSK_DATABASE_URL", config.database_url)
    assert cli.main(["station", "list"]) == cli.EXIT_CONFIG
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{torn} is damaged (5 bytes" in err and "kiosk keys restore FILE" in err
    assert torn.read_bytes() == b"\x00" * 5  # not replaced: the database knows that key
