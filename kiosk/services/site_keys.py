"""Secrets the site keeps outside the database: one random key per purpose, in a 0600 file."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import logging
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select

from kiosk.domain.actor import Actor
from kiosk.faults import crash_point
from kiosk.services import audit, audit_chain
from kiosk.services.clock import Clock
from kiosk.storage.database import Sessions
from kiosk.storage.models import SiteKeyFingerprint

log = logging.getLogger(__name__)

KEY_BYTES = 32
# The key that signs the audit trail's chain (kiosk.services.audit_chain).
AUDIT_CHAIN_KEY = "audit-chain"
# The key files every server sharing one database must hold alike: ID hashes must match, sealed
# ID numbers must open, cards and slips made at one server must verify at another, and each
# server's audit events continue one chain. The TLS certificate (server-cert.pem,
# server-key.pem) is each server's own.
SHARED_KEYS = ("id-hash", "id-seal", "card-site", "release-slips", "decision-links", AUDIT_CHAIN_KEY)
# What the database keeps of a key is an HMAC of this label under it: it tells two keys apart
# and gives nothing of either away.
_FINGERPRINT_LABEL = b"lobby-kiosk shared key fingerprint v1"
# A key being written is a file named so no key name matches it; the writer's pid in the name
# tells a later start whether its writer is gone (then it is removed).
_TMP_SUFFIX = ".tmp"


class SiteKeysDifferError(Exception):
    """This server's key files are not the ones the database was first used with; the message
    names them and says what to do."""


class KeyFileError(Exception):
    """A key file cannot be used; the message (one line) names it and says what to do."""


class KeyFileTornError(KeyFileError):
    """A key file of the wrong length: never a key this program wrote whole (it writes a key to a
    temporary file and publishes it complete), so a copy gone wrong or a crash of an older version
    at first start."""


def key_path(key_dir: Path, name: str) -> Path:
    return key_dir / f"{name}.key"


def ensure_private_folder(folder: Path) -> None:
    """``folder`` made if missing, and owner-only (0700) either way."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    # mkdir's mode is cut by the umask and skipped for an existing folder; keys want 0700.
    folder.chmod(0o700)


def read_key(path: Path) -> bytes:
    """The key in ``path`` (FileNotFoundError if there is none, KeyFileTornError if torn)."""
    data = path.read_bytes()
    if len(data) != KEY_BYTES:
        raise KeyFileTornError(
            f"{path} is damaged ({len(data)} bytes, a key has {KEY_BYTES}) and this site's "
            f"database was already used with that key, so a new one would not do: restore the "
            f"keys from their backup (kiosk keys restore FILE), or copy {path.name} from another "
            "server of this site, then start again"
        )
    return data


def load_or_create_key(path: Path) -> bytes:
    """The key in ``path``, created (random, owner-only, written durably) the first time.

    Kept beside the database, not in it: a copied database alone cannot forge decision links
    or unseal ID numbers. Processes starting together all end with the key the first of them
    published.
    """
    try:
        return read_key(path)
    except FileNotFoundError:
        return publish_key(path, secrets.token_bytes(KEY_BYTES))


def publish_key(path: Path, key: bytes, *, replace: bool = False) -> bytes:
    """Write ``key`` to ``path`` so a crash leaves either no file or the whole key, never a torn
    one: a temporary file in the same folder, fsynced, then published (a hard link, which fails
    if another process published first: theirs is kept and returned), then the folder fsynced.
    ``replace``: the file at ``path`` is replaced (renamed over) instead. The key ``path`` holds
    afterwards is returned."""
    folder = path.parent
    ensure_private_folder(folder)
    _remove_orphans(path)
    tmp = folder / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{_TMP_SUFFIX}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    crash_point("key.created")
    _write_synced(fd, key)
    crash_point("key.written")
    try:
        if replace:
            os.replace(tmp, path)
        else:
            _link_or_create(tmp, path, key)
    finally:
        tmp.unlink(missing_ok=True)
    crash_point("key.published")
    _fsync_folder(folder)
    return read_key(path)


def _link_or_create(tmp: Path, path: Path, key: bytes) -> None:
    try:
        os.link(tmp, path)
    except FileExistsError:
        return  # another process published first: read_key returns theirs
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        # A filesystem without hard links: created exclusively and written in place, fsynced.
        # A crash in between leaves it torn, which the next start handles (check_shared_keys).
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return
        _write_synced(fd, key)


def _write_synced(fd: int, key: bytes) -> None:
    """``key`` into the new file ``fd`` (closed after), on disk before this returns."""
    with os.fdopen(fd, "wb") as out:
        out.write(key)
        out.flush()
        os.fsync(out.fileno())


def _remove_orphans(path: Path) -> None:
    """Temporary files of ``path`` left by a writer that died before publishing."""
    for tmp in path.parent.glob(f".{path.name}.*{_TMP_SUFFIX}"):
        pid = tmp.name.removeprefix(f".{path.name}.").split(".")[0]
        if pid.isdigit() and not _alive(int(pid)):
            tmp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _fsync_folder(folder: Path) -> None:
    """The folder's entry for a new file on disk (a file's fsync does not cover its name)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):  # some filesystems refuse fsync on a folder
            os.fsync(fd)
    finally:
        os.close(fd)


def key_fingerprint(key: bytes) -> str:
    return hmac.new(key, _FINGERPRINT_LABEL, hashlib.sha256).hexdigest()


def recorded_fingerprints(sessions: Sessions) -> dict[str, str]:
    """The fingerprints the database keeps, by key name."""
    with sessions.reads() as session:
        return {row.name: row.fingerprint for row in session.scalars(select(SiteKeyFingerprint))}


def recorded_key(sessions: Sessions, key_dir: Path, name: str) -> bytes:
    """The key ``name`` from ``key_dir``, never made here: KeyFileError if it is missing, torn,
    or not the one the database recorded."""
    path = key_path(key_dir, name)
    try:
        key = read_key(path)
    except FileNotFoundError:
        raise KeyFileError(
            f"no {path.name} in {key_dir}: run this where the server's keys are (or restore them: "
            "kiosk keys restore FILE)"
        ) from None
    fingerprint = recorded_fingerprints(sessions).get(name)
    if fingerprint is not None and not hmac.compare_digest(key_fingerprint(key), fingerprint):
        raise KeyFileError(
            f"{path} is not the key this site's database was first used with: restore the keys "
            "from their backup (kiosk keys restore FILE), or copy them from the first server"
        )
    return key


def check_shared_keys(
    sessions: Sessions, key_dir: Path, names: Iterable[str], clock: Clock, actor: Actor
) -> dict[str, bytes]:
    """Refuse to start with keys other than the database's first server's (SiteKeysDifferError);
    the keys, by name.

    A key the database has no fingerprint of yet is loaded (made the first time, as the services
    would) and its fingerprint recorded; such a key's file left torn by a crash at first start
    is replaced (nothing can have used it). A torn key the database knows is refused
    (KeyFileTornError). One writing transaction: servers starting together take turns, so the
    second compares against what the first recorded. Its own audit event is signed when the
    audit key is among ``names``.
    """
    with sessions.begin() as session:
        recorded = {row.name: row for row in session.scalars(select(SiteKeyFingerprint))}
        keys: dict[str, bytes] = {}
        new: list[str] = []
        wrong: list[str] = []
        first_by = ""
        for name in names:
            path = key_path(key_dir, name)
            row = recorded.get(name)
            if row is None:
                keys[name] = _first_key(path)
                session.add(
                    SiteKeyFingerprint(
                        name=name,
                        fingerprint=key_fingerprint(keys[name]),
                        recorded_at=clock.now(),
                        recorded_by=actor.label,
                    )
                )
                new.append(name)
            elif not path.exists():
                wrong.append(f"{path.name} is missing")
                first_by = row.recorded_by
            else:
                keys[name] = read_key(path)
                if not hmac.compare_digest(key_fingerprint(keys[name]), row.fingerprint):
                    wrong.append(f"{path.name} differs")
                    first_by = row.recorded_by
        if wrong:
            raise SiteKeysDifferError(
                f"this server's {', '.join(wrong)}: the database was first used with other keys "
                f"(by {first_by}). Servers sharing one database must hold the same key files: copy "
                f"the *.key files of the first server's keys folder into {key_dir} (keep this "
                "server's own server-cert.pem and server-key.pem), or restore them from their "
                "backup (kiosk keys restore FILE), then start again"
            )
        if new:
            if AUDIT_CHAIN_KEY in keys:
                audit_chain.sign_session(session, keys[AUDIT_CHAIN_KEY])
            # The names in the detail: together they outgrow an entity id (40 characters).
            audit.record(session, actor, "site_keys.recorded", "site_keys", "-", clock.now(), keys=new)
    return keys


def _first_key(path: Path) -> bytes:
    """A key the database does not know yet: the file's, or a new one."""
    try:
        return load_or_create_key(path)
    except KeyFileTornError:
        # No fingerprint of it, so no server ever started with it: a first start stopped while
        # an older version wrote it (this one publishes a key whole). Safe to make anew.
        log.warning("%s was left torn by a first start that stopped; making a new key", path)
        return publish_key(path, secrets.token_bytes(KEY_BYTES), replace=True)
