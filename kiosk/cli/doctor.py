"""``kiosk doctor``: is this machine ready to be a kiosk, a desk, a guard screen or the server?

Each check is a small function returning :class:`Result` records (OK, WARN or FAIL, a sentence
of :mod:`kiosk.cli.doctor_text` and, for a problem, the fix), so each is tested on its own; the
command prints them one a line in the configured language and exits 1 if any FAILED.

Decided:
- Qt is started for the fonts, the screen and the touch devices, on the session's display when
  it has one (falling back to ``offscreen``, which Qt does by itself when the display cannot be
  opened), else ``offscreen`` so the fonts are still checked. Without PySide6 the fonts are asked
  of fontconfig (``fc-list :lang=zh``).
- The role (what is needed: a touch screen at a kiosk, no screen at the server) is ``--role``,
  else the enrolment's, else ``kiosk`` (what ``kiosk run`` opens).
- Devices given as ``emulated:`` are not opened (they are programs, not hardware); an emulated
  printer at a configured site is a warning (nothing reaches paper). Real ones are opened with a
  short timeout and identified: an encoder by its own probe (naming the other encoder if that is
  what answers), a printer by its status, an ID-card reader by its SAM module's answer.
- The server is asked ``GET /api/v1/ping`` (no side effect: ``/site`` hands a restarted station's
  print claims back) over the pinned certificate; its answer carries the time by the server's
  clock. Offset: WARN over 30 s, FAIL over 5 min. Without an enrolment the local database is
  checked instead: it opens, and is at this program's newest revision (never upgraded here).
- Disk space where the data folder is: WARN under 1 GB, FAIL under 200 MB (a day of a busy
  lobby's records and printer previews is some megabytes; the database must never fill a disk).
"""

from __future__ import annotations

import argparse
import enum
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from kiosk.cli.doctor_text import Say, say, text
from kiosk.config import Config, ConfigError, load_config

if TYPE_CHECKING:
    import httpx

    from kiosk.station import Enrolment

ROLES = ("kiosk", "desk", "guard", "server")
MIN_PYTHON = (3, 11)
CHINESE_SAMPLE = "访客登记"
CLOCK_WARN_S = 30.0
CLOCK_FAIL_S = 300.0
DISK_WARN_BYTES = 1024**3
DISK_FAIL_BYTES = 200 * 1024**2
PRINTER_TIMEOUT_S = 3  # a network printer's connect and reply
SERVER_TIMEOUT_S = 5.0
EXIT_FAILED = 1


class Status(enum.Enum):
    OK = "OK"
    WARN = "WARN"
    FAIL = "FAIL"


@dataclass(frozen=True)
class Result:
    """One line of the report: which check (a ``title.*`` key), how it went, what it found, and
    for a problem what to do. ``detail`` is a device's or library's own words (English)."""

    check: str
    status: Status
    says: Say
    fix: Say | None = None
    detail: str = ""


def ok(check: str, says: Say, detail: str = "") -> Result:
    return Result(check, Status.OK, says, None, detail)


def warn(check: str, says: Say, fix: Say | None = None, detail: str = "") -> Result:
    return Result(check, Status.WARN, says, fix, detail)


def fail(check: str, says: Say, fix: Say | None = None, detail: str = "") -> Result:
    return Result(check, Status.FAIL, says, fix, detail)


# -- the command ----------------------------------------------------------------------------------


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    doctor = sub.add_parser(
        "doctor",
        parents=[common],
        help="check this machine (Python, Qt, fonts, screen, devices, permissions, server, clock, disk)",
    )
    doctor.add_argument(
        "--role",
        choices=ROLES,
        help="what this machine is for (default: its enrolment's role, else kiosk)",
    )


def command(args: argparse.Namespace, out: Any = None) -> int:
    """``kiosk doctor``: every check, one line each; 1 if any failed. A configuration that cannot
    be loaded is itself a failure, reported with the checks that need none."""
    out = out or sys.stdout
    config: Config | None
    try:
        config = load_config(args.config)
        language = config.language
        problem: Result | None = None
    except ConfigError as exc:
        config, language = None, fallback_language(os.environ)
        problem = fail("title.config", say("config.bad"), say("fix.config"), str(exc))
    enrolment, enrolment_problem = _enrolment(args.role or "kiosk")
    role = args.role or (enrolment.role if enrolment is not None else "kiosk")
    results = run_checks(config, role, enrolment, enrolment_problem, problem)
    print_report(results, language, role, out)
    return EXIT_FAILED if any(r.status is Status.FAIL for r in results) else 0


def fallback_language(env: Mapping[str, str]) -> str:
    """The report's language when the configuration (which names it) cannot be read."""
    wanted = env.get("LANGUAGE") or env.get("LC_ALL") or env.get("LANG") or ""
    return "zh_CN" if wanted.lower().startswith("zh") else "en"


def _enrolment(role: str) -> tuple[Enrolment | None, Result | None]:
    from kiosk.station import load_enrolment

    try:
        return load_enrolment(), None
    except ConfigError as exc:
        fix = _enrol_fix(role, "https://SERVER:8443")
        return None, fail("title.server", say("server.enrolment_bad"), fix, str(exc))


def run_checks(
    config: Config | None,
    role: str,
    enrolment: Enrolment | None,
    enrolment_problem: Result | None = None,
    config_problem: Result | None = None,
) -> list[Result]:
    results = [check_python(), check_qt()]
    if config_problem is not None:
        results.append(config_problem)
    elif config is not None:
        results.append(check_config(config))
    app = qt_application()
    results.append(check_fonts(chinese_fonts(app is not None)))
    results += check_screen(role, os.environ, app)
    if config is not None:
        results += check_devices(config)
        results += check_permissions(device_paths(config))
    if enrolment_problem is not None:
        results.append(enrolment_problem)
    elif enrolment is not None:
        results += check_server(enrolment)
    elif config is not None:
        results += [ok("title.server", say("server.local")), check_database(config)]
    if config is not None:
        results.append(check_disk(config.data_dir))
    return results


def print_report(results: Iterable[Result], language: str, role: str, out: Any) -> None:
    listed = list(results)
    print(text(language, "header", role=text(language, f"role.{role}")), file=out)
    for line in report_lines(listed, language):
        print(line, file=out)
    failures = sum(r.status is Status.FAIL for r in listed)
    warnings = sum(r.status is Status.WARN for r in listed)
    key = "summary.failed" if failures else "summary.ok"
    print(text(language, key, failures=failures, warnings=warnings), file=out, flush=True)


def report_lines(results: Iterable[Result], language: str) -> list[str]:
    lines = []
    for result in results:
        line = text(
            language,
            "line",
            status=f"{result.status.value:<4}",
            title=text(language, result.check),
            text=result.says.text(language),
        )
        if result.detail:
            line += text(language, "detail", detail=result.detail)
        lines.append(line)
        if result.fix is not None:
            lines.append(text(language, "fix", fix=result.fix.text(language)))
    return lines


# -- Python, Qt, the configuration ------------------------------------------------------------------


def check_python(version: tuple[int, ...] = tuple(sys.version_info[:3])) -> Result:
    shown = ".".join(str(n) for n in version)
    if tuple(version[:2]) < MIN_PYTHON:
        return fail("title.python", say("python.old", version=shown), say("fix.python"))
    return ok("title.python", say("python.ok", version=shown))


def check_qt() -> Result:
    """PySide6 loads; the Qt loaded is the one it was built for; it is not a release the
    package's requirements exclude (``!=`` in its metadata: a release known to break it)."""
    try:
        import PySide6
        from PySide6 import QtCore
    except ImportError as exc:
        return fail("title.qt", say("qt.missing"), say("fix.qt"), str(exc))
    # PySide6's own version, and the Qt it was built for; then the Qt library actually loaded.
    loaded = QtCore.qVersion()
    pyside, built = str(getattr(PySide6, "__version__", "?")), str(getattr(QtCore, "__version__", loaded))
    if pyside in excluded_pyside_versions():
        return fail("title.qt", say("qt.excluded", pyside=pyside), say("fix.qt"))
    if built != loaded:
        return warn("title.qt", say("qt.mismatch", pyside=pyside, built=built, qt=loaded), say("fix.qt"))
    return ok("title.qt", say("qt.ok", pyside=pyside, qt=loaded))


def excluded_pyside_versions(requirements: Iterable[str] | None = None) -> set[str]:
    """The PySide6 releases this program's metadata excludes (``PySide6-Essentials!=6.12.0``)."""
    if requirements is None:
        from importlib.metadata import PackageNotFoundError, requires

        try:
            requirements = requires("lobby-kiosk") or []
        except PackageNotFoundError:  # run from a tree that was never installed
            requirements = []
    found: set[str] = set()
    for requirement in requirements:
        if re.match(r"pyside6(-essentials)?\b", requirement.strip(), re.IGNORECASE):
            found.update(re.findall(r"!=\s*([0-9][0-9A-Za-z.]*)", requirement.split(";")[0]))
    return found


def check_config(config: Config) -> Result:
    if config.source is None:
        return ok("title.config", say("config.demo"))
    return ok("title.config", say("config.file", path=str(config.source)))


# -- fonts, screen, touch ---------------------------------------------------------------------------


def qt_platform(env: Mapping[str, str], system: str = sys.platform) -> str | None:
    """The ``-platform`` list for the doctor's Qt: the session's display if it has one, then
    ``offscreen`` (the fonts are checked either way). None: Qt's own choice (set by the user, or
    not Linux, where there is always a screen)."""
    if env.get("QT_QPA_PLATFORM") or not system.startswith("linux"):
        return None
    order = [name for name, var in (("wayland", "WAYLAND_DISPLAY"), ("xcb", "DISPLAY")) if env.get(var)]
    return ";".join([*order, "offscreen"])


def qt_application() -> Any:
    """The running QApplication, else one started for the doctor; None without PySide6."""
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError:
        return None
    existing = QApplication.instance()
    if existing is not None:
        return existing
    argv = [sys.argv[0] if sys.argv else "kiosk"]
    platform = qt_platform(os.environ)
    if platform is not None:
        argv += ["-platform", platform]
    # A QApplication, not a QGuiApplication: a window opened later in the process needs one.
    return QApplication(argv)


def chinese_fonts(with_qt: bool) -> list[str]:
    """Font families that have a glyph for every character of 访客登记: Qt's font database, or
    fontconfig when Qt is not there."""
    if with_qt:
        from PySide6.QtGui import QFont, QFontDatabase, QRawFont

        def renders(family: str) -> bool:
            font = QFont(family)  # held: the raw font reads it
            raw = QRawFont.fromFont(font)
            return raw.isValid() and all(raw.supportsCharacter(ord(c)) for c in CHINESE_SAMPLE)

        candidates = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        return [family for family in candidates if renders(family)]
    try:
        listed = subprocess.run(
            ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({line.split(",")[0].strip() for line in listed.splitlines() if line.strip()})


def check_fonts(families: list[str]) -> Result:
    if not families:
        return fail("title.fonts", say("fonts.none"), say("fix.fonts"))
    from kiosk.ui.common.qt import CJK_FAMILIES

    # The one the windows will use (kiosk.ui.common.qt), else the first that can.
    family = next((f for f in CJK_FAMILIES if f in families), families[0])
    return ok("title.fonts", say("fonts.ok", family=family, count=len(families)))


def check_screen(role: str, env: Mapping[str, str], app: Any) -> list[Result]:
    """The display (present, its size) and, at a kiosk, a touch screen."""
    if role == "server":
        return [ok("title.screen", say("screen.not_needed"))]
    display = env.get("WAYLAND_DISPLAY") or env.get("DISPLAY")
    chosen = env.get("QT_QPA_PLATFORM", "")
    if not display and not chosen and sys.platform.startswith("linux"):
        return [warn("title.screen", say("screen.none"), say("fix.screen_session"))]
    from kiosk.ui.common.platform_check import SystemSetupError, check_platform

    try:
        check_platform(env)
    except SystemSetupError as exc:
        return [fail("title.screen", say("screen.setup"), say("fix.screen"), str(exc))]
    if app is None:
        return [fail("title.screen", say("qt.missing"), say("fix.qt"))]
    platform = app.platformName()
    if platform == "offscreen" and not chosen.startswith("offscreen"):
        # Qt fell back: the session names a display that cannot be opened.
        return [fail("title.screen", say("screen.unreachable", display=display), say("fix.screen_session"))]
    screen = app.primaryScreen()
    size = screen.size()
    results = [
        ok("title.screen", say("screen.ok", width=size.width(), height=size.height(), platform=platform))
    ]
    return [*results, check_touch(role, touch_screens())]


def touch_screens() -> list[str]:
    from PySide6.QtGui import QInputDevice

    return [
        device.name() or device.seatName()
        for device in QInputDevice.devices()
        if device.type() == QInputDevice.DeviceType.TouchScreen
    ]


def check_touch(role: str, names: list[str]) -> Result:
    if names:
        return ok("title.touch", say("touch.ok", names=", ".join(names)))
    if role != "kiosk":
        return ok("title.touch", say("touch.not_needed"))
    return warn("title.touch", say("touch.none"), say("fix.touch"))


# -- devices ----------------------------------------------------------------------------------------


def configured_devices(config: Config) -> list[tuple[str, str]]:
    """(configuration key, URL) of every device configured."""
    devices = [("printer.url", config.printer_url)]
    if config.printer_fallback_url:
        devices.append(("printer.fallback_url", config.printer_fallback_url))
    devices.append(("encoder.url", config.encoder_url))
    if config.id_reader_url:
        devices.append(("devices.id_reader", config.id_reader_url))
    return devices


def check_devices(config: Config) -> list[Result]:
    results = []
    for key, url in configured_devices(config):
        if key.startswith("printer."):
            results.append(check_printer(key, url, config))
        elif key == "encoder.url":
            results.append(check_encoder(url))
        else:
            results.append(check_id_reader(url))
    return results


def _is_emulated(url: str) -> bool:
    return url.strip().lower().startswith(("emulated:", "memory:"))


def check_printer(key: str, url: str, config: Config) -> Result:
    from kiosk.devices.errors import DeviceUnavailableError
    from kiosk.devices.factory import DeviceUrlError, open_printer
    from kiosk.devices.interfaces import PrinterStatus

    title = f"title.{key}"
    if _is_emulated(url):
        if config.source is not None:  # a configured site, not the demo
            return warn(title, say("printer.emulated_at_site", url=url), say("fix.printer_url"))
        return ok(title, say("device.emulated", url=url))
    try:
        printer = open_printer(with_short_timeout(url), config.printer_output_dir)
        try:
            state = printer.status()
        finally:
            printer.close()
    except (DeviceUrlError, DeviceUnavailableError) as exc:
        return fail(title, say("device.unavailable", url=url), _device_fix(str(exc)), str(exc))
    if state is PrinterStatus.ONLINE:
        return ok(title, say("printer.online", url=url))
    if state is PrinterStatus.UNKNOWN and _scheme(url) in ("escpos+file", "escpos+cups", "escpos+win32"):
        return ok(title, say("printer.unknown", url=url))
    if state is PrinterStatus.UNKNOWN:  # connected, but no status byte came back
        return warn(title, say("printer.silent", url=url), say("fix.device"))
    if state is PrinterStatus.OFFLINE:
        return fail(title, say("printer.offline", url=url), say("fix.device"))
    condition = say(f"printer_state.{state.value}")
    return warn(title, say("printer.attention", url=url, state=condition), say("fix.printer_attention"))


def with_short_timeout(url: str) -> str:
    """A network printer's URL with the doctor's short timeout, unless it names its own."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() != "escpos+tcp" or "timeout=" in parts.query:
        return url
    query = "&".join(q for q in (parts.query, urlencode({"timeout": PRINTER_TIMEOUT_S})) if q)
    return urlunsplit(parts._replace(query=query))


def check_encoder(url: str) -> Result:
    from kiosk.cli.devices import identify_encoder
    from kiosk.devices.errors import DeviceUnavailableError, EncoderError
    from kiosk.devices.factory import DeviceUrlError

    title = "title.encoder.url"
    if _is_emulated(url):
        return ok(title, say("device.emulated", url=url))
    try:
        return ok(title, say("encoder.ok", info=identify_encoder(url)))
    except (DeviceUrlError, DeviceUnavailableError, EncoderError) as exc:
        return fail(title, say("device.unavailable", url=url), _device_fix(str(exc), "encoder"), str(exc))


def check_id_reader(url: str) -> Result:
    from kiosk.devices.errors import DeviceError
    from kiosk.devices.factory import DeviceUrlError, open_id_reader

    title = "title.devices.id_reader"
    if _is_emulated(url):
        return ok(title, say("device.emulated", url=url))
    try:
        # Opening asks the SAM module for its status: anything else on the port is refused.
        open_id_reader(url).close()
    except (DeviceUrlError, DeviceError) as exc:
        return fail(title, say("device.unavailable", url=url), _device_fix(str(exc)), str(exc))
    return ok(title, say("id_reader.ok", url=url))


def _device_fix(detail: str, section: str = "") -> Say:
    other = re.search(r"use ((?:msr|pn532)://\S+)", detail)
    if other is not None and section:
        return say("fix.device_url", section=section, url=other.group(1))
    if "in use" in detail or "busy" in detail.lower():
        return say("fix.device_busy")
    return say("fix.device")


# -- permissions on device nodes ----------------------------------------------------------------------


def device_paths(config: Config) -> list[str]:
    """The device nodes the configured URLs open: serial ports, printer files, USB printers."""
    from kiosk.devices.factory import DeviceUrlError, parse_device_url

    paths: list[str] = []
    for _key, url in configured_devices(config):
        if _is_emulated(url):
            continue
        try:
            u = parse_device_url(url, (_scheme(url),))
        except DeviceUrlError:
            continue  # its device line says what is wrong with it
        if u.scheme == "escpos+usb":
            paths += _usb_nodes(url)
        elif u.path.startswith("/") and not u.path.startswith("//"):
            paths.append(u.path)
    return list(dict.fromkeys(paths))


def _scheme(url: str) -> str:
    return urlsplit(url.strip()).scheme.lower()


def _usb_nodes(url: str, sysfs: Path = Path("/sys/bus/usb/devices")) -> list[str]:
    """A USB printer's node (/dev/bus/usb/BUS/DEVICE), found by its ids in sysfs; none when it
    is not plugged in (its printer line says so) or the ids are not hex (likewise)."""
    vid, _, pid = urlsplit(url.strip()).netloc.partition(":")
    try:
        wanted = (int(vid, 16), int(pid, 16))
    except ValueError:
        return []
    nodes = []
    for device in sorted(sysfs.glob("*")):
        try:
            ids = (int((device / "idVendor").read_text(), 16), int((device / "idProduct").read_text(), 16))
            if ids == wanted:
                bus, number = int((device / "busnum").read_text()), int((device / "devnum").read_text())
                nodes.append(f"/dev/bus/usb/{bus:03d}/{number:03d}")
        except (OSError, ValueError):  # a hub's interface folder, a device gone meanwhile
            continue
    return nodes


def check_permissions(
    paths: list[str],
    access: Callable[[str, int], bool] | None = None,
    user: str | None = None,
    groups: Callable[[], list[int]] | None = None,
) -> list[Result]:
    """Whether this user may open each device node, and if not the group to join."""
    if os.name != "posix":
        return [ok("title.permissions", say("perm.not_posix"))]
    if not paths:
        return [ok("title.permissions", say("perm.none"))]
    import grp
    import pwd

    access = access or os.access  # looked up now: a test may stand in for os.access
    groups = groups or os.getgroups  # not a default argument: Windows has none, and imports this
    user = user or pwd.getpwuid(os.getuid()).pw_name
    results = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            results.append(warn("title.permissions", say("perm.missing", path=path), say("fix.plug")))
            continue
        try:
            group = grp.getgrgid(info.st_gid).gr_name
            members = grp.getgrgid(info.st_gid).gr_mem
        except KeyError:
            group, members = str(info.st_gid), []
        if access(path, os.R_OK | os.W_OK):
            results.append(ok("title.permissions", say("perm.ok", path=path, user=user, group=group)))
            continue
        denied = say("perm.denied", path=path, user=user, group=group)
        if info.st_gid == 0 or info.st_mode & 0o060 != 0o060:
            fix = say("fix.udev", group=group)  # joining its group would not help
        elif user in members and info.st_gid not in groups():
            fix = say("fix.relogin", group=group, user=user)
        else:
            fix = say("fix.usermod", group=group, user=user)
        results.append(fail("title.permissions", denied, fix))
    return results


# -- the server, its certificate, the clock; the local database ---------------------------------------


def _enrol_fix(role: str, url: str) -> Say:
    return say("fix.enrol", role=role, url=url)


def check_server(
    enrolment: Enrolment,
    http: httpx.Client | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> list[Result]:
    """The pinned certificate, then ``GET /api/v1/ping``: reached, this station known, versions,
    and the clock's offset from the server's."""
    results = [check_certificate(enrolment)] if http is None else []
    results += ping_server(enrolment, http, now)
    return results


def check_certificate(enrolment: Enrolment) -> Result:
    from kiosk.client.pinning import fetch_server_certificate

    title = "title.certificate"
    if not enrolment.url.startswith("https://"):
        return ok(title, say("certificate.plain"))
    if enrolment.certificate is None:
        return fail(title, say("certificate.missing"), _enrol_fix(enrolment.role, enrolment.url))
    try:
        shown = fetch_server_certificate(enrolment.url, timeout=SERVER_TIMEOUT_S)
    except (OSError, ValueError) as exc:
        return warn(title, say("certificate.not_checked", url=enrolment.url), detail=str(exc))
    return compare_certificates(shown, enrolment.certificate, enrolment)


def compare_certificates(shown: bytes, pinned: bytes, enrolment: Enrolment) -> Result:
    from kiosk.client.pinning import certificate_fingerprint

    title = "title.certificate"
    shown_print, pinned_print = certificate_fingerprint(shown), certificate_fingerprint(pinned)
    if shown_print == pinned_print:
        return ok(title, say("certificate.ok", fingerprint=_short(pinned_print)))
    return fail(
        title,
        say("certificate.changed", shown=_short(shown_print), pinned=_short(pinned_print)),
        _enrol_fix(enrolment.role, enrolment.url),
    )


def _short(fingerprint: str) -> str:
    """The first eight bytes, as the server prints its own at start (enough to tell two apart)."""
    return ":".join(fingerprint[i : i + 2] for i in range(0, 16, 2)).upper() + "…"


def ping_server(enrolment: Enrolment, http: httpx.Client | None, now: Callable[[], datetime]) -> list[Result]:
    import httpx

    from kiosk import __version__
    from kiosk.api.schemas import Ping
    from kiosk.client.http import AccessRefusedError, ServerError, ServerUnreachableError, raise_for_problem

    url = enrolment.url
    own = http is None
    if http is None:
        from kiosk.client.http import http_client

        http = http_client(url, enrolment.ssl_context)
        http.timeout = httpx.Timeout(SERVER_TIMEOUT_S, connect=SERVER_TIMEOUT_S)
    try:
        sent = now()
        started = time.monotonic()
        response = http.get("/api/v1/ping", headers={"Authorization": f"Bearer {enrolment.token}"})
        elapsed = time.monotonic() - started
        raise_for_problem(response)
        answer = Ping.model_validate(response.json())
    except (httpx.TransportError, ServerUnreachableError) as exc:
        return [
            fail("title.server", say("server.unreachable", url=url), say("fix.server"), str(exc)),
            warn("title.clock", say("clock.not_checked")),
        ]
    except AccessRefusedError as exc:
        message = (
            say("server.unknown_station", url=url)
            if exc.code == "station_unknown"
            else say("server.refused", url=url)
        )
        return [fail("title.server", message, _enrol_fix(enrolment.role, url), str(exc))]
    except (ServerError, ValueError) as exc:
        return [fail("title.server", say("server.refused", url=url), say("fix.version"), str(exc))]
    finally:
        if own:
            http.close()
    ms = round(elapsed * 1000)
    if answer.version != __version__:
        reached = warn(
            "title.server",
            say("server.version", url=url, theirs=answer.version, ours=__version__),
            say("fix.version"),
        )
    else:
        reached = ok("title.server", say("server.ok", url=url, ms=ms, name=answer.station_name))
    # The server read its clock about half-way through the round trip.
    offset = (answer.server_time - sent).total_seconds() - elapsed / 2
    return [reached, check_clock(offset)]


def check_clock(offset_s: float) -> Result:
    """This machine's clock against the server's (positive: the server is ahead)."""
    if abs(offset_s) > CLOCK_FAIL_S:
        return fail("title.clock", say("clock.far_off", seconds=offset_s), say("fix.clock"))
    if abs(offset_s) > CLOCK_WARN_S:
        return warn("title.clock", say("clock.off", seconds=offset_s), say("fix.clock"))
    return ok("title.clock", say("clock.ok", seconds=offset_s))


def check_database(config: Config) -> Result:
    """Local mode or the server's machine: the database opens and is at this program's newest
    revision. Read only: nothing is created or upgraded (a missing SQLite file stays missing)."""
    from sqlalchemy.exc import SQLAlchemyError

    from kiosk.storage import migrate
    from kiosk.storage.database import Database, DatabaseUrlError, parse_database_url

    title = "title.database"
    try:
        parsed = parse_database_url(config.database_url)
    except DatabaseUrlError as exc:
        return fail(title, say("database.error", where=config.database_url), say("fix.database"), str(exc))
    where = parsed.render_as_string(hide_password=True)
    if parsed.get_backend_name() == "sqlite" and parsed.database and not Path(parsed.database).exists():
        return ok(title, say("database.new", where=where))
    try:
        with Database.open(config.database_url, config.database_settings) as database:
            current = migrate.current_revision(database.engine)
    except (SQLAlchemyError, OSError) as exc:
        return fail(title, say("database.error", where=where), say("fix.database"), _first_line(exc))
    head = migrate.head_revision()
    if current == head:
        return ok(title, say("database.ok", where=where, revision=current))
    if current is not None and not migrate.is_known(current):
        return fail(title, say("database.newer", where=where, revision=current), say("fix.database_newer"))
    return warn(
        title,
        say("database.behind", where=where, revision=current or "-", head=head),
        say("fix.database_upgrade"),
    )


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


# -- disk -----------------------------------------------------------------------------------------------


def check_disk(data_dir: Path, usage: Callable[[Path], Any] = shutil.disk_usage) -> Result:
    """Free space on the disk of the data folder (or of its nearest existing parent: a machine
    that never ran the program has none yet)."""
    where = data_dir
    while not where.exists() and where != where.parent:
        where = where.parent
    free = usage(where).free
    values = {"gigabytes": free / 1024**3, "path": str(data_dir)}
    if free < DISK_FAIL_BYTES:
        return fail("title.disk", Say("disk.low", values), say("fix.disk"))
    if free < DISK_WARN_BYTES:
        return warn("title.disk", Say("disk.low", values), say("fix.disk"))
    return ok("title.disk", Say("disk.ok", values))
