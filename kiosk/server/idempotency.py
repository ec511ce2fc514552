"""A submit sent again (the answer was lost, the station retried) is stored once and answered the
same way: the station sends an Idempotency-Key with each submit, and the server keeps the reply."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from typing import Any

from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kiosk.server.context import Caller, ServerContext
from kiosk.server.problems import ProblemError
from kiosk.storage.models import IdempotentReply

IN_PROGRESS = 0


def idempotent(
    context: ServerContext, caller: Caller, key: str | None, action: str, run: Callable[[], Any]
) -> JSONResponse:
    """Run ``run`` once per (station, key): the key is reserved first, the reply stored after.
    A retry that finds the reply gets it again; one that finds the reservation still open (the
    first is still running, or the server stopped between the two commits) is told to wait."""
    if not key:
        return JSONResponse(_encode(run()))
    sessions = context.core.database.sessions
    station_id = caller.station.station_id
    now = context.core.clock.now()
    try:
        with sessions.begin() as session:
            session.add(
                IdempotentReply(
                    station_id=station_id,
                    key=key,
                    action=action,
                    status_code=IN_PROGRESS,
                    body="",
                    created_at=now,
                )
            )
    except IntegrityError:
        with sessions() as session:
            stored = session.scalar(
                select(IdempotentReply).where(
                    IdempotentReply.station_id == station_id, IdempotentReply.key == key
                )
            )
        if stored is None or stored.status_code == IN_PROGRESS:
            raise ProblemError("conflict", "This submit is still being handled; try again") from None
        if stored.action != action:
            raise ProblemError("conflict", "This Idempotency-Key was used for another action") from None
        return JSONResponse(json.loads(stored.body), status_code=stored.status_code)
    try:
        body = _encode(run())
    except Exception:
        # Refused or failed: nothing was stored, so the same key may be tried again.
        with sessions.begin() as session:
            session.query(IdempotentReply).filter_by(station_id=station_id, key=key).delete()
        raise
    with sessions.begin() as session:
        row = session.scalar(
            select(IdempotentReply).where(
                IdempotentReply.station_id == station_id, IdempotentReply.key == key
            )
        )
        if row is not None:
            row.status_code = 200
            row.body = json.dumps(body, ensure_ascii=False)
    return JSONResponse(body)


def _encode(value: Any) -> Any:
    return jsonable_encoder(asdict(value) if is_dataclass(value) and not isinstance(value, type) else value)
