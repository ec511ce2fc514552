"""Where a long-running process's log goes: a rotating file of its own in the log folder, or
journald when systemd started it; stderr for whoever watches the terminal.

Decided values:

- One file per kind of process, ``<role>.log`` (server, kiosk, desk, guard). ``kiosk run`` with no
  enrolment runs its site server inside the window's process: both write the window's file (one
  process, one crash takes both; the server's lines are told apart by their logger,
  ``kiosk.server...``).
- ``MAX_BYTES`` 5 MiB and ``BACKUPS`` 4: at most 25 MiB per role. A busy lobby writes well under
  a megabyte of INFO lines a day, so that is weeks of history for "what happened on Tuesday",
  bounded on a kiosk PC's small disk, and each file small enough to mail or open in Notepad.
- The folder 0700 and each file 0600 (the log names stations and staff accounts).
- A line: ISO time with the machine's offset, level, role[pid], logger, message; a traceback
  follows on its own lines. ``kiosk logs`` reads them back (kiosk/logs/reader.py).
- Under systemd (its ``JOURNAL_STREAM`` names this process's stderr) no file: stderr carries
  each line with its ``<N>`` syslog priority and no time (journald stamps it), and
  ``journalctl -u lobby-kiosk-server`` shows it.
- stderr, when there is a file: WARNING and above (the file has the rest), everything with -v.
- Every handler masks ID and mobile numbers (kiosk/logs/masking.py), at every level.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
import traceback
from collections.abc import Mapping
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO

from kiosk.logs.masking import mask_personal_numbers

ROLES = ("server", "kiosk", "desk", "guard")
MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 4

# The sd-daemon convention: a line on stderr starting <N> is logged at syslog priority N.
_SYSLOG_PRIORITY = {
    logging.CRITICAL: 2,
    logging.ERROR: 3,
    logging.WARNING: 4,
    logging.INFO: 6,
    logging.DEBUG: 7,
}

# What start() installed, so that stop() (tests) can take exactly that away again.
_installed: list[tuple[logging.Logger, logging.Handler]] = []
_saved_levels: list[tuple[logging.Logger, int, bool]] = []


class PersonalNumbersMasked(logging.Filter):
    """Masks ID and mobile numbers in the message and in the exception's text of each record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_personal_numbers(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            # Formatted here so that the formatter uses this (masked) text as it is.
            text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
            record.exc_text = mask_personal_numbers(text)
        return True


class LineFormatter(logging.Formatter):
    """``2026-11-25T10:00:00.123+08:00 INFO     server[4242] kiosk.server.run: message``."""

    def __init__(self, role: str) -> None:
        super().__init__(f"%(asctime)s %(levelname)-8s {role}[%(process)d] %(name)s: %(message)s")

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return datetime.fromtimestamp(record.created).astimezone().isoformat(timespec="milliseconds")


class JournalFormatter(logging.Formatter):
    """``<6>server kiosk.server.run: message``, each line of a traceback with the same priority
    (journald stores every line of stderr as an entry of its own)."""

    def __init__(self, role: str) -> None:
        super().__init__(f"{role} %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        prefix = f"<{syslog_priority(record.levelno)}>"
        return "\n".join(prefix + line for line in super().format(record).splitlines())


def syslog_priority(level: int) -> int:
    """The syslog priority of a logging level (a level between two takes the more severe one's)."""
    return next((p for lvl, p in sorted(_SYSLOG_PRIORITY.items()) if level <= lvl), 2)


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A RotatingFileHandler whose files are made 0600, whatever the umask."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.fchmod(fd, 0o600)  # a file left from before, made with a looser mode
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def journald_stderr(environ: Mapping[str, str], stream: IO[str]) -> bool:
    """Whether ``stream`` is the journal's: systemd sets JOURNAL_STREAM to its device:inode.
    Compared, not merely present: a child whose stderr was redirected inherits the variable."""
    device, sep, inode = environ.get("JOURNAL_STREAM", "").partition(":")
    if not sep:
        return False
    try:
        found = os.fstat(stream.fileno())
    except (AttributeError, OSError, ValueError):  # no descriptor (a test's StringIO), or closed
        return False
    return (str(found.st_dev), str(found.st_ino)) == (device, inode)


def log_file(log_dir: Path, role: str) -> Path:
    return log_dir / f"{role}.log"


def start(
    role: str,
    log_dir: Path,
    verbose: bool = False,
    *,
    environ: Mapping[str, str] | None = None,
    stream: IO[str] | None = None,
) -> Path | None:
    """Send the ``kiosk`` logger (INFO, DEBUG with ``verbose``) and every other library's
    warnings to this process's log; return the file, or None when the journal or stderr alone
    has it. A folder that cannot be written is said on stderr and the process goes on."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    env = os.environ if environ is None else environ
    err = sys.stderr if stream is None else stream
    level = logging.DEBUG if verbose else logging.INFO
    masked = PersonalNumbersMasked()
    handlers: list[logging.Handler] = []
    path: Path | None = None
    if journald_stderr(env, err):
        journal = logging.StreamHandler(err)
        journal.setFormatter(JournalFormatter(role))
        handlers.append(journal)
    else:
        try:
            path = _open_file(log_file(log_dir, role), handlers, role)
        except OSError as exc:
            print(f"kiosk: cannot write the log in {log_dir}: {exc.strerror or exc}; stderr only", file=err)
        console = logging.StreamHandler(err)
        console.setFormatter(LineFormatter(role))
        console.setLevel(logging.WARNING if path is not None and not verbose else level)
        handlers.append(console)
    for handler in handlers:
        handler.addFilter(masked)
    stop()
    kiosk_logger = logging.getLogger("kiosk")
    root = logging.getLogger()
    _saved_levels.extend([(kiosk_logger, kiosk_logger.level, kiosk_logger.propagate)])
    # The kiosk's own loggers at INFO; the root (uvicorn, SQLAlchemy, httpx...) at its WARNING,
    # which keeps libraries' request lines (URLs with query strings) out.
    for handler in list(kiosk_logger.handlers):
        kiosk_logger.removeHandler(handler)  # main()'s first stderr handler, before the config
    kiosk_logger.setLevel(level)
    kiosk_logger.propagate = False
    for logger in (kiosk_logger, root):
        for handler in handlers:
            logger.addHandler(handler)
            _installed.append((logger, handler))
    return path


def _open_file(path: Path, handlers: list[logging.Handler], role: str) -> Path:
    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Made before with a looser mode; a folder the site gave us (another owner's) keeps its own.
    with contextlib.suppress(PermissionError):
        folder.chmod(0o700)
    handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(LineFormatter(role))
    handlers.append(handler)
    return path


def stop() -> None:
    """Take away (and close) what :func:`start` installed, the crash hooks too: tests run
    ``main`` many times in one process."""
    from kiosk.logs import crash

    closed: set[int] = set()
    while _installed:
        logger, handler = _installed.pop()
        logger.removeHandler(handler)
        if id(handler) not in closed:
            closed.add(id(handler))
            handler.close()
    while _saved_levels:
        logger, level, propagate = _saved_levels.pop()
        logger.setLevel(level)
        logger.propagate = propagate
    crash.uninstall()
