"""Secrets the site keeps outside the database: one random key per purpose, in a 0600 file."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

KEY_BYTES = 32


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
