"""The kiosk command as installers, CI and administrators run it: real processes where starting
one is the point (the entry point, a window, a server, the platform), its ``main`` in this
process where only what a command does is (a Python with Qt costs two seconds of CPU to start)."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image


def kiosk(
    *args: str, env_extra: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


def run_cli(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``kiosk ARGS`` through its ``main`` in this process: the exit code and what it printed on
    stdout and stderr, as :func:`kiosk` gives them, with ``env_extra`` in the environment."""
    from kiosk.cli import main

    logger = logging.getLogger("kiosk")
    saved = (list(logger.handlers), logger.level, logger.propagate)
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        for name, value in (env_extra or {}).items():
            patch.setenv(name, value)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(list(args))
        except SystemExit as exit_:  # argparse's usage errors
            code = exit_.code if isinstance(exit_.code, int) else 2
        finally:
            from kiosk.logs import setup

            # main() gives the kiosk logger a handler on the stderr of its day (here: ``err``);
            # `run` and `serve` open a log file and hook crashes as well.
            setup.stop()
            logger.handlers[:], logger.level, logger.propagate = saved
            # `run` switches the process's language to the site's (Chinese by default) before it
            # meets a bad setting: later tests in this worker read English, as every test does.
            from PySide6.QtCore import QCoreApplication

            if QCoreApplication.instance() is not None:
                from kiosk.ui.common.i18n import set_language

                set_language("en")
    return subprocess.CompletedProcess(["kiosk", *args], code, out.getvalue(), err.getvalue())


@pytest.mark.heavy
@pytest.mark.parametrize(
    ("role", "window", "title"),
    [("kiosk", "kioskWindow", "大堂访客自助终端"), ("desk", "deskWindow", "大堂访客系统 — 前台")],
)
def test_smoke_run_shows_the_first_screen_and_exits_0(role: str, window: str, title: str) -> None:
    """In the default language, Chinese: the title says the translations were found."""
    result = kiosk("run", "--role", role, "--smoke")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-2:] == [f"first-frame {window}", f"title {title}"]


def test_db_upgrade_then_check_reports_no_drift(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    upgraded = run_cli("db", "upgrade", env_extra={"KIOSK_DATABASE_URL": url})
    assert upgraded.returncode == 0, upgraded.stderr
    from kiosk.storage.migrate import head_revision

    assert f"database at revision {head_revision()}" in upgraded.stdout
    checked = run_cli("db", "check", env_extra={"KIOSK_DATABASE_URL": url})
    assert checked.returncode == 0, checked.stderr
    assert "no drift" in checked.stdout


def test_db_copy_moves_a_site_to_postgresql_where_db_check_finds_no_drift(tmp_path: Path) -> None:
    """The two commands as an administrator runs them (refusals and the copy's contents are
    tested in-process in tests/storage/test_db_copy.py)."""
    from kiosk.storage import migrate
    from kiosk.storage.database import Database
    from tests.conftest import postgres_cluster

    site = {"KIOSK_DATABASE_URL": f"sqlite:///{tmp_path / 'site.db'}"}
    with Database.open(site["KIOSK_DATABASE_URL"]) as database:
        migrate.upgrade(database.engine)
    cluster = postgres_cluster()
    name = cluster.new_database(template=None)
    url = cluster.url(name)
    try:
        copied = run_cli("db", "copy", "--to", url, env_extra=site)
        assert copied.returncode == 0, copied.stderr
        assert "site_key_fingerprints" in copied.stdout and f'url = "{url}"' in copied.stdout
        checked = run_cli("db", "check", env_extra={"KIOSK_DATABASE_URL": url})
        assert checked.returncode == 0 and "no drift" in checked.stdout, checked.stderr
    finally:
        cluster.drop_database(name)


def test_a_server_refuses_a_database_newer_than_its_code(tmp_path: Path) -> None:
    from kiosk.storage import migrate
    from kiosk.storage.database import Database

    url = f"sqlite:///{tmp_path / 'newer.db'}"
    with Database.open(url) as database:
        migrate.upgrade(database.engine)
        with database.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00dfeed1234'")
    result = run_cli("serve", "--listen", "127.0.0.1:0", env_extra={"KIOSK_DATABASE_URL": url})
    assert result.returncode == 2, result.stderr
    assert "revision f00dfeed1234, which this version of the program does not know" in result.stderr
    assert "Traceback" not in result.stderr


def test_config_error_is_one_clear_line_not_a_traceback(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('[printer]\nurl = "escpos+serial:///dev/ttyNOPE"\n', encoding="utf-8")
    result = run_cli("run", "--smoke", "--config", str(config))
    assert result.returncode == 2
    assert "printer.url" in result.stderr and "/dev/ttyNOPE does not exist" in result.stderr
    assert "Traceback" not in result.stderr

    config.write_text('[kiosk]\nlanguag = "en"\n', encoding="utf-8")
    result = run_cli("db", "check", "--config", str(config))
    assert result.returncode == 2 and "kiosk.languag: unknown key" in result.stderr


def test_missing_screen_is_named_not_a_blank_window() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--smoke"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 3
    assert "DISPLAY is not set" in result.stderr


@pytest.mark.heavy
@pytest.mark.timeout(150)  # every screen in a process of its own; its own limit is 120 s
def test_screenshots_render_every_screen(tmp_path: Path) -> None:
    result = kiosk("screenshots", "--out", str(tmp_path / "shots"), timeout=120)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "shots").glob("*.png"))
    screens = [
        "desk-sign-in",
        "desk-board",
        "desk-print-queue",
        "desk-evacuation",
        "desk-watchlist",
        "desk-locked",
        *(
            f"kiosk-{page}"
            for page in (
                "welcome", "type", "identity", "identity-error", "host", "purpose", "declaration", "review",
                "waiting", "done", "done-not-printed", "waiting-hold", "declined", "check-out", "thank-you", "invitation", "invitation-error",
            )
        ),
    ]  # fmt: skip
    # Every screen named here, and whatever each console section adds, in both languages.
    assert set(names) >= {f"{screen}-{lang}.png" for screen in screens for lang in ("en", "zh_CN")}
    stems = {name.rsplit("-", 1)[0] for name in names}
    assert set(names) == {f"{stem}-{lang}.png" for stem in stems for lang in ("en", "zh_CN")}
    with Image.open(tmp_path / "shots" / "kiosk-welcome-zh_CN.png") as image:
        assert image.size == (1080, 1920)
        # Not a blank frame: the page has text and buttons in more than one colour.
        assert len(image.convert("RGB").getcolors(maxcolors=1 << 16) or []) > 10


@pytest.mark.heavy
def test_runs_through_the_real_xcb_platform_on_an_x_display(tmp_path: Path) -> None:
    """What `make run` does on a machine with a screen, on a virtual X server."""
    import shutil

    xvfb = shutil.which("Xvfb")
    assert xvfb, (
        "Xvfb is needed for this test: sudo apt-get install xvfb (installer/debian-packages-test.txt)"
    )
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as displayfd:
            display = displayfd.readline().strip()
        assert display.isdigit(), "Xvfb did not report its display"
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
        env["DISPLAY"] = f":{display}"
        for role, window in (("kiosk", "kioskWindow"), ("desk", "deskWindow")):
            result = subprocess.run(
                [sys.executable, "-m", "kiosk", "run", "--role", role, "--smoke"],
                capture_output=True,
                text=True,
                env=env,
                timeout=60,
                check=False,
            )
            assert result.returncode == 0, result.stderr
            assert f"first-frame {window}" in result.stdout
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize(
    "document", ["badge", "release-slip", "receipt", "reconciliation", "card-issue", "work-order"]
)
def test_print_sample_writes_bytes_and_a_picture(tmp_path: Path, document: str) -> None:
    from kiosk.devices.escpos.codec import parse_escpos

    out = tmp_path / f"{document}.bin"
    result = run_cli("print-sample", document, "--lang", "en", "--width", "58", "--out", str(out))
    assert result.returncode == 0, result.stderr
    printout = parse_escpos(out.read_bytes())
    assert printout.cuts() >= 1 and "示例大厦 Demo Tower" in printout.text_lines()
    with Image.open(tmp_path / f"{document}.bin.png") as image:
        assert image.width == 384


def test_emulated_network_printer_from_the_command_line(tmp_path: Path) -> None:
    import socket
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "emulate",
            "printer",
            "--port",
            str(port),
            "--out",
            str(tmp_path / "out"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert server.stdout is not None
        assert f"127.0.0.1:{port}" in server.stdout.readline()
        sample = tmp_path / "receipt.bin"
        assert run_cli("print-sample", "receipt", "--out", str(sample)).returncode == 0
        with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
            conn.sendall(sample.read_bytes())
        png = tmp_path / "out" / "000001.png"
        deadline = time.monotonic() + 10
        while not png.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert (tmp_path / "out" / "000001.bin").read_bytes() == sample.read_bytes()
        assert png.read_bytes().startswith(b"\x89PNG")
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_output_piped_into_a_reader_that_stops_ends_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`kiosk purge --dry-run | head -1`: the reader is gone after a line; no traceback."""
    from kiosk.cli import EXIT_BROKEN_PIPE, main

    monkeypatch.setenv("KIOSK_DATABASE_URL", f"sqlite:///{tmp_path / 'site.db'}")
    assert run_cli("db", "upgrade").returncode == 0
    read, write = os.pipe()
    os.close(read)  # the reader has stopped
    with capsys.disabled(), os.fdopen(write, "w") as closed_pipe:
        monkeypatch.setattr(sys, "stdout", closed_pipe)
        assert main(["purge", "--dry-run"]) == EXIT_BROKEN_PIPE
