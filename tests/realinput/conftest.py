"""The real-input layer's X servers: Xvfb at a kiosk screen's size with a window manager, started
once for the layer, and one at a desk monitor's for the desk console; each window's scenarios run
in a process of their own on it (scenarios.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREEN = "1080x1920x24"  # the kiosk's portrait touchscreen
# A desk's landscape monitor: the console opens at its 1280x800 with openbox's frame around it, and
# has room to be seen at 1366x768 too (the desk_pages scenario).
DESK_SCREEN = "1440x900x24"
WM_READY_S = 10.0
SCENARIO_TIMEOUT_S = 90


def _needed(program: str, package: str) -> str:
    path = shutil.which(program)
    assert path, (
        f"{program} is needed for the real-input tests: sudo apt-get install {package} (installer/debian-packages-test.txt)"
    )
    return path


@contextmanager
def x_server(screen: str) -> Iterator[str]:
    """``:N`` of a fresh Xvfb of ``screen`` (WIDTHxHEIGHTxDEPTH) with openbox managing it; both
    stopped on leaving."""
    xvfb = _needed("Xvfb", "xvfb")
    openbox = _needed("openbox", "openbox")
    xdotool = _needed("xdotool", "xdotool")
    read_fd, write_fd = os.pipe()
    # -displayfd: Xvfb picks a free display itself and writes its number once it accepts clients.
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", screen, "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    manager: subprocess.Popen[bytes] | None = None
    try:
        with os.fdopen(read_fd) as displayfd:
            number = displayfd.readline().strip()
        assert number.isdigit(), "Xvfb did not report its display"
        display = f":{number}"
        env = {**os.environ, "DISPLAY": display}
        manager = subprocess.Popen(
            [openbox, "--sm-disable"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        # openbox is ready once it publishes the EWMH desktop; xdotool asks for just that.
        deadline = time.monotonic() + WM_READY_S
        while subprocess.run([xdotool, "get_desktop"], env=env, capture_output=True, check=False).returncode:
            assert manager.poll() is None, "openbox exited at start"
            assert time.monotonic() < deadline, f"openbox did not start within {WM_READY_S:.0f} s"
            time.sleep(0.02)
        yield display
    finally:
        for process in (manager, server):
            if process is not None:
                process.terminate()
                process.wait(timeout=10)


@pytest.fixture(scope="package")
def x_display() -> Iterator[str]:
    """The kiosk's screen (the guard window opens on it too), for the whole layer."""
    with x_server(SCREEN) as display:
        yield display


@pytest.fixture(scope="module")
def desk_display() -> Iterator[str]:
    """A desk's monitor, for the desk console's run."""
    with x_server(DESK_SCREEN) as display:
        yield display


def run_scenario(display: str, role: str, shots: Path, *asked: str) -> dict[str, Any]:
    """Open the ``role`` window on ``display`` through Qt's xcb platform, run its scenarios
    (scenarios.py; ``asked``: the extra pictures it offers) and return its JSON report.

    A scenario saves a picture of the screen into ``shots`` whenever what it waits for does not
    come, and names it in the report.
    """
    # The process chooses its input method as `kiosk run` does (the on-screen keyboard for the
    # kiosk only), and reads no configuration of the user's: demo mode.
    inherited = {
        "WAYLAND_DISPLAY",
        "QT_IM_MODULE",
        "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE",
        "KIOSK_DATABASE_URL",
    }
    env = {k: v for k, v in os.environ.items() if k not in inherited}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
    for variable in ("XDG_CONFIG_HOME", "XDG_CONFIG_DIRS", "XDG_DATA_HOME"):
        env[variable] = str(shots / "xdg" / variable.lower())
    result = subprocess.run(
        [sys.executable, "-m", "tests.realinput.scenarios", role, str(shots), *asked],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=SCENARIO_TIMEOUT_S,
        check=False,
    )
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0 and lines, (
        f"the {role} scenarios failed (exit {result.returncode}); screen pictures in {shots}\n{result.stderr[-4000:]}"
    )
    report: dict[str, Any] = json.loads(lines[-1])
    return report
