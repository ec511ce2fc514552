"""`kiosk logs`: the lines of the log files, rotated ones included, in time order, by time, level
and role; and `kiosk serve` writing its own file."""

from __future__ import annotations

import logging
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.cli import logs as logs_cli
from kiosk.logs import setup
from kiosk.logs.reader import parse_since
from tests.test_cli import run_cli

NOW = datetime.now(UTC)


def write(folder: Path, role: str, entries: list[tuple[timedelta, int, str]]) -> None:
    """Records ``ago`` before now, through the product's own file handler, one file each: with a
    size limit of one byte every record rotates the one before it away."""
    folder.mkdir(exist_ok=True)
    handler = setup.PrivateRotatingFileHandler(
        setup.log_file(folder, role), maxBytes=1, backupCount=setup.BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(setup.LineFormatter(role))
    for ago, level, message in entries:
        record = logging.LogRecord("kiosk.test", level, __file__, 1, message, None, None)
        record.created = (NOW - ago).timestamp()
        handler.emit(record)
    handler.close()


@pytest.fixture
def log_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "logs"
    write(
        folder,
        "server",
        [
            (timedelta(hours=3), logging.INFO, "old news"),
            (timedelta(minutes=50), logging.WARNING, "printer away"),
            (timedelta(minutes=40), logging.INFO, "printer back"),
            (
                timedelta(minutes=10),
                logging.ERROR,
                "round failed\nTraceback (most recent call last):\nOSError: x",
            ),
        ],
    )
    write(folder, "kiosk", [(timedelta(minutes=45), logging.INFO, "kiosk reached the server")])
    return folder


def lines(folder: Path, *args: str) -> list[str]:
    result = run_cli("logs", *args, env_extra={"KIOSK_LOG_DIR": str(folder)})
    assert result.returncode == 0, result.stderr
    # A record's message without its time, level and logger; a traceback's lines as they are.
    return [line.split(" kiosk.test: ", 1)[-1] for line in result.stdout.splitlines()]


def test_since_an_hour_merges_the_roles_rotated_files_in_time_order(log_dir: Path) -> None:
    assert {"server.log.1", "server.log.2", "server.log.3"} <= {p.name for p in log_dir.iterdir()}
    assert lines(log_dir, "--since", "1h") == [
        "printer away",
        "kiosk reached the server",
        "printer back",
        "round failed",
        "Traceback (most recent call last):",
        "OSError: x",
    ]
    assert lines(log_dir)[0] == "old news"


def test_level_and_role_narrow_it_down(log_dir: Path) -> None:
    assert lines(log_dir, "--level", "warning") == [
        "printer away", "round failed", "Traceback (most recent call last):", "OSError: x",
    ]  # fmt: skip
    assert lines(log_dir, "--role", "kiosk", "--since", "2d") == ["kiosk reached the server"]
    since = (NOW - timedelta(minutes=42)).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert lines(log_dir, "--since", since, "--level", "info")[0] == "printer back"


def test_no_logs_yet_and_nothing_matching_are_said(log_dir: Path, tmp_path: Path) -> None:
    empty = run_cli("logs", env_extra={"KIOSK_LOG_DIR": str(tmp_path / "nothing")})
    assert empty.returncode == logs_cli.EXIT_NOTHING and empty.stdout == ""
    assert f"no log files yet in {tmp_path / 'nothing'}" in empty.stderr
    assert "journalctl" not in empty.stderr  # not a systemd machine
    none = run_cli("logs", "--since", "1m", env_extra={"KIOSK_LOG_DIR": str(log_dir)})
    assert none.returncode == logs_cli.EXIT_NOTHING and "no log lines match" in none.stderr


def test_under_systemd_it_names_the_journalctl_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs_cli, "SYSTEMD_RUNTIME", tmp_path)
    monkeypatch.setattr(logs_cli.shutil, "which", lambda name: f"/usr/bin/{name}")
    result = run_cli(
        "logs", "--since", "2026-11-25T10:00+08:00", "--level", "error", "--role", "server",
        env_extra={"KIOSK_LOG_DIR": str(tmp_path / "nothing")},
    )  # fmt: skip
    assert result.returncode == logs_cli.EXIT_NOTHING
    # journalctl reads a time without an offset as the machine's own.
    local = datetime.fromisoformat("2026-11-25T10:00+08:00").astimezone()
    assert f"journalctl -u 'lobby-kiosk-server' --since '{local:%Y-%m-%d %H:%M:%S}' -p error" in result.stderr


def test_a_time_it_cannot_read_is_refused_by_name(tmp_path: Path) -> None:
    result = run_cli("logs", "--since", "yesterday", env_extra={"KIOSK_LOG_DIR": str(tmp_path)})
    assert result.returncode == 2
    assert "'yesterday' is neither a time ago such as 30m, 1h or 2d nor a date and time" in result.stderr


@given(st.integers(0, 5000), st.sampled_from(["s", "m", "h", "d", "w", "H", " h"]))
def test_since_a_time_ago(amount: int, unit: str) -> None:
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}[unit.strip().lower()]
    assert parse_since(f"{amount}{unit}", NOW) == NOW - timedelta(seconds=amount * seconds)


@pytest.mark.parametrize("ago", ["36501d", "5215w", "999999999w"])
def test_since_further_back_than_any_log_is_refused(ago: str) -> None:
    with pytest.raises(ValueError, match="further back than any log"):
        parse_since(ago, NOW)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)))
def test_since_a_date_and_time(when: datetime) -> None:
    assert parse_since(when.isoformat(), NOW) == when
    assert (
        parse_since(when.date().isoformat(), NOW)
        == datetime.combine(when.date(), datetime.min.time()).astimezone()
    )


@given(st.text(max_size=20))
def test_since_anything_else_is_a_value_error_never_a_crash(text: str) -> None:
    try:
        parse_since(text, NOW)
    except ValueError as exc:
        assert "30m" in str(exc) or "further back" in str(exc)


def test_serve_keeps_its_own_private_log_file(tmp_path: Path) -> None:
    from kiosk.storage import migrate
    from kiosk.storage.database import Database

    # A database newer than the code: the server starts its log, then refuses (and stops).
    url = f"sqlite:///{tmp_path / 'newer.db'}"
    with Database.open(url) as database:
        migrate.upgrade(database.engine)
        with database.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00dfeed1234'")
    folder = tmp_path / "server-logs"
    run_cli(
        "serve",
        "--listen",
        "127.0.0.1:0",
        env_extra={"KIOSK_DATABASE_URL": url, "KIOSK_LOG_DIR": str(folder)},
    )
    path = folder / "server.log"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert " INFO     server[" in path.read_text(encoding="utf-8")
    assert "kiosk: server started, version" in path.read_text(encoding="utf-8")
