"""The kiosk's one configuration file (TOML), validated at start with messages that name the key."""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import time
from pathlib import Path, PureWindowsPath
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from kiosk.devices.factory import (
    ENCODER_SCHEMES,
    ID_READER_SCHEMES,
    PRINTER_SCHEMES,
    parse_device_url,
    running_on_windows,
)
from kiosk.domain.key_loans import KeyLoanSettings
from kiosk.domain.lost_found import LostFoundSettings
from kiosk.domain.mail import MailSettings
from kiosk.domain.newspapers import NewspaperSettings
from kiosk.domain.notify import DEFAULT_SMS_BODY, ChannelSettings, NotifyChannel
from kiosk.domain.repairs import RepairSettings
from kiosk.domain.retention import MAX_DAYS, RetentionPolicy
from kiosk.domain.roster import RosterSettings, shifts_setting
from kiosk.domain.visitor_kinds import DEFAULT_APPROVERS, OFF, KindSettings, VisitorKind, parse_approver
from kiosk.storage.database import EngineSettings, parse_database_url, sqlite_url_for

APP_NAME = "lobby-kiosk"
CONFIG_FILE_NAME = "kiosk.toml"
DATABASE_URL_ENV = "KIOSK_DATABASE_URL"
LOG_DIR_ENV = "KIOSK_LOG_DIR"
# Where `kiosk serve` keeps its state (database, keys, exports) when its service sets it: not a key
# of kiosk.toml, because a desk on the server's machine reads the same file and keeps its own
# state in its user's folder. Unset: the platform's user data folder.
DATA_DIR_ENV = "KIOSK_DATA_DIR"
# The Debian package's configuration folder (installer/debian, docs/install-debian.md): looked at
# before the XDG machine-wide folder, so the file the package documents is the one that counts.
DEBIAN_CONFIG_DIR = Path("/etc/lobby-kiosk")
# On Windows the installer's machine-wide folder, %PROGRAMDATA%\Lobby Kiosk: kiosk.toml, and the
# service's data\ and logs\ (installer/windows/lobby-kiosk.iss).
WINDOWS_FOLDER = "Lobby Kiosk"
LANGUAGES = ("zh_CN", "en")


class ConfigError(Exception):
    """A configuration problem, told in one sentence that names the key and the file."""

    def __init__(self, key: str, message: str, source: Path | None = None) -> None:
        self.key = key
        self.source = source
        where = f" in {source}" if source else ""
        super().__init__(f"configuration error{where}: {key}: {message}")


@dataclass(frozen=True)
class Config:
    """The validated settings. Every field has a working default (demo mode)."""

    site_name: str
    site_id: str
    timezone: str
    database_url: str
    printer_url: str
    printer_fallback_url: str
    printer_encoding: str
    printer_chinese_mode: bool
    printer_codepage: int | None
    encoder_url: str
    language: str
    badge_valid_hours: int
    night_starts: time
    night_ends: time
    idle_timeout_s: int
    desk_lock_after_s: int
    auto_checkout_at: time | None
    on_screen_keyboard: bool
    smtp_url: str
    mail_from: str
    decision_url: str
    server_listen: str
    fullscreen: bool
    data_dir: Path
    source: Path | None
    # [idc]: where IDC identity-verification card data is uploaded (any, all or none of them).
    idc_webhook_url: str = ""
    idc_webhook_token: str = ""
    idc_csv_dir: str = ""
    idc_email_to: str = ""
    # [devices] id_reader: the resident ID-card reader the kiosk fills the identity step from (a
    # desk: its walk-in form); "" none.
    id_reader_url: str = ""
    # [desk] supervisor_email: a pass reconciliation's discrepancies are also mailed there.
    supervisor_email: str = ""
    # [desk] manager_email: a serious complaint (重大投诉) is mailed there at once.
    manager_email: str = ""
    # [desk] reconciliation_alert_at: a working day's pass sheet not signed by then alerts the
    # supervisor (once); None, never.
    reconciliation_alert_at: time | None = time(10, 0)
    visitor_cards: bool = False
    # [kiosk] wrong tries (invitation codes, badge codes, card taps, check-out names) per station.
    wrong_tries_before_wait: int = 5
    wrong_tries_window_s: int = 600
    wrong_tries_alert_after: int = 10
    # [desk] slip_valid_hours: 0, a release slip is good on the site day it was issued for.
    slip_valid_hours: int = 0
    # [database] timeouts and pool (the url is database_url).
    database_settings: EngineSettings = field(default_factory=EngineSettings)
    # [retention]: how long each kind of record keeps its personal data (kiosk.domain.retention).
    retention: RetentionPolicy = field(default_factory=RetentionPolicy)
    # [repairs]: the repair requests' clocks, warranty and the board's amber (kiosk.domain.repairs).
    repairs: RepairSettings = field(default_factory=RepairSettings)
    # [keys]: when a key loan is due back by default, and how long before the board turns amber.
    keys: KeyLoanSettings = field(default_factory=KeyLoanSettings)
    # [lost_found]: how long an unclaimed item is kept before it is listed for disposal.
    lost_found: LostFoundSettings = field(default_factory=LostFoundSettings)
    # [mail]: how long a registered letter or parcel waits before the board lists it as unclaimed.
    mail: MailSettings = field(default_factory=MailSettings)
    # [roster]: the desk's shifts, the pattern's cycle, who covers a shift (kiosk.domain.roster).
    roster: RosterSettings = field(default_factory=RosterSettings)
    # [newspapers]: when the day's papers should have come, when an open shortfall is escalated.
    newspapers: NewspaperSettings = field(default_factory=NewspaperSettings)
    # [notify] channel, group robots and SMS gateway (kiosk.domain.notify): how hosts are asked.
    notify: ChannelSettings = field(default_factory=ChannelSettings)
    # [visitor_kinds] and [duty_officer]: who approves each kind of person, and whom the server
    # tells at night and of a resident let in on the records (kiosk.domain.visitor_kinds).
    visitor_kinds: KindSettings = field(default_factory=KindSettings)
    # [log] dir, or KIOSK_LOG_DIR: where `kiosk serve` and `kiosk run` keep their log files.
    log_dir: Path = field(default_factory=lambda: Path(platformdirs.user_log_dir(APP_NAME)))

    @property
    def printer_output_dir(self) -> Path:
        """Where the emulated printer keeps its documents."""
        return self.data_dir / "printer-out"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def asks_hosts(self) -> bool:
        """Whether hosts are asked with signed links (e-mail, a group robot or SMS): the site
        server then keeps the decision-links key and serves the decision page."""
        return bool(self.smtp_url) or self.notify.configured()


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("must be text (in quotes)")
    return value


def _non_empty(value: object) -> str:
    text = _text(value).strip()
    if not text:
        raise ValueError("must not be empty")
    return text


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError("must be true or false")
    return value


def _int_between(low: int, high: int) -> Callable[[object], int]:
    def check(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("must be a whole number")
        if not low <= value <= high:
            raise ValueError(f"must be between {low} and {high}")
        return value

    return check


def _one_of(*choices: str) -> Callable[[object], str]:
    def check(value: object) -> str:
        text = _text(value)
        if text not in choices:
            raise ValueError(f"must be one of {', '.join(repr(c) for c in choices)}")
        return text

    return check


def _kind_approver(kind: VisitorKind) -> Callable[[object], str]:
    def check(value: object) -> str:
        text = _text(value).strip().lower()
        parse_approver(kind, text)
        return text

    return check


def _optional_clock_time(value: object) -> time | None:
    return None if _text(value).strip() == "" else _clock_time(value)


def _clock_time(value: object) -> time:
    text = _text(value).strip()
    try:
        hours, minutes = (int(part) for part in text.split(":"))
        return time(hours, minutes)
    except ValueError:
        raise ValueError(f"{text!r} is not a time of day like '20:00'") from None


def _timezone(value: object) -> str:
    text = _non_empty(value)
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{text!r} is not a time zone name such as 'Asia/Shanghai'") from None
    return text


def _database_url(value: object) -> str:
    text = _non_empty(value)
    parse_database_url(text)
    return text


def _device_url(schemes: tuple[str, ...]) -> Callable[[object], str]:
    def check(value: object) -> str:
        text = _non_empty(value)
        parse_device_url(text, schemes)
        return text

    return check


def _smtp_url(value: object) -> str:
    text = _non_empty(value)
    if not text.startswith(("smtp://", "smtps://")):
        raise ValueError(
            f"{text!r} is not an SMTP URL such as 'smtp://user:password@mail.example:587?starttls=true'"
        )
    return text


def _sms_body(value: object) -> str:
    text = _non_empty(value)
    try:
        body = json.loads(text)
    except ValueError:
        raise ValueError(f"{text!r} is not JSON such as '{DEFAULT_SMS_BODY}'") from None
    if not isinstance(body, dict) or "{text}" not in text:
        raise ValueError(f"{text!r} is not a JSON object with {{text}} in it, such as '{DEFAULT_SMS_BODY}'")
    return text


def _http_url(value: object) -> str:
    text = _non_empty(value)
    if not text.startswith(("http://", "https://")):
        raise ValueError(f"{text!r} is not a web address such as 'http://desk-pc:8088'")
    return text


def _host_port(value: object) -> str:
    text = _non_empty(value)
    host, sep, port = text.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"{text!r} is not HOST:PORT such as '0.0.0.0:8088'")
    return text


def _absolute_folder(value: object) -> str:
    # Absolute: a service's working folder is not the one its administrator typed the path in.
    text = _non_empty(value)
    if not Path(text).expanduser().is_absolute():
        example = str(windows_machine_dir({}) / "logs") if running_on_windows() else "/var/log/lobby-kiosk"
        raise ValueError(f"{text!r} is not an absolute folder such as '{example}'")
    return text


def _env_folder(env: Mapping[str, str], name: str) -> str:
    """An absolute folder from the environment variable ``name``; "" when it is unset."""
    value = env.get(name)
    if not value:
        return ""
    try:
        return _absolute_folder(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{name} (environment)", str(exc)) from None


def _optional(check: Callable[[object], str]) -> Callable[[object], str]:
    def optional(value: object) -> str:
        return "" if value == "" else check(value)

    return optional


def _local_timezone() -> str:
    # /etc/localtime -> .../zoneinfo/Asia/Shanghai on Linux; fall back to the lobby's usual zone.
    try:
        target = os.path.realpath("/etc/localtime")
    except OSError:
        target = ""
    marker = "zoneinfo/"
    if marker in target:
        name = target.split(marker, 1)[1]
        try:
            ZoneInfo(name)
            return name
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return "Asia/Shanghai"


_ENGINE_DEFAULTS = EngineSettings()
_RETENTION_DEFAULTS = RetentionPolicy()
_REPAIR_DEFAULTS = RepairSettings()
_KEY_DEFAULTS = KeyLoanSettings()
_LOST_FOUND_DEFAULTS = LostFoundSettings()
_MAIL_DEFAULTS = MailSettings()
_ROSTER_DEFAULTS = RosterSettings()
_NEWSPAPER_DEFAULTS = NewspaperSettings()

# section -> key -> (checker, default). Defaults that depend on the machine are filled in load().
_SCHEMA: dict[str, dict[str, tuple[Callable[[object], Any], Any]]] = {
    "site": {
        "name": (_non_empty, "示例大厦 Demo Tower"),
        "id": (_non_empty, "demo"),
        "timezone": (_timezone, None),
    },
    # Timeouts and pool: why each default is what it is, resources/kiosk.sample.toml. Every wait
    # stays under the station's own 10 s for an answer (kiosk.client.http), so a database that
    # does not answer reaches the station as the server's "try again", not as a timeout.
    "database": {
        "url": (_database_url, None),
        "connect_timeout_s": (_int_between(1, 60), _ENGINE_DEFAULTS.connect_timeout_s),
        "statement_timeout_s": (_int_between(1, 300), _ENGINE_DEFAULTS.statement_timeout_s),
        "pool_size": (_int_between(1, 100), _ENGINE_DEFAULTS.pool_size),
        "max_overflow": (_int_between(0, 100), _ENGINE_DEFAULTS.max_overflow),
        "pool_timeout_s": (_int_between(1, 60), _ENGINE_DEFAULTS.pool_timeout_s),
        "pre_ping": (_bool, _ENGINE_DEFAULTS.pre_ping),
    },
    "printer": {
        "url": (_device_url(PRINTER_SCHEMES), "emulated:"),
        "fallback_url": (_optional(_device_url(PRINTER_SCHEMES)), ""),
        "encoding": (_one_of("gb18030", "gbk", "big5"), "gb18030"),
        "chinese_mode": (_bool, True),
        "codepage": (_int_between(0, 255), None),
    },
    "encoder": {"url": (_device_url(ENCODER_SCHEMES), "emulated:")},
    # Optional devices; "" means the kiosk has none (the visitor types what it would read).
    "devices": {"id_reader": (_optional(_device_url(ID_READER_SCHEMES)), "")},
    # Hosts are asked by e-mail when smtp_url is set; their links open the site server's
    # decision page (decision_url: the address their phones reach the server at).
    "notify": {
        "smtp_url": (_optional(_smtp_url), ""),
        "from_address": (_optional(_non_empty), "lobby-kiosk@localhost"),
        "decision_url": (_optional(_http_url), ""),
        # The site's channel for hosts who name none of their own in the staff directory
        # (notify_channel): "email", "wecom" (企业微信), "dingtalk" (钉钉) or "sms".
        "channel": (_one_of(*(c.value for c in NotifyChannel)), NotifyChannel.EMAIL.value),
        # The group robots' webhook URLs, and DingTalk's 加签 secret (SEC...) if the robot has one.
        "wecom_url": (_optional(_http_url), ""),
        "dingtalk_url": (_optional(_http_url), ""),
        "dingtalk_secret": (_text, ""),
        # A generic SMS gateway: POST to sms_url ({mobile} may be in it) with sms_body, a JSON
        # object whose strings may hold {mobile} and {text}; sms_token as a bearer token.
        "sms_url": (_optional(_http_url), ""),
        "sms_body": (_sms_body, DEFAULT_SMS_BODY),
        "sms_token": (_text, ""),
    },
    # `kiosk serve`: where the stations (and hosts' phones) reach it, over TLS.
    "server": {"listen": (_host_port, "0.0.0.0:8443")},
    "kiosk": {
        "language": (_one_of(*LANGUAGES), "zh_CN"),
        "badge_valid_hours": (_int_between(1, 24), 8),
        "fullscreen": (_bool, True),
        # 20:00-08:00 the night duty officer (物业总值) approves every check-in.
        "night_starts": (_clock_time, time(20, 0)),
        "night_ends": (_clock_time, time(8, 0)),
        # An unattended, half-filled screen returns to the welcome page and forgets everything.
        "idle_timeout_s": (_int_between(15, 600), 60),
        # Qt Virtual Keyboard (with Pinyin) on the kiosk screen; off where a keyboard is attached.
        "on_screen_keyboard": (_bool, True),
        # Sites that hand out temporary visitor cards: the kiosk encodes one after the badge and
        # a tap on its encoder checks the visitor out.
        "visitor_cards": (_bool, False),
        # Wrong invitation codes, badge codes, refused card taps and check-out names that match
        # nobody, counted per kiosk by the server: this many within the window and the kiosk
        # waits (30 s, doubling with each wait, at most 15 min); the desk's board is alerted
        # after alert_after of them in a row without an hour's quiet.
        "wrong_tries_before_wait": (_int_between(2, 100), 5),
        "wrong_tries_window_s": (_int_between(60, 86400), 600),
        "wrong_tries_alert_after": (_int_between(1, 1000), 10),
    },
    # IDC identity-verification cards are uploaded to the access-control system through each
    # sink set here: an HTTP JSON webhook, a CSV drop folder, an e-mail to the systems department
    # (系统部, sent through [notify] smtp_url).
    "idc": {
        "webhook_url": (_optional(_http_url), ""),
        "webhook_token": (_text, ""),
        "csv_dir": (_text, ""),
        "email_to": (_optional(_non_empty), ""),
    },
    "desk": {
        # The console locks itself after this long without a key press or a click.
        "lock_after_s": (_int_between(30, 3600), 300),
        # Visits still open at this hour are closed as "auto check-out" and listed for the desk;
        # "" turns it off.
        "auto_checkout_at": (_optional_clock_time, time(23, 30)),
        # Discrepancies of the machine-room pass reconciliation are mailed here (through
        # [notify] smtp_url) besides standing on the board until a supervisor resolves them.
        "supervisor_email": (_optional(_non_empty), ""),
        # A serious complaint (重大投诉) is mailed here (through [notify] smtp_url) the moment it
        # is recorded or made serious.
        "manager_email": (_optional(_non_empty), ""),
        # A working day's machine-room pass sheet (due 09:00) not signed by both at this hour
        # alerts the supervisor (supervisor_email), once; "" turns it off.
        "reconciliation_alert_at": (_optional_clock_time, time(10, 0)),
        # How long the lobby guard accepts a release slip: 0, until the end of the site day it
        # was issued on (the goods leave while the holder waits); else this many hours.
        "slip_valid_hours": (_int_between(0, 168), 0),
    },
    # Days each kind of record keeps its personal data after it ended; the server purges daily
    # at purge_at (site-local). Why each default is what it is: kiosk.domain.retention.
    "retention": {
        **{
            key: (_int_between(1, MAX_DAYS), getattr(_RETENTION_DEFAULTS, key))
            for key in _RETENTION_DEFAULTS.day_keys()
        },
        "purge_at": (_clock_time, _RETENTION_DEFAULTS.purge_at),
    },
    # Repair requests (报修): urgent (急修) someone on site within urgent_arrival_hours and fixed
    # within urgent_fix_hours; general fixed within general_fix_hours; the work's warranty
    # (保修期) in calendar months from completion; the board shows a clock amber with less than
    # amber_percent of its limit left. Each overdue clock alerts the duty supervisor once.
    "repairs": {
        "urgent_arrival_hours": (_int_between(1, 48), _REPAIR_DEFAULTS.urgent_arrival_hours),
        "urgent_fix_hours": (_int_between(1, 720), _REPAIR_DEFAULTS.urgent_fix_hours),
        "general_fix_hours": (_int_between(1, 2160), _REPAIR_DEFAULTS.general_fix_hours),
        "warranty_months": (_int_between(1, 60), _REPAIR_DEFAULTS.warranty_months),
        "amber_percent": (_int_between(1, 90), _REPAIR_DEFAULTS.amber_percent),
    },
    # Key loans (钥匙借用): due_hours 0, a loan is due back at day_ends_at (the next day's when lent
    # after it); otherwise due_hours after it was lent. The clerk may choose another time. The
    # board turns a loan amber amber_minutes before it is due, red after.
    "keys": {
        "due_hours": (_int_between(0, 720), _KEY_DEFAULTS.due_hours),
        "day_ends_at": (_clock_time, _KEY_DEFAULTS.day_ends_at),
        "amber_minutes": (_int_between(0, 720), _KEY_DEFAULTS.amber_minutes),
    },
    # Newspapers and magazines (报刊): a title not counted by expected_by shows late on the board;
    # a shortfall (short or late) still open escalate_after_hours after it was noticed is sent to
    # the shift leader (领班) once, through [desk] supervisor_email, and turns red on the board.
    "newspapers": {
        "expected_by": (_clock_time, _NEWSPAPER_DEFAULTS.expected_by),
        "escalate_after_hours": (_int_between(1, 720), _NEWSPAPER_DEFAULTS.escalate_after_hours),
    },
    # Lost and found (失物招领): an item nobody claimed is listed for disposal keep_days after it was
    # found (why 90: kiosk.domain.lost_found.LostFoundSettings); a supervisor approves each one.
    "lost_found": {"keep_days": (_int_between(7, 3650), _LOST_FOUND_DEFAULTS.keep_days)},
    # Registered mail (挂号邮件): an item still waiting unclaimed_days after it came is listed red on
    # the board, to be returned to the post office with a supervisor's approval (退件).
    "mail": {"unclaimed_days": (_int_between(1, 365), _MAIL_DEFAULTS.unclaimed_days)},
    # The duty roster (大堂助理值班表): the desk's shifts ("早班 Early 07:00-15:00"; one ending at or
    # before its start ends the next day); "last month's pattern" copies the day cycle_days before
    # (28 carries a weekly and a 4-day rotation on); each shift needs min_per_shift people before
    # the roster is submitted; at a handover the incoming clerk is on the roster from early_minutes
    # before their shift.
    "roster": {
        "shifts": (shifts_setting, _ROSTER_DEFAULTS.shifts),
        "cycle_days": (_int_between(7, 56), _ROSTER_DEFAULTS.cycle_days),
        "min_per_shift": (_int_between(0, 20), _ROSTER_DEFAULTS.min_per_shift),
        "early_minutes": (_int_between(0, 240), _ROSTER_DEFAULTS.early_minutes),
    },
    # Each kind of person at the lobby (seed 001's table) and who approves it: "nobody" (let
    # through and recorded), "host", "desk_call" (the desk after an intercom call), "duty_officer"
    # (管理处值班人员), "permit" (the permits register's check), or "off" (the kind is not offered).
    # At night ([kiosk] night_starts-night_ends) the duty officer approves every visit.
    "visitor_kinds": {
        kind.value: (_kind_approver(kind), approver.value) for kind, approver in DEFAULT_APPROVERS.items()
    },
    # The duty officer (物业总值 / 管理处值班人员), told of each check-in at night and of every visit
    # they approve, and the patrol guard (巡逻岗), told to follow a resident let in on the records:
    # each on a channel of [notify] ("email", "wecom", "dingtalk", "sms") at its address (an
    # e-mail, a robot's webhook URL, a mobile); "" for the channel: the desks' banner only.
    "duty_officer": {
        "name": (_non_empty, "物业总值"),
        "channel": (_optional(_one_of(*(c.value for c in NotifyChannel))), ""),
        "address": (_text, ""),
        "mobile": (_text, ""),
        "patrol_channel": (_optional(_one_of(*(c.value for c in NotifyChannel))), ""),
        "patrol_address": (_text, ""),
        "patrol_mobile": (_text, ""),
    },
    # The log files of `kiosk serve` and `kiosk run` (one per role, rotated; kiosk/logs/setup.py).
    # "": the platform's log folder (~/.local/state/lobby-kiosk/log on Linux). KIOSK_LOG_DIR in
    # the environment overrides it. Under systemd the journal has the lines instead.
    "log": {"dir": (_optional(_absolute_folder), "")},
}


def windows_machine_dir(environ: Mapping[str, str]) -> PureWindowsPath:
    """%PROGRAMDATA%\\Lobby Kiosk: readable by every user (a station's settings), writable by
    administrators; the installer narrows its data\\ subfolder to the service and administrators."""
    return PureWindowsPath(environ.get("PROGRAMDATA") or r"C:\ProgramData", WINDOWS_FOLDER)


def default_config_paths(environ: Mapping[str, str] | None = None) -> list[Path]:
    """Where the kiosk looks for kiosk.toml when no --config is given: user, then machine-wide
    (on Windows %PROGRAMDATA%\\Lobby Kiosk, where the installer puts it; elsewhere the Debian
    package's /etc/lobby-kiosk, then the XDG folder, /etc/xdg/lobby-kiosk)."""
    user = Path(platformdirs.user_config_dir(APP_NAME)) / CONFIG_FILE_NAME
    if running_on_windows():
        machine = Path(str(windows_machine_dir(os.environ if environ is None else environ)))
        return [user, machine / CONFIG_FILE_NAME]
    xdg = Path(platformdirs.site_config_dir(APP_NAME))
    return [user, DEBIAN_CONFIG_DIR / CONFIG_FILE_NAME, xdg / CONFIG_FILE_NAME]


def load_config(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """Read and validate the configuration.

    ``path`` is the --config argument; without it the first existing file of
    :func:`default_config_paths` is used, and with none the defaults (demo mode).
    ``KIOSK_DATABASE_URL`` in the environment overrides ``database.url``.
    """
    env = os.environ if environ is None else environ
    source = path
    if source is None:
        source = next((p for p in default_config_paths(env) if p.is_file()), None)
    raw: dict[str, Any] = {}
    if source is not None:
        raw = _read_toml(source)
    values = _validate(raw, source)
    env_url = env.get(DATABASE_URL_ENV)
    if env_url:
        try:
            values["database.url"] = _database_url(env_url)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{DATABASE_URL_ENV} (environment)", str(exc)) from None
    data_dir = Path(_env_folder(env, DATA_DIR_ENV) or platformdirs.user_data_dir(APP_NAME))
    log_dir = _env_folder(env, LOG_DIR_ENV) or values["log.dir"]
    return Config(
        site_name=values["site.name"],
        site_id=values["site.id"],
        timezone=values["site.timezone"] or _local_timezone(),
        database_url=values["database.url"] or sqlite_url_for(data_dir / "kiosk.db"),
        printer_url=values["printer.url"],
        printer_fallback_url=values["printer.fallback_url"],
        printer_encoding=values["printer.encoding"],
        printer_chinese_mode=values["printer.chinese_mode"],
        printer_codepage=values["printer.codepage"],
        encoder_url=values["encoder.url"],
        language=values["kiosk.language"],
        badge_valid_hours=values["kiosk.badge_valid_hours"],
        night_starts=values["kiosk.night_starts"],
        night_ends=values["kiosk.night_ends"],
        idle_timeout_s=values["kiosk.idle_timeout_s"],
        desk_lock_after_s=values["desk.lock_after_s"],
        auto_checkout_at=values["desk.auto_checkout_at"],
        on_screen_keyboard=values["kiosk.on_screen_keyboard"],
        smtp_url=values["notify.smtp_url"],
        mail_from=values["notify.from_address"],
        decision_url=values["notify.decision_url"],
        server_listen=values["server.listen"],
        fullscreen=values["kiosk.fullscreen"],
        data_dir=data_dir,
        source=source,
        idc_webhook_url=values["idc.webhook_url"],
        idc_webhook_token=values["idc.webhook_token"],
        idc_csv_dir=values["idc.csv_dir"],
        idc_email_to=values["idc.email_to"],
        id_reader_url=values["devices.id_reader"],
        supervisor_email=values["desk.supervisor_email"],
        manager_email=values["desk.manager_email"],
        reconciliation_alert_at=values["desk.reconciliation_alert_at"],
        visitor_cards=values["kiosk.visitor_cards"],
        wrong_tries_before_wait=values["kiosk.wrong_tries_before_wait"],
        wrong_tries_window_s=values["kiosk.wrong_tries_window_s"],
        wrong_tries_alert_after=values["kiosk.wrong_tries_alert_after"],
        slip_valid_hours=values["desk.slip_valid_hours"],
        database_settings=EngineSettings(
            connect_timeout_s=values["database.connect_timeout_s"],
            statement_timeout_s=values["database.statement_timeout_s"],
            pool_size=values["database.pool_size"],
            max_overflow=values["database.max_overflow"],
            pool_timeout_s=values["database.pool_timeout_s"],
            pre_ping=values["database.pre_ping"],
        ),
        retention=_retention(values, source),
        repairs=_repairs(values, source),
        keys=KeyLoanSettings(
            due_hours=values["keys.due_hours"],
            day_ends_at=values["keys.day_ends_at"],
            amber_minutes=values["keys.amber_minutes"],
        ),
        lost_found=LostFoundSettings(keep_days=values["lost_found.keep_days"]),
        mail=MailSettings(unclaimed_days=values["mail.unclaimed_days"]),
        roster=RosterSettings(
            shifts=values["roster.shifts"],
            cycle_days=values["roster.cycle_days"],
            min_per_shift=values["roster.min_per_shift"],
            early_minutes=values["roster.early_minutes"],
        ),
        newspapers=NewspaperSettings(
            expected_by=values["newspapers.expected_by"],
            escalate_after_hours=values["newspapers.escalate_after_hours"],
        ),
        notify=_notify(values, source),
        visitor_kinds=_visitor_kinds(values, source),
        log_dir=Path(log_dir).expanduser() if log_dir else Path(platformdirs.user_log_dir(APP_NAME)),
    )


def _retention(values: Mapping[str, Any], source: Path | None) -> RetentionPolicy:
    policy = RetentionPolicy(
        **{key: values[f"retention.{key}"] for key in _RETENTION_DEFAULTS.day_keys()},
        purge_at=values["retention.purge_at"],
    )
    for key, why in policy.problems():
        raise ConfigError(f"retention.{key}", why, source)
    # A request reopened within its warranty needs its caller: the purge may not come first (the
    # purge counts from the closing, which is after the completion the warranty counts from).
    warranty_days = values["repairs.warranty_months"] * 31
    if policy.repairs_days < warranty_days:
        raise ConfigError(
            "retention.repairs_days",
            f"{policy.repairs_days} is shorter than the repairs' warranty ([repairs] warranty_months = "
            f"{values['repairs.warranty_months']}, up to {warranty_days} days): a request reopened within "
            "it would have lost its caller",
            source,
        )
    return policy


def _notify(values: Mapping[str, Any], source: Path | None) -> ChannelSettings:
    settings = ChannelSettings(
        channel=NotifyChannel(values["notify.channel"]),
        wecom_url=values["notify.wecom_url"],
        dingtalk_url=values["notify.dingtalk_url"],
        dingtalk_secret=values["notify.dingtalk_secret"],
        sms_url=values["notify.sms_url"],
        sms_body=values["notify.sms_body"],
        sms_token=values["notify.sms_token"],
    )
    for key, why in settings.problems():
        raise ConfigError(f"notify.{key}", why, source)
    return settings


def _visitor_kinds(values: Mapping[str, Any], source: Path | None) -> KindSettings:
    approvers = {
        kind: approver
        for kind in VisitorKind
        if (approver := parse_approver(kind, values.get(f"visitor_kinds.{kind.value}", OFF))) is not None
    }
    settings = KindSettings(
        approvers=approvers,
        duty_officer_name=values["duty_officer.name"],
        duty_officer_channel=values["duty_officer.channel"],
        duty_officer_address=values["duty_officer.address"].strip(),
        duty_officer_mobile=values["duty_officer.mobile"].strip(),
        patrol_channel=values["duty_officer.patrol_channel"],
        patrol_address=values["duty_officer.patrol_address"].strip(),
        patrol_mobile=values["duty_officer.patrol_mobile"].strip(),
    )
    for key, why in settings.problems():
        raise ConfigError(key, why, source)
    return settings


def _repairs(values: Mapping[str, Any], source: Path | None) -> RepairSettings:
    settings = RepairSettings(
        **{f.name: values[f"repairs.{f.name}"] for f in dataclass_fields(RepairSettings)}
    )
    for key, why in settings.problems():
        raise ConfigError(f"repairs.{key}", why, source)
    return settings


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError("--config", f"the file {path} does not exist") from None
    except OSError as exc:
        raise ConfigError("--config", f"cannot read {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("(file)", f"not valid TOML: {exc}", path) from None


def _validate(raw: Mapping[str, Any], source: Path | None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for section_name, section in raw.items():
        if section_name not in _SCHEMA:
            known = ", ".join(f"[{s}]" for s in _SCHEMA)
            raise ConfigError(section_name, f"unknown section (known: {known})", source)
        if not isinstance(section, dict):
            raise ConfigError(section_name, f"must be a table: [{section_name}]", source)
        for key in section:
            if key not in _SCHEMA[section_name]:
                known = ", ".join(_SCHEMA[section_name])
                raise ConfigError(
                    f"{section_name}.{key}",
                    f"unknown key (known in [{section_name}]: {known})",
                    source,
                )
    for section_name, fields in _SCHEMA.items():
        section = raw.get(section_name, {})
        for key, (check, default) in fields.items():
            dotted = f"{section_name}.{key}"
            if key not in section:
                values[dotted] = default
                continue
            try:
                values[dotted] = check(section[key])
            except (TypeError, ValueError) as exc:  # URL errors are ValueErrors too
                raise ConfigError(dotted, str(exc), source) from None
    return values
