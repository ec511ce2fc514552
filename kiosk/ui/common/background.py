"""The one way the UI runs slow work (database, printer, encoder) off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import Shiboken

log = logging.getLogger(__name__)


class _Relay(QObject):
    # Lives in the GUI thread; emitting from the worker queues the call back onto it.
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # handed to the caller's on_error, never swallowed
            log.exception("background task failed")
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


_in_flight: set[_Relay] = set()


def run_in_background(
    owner: QObject,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> None:
    """Run ``work()`` on the thread pool; call ``on_done(result)`` or ``on_error(exc)`` on the GUI thread.

    The callbacks are skipped if ``owner`` (the widget that asked) has been destroyed meanwhile:
    a window closed while the printer was still answering must not be touched.
    """
    relay = _Relay()
    _in_flight.add(relay)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _in_flight.discard(relay)
        if Shiboken.isValid(owner):
            callback(value)

    relay.succeeded.connect(lambda result: finish(on_done, result))
    relay.failed.connect(lambda exc: finish(on_error, exc))
    QThreadPool.globalInstance().start(_Task(work, relay))


def wait_for_background(timeout_ms: int = 30000) -> bool:
    """Block until queued background work has finished (used on exit and by tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
