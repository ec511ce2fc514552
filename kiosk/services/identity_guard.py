"""What a service may keep of an ID number, and the guard that checks and protects it.

Check-in, the watchlist, IDC cards and machine-room passes take ID numbers; each gets an
:class:`IdentityGuard` (the real one is :class:`kiosk.services.pii.PiiVault`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class ProtectedIdentity:
    """An ID number as the database may keep it: never the number itself in clear."""

    id_type: str
    lookup_hash: str
    last_four: str
    sealed: bytes


class IdentityGuard(Protocol):
    """Validates an ID number and turns it into what may be stored (see kiosk.services.pii)."""

    def protect(self, id_type: str, raw_number: str) -> ProtectedIdentity:
        """Raise ValidationError("id_number", ...) saying what is wrong, or protect the number."""
        ...

    def lookup_hash(self, id_type: str, raw_number: str) -> str:
        """The keyed hash used to match the watchlist, without sealing anything."""
        ...
