"""Time, injectable (the values live in the domain, shared with the stations)."""

from kiosk.domain.clock import Clock, FrozenClock, ManualClock, SystemClock

__all__ = ["Clock", "FrozenClock", "ManualClock", "SystemClock"]
