"""The MSR206 / MSR605 emulator as a host library sees it: every command of the programmer's
manuals (MSR206 UDN PM017-U rev. C.1 section 6, MSR605 rev. B sections 6-9), byte for byte
where the manuals give the bytes, and the conformance table in docs/hardware.md lists each test.

Each test runs on the in-process line (fake clock) and, marked ``pty``, through pyserial on a
real pseudo-terminal."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import serial

from kiosk.devices.memlink import FakeClock
from kiosk.devices.msr.emulator import MagCard, MsrEmulator, MsrEmulatorOptions
from kiosk.devices.msr.protocol import (
    CommandParser,
    RawReadReply,
    ReadReply,
    Reply,
    ReplyKind,
    ReplyParser,
    Tracks,
    decode_stripe,
    encode_write_raw,
    pack_bits,
    stripe_bits,
    unpack_bits,
)
from kiosk.devices.serialport import open_serial

ESC = b"\x1b"
# The manuals' example card: "%ABC123?", ";12345?", ";12345?" (MSR605 manual section 9).
EXAMPLE = Tracks("ABC123", "12345", "12345")
# Its raw bytes at 8 bits per character and at 7/5/5, as section 9 prints them.
RAW_888 = (bytes.fromhex("C5B07814954E3E2A"), bytes.fromhex("2B8849EAAF"), bytes.fromhex("2B8849EAAF"))
RAW_755 = (
    bytes.fromhex("456162235152131F2A"),
    bytes.fromhex("0B01021304151F15"),
    bytes.fromhex("0B01021304151F15"),
)


class Host:
    """An MSR host on one serial port, with deadlines on the line's clock."""

    def __init__(self, port: Any, clock: FakeClock | None) -> None:
        self.port = port
        self.clock = clock

    def now(self) -> float:
        return self.clock.monotonic() if self.clock is not None else time.monotonic()

    def send(self, data: bytes) -> None:
        self.port.write(data)
        if self.clock is None:
            self.port.flush()

    def bytes_back(self, data: bytes = b"", timeout: float = 0.6) -> bytes:
        """What comes back after sending ``data``: nothing if nothing within ``timeout``, else
        everything until the line has been quiet for 0.1 s."""
        self.send(data)
        got = bytearray()
        deadline = self.now() + timeout
        while self.now() < deadline:
            chunk = self.port.read(self.port.in_waiting or 1)
            got += chunk
            if chunk:
                deadline = self.now() + 0.1
        return bytes(got)

    def ask(self, data: bytes, kind: ReplyKind, timeout: float = 1.0) -> Reply | None:
        self.send(data)
        parser = ReplyParser(kind)
        deadline = self.now() + timeout
        while self.now() < deadline:
            replies = parser.feed(self.port.read(self.port.in_waiting or 1))
            if replies:
                return replies[0]
        return None


@pytest.fixture(params=["memory", pytest.param("pty", marks=pytest.mark.pty)])
def line(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def start(tmp_path: Path, line: str, **options: Any) -> MsrEmulator:
    clock = FakeClock() if line == "memory" else None
    return MsrEmulator(tmp_path / "msr", MsrEmulatorOptions(**options), clock=clock).start()


def connect(emulator: MsrEmulator) -> Host:
    clock = getattr(emulator.link, "clock", None)
    if clock is not None:
        port = open_serial(emulator.path, 9600, "MSR", timeout=0.01, write_timeout=1)
    else:
        port = serial.Serial(emulator.path, 9600, timeout=0.01)
    return Host(port, clock)


@pytest.fixture
def emulator(tmp_path: Path, line: str) -> Iterator[MsrEmulator]:
    running = start(tmp_path, line)
    yield running
    running.close()


@pytest.fixture
def host(emulator: MsrEmulator) -> Iterator[Host]:
    opened = connect(emulator)
    yield opened
    opened.port.close()


# -- the manual's initialisation sequence, diagnostics, identity ----------------------------------


def test_initialisation_and_communication_test(host: Host) -> None:
    """Section 8: reset (no answer), communication test (ESC y), reset."""
    assert host.bytes_back(b"\x1ba") == b""
    assert host.bytes_back(b"\x1be") == b"\x1by"
    assert host.bytes_back(b"\x1ba") == b""


def test_reset_restores_the_settings_and_abandons_a_wait(emulator: MsrEmulator, host: Host) -> None:
    assert (
        host.bytes_back(b"\x1by\x1bo\x08\x08\x08\x1bz\x10\x20\x1bb\xd2")
        == b"\x1b0\x1b0\x08\x08\x08\x1b0\x1b0"
    )
    host.send(b"\x1br")
    assert emulator.wait_armed(1) == "read"
    assert host.bytes_back(b"\x1ba") == b""  # RESET: no answer, the read is abandoned
    assert emulator.armed is None
    assert (emulator.hico, emulator.bpc, emulator.leading_zero, emulator.bpi[2]) == (
        True,
        (7, 5, 5),
        (0x3D, 0x16),
        75,
    )
    assert host.bytes_back(b"\x1bd\x1bl") == b"\x1bH\x1b\x3d\x16"


def test_model_and_firmware(tmp_path: Path, line: str) -> None:
    emulator = start(tmp_path, line, model="5", firmware="REVH2.31")
    host = connect(emulator)
    try:
        assert host.bytes_back(b"\x1bt") == b"\x1b5S"
        assert host.bytes_back(b"\x1bv") == b"\x1bREVH2.31"
    finally:
        host.port.close()
        emulator.close()


def test_leds_answer_nothing_and_light(emulator: MsrEmulator, host: Host) -> None:
    for code, lit in (
        (0x82, {"green", "yellow", "red"}),
        (0x81, set()),
        (0x83, {"green"}),
        (0x84, {"yellow"}),
        (0x85, {"red"}),
    ):
        assert host.bytes_back(ESC + bytes((code,))) == b""
        assert emulator.leds == lit


def test_sensor_test_waits_for_a_card_and_only_reset_ends_the_wait(emulator: MsrEmulator, host: Host) -> None:
    host.send(b"\x1b\x86")
    assert emulator.wait_armed(1) == "test the sensor"
    assert host.bytes_back(b"\x1be") == b""  # it listens to nothing but RESET
    emulator.faults.invalid_swipe = 1  # a botched swipe still passes the sensor
    emulator.swipe(MagCard())
    assert host.bytes_back() == b"\x1b0"
    assert emulator.faults.invalid_swipe == 1
    host.send(b"\x1b\x86")
    assert emulator.wait_armed(1) == "test the sensor"
    assert host.bytes_back(b"\x1ba") == b""
    assert emulator.armed is None


def test_ram_test(emulator: MsrEmulator, host: Host) -> None:
    assert host.bytes_back(b"\x1b\x87") == b"\x1b0"
    emulator.faults.set("ram_fail", "1")
    assert host.bytes_back(b"\x1b\x87") == b"\x1bA"
    assert host.bytes_back(b"\x1b\x87") == b"\x1b0"


# -- settings ------------------------------------------------------------------------------------


def test_leading_zeros_set_and_checked(emulator: MsrEmulator, host: Host) -> None:
    assert host.bytes_back(b"\x1bl") == b"\x1b\x3d\x16"  # the factory setting: 61 and 22
    assert host.bytes_back(b"\x1bz\x00\xff") == b"\x1b0"
    assert host.bytes_back(b"\x1bl") == b"\x1b\x00\xff"


def test_bits_per_inch_codes(emulator: MsrEmulator, host: Host) -> None:
    for code, (track, bpi) in {
        0xA1: (1, 210),
        0xA0: (1, 75),
        0xD2: (2, 210),
        0x4B: (2, 75),
        0xC1: (3, 210),
        0xC0: (3, 75),
    }.items():
        assert host.bytes_back(b"\x1bb" + bytes((code,))) == b"\x1b0"
        assert emulator.bpi[track] == bpi
    assert host.bytes_back(b"\x1bb\x00") == b"\x1bA"


def test_bits_per_character(emulator: MsrEmulator, host: Host) -> None:
    assert host.bytes_back(b"\x1bo\x05\x06\x08") == b"\x1b0\x05\x06\x08"
    assert emulator.bpc == (5, 6, 8)
    assert host.bytes_back(b"\x1bo\x07\x04\x05") == b"\x1bA"  # 5-8 only
    assert emulator.bpc == (5, 6, 8)


def test_hi_co_and_lo_co(emulator: MsrEmulator, host: Host) -> None:
    assert host.bytes_back(b"\x1by") == b"\x1b0"
    assert host.bytes_back(b"\x1bd") == b"\x1bL"
    card = MagCard(tracks=Tracks(track2="1"), hico=True)
    emulator.hold(card)
    # A lo-co write current cannot flip a hi-co stripe: read/write error, the card unchanged.
    assert host.bytes_back(b"\x1bw\x1bs\x1b\x01\x1b\x02999\x1b\x03?\x1c") == b"\x1b1"
    assert card.tracks == Tracks(track2="1")
    assert host.bytes_back(b"\x1bx") == b"\x1b0"
    assert host.bytes_back(b"\x1bd") == b"\x1bH"
    assert host.bytes_back(b"\x1bw\x1bs\x1b\x01\x1b\x02999\x1b\x03?\x1c") == b"\x1b0"
    assert card.tracks == Tracks(track2="999")


# -- ISO read and write, erase ----------------------------------------------------------------------


def test_iso_read_is_the_manuals_example(emulator: MsrEmulator, host: Host) -> None:
    emulator.hold(MagCard(tracks=Tracks("01", "23", "45")))
    expected = b"\x1bs\x1b\x01%01?\x1b\x02;23?\x1b\x03;45??\x1c\x1b0"
    assert host.bytes_back(b"\x1br") == expected
    # A track without data is its selector alone (MSR605 manual section 7, note 2).
    emulator.hold(MagCard(tracks=Tracks(track2="23")))
    assert host.bytes_back(b"\x1br") == b"\x1bs\x1b\x01\x1b\x02;23?\x1b\x03?\x1c\x1b0"


def test_iso_write_is_the_manuals_example_sent_in_pieces(emulator: MsrEmulator, host: Host) -> None:
    """libmsr sends ESC w, ESC s and each track in separate writes."""
    card = MagCard()
    host.send(b"\x1bw")
    for piece in (b"\x1bs", b"\x1b\x01ABC123", b"\x1b\x0212345", b"\x1b\x0312345", b"?\x1c"):
        host.send(piece)
    assert emulator.wait_armed(1) == "write"
    assert emulator.leds == {"yellow"}  # "Yellow LED on, then swipe card"
    emulator.swipe(card)
    assert host.bytes_back() == b"\x1b0"
    assert card.tracks == EXAMPLE


def test_iso_errors(emulator: MsrEmulator, host: Host) -> None:
    assert host.bytes_back(b"\x1bq") == b"\x1b4"  # invalid command
    assert host.bytes_back(b"\x1bw\x1bs\x1b\x0212AB?\x1c") == b"\x1b2"  # command format error
    emulator.faults.invalid_swipe = 1
    emulator.hold(MagCard())
    assert host.bytes_back(b"\x1bw\x1bs\x1b\x021\x1b\x03?\x1c") == b"\x1b9"  # invalid swipe
    emulator.faults.rw_error = 1
    reply = host.ask(b"\x1br", ReplyKind.READ)
    assert isinstance(reply, ReadReply) and reply.status == 0x31 and reply.unreadable == {1, 2, 3}


def test_erase_select_bytes(emulator: MsrEmulator, host: Host) -> None:
    for select, left in (
        (0x00, "23"),
        (0x02, "13"),
        (0x04, "12"),
        (0x03, "3"),
        (0x05, "2"),
        (0x06, "1"),
        (0x07, ""),
    ):
        card = MagCard(tracks=Tracks("A", "2", "3"))
        emulator.hold(card)
        assert host.bytes_back(b"\x1bc" + bytes((select,))) == b"\x1b0"
        assert [n for n in (1, 2, 3) if card.tracks[n]] == [int(n) for n in left]
    assert host.bytes_back(b"\x1bc\x01") == b"\x1bA"  # not in the manual's table


def test_a_model_reads_and_writes_only_its_tracks(tmp_path: Path, line: str) -> None:
    emulator = start(tmp_path, line, model="1")  # MSR206-1: track 2 only
    host = connect(emulator)
    try:
        card = MagCard(tracks=Tracks("A", "2", "3"))
        emulator.hold(card)
        assert host.bytes_back(b"\x1br") == b"\x1bs\x1b\x01\x1b\x02;2?\x1b\x03?\x1c\x1b0"
        assert host.bytes_back(b"\x1bw\x1bs\x1b\x01B\x1b\x029\x1b\x039?\x1c") == b"\x1b0"
        assert card.tracks == Tracks("A", "9", "3")
    finally:
        host.port.close()
        emulator.close()


# -- raw read and write ----------------------------------------------------------------------------


def test_raw_read_is_the_manuals_bit_packing(emulator: MsrEmulator, host: Host) -> None:
    emulator.hold(MagCard(tracks=EXAMPLE))
    reply = host.ask(b"\x1bm", ReplyKind.READ_RAW)
    assert reply == RawReadReply(RAW_755, 0x30)
    assert host.bytes_back(b"\x1bo\x08\x08\x08") == b"\x1b0\x08\x08\x08"
    reply = host.ask(b"\x1bm", ReplyKind.READ_RAW)
    assert reply == RawReadReply(RAW_888, 0x30)
    # Empty tracks go with length 0 (libmsr reads all three).
    emulator.hold(MagCard())
    assert host.bytes_back(b"\x1bm") == b"\x1bs\x1b\x01\x00\x1b\x02\x00\x1b\x03\x00?\x1c\x1b0"


def test_raw_write_is_the_manuals_example(emulator: MsrEmulator, host: Host) -> None:
    card = MagCard()
    emulator.hold(card)
    assert host.bytes_back(b"\x1bo\x08\x08\x08") == b"\x1b0\x08\x08\x08"
    assert host.bytes_back(encode_write_raw(RAW_888)) == b"\x1b0"
    assert card.tracks == EXAMPLE and not card.raw  # ISO characters, read back as ISO
    assert host.bytes_back(b"\x1bo\x07\x05\x05") == b"\x1b0\x07\x05\x05"
    reply = host.ask(b"\x1br", ReplyKind.READ)
    assert isinstance(reply, ReadReply) and reply.ok and reply.tracks == EXAMPLE
    assert host.bytes_back(encode_write_raw((b"", RAW_755[1][:3] + b"\x1b\x1c?", b""))) == b"\x1b0"


def test_raw_bits_that_are_no_iso_data(emulator: MsrEmulator, host: Host) -> None:
    card = MagCard(tracks=Tracks(track2="12345"))
    emulator.hold(card)
    junk = b"\x1b\x3f\x1c\x01\x00\x7f"  # any byte may be raw data: it is framed by its length
    assert host.bytes_back(b"\x1bo\x08\x08\x08") == b"\x1b0\x08\x08\x08"
    assert host.bytes_back(encode_write_raw((b"", b"", junk))) == b"\x1b0"
    assert card.tracks == Tracks(track2="12345") and 3 in card.raw
    reply = host.ask(b"\x1bm", ReplyKind.READ_RAW)
    assert isinstance(reply, RawReadReply) and reply.tracks[2] == junk and reply.tracks[1] == RAW_888[1]
    host.bytes_back(b"\x1bo\x07\x05\x05")
    # An ISO read marks the track unreadable and reports a read error.
    assert host.bytes_back(b"\x1br") == b"\x1bs\x1b\x01\x1b\x02;12345?\x1b\x03\x1b*?\x1c\x1b1"
    assert host.bytes_back(b"\x1bc\x04") == b"\x1b0"
    assert card.tracks == Tracks(track2="12345") and not card.raw


def test_raw_write_errors(emulator: MsrEmulator, host: Host) -> None:
    assert host.bytes_back(b"\x1bn\x1bs\x1b\x04\x00?\x1c") == b"\x1b2"  # no track 4
    emulator.faults.rw_error = 1
    emulator.hold(MagCard())
    assert host.bytes_back(encode_write_raw((b"\x45", b"", b""))) == b"\x1b1"
    emulator.faults.invalid_swipe = 1
    assert host.bytes_back(b"\x1bm") == b"\x1bs\x1b\x01\x00\x1b\x02\x00\x1b\x03\x00?\x1c\x1b1"
    # RESET where a track header belongs abandons the raw write.
    host.send(b"\x1bn\x1bs\x1b\x01\x01\x45")
    assert host.bytes_back(b"\x1ba") == b""
    assert host.bytes_back(b"\x1be") == b"\x1by"


def test_raw_card_survives_its_file(tmp_path: Path) -> None:
    card = MagCard(path=tmp_path / "raw.json")
    card.put_bits(3, "0001011")
    card.save()
    again = MagCard.load(tmp_path / "raw.json")
    assert again.raw == {3: "1011"} and again.describe() == "raw: hi-co, track 3: 4 raw bits"


def test_stripe_bits_round_trip() -> None:
    for number in (1, 2, 3):
        text = {1: "ABC 123^", 2: "1234=5678", 3: "0<>:"}[number]
        bits = stripe_bits(number, text)
        assert decode_stripe(number, "000" + bits + "0000") == text
        flipped = bits[:9] + ("0" if bits[9] == "1" else "1") + bits[10:]
        assert decode_stripe(number, flipped) is None  # a parity error
        assert unpack_bits(pack_bits(bits, 8), 8)[: len(bits)] == bits
    assert decode_stripe(2, "") == "" and decode_stripe(2, "1") is None


def test_command_parser_frames_a_raw_write_by_its_lengths() -> None:
    data = encode_write_raw((b"?\x1c", b"\x1ba", b""))
    assert CommandParser().feed(data[:5]) == []
    parser = CommandParser()
    got = [c for i in range(len(data)) for c in parser.feed(data[i : i + 1])]
    assert len(got) == 1 and got[0].raw == (b"?\x1c", b"\x1ba", b"")
