"""The ID-card reader emulator as a vendor SDK sees it: every command of the SAM_V serial
protocol (GA 467), answered with the module's own status codes, byte for byte where vendor SDKs
compare whole replies. The conformance table in docs/hardware.md lists each test.

Each test runs on the in-process line (fake clock) and, marked ``pty``, through pyserial on a
real pseudo-terminal."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import serial

from kiosk.devices.idreader import protocol as p
from kiosk.devices.idreader.emulator import (
    DEMO_CARDS,
    IdReaderEmulator,
    VirtualIdCard,
    card_from_json,
    demo_cards,
)
from kiosk.devices.idreader.text import parse_id_text
from kiosk.devices.memlink import FakeClock
from kiosk.devices.serialport import open_serial

# Whole replies as vendor SDKs compare them (e.g. an Android SDK's sFIND_SUCC, sSELECT_SUCC).
FIND_NO_CARD = bytes.fromhex("AAAAAA9669000400008084")
FIND_OK = bytes.fromhex("AAAAAA9669000800009F0000000097")
SELECT_OK = bytes.fromhex("AAAAAA9669000C00009000000000000000009C")
SELECT_NO_CARD = bytes.fromhex("AAAAAA9669000400008185")
READ_FAILED = bytes.fromhex("AAAAAA9669000400004145")
OK = bytes.fromhex("AAAAAA9669000400009094")


class Host:
    """A SAM host on one serial port, with deadlines on the line's clock."""

    def __init__(self, port: Any, clock: FakeClock | None) -> None:
        self.port = port
        self.clock = clock

    def now(self) -> float:
        return self.clock.monotonic() if self.clock is not None else time.monotonic()

    def bytes_back(self, data: bytes, timeout: float = 1.0) -> bytes:
        """What comes back: nothing within ``timeout``, or all until the line is quiet 0.1 s."""
        self.port.write(data)
        if self.clock is None:
            self.port.flush()
        got = bytearray()
        deadline = self.now() + timeout
        while self.now() < deadline:
            chunk = self.port.read(self.port.in_waiting or 1)
            got += chunk
            if chunk:
                deadline = self.now() + 0.1
        return bytes(got)

    def reply(self, code: tuple[int, int], data: bytes = b"") -> p.ReplyFrame:
        frames = p.FrameParser(p.FrameKind.REPLY).feed(self.bytes_back(p.command(code, data)))
        assert len(frames) == 1 and isinstance(frames[0], p.ReplyFrame), frames
        return frames[0]


@pytest.fixture(params=["memory", pytest.param("pty", marks=pytest.mark.pty)])
def line(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def emulator(tmp_path: Path, line: str) -> Iterator[IdReaderEmulator]:
    clock = FakeClock() if line == "memory" else None
    with IdReaderEmulator(tmp_path / "reader", clock=clock) as running:
        yield running


@pytest.fixture
def host(emulator: IdReaderEmulator) -> Iterator[Host]:
    clock = getattr(emulator.link, "clock", None)
    if clock is not None:
        port = open_serial(emulator.path, 115200, "SAM", timeout=0.01, write_timeout=1)
    else:
        port = serial.Serial(emulator.path, 115200, timeout=0.01)
    yield Host(port, clock)
    port.close()


def card(**extra: Any) -> VirtualIdCard:
    return card_from_json({**DEMO_CARDS[0], **extra})


def selected(emulator: IdReaderEmulator, host: Host, on_reader: VirtualIdCard | None = None) -> VirtualIdCard:
    lying = on_reader or demo_cards()[0]
    emulator.present(lying)
    assert host.bytes_back(p.command(p.FIND_CARD)) == FIND_OK
    assert host.bytes_back(p.command(p.SELECT_CARD)) == SELECT_OK
    return lying


def test_reset_sam_answers_ok_and_drops_the_selection(emulator: IdReaderEmulator, host: Host) -> None:
    selected(emulator, host)
    assert host.bytes_back(p.command(p.RESET_SAM)) == OK
    assert host.bytes_back(p.command(p.READ_TEXT_PHOTO)) == READ_FAILED


def test_sam_status(host: Host) -> None:
    assert host.bytes_back(p.command(p.SAM_STATUS)) == OK


def test_read_sam_id(host: Host) -> None:
    reply = host.reply(p.READ_SAM_ID)
    assert reply.sw3 == p.STATUS_OK
    assert str(p.decode_sam_id(reply.data)) == "05.01-20240315-0001234567-0987654321"


def test_find_card(emulator: IdReaderEmulator, host: Host) -> None:
    assert host.bytes_back(p.command(p.FIND_CARD)) == FIND_NO_CARD
    emulator.present(demo_cards()[0])
    assert host.bytes_back(p.command(p.FIND_CARD)) == FIND_OK
    emulator.faults.no_card = True
    assert host.bytes_back(p.command(p.FIND_CARD)) == FIND_NO_CARD


def test_select_card(emulator: IdReaderEmulator, host: Host) -> None:
    assert host.bytes_back(p.command(p.SELECT_CARD)) == SELECT_NO_CARD
    selected(emulator, host)


def test_read_text_and_photo(emulator: IdReaderEmulator, host: Host) -> None:
    assert host.bytes_back(p.command(p.READ_TEXT_PHOTO)) == READ_FAILED  # nothing selected
    lying = selected(emulator, host)
    assert len(host.bytes_back(p.command(p.READ_TEXT_PHOTO))) == 1295
    reply = host.reply(p.READ_TEXT_PHOTO)
    record = p.decode_card_record(reply.data)
    assert parse_id_text(record.text).id_number == lying.record.id_number
    emulator.remove()
    assert host.bytes_back(p.command(p.READ_TEXT_PHOTO)) == READ_FAILED


@pytest.mark.parametrize(("fingerprints", "size"), [(0, 1297), (1, 1809), (2, 2321)])
def test_read_text_photo_and_fingerprints(
    emulator: IdReaderEmulator, host: Host, fingerprints: int, size: int
) -> None:
    selected(emulator, host, card(fingerprints=fingerprints))
    assert len(host.bytes_back(p.command(p.READ_TEXT_PHOTO_FINGERPRINT))) == size
    reply = host.reply(p.READ_TEXT_PHOTO_FINGERPRINT)
    record = p.decode_card_record(reply.data, with_fingerprint=True)
    assert record.fingerprint is not None and len(record.fingerprint) == 512 * fingerprints


def test_read_new_address(emulator: IdReaderEmulator, host: Host) -> None:
    assert host.bytes_back(p.command(p.READ_NEW_ADDRESS)) == READ_FAILED  # nothing selected
    selected(emulator, host)
    reply = host.reply(p.READ_NEW_ADDRESS)
    assert reply.sw3 == p.STATUS_NO_CONTENT and reply.data == b""
    selected(emulator, host, card(new_address="北京市海淀区中关村大街1号"))
    reply = host.reply(p.READ_NEW_ADDRESS)
    assert reply.sw3 == p.STATUS_OK and len(reply.data) == p.NEW_ADDRESS_SIZE
    assert p.decode_new_address(reply.data) == "北京市海淀区中关村大街1号"
    with pytest.raises(ValueError, match="holds 35 characters"):
        card(new_address="长" * 36)


@pytest.mark.parametrize(
    ("para", "rate"), [(0x04, 9600), (0x03, 19200), (0x02, 38400), (0x01, 57600), (0x00, 115200)]
)
def test_set_baud_rate_answers_at_the_old_speed_then_switches(
    emulator: IdReaderEmulator, host: Host, para: int, rate: int
) -> None:
    assert host.bytes_back(p.encode_command(p.SET_BAUDRATE_CMD, para)) == OK
    assert emulator.speed == rate
    if rate != 115200:  # a host left at the old speed gets no frame it can read
        frames = p.FrameParser(p.FrameKind.REPLY).feed(host.bytes_back(p.command(p.SAM_STATUS)))
        assert not any(isinstance(frame, p.ReplyFrame) for frame in frames)
    host.port.baudrate = rate  # the host follows (on a pty: termios)
    assert host.bytes_back(p.command(p.SAM_STATUS)) == OK


def test_set_baud_rate_refuses_an_unknown_rate(emulator: IdReaderEmulator, host: Host) -> None:
    assert host.reply((p.SET_BAUDRATE_CMD, 0x05)).sw3 == p.STATUS_COMMAND_ERROR
    assert emulator.speed is None


def test_set_rf_frame_size(host: Host) -> None:
    assert host.bytes_back(p.command(p.SET_RF_FRAME_SIZE, b"\x58")) == OK


def test_frame_errors_get_their_status(host: Host) -> None:
    assert host.reply((0x13, 0xFF)).sw3 == p.STATUS_COMMAND_ERROR  # unknown command
    assert host.reply((0x20, 0x05)).sw3 == p.STATUS_COMMAND_ERROR  # unknown parameter
    frame = bytearray(p.command(p.FIND_CARD))
    frame[-1] ^= 0xFF
    replies = p.FrameParser(p.FrameKind.REPLY).feed(host.bytes_back(bytes(frame)))
    assert [r.sw3 for r in replies if isinstance(r, p.ReplyFrame)] == [p.STATUS_CHECKSUM_ERROR]
    replies = p.FrameParser(p.FrameKind.REPLY).feed(host.bytes_back(p.PREAMBLE + b"\x00\x01\x00"))
    assert [r.sw3 for r in replies if isinstance(r, p.ReplyFrame)] == [p.STATUS_LENGTH_ERROR]
