"""`kiosk privacy find|export|erase`: a person's request about their data (docs/privacy.md).

An administrator's commands on the server machine: they open the site's database as the server
does (its keys sign their audit events), as `kiosk purge` does. No station can call them."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.client.files import write_private
from kiosk.config import Config

if TYPE_CHECKING:
    from kiosk.services.privacy import PrivacyService, Query

EXIT_REFUSED = 9  # a privacy request refused (an open record, an unknown reference): nothing done


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    privacy = sub.add_parser(
        "privacy", help="a person asks for their data or its erasure: find, export, erase their records"
    )
    actions = privacy.add_subparsers(dest="privacy_command", required=True, metavar="ACTION")
    who = argparse.ArgumentParser(add_help=False)
    who.add_argument("--name", metavar="NAME", help="the person's name (张 三, 張三 and 张三 are one name)")
    who.add_argument("--mobile", metavar="DIGITS", help="their mobile: its last four digits, or all of it")
    who.add_argument("--id-last-four", metavar="XXXX", help="the last four characters of their ID number")
    who.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="only records from that day on")
    actions.add_parser(
        "find", parents=[common, who], help="list the person's records, each with its reference (visit:123)"
    )
    export = actions.add_parser(
        "export",
        parents=[common, who],
        help="write what is stored in the records (REF..., or all that --name finds) to FILE, as JSON",
    )
    export.add_argument("refs", nargs="*", metavar="REF", help="references `kiosk privacy find` listed")
    export.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="the file to write (mode 0600)"
    )
    erase = actions.add_parser(
        "erase",
        parents=[common],
        help="blank the personal data of the records REF... as the purge would; refuses open records",
    )
    erase.add_argument("refs", nargs="+", metavar="REF", help="references `kiosk privacy find` listed")
    erase.add_argument("--dry-run", action="store_true", help="say what would be blanked; change nothing")


def command(config: Config, args: argparse.Namespace) -> int:
    from kiosk.app import open_site_database
    from kiosk.services.audit import Actor
    from kiosk.services.clock import SystemClock
    from kiosk.services.privacy import PrivacyError, PrivacyService
    from kiosk.services.privacy import Query as Asked

    action = args.privacy_command
    chosen_by_name = action == "find" or (action == "export" and not args.refs)
    if chosen_by_name and not args.name:
        other = "" if action == "find" else ", or the references `kiosk privacy find` listed"
        _fail(f"give --name (and, to narrow it, --mobile, --id-last-four or --since){other}")
        return EXIT_REFUSED
    if action == "export" and args.refs and args.name:
        _fail("give either references or --name, not both")
        return EXIT_REFUSED
    actor = Actor("cli", getpass.getuser())
    clock = SystemClock()
    database = open_site_database(config, clock, actor)
    service = PrivacyService(database.sessions, clock, config.zone)
    query = (
        Asked(args.name or "", args.mobile or "", args.id_last_four or "", args.since)
        if chosen_by_name
        else None
    )
    try:
        if query is not None and action == "find":
            return _find(service, query, config)
        if action == "export":
            refs: list[str] = args.refs if query is None else service.refs(query)
            if not refs:
                _fail("no records found for that name: nothing was written")
                return EXIT_REFUSED
            try:
                written = service.export(refs, actor, lambda data: write_private(args.out, data))
            except OSError as exc:
                _fail(f"cannot write {args.out}: {exc.strerror or exc}; nothing was exported")
                return EXIT_REFUSED
            print(
                f"exported {written} records to {args.out} (mode 0600); hand it to the person, then delete it"
            )
            return 0
        erasure = service.erase(args.refs, actor, dry_run=args.dry_run)
    except PrivacyError as exc:
        _fail(str(exc))
        return EXIT_REFUSED
    finally:
        database.dispose()
    print(f"{'would blank' if erasure.dry_run else 'erased'} {', '.join(erasure.refs)}:")
    for count in erasure.counts:
        print(f"  {count.kind:<20} {count.rows:>5}  fields: {', '.join(count.fields)}")
    if erasure.dry_run:
        print("nothing was changed (run without --dry-run to erase)")
    return 0


def _find(service: PrivacyService, query: Query, config: Config) -> int:
    found = service.find(query)
    if not found:
        print("no records found under that name (a record already erased or purged reads — and is not found)")
        return 0
    print(f"{'REF':<18} {'DATE':<16} {'RECORD':<21} {'NUMBER':<16} {'STATUS':<12} NAME / DETAILS")
    for f in found:
        at = f.at.astimezone(config.zone).strftime("%Y-%m-%d %H:%M")
        print(f"{f.ref:<18} {at:<16} {f.record:<21} {f.number:<16} {f.status:<12} {f.name}; {f.details}")
        if f.open:
            print(f"{'':<18} open: {f.open}")
    print(
        f"{len(found)} records. Export: kiosk privacy export REF... --out FILE; erase: kiosk privacy erase REF..."
    )
    return 0


def _fail(message: str) -> None:
    print(f"kiosk: {message}", file=sys.stderr)
