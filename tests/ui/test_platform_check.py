from __future__ import annotations

import pytest

from kiosk.ui.common import platform_check
from kiosk.ui.common.platform_check import SystemSetupError, check_platform


def test_offscreen_needs_nothing() -> None:
    check_platform({"QT_QPA_PLATFORM": "offscreen"})


def test_no_display_is_explained() -> None:
    with pytest.raises(SystemSetupError, match="DISPLAY is not set"):
        check_platform({})


def test_missing_xcb_library_is_named_with_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    libraries = {**platform_check.XCB_LIBRARIES, "libxcb-nonexistent.so.9": "libxcb-nonexistent9"}
    monkeypatch.setattr(platform_check, "XCB_LIBRARIES", libraries)
    with pytest.raises(SystemSetupError) as info:
        check_platform({"DISPLAY": ":0"})
    assert "libxcb-nonexistent9" in str(info.value)
    assert "sudo apt-get install" in str(info.value)


def test_installed_libraries_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    # libc is on every machine: a check that only finds present libraries must pass.
    monkeypatch.setattr(platform_check, "XCB_LIBRARIES", {"libc.so.6": "libc6"})
    check_platform({"DISPLAY": ":0"})


def test_emitting_signals_does_not_leak_references_to_true() -> None:
    """PySide6 6.12.0 dropped a reference to True on every Signal.emit() from Python: a kiosk
    aborted after some thousands of key presses. pyproject.toml excludes it; this keeps it out."""
    import sys

    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        happened = Signal()

    emitter = Emitter()
    before = sys.getrefcount(True)
    for _ in range(1000):
        emitter.happened.emit()
    assert abs(sys.getrefcount(True) - before) < 50
