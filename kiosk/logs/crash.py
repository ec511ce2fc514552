"""A crash in the log: the uncaught exception's stack at CRITICAL with a line of the station's
state (role, station, site, server, version, what its window shows), then what Python did before.

The state holds no personal data: names of things (the station, the page's object name), never
what anyone typed. The UI layer tells what is shown through :func:`set_screen_reporter`; this
module knows nothing of Qt.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

log = logging.getLogger("kiosk.crash")

# Filled in as the process learns them: role, version, site, station, server.
_state: dict[str, str] = {}
_screen: list[Callable[[], str]] = []
_previous: dict[str, object] = {}


def set_state(**values: str) -> None:
    _state.update(values)


def set_screen_reporter(report: Callable[[], str] | None) -> None:
    """``report()`` says what the window shows (e.g. ``kioskWindow/identityPage``); None: no window."""
    _screen[:] = [report] if report is not None else []


def state_line() -> str:
    """``role=kiosk station=kiosk-lobby site=demo server=https://... version=0.1.0 screen=...``."""
    parts = [f"{key}={value}" for key, value in _state.items()]
    if _screen:
        try:
            shown = _screen[0]()
        except Exception as exc:  # a window half torn down must not hide the crash being logged
            shown = f"unknown ({type(exc).__name__})"
        parts.append(f"screen={shown or '-'}")
    return " ".join(parts) or "(no state yet)"


def log_crash(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    thread: str | None = None,
) -> None:
    where = f" in thread {thread}" if thread else ""
    log.critical(
        "unhandled %s%s; state: %s", exc_type.__name__, where, state_line(), exc_info=(exc_type, exc, tb)
    )


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if not issubclass(exc_type, KeyboardInterrupt):  # Ctrl-C is no crash
        log_crash(exc_type, exc, tb)
    previous = _previous.get("sys")
    # Python's own hook would print the traceback the log's stderr handler just printed; another
    # one (a test harness's) still gets it. Either way Python then goes on as it did before: a
    # main thread ends the process, an exception in a Qt slot is reported and the window stays.
    if issubclass(exc_type, KeyboardInterrupt) or previous not in (None, sys.__excepthook__):
        assert callable(previous)
        previous(exc_type, exc, tb)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:  # as threading's own hook: a thread that exits is no crash
        return
    name = args.thread.name if args.thread is not None else None
    assert args.exc_value is not None
    log_crash(args.exc_type, args.exc_value, args.exc_traceback, name)
    previous = _previous.get("threading")
    if previous not in (None, threading.__excepthook__):
        assert callable(previous)
        previous(args)


def install() -> None:
    """Log uncaught exceptions of every thread (once; :func:`uninstall` restores the hooks)."""
    if _previous:
        return
    _previous["sys"] = sys.excepthook
    _previous["threading"] = threading.excepthook
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook


def uninstall() -> None:
    """Put back the hooks :func:`install` replaced, if they are still ours; forget the state."""
    if _previous:
        if sys.excepthook is _excepthook:
            sys.excepthook = _previous["sys"]  # type: ignore[assignment]
        if threading.excepthook is _thread_hook:
            threading.excepthook = _previous["threading"]  # type: ignore[assignment]
        _previous.clear()
    _state.clear()
    _screen.clear()
