"""A backup of the site's shared keys, sealed with a passphrase (`kiosk keys backup` / `restore`).

The file: a magic line, a JSON header line (format version, the KDF and its parameters, the
cipher and its nonce), then the keys (JSON) sealed with AES-256-GCM under a key derived from the
passphrase by scrypt; the two header lines are the cipher's associated data, so a changed
parameter fails like a wrong passphrase. Parameters are read from the file (a later version may
raise the cost and still open older files), within limits, so a crafted file cannot make the
program allocate gigabytes.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"LOBBY-KIOSK KEYS BACKUP\n"
VERSION = 1
# scrypt at 128 MiB (n=2**17, r=8): about 0.4 s on the server, the cost OWASP recommends.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
# A file asking more than these is refused, not obeyed: scrypt takes 128 * n * r bytes.
_MAX_N = 2**20
_MAX_R = 16
_MAX_P = 4
_MAX_MEMORY = 2**30
_SALT_BYTES = 16
_NONCE_BYTES = 12
PASSPHRASE_MIN = 8


class KeyBackupError(Exception):
    """The file is not a keys backup this version can open; the message says why, in one line."""


class WrongPassphraseError(KeyBackupError):
    """The passphrase does not open the backup (or the file was altered)."""


def seal_keys(
    keys: Mapping[str, bytes], passphrase: str, made_at: datetime, *, n: int | None = None
) -> bytes:
    """The backup file's bytes for ``keys`` (name -> key); ``n``: scrypt's cost (SCRYPT_N)."""
    if len(passphrase) < PASSPHRASE_MIN:
        raise KeyBackupError(f"the passphrase is too short: use at least {PASSPHRASE_MIN} characters")
    salt, nonce, n = os.urandom(_SALT_BYTES), os.urandom(_NONCE_BYTES), n or SCRYPT_N
    header = {
        "version": VERSION,
        "kdf": {"name": "scrypt", "n": n, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt)},
        "cipher": {"name": "aes-256-gcm", "nonce": _b64(nonce)},
    }
    head = MAGIC + json.dumps(header, separators=(",", ":")).encode() + b"\n"
    body = json.dumps(
        {"made_at": made_at.isoformat(), "keys": {name: key.hex() for name, key in sorted(keys.items())}}
    ).encode()
    key = _derive(passphrase, salt, n, SCRYPT_R, SCRYPT_P)
    return head + AESGCM(key).encrypt(nonce, body, head)


def open_keys(data: bytes, passphrase: str) -> dict[str, bytes]:
    """The keys in a backup file's bytes (KeyBackupError, WrongPassphraseError)."""
    if not data.startswith(MAGIC):
        raise KeyBackupError("not a keys backup of this program (made by kiosk keys backup)")
    line_end = data.find(b"\n", len(MAGIC))
    if line_end < 0:
        raise KeyBackupError("the keys backup is cut short")
    head, sealed = data[: line_end + 1], data[line_end + 1 :]
    try:
        header = json.loads(head[len(MAGIC) :])
        version = header["version"]
        kdf, cipher = header["kdf"], header["cipher"]
        if version != VERSION:
            raise KeyBackupError(
                f"the keys backup is format {version!r}; this version reads format {VERSION}"
            )
        if kdf["name"] != "scrypt" or cipher["name"] != "aes-256-gcm":
            raise KeyBackupError(f"the keys backup uses {kdf['name']!r}/{cipher['name']!r}, unknown here")
        n, r, p = _bounded(kdf["n"], 2, _MAX_N), _bounded(kdf["r"], 1, _MAX_R), _bounded(kdf["p"], 1, _MAX_P)
        if n & (n - 1) or 128 * n * r > _MAX_MEMORY:
            raise ValueError("n is not a power of two, or asks too much memory")
        salt, nonce = _unb64(kdf["salt"]), _unb64(cipher["nonce"])
        if len(nonce) != _NONCE_BYTES or not salt:
            raise ValueError("bad nonce or salt")
    except KeyBackupError:
        raise
    except (ValueError, KeyError, TypeError, RecursionError, binascii.Error):
        raise KeyBackupError("the keys backup's header is damaged") from None
    try:
        body = AESGCM(_derive(passphrase, salt, n, r, p)).decrypt(nonce, sealed, head)
    except InvalidTag:
        raise WrongPassphraseError(
            "the passphrase does not open this keys backup (or the file was altered)"
        ) from None
    keys = json.loads(body)["keys"]
    return {str(name): bytes.fromhex(value) for name, value in keys.items()}


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode())


def _bounded(value: Any, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:
        raise ValueError(f"{value!r} is out of range")
    return value


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)
