"""Getting an ID-card reader: the device URL, the [devices] key, demo mode's emulated reader, the
app's ``id_reader``, and ``kiosk emulate idreader`` driven the way a developer types into it."""

from __future__ import annotations

import io
import logging
import os
import threading
import time
from pathlib import Path

import pytest

from kiosk.app import build_app
from kiosk.cli import main
from kiosk.config import ConfigError, load_config
from kiosk.devices.errors import DeviceUnavailableError, NoIdCardError
from kiosk.devices.factory import DeviceUrlError, open_id_reader
from kiosk.devices.fakes import FakePrinter, MemoryEncoder
from kiosk.devices.idreader.driver import SamIdCardReader
from kiosk.devices.idreader.emulator import DEMO_CARDS, EmulatedIdCardReader, IdReaderEmulator, run_from_cli
from kiosk.devices.interfaces import IdCardReader
from tests.devices.idcards import card, id_number


def test_emulated_url_reads_the_demo_card() -> None:
    reader = open_id_reader("emulated:")
    try:
        assert isinstance(reader, IdCardReader) and isinstance(reader, EmulatedIdCardReader)
        got = reader.read_card(3.0)
        assert got.name == DEMO_CARDS[0]["name"] and got.id_number == DEMO_CARDS[0]["id_number"]
        assert DEMO_CARDS[0]["id_number"] not in repr(got)
        reader.emulator.remove()
        with pytest.raises(NoIdCardError):
            reader.read_card(0.2)
    finally:
        reader.close()


def test_idreader_url_opens_the_port_at_its_baud_rate(tmp_path: Path) -> None:
    with IdReaderEmulator(tmp_path / "reader") as emulator:
        emulator.present(card())
        reader = open_id_reader(f"idreader://{emulator.path}?baudrate=57600")
        try:
            assert isinstance(reader, SamIdCardReader) and reader.name == f"idreader:{emulator.path}"
            assert reader.read_card(3.0).id_number == id_number()
        finally:
            reader.close()


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("idreader:", "needs the serial port"),
        ("idreader:///dev/ttyUSB1?baudrate=12345", "runs at 115200"),
        ("idreader:///dev/ttyUSB1?baudrate=fast", "not a number"),
        ("idreader:///dev/ttyUSB1?parity=E", "unknown option"),
        ("escpos+tcp://10.0.0.5", "unknown scheme"),
    ],
)
def test_bad_reader_urls_say_what_is_wrong(url: str, fragment: str) -> None:
    with pytest.raises(DeviceUrlError, match=fragment):
        open_id_reader(url)


def test_a_missing_port_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DeviceUnavailableError, match="is the ID-card reader plugged in"):
        open_id_reader(f"idreader://{tmp_path / 'ttyUSB7'}")


def write_config(tmp_path: Path, id_reader: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "k.db"}"\n[devices]\nid_reader = "{id_reader}"\n',
        encoding="utf-8",
    )
    return path


def test_config_key_is_optional_and_checked(tmp_path: Path) -> None:
    assert load_config(write_config(tmp_path, ""), {}).id_reader_url == ""
    assert load_config(write_config(tmp_path, "emulated:"), {}).id_reader_url == "emulated:"
    for url in ("idreader:COM4", "idreader://COM4?baudrate=9600", "idreader:/dev/kiosk-idreader"):
        assert load_config(write_config(tmp_path, url), {}).id_reader_url == url  # checked, not opened
    with pytest.raises(ConfigError, match=r"devices\.id_reader: .*runs at"):
        load_config(write_config(tmp_path, "idreader:///dev/ttyUSB1?baudrate=1"), {})
    sample = Path(__file__).resolve().parents[2] / "resources" / "kiosk.sample.toml"
    assert load_config(sample, {}).id_reader_url == ""


def test_the_app_opens_the_configured_reader_for_the_kiosk_only(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, "emulated:"), {})
    kiosk = build_app(config, "kiosk", printer=FakePrinter(), encoder=MemoryEncoder())
    try:
        assert isinstance(kiosk.id_reader, EmulatedIdCardReader)
        assert kiosk.id_reader.read_card(3.0).name == DEMO_CARDS[0]["name"]
    finally:
        kiosk.close()
    desk = build_app(config, "desk", printer=FakePrinter(), encoder=MemoryEncoder())
    try:
        assert desk.id_reader is None  # the desk console does not take the kiosk's port
    finally:
        desk.close()
    plain = build_app(load_config(write_config(tmp_path, ""), {}), "kiosk", printer=FakePrinter())
    try:
        assert plain.id_reader is None
    finally:
        plain.close()


def test_an_unplugged_reader_leaves_the_kiosk_running_without_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = load_config(write_config(tmp_path, f"idreader://{tmp_path / 'ttyUSB7'}"), {})
    app = build_app(config, "kiosk", printer=FakePrinter(), encoder=MemoryEncoder())
    try:
        assert app.id_reader is None
        assert "no ID-card reader" in caplog.text
    finally:
        app.close()


def test_cli_emulator_is_driven_from_its_prompt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "idreader"
    read_end, write_end = os.pipe()
    typed = os.fdopen(write_end, "w", buffering=1)
    outcome: dict[str, int] = {}
    stdin = os.fdopen(read_end)
    monkey = pytest.MonkeyPatch()
    monkey.setattr("sys.stdin", stdin)
    # main() sets up the 'kiosk' logger for a terminal; later tests' caplog needs it as it was.
    kiosk_log = logging.getLogger("kiosk")
    monkey.setattr(kiosk_log, "handlers", list(kiosk_log.handlers))
    monkey.setattr(kiosk_log, "propagate", kiosk_log.propagate)
    monkey.setattr(kiosk_log, "level", kiosk_log.level)
    thread = threading.Thread(
        target=lambda: outcome.update(
            rc=main(["emulate", "idreader", "--link", str(link), "--fault", "split=on"])
        ),
        daemon=True,
    )
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not link.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        reader = SamIdCardReader(str(link), reply_timeout_s=0.5, poll_s=0.05)
        try:
            with pytest.raises(NoIdCardError):
                reader.read_card(0.2)
            typed.write("present demo-li\n")
            deadline = time.monotonic() + 10
            while "on the reader" not in capsys.readouterr().out and time.monotonic() < deadline:
                time.sleep(0.02)
            got = reader.read_card(5.0)
            assert got.name == DEMO_CARDS[1]["name"] and got.id_number == DEMO_CARDS[1]["id_number"]
        finally:
            reader.close()
        typed.write("quit\n")
        thread.join(10)
    finally:
        typed.close()
        monkey.undo()
        stdin.close()
    assert not thread.is_alive() and outcome["rc"] == 0
    assert not link.exists()  # the link goes with the emulator


def test_cli_refuses_bad_cards_and_faults(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_from_cli(tmp_path / "l", faults=["corrupt"], stdin=io.StringIO("")) == 2
    assert "NAME=VALUE" in capsys.readouterr().err
    assert run_from_cli(tmp_path / "l", faults=["slow=soon"], stdin=io.StringIO("")) == 2
    assert "not a value for the fault 'slow_s'" in capsys.readouterr().err
    assert run_from_cli(tmp_path / "l", faults=["melt=1"], stdin=io.StringIO("")) == 2
    assert "no fault called 'melt'" in capsys.readouterr().err
    assert run_from_cli(tmp_path / "l", tmp_path / "missing.json", stdin=io.StringIO("")) == 2
    assert "not a JSON card file" in capsys.readouterr().err
    assert run_from_cli(tmp_path / "l", baudrate=-5, stdin=io.StringIO("")) == 2
    assert "--baudrate: the module runs at 115200" in capsys.readouterr().err
    out = io.StringIO()
    assert (
        run_from_cli(tmp_path / "l", faults=["read_fail=2"], stdin=io.StringIO("status\nquit\n"), stdout=out)
        == 0
    )
    assert "read_fail=2" in out.getvalue() and "2 card(s)" in out.getvalue()
