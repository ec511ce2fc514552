"""Where a long-running process logs: its own rotating file (0600 in a 0700 folder), the journal
under systemd, a crash with its stack and the station's state; ID and mobile numbers masked."""

from __future__ import annotations

import io
import logging
import os
import re
import stat
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.logs import crash, setup
from kiosk.logs.masking import mask_personal_numbers
from kiosk.logs.reader import file_records

LINE = re.compile(
    r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d INFO     server\[\d+\] kiosk\.test: hello$"
)


def test_the_log_is_a_private_file_per_role_with_iso_times_and_the_role(tmp_path: Path) -> None:
    folder = tmp_path / "log"
    folder.mkdir(mode=0o755)  # left looser by someone: tightened
    err = io.StringIO()
    path = setup.start("server", folder, stream=err)
    logging.getLogger("kiosk.test").info("hello")
    logging.getLogger("kiosk.test").warning("the printer is away")
    logging.getLogger("some.library").warning("a library's warning")
    logging.getLogger("some.library").info("a library's chatter")
    setup.stop()

    assert path == folder / "server.log"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    lines = path.read_text(encoding="utf-8").splitlines()
    assert LINE.match(lines[0]), lines[0]
    assert lines[1].endswith("kiosk.test: the printer is away") and " WARNING  server[" in lines[1]
    assert lines[2].endswith("some.library: a library's warning")
    assert len(lines) == 3  # libraries' INFO stays out
    # The terminal has the warnings only: the file has the rest.
    assert err.getvalue().count("\n") == 2 and "hello" not in err.getvalue()


def test_a_file_from_before_with_a_looser_mode_is_made_private(tmp_path: Path) -> None:
    old = tmp_path / "kiosk.log"
    old.write_text("", encoding="utf-8")
    old.chmod(0o644)
    setup.start("kiosk", tmp_path, stream=io.StringIO())
    setup.stop()
    assert stat.S_IMODE(old.stat().st_mode) == 0o600


def test_verbose_sends_debug_to_the_file_and_the_terminal(tmp_path: Path) -> None:
    err = io.StringIO()
    path = setup.start("desk", tmp_path, verbose=True, stream=err)
    logging.getLogger("kiosk.test").debug("detail")
    setup.stop()
    assert path is not None and "detail" in path.read_text(encoding="utf-8") and "detail" in err.getvalue()


def test_the_file_rotates_at_its_size_keeping_four_older_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(setup, "MAX_BYTES", 2000)
    path = setup.start("server", tmp_path, stream=io.StringIO())
    for n in range(200):
        logging.getLogger("kiosk.test").info("line %03d of the rotation test", n)
    setup.stop()
    assert path is not None
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["server.log", *(f"server.log.{n}" for n in range(1, setup.BACKUPS + 1))]
    for file in tmp_path.iterdir():
        assert file.stat().st_size <= 2000
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    # Oldest to newest, .4 to server.log: the newest lines, in order, none lost at a rotation.
    numbers = [
        int(re.findall(r"line (\d+)", record.text)[0])
        for name in (*(f"server.log.{n}" for n in range(setup.BACKUPS, 0, -1)), "server.log")
        for record in file_records(tmp_path / name)
    ]
    assert numbers == list(range(200 - len(numbers), 200)) and len(numbers) > 40


def test_a_folder_that_cannot_be_written_leaves_stderr_and_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    err = io.StringIO()
    assert setup.start("kiosk", blocker / "log", stream=err) is None
    logging.getLogger("kiosk.test").info("still logged")
    setup.stop()
    assert "cannot write the log in" in err.getvalue() and "still logged" in err.getvalue()


def journal_stream(tmp_path: Path) -> tuple[io.TextIOWrapper, str]:
    """A file standing in for the journal's socket, and the JOURNAL_STREAM systemd would set."""
    stream = (tmp_path / "journal").open("w+", encoding="utf-8")
    found = os.fstat(stream.fileno())
    return stream, f"{found.st_dev}:{found.st_ino}"


def test_under_systemd_lines_go_to_stderr_with_syslog_priorities_and_no_file(tmp_path: Path) -> None:
    stream, journal = journal_stream(tmp_path)
    with stream:
        assert (
            setup.start("server", tmp_path / "log", environ={"JOURNAL_STREAM": journal}, stream=stream)
            is None
        )
        logging.getLogger("kiosk.test").info("started")
        try:
            raise ValueError("boom")
        except ValueError:
            logging.getLogger("kiosk.test").exception("failed")
        setup.stop()
        stream.seek(0)
        lines = stream.read().splitlines()
    assert lines[0] == "<6>server kiosk.test: started"
    assert lines[1] == "<3>server kiosk.test: failed"
    # Every line of the traceback keeps the record's priority (journald stores each line apart).
    assert lines[2] == "<3>Traceback (most recent call last):" and lines[-1] == "<3>ValueError: boom"
    assert all(line.startswith("<3>") for line in lines[1:])
    assert not (tmp_path / "log").exists()


def test_a_journal_stream_inherited_by_a_redirected_stderr_is_not_the_journal(tmp_path: Path) -> None:
    stream, journal = journal_stream(tmp_path)
    with stream, (tmp_path / "other").open("w", encoding="utf-8") as other:
        assert setup.journald_stderr({"JOURNAL_STREAM": journal}, stream)
        assert not setup.journald_stderr({"JOURNAL_STREAM": journal}, other)
        assert not setup.journald_stderr({}, stream)
        assert not setup.journald_stderr({"JOURNAL_STREAM": journal}, io.StringIO())


def test_syslog_priorities_follow_the_levels() -> None:
    assert [setup.syslog_priority(level) for level in (10, 15, 20, 30, 40, 50, 60)] == [7, 6, 6, 4, 3, 2, 2]


# -- crashes -----------------------------------------------------------------------------------


def fake_crash() -> tuple[type[BaseException], BaseException, object]:
    try:
        raise RuntimeError("the encoder vanished")
    except RuntimeError as exc:
        return type(exc), exc, exc.__traceback__


def test_an_uncaught_exception_is_logged_critical_with_its_stack_and_the_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    path = setup.start("kiosk", tmp_path, stream=io.StringIO())
    crash.install()
    crash.set_state(role="kiosk", version="9.9", site="demo")
    crash.set_state(station="kiosk-lobby", server="https://10.0.0.2:8443")
    crash.set_screen_reporter(lambda: "kioskWindow/identityPage")
    sys.excepthook(*fake_crash())  # type: ignore[arg-type]
    setup.stop()

    assert path is not None
    [record] = file_records(path)
    assert " CRITICAL kiosk[" in record.text
    assert (
        "kiosk.crash: unhandled RuntimeError; state: role=kiosk version=9.9 site=demo "
        "station=kiosk-lobby server=https://10.0.0.2:8443 screen=kioskWindow/identityPage"
    ) in record.text
    assert "Traceback (most recent call last):" in record.text and "in fake_crash" in record.text
    assert record.text.endswith("RuntimeError: the encoder vanished")
    assert sys.excepthook is sys.__excepthook__  # stop() gave the hook back


def test_a_crash_in_a_thread_names_the_thread_and_a_previous_hook_still_hears_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard: list[str] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: heard.append(str(args.exc_value)))
    path = setup.start("desk", tmp_path, stream=io.StringIO())
    crash.install()

    def work() -> None:
        raise RuntimeError("print runner fell over")

    thread = threading.Thread(target=work, name="print-runner")
    thread.start()
    thread.join()
    setup.stop()
    assert path is not None
    [record] = file_records(path)
    assert "unhandled RuntimeError in thread print-runner; state: (no state yet)" in record.text
    assert record.text.endswith("RuntimeError: print runner fell over")
    assert heard == ["print runner fell over"]


def test_ctrl_c_is_no_crash_and_a_broken_screen_report_does_not_hide_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: printed.append(kind))
    path = setup.start("kiosk", tmp_path, stream=io.StringIO())
    crash.install()

    def torn_down() -> str:
        raise RuntimeError("Internal C++ object already deleted")

    crash.set_screen_reporter(torn_down)
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    sys.excepthook(*fake_crash())  # type: ignore[arg-type]
    setup.stop()
    assert path is not None
    [record] = file_records(path)
    assert "state: screen=unknown (RuntimeError)" in record.text
    assert printed == [KeyboardInterrupt, RuntimeError]  # the hook before ours: both, as before


# -- the safety net ------------------------------------------------------------------------------


def test_id_and_mobile_numbers_reaching_the_log_are_masked_in_message_and_traceback(tmp_path: Path) -> None:
    path = setup.start("server", tmp_path, stream=io.StringIO())
    logger = logging.getLogger("kiosk.test")
    logger.info("looked up %s / %s", "11010519491231002X", "13912345678")
    try:
        raise ValueError("bad number 11010519491231002X")
    except ValueError:
        logger.exception("refused")
    setup.stop()
    assert path is not None
    text = path.read_text(encoding="utf-8")
    assert "looked up 1101**********002X / 139****5678" in text
    assert "ValueError: bad number 1101**********002X" in text
    assert "11010519491231002X" not in text and "13912345678" not in text


DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=30)
WORDS = st.text(alphabet=st.characters(exclude_categories=("Nd",)), max_size=20)


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    return draw(st.from_regex(r"[1-9][0-9]{16}[0-9X]", fullmatch=True))


@st.composite
def mobiles(draw: st.DrawFn) -> str:
    number = draw(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
    sep = draw(st.sampled_from(["", " ", "-"]))
    return f"{number[:3]}{sep}{number[3:7]}{sep}{number[7:]}"


@given(WORDS, st.one_of(id_numbers(), mobiles()), WORDS)
def test_a_number_anywhere_in_text_is_masked_to_its_last_four(before: str, number: str, after: str) -> None:
    masked = mask_personal_numbers(f"{before}{number}{after}")
    digits = number.replace(" ", "").replace("-", "")
    assert number not in masked and digits not in masked
    assert masked.startswith(before) and masked.endswith(after)
    assert digits[-4:] in masked
    assert mask_personal_numbers(masked) == masked  # once masked, left alone


@given(st.lists(st.one_of(WORDS, DIGITS.filter(lambda d: len(d) not in (11, 18)))).map(" ".join))
def test_text_with_no_such_number_is_left_as_it_is(text: str) -> None:
    assert mask_personal_numbers(text) == text
