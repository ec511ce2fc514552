"""Windows open and close while thousands of background operations finish and the garbage
collector is forced from a timer, from a thread of its own and from the workers themselves.

Run by tests/ui/test_gc_stress.py in a process of its own, so that a crash (SIGSEGV in
"Garbage-collecting") fails that test instead of killing the run. Exit code 0: no crash, no
window, widget or pending operation left over, and no Qt object left for the collector to
destroy. Any other outcome: an AssertionError (exit code 1) or the signal that killed it.
"""

from __future__ import annotations

import faulthandler
import gc
import logging
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

ROUNDS = 8
OPERATIONS_PER_ROUND = 250  # 2000 in all


class _Cycle:
    """Garbage only the collector frees, so that every collection has work to do."""

    def __init__(self) -> None:
        self.me = self


def _garbage(n: int) -> None:
    for _ in range(n):
        _Cycle()


def _collect_until(stop: threading.Event) -> None:
    while not stop.is_set():
        _garbage(50)
        gc.collect()
        time.sleep(0.001)


def main() -> None:
    faulthandler.enable()
    home = tempfile.mkdtemp(prefix="kiosk-gc-stress-")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CONFIG_DIRS"):
        os.environ[name] = os.path.join(home, name)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    assert gc.isenabled()

    from kiosk.ui.kiosk.keyboard import enable_virtual_keyboard

    enable_virtual_keyboard()  # the kiosk window as the lobby has it, QML threads and all

    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget
    from shiboken6 import Shiboken

    qt = QApplication([])

    from kiosk.app import build_app
    from kiosk.config import load_config
    from kiosk.devices.fakes import FakePrinter, MemoryEncoder
    from kiosk.domain.station import StationRole
    from kiosk.ui.common.background import call_in_gui, in_flight, run_in_background, wait_for_background
    from kiosk.ui.console.desk_window import DeskWindow
    from kiosk.ui.console.guard_window import GuardWindow
    from kiosk.ui.kiosk.window import KioskWindow
    from tests.stations import in_process_station

    config = replace(load_config(), timezone="Asia/Shanghai", fullscreen=False, language="en")
    app = build_app(config, "kiosk", printer=FakePrinter(paper_width_mm=80), encoder=MemoryEncoder())
    # Each window is a station of the site server on ``app`` (in-process), as in the lobby.
    stations = {role: in_process_station(app, role) for role in StationRole}

    def kiosk_window() -> QMainWindow:
        return KioskWindow(stations[StationRole.KIOSK])

    def desk_window() -> QMainWindow:
        return DeskWindow(stations[StationRole.DESK])

    def guard_window() -> QMainWindow:
        return GuardWindow(stations[StationRole.GUARD])

    logging.getLogger("kiosk.ui.common.background").setLevel(logging.CRITICAL)  # the refusals below
    # What the imports made stays out of every collection, so that a forced one is quick; all
    # the windows, pages, models and operations come after and are collected as usual.
    gc.freeze()

    def pump(seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            qt.processEvents()

    def live_qt_objects() -> Counter[str]:
        return Counter(
            type(o).__name__ for o in gc.get_objects() if isinstance(o, QObject) and Shiboken.isValid(o)
        )

    def delete_top_level_widgets() -> None:
        for widget in QApplication.topLevelWidgets():
            widget.close()
            widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qt.processEvents()

    # 1. Census: no window leaves a Qt object that only the collector could destroy. With
    # DEBUG_SAVEALL the collector frees nothing and lists what it would have freed; a Qt object
    # still alive in that list would be destroyed by the collector on whichever thread allocates.
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    for open_window in (kiosk_window, desk_window, guard_window):
        window: QMainWindow = open_window()
        if isinstance(window, DeskWindow):
            window.every_page()  # made when first shown: every one of them in the census
        window.show()
        pump(0.05)
        del window
        delete_top_level_widgets()
    gc.collect()
    alive = sorted({type(o).__name__ for o in gc.garbage if isinstance(o, QObject) and Shiboken.isValid(o)})
    gc.set_debug(0)
    gc.garbage.clear()
    assert not alive, f"Qt objects only the garbage collector would destroy: {alive}"

    before = live_qt_objects()

    # 2. Stress: the collector forced from a timer, a thread and the workers while windows come
    # and go and background work answers to them, to their pages and to widgets already deleted.
    stop = threading.Event()
    collector = threading.Thread(target=_collect_until, args=(stop,), name="collector")
    collector.start()
    timer = QTimer()
    timer.timeout.connect(gc.collect)
    timer.start(2)

    answered = [0]
    wrong_owner = [0]
    progress_seen = [0]

    def work(n: int, owner: QWidget) -> int:
        _garbage(20)
        call_in_gui(owner, lambda _step: progress_seen.__setitem__(0, progress_seen[0] + 1), "step")
        if n % 25 == 0:
            gc.collect()  # on a pool thread
        if n % 50 == 0:
            raise ValueError("refused")  # on_error is delivered the same way
        return n

    def answer(owner: QWidget) -> Callable[[Any], None]:
        def callback(_value: Any) -> None:
            if not Shiboken.isValid(owner):
                wrong_owner[0] += 1
            answered[0] += 1
            _garbage(5)

        return callback

    started = time.monotonic()
    for round_ in range(ROUNDS):
        windows: list[QMainWindow] = [kiosk_window(), desk_window()]
        if round_ % 2:
            windows.append(guard_window())
        for window in windows:
            window.show()
        desk = windows[1]
        assert isinstance(desk, DeskWindow)
        owners: list[QWidget] = [*windows, windows[0].centralWidget(), desk.board]
        for n in range(OPERATIONS_PER_ROUND):
            owner: QWidget = owners[n % len(owners)]
            if n == OPERATIONS_PER_ROUND // 2 and round_ % 2:
                # Pages made while the work runs and the collector is forced from other threads,
                # as a desk makes a page the first time it is shown.
                owners += desk.every_page()
            if n % 5 == 0:  # a label that is gone before its answer comes
                owner = QLabel(owner)
                QTimer.singleShot(0, owner.deleteLater)
            run_in_background(owner, lambda n=n, owner=owner: work(n, owner), answer(owner), answer(owner))
        pump(0.02)
        del owner, owners, window, windows, desk
        delete_top_level_widgets()  # most of this round's work is still running or queued
    wait_for_background(30_000)
    deadline = time.monotonic() + 10
    while in_flight() and time.monotonic() < deadline:
        qt.processEvents()
    timer.stop()
    stop.set()
    collector.join()
    del timer
    delete_top_level_widgets()
    gc.collect()

    total = ROUNDS * OPERATIONS_PER_ROUND
    assert in_flight() == 0, f"{in_flight()} operations never answered"
    assert wrong_owner[0] == 0, f"{wrong_owner[0]} answers went to a deleted widget"
    assert 0 < answered[0] < total, "answers to deleted widgets must be skipped, the rest delivered"
    assert progress_seen[0] > 0
    assert not QApplication.topLevelWidgets(), QApplication.topLevelWidgets()
    assert not QApplication.allWidgets(), f"{len(QApplication.allWidgets())} widgets left over"
    # Nothing made per operation outlives it (the one inbox that receives finished work stays).
    left = live_qt_objects() - before - Counter(_Inbox=1)
    assert not left, f"Qt objects left over: {dict(left)}"
    for station in stations.values():
        station.close()
    app.close()
    print(
        f"gc stress: {total} operations, {answered[0]} answered, {ROUNDS} rounds of windows, "
        f"{time.monotonic() - started:.1f} s"
    )


if __name__ == "__main__":
    sys.exit(main())
