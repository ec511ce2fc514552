"""Servers sharing one database must hold the same key files: the first server records a
fingerprint of each, and a server whose keys differ (or are missing) refuses to start."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

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
    assert sorted(event.entity_id.split(",")) == WITHOUT_MAIL and json.loads(event.detail) == {}


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
