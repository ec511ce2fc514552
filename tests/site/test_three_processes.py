"""The site as it is deployed: the server, a kiosk and a desk, three OS processes on loopback,
each station enrolled with a one-time code and talking to the server over TLS. A check-in at the
kiosk is on the desk's board within a second; the desk approves; the kiosk prints the badge."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
KIOSK = str(Path(sys.executable).with_name("kiosk"))
VISITOR = "张伟"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "KIOSK_"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
    )
    return env


def steps(process: subprocess.Popen[str]) -> Iterator[dict[str, Any]]:
    stream: IO[str] | None = process.stdout
    assert stream is not None
    for line in stream:
        if line.startswith("{"):
            yield json.loads(line)
        else:
            yield {"output": line}


def next_step(reader: Iterator[dict[str, Any]], wanted: str) -> dict[str, Any]:
    said: list[str] = []
    for step in reader:
        if "step" not in step:
            said.append(step["output"])
            continue
        assert step["step"] != "timeout", step
        if step["step"] == wanted:
            return step
    raise AssertionError(f"the station stopped before {wanted}:\n" + "".join(said[-40:]))


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    home = tmp_path / "server"
    port = free_port()
    process = subprocess.Popen(
        [KIOSK, "serve", "--listen", f"127.0.0.1:{port}"],
        env=environment(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if "site server on https://" in line:
                break
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline and process.poll() is None, "the server did not start"
                time.sleep(0.05)
        yield f"https://127.0.0.1:{port}", home
    finally:
        process.terminate()
        process.wait(10)


def enrol(server: tuple[str, Path], role: str, home: Path) -> None:
    url, server_home = server
    added = subprocess.run(
        [KIOSK, "station", "add", "--role", role, "--name", f"{role}-1"],
        env=environment(server_home),
        capture_output=True,
        text=True,
        check=True,
    )
    code = added.stdout.splitlines()[0].split()[-1]
    subprocess.run([KIOSK, "enrol", url, code], env=environment(home), check=True, capture_output=True)


def station(role: str, home: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.site.station_process", role, VISITOR],
        env=environment(home),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.mark.heavy
def test_check_in_at_the_kiosk_reaches_the_desk_board_and_the_badge_prints(
    server: tuple[str, Path], tmp_path: Path
) -> None:
    kiosk_home, desk_home = tmp_path / "kiosk", tmp_path / "desk"
    enrol(server, "kiosk", kiosk_home)
    enrol(server, "desk", desk_home)
    # The stations keep their enrolment and nothing of the server's: no key, no database.
    for home in (kiosk_home, desk_home):
        written = sorted(p.relative_to(home).as_posix() for p in home.rglob("*") if p.is_file())
        assert written == ["config/lobby-kiosk/server-cert.pem", "config/lobby-kiosk/station.json"]
    desk = station("desk", desk_home)
    kiosk = station("kiosk", kiosk_home)
    try:
        desk_steps, kiosk_steps = steps(desk), steps(kiosk)
        next_step(desk_steps, "ready")
        submitted = next_step(kiosk_steps, "submitting")
        on_board = next_step(desk_steps, "on_board")
        assert on_board["at"] - submitted["at"] < 1.0, "the check-in took over a second to reach the board"
        next_step(desk_steps, "approved")
        next_step(kiosk_steps, "done")
        assert desk.wait(20) == 0 and kiosk.wait(20) == 0
    finally:
        for process in (desk, kiosk):
            if process.poll() is None:
                process.kill()
    badges = list((kiosk_home / "data" / "lobby-kiosk" / "printer-out").glob("*.png"))
    assert badges, "the kiosk's printer printed nothing"
    # Neither station wrote a key or a database while it ran.
    for home in (kiosk_home, desk_home):
        assert not [
            p for p in home.rglob("*") if p.suffix in (".key", ".db") or p.name.startswith("kiosk.db")
        ]
