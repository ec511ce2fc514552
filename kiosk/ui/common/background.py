"""The one way the UI runs slow work (database, printer, encoder) off the GUI thread.

Lifetimes, so that Python's garbage collector never destroys a Qt object on a worker thread or
in the middle of its own call (it runs at any allocation, on whichever thread allocates, and
deletes the C++ side of any object Python owns):

- No Qt object is made per operation. A worker posts a ticket number to one long-lived inbox,
  which lives in the GUI thread; the queued signal carries only that number.
- Everything an operation holds (the widget that asked, the work, the callbacks, the outcome) is
  in a plain ticket kept in ``_pending`` until the inbox delivers it. A worker drops its own
  references before it posts, so all of it is released by the GUI thread, never by a worker.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from shiboken6 import Shiboken

from kiosk.ui.common.messages import log_failure

log = logging.getLogger(__name__)


T = TypeVar("T")


@dataclass(eq=False)
class _Ticket:
    owner: QObject
    work: Callable[[], Any] | None = None
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[Exception], None] | None = None
    what: str = "background task"  # names the work in the log when it fails
    # Set by whoever finished the work: which callback to call, with what.
    reply: tuple[Callable[[Any], None], Any] | None = None


# Ticket number -> ticket, from the moment work is handed over until the GUI thread delivered it.
# Single dict operations are atomic under the GIL; numbers come from one shared counter.
_pending: dict[int, _Ticket] = {}
_numbers = itertools.count(1)


class _Inbox(QObject):
    """The one receiver of finished work, in the GUI thread for the program's whole life."""

    arrived = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        # Queued also when posted from the GUI thread: a callback never runs inside its caller.
        self.arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int)
    def _deliver(self, number: int) -> None:
        ticket = _pending.pop(number)
        assert ticket.reply is not None
        callback, value = ticket.reply
        if Shiboken.isValid(ticket.owner):
            callback(value)


_inbox: list[_Inbox] = []  # the one inbox, once made
# The pool's work waits on the server, a printer or an encoder, not on the CPU: Qt's default of
# one thread per core (two on a kiosk PC) let two slow answers hold back every other request.
POOL_THREADS = 8
_inbox_lock = threading.Lock()


def _the_inbox() -> _Inbox:
    with _inbox_lock:
        if not _inbox:
            instance = QCoreApplication.instance()
            if instance is None:
                raise RuntimeError("background work needs the Qt application")
            inbox = _Inbox()
            inbox.moveToThread(instance.thread())  # first made by a worker: pushed to the GUI thread
            _inbox.append(inbox)
            pool = QThreadPool.globalInstance()
            pool.setMaxThreadCount(max(POOL_THREADS, pool.maxThreadCount()))
        return _inbox[0]


def _post(number: int) -> None:
    """Tell the GUI thread that pending ticket ``number`` has its reply."""
    _the_inbox().arrived.emit(number)


def _pend(ticket: _Ticket) -> int:
    number = next(_numbers)
    _pending[number] = ticket
    return number


def _settle(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    what: str,
) -> tuple[Callable[[Any], None], Any]:
    # A function of its own: the error's traceback holds this frame, which holds no ticket.
    try:
        return on_done, work()
    except Exception as exc:  # handed to the caller's on_error, never swallowed
        log_failure(log, what, exc)  # a refused entry at INFO, without names
        return on_error, exc


class _Task(QRunnable):
    # Holds only the ticket's number: the pool deletes the task on the worker thread.
    def __init__(self, number: int) -> None:
        super().__init__()
        self._number = number

    def run(self) -> None:
        ticket = _pending[self._number]
        assert ticket.work is not None and ticket.on_done is not None and ticket.on_error is not None
        ticket.reply = _settle(ticket.work, ticket.on_done, ticket.on_error, ticket.what)
        del ticket
        _post(self._number)


def run_in_background(
    owner: QObject,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    *,
    what: str = "background task",
) -> None:
    """Run ``work()`` on the thread pool; call ``on_done(result)`` or ``on_error(exc)`` on the GUI thread.

    The callbacks are skipped if ``owner`` (the widget that asked) has been destroyed meanwhile:
    a window closed while the printer was still answering must not be touched. A failure is
    logged as ``what`` failed (see ``log_failure``) before ``on_error`` gets it.
    """
    _the_inbox()  # made here, in the GUI thread, before any worker posts to it
    QThreadPool.globalInstance().start(_Task(_pend(_Ticket(owner, work, on_done, on_error, what))))


def call_in_gui(owner: QObject, callback: Callable[[T], None], value: T) -> None:
    """From any thread: ``callback(value)`` soon, on the GUI thread, unless ``owner`` has been
    destroyed by then. A worker reports progress this way instead of emitting a widget's signal,
    which races with the widget's deletion."""
    _post(_pend(_Ticket(owner, reply=(callback, value))))


def in_flight() -> int:
    """Operations handed over and not yet delivered (0 once everything has been answered)."""
    return len(_pending)


def wait_for_background(timeout_ms: int = 30000) -> bool:
    """Block until queued background work has finished (used on exit and by tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
