"""Fail loudly, naming the missing package, instead of showing a blank window or aborting in Qt."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping

# Shared library -> the Debian package that provides it (Qt's xcb platform plugin needs them).
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
}


class SystemSetupError(RuntimeError):
    """The machine lacks something the kiosk needs; the message says what and how to add it."""


def _loadable(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def check_platform(environ: Mapping[str, str] | None = None) -> None:
    """Before QApplication: make sure Qt's platform plugin can start on this machine."""
    env = os.environ if environ is None else environ
    platform = env.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform.startswith(("offscreen", "minimal", "vnc")):
        return
    if platform.startswith("wayland") or (
        not platform and env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY")
    ):
        return
    if not env.get("DISPLAY"):
        raise SystemSetupError(
            "no screen: DISPLAY is not set. Start the kiosk from the desktop session, or test "
            "without a screen with QT_QPA_PLATFORM=offscreen kiosk run --smoke"
        )
    missing = sorted({pkg for lib, pkg in XCB_LIBRARIES.items() if not _loadable(lib)})
    if missing:
        raise SystemSetupError(
            "missing system libraries for Qt's xcb platform plugin: "
            + ", ".join(missing)
            + f". Install them with: sudo apt-get install {' '.join(missing)}"
        )
