"""Secrets the site keeps outside the database: one random key per purpose, in a 0600 file."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select

from kiosk.domain.actor import Actor
from kiosk.services import audit
from kiosk.services.clock import Clock
from kiosk.storage.database import Sessions
from kiosk.storage.models import SiteKeyFingerprint

KEY_BYTES = 32
# The key files every server sharing one database must hold alike: ID hashes must match, sealed
# ID numbers must open, cards and slips made at one server must verify at another. The TLS
# certificate (server-cert.pem, server-key.pem) is each server's own.
SHARED_KEYS = ("id-hash", "id-seal", "card-site", "release-slips", "decision-links")
# What the database keeps of a key is an HMAC of this label under it: it tells two keys apart
# and gives nothing of either away.
_FINGERPRINT_LABEL = b"lobby-kiosk shared key fingerprint v1"


class SiteKeysDifferError(Exception):
    """This server's key files are not the ones the database was first used with; the message
    names them and says what to do."""


def load_or_create_key(path: Path) -> bytes:
    """The key in ``path``, created (random, owner-only) the first time.

    Kept beside the database, not in it: a copied database alone cannot forge decision links
    or unseal ID numbers.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(KEY_BYTES)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
        return key
    if len(data) != KEY_BYTES:
        raise ValueError(f"{path} is not a {KEY_BYTES}-byte key file")
    return data


def key_fingerprint(key: bytes) -> str:
    return hmac.new(key, _FINGERPRINT_LABEL, hashlib.sha256).hexdigest()


def check_shared_keys(
    sessions: Sessions, key_dir: Path, names: Iterable[str], clock: Clock, actor: Actor
) -> None:
    """Refuse to start with keys other than the database's first server's (SiteKeysDifferError).

    A key the database has no fingerprint of yet is loaded (made the first time, as the services
    would) and its fingerprint recorded. One writing transaction: servers starting together take
    turns, so the second compares against what the first recorded.
    """
    with sessions.begin() as session:
        recorded = {row.name: row for row in session.scalars(select(SiteKeyFingerprint))}
        new: list[str] = []
        wrong: list[str] = []
        first_by = ""
        for name in names:
            path = key_dir / f"{name}.key"
            row = recorded.get(name)
            if row is None:
                fingerprint = key_fingerprint(load_or_create_key(path))
                session.add(
                    SiteKeyFingerprint(
                        name=name, fingerprint=fingerprint, recorded_at=clock.now(), recorded_by=actor.label
                    )
                )
                new.append(name)
            elif not path.exists():
                wrong.append(f"{path.name} is missing")
                first_by = row.recorded_by
            elif not hmac.compare_digest(key_fingerprint(load_or_create_key(path)), row.fingerprint):
                wrong.append(f"{path.name} differs")
                first_by = row.recorded_by
        if wrong:
            raise SiteKeysDifferError(
                f"this server's {', '.join(wrong)}: the database was first used with other keys "
                f"(by {first_by}). Servers sharing one database must hold the same key files: copy "
                f"the *.key files of the first server's keys folder into {key_dir} (keep this "
                "server's own server-cert.pem and server-key.pem), then start again"
            )
        if new:
            audit.record(session, actor, "site_keys.recorded", "site_keys", ",".join(new), clock.now())
