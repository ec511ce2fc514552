"""Named crash points for the kill -9 tests (tests/faults): where a process may die for real.

``crash_point(name)`` does nothing unless the environment variable ``KIOSK_TEST_CRASH_AT`` names
that point: then the process sends itself SIGKILL there, as a power cut or ``kill -9`` would stop
it (no ``finally``, no ``atexit``, no flush of Python's buffers). The variable is read once, at
import: a point in a hot loop costs one comparison.

A module of its own beside the layers, importing nothing of the project: points sit in the
devices (a card's block writes), the client (a station's printer), the services and the server,
and every layer may call it.
"""

from __future__ import annotations

import os
import signal
import sys

ENV = "KIOSK_TEST_CRASH_AT"
# Written to stderr just before the kill, so a test knows the process died at that point.
MARKER = "kiosk-crash-point:"


class _Armed:
    point = os.environ.get(ENV, "")


def arm(point: str) -> None:
    """Die at ``point`` from now on: for a process forked from one that imported this module
    before the variable was set (the tests' fork server, which imports the program once)."""
    _Armed.point = point


def crash_point(name: str) -> None:
    """Die here by SIGKILL when ``KIOSK_TEST_CRASH_AT`` is ``name``; otherwise nothing."""
    if _Armed.point and name == _Armed.point:
        sys.stderr.write(f"{MARKER} {name}\n")
        sys.stderr.flush()
        os.kill(os.getpid(), signal.SIGKILL)
