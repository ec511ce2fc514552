"""The audit trail: every state change records who, what, when and on which record."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from kiosk.storage.models import AuditEvent


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


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object,
    at: datetime,
    **detail: object,
) -> AuditEvent:
    """Add an audit event to ``session``'s transaction (committed, or rolled back, with the change)."""
    event = AuditEvent(
        at=at,
        actor=actor.label,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        detail=json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str),
    )
    session.add(event)
    return event
