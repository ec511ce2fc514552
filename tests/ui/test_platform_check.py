from __future__ import annotations

import pytest

from kiosk.ui import platform_check
from kiosk.ui.platform_check import SystemSetupError, check_platform


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
