"""PIN signatures typed at a console by someone other than the member signed in there (the
incoming clerk at a handover, the company member signing passes out, the machine-room duty guard).

Each is checked on the server as a sign-in (and counts towards that account's lock-out); the
station's tries are limited as well, in the same sliding window as its sign-ins, so a console
cannot be used to guess PINs across many accounts one signature at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from kiosk.domain.errors import ValidationError
from kiosk.server.context import Caller, ServerContext
from kiosk.server.problems import ProblemError

PURPOSE = "pin_signature"


@contextmanager
def pin_signature(context: ServerContext, caller: Caller) -> Iterator[None]:
    """Around a service call that checks a typed PIN: refused at once after too many wrong ones
    at this station; a wrong one (or an unknown staff number) counted."""
    station_id = caller.station.station_id
    if not context.sessions.try_allowed(station_id, PURPOSE):
        raise ProblemError(
            "too_many_tries", "Too many wrong PIN signatures at this station; wait a few minutes"
        )
    try:
        yield
    except ValidationError as exc:
        if exc.field == "credentials":
            context.sessions.failed_try(station_id, PURPOSE)
        raise
