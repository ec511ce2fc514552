"""Shared fixtures: every test gets its own config and data folders, a fixed clock and fakes."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.app import KioskApp, build_app
from kiosk.config import Config, load_config
from kiosk.devices.fakes import FakePrinter, MemoryEncoder
from kiosk.ui.kiosk.keyboard import enable_virtual_keyboard


def pytest_configure(config: pytest.Config) -> None:
    # The kiosk's on-screen keyboard is an input method chosen before QApplication exists; the
    # tests run with it as the lobby does.
    enable_virtual_keyboard()
    # Python's garbage collector may run at any allocation, also inside a Qt slot or event
    # filter, and delete a window (and with it the object whose code is running) or an object a
    # worker thread still uses: PySide then crashes. Collected only between tests, after the
    # widgets are gone and the workers idle (qt_leftovers_collected below).
    gc.disable()


@pytest.fixture(autouse=True)
def qt_leftovers_collected() -> Iterator[None]:
    """After each test: wait for background work, delete top-level widgets left over, collect."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    instance = QCoreApplication.instance()
    if isinstance(instance, QApplication):
        from kiosk.ui.common.background import wait_for_background

        wait_for_background(10_000)
        for widget in QApplication.topLevelWidgets():
            widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        instance.processEvents()
        wait_for_background(10_000)
    # Everything a test allocated is still in the youngest generation (collection is off), so
    # generations 0 and 1 hold its garbage; a full collection each test doubled the run time.
    gc.collect(1)


class FixedClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, now: datetime) -> None:
        self._now = now

    def now(self) -> datetime:
        return self._now

    def advance(self, **delta: float) -> None:
        self._now += timedelta(**delta)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """platformdirs looks under these, so no test touches the real user's files."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "xdg-etc"))
    monkeypatch.delenv("KIOSK_DATABASE_URL", raising=False)
    return tmp_path


@pytest.fixture
def config(tmp_path: Path) -> Config:
    """Demo-mode defaults, the site in Shanghai, the database in the test's folder."""
    # English, so assertions read the source strings; Chinese is tested where it is the point.
    return replace(load_config(), timezone="Asia/Shanghai", fullscreen=False, language="en")


@pytest.fixture
def clock() -> FixedClock:
    # 2026-11-25 10:00 in Shanghai.
    return FixedClock(datetime(2026, 11, 25, 2, 0, tzinfo=UTC))


@pytest.fixture
def printer() -> FakePrinter:
    return FakePrinter(paper_width_mm=80)


@pytest.fixture
def app(config: Config, printer: FakePrinter, clock: FixedClock) -> Iterator[KioskApp]:
    built = build_app(config, "kiosk", printer=printer, encoder=MemoryEncoder(), clock=clock)
    yield built
    built.close()
