"""The audit trail: every state change records who, what, when and on which record."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from kiosk.domain.actor import Actor
from kiosk.services import audit_chain
from kiosk.storage.models import AuditEvent, IdempotentReply

__all__ = ["Actor", "SubmitKey", "record", "submitting"]


@dataclass(frozen=True)
class SubmitKey:
    """The Idempotency-Key of the submit being handled: claimed in the same transaction as the
    first audit event of the change it makes, so the key and the change commit (or vanish)
    together, and a retry finds which record the first try made."""

    station_id: int
    key: str
    action: str
    # The kind of record the submit makes ("release_slip", "payment"), when its change follows
    # audited steps of their own (a supervisor's PIN checked, a sign-in audited first): only an
    # event about that kind claims the key. None: the first event does.
    entity: str | None = None


_submit: ContextVar[SubmitKey | None] = ContextVar("submit_key", default=None)
_CLAIMED = "submit_key_claimed"


@contextmanager
def submitting(key: SubmitKey) -> Iterator[None]:
    token = _submit.set(key)
    try:
        yield
    finally:
        _submit.reset(token)


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object,
    at: datetime,
    **detail: object,
) -> AuditEvent:
    """Add an audit event to ``session``'s transaction (committed, or rolled back, with the change),
    chained on the one before it (kiosk.services.audit_chain)."""
    event = AuditEvent(
        at=at,
        actor=actor.label,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        detail=json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str),
    )
    audit_chain.seal(session, event)  # before it is added: an event is never updated
    session.add(event)
    submit = _submit.get()
    if submit is not None and not session.info.get(_CLAIMED) and submit.entity in (None, entity):
        session.info[_CLAIMED] = True  # the first change of the transaction names the record
        session.add(
            IdempotentReply(
                station_id=submit.station_id,
                key=submit.key,
                action=submit.action,
                status_code=0,
                body=json.dumps({"entity": entity, "entity_id": str(entity_id)}),
                created_at=at,
            )
        )
    return event
