"""The public kiosk's wrong tries, counted around the routes where a code or a name is tried."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from kiosk.domain.errors import ValidationError
from kiosk.server.context import Caller, ServerContext
from kiosk.services.throttle import TryKind

# The refusals that count as a wrong try: a code or name that matches nothing, a card refused.
# A typo the kiosk itself would have caught (a code of the wrong length) and an honest visitor's
# state (an invitation already used, an old unsigned badge) do not.
WRONG: dict[TryKind, frozenset[tuple[str, str]] | None] = {
    TryKind.INVITATION: frozenset({("invitation_code", "unknown")}),
    TryKind.BADGE: frozenset({("badge", "unknown")}),
    TryKind.NAME: frozenset({("checkout", "no_match")}),
    TryKind.CARD: None,  # every refusal of a tapped card ("card", ...)
    TryKind.PERMIT: frozenset({("permit", "unknown")}),  # an expired one is no guess
}


def _wrong(kind: TryKind, error: ValidationError) -> bool:
    counted = WRONG[kind]
    if counted is None:
        return error.field == "card"
    return (error.field, error.code) in counted


@contextmanager
def counted_tries(context: ServerContext, caller: Caller, kind: TryKind) -> Iterator[None]:
    """Refuse at once while the calling station must wait; count the body's wrong try.

    Only a station no one is signed in at (the public kiosk) is counted: a clerk at the desk who
    mistypes is not guessing, and the desk's own checks are audited where they are made.
    """
    if caller.staff is not None:
        yield
        return
    throttle = context.core.throttle
    station = caller.station.name
    throttle.check(station)
    try:
        yield
    except ValidationError as error:
        if not _wrong(kind, error):
            raise
        if throttle.failed(station, kind, caller.actor):
            context.events.publish("board")  # the desks' boards show the alert
        throttle.check(station)  # the try that made the station wait says so at once
        raise
