"""Who acts, as the audit trail names them: a station, a member of staff, the server itself."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """Who acts: a kiosk station, a desk station, or (later) a signed-in member of staff."""

    kind: str
    ident: str

    @property
    def label(self) -> str:
        return f"{self.kind}:{self.ident}"

    @classmethod
    def kiosk(cls, station: str) -> Actor:
        return cls("kiosk", station)

    @classmethod
    def desk(cls, station: str) -> Actor:
        return cls("desk", station)
