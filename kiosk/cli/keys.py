"""`kiosk keys backup|restore` (the site's shared keys, sealed with a passphrase) and `kiosk audit
verify` (the audit trail's chain). Run on the server machine, as the user who owns its keys."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from kiosk.client.files import write_private
from kiosk.config import Config

EXIT_BROKEN = 1  # kiosk audit verify: the chain is broken
EXIT_KEYS = 8  # a keys backup refused, or not restored


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    keys = sub.add_parser("keys", help="the site's key files: back them up, restore them")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True, metavar="ACTION")
    backup = keys_sub.add_parser(
        "backup", parents=[common], help="write the shared keys to FILE, sealed with a passphrase"
    )
    restore = keys_sub.add_parser("restore", parents=[common], help="put the keys of a backup FILE back")
    for command in (backup, restore):
        command.add_argument("file", type=Path, metavar="FILE")
        command.add_argument(
            "--passphrase-file",
            type=Path,
            metavar="PATH",
            help="read the passphrase from the first line of PATH (default: ask at the terminal)",
        )
    restore.add_argument(
        "--force",
        action="store_true",
        help="replace key files that differ from the backup's, and restore keys the database does not know",
    )
    audit = sub.add_parser("audit", help="the audit trail")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    audit_sub.add_parser(
        "verify",
        parents=[common],
        help="check the audit trail's chain; name the first event changed, removed or added behind "
        "the server's back (exit 1)",
    )


def command(config: Config, args: argparse.Namespace) -> int:
    if args.command == "audit":
        return audit_verify(config)
    if args.keys_command == "backup":
        return backup(config, args.file, args.passphrase_file)
    return restore(config, args.file, args.passphrase_file, args.force)


def _fail(message: str) -> None:
    print(f"kiosk: {message}", file=sys.stderr)


def _key_dir(config: Config) -> Path:
    return config.data_dir / "keys"


def _passphrase(path: Path | None, confirm: bool) -> str | None:
    """From the file, or typed at the terminal (twice when ``confirm``); None (said why) if not."""
    if path is not None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"cannot read the passphrase from {path}: {exc}")
            return None
        return lines[0] if lines else ""
    if not sys.stdin.isatty():
        _fail("no terminal to ask for the passphrase: give --passphrase-file PATH")
        return None
    typed = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Again: ") != typed:
        _fail("the two entries differ; nothing was done")
        return None
    return typed


def backup(config: Config, file: Path, passphrase_file: Path | None) -> int:
    from kiosk.services.key_backup import KeyBackupError, seal_keys
    from kiosk.services.site_keys import SHARED_KEYS, key_path, read_key

    key_dir = _key_dir(config)
    keys: dict[str, bytes] = {}
    for name in SHARED_KEYS:
        try:
            keys[name] = read_key(key_path(key_dir, name))
        except FileNotFoundError:
            continue  # decision-links exists only where hosts are asked with links
    if not keys:
        _fail(f"no key files in {key_dir}: nothing to back up (run this on the server)")
        return EXIT_KEYS
    passphrase = _passphrase(passphrase_file, confirm=True)
    if passphrase is None:
        return EXIT_KEYS
    try:
        sealed = seal_keys(keys, passphrase, datetime.now(UTC))
    except KeyBackupError as exc:
        _fail(f"{exc}; nothing was written")
        return EXIT_KEYS
    try:
        write_private(file, sealed)
    except OSError as exc:
        _fail(f"cannot write {file}: {exc.strerror or exc}")
        return EXIT_KEYS
    print(f"backed up {len(keys)} keys ({', '.join(sorted(keys))}) to {file}")
    print(
        "Keep the file and its passphrase apart, off this machine: together they open every sealed ID number."
    )
    return 0


def restore(config: Config, file: Path, passphrase_file: Path | None, force: bool) -> int:
    from kiosk.services.key_backup import KeyBackupError, open_keys
    from kiosk.services.site_keys import KEY_BYTES, key_fingerprint, key_path, publish_key

    try:
        data = file.read_bytes()
    except OSError as exc:
        _fail(f"cannot read {file}: {exc.strerror or exc}")
        return EXIT_KEYS
    passphrase = _passphrase(passphrase_file, confirm=False)
    if passphrase is None:
        return EXIT_KEYS
    try:
        keys = open_keys(data, passphrase)
    except KeyBackupError as exc:
        _fail(f"{file}: {exc}; nothing was restored")
        return EXIT_KEYS
    key_dir = _key_dir(config)
    recorded = _recorded_fingerprints(config)
    if recorded:
        unknown = sorted(n for n, k in keys.items() if n in recorded and key_fingerprint(k) != recorded[n])
        if unknown and not force:
            _fail(
                f"the backup's {', '.join(unknown)} are not the keys this site's database was first "
                "used with (a backup of another site, or of an earlier install?); nothing was "
                "restored (--force restores them anyway)"
            )
            return EXIT_KEYS
    restored, unchanged, differ = [], [], []
    for name, key in sorted(keys.items()):
        try:
            present = key_path(key_dir, name).read_bytes()
        except FileNotFoundError:
            restored.append(name)
            continue
        if present == key:
            unchanged.append(name)
        elif len(present) == KEY_BYTES:
            differ.append(name)
        else:
            restored.append(name)  # torn: never a usable key, replaced without asking
    if differ and not force:
        _fail(
            f"{', '.join(f'{n}.key' for n in differ)} in {key_dir} differ from the backup's; nothing was restored "
            "(--force replaces them: first make sure which are this site's)"
        )
        return EXIT_KEYS
    for name in [*restored, *differ]:
        publish_key(key_path(key_dir, name), keys[name], replace=True)
    done = [*restored, *differ]
    print(f"restored {len(done)} keys into {key_dir}" + (f": {', '.join(done)}" if done else ""))
    if unchanged:
        print(f"already in place: {', '.join(unchanged)}")
    if not recorded:
        print("not checked against the site's database (none yet, or it cannot be read)")
    elif all(key_fingerprint(k) == recorded[n] for n, k in keys.items() if n in recorded):
        print("they are the keys this site's database was first used with")
    else:
        print(
            "forced: some are NOT the keys this site's database was first used with; the server will refuse them"
        )
    return 0


def _recorded_fingerprints(config: Config) -> dict[str, str]:
    """The database's fingerprints of the keys, if it exists and can be read; no upgrade, no
    file made (a restore may come before the site's database is back)."""
    from kiosk.services.site_keys import recorded_fingerprints
    from kiosk.storage.database import Database

    url = make_url(config.database_url)
    if url.get_backend_name() == "sqlite" and not (url.database and Path(url.database).is_file()):
        return {}
    try:
        with Database.open(config.database_url, config.database_settings) as database:
            return recorded_fingerprints(database.sessions)
    except (SQLAlchemyError, OSError):
        return {}


def audit_verify(config: Config) -> int:
    from kiosk.app import open_database
    from kiosk.services.audit_chain import verify_chain
    from kiosk.services.site_keys import AUDIT_CHAIN_KEY, recorded_key

    database = open_database(config)
    try:
        key = recorded_key(database.sessions, _key_dir(config), AUDIT_CHAIN_KEY)
        report = verify_chain(database.sessions, key)
    finally:
        database.dispose()
    before = (
        f"; {report.before_chain} from before the chain began (not signed)" if report.before_chain else ""
    )
    broken = report.broken
    if broken is not None:
        at = broken.at.astimezone(config.zone).strftime("%Y-%m-%d %H:%M:%S")
        _fail(
            f"the audit trail is broken at event #{broken.row_id} ({at}, {broken.action}): "
            f"{broken.problem}: {broken.explanation}"
        )
        print(f"{report.signed} events before it are chained{before}")
        return EXIT_BROKEN
    print(f"audit trail intact: {report.signed} events chained{before}")
    if report.newest is not None:
        row_id, link = report.newest
        # The chain shows a change anywhere but at its end: events cut off the end leave a
        # shorter chain that still holds. Compared with a head noted earlier, it shows that too.
        print(
            f"newest event #{row_id}, link {link[:16]} (note it down: events cut off the end would not show)"
        )
    return 0
