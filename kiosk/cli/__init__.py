"""The ``kiosk`` command: run a window, render screenshots, manage the database."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk.cli import doctor, keys, logs, privacy, site
from kiosk.config import Config, ConfigError, load_config
from kiosk.devices.interfaces import PrinterStatus
from kiosk.domain.staff import Role
from kiosk.printing.samples import SAMPLES
from kiosk.services.site_keys import KeyFileError

SAMPLE_DOCUMENTS = tuple(SAMPLES)

log = logging.getLogger("kiosk")

EXIT_CONFIG = 2
EXIT_SYSTEM = 3
EXIT_DRIFT = 4
EXIT_IMPORT = 5  # the file (or a row of it) was refused: nothing was imported
EXIT_COPY = 7  # kiosk db copy refused or undone (6 is site.EXIT_UNREACHABLE)
EXIT_BROKEN_PIPE = 141  # what a shell reports for a process its pipe's reader stopped (128 + SIGPIPE)
# Every column of every import file, with examples; named in each refusal.
IMPORT_FORMATS_DOC = "docs/imports.md"
ROLES = ("kiosk", "desk", "guard")
SMOKE_TIMEOUT_MS = 30000
_SHOWN: list[object] = []


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        help="configuration file (default: the user's kiosk.toml)",
    )
    common.add_argument("-v", "--verbose", action="store_true", help="log debugging detail")

    from kiosk import __version__

    parser = argparse.ArgumentParser(prog="kiosk", description="Lobby and IDC front-desk kiosk")
    # kiosk.__version__ is the version's one source (pyproject.toml reads it); GET /ping reports it.
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", parents=[common], help="open the kiosk or the desk console")
    run.add_argument("--role", choices=ROLES, default="kiosk", help="which window to open (default: kiosk)")
    run.add_argument(
        "--smoke",
        action="store_true",
        help="start, show the first screen, exit 0 (installers and CI)",
    )

    shots = sub.add_parser("screenshots", parents=[common], help="render every screen to PNG, offscreen")
    shots.add_argument("--out", type=Path, required=True, metavar="DIR")

    sample = sub.add_parser(
        "print-sample", parents=[common], help="write a sample document's printer bytes (and a PNG of it)"
    )
    sample.add_argument("document", choices=SAMPLE_DOCUMENTS)
    sample.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    sample.add_argument("--width", type=int, choices=(58, 80), default=80)
    sample.add_argument("--copy", action="store_true", help="mark it as a reprint (副本 / COPY)")
    sample.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="bytes go here, the PNG beside it"
    )

    emulate = sub.add_parser("emulate", help="run a device emulator")
    emulate_sub = emulate.add_subparsers(dest="device", required=True, metavar="DEVICE")
    printer = emulate_sub.add_parser(
        "printer", parents=[common], help="an ESC/POS network printer on loopback"
    )
    printer.add_argument("--port", type=int, default=9100)
    printer.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    printer.add_argument("--width", type=int, choices=(58, 80), default=80)
    printer.add_argument(
        "--out", type=Path, metavar="DIR", help="where documents go (default: printer-out in the data dir)"
    )
    printer.add_argument(
        "--state",
        choices=[s.value for s in PrinterStatus if s is not PrinterStatus.UNKNOWN],
        default="online",
        help="what the printer reports (offline refuses connections)",
    )
    idreader = emulate_sub.add_parser(
        "idreader",
        parents=[common],
        help="a resident ID-card reader (SAM protocol) on a pseudo-terminal; type 'help' in it",
    )
    idreader.add_argument("--link", type=Path, required=True, metavar="PATH", help="the port drivers open")
    idreader.add_argument(
        "--cards", type=Path, metavar="FILE", help="JSON file of ID cards (default: two demo cards)"
    )
    idreader.add_argument("--baudrate", type=int, metavar="N", help="pace the line like a real one at N baud")
    idreader.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="no_card=on, read_fail=N, lift_during_read=N, corrupt=N, drop=N, noise=N, mute=N, "
        "split=on, slow=SECONDS (repeatable)",
    )
    idreader.add_argument("--present", metavar="N|LABEL", help="the card lying on the reader from the start")

    encoder_emu = emulate_sub.add_parser(
        "encoder",
        parents=[common],
        help="a card encoder (PN532 or MSR206) on a pseudo-terminal; type 'help' in it",
    )
    encoder_emu.add_argument("--protocol", choices=("pn532", "msr"), required=True)
    encoder_emu.add_argument("--link", type=Path, required=True, metavar="PATH", help="the port drivers open")
    encoder_emu.add_argument(
        "--baudrate", type=int, metavar="N", help="pace the line like a real one at N baud"
    )
    encoder_emu.add_argument(
        "--blank-cards",
        type=int,
        default=0,
        metavar="N",
        help="PN532: blank cards that come onto an empty pad",
    )
    encoder_emu.add_argument("--cards", type=Path, metavar="DIR", help="where 'present FILE' looks for cards")
    encoder_emu.add_argument(
        "--present",
        action="append",
        default=[],
        metavar="blank|UID|FILE",
        help="a card on the pad from the start (MSR: held, swiped whenever the encoder waits)",
    )
    encoder_emu.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="NAME[=VALUE]",
        help="PN532: nack, corrupt, drop, garbage, split, slow=SECONDS, no_card, wrong_key, "
        "remove_mid_write, mute; MSR: no_swipe, invalid_swipe, rw_error, corrupt, drop, noise, split, "
        "slow (repeatable)",
    )
    device = sub.add_parser("device", help="a card encoder: what is attached, read a card, wipe one")
    device_sub = device.add_subparsers(dest="device_command", required=True, metavar="ACTION")
    for action, about in (
        ("probe", "say what answers on the encoder URL, and its firmware"),
        ("read", "wait for a card and describe it (masked)"),
        ("wipe", "wait for a card and return it to blank (recorded as returned)"),
    ):
        device_cmd = device_sub.add_parser(action, parents=[common], help=about)
        device_cmd.add_argument("url", nargs="?", help="e.g. pn532:///dev/ttyUSB0 (default: encoder.url)")
        device_cmd.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS")

    staff = sub.add_parser("staff", help="staff accounts")
    staff_sub = staff.add_subparsers(dest="staff_command", required=True, metavar="ACTION")
    add = staff_sub.add_parser("add", parents=[common], help="add a member of staff (asks for the PIN)")
    add.add_argument("--username", required=True, help="staff number or user name used to sign in")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=[r.value for r in Role])

    for what, about in (
        ("directory", "the staff directory (HR sheet: name, department, extension, mobile, email)"),
        ("residents", "owner and tenant records (unit, name, kind, phone)"),
        ("fees", "the management-fee ledger (unit, payer, month, due, paid)"),
    ):
        kind = sub.add_parser(what, help=about)
        kind_sub = kind.add_subparsers(dest=f"{what}_command", required=True, metavar="ACTION")
        imp = kind_sub.add_parser(
            "import",
            parents=[common],
            help="import a CSV file (UTF-8 or GB18030, Chinese or English headers); re-importing updates",
        )
        imp.add_argument("file", type=Path, metavar="FILE")
        imp.add_argument(
            "--skip-bad-rows",
            action="store_true",
            help="import the good rows and list the bad ones (default: a bad row stops the import)",
        )

    site.add_parsers(sub, common)
    keys.add_parsers(sub, common)
    privacy.add_parsers(sub, common)
    logs.add_parsers(sub, common)
    doctor.add_parser(sub, common)

    purge = sub.add_parser(
        "purge",
        parents=[common],
        help="remove personal data past its retention ([retention]); the server does it daily",
    )
    purge.add_argument(
        "--dry-run", action="store_true", help="say per kind of record what would be removed; change nothing"
    )

    db = sub.add_parser("db", help="database schema")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_sub.add_parser("upgrade", parents=[common], help="apply the migrations the database lacks")
    db_sub.add_parser("check", parents=[common], help="fail if the models and the migrations differ")
    copy = db_sub.add_parser(
        "copy",
        parents=[common],
        help="copy the site's database into another (SQLite to PostgreSQL); stop the server first",
    )
    copy.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help="the new database, e.g. postgresql+psycopg://kiosk_owner@dbhost/kiosk (must hold no data)",
    )
    copy.add_argument(
        "--replace", action="store_true", help="delete what the new database holds and copy over it"
    )
    return parser


def _setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.DEBUG if verbose else logging.INFO)
    log.propagate = False


def _start_log(config: Config, role: str, verbose: bool) -> None:
    """The long-running processes (server, windows) keep a log of their own and log crashes;
    the other commands are run by hand and say what they did on the terminal."""
    from kiosk import __version__
    from kiosk.logs import crash, setup

    path = setup.start(role, config.log_dir, verbose)
    crash.set_state(role=role, version=__version__, site=config.site_id)
    crash.install()
    log.info("%s started, version %s, log %s", role, __version__, path or "none (the journal, or stderr)")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _main(argv)
        sys.stdout.flush()  # here, not at exit: a closed pipe is then this function's to handle
        return code
    except BrokenPipeError:
        # The output was piped into a reader that stopped (`kiosk purge --dry-run | head`): stop
        # quietly, and keep Python from failing again flushing stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    _setup_logging(args.verbose)
    if args.command == "doctor":  # loads the configuration itself: one that fails is a finding
        return doctor.command(args)
    try:
        config = load_config(getattr(args, "config", None))
        if args.command == "run":
            _start_log(config, args.role, args.verbose)
            return _run(config, args.role, args.smoke)
        if args.command == "serve":
            _start_log(config, "server", args.verbose)
            return site.serve(config, args.listen)
        if args.command == "station":
            return site.station_command(config, args)
        if args.command == "enrol":
            return site.enrol(args.url, args.code)
        if args.command == "screenshots":
            return _screenshots(config, args.out)
        if args.command == "print-sample":
            return _print_sample(args.document, args.lang, args.width, args.copy, args.out)
        if args.command == "staff":
            return _staff_add(config, args.username, args.name, Role(args.role))
        if args.command in ("directory", "residents", "fees"):
            return _import_csv(config, args.command, args.file, args.skip_bad_rows)
        if args.command == "emulate" and args.device == "idreader":
            return _emulate_idreader(args)
        if args.command == "emulate" and args.device == "encoder":
            return _emulate_encoder(args)
        if args.command == "device":
            return _device(config, args)
        if args.command == "emulate":
            return _emulate_printer(config, args)
        if args.command == "purge":
            return _purge(config, args.dry_run)
        if args.command in ("keys", "audit"):
            return keys.command(config, args)
        if args.command == "privacy":
            return privacy.command(config, args)
        if args.command == "logs":
            return logs.command(config, args)
        if args.db_command == "copy":
            return _db_copy(config, args.to, args.replace)
        return _db(config, args.db_command)
    except (ConfigError, KeyFileError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_CONFIG


def _run(config: Config, role: str, smoke: bool) -> int:
    from kiosk.client.http import ServerUnreachableError
    from kiosk.station import open_station
    from kiosk.ui.common.platform_check import SystemSetupError

    try:
        from kiosk.ui.common.qt import qt_application
        from kiosk.ui.kiosk.keyboard import enable_virtual_keyboard

        if role == "kiosk" and config.on_screen_keyboard:
            enable_virtual_keyboard()
        qt = qt_application()
        from kiosk.ui.common.qt_log import install_qt_logging

        install_qt_logging()
    except SystemSetupError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return EXIT_SYSTEM
    except ImportError as exc:
        # Qt's own libraries failing to load (libEGL, libxkbcommon...) surface here.
        print(f"kiosk: Qt could not load a system library: {exc}", file=sys.stderr)
        return EXIT_SYSTEM
    _start_language(config.language)
    try:
        joined = site.find_server(config, role)
    except ServerUnreachableError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return site.EXIT_UNREACHABLE
    from kiosk.logs import crash

    crash.set_state(station=joined.enrolment.name, server=joined.enrolment.url)
    opened: list[object] = []  # the station, once reached; the windows shown
    try:
        try:
            opened.append(site.off_gui(lambda: open_station(config, joined.enrolment)))
        except ServerUnreachableError as exc:
            if smoke:
                print(
                    f"kiosk: the site server at {joined.enrolment.url} does not answer: {exc}",
                    file=sys.stderr,
                )
                return site.EXIT_UNREACHABLE
            # The station says so on its screen and keeps trying; its window opens once reached.
            _wait_for_server(config, joined.enrolment, role, opened)
            return qt.exec()
        window = _open_window(opened[0], role)
        if smoke:
            return _smoke(qt, window)
        return qt.exec()
    finally:
        from kiosk.ui.common.background import wait_for_background

        wait_for_background()
        for station in opened:
            station.close()  # type: ignore[attr-defined]
        joined.stop()


def _wait_for_server(config: Config, enrolment: object, role: str, opened: list[object]) -> None:
    from kiosk.station import Enrolment, open_station
    from kiosk.ui.common.server_wait import ServerWaitWindow

    assert isinstance(enrolment, Enrolment)
    waiting = ServerWaitWindow(lambda: open_station(config, enrolment), enrolment.url)

    def reached(station: object) -> None:
        opened.append(station)
        _SHOWN.append(_open_window(station, role))  # held: a window nobody references is collected
        waiting.close()

    waiting.reached.connect(reached)
    waiting.resize(1080, 600)
    waiting.show()
    waiting.start()


def _start_language(language: str) -> None:
    from kiosk.ui.common.i18n import TranslationsMissingError, set_language

    try:
        set_language(language)
    except TranslationsMissingError as exc:
        # Better an English kiosk than none; the log says how to fix it.
        log.error("%s; showing English", exc)


def _open_window(station: object, role: str) -> object:
    from kiosk.client.station import Station
    from kiosk.ui.console.desk_window import DeskWindow
    from kiosk.ui.kiosk.window import KioskWindow

    assert isinstance(station, Station)
    if role == "desk":
        desk = DeskWindow(station)
        desk.show()
        return desk
    if role == "guard":
        from kiosk.ui.console.guard_window import GuardWindow

        guard = GuardWindow(station)
        guard.show()
        return guard
    kiosk = KioskWindow(station)
    kiosk.exit_authorised.connect(kiosk.close)
    if station.local.fullscreen:
        kiosk.showFullScreen()
    else:
        kiosk.resize(1080, 1920)
        kiosk.show()
    return kiosk


def _smoke(qt: object, window: object) -> int:
    """Wait for the first painted frame, say so on stdout (the benchmark reads it), exit 0."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(qt, QApplication) and isinstance(window, QWidget)
    outcome = {"code": 1}

    def painted() -> None:
        outcome["code"] = 0
        # The title too, in the language the window opened in: an installer sees the
        # translations were found (the benchmark reads only the first line).
        print(f"first-frame {window.objectName()}\ntitle {window.windowTitle()}", flush=True)
        qt.exit(0)  # exit(), not quit(): quit() asks windows to close and a locked kiosk refuses

    def too_slow() -> None:
        print(f"kiosk: no frame painted within {SMOKE_TIMEOUT_MS} ms", file=sys.stderr)
        qt.exit(1)

    QTimer.singleShot(SMOKE_TIMEOUT_MS, too_slow)

    # The next turn of the event loop after show() has painted the window.
    def paint_then_report() -> None:
        window.repaint()
        painted()

    QTimer.singleShot(0, paint_then_report)
    qt.exec()
    return outcome["code"]


def _screenshots(config: Config, out: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.cli.screenshots import render_all
    from kiosk.ui.common.qt import qt_application

    qt_application()
    for path in render_all(out, config):
        print(path)
    return 0


def _print_sample(document: str, lang: str, width: int, copy: bool, out: Path) -> int:
    from kiosk.devices.escpos.codec import parse_escpos
    from kiosk.devices.escpos.render import render_png
    from kiosk.printing.catalog import render_document
    from kiosk.printing.layout import PrinterProfile

    data = render_document(SAMPLES[document](), lang, PrinterProfile(width), copy)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    png = out.with_name(out.name + ".png")
    render_png(parse_escpos(data), width, png)
    print(f"{out} ({len(data)} bytes), picture: {png}")
    return 0


def _emulate_printer(config: Config, args: argparse.Namespace) -> int:
    import time

    from kiosk.devices.escpos.emulator import NetworkPrinterEmulator

    out = args.out or config.printer_output_dir / "network"
    try:
        emulator = NetworkPrinterEmulator(out, args.host, args.port, args.width)
    except OSError as exc:
        print(f"kiosk: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return EXIT_SYSTEM
    emulator.state = PrinterStatus(args.state)
    with emulator:
        print(
            f"emulated printer on {emulator.host}:{emulator.port}, documents in {out} (Ctrl-C stops)",
            flush=True,
        )
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


def _emulate_idreader(args: argparse.Namespace) -> int:
    from kiosk.devices.idreader.emulator import run_from_cli

    return run_from_cli(args.link, args.cards, args.baudrate, args.fault, present=args.present)


def _emulate_encoder(args: argparse.Namespace) -> int:
    from kiosk.cli.devices import emulate_encoder

    return emulate_encoder(
        args.protocol,
        args.link,
        baudrate=args.baudrate,
        faults=args.fault,
        blank_cards=args.blank_cards,
        cards_dir=args.cards,
        present=args.present,
    )


def _device(config: Config, args: argparse.Namespace) -> int:
    from kiosk.cli import devices as device_cli

    url = args.url or config.encoder_url
    if args.device_command == "probe":
        return device_cli.probe(config, url)
    if args.device_command == "read":
        return device_cli.read(config, url, args.timeout)
    return device_cli.wipe(config, url, args.timeout)


def _staff_add(config: Config, username: str, name: str, role: Role) -> int:
    import getpass

    from kiosk.app import build_app
    from kiosk.domain.errors import ValidationError
    from kiosk.services.audit import Actor

    # A PIN typed twice, never on the command line (it would stay in the shell history).
    secret = getpass.getpass("PIN or password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    if sys.stdin.isatty() and getpass.getpass("Again: ") != secret:
        print("kiosk: the two entries differ; nothing was saved", file=sys.stderr)
        return EXIT_CONFIG
    app = build_app(config, "desk")
    try:
        app.staff.add(username, name, role, secret, Actor("cli", getpass.getuser()))
    except ValidationError as exc:
        print(f"kiosk: cannot add {username}: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    finally:
        app.close()
    print(f"added {username} ({role.value})")
    return 0


def _import_csv(config: Config, kind: str, path: Path, skip_bad_rows: bool) -> int:
    import getpass

    from kiosk.app import build_app
    from kiosk.services.audit import Actor
    from kiosk.services.csv_import import ImportFileError, ImportInterruptedError

    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"kiosk: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return EXIT_IMPORT
    app = build_app(config, "desk")
    actor = Actor("cli", getpass.getuser())
    try:
        if kind == "directory":
            report = app.directory.import_file(data, path.name, actor, skip_bad_rows)
        elif kind == "residents":
            report = app.residents.import_residents(data, path.name, actor, skip_bad_rows)
        else:
            report = app.residents.import_fees(data, path.name, actor, skip_bad_rows)
    except ImportFileError as exc:
        print(
            f"kiosk: {path.name}: {exc}; nothing was imported (formats: {IMPORT_FORMATS_DOC})",
            file=sys.stderr,
        )
        return EXIT_IMPORT
    except ImportInterruptedError as exc:
        print(f"kiosk: {exc}: {exc.__cause__}", file=sys.stderr)
        return EXIT_IMPORT
    finally:
        app.close()
    print(f"{path.name}: {report.rows} rows ({report.encoding})")
    if report.ignored_columns:
        print(f"  ignored columns: {', '.join(report.ignored_columns)}")
    for bad in report.bad_rows:
        print(f"  line {bad.line}: {bad.reason}", file=sys.stderr if not report.imported else sys.stdout)
    if not report.imported:
        print(
            f"kiosk: {len(report.bad_rows)} bad row(s); nothing was imported"
            f" (fix them, or use --skip-bad-rows to import the rest; formats: {IMPORT_FORMATS_DOC})",
            file=sys.stderr,
        )
        return EXIT_IMPORT
    print(
        f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
        f"skipped {report.skipped}"
    )
    return 0


def _purge(config: Config, dry_run: bool) -> int:
    import getpass

    from kiosk.app import build_app
    from kiosk.services.audit import Actor

    app = build_app(config, "server")
    try:
        report = app.retention.purge(Actor("cli", getpass.getuser()), dry_run=dry_run)
    finally:
        app.close()
    zone = app.site.timezone
    print(f"{'would purge' if dry_run else 'purged'} (records ended before the date shown):")
    for count in report.counts:
        before = count.older_than.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        print(f"  {count.kind:<20} {count.rows:>7}  before {before}  fields: {', '.join(count.fields)}")
    print(f"  {'total':<20} {report.total:>7}")
    if dry_run:
        print("nothing was changed (run without --dry-run to purge)")
    return 0


def _db(config: Config, action: str) -> int:
    from kiosk.app import open_database
    from kiosk.storage import migrate
    from kiosk.storage.database import SchemaDriftError

    database = open_database(config)  # upgrades on open, as the kiosk does at start
    try:
        if action == "upgrade":
            print(f"database at revision {migrate.current_revision(database.engine)}: {config.database_url}")
            return 0
        try:
            migrate.check(database.engine)
        except SchemaDriftError as exc:
            print(f"kiosk: the models and the migrations differ: {exc}", file=sys.stderr)
            return EXIT_DRIFT
        print("no drift: the models match the migrations")
        return 0
    finally:
        database.dispose()


def _db_copy(config: Config, to_url: str, replace_rows: bool) -> int:
    """Copy the site's database to ``to_url``, then open the copy as the server would and compare
    what the desk reads there (the board, the visitor log) with the source."""
    from dataclasses import replace

    from sqlalchemy.exc import SQLAlchemyError

    from kiosk.storage.copy import CopyRefusedError, check_source, copy_database
    from kiosk.storage.database import Database, DatabaseUrlError, parse_database_url

    try:
        target_url = parse_database_url(to_url)
    except DatabaseUrlError as exc:
        raise ConfigError("--to", str(exc)) from None
    if target_url == parse_database_url(config.database_url):
        raise ConfigError("--to", "names the database the site already uses (database.url)")
    # As typed, unless it holds a password (then with *** in its place).
    shown = target_url.render_as_string(hide_password=True) if target_url.password else to_url
    try:
        with Database.open(config.database_url) as source:
            # Checked before the site is opened below, which would upgrade a schema behind.
            check_source(source)
            # Opened as its server would: the key files checked against the database (their
            # fingerprints recorded if it has none yet, so they go across with the copy).
            before = _site_reads(config)
            with Database.open(to_url) as target:
                copied = copy_database(source, target, replace=replace_rows)
    except (CopyRefusedError, SQLAlchemyError) as exc:
        print(f"kiosk: nothing was copied: {exc}", file=sys.stderr)
        return EXIT_COPY
    print(f"copied into {shown}:")
    print(f"  {'table':<24} {'rows':>9}")
    for table in copied:
        print(f"  {table.name:<24} {table.rows:>9}")
    print(f"  {'total':<24} {sum(t.rows for t in copied):>9}")
    after = _site_reads(replace(config, database_url=to_url))
    if after != before:
        print(
            "kiosk: the copy does not read like the source (the board or the visitor log differ): "
            "keep the site on its present database and report this",
            file=sys.stderr,
        )
        return EXIT_COPY
    print("the copy reads the same as the source (the board, the visitor log).")
    print("Next: in the server's configuration file set")
    print(f'  [database]\n  url = "{shown}"')
    if target_url.password:
        print("  (with the password in place of ***)")
    print("  (the role the servers connect as: with installer/postgresql's roles, kiosk_app)")
    print(
        "then run `kiosk db check` and start the server. A second server on this database needs "
        f"the *.key files of {config.data_dir / 'keys'} (not server-cert.pem, server-key.pem)."
    )
    return 0


def _site_reads(config: Config) -> tuple[object, ...]:
    """What the desk reads of a site: who is on site, who waits, the visitor log's newest page."""
    from datetime import date, timedelta

    from kiosk.app import build_app
    from kiosk.domain.visitor_log import LogFilter

    app = build_app(config, "server")
    try:
        today = app.clock.now().astimezone(app.site.timezone).date()
        newest = app.visitor_log.search(LogFilter(date(2000, 1, 1), today + timedelta(days=1)))
        return (app.lobby.on_site(), app.lobby.waiting(), newest.rows)
    finally:
        app.close()
