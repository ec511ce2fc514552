"""A network request must never run on the GUI thread: a LAN stall would freeze the window.

The client knows no Qt, so the UI installs the check (``kiosk.ui.common.operations`` does, with
``assert_not_gui_thread``) and every request calls :func:`check_not_gui_thread` first. Without a
UI (the ``kiosk enrol`` command, the server's own tests) no check is installed and it does nothing.
"""

from __future__ import annotations

from collections.abc import Callable

_installed: list[Callable[[], None]] = []  # the one check, once installed


def set_gui_thread_check(check: Callable[[], None] | None) -> None:
    """Install ``check`` (it raises when called on the GUI thread); ``None`` removes it."""
    _installed[:] = [check] if check is not None else []


def check_not_gui_thread() -> None:
    """Call at the top of every request: raises (RuntimeError) if this is the GUI thread."""
    for check in _installed:
        check()
