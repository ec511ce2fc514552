from __future__ import annotations

import os
import re
import socket
import sys
import threading
from pathlib import Path

import pytest

from kiosk.devices.emulated import EmulatedEncoder, EmulatedPrinter
from kiosk.devices.errors import DeviceUnavailableError, EncoderError, NoCardError, PrinterOfflineError
from kiosk.devices.escpos.status import interpret_status
from kiosk.devices.escpos.transport import EscposPrinter
from kiosk.devices.factory import DeviceUrlError, open_encoder, open_printer, parse_device_url
from kiosk.devices.fakes import MemoryEncoder, VirtualCard
from kiosk.devices.interfaces import CardEncoder, PrinterStatus, ReceiptPrinter
from kiosk.devices.msr.driver import MsrEncoder
from kiosk.devices.msr.emulator import MsrEmulator
from kiosk.devices.pn532.driver import Pn532Encoder
from kiosk.devices.pn532.emulator import Pn532Emulator
from kiosk.domain.cards import CardKeys
from kiosk.domain.credential import diversify_keys

SITE_KEY = bytes(range(32))
PAYLOAD = bytes(range(32))


def test_urls_from_the_design_parse() -> None:
    tcp = parse_device_url("escpos+tcp://10.0.0.5:9100", ("escpos+tcp",))
    assert (tcp.host, tcp.port) == ("10.0.0.5", 9100)
    serial = parse_device_url("escpos+serial:///dev/ttyS0?baudrate=9600", ("escpos+serial",))
    assert serial.path == "/dev/ttyS0" and serial.int_option("baudrate", 0) == 9600
    parse_device_url("escpos+usb://0x0416:0x5011", ("escpos+usb",))


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("", "not a device URL"),
        ("printer", "not a device URL"),
        ("http://x", "unknown scheme"),
        ("escpos+tcp://:9100", "needs a host"),
        ("escpos+tcp://host:99999", "invalid port"),
        ("escpos+serial://", "device path"),
        ("escpos+usb://zz:11", "VID:PID"),
        ("escpos+tcp://h?width=wide", "not a number"),
    ],
)
def test_bad_printer_urls_say_what_is_wrong(url: str, fragment: str) -> None:
    with pytest.raises(DeviceUrlError, match=fragment):
        open_printer(url, Path("/nonexistent"))


def test_missing_serial_port_is_named(tmp_path: Path) -> None:
    with pytest.raises(DeviceUnavailableError, match="ttyNOPE does not exist"):
        open_printer(f"escpos+serial://{tmp_path}/ttyNOPE", tmp_path)


def test_port_without_permission_names_the_group(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    node = tmp_path / "ttyS9"
    node.write_bytes(b"")
    # As root (CI) every file is accessible; answer as the kiosk's unprivileged user would get.
    monkeypatch.setattr(os, "access", lambda path, mode: path != str(node))
    with pytest.raises(DeviceUnavailableError, match="dialout"):
        open_printer(f"escpos+serial://{node}", tmp_path)


def test_emulated_printer_keeps_bytes_and_png(tmp_path: Path) -> None:
    printer = open_printer("emulated:?width=58", tmp_path / "out")
    assert isinstance(printer, EmulatedPrinter) and isinstance(printer, ReceiptPrinter)
    assert printer.paper_width_mm == 58
    printer.send(b"\x1b@\x1c&" + "张三".encode("gb18030") + b"\n\x1dVB\x00")
    assert (tmp_path / "out" / "000001.bin").read_bytes().endswith(b"\x1dVB\x00")
    assert (tmp_path / "out" / "000001.png").read_bytes().startswith(b"\x89PNG")
    # Numbering continues after a restart.
    again = open_printer("emulated:?width=58", tmp_path / "out")
    again.send(b"\x1b@hello\n")
    assert (tmp_path / "out" / "000002.bin").exists()


def test_emulated_encoder_hands_out_blank_cards_one_by_one() -> None:
    encoder = open_encoder("emulated:?cards=2", SITE_KEY)
    try:
        assert isinstance(encoder, EmulatedEncoder) and isinstance(encoder, CardEncoder)
        # The PN532 driver on the PN532 emulator, over a pty: the real frame protocol.
        assert encoder.name == "emulated:pn532" and encoder.probe().ic == 0x32
        first = encoder.wait_for_card(1)
        assert first.technology == "mifare-classic-1k"
        assert encoder.read_payload(first) is None
        encoder.write_payload(first, PAYLOAD)
        assert encoder.read_payload(first) == PAYLOAD
        # Sector 1 was closed with the card's own keys, derived from the site key we passed.
        key_a, key_b = diversify_keys(SITE_KEY, first.uid)
        on_pad = encoder.emulator.cards[first.uid]
        assert (bytes(on_pad.blocks[7][:6]), bytes(on_pad.blocks[7][10:])) == (key_a, key_b)
        # The issued card goes to its holder; the next wait gets a fresh blank card.
        second = encoder.wait_for_card(1)
        assert second.uid != first.uid and encoder.handed_over == [first.uid]
        assert encoder.read_payload(second) is None
        # A card that was only read (not written) stays on the pad.
        assert encoder.wait_for_card(1) == second and not encoder.emulator.blank_stack
        encoder.write_payload(second, PAYLOAD)
        with pytest.raises(NoCardError):
            encoder.wait_for_card(0.3)  # the stack is used up
    finally:
        encoder.close()


def test_a_stations_emulated_encoder_holds_no_key_and_writes_with_the_keys_it_is_given() -> None:
    encoder = open_encoder("emulated:?cards=1")
    try:
        card = encoder.wait_for_card(1)
        with pytest.raises(EncoderError, match="holds no site key"):
            encoder.write_payload(card, PAYLOAD)
        keys = CardKeys(*diversify_keys(SITE_KEY, card.uid))
        encoder.write_payload(card, PAYLOAD, keys)
        assert encoder.read_payload(card, CardKeys(keys.key_a)) == PAYLOAD  # key A reads
    finally:
        encoder.close()


def test_emulated_encoder_without_ptys_keeps_its_cards_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "kiosk.devices.pn532.emulator", None)  # as on Windows
    encoder = open_encoder("emulated:?cards=2", SITE_KEY)
    assert isinstance(encoder, MemoryEncoder) and encoder.name == "emulated-encoder"
    card = encoder.wait_for_card(0.1)
    encoder.write_payload(card, PAYLOAD)
    assert encoder.read_payload(card) == PAYLOAD


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("pn532://", "needs the serial port, e.g. pn532:///dev/ttyUSB0"),
        ("msr:", "needs the serial port, e.g. msr:///dev/ttyUSB0"),
        ("nfc:///dev/ttyUSB0", "unknown scheme"),
        ("emulated:?cards=many", "not a number"),
    ],
)
def test_bad_encoder_urls_say_what_is_wrong(url: str, fragment: str) -> None:
    with pytest.raises(DeviceUrlError, match=re.escape(fragment)):
        open_encoder(url, SITE_KEY)


def test_encoder_urls_open_the_drivers(tmp_path: Path) -> None:
    with Pn532Emulator(tmp_path / "pn532") as pn532, MsrEmulator(tmp_path / "msr") as msr:
        encoder = open_encoder(f"pn532://{pn532.path}?baudrate=115200&timeout=0.5", SITE_KEY)
        assert isinstance(encoder, Pn532Encoder) and encoder.name == f"pn532:{pn532.path}"
        encoder.close()
        keyless = open_encoder(f"pn532://{pn532.path}")  # a station's: the server gives each card's keys
        assert isinstance(keyless, Pn532Encoder)
        keyless.close()
        with pytest.raises(DeviceUrlError, match="unknown option"):
            open_encoder(f"pn532://{pn532.path}?speed=9", SITE_KEY)
        stripe = open_encoder(f"msr://{msr.path}?baudrate=9600&coercivity=lo")
        assert isinstance(stripe, MsrEncoder)
        stripe.close()
    with pytest.raises(DeviceUnavailableError, match="ttyUSB7 does not exist"):
        open_encoder(f"pn532://{tmp_path}/ttyUSB7", SITE_KEY)
    # On Windows the port is the host part; here it does not exist either.
    with pytest.raises(DeviceUnavailableError, match="COM3 does not exist"):
        open_encoder("msr://COM3")


def test_device_urls_open_an_in_process_line_in_place_of_a_port(tmp_path: Path) -> None:
    from kiosk.devices.factory import open_id_reader
    from kiosk.devices.idreader.driver import SamIdCardReader
    from kiosk.devices.idreader.emulator import IdReaderEmulator
    from kiosk.devices.memlink import FakeClock

    with (
        Pn532Emulator(tmp_path / "pn532", clock=FakeClock()) as pn532,
        MsrEmulator(tmp_path / "msr", clock=FakeClock()) as msr,
        IdReaderEmulator(tmp_path / "id", clock=FakeClock()) as reader,
    ):
        encoder = open_encoder(f"pn532://{pn532.path}?timeout=0.5", SITE_KEY)
        assert encoder.name == f"pn532:{pn532.path}" and pn532.path.startswith("memory://")
        encoder.close()
        stripe = open_encoder(f"msr://{msr.path}?baudrate=9600")
        assert isinstance(stripe, MsrEncoder) and stripe.name.endswith(msr.path)
        stripe.close()
        id_reader = open_id_reader(f"idreader://{reader.path}?baudrate=115200")
        assert isinstance(id_reader, SamIdCardReader) and id_reader.name.endswith(reader.path)
        id_reader.close()
    with pytest.raises(DeviceUnavailableError, match="memory://gone does not exist"):
        open_encoder("msr://memory://gone")


def test_encoder_port_without_permission_names_the_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    node = tmp_path / "ttyUSB0"
    node.write_bytes(b"")
    monkeypatch.setattr(os, "access", lambda path, mode: path != str(node))
    with pytest.raises(DeviceUnavailableError, match="dialout"):
        open_encoder(f"pn532://{node}", SITE_KEY)


def test_memory_encoder_reports_a_card_lifted_mid_write() -> None:
    from kiosk.devices.errors import CardRemovedError

    encoder = MemoryEncoder(remove_during_write=True)
    encoder.present(VirtualCard(uid=b"\x01\x02\x03\x04"))
    card = encoder.wait_for_card(0.1)
    with pytest.raises(CardRemovedError):
        encoder.write_payload(card, b"x")
    assert encoder.card_on_pad is None


def test_wait_for_card_can_be_cancelled() -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(NoCardError):
        MemoryEncoder().wait_for_card(5, cancel)


class LoopbackPrinter:
    """A network printer on 127.0.0.1 that records what it gets and answers DLE EOT."""

    def __init__(self, replies: dict[bytes, int] | None = None) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received: list[bytes] = []
        self.replies = replies or {}
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.server.settimeout(5)
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(0.5)
                data = b""
                while True:
                    try:
                        chunk = conn.recv(4096)
                    except TimeoutError:
                        break
                    if not chunk:
                        break
                    data += chunk
                    for request, reply in self.replies.items():
                        if chunk.endswith(request):
                            conn.sendall(bytes([reply]))
                self.received.append(data)

    def close(self) -> None:
        self.server.close()


def test_network_printer_receives_the_document_over_tcp() -> None:
    peer = LoopbackPrinter()
    try:
        printer = open_printer(f"escpos+tcp://127.0.0.1:{peer.port}", Path("/unused"))
        assert isinstance(printer, EscposPrinter)
        printer.send(b"\x1b@hello\n\x1dVB\x00")
        for _ in range(100):
            if peer.received:
                break
            threading.Event().wait(0.02)
        assert peer.received == [b"\x1b@hello\n\x1dVB\x00"]
    finally:
        peer.close()


def test_network_printer_status_from_dle_eot() -> None:
    peer = LoopbackPrinter({b"\x10\x04\x01": 0x16, b"\x10\x04\x02": 0x12, b"\x10\x04\x04": 0x72})
    try:
        printer = open_printer(f"escpos+tcp://127.0.0.1:{peer.port}?timeout=2", Path("/unused"))
        assert printer.status() is PrinterStatus.PAPER_OUT
    finally:
        peer.close()


def test_unreachable_network_printer_is_offline() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once closed
    printer = open_printer(f"escpos+tcp://127.0.0.1:{port}?timeout=1", Path("/unused"))
    with pytest.raises(PrinterOfflineError):
        printer.send(b"x")
    assert printer.status() is PrinterStatus.OFFLINE


@pytest.mark.parametrize(
    ("printer", "cause", "paper", "expected"),
    [
        (None, None, None, PrinterStatus.UNKNOWN),
        (0x00, None, None, PrinterStatus.UNKNOWN),  # not a status byte
        (0x16, 0x12, 0x12, PrinterStatus.ONLINE),
        (0x1E, 0x16, 0x12, PrinterStatus.COVER_OPEN),
        (0x1E, 0x32, 0x12, PrinterStatus.PAPER_OUT),
        (0x16, 0x12, 0x1E, PrinterStatus.PAPER_NEAR_END),
        (0x1E, 0x12, 0x12, PrinterStatus.OFFLINE),
    ],
)
def test_status_bytes(
    printer: int | None, cause: int | None, paper: int | None, expected: PrinterStatus
) -> None:
    assert interpret_status(printer, cause, paper) is expected
