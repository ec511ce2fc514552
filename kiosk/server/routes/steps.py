"""What the registers' routes share: a change to one record in the signed-in member's name (the
service checks their role again), stored once however often the desk sends it; a retry whose
first try stored its change but lost its reply is answered with the record as it stands."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from fastapi.responses import JSONResponse

from kiosk.app import KioskApp
from kiosk.server.context import Caller, ServerContext
from kiosk.server.idempotency import idempotent
from kiosk.services.staff import SignedIn

S = TypeVar("S")
V = TypeVar("V")


class RecordStep(Generic[S, V]):
    """``step(context, caller, key, action, change)`` runs ``change(service, member)`` once per
    (station, key), publishing ``topics``; ``read(service, id)`` answers a replay. One per kind of
    record a register changes (an item, a loan, a shortfall)."""

    def __init__(
        self,
        service_of: Callable[[KioskApp], S],
        read: Callable[[S, int], V],
        entity: str | None,
        topics: Sequence[str],
    ) -> None:
        self._service_of = service_of
        self._read = read
        self._entity = entity
        self._topics = tuple(topics)

    def __call__(
        self,
        context: ServerContext,
        caller: Caller,
        key: str | None,
        action: str,
        change: Callable[[S, SignedIn], V],
    ) -> JSONResponse:
        service, read = self._service_of(context.core), self._read
        return idempotent(
            context,
            caller,
            key,
            action,
            lambda: change(service, caller.member),
            lambda made: read(service, int(made)),
            entity=self._entity,
            topics=self._topics,
        )
