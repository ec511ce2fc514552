"""Reading the log files back for ``kiosk logs``: each role's rotated files oldest first, the roles
merged by time, a record's traceback kept with it."""

from __future__ import annotations

import heapq
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.logs.setup import ROLES, log_file

LEVELS = ("debug", "info", "warning", "error", "critical")
# The furthest back --since 30000d may reach: beyond it a timedelta overflows and no log is older.
MAX_AGO = timedelta(days=36500)
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_AGO = re.compile(r"(\d{1,9})\s*([smhdw])", re.ASCII)
# The start of a record as setup.LineFormatter writes it; any other line continues the record.
_RECORD = re.compile(
    r"(?P<time>\d{4}-\d\d-\d\dT[0-9:.]+[+-]\d\d:\d\d) (?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL) +"
    r"(?P<role>[a-z]+)\[\d+\] ",
    re.ASCII,
)


@dataclass(frozen=True)
class Record:
    time: datetime
    level: int
    role: str
    text: str  # as written, its continuation lines (a traceback) included, without the last newline


def parse_since(text: str, now: datetime) -> datetime:
    """``30m``, ``1h``, ``2d``, ``1w`` before ``now``, or a date and time (``2026-11-25``,
    ``2026-11-25 09:30``, ``2026-11-25T09:30+08:00``; without an offset, this machine's time)."""
    typed = text.strip()
    ago = _AGO.fullmatch(typed.lower())
    if ago:
        try:
            delta = timedelta(**{_UNITS[ago[2]]: int(ago[1])})
        except OverflowError:
            delta = timedelta.max
        if delta > MAX_AGO:
            raise ValueError(f"{typed!r} is further back than any log ({MAX_AGO.days} days at most)")
        return now - delta
    try:
        when = datetime.fromisoformat(typed)
    except ValueError:
        raise ValueError(
            f"{typed!r} is neither a time ago such as 30m, 1h or 2d nor a date and time such as "
            "2026-11-25 or 2026-11-25T09:30"
        ) from None
    return when if when.tzinfo is not None else when.astimezone()


def role_files(log_dir: Path, role: str) -> list[Path]:
    """``role.log`` and its rotated copies (``role.log.1`` is the newest of those), oldest first."""
    base = log_file(log_dir, role)
    rotated = [p for p in log_dir.glob(f"{base.name}.*") if p.suffix[1:].isdigit()]
    rotated.sort(key=lambda p: int(p.suffix[1:]), reverse=True)
    return [*rotated, *([base] if base.is_file() else [])]


def file_records(path: Path) -> Iterator[Record]:
    head: re.Match[str] | None = None
    lines: list[str] = []
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                start = _RECORD.match(line)
                if start is not None:
                    if head is not None:
                        yield _record(head, lines)
                    head, lines = start, []
                lines.append(line.rstrip("\n"))
    except FileNotFoundError:  # rotated away between listing and reading
        pass
    if head is not None:
        yield _record(head, lines)


def _record(head: re.Match[str], lines: list[str]) -> Record:
    return Record(
        datetime.fromisoformat(head["time"]),
        logging.getLevelNamesMapping()[head["level"]],
        head["role"],
        "\n".join(lines),
    )


def read_logs(
    log_dir: Path,
    since: datetime | None = None,
    level: str = "debug",
    roles: Iterable[str] = ROLES,
) -> Iterator[Record]:
    """The records of ``roles`` at ``level`` or above since ``since``, in time order."""
    floor = logging.getLevelNamesMapping()[level.upper()]
    streams = [_chain(role_files(log_dir, role)) for role in roles]
    for record in heapq.merge(*streams, key=lambda r: r.time):
        if record.level >= floor and (since is None or record.time >= since):
            yield record


def _chain(paths: list[Path]) -> Iterator[Record]:
    for path in paths:
        yield from file_records(path)


def has_logs(log_dir: Path) -> bool:
    return any(role_files(log_dir, role) for role in ROLES)
