"""Time, injectable so tests can stand at 19:59 or on a Monday."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FrozenClock:
    """A clock standing at one moment (screenshots and demos show a daytime lobby whenever run)."""

    def __init__(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("FrozenClock needs an aware datetime")
        self._moment = moment.astimezone(UTC)

    def now(self) -> datetime:
        return self._moment


class ManualClock(FrozenClock):
    """A clock standing at one moment until it is set to another: `kiosk screenshots` stands it
    in a daytime lobby, and walks it through last month to make that month through the services."""

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self._moment = moment.astimezone(UTC)
