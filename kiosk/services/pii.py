"""ID numbers as the database may keep them: a keyed hash, the last four, and a sealed copy.

The hash (HMAC-SHA256 under a site key) lets the watchlist match a number without storing it;
the last four are for display ("**************002X"); the full number is kept only sealed with
AES-256-GCM under a second key. Both keys live in files beside the database, never in it, so a
copied database alone reveals no ID number. Sites with several kiosks copy the key folder to each.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.domain.identity import validate_id_number
from kiosk.services.identity_guard import ProtectedIdentity
from kiosk.services.site_keys import load_or_create_key

_NONCE_BYTES = 12
_SEAL_VERSION = b"\x01"


class UnsealError(Exception):
    """A sealed number cannot be opened: another site's key, or the data was altered."""


class PiiVault:
    """Implements the check-in service's ``IdentityGuard``; ``today`` dates the birth-date check."""

    def __init__(self, hash_key: bytes, seal_key: bytes, today: Callable[[], date]) -> None:
        if len(hash_key) < 32 or len(seal_key) != 32:
            raise ValueError("the ID hash key needs at least 32 bytes and the seal key exactly 32")
        self._hash_key = hash_key
        self._aead = AESGCM(seal_key)
        self._today = today

    @classmethod
    def from_key_dir(cls, key_dir: Path, today: Callable[[], date]) -> PiiVault:
        """The site's vault, creating its two keys the first time."""
        return cls(
            load_or_create_key(key_dir / "id-hash.key"), load_or_create_key(key_dir / "id-seal.key"), today
        )

    def normalise(self, id_type: str, raw_number: str) -> str:
        """The validated number, or ValidationError("id_number", ...) saying what is wrong."""
        return validate_id_number(id_type, raw_number, self._today())

    def protect(self, id_type: str, raw_number: str) -> ProtectedIdentity:
        number = self.normalise(id_type, raw_number)
        return ProtectedIdentity(
            id_type=id_type,
            lookup_hash=self._hash(id_type, number),
            last_four=number[-4:],
            sealed=self._seal(id_type, number),
        )

    def lookup_hash(self, id_type: str, raw_number: str) -> str:
        return self._hash(id_type, self.normalise(id_type, raw_number))

    def unseal(self, id_type: str, sealed: bytes) -> str:
        """The full number, for the rare lawful request; callers audit who asked."""
        if len(sealed) < 1 + _NONCE_BYTES or sealed[:1] != _SEAL_VERSION:
            raise UnsealError("not a sealed ID number")
        nonce, ciphertext = sealed[1 : 1 + _NONCE_BYTES], sealed[1 + _NONCE_BYTES :]
        try:
            return self._aead.decrypt(nonce, ciphertext, id_type.encode()).decode()
        except (InvalidTag, UnicodeDecodeError):
            raise UnsealError("the sealed ID number does not open with this site's key") from None

    def _hash(self, id_type: str, number: str) -> str:
        # Resident IDs and the HK/Macao/Taiwan residence permits share one number space.
        kind = "cn" if id_type == "resident_id" else id_type
        return hmac.new(self._hash_key, f"{kind}:{number}".encode(), hashlib.sha256).hexdigest()

    def _seal(self, id_type: str, number: str) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        # The document type is bound as associated data: a sealed value moved to another type fails.
        return _SEAL_VERSION + nonce + self._aead.encrypt(nonce, number.encode(), id_type.encode())
