"""`kiosk logs`: this machine's log lines (the server's and the stations'), filtered by time, level
and role. Where systemd runs the services they log to the journal instead: then it says the
journalctl command that shows the same (run by whoever may read the journal: root, or the
systemd-journal group), rather than running it as this user, who often may not."""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.config import Config
from kiosk.logs.reader import LEVELS, has_logs, parse_since, read_logs
from kiosk.logs.setup import ROLES

EXIT_NOTHING = 1  # nothing to show (no log yet, or no line matched), as grep says it
# Present on a machine booted with systemd (sd_booted()'s test).
SYSTEMD_RUNTIME = Path("/run/systemd/system")
JOURNAL_UNITS = "lobby-kiosk*"


def _since(text: str) -> datetime:
    try:
        return parse_since(text, datetime.now(UTC))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    logs = sub.add_parser(
        "logs",
        parents=[common],
        help="show the log lines of the server and the stations on this machine (rotated files too)",
    )
    logs.add_argument(
        "--since",
        type=_since,
        metavar="WHEN",
        help="30m, 1h, 2d, 1w ago, or a date and time: 2026-11-25, '2026-11-25 09:30' (default: all)",
    )
    logs.add_argument(
        "--level", choices=LEVELS, default="debug", help="this level and above (default: every line)"
    )
    logs.add_argument("--role", choices=ROLES, help="one process's log only (default: all of them)")


def command(config: Config, args: argparse.Namespace) -> int:
    roles = (args.role,) if args.role else ROLES
    if not has_logs(config.log_dir):
        print(f"kiosk: no log files yet in {config.log_dir}", file=sys.stderr)
        print(
            "  (`kiosk serve` and `kiosk run` write there once started; [log] dir or KIOSK_LOG_DIR "
            "choose another folder)",
            file=sys.stderr,
        )
        _journal_hint(args)
        return EXIT_NOTHING
    shown = 0
    for record in read_logs(config.log_dir, args.since, args.level, roles):
        print(record.text)
        shown += 1
    if not shown:
        print(f"kiosk: no log lines match in {config.log_dir}", file=sys.stderr)
        _journal_hint(args)
        return EXIT_NOTHING
    return 0


def _journal_hint(args: argparse.Namespace) -> None:
    """Under systemd the services' lines are in the journal, not in a file."""
    if not (SYSTEMD_RUNTIME.is_dir() and shutil.which("journalctl")):
        return
    units = f"lobby-kiosk-{args.role}" if args.role == "server" else JOURNAL_UNITS
    command = f"journalctl -u '{units}'"
    if args.since is not None:
        command += f" --since '{args.since.astimezone():%Y-%m-%d %H:%M:%S}'"
    if args.level != "debug":
        command += f" -p {args.level}"
    print(f"  services started by systemd log to the journal: {command}", file=sys.stderr)
