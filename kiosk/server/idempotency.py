"""A submit sent again (the answer was lost, the station retried) is stored once and answered the
same way: the station sends an Idempotency-Key with each submit.

The key is claimed inside the transaction of the change itself (``kiosk.services.audit``: the
first audit event of the change adds the key's row), so a server stopped at any moment leaves
either both or neither. A retry that finds the key answers from the record the first try made
(``replay``). Two tries at once: the second's transaction fails on the key's unique
constraint and rolls back whole, then answers as a retry.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, is_dataclass
from typing import Any

from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from kiosk.server.context import Caller, ServerContext
from kiosk.server.problems import ProblemError
from kiosk.services.audit import SubmitKey, submitting
from kiosk.storage.models import IdempotentReply

CLAIMED = 0  # the change is stored (its record named in the body)


def idempotent(
    context: ServerContext,
    caller: Caller,
    key: str | None,
    action: str,
    run: Callable[[], Any],
    replay: Callable[[str], Any],
    *,
    entity: str | None = None,
    topics: Sequence[str] = (),
) -> JSONResponse:
    """Run ``run`` once per (station, key); ``replay(entity_id)`` answers a retry whose first try
    stored its change but not its reply. ``entity``: the kind of record it makes, when other
    audited steps come first (``SubmitKey.entity``). ``topics``: the events published once the
    change is made (the pages showing it read again); a replay changed nothing and publishes none."""
    if topics:
        run = _publishing(context, run, topics)
    if not key:
        return JSONResponse(_encode(run()))
    submit = SubmitKey(caller.station.station_id, key, action, entity)
    stored = _stored(context, submit)
    if stored is not None:
        return _answer(stored, action, replay)
    try:
        with submitting(submit):
            result = run()
    except IntegrityError:
        stored = _stored(context, submit)
        if stored is None:
            raise
        return _answer(stored, action, replay)
    except Exception:
        # Refused: a refusal may have committed its own audit event, and with it the key; the
        # same key may be tried again (nothing was made).
        _forget(context, submit)
        raise
    # The reply is not stored: a retry derives it from the record (one write fewer per submit,
    # and the retry hears the record as it is now, decided meanwhile or not).
    return JSONResponse(_encode(result))


def _publishing(context: ServerContext, run: Callable[[], Any], topics: Sequence[str]) -> Callable[[], Any]:
    def run_and_publish() -> Any:
        result = run()
        for topic in topics:
            context.events.publish(topic)
        return result

    return run_and_publish


def _stored(context: ServerContext, submit: SubmitKey) -> IdempotentReply | None:
    with context.core.database.sessions.reads() as session:
        row = session.scalar(
            select(IdempotentReply).where(
                IdempotentReply.station_id == submit.station_id, IdempotentReply.key == submit.key
            )
        )
        if row is not None:
            session.expunge(row)
        return row


def _answer(stored: IdempotentReply, action: str, replay: Callable[[str], Any]) -> JSONResponse:
    if stored.action != action:
        raise ProblemError("conflict", "This Idempotency-Key was used for another action")
    made = json.loads(stored.body)
    return JSONResponse(_encode(replay(str(made["entity_id"]))))


def _forget(context: ServerContext, submit: SubmitKey) -> None:
    with context.core.database.sessions.begin() as session:
        session.execute(
            delete(IdempotentReply).where(
                IdempotentReply.station_id == submit.station_id,
                IdempotentReply.key == submit.key,
                IdempotentReply.status_code == CLAIMED,
            )
        )


def _encode(value: Any) -> Any:
    return jsonable_encoder(asdict(value) if is_dataclass(value) and not isinstance(value, type) else value)
