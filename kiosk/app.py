"""The composition root: reads the config, opens the database and the devices, builds services.

The only module that knows which concrete device classes are used.
"""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property, partial
from pathlib import Path
from typing import TypeVar

from argon2 import PasswordHasher
from sqlalchemy.exc import SQLAlchemyError

from kiosk import owner_only
from kiosk.config import Config, ConfigError
from kiosk.configured_devices import open_configured, open_configured_id_reader, printer_profile
from kiosk.devices.absent import NoEncoder
from kiosk.devices.factory import open_printer
from kiosk.devices.interfaces import CardEncoder, IdCardReader, ReceiptPrinter
from kiosk.domain.cards import numeric_site_id
from kiosk.printing.send import Printer
from kiosk.resources import RESOURCES_DIR
from kiosk.services.audit import Actor
from kiosk.services.audit_chain import sign_sessions
from kiosk.services.card_sinks import CardSink, CsvDropSink, EmailSink, WebhookSink
from kiosk.services.cards import CardService
from kiosk.services.checkin import CheckInService
from kiosk.services.clock import Clock, SystemClock
from kiosk.services.complaints import ComplaintService
from kiosk.services.courier import CourierService
from kiosk.services.deposits import DepositService
from kiosk.services.desk_visits import DeskVisitService
from kiosk.services.directory import DirectoryService
from kiosk.services.duty_officer import DutyOfficerNotifier
from kiosk.services.evacuation import EvacuationService
from kiosk.services.handover import HandoverService
from kiosk.services.host_channels import HostChannelNotifier, HttpSmsGateway
from kiosk.services.host_notify import SmtpHostNotifier, SmtpSettings, send_mail
from kiosk.services.idc_cards import IdcCardService
from kiosk.services.invitations import InvitationService
from kiosk.services.key_loans import KeyLoanService
from kiosk.services.lobby import LobbyService
from kiosk.services.lost_found import LostFoundService
from kiosk.services.machine_room_passes import MachineRoomPassService
from kiosk.services.mail import MailNoticeMailer, MailService
from kiosk.services.monthly_figures import MonthlyFiguresService
from kiosk.services.newspapers import NewspaperService
from kiosk.services.payments import PaymentService
from kiosk.services.permits import PermitService
from kiosk.services.phone_messages import PhoneMessageService
from kiosk.services.pii import PiiVault
from kiosk.services.print_queue import PrintQueue
from kiosk.services.release_slips import ReleaseSlipService
from kiosk.services.repairs import RepairService
from kiosk.services.residents import ResidentService
from kiosk.services.retention import RetentionService
from kiosk.services.roster import RosterService
from kiosk.services.site import SiteInfo
from kiosk.services.site_keys import (
    AUDIT_CHAIN_KEY,
    SHARED_KEYS,
    SiteKeysDifferError,
    check_shared_keys,
    load_or_create_key,
)
from kiosk.services.staff import STRONG_HASHER, StaffService
from kiosk.services.supervisor_alerts import MailSupervisorAlerter
from kiosk.services.throttle import StationThrottleService, ThrottleSettings
from kiosk.services.visitor_cards import VisitorCardService
from kiosk.services.visitor_kinds import VisitorKindService
from kiosk.services.visitor_log import VisitorLogService
from kiosk.services.watchlist import WatchlistService
from kiosk.storage import migrate
from kiosk.storage.database import Database, DatabaseUrlError, SchemaNewerError

log = logging.getLogger(__name__)
_Device = TypeVar("_Device")

DEMO_DIRECTORY = RESOURCES_DIR / "demo" / "directory.csv"
# Demo owners, tenants and fee ledger (the examples docs/imports.md shows): 2-101 paid up; 2-102's
# tenant one month behind; 2-103's owner four months (a supervisor approves); 2-104 (the unit
# field's placeholder) an owner one month behind and a paid-up tenant; 2-105 no fee record.
DEMO_RESIDENTS = RESOURCES_DIR / "demo" / "residents.csv"
DEMO_FEES = RESOURCES_DIR / "demo" / "fees.csv"
# A pool of machine-room passes, all in: nothing was ever signed out, so no reconciliation is due.
DEMO_PASSES = tuple(f"P{n:03d}" for n in range(1, 13))


@dataclass
class KioskApp:
    """Everything a window needs, built once at start."""

    config: Config
    clock: Clock
    database: Database
    printer: ReceiptPrinter
    encoder: CardEncoder
    print_queue: PrintQueue
    site: SiteInfo
    checkin: CheckInService
    lobby: LobbyService
    evacuation: EvacuationService
    watchlist: WatchlistService
    directory: DirectoryService
    invitations: InvitationService
    staff: StaffService
    actor: Actor
    machine_room_passes: MachineRoomPassService
    cards: CardService
    visitor_cards: VisitorCardService
    idc_cards: IdcCardService
    payments: PaymentService
    handover: HandoverService
    residents: ResidentService
    release_slips: ReleaseSlipService
    visitor_log: VisitorLogService
    monthly_figures: MonthlyFiguresService
    complaints: ComplaintService
    phone_messages: PhoneMessageService
    repairs: RepairService
    mail: MailService
    newspapers: NewspaperService
    courier: CourierService
    key_loans: KeyLoanService
    permits: PermitService
    visitor_kinds: VisitorKindService
    lost_found: LostFoundService
    roster: RosterService
    retention: RetentionService
    throttle: StationThrottleService
    # [devices] id_reader; None: no reader (or it was not plugged in), the visitor types the number.
    id_reader: IdCardReader | None = None

    @cached_property
    def deposits(self) -> DepositService:
        """Deposits tied to the pass, card or permit they secure, finance's deductions, forfeits."""
        return DepositService(
            self.database.sessions, self.clock, self.site, self.print_queue, self.payments, self.staff
        )

    @cached_property
    def desk_visits(self) -> DeskVisitService:
        """Walk-ins at the desk, units visited and the desk's calls, over the kiosk's check-in."""
        return DeskVisitService(self.database.sessions, self.clock, self.checkin)

    @property
    def demo_mode(self) -> bool:
        """No configuration file: defaults, emulated devices and a demo staff directory."""
        return self.config.source is None

    @property
    def site_key_dir(self) -> Path:
        return self.config.data_dir / "keys"

    @property
    def export_dir(self) -> Path:
        """Where the server writes an export before the desk downloads it: emptied at every
        start (kiosk.server.startup), so a file cut short by a crash never stays behind."""
        return self.config.data_dir / "exports"

    def close(self) -> None:
        for printer in self.print_queue.printers:
            printer.device.close()
        self.encoder.close()
        if self.id_reader is not None:
            self.id_reader.close()
        self.database.dispose()


def open_database(config: Config) -> Database:
    """Open and upgrade the database, turning failures into a ConfigError naming database.url."""
    database: Database | None = None
    try:
        _data_dir_owner_only(config.data_dir)
        database = Database.open(config.database_url, config.database_settings)
        migrate.upgrade(database.engine)
    except (DatabaseUrlError, SchemaNewerError) as exc:
        reason = str(exc)
    except (SQLAlchemyError, OSError) as exc:
        reason = f"cannot open {config.database_url}: {exc}"
    else:
        return database
    if database is not None:
        database.dispose()
    raise ConfigError("database.url", reason, config.source) from None


def _data_dir_owner_only(data_dir: Path) -> None:
    """The data folder (database, keys, evacuation list, printer and access-control drops: all
    personal data) is entered by the server's account alone: 0700, made so or tightened."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    owner_only.tighten(data_dir, 0o700)


def open_site_database(config: Config, clock: Clock, actor: Actor) -> Database:
    """The site's database as a server opens it: upgraded, the shared key files checked against
    it (SiteKeysDifferError as a ConfigError; KeyFileError as it is), and its sessions signing
    the audit events they add. The server and every command-line tool that writes open it so:
    an audit event added without the audit key would break the chain."""
    database = open_database(config)
    try:
        # The decision-links key is made only where hosts are asked with links (e-mail, chat, SMS).
        shared = SHARED_KEYS if config.asks_hosts else tuple(k for k in SHARED_KEYS if k != "decision-links")
        keys = check_shared_keys(database.sessions, config.data_dir / "keys", shared, clock, actor)
    except SiteKeysDifferError as exc:
        database.dispose()
        raise ConfigError("database.url", str(exc), config.source) from None
    except BaseException:
        database.dispose()
        raise
    sign_sessions(database.sessions, keys[AUDIT_CHAIN_KEY])
    return database


def _check_mail_settings(config: Config) -> None:
    """The settings that send mail, refused as a whole before anything is opened."""
    if config.asks_hosts and not config.decision_url:
        raise ConfigError(
            "notify.decision_url",
            "needed with smtp_url, wecom_url, dingtalk_url or sms_url: the address hosts' links open",
            config.source,
        )
    for key, address in (
        ("desk.supervisor_email", config.supervisor_email),
        ("desk.manager_email", config.manager_email),
    ):
        if address and not config.smtp_url:
            raise ConfigError(key, "needs [notify] smtp_url to send through", config.source)


def build_app(
    config: Config,
    role: str = "kiosk",
    *,
    printer: ReceiptPrinter | None = None,
    fallback_printer: ReceiptPrinter | None = None,
    encoder: CardEncoder | None = None,
    clock: Clock | None = None,
    id_reader: IdCardReader | None = None,
    password_hasher: PasswordHasher | None = None,
) -> KioskApp:
    """Wire the application. Tests pass fakes for ``printer``, ``encoder``, ``id_reader`` and
    ``clock``, and a cheap ``password_hasher`` (the default is argon2id at production cost)."""
    clock = clock or SystemClock()
    actor = Actor.kiosk(socket.gethostname()) if role == "kiosk" else Actor.desk(socket.gethostname())
    # Before the database is opened: a refused setting leaves nothing open behind it.
    _check_mail_settings(config)
    database = open_site_database(config, clock, actor)
    try:
        printer = printer or open_configured(
            "printer.url",
            config,
            lambda: open_printer(config.printer_url, config.printer_output_dir),
        )
        if fallback_printer is None and config.printer_fallback_url:
            fallback_printer = open_configured(
                "printer.fallback_url",
                config,
                lambda: open_printer(config.printer_fallback_url, config.printer_output_dir / "fallback"),
            )
        # Decided: the core opens no encoder (it would hold the port a desk or kiosk station in the
        # same process opens, `kiosk run` with no enrolment): cards are written on the stations'
        # encoders with the server's plans. The server machine's tools (`kiosk device`) and the
        # tests pass their own.
        encoder = encoder or NoEncoder()
        if id_reader is None and config.id_reader_url and role == "kiosk":
            id_reader = open_configured_id_reader(config)
    except ConfigError:
        database.dispose()
        raise
    site = SiteInfo(
        config.site_name, config.zone, config.badge_valid_hours, config.night_starts, config.night_ends
    )
    devices = [printer] if fallback_printer is None else [printer, fallback_printer]
    queue = PrintQueue(
        database.sessions, [Printer(d, printer_profile(config, d)) for d in devices], clock, actor.label
    )
    # One key signs the codes printed for people to show back: release slips and, under a label
    # of its own, the badges' check-out codes. Reused, not a new shared key: servers already
    # sharing a database hold it alike, so signing badges needs no key copied at an upgrade.
    code_key = load_or_create_key(config.data_dir / "keys" / "release-slips.key")
    lobby = LobbyService(database.sessions, queue, clock, code_key)
    payments = PaymentService(database.sessions, queue, clock, site)
    residents = ResidentService(database.sessions, clock)
    vault = PiiVault.from_key_dir(
        config.data_dir / "keys", lambda: clock.now().astimezone(site.timezone).date()
    )
    cards = CardService.from_key_dir(
        database.sessions, clock, encoder, config.data_dir / "keys", numeric_site_id(config.site_id)
    )
    # Keeps no state: the desk, the pass desk, the handover and the slips all check PINs through it.
    staff = StaffService(database.sessions, clock, password_hasher or STRONG_HASHER)
    permits = PermitService(database.sessions, clock, queue, site, code_key)
    app = KioskApp(
        config=config,
        clock=clock,
        database=database,
        printer=printer,
        encoder=encoder,
        print_queue=queue,
        site=site,
        checkin=CheckInService(
            database.sessions,
            queue,
            clock,
            site,
            code_key,
            identity=vault,
        ),
        watchlist=WatchlistService(database.sessions, clock, vault),
        lobby=lobby,
        evacuation=EvacuationService(
            database.sessions,
            lobby,
            queue.printers,
            clock,
            config.site_name,
            config.data_dir / "evacuation-snapshot.json",
            site.timezone,
        ),
        directory=DirectoryService(database.sessions, clock),
        invitations=InvitationService(
            database.sessions, clock, queue, config.site_name, mail_from=config.mail_from, zone=site.timezone
        ),
        staff=staff,
        actor=actor,
        machine_room_passes=MachineRoomPassService(
            database.sessions, clock, site, staff, queue, vault, alert_at=config.reconciliation_alert_at
        ),
        cards=cards,
        visitor_cards=VisitorCardService(database.sessions, clock, cards, lobby),
        idc_cards=IdcCardService(
            database.sessions,
            clock,
            cards,
            vault,
            queue,
            config.site_name,
            site.timezone,
            _idc_sinks(config),
        ),
        payments=payments,
        handover=HandoverService(database.sessions, clock, staff, payments),
        residents=residents,
        release_slips=ReleaseSlipService(
            database.sessions,
            clock,
            queue,
            residents,
            staff,
            code_key,
            config.site_name,
            site.timezone,
            payments,
            config.slip_valid_hours,
        ),
        visitor_log=VisitorLogService(database.sessions, clock, site.timezone),
        monthly_figures=MonthlyFiguresService(database.sessions, clock, site.timezone),
        complaints=ComplaintService(database.sessions, clock, site),
        phone_messages=PhoneMessageService(database.sessions, clock, queue, config.site_name, site.timezone),
        repairs=RepairService(database.sessions, clock, queue, site, config.repairs),
        mail=MailService(database.sessions, clock, queue, site, staff, config.mail),
        newspapers=NewspaperService(database.sessions, clock, site, config.newspapers),
        courier=CourierService(database.sessions, clock, queue, site),
        key_loans=KeyLoanService(database.sessions, clock, site, config.keys),
        permits=permits,
        visitor_kinds=VisitorKindService(database.sessions, clock, site, config.visitor_kinds, permits),
        lost_found=LostFoundService(database.sessions, clock, queue, site, staff, config.lost_found),
        roster=RosterService(database.sessions, clock, site, staff, config.roster),
        retention=RetentionService(database.sessions, clock, config.retention, site.timezone),
        throttle=StationThrottleService(
            database.sessions,
            clock,
            ThrottleSettings(
                config.wrong_tries_before_wait,
                timedelta(seconds=config.wrong_tries_window_s),
                config.wrong_tries_alert_after,
            ),
        ),
        id_reader=id_reader,
    )
    # The handover flags an incoming clerk not on the approved duty roster (kiosk.services.roster).
    app.handover.roster_check = app.roster.off_roster
    if config.asks_hosts:
        app.checkin.notifiers.append(_host_notifier(config, clock, app.site_key_dir))
    # Who approves each kind of person, checked on every approval; the duty officer and the patrol
    # guard told on their channels ([duty_officer]).
    app.checkin.kinds = app.visitor_kinds
    kinds = config.visitor_kinds
    if kinds.duty_officer_channel or kinds.patrol_channel:
        app.visitor_kinds.notifier = DutyOfficerNotifier(
            _host_notifier(config, clock, app.site_key_dir),
            kinds,
            config.decision_url,
            load_or_create_key(app.site_key_dir / "decision-links.key"),
            clock,
            config.site_name,
        )
    if config.smtp_url:
        smtp = SmtpSettings.from_url(config.smtp_url, config.mail_from)
        app.invitations.mail = partial(send_mail, smtp)
        # An addressee of the staff directory with an address hears of their registered mail.
        app.mail.notifiers.append(MailNoticeMailer(partial(send_mail, smtp), config.mail_from))
        if config.supervisor_email:
            # The duty supervisor: pass discrepancies, repair clocks that ran out.
            supervisor = MailSupervisorAlerter(
                partial(send_mail, smtp), config.site_name, config.mail_from, config.supervisor_email
            )
            app.machine_room_passes.alerters.append(supervisor)
            app.repairs.alerters.append(supervisor)
            app.newspapers.alerters.append(supervisor)
    if config.manager_email:
        # Serious complaints (重大投诉) reach the manager at once, worded as the supervisor's alerts.
        app.complaints.alerters.append(
            MailSupervisorAlerter(
                partial(send_mail, SmtpSettings.from_url(config.smtp_url, config.mail_from)),
                config.site_name,
                config.mail_from,
                config.manager_email,
            )
        )
    if app.demo_mode and DEMO_DIRECTORY.is_file():
        added = app.directory.load_demo(DEMO_DIRECTORY, actor)
        if added:
            log.info("demo mode: loaded %d demo hosts into an empty staff directory", added)
    return app


def load_demo_records(app: KioskApp) -> None:
    """Demo mode, when a window opens: owners and tenants, their fee ledger and a pool of
    machine-room passes, so release slips and passes can be tried at once. Each goes only into an
    empty table, the CSV files through the same importers a site uses. Never with a config file."""
    if not app.demo_mode:
        return
    if not app.residents.count() and DEMO_RESIDENTS.is_file() and DEMO_FEES.is_file():
        for path, load in (
            (DEMO_RESIDENTS, app.residents.import_residents),
            (DEMO_FEES, app.residents.import_fees),
        ):
            report = load(path.read_bytes(), path.name, app.actor)
            if not report.imported:
                log.warning("demo mode: %s not loaded: %s", path, [b.reason for b in report.bad_rows])
                return
        log.info("demo mode: loaded demo owners, tenants and fee ledger")
    if not app.machine_room_passes.pool():
        app.machine_room_passes.add_passes(DEMO_PASSES, app.actor)
        log.info("demo mode: added machine-room passes %s-%s", DEMO_PASSES[0], DEMO_PASSES[-1])


def _host_notifier(config: Config, clock: Clock, key_dir: Path) -> HostChannelNotifier:
    """Each host asked on their channel or the site's (kiosk.services.host_channels)."""
    key = load_or_create_key(key_dir / "decision-links.key")
    email = None
    if config.smtp_url:
        smtp = SmtpSettings.from_url(config.smtp_url, config.mail_from)
        email = SmtpHostNotifier(smtp, config.decision_url, key, clock, config.site_name)
    channels = config.notify
    sms = (
        HttpSmsGateway(channels.sms_url, channels.sms_body, channels.sms_token) if channels.sms_url else None
    )
    return HostChannelNotifier(channels, config.decision_url, key, clock, config.site_name, email, sms)


def _idc_sinks(config: Config) -> list[CardSink]:
    """The access-control sinks of [idc]. Demo mode drops CSV files in the data folder."""
    sinks: list[CardSink] = []
    if config.idc_webhook_url:
        sinks.append(WebhookSink(config.idc_webhook_url, config.idc_webhook_token))
    if config.idc_csv_dir:
        sinks.append(CsvDropSink(Path(config.idc_csv_dir).expanduser()))
    if config.idc_email_to:
        if not config.smtp_url:
            raise ConfigError("idc.email_to", "needs [notify] smtp_url to send through", config.source)
        sinks.append(
            EmailSink(
                SmtpSettings.from_url(config.smtp_url, config.mail_from),
                config.idc_email_to,
                config.site_name,
            )
        )
    if not sinks and config.source is None:
        sinks.append(CsvDropSink(config.data_dir / "access-drop"))
    return sinks
