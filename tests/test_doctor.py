"""``kiosk doctor``: the whole report in-process through main(), and each check on its own against
the real thing where it can be had here (the emulated network printer and encoders, the site
server in-process, SQLite files, this machine's fonts) and a stand-in where it cannot (another
user's permissions: the tests run as root, whom the kernel lets open anything)."""

from __future__ import annotations

import grp
import os
import re
import string
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from kiosk.app import KioskApp
from kiosk.cli import doctor
from kiosk.cli.doctor import Status
from kiosk.cli.doctor_text import MESSAGES
from kiosk.config import load_config
from kiosk.devices.escpos.emulator import NetworkPrinterEmulator
from kiosk.devices.interfaces import PrinterStatus
from kiosk.devices.memlink import FakeClock
from kiosk.devices.msr.emulator import MsrEmulator
from kiosk.domain.station import StationRole
from kiosk.services.audit import Actor
from kiosk.station import Enrolment
from kiosk.storage import migrate
from kiosk.storage.database import Database, sqlite_url_for
from tests.stations import InProcessClient, serve
from tests.test_cli import run_cli

SETUP = Actor("test", "setup")
CHECKS_EN = (
    "Python",
    "Qt",
    "Configuration",
    "Chinese font",
    "Screen",
    "Printer",
    "Card encoder",
    "Device access",
    "Site server",
    "Database",
    "Disk space",
)


def write_config(folder: Path, language: str = "en", **sections: dict[str, str]) -> Path:
    lines = [f'[kiosk]\nlanguage = "{language}"\n']
    for section, values in sections.items():
        lines.append(f"[{section}]")
        lines += [f'{key} = "{value}"' for key, value in values.items()]
    path = folder / "kiosk.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def lines_of(out: str, title: str) -> list[str]:
    return [line for line in out.splitlines() if re.match(rf"(OK|WARN|FAIL) +{re.escape(title)}[:：]", line)]


# -- the whole report -----------------------------------------------------------------------------


def test_the_report_lists_every_check_on_this_machine(tmp_path: Path) -> None:
    result = run_cli("doctor", "--config", str(write_config(tmp_path)))
    assert result.returncode == 0, result.stdout + result.stderr
    for title in CHECKS_EN:
        assert lines_of(result.stdout, title), f"no {title} line in:\n{result.stdout}"
    assert "Noto Sans CJK SC shows Chinese" in result.stdout  # this machine has fonts-noto-cjk
    # A configured site printing on the emulator: nothing reaches paper, said and how to fix it.
    assert lines_of(result.stdout, "Printer")[0].startswith("WARN")
    assert "fix: set [printer] url to the real printer" in result.stdout
    assert "no enrolment: this machine runs its own server (local mode)" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("nothing failed, ")


def test_the_report_is_in_chinese_when_the_site_speaks_it(tmp_path: Path) -> None:
    result = run_cli("doctor", "--config", str(write_config(tmp_path, "zh_CN")))
    out = result.stdout
    assert out.splitlines()[0] == "kiosk doctor：按自助机检查本机"
    for title in ("中文字体", "屏幕", "打印机", "发卡器", "设备权限", "服务器", "数据库", "磁盘空间"):
        assert lines_of(out, title), f"no {title} line in:\n{out}"
    assert "解决：在 [printer] url 中填写真实的打印机" in out
    assert not any(lines_of(out, title) for title in CHECKS_EN[2:]), out
    assert out.splitlines()[-1].startswith("无失败项")


def test_every_sentence_is_in_both_languages_with_the_same_fields() -> None:
    formatter = string.Formatter()
    for key, (english, chinese) in MESSAGES.items():
        fields = [{name for _, name, _, _ in formatter.parse(text) if name} for text in (english, chinese)]
        assert fields[0] == fields[1], key
        assert english.strip() and chinese.strip(), key
        # Chinese wherever there are words to translate (not "{path}", "Python", "Qt").
        words = re.sub(r"\{[^}]*\}|`[^`]*`|sudo .*|[A-Za-z0-9_.:/\[\]()+×-]+", "", english).strip(" :,()")
        if words:
            assert re.search(r"[\u4e00-\u9fff]", chinese), f"{key}: {chinese!r} is not Chinese"


def test_a_configuration_that_cannot_be_read_is_a_failure_with_its_reason(tmp_path: Path) -> None:
    bad = tmp_path / "kiosk.toml"
    bad.write_text('[kiosk]\nlanguage = "fr"\n', encoding="utf-8")
    result = run_cli("doctor", "--config", str(bad), env_extra={"LANG": "zh_CN.UTF-8"})
    assert result.returncode == 1
    (line,) = lines_of(result.stdout, "配置文件")
    assert line.startswith("FAIL") and "kiosk.language" in line
    assert lines_of(result.stdout, "中文字体")  # the checks that need no configuration still run


def test_an_enrolled_station_is_checked_as_its_role_and_a_broken_enrolment_named(tmp_path: Path) -> None:
    from kiosk.station import save_enrolment, station_config_dir

    config = str(write_config(tmp_path))
    save_enrolment(Enrolment("http://127.0.0.1:9", "token", "desk-1", "desk", None))
    result = run_cli("doctor", "--config", config)
    assert result.returncode == 1  # nothing listens on port 9
    assert result.stdout.splitlines()[0] == "kiosk doctor: this machine as a desk station"
    assert lines_of(result.stdout, "Site server")[0].startswith(
        "FAIL Site server: http://127.0.0.1:9 does not answer"
    )
    assert not lines_of(result.stdout, "Database")  # the server's business, not this station's
    (station_config_dir() / "station.json").write_text("{not json", encoding="utf-8")
    result = run_cli("doctor", "--config", config)
    (line,) = lines_of(result.stdout, "Site server")
    assert line.startswith("FAIL Site server: this station's enrolment cannot be read")
    assert "fix: enrol this station again" in result.stdout


# -- fonts ------------------------------------------------------------------------------------------


def test_no_chinese_font_fails_naming_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctor, "chinese_fonts", lambda with_qt: [])
    result = run_cli("doctor", "--config", str(write_config(tmp_path)))
    assert result.returncode == 1
    (line,) = lines_of(result.stdout, "Chinese font")
    assert line == "FAIL Chinese font: no installed font can show 访客登记: Chinese text would be empty boxes"
    assert "     fix: sudo apt install fonts-noto-cjk" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("1 check(s) failed")


def test_the_font_query_finds_only_families_with_every_glyph() -> None:
    from kiosk.ui.common.qt import qt_application

    qt_application()
    families = doctor.chinese_fonts(with_qt=True)
    assert "Noto Sans CJK SC" in families and "DejaVu Sans" not in families
    assert set(doctor.chinese_fonts(with_qt=False)) >= {"Noto Sans CJK SC"}  # fontconfig agrees


# -- permissions ------------------------------------------------------------------------------------


@pytest.fixture
def serial_node(tmp_path: Path) -> Iterator[Path]:
    """A stand-in for /dev/ttyUSB0 as udev makes it: group dialout, mode 0660."""
    node = tmp_path / "ttyUSB0"
    node.write_bytes(b"")
    os.chown(node, -1, grp.getgrnam("dialout").gr_gid)
    node.chmod(0o660)
    yield node


def test_a_serial_port_this_user_cannot_open_fails_naming_the_group(
    tmp_path: Path, serial_node: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As a user outside dialout: the kernel would refuse; root (the tests' user) it never does.
    monkeypatch.setattr(os, "access", lambda path, mode: os.fspath(path) != str(serial_node))
    config = write_config(tmp_path, encoder={"url": f"msr://{serial_node}"})
    result = run_cli("doctor", "--config", str(config))
    assert result.returncode == 1
    user = os.environ.get("USER") or "root"
    assert (
        f"FAIL Device access: {serial_node}: {user} cannot open it (it belongs to group dialout)"
        in result.stdout
    )
    assert f"     fix: sudo usermod -aG dialout {user}, then log out and in again" in result.stdout
    (encoder,) = lines_of(result.stdout, "Card encoder")  # the driver refuses it too, and says why
    assert encoder.startswith("FAIL") and "no permission to open" in encoder


def test_permission_fixes_follow_the_node_and_the_user(
    serial_node: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    denied = doctor.check_permissions([str(serial_node)], access=lambda path, mode: False, user="kiosk")
    assert [(r.status, r.fix and r.fix.key) for r in denied] == [(Status.FAIL, "fix.usermod")]
    # Added to the group after logging in: only a new login takes it.
    dialout = grp.getgrnam("dialout")
    member = SimpleNamespace(gr_name="dialout", gr_gid=dialout.gr_gid, gr_mem=["kiosk"])
    monkeypatch.setattr(grp, "getgrgid", lambda gid: member)
    (relogin,) = doctor.check_permissions(
        [str(serial_node)], access=lambda path, mode: False, user="kiosk", groups=lambda: []
    )
    assert relogin.fix is not None and relogin.fix.text("en") == (
        "kiosk is in dialout already, since this session started: log out and in again"
    )
    monkeypatch.undo()
    # A node its group may not write: joining the group would not help, a udev rule does.
    serial_node.chmod(0o600)
    (owner_only,) = doctor.check_permissions(
        [str(serial_node)], access=lambda path, mode: False, user="kiosk"
    )
    assert owner_only.fix is not None and owner_only.fix.key == "fix.udev"
    (allowed,) = doctor.check_permissions([str(serial_node)], access=lambda path, mode: True, user="kiosk")
    assert allowed.status is Status.OK and "(group dialout)" in allowed.says.text("en")
    (missing,) = doctor.check_permissions(["/dev/ttyUSB-not-here"], user="kiosk")
    assert missing.status is Status.WARN


def test_the_device_nodes_come_from_the_configured_urls(tmp_path: Path) -> None:
    config = write_config(
        tmp_path,
        printer={
            "url": "escpos+serial:///dev/ttyS0?baudrate=9600",
            "fallback_url": "escpos+file:///dev/usb/lp0",
        },
        encoder={"url": "pn532:///dev/ttyUSB0"},
        devices={"id_reader": "idreader:///dev/ttyUSB1"},
    )
    assert doctor.device_paths(load_config(config)) == [
        "/dev/ttyS0",
        "/dev/usb/lp0",
        "/dev/ttyUSB0",
        "/dev/ttyUSB1",
    ]
    network = write_config(
        tmp_path, printer={"url": "escpos+tcp://10.0.0.5:9100"}, encoder={"url": "msr://COM4"}
    )
    assert doctor.device_paths(load_config(network)) == []


# -- devices ------------------------------------------------------------------------------------------


def test_an_emulated_network_printer_is_identified_by_its_state(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path))
    with NetworkPrinterEmulator(tmp_path / "out", port=0) as printer:
        url = f"escpos+tcp://127.0.0.1:{printer.port}"
        result = doctor.check_printer("printer.url", url, config)
        assert (result.status, result.says.text("en")) == (Status.OK, f"{url}: answers, ready")
        printer.state = PrinterStatus.PAPER_OUT
        result = doctor.check_printer("printer.url", url, config)
        assert result.status is Status.WARN and result.says.text("zh_CN") == f"{url}：已连接，缺纸"
        printer.state = PrinterStatus.OFFLINE  # takes the connection and drops it, saying nothing
        result = doctor.check_printer("printer.url", url, config)
        assert result.status is Status.WARN and result.says.key == "printer.silent"
    # Switched off: nothing listens.
    result = doctor.check_printer("printer.url", url, config)
    assert result.status is Status.FAIL and result.fix is not None and result.fix.key == "fix.device"


def test_a_network_printer_is_asked_with_a_short_timeout() -> None:
    assert doctor.with_short_timeout("escpos+tcp://10.0.0.5:9100") == "escpos+tcp://10.0.0.5:9100?timeout=3"
    assert doctor.with_short_timeout("escpos+tcp://h?width=58") == "escpos+tcp://h?width=58&timeout=3"
    assert doctor.with_short_timeout("escpos+tcp://h?timeout=9") == "escpos+tcp://h?timeout=9"
    assert doctor.with_short_timeout("escpos+serial:///dev/ttyS0") == "escpos+serial:///dev/ttyS0"


def test_an_encoder_is_identified_and_the_wrong_scheme_named_with_its_fix(tmp_path: Path) -> None:
    # The PN532 driver waits out the MSR206's silence: on the fake clock that takes no time.
    with MsrEmulator(tmp_path / "msr", clock=FakeClock()) as msr:
        found = doctor.check_encoder(f"msr://{msr.path}")
        assert found.status is Status.OK and "MSR206" in found.says.text("en")
        wrong = doctor.check_encoder(f"pn532://{msr.path}")
    assert wrong.status is Status.FAIL and "An MSR206-compatible stripe encoder answers there" in wrong.detail
    assert wrong.fix is not None and wrong.fix.text("en") == f'set [encoder] url = "msr://{msr.path}"'


# -- the server, the clock, the database ------------------------------------------------------------


@pytest.fixture
def enrolled(app: KioskApp) -> Iterator[tuple[Enrolment, InProcessClient]]:
    context, server = serve(app)
    token = context.stations.ensure_enrolled("kiosk-doctor", StationRole.KIOSK, SETUP)
    http = InProcessClient(server, base_url="http://testserver", raise_server_exceptions=False)
    yield Enrolment("http://testserver", token, "kiosk-doctor", "kiosk", None), http
    http.close()


def test_the_server_is_reached_and_the_clock_offset_measured(
    app: KioskApp, enrolled: tuple[Enrolment, InProcessClient]
) -> None:
    enrolment, http = enrolled
    server, clock = doctor.check_server(enrolment, http, now=app.clock.now)
    assert server.status is Status.OK
    assert re.fullmatch(
        r"http://testserver answers in \d+ ms and knows this station as kiosk-doctor", server.says.text("en")
    )
    assert clock.status is Status.OK and abs(float(clock.says.values["seconds"])) < 1  # type: ignore[arg-type]
    # This machine a minute behind the server, then ten minutes.
    _, behind = doctor.check_server(enrolment, http, now=lambda: app.clock.now() - timedelta(minutes=1))
    assert behind.status is Status.WARN and behind.says.text("en").startswith("+60 s off the server's clock")
    _, far = doctor.check_server(enrolment, http, now=lambda: app.clock.now() - timedelta(minutes=10))
    assert (
        far.status is Status.FAIL and far.fix is not None and "timedatectl set-ntp true" in far.fix.text("en")
    )


def test_a_revoked_station_is_told_to_enrol_again(
    app: KioskApp, enrolled: tuple[Enrolment, InProcessClient]
) -> None:
    enrolment, http = enrolled
    context, _ = serve(app)
    station = next(s for s in context.stations.listing() if s.name == "kiosk-doctor")
    context.stations.revoke(station.station_id, SETUP)
    (refused,) = doctor.check_server(enrolment, http, now=app.clock.now)
    assert refused.status is Status.FAIL
    assert refused.says.text("en").startswith("http://testserver does not know this station")
    assert refused.fix is not None and "kiosk enrol http://testserver CODE" in refused.fix.text("en")


def test_a_server_that_does_not_answer_fails() -> None:
    # Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    enrolment = Enrolment("http://127.0.0.1:9", "token", "kiosk-1", "kiosk", None)
    certificate, unreachable, clock = doctor.check_server(enrolment)
    assert certificate.says.key == "certificate.plain"  # loopback, as local mode enrols
    assert unreachable.status is Status.FAIL and unreachable.fix is not None
    assert "systemctl status lobby-kiosk-server" in unreachable.fix.text("en")
    assert clock.status is Status.WARN


def test_a_certificate_other_than_the_pinned_one_fails(tmp_path: Path) -> None:
    from kiosk.server.tls import ensure_certificate

    pinned = ensure_certificate(tmp_path / "a", ["127.0.0.1"]).cert_path.read_bytes()
    other = ensure_certificate(tmp_path / "b", ["127.0.0.1"]).cert_path.read_bytes()
    enrolment = Enrolment("https://10.0.0.2:8443", "token", "desk-1", "desk", pinned)
    assert doctor.compare_certificates(pinned, pinned, enrolment).status is Status.OK
    changed = doctor.compare_certificates(other, pinned, enrolment)
    assert changed.status is Status.FAIL and changed.fix is not None
    assert "kiosk station add --role desk" in changed.fix.text("en")


def test_the_clock_thresholds() -> None:
    assert [doctor.check_clock(s).status for s in (0, -30, 31, -299, 301, -3600)] == [
        Status.OK,
        Status.OK,
        Status.WARN,
        Status.WARN,
        Status.FAIL,
        Status.FAIL,
    ]


def test_the_local_database_is_checked_without_being_changed(tmp_path: Path, migrated_database: Path) -> None:
    config = load_config(write_config(tmp_path))
    path = tmp_path / "site.db"
    url = sqlite_url_for(path)
    local = config.__class__(**{**config.__dict__, "database_url": url})
    assert doctor.check_database(local).says.key == "database.new"
    assert not path.exists()  # not created by looking
    with Database.open(url) as database, database.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    behind = doctor.check_database(local)
    assert (
        behind.status is Status.WARN
        and behind.fix is not None
        and "kiosk db upgrade" in behind.fix.text("en")
    )
    path.unlink()
    path.write_bytes(migrated_database.read_bytes())
    newest = doctor.check_database(local)
    assert newest.status is Status.OK and newest.says.values["revision"] == migrate.head_revision()
    with Database.open(url) as database, database.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00dfeed1234'")
    newer = doctor.check_database(local)
    assert newer.status is Status.FAIL and newer.says.key == "database.newer"


# -- Python, Qt, screen, disk ----------------------------------------------------------------------


def test_python_and_qt_versions() -> None:
    assert doctor.check_python((3, 11, 2)).status is Status.OK
    old = doctor.check_python((3, 10, 12))
    assert (
        old.status is Status.FAIL
        and old.says.text("en") == "Python 3.10.12 is too old: 3.11 or later is needed"
    )
    assert doctor.check_qt().status is Status.OK
    declared = ["PySide6-Essentials!=6.12.0,<7,>=6.6", "PySide6-Addons!=6.12.0,<7,>=6.6", "pyserial>=3.5"]
    assert doctor.excluded_pyside_versions(declared) == {"6.12.0"}
    assert doctor.excluded_pyside_versions(["pyside6 != 6.7.1 ; python_version < '4'"]) == {"6.7.1"}


def test_a_qt_library_other_than_the_one_pyside_was_built_for_is_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6 import QtCore

    monkeypatch.setattr(QtCore, "qVersion", lambda: "6.5.3")  # a system Qt found first
    mixed = doctor.check_qt()
    assert mixed.status is Status.WARN and mixed.says.text("en").endswith("but Qt 6.5.3 is loaded")


def test_a_usb_printer_s_node_is_found_by_its_ids(tmp_path: Path) -> None:
    for name, ids, bus, number in (("1-1", ("0416", "5011"), 1, 7), ("1-1:1.0", ("x", "y"), 0, 0)):
        device = tmp_path / name
        device.mkdir()
        for field, value in zip(
            ("idVendor", "idProduct", "busnum", "devnum"), (*ids, bus, number), strict=True
        ):
            (device / field).write_text(f"{value}\n")
    assert doctor._usb_nodes("escpos+usb://0x0416:0x5011", tmp_path) == ["/dev/bus/usb/001/007"]
    assert doctor._usb_nodes("escpos+usb://0x0416:0x5012", tmp_path) == []


def test_qt_is_started_on_the_sessions_display_with_offscreen_behind_it() -> None:
    assert doctor.qt_platform({"DISPLAY": ":0"}, "linux") == "xcb;offscreen"
    assert (
        doctor.qt_platform({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux")
        == "wayland;xcb;offscreen"
    )
    assert doctor.qt_platform({}, "linux") == "offscreen"
    assert doctor.qt_platform({"QT_QPA_PLATFORM": "eglfs"}, "linux") is None
    assert doctor.qt_platform({}, "win32") is None


def test_no_display_is_a_warning_and_touch_matters_only_at_a_kiosk() -> None:
    (screen,) = doctor.check_screen("kiosk", {}, app=None)
    assert screen.status is Status.WARN and screen.says.key == "screen.none"
    assert doctor.check_screen("server", {}, app=None)[0].status is Status.OK
    assert doctor.check_touch("kiosk", []).status is Status.WARN
    assert doctor.check_touch("desk", []).status is Status.OK
    assert doctor.check_touch("kiosk", ["ILITEK Multi-Touch"]).says.text("en") == "ILITEK Multi-Touch"


def test_disk_space_thresholds(tmp_path: Path) -> None:
    def free(n: int) -> object:
        return lambda path: SimpleNamespace(free=n)

    folder = tmp_path / "not-yet" / "data"  # looked up at its nearest existing parent
    assert doctor.check_disk(folder, free(5 * 1024**3)).status is Status.OK  # type: ignore[arg-type]
    low = doctor.check_disk(folder, free(500 * 1024**2))  # type: ignore[arg-type]
    assert low.status is Status.WARN and low.says.text("en") == f"only 0.5 GB free in {folder}"
    assert doctor.check_disk(folder, free(100 * 1024**2)).status is Status.FAIL  # type: ignore[arg-type]
