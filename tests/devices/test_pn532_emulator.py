"""The PN532 emulator as a host library sees it: raw frames over the serial port, the sequences
public PN532 libraries send when they open a board over UART (a run of zeros and a command with
no wake-up byte; or 0x55 0x55, zeros and SAMConfiguration), the power states, and every host
command of UM0701-02 the conformance table in docs/hardware.md lists.

Each test runs on the in-process line (fake clock) and, marked ``pty``, through pyserial on a
real pseudo-terminal, where SetSerialBaudRate changes the port's speed with termios."""

from __future__ import annotations

import io
import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import serial

from kiosk.devices.memlink import FakeClock
from kiosk.devices.pn532 import frames as f
from kiosk.devices.pn532.emulator import EmulatorOptions, Pn532Emulator, PowerState, run_interactive
from kiosk.devices.pn532.mifare import (
    FACTORY_KEY,
    MifareClassic1K,
    encode_access_bits,
    trailer_block,
    value_block,
)
from kiosk.devices.serialport import open_serial

UID = bytes.fromhex("04A1B2C3")
KEY_B = bytes.fromhex("B0B1B2B3B4B5")
TEN_ZEROS = bytes(10)
LIBRARY_WAKEUP = b"\x55\x55\x00\x00\x00"  # what the smallest host libraries send before a command
TARGET = bytes([1, 0x00, 0x04, 0x08, 4]) + UID  # Tg, SENS_RES, SEL_RES, NFCIDLength, NFCID1


class Host:
    """A PN532 host on one serial port: frames out, frames in, with a deadline on the line's clock."""

    def __init__(self, port: Any, clock: FakeClock | None) -> None:
        self.port = port
        self.clock = clock
        self.parser = f.FrameParser()
        self.raw = bytearray()  # every byte received, for the tests that look at the bytes

    def now(self) -> float:
        return self.clock.monotonic() if self.clock is not None else time.monotonic()

    def write(self, data: bytes) -> None:
        self.port.write(data)
        if self.clock is None:
            self.port.flush()

    def events(self, count: int, timeout: float = 0.3) -> list[f.Event]:
        """Up to ``count`` frames, whatever arrives within ``timeout``."""
        found: list[f.Event] = []
        deadline = self.now() + timeout
        while len(found) < count and self.now() < deadline:
            chunk = self.port.read(self.port.in_waiting or 1)
            self.raw += chunk
            found += self.parser.feed(chunk)
        return found

    def pause(self, seconds: float) -> None:
        """Let the line carry what was written (a host's wait before it changes its speed)."""
        if self.clock is not None:
            self.clock.sleep(seconds)
        else:
            time.sleep(seconds)

    def send(self, code: int, params: bytes = b"", preamble: bytes = b"") -> None:
        self.write(preamble + f.encode_command(code, params))

    def command(self, code: int, params: bytes = b"", preamble: bytes = b"", timeout: float = 0.5) -> bytes:
        """ACK and response as the chip sends them; the response's parameters."""
        self.send(code, params, preamble)
        events = self.events(2, timeout)
        assert events[:1] == [f.Ack()], f"command 0x{code:02X}: {events}"
        assert len(events) == 2, f"command 0x{code:02X}: ACK but no answer"
        answer = events[1]
        assert isinstance(answer, f.Frame) and answer.tfi == f.TFI_PN532, answer
        assert answer.code == code + 1
        return answer.data[1:]

    def refused(self, code: int, params: bytes = b"") -> bool:
        """Whether the command is ACKed and answered with the syntax error frame."""
        self.send(code, params)
        return self.events(2) == [f.Ack(), f.ErrorFrame()]

    def silent(self, data: bytes, timeout: float = 0.2) -> bool:
        """Whether nothing that parses as a frame comes back to ``data``."""
        self.write(data)
        return self.events(1, timeout) == []

    def ready(self) -> None:
        """Woken and out of Low-battery mode, as libnfc and nfcpy open a board."""
        assert self.command(f.SAM_CONFIGURATION, b"\x01\x14\x01", preamble=f.WAKEUP) == b""

    def exchange(self, *data: int | bytes) -> bytes:
        """InDataExchange with target 1; status and data."""
        return self.command(f.IN_DATA_EXCHANGE, b"\x01" + _join(data))

    def thru(self, *data: int | bytes) -> bytes:
        return self.command(f.IN_COMMUNICATE_THRU, _join(data))

    def authenticate(self, block: int, key: bytes = FACTORY_KEY, key_b: bool = False) -> bytes:
        return self.exchange(0x61 if key_b else 0x60, block, key, UID)


def _join(parts: tuple[int | bytes, ...]) -> bytes:
    return b"".join(bytes([p]) if isinstance(p, int) else p for p in parts)


@pytest.fixture(params=["memory", pytest.param("pty", marks=pytest.mark.pty)])
def line(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def emulator(tmp_path: Path, line: str) -> Iterator[Pn532Emulator]:
    clock = FakeClock() if line == "memory" else None
    with Pn532Emulator(tmp_path / "pn532", clock=clock) as running:
        yield running


def open_host(emulator: Pn532Emulator, baudrate: int = 115200) -> Host:
    clock = getattr(emulator.link, "clock", None)
    if clock is not None:
        port = open_serial(emulator.path, baudrate, "PN532", timeout=0.01, write_timeout=1)
    else:
        port = serial.Serial(emulator.path, baudrate, timeout=0.01)
    return Host(port, clock)


@pytest.fixture
def host(emulator: Pn532Emulator) -> Iterator[Host]:
    opened = open_host(emulator)
    yield opened
    opened.port.close()


@pytest.fixture
def card(emulator: Pn532Emulator, host: Host) -> MifareClassic1K:
    """A card on the pad, listed as target 1 by a configured PN532."""
    on_pad = emulator.present(UID)
    host.ready()
    assert host.command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00") == b"\x01" + TARGET
    return on_pad


# -- power states ----------------------------------------------------------------------------------


def test_power_up_answers_a_command_after_ten_zeros_with_no_wakeup_byte(
    emulator: Pn532Emulator, host: Host
) -> None:
    assert emulator.state is PowerState.LOW_VBAT and emulator.asleep
    assert host.command(f.GET_FIRMWARE_VERSION, preamble=TEN_ZEROS) == bytes([0x32, 1, 6, 7])
    assert emulator.state is PowerState.LOW_VBAT and not emulator.asleep  # awake, not yet configured


def test_at_power_up_the_first_bytes_are_lost_while_the_oscillator_starts(
    emulator: Pn532Emulator, host: Host
) -> None:
    # The frame's own one-byte preamble is not enough: its first bytes wake the chip and are lost.
    assert host.silent(f.encode_command(f.GET_FIRMWARE_VERSION))
    assert host.command(f.GET_FIRMWARE_VERSION) == bytes([0x32, 1, 6, 7])  # awake now
    assert emulator.stats.wakeups == 1


def test_low_battery_mode_holds_the_rf_commands_until_sam_configuration(
    emulator: Pn532Emulator, host: Host
) -> None:
    emulator.present(UID)
    assert host.command(f.GET_FIRMWARE_VERSION, preamble=LIBRARY_WAKEUP)
    assert host.refused(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00")
    assert host.command(f.SAM_CONFIGURATION, b"\x01") == b""
    assert emulator.state is PowerState.NORMAL
    assert host.command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00") == b"\x01" + TARGET


def test_after_power_down_only_the_hsu_wakeup_sequence_wakes_it(emulator: Pn532Emulator, host: Host) -> None:
    host.ready()
    assert host.command(f.POWER_DOWN, bytes([f.WAKE_HSU])) == b"\x00"
    assert emulator.state is PowerState.POWER_DOWN and emulator.asleep
    assert host.silent(TEN_ZEROS + f.encode_command(f.GET_FIRMWARE_VERSION))  # zeros no longer wake it
    assert host.command(f.GET_FIRMWARE_VERSION, preamble=f.WAKEUP) == bytes([0x32, 1, 6, 7])
    assert emulator.state is PowerState.NORMAL  # back where it was: configured
    # 0x55 with too few bytes after it: the frame's start is lost while the oscillator starts.
    assert host.command(f.POWER_DOWN, bytes([f.WAKE_HSU])) == b"\x00"
    assert host.silent(b"\x55" + f.encode_command(f.GET_FIRMWARE_VERSION))


def test_power_down_without_hsu_wakes_only_for_a_card(emulator: Pn532Emulator, host: Host) -> None:
    host.ready()
    assert host.command(f.POWER_DOWN, bytes([f.WAKE_RF_LEVEL, 0x01])) == b"\x00"
    assert host.silent(f.WAKEUP + f.encode_command(f.GET_FIRMWARE_VERSION))
    emulator.present(UID)  # the RF level detector wakes it
    assert not emulator.asleep
    assert host.command(f.GET_FIRMWARE_VERSION) == bytes([0x32, 1, 6, 7])


def test_power_cycle_brings_back_low_battery_mode_and_the_power_up_speed(
    emulator: Pn532Emulator, host: Host
) -> None:
    host.ready()
    assert host.command(f.SET_SERIAL_BAUD_RATE, b"\x05") == b""
    host.write(f.ACK_FRAME)
    host.pause(0.05)
    assert emulator.speed == 230400
    emulator.power_cycle()
    assert (emulator.state, emulator.asleep, emulator.speed) == (PowerState.LOW_VBAT, True, 115200)
    assert host.command(f.GET_FIRMWARE_VERSION, preamble=TEN_ZEROS) == bytes([0x32, 1, 6, 7])
    assert host.refused(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00")


def test_shell_power_cycle_and_state(tmp_path: Path) -> None:
    lines: queue.Queue[str] = queue.Queue()
    out = io.StringIO()

    def stdin() -> Iterator[str]:
        while True:
            yield (line := lines.get())
            if line == "quit\n":
                return

    thread = threading.Thread(
        target=run_interactive,
        args=(tmp_path / "pn532",),
        daemon=True,
        kwargs={"stdin": stdin(), "stdout": out},
    )
    thread.start()

    def answer(command: str) -> str:
        before = len(out.getvalue())
        lines.put(command + "\n")
        deadline = time.monotonic() + 5
        while not out.getvalue()[before:].endswith("\n"):
            assert time.monotonic() < deadline, out.getvalue()
            time.sleep(0.01)
        return out.getvalue()[before:].strip()

    deadline = time.monotonic() + 5
    while "Type 'help'" not in out.getvalue():
        assert time.monotonic() < deadline
        time.sleep(0.01)
    with serial.Serial(str(tmp_path / "pn532"), 115200, timeout=0.01) as port:
        host = Host(port, None)
        host.ready()
        assert answer("state") == "normal, HSU at 115200 baud"
        assert answer("power cycle") == "power cycled: low-battery, asleep, HSU at 115200 baud"
        assert host.command(f.GET_FIRMWARE_VERSION, preamble=TEN_ZEROS) == bytes([0x32, 1, 6, 7])
        assert "power cycle" in answer("help")
    lines.put("quit\n")
    thread.join(5)
    assert not thread.is_alive()


# -- SetSerialBaudRate -------------------------------------------------------------------------------


def test_set_serial_baud_rate_acks_answers_and_switches_on_the_hosts_ack(
    emulator: Pn532Emulator, host: Host
) -> None:
    host.ready()
    assert host.command(f.SET_SERIAL_BAUD_RATE, b"\x07") == b""  # 921600, answered at 115200
    assert emulator.speed == 115200
    host.write(f.ACK_FRAME)  # the host's ACK: now the chip changes speed
    host.pause(0.05)
    assert emulator.speed == 921600
    # A host that stays at 115200 is not understood, and hears only noise.
    assert host.silent(f.encode_command(f.GET_FIRMWARE_VERSION))
    host.pause(0.02)
    host.port.baudrate = 921600  # the host follows (on a pty: termios)
    host.parser.clear()
    assert host.command(f.GET_FIRMWARE_VERSION) == bytes([0x32, 1, 6, 7])
    assert host.command(f.GET_GENERAL_STATUS) == bytes([0x00, 0x00, 0, 0x00])


def test_set_serial_baud_rate_without_the_hosts_ack_keeps_the_speed(
    emulator: Pn532Emulator, host: Host
) -> None:
    host.ready()
    assert host.command(f.SET_SERIAL_BAUD_RATE, b"\x06") == b""
    assert host.command(f.GET_FIRMWARE_VERSION) == bytes([0x32, 1, 6, 7])  # still at 115200
    assert emulator.speed == 115200
    assert host.refused(f.SET_SERIAL_BAUD_RATE, b"\x09")  # no such rate
    assert host.refused(f.SET_SERIAL_BAUD_RATE, b"")


def test_a_paced_line_is_paced_at_the_new_speed(tmp_path: Path) -> None:
    clock = FakeClock()
    with Pn532Emulator(tmp_path / "paced", EmulatorOptions(pace=True), clock=clock) as emulator:
        host = open_host(emulator)
        host.ready()

        def round_trip() -> float:
            started = clock.monotonic()
            host.command(f.GET_FIRMWARE_VERSION)
            return clock.monotonic() - started

        slow = round_trip()
        host.command(f.SET_SERIAL_BAUD_RATE, b"\x07")
        host.write(f.ACK_FRAME)
        host.pause(0.001)
        host.port.baudrate = 921600
        fast = round_trip()
        host.port.close()
    # GetFirmwareVersion: 9 bytes out, 6 + 13 back; 10 bits a byte.
    assert slow == pytest.approx(28 * 10 / 115200, rel=0.2)
    assert fast == pytest.approx(28 * 10 / 921600, rel=0.2)


# -- the other miscellaneous commands --------------------------------------------------------------


def test_diagnose(emulator: Pn532Emulator, host: Host, card: MifareClassic1K) -> None:
    assert host.command(f.DIAGNOSE, b"\x00hello") == b"\x00hello"  # communication line test
    long = bytes(range(256)) + bytes(6)  # 262 bytes: both frames are extended ones
    assert host.command(f.DIAGNOSE, b"\x00" + long) == b"\x00" + long
    assert host.command(f.DIAGNOSE, b"\x01") == b"\x00"  # ROM
    assert host.command(f.DIAGNOSE, b"\x02") == b"\x00"  # RAM
    assert host.command(f.DIAGNOSE, b"\x04\x01") == b"\x80"  # FeliCa polling: 128 of 128 failed
    assert host.command(f.DIAGNOSE, b"\x06") == b"\x00"  # the card is there
    emulator.remove()
    assert host.command(f.DIAGNOSE, b"\x06") == b"\x01"
    assert host.command(f.DIAGNOSE, b"\x07\x3c") == b"\x00"  # antenna
    assert host.refused(f.DIAGNOSE, b"\x03")
    assert host.refused(f.DIAGNOSE, b"")
    host.send(f.DIAGNOSE, b"\x05\x00\x01\x02")  # echo back: the PN532 turns target for good
    assert host.events(2) == [f.Ack()]
    assert host.silent(f.WAKEUP + f.encode_command(f.GET_FIRMWARE_VERSION))
    emulator.power_cycle()
    assert host.command(f.GET_FIRMWARE_VERSION, preamble=TEN_ZEROS)


def test_get_general_status(host: Host, card: MifareClassic1K) -> None:
    assert host.command(f.GET_GENERAL_STATUS) == bytes([0x00, 0x00, 1, 1, 0, 0, 0, 0x00])
    assert host.exchange(0x30, 4)[0] == f.STATUS_MIFARE_AUTH  # not authenticated
    assert host.command(f.GET_GENERAL_STATUS)[0] == f.STATUS_MIFARE_AUTH  # the last error
    assert host.command(f.IN_RELEASE, b"\x01") == b"\x00"
    assert host.command(f.GET_GENERAL_STATUS)[1:] == bytes([0x00, 0, 0x00])  # no target
    assert host.refused(f.GET_GENERAL_STATUS, b"\x00")


def test_read_and_write_register_with_extended_frames(host: Host) -> None:
    host.ready()
    assert host.command(f.WRITE_REGISTER, bytes.fromhex("6302 80 6303 80")) == b""
    assert host.command(f.READ_REGISTER, bytes.fromhex("6302 6303 6304")) == b"\x80\x80\x00"
    many = b"".join(bytes([0x70, n, n ^ 0x5A]) for n in range(87))  # 261 bytes: an extended frame
    assert host.command(f.WRITE_REGISTER, many) == b""
    addresses = b"".join(bytes([0x70, n]) for n in range(87)) + bytes.fromhex("6302")
    assert host.command(f.READ_REGISTER, addresses) == bytes(n ^ 0x5A for n in range(87)) + b"\x80"
    assert host.refused(f.READ_REGISTER, b"\x63")  # half an address
    assert host.refused(f.WRITE_REGISTER, b"\x63\x02")  # no value
    assert host.refused(f.READ_REGISTER)


def test_read_and_write_gpio(host: Host) -> None:
    host.ready()
    assert host.command(f.READ_GPIO) == bytes([0x3F, 0x06, 0x00])  # all high, SEL0/SEL1 low (HSU)
    assert host.command(f.WRITE_GPIO, bytes([0x80 | 0x05, 0x80 | 0x02])) == b""
    assert host.command(f.READ_GPIO) == bytes([0x05, 0x02, 0x00])
    assert host.command(f.WRITE_GPIO, bytes([0x3F, 0x80 | 0x04])) == b""  # P3 not validated
    assert host.command(f.READ_GPIO) == bytes([0x05, 0x04, 0x00])
    assert host.command(f.READ_REGISTER, bytes.fromhex("FFB0")) == b"\xc5"  # the same port as an SFR
    assert host.refused(f.WRITE_GPIO, b"\x80")


def test_set_parameters_can_drop_the_preamble_and_postamble(host: Host) -> None:
    host.ready()
    assert host.command(f.SET_PARAMETERS, b"\x14") == b""
    host.raw.clear()
    assert host.command(f.SET_PARAMETERS, bytes([f.PARAM_REMOVE_PRE_POST_AMBLE])) == b""
    # The ACK goes out before the command runs; the answer already without them.
    assert bytes(host.raw) == f.ACK_FRAME + f.encode_response(f.SET_PARAMETERS)[1:-1]
    host.raw.clear()
    assert host.command(f.GET_FIRMWARE_VERSION) == bytes([0x32, 1, 6, 7])
    assert bytes(host.raw) == f.ACK_FRAME[1:-1] + f.encode_response(0x02, bytes([0x32, 1, 6, 7]))[1:-1]
    assert host.refused(f.SET_PARAMETERS)


def test_sam_configuration_parameters(host: Host) -> None:
    host.write(TEN_ZEROS)  # wakes it (Low-battery mode)
    assert host.refused(f.SAM_CONFIGURATION, b"\x05")
    assert host.refused(f.SAM_CONFIGURATION, b"\x02")  # virtual card mode needs its timeout
    assert host.refused(f.SAM_CONFIGURATION, b"\x01\x14\x01\x00")
    assert host.command(f.SAM_CONFIGURATION, b"\x02\x14") == b""


def test_rf_configuration(emulator: Pn532Emulator, host: Host, card: MifareClassic1K) -> None:
    assert host.command(f.RF_CONFIGURATION, b"\x05\xff\x01\x02") == b""
    assert emulator.max_retries == (0xFF, 0x01, 0x02)
    assert host.command(f.RF_CONFIGURATION, b"\x02\x00\x0b\x0a") == b""
    assert host.command(f.RF_CONFIGURATION, b"\x0a" + bytes(11)) == b""
    assert host.refused(f.RF_CONFIGURATION, b"\x05\xff")  # MaxRetries is three bytes
    assert host.refused(f.RF_CONFIGURATION, b"\x03\x00")  # no such item
    assert host.authenticate(7) == b"\x00"
    assert host.command(f.RF_CONFIGURATION, b"\x01\x00") == b""  # field off: the card loses power
    assert host.exchange(0x30, 4) == bytes([f.STATUS_TIMEOUT])
    assert host.command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00") == b"\x01" + TARGET  # field on again
    assert host.exchange(0x30, 4)[0] == f.STATUS_MIFARE_AUTH  # a new session: authenticate first


# -- initiator commands ------------------------------------------------------------------------------


def test_in_list_passive_target(emulator: Pn532Emulator, host: Host) -> None:
    host.ready()
    assert host.command(f.RF_CONFIGURATION, b"\x05\xff\x01\x02") == b""
    assert host.command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00") == b"\x00"
    emulator.present(UID)
    assert host.command(f.IN_LIST_PASSIVE_TARGET, b"\x02\x00") == b"\x01" + TARGET  # one card of two
    assert host.command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00" + UID) == b"\x01" + TARGET
    assert host.command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00" + bytes(4)) == b"\x00"  # another UID
    assert host.command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x01\x00\xff\xff\x00\x00") == b"\x00"  # FeliCa
    assert host.command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x03\x00") == b"\x00"  # type B
    assert host.command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x04") == b"\x00"  # Jewel
    for bad in (b"\x03\x00", b"\x01\x05", b"\x02\x04", b"\x01\x01", b"\x01"):
        assert host.refused(f.IN_LIST_PASSIVE_TARGET, bad), bad


def test_in_list_passive_target_with_unlimited_retries_waits_for_a_card(
    emulator: Pn532Emulator, host: Host
) -> None:
    host.ready()  # MxRtyPassiveActivation is FF after power-up
    host.send(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00")
    assert host.events(2) == [f.Ack()]
    emulator.present(UID)
    assert host.events(1) == [f.Frame(f.TFI_PN532, b"\x4b\x01" + TARGET)]
    emulator.remove()
    host.send(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00")
    assert host.events(2) == [f.Ack()]
    host.write(f.ACK_FRAME)  # the host gives up: the command is aborted
    host.pause(0.05)
    emulator.present(UID)
    assert host.events(1, 0.2) == []
    assert host.command(f.GET_FIRMWARE_VERSION) == bytes([0x32, 1, 6, 7])


def test_in_atr_and_in_psl_answer_that_a_mifare_classic_card_is_no_dep_target(
    host: Host, card: MifareClassic1K
) -> None:
    assert host.command(f.IN_ATR, b"\x01\x00") == bytes([f.STATUS_BAD_CONTEXT])
    assert host.command(f.IN_ATR, b"\x01\x03" + bytes(10) + b"\x46\x66") == bytes([f.STATUS_BAD_CONTEXT])
    assert host.refused(f.IN_ATR, b"\x01\x01\x00")  # NFCID3i announced, 1 byte given
    assert host.refused(f.IN_ATR, b"\x01")
    assert host.command(f.IN_PSL, b"\x01\x02\x02") == bytes([f.STATUS_BAD_CONTEXT])
    assert host.refused(f.IN_PSL, b"\x01\x05\x00")
    assert host.refused(f.IN_PSL, b"\x01\x00")


def test_in_data_exchange_reads_and_writes_under_the_keys(host: Host, card: MifareClassic1K) -> None:
    assert host.authenticate(7) == b"\x00"
    assert host.exchange(0xA0, 4, b"A" * 16) == b"\x00"
    assert host.exchange(0x30, 4) == b"\x00" + b"A" * 16
    assert host.exchange(0x30, 8)[0] == f.STATUS_MIFARE_AUTH  # another sector: no session there
    assert host.exchange(0x30, 4) == bytes([f.STATUS_TIMEOUT])  # the card halted after the NAK
    assert host.authenticate(7, bytes(6)) == bytes([f.STATUS_TIMEOUT])  # still halted
    assert host.command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00") == b"\x01" + TARGET
    assert host.authenticate(7, bytes(6)) == bytes([f.STATUS_MIFARE_AUTH])  # wrong key
    assert host.refused(f.IN_DATA_EXCHANGE, b"\x01\x60\x07" + FACTORY_KEY + b"\x00\x04" + UID)  # 6-byte UID
    assert host.command(f.IN_DATA_EXCHANGE, b"\x02\x30\x04") == bytes([f.STATUS_BAD_CONTEXT])  # no Tg 2
    assert host.refused(f.IN_DATA_EXCHANGE)
    assert card.blocks[4] == bytearray(b"A" * 16)


def value_card(emulator: Pn532Emulator) -> MifareClassic1K:
    """Sector 2 as a purse: block 8 a value block (read AB, increment B only, spend AB), block 9
    free, block 10 read-only, trailer written with key B."""
    card = emulator.new_card(UID)
    access = encode_access_bits([(1, 1, 0), (0, 0, 0), (0, 1, 0), (0, 1, 1)])
    card.blocks[11][:] = trailer_block(FACTORY_KEY, access, KEY_B)
    card.blocks[8][:] = value_block(100, 8)
    return card


def test_value_blocks_under_their_access_bits(emulator: Pn532Emulator, host: Host) -> None:
    card = value_card(emulator)
    emulator.present(card)
    host.ready()
    assert host.command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00") == b"\x01" + TARGET
    assert host.authenticate(8) == b"\x00"  # key A may spend
    assert host.exchange(0xC0, 8, (30).to_bytes(4, "little")) == b"\x00"  # decrement 30
    assert host.exchange(0xB0, 8) == b"\x00"  # transfer
    assert host.exchange(0x30, 8) == b"\x00" + value_block(70, 8)
    assert host.exchange(0xC2, 8, bytes(4)) == b"\x00"  # restore
    assert host.exchange(0xB0, 9) == b"\x00"  # a backup in block 9
    assert bytes(card.blocks[9]) == value_block(70, 8)
    assert host.exchange(0xC1, 8, (50).to_bytes(4, "little"))[0] == f.STATUS_MIFARE_AUTH  # A may not recharge
    assert host.command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00") == b"\x01" + TARGET
    assert host.authenticate(8, KEY_B, key_b=True) == b"\x00"
    assert host.exchange(0xC1, 8, (50).to_bytes(4, "little")) == b"\x00"  # B may
    assert host.exchange(0xB0, 8) == b"\x00"
    assert bytes(card.blocks[8]) == value_block(120, 8)
    assert host.exchange(0xB0, 10)[0] == f.STATUS_MIFARE_AUTH  # block 10 takes no transfer
    assert host.command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00") == b"\x01" + TARGET
    assert host.authenticate(8, KEY_B, key_b=True) == b"\x00"
    assert host.exchange(0xB0, 9)[0] == f.STATUS_MIFARE_AUTH  # nothing in the transfer buffer
    assert host.command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00") == b"\x01" + TARGET
    assert host.authenticate(8, KEY_B, key_b=True) == b"\x00"
    assert host.exchange(0xC0, 9, (1).to_bytes(4, "little")) == b"\x00"  # block 9 is a value now
    assert host.exchange(0xC0, 4, (1).to_bytes(4, "little"))[0] == f.STATUS_MIFARE_AUTH  # other sector


def test_in_communicate_thru_passes_mifare_commands_to_the_card(
    emulator: Pn532Emulator, host: Host, card: MifareClassic1K
) -> None:
    assert len(host.thru(0x60, 7)) == 5  # an authentication: the card's nonce, in clear
    assert host.thru(0x30, 4) == b"\x00\x04"  # a read without a session: NAK
    assert host.command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00") == b"\x01" + TARGET
    assert host.authenticate(7) == b"\x00"  # Crypto1 on: the raw frames go on encrypted
    assert host.thru(0xA0, 5) == b"\x00\x0a"  # write, first part: ACK
    assert host.thru(bytes(value_block(9, 5))) == b"\x00\x0a"  # second part: ACK
    assert host.thru(0x30, 5) == b"\x00" + value_block(9, 5)
    assert host.thru(0xC1, 5) == b"\x00\x0a"  # increment, first part
    assert host.thru((3).to_bytes(4, "little")) == bytes([f.STATUS_TIMEOUT])  # no answer is yes
    assert host.thru(0xB0, 5) == b"\x00\x0a"
    assert bytes(card.blocks[5]) == value_block(12, 5)
    assert host.thru(0x50, 0x00) == bytes([f.STATUS_TIMEOUT])  # HALT: never answered
    assert host.exchange(0x30, 5) == bytes([f.STATUS_TIMEOUT])  # the card is halted
    emulator.remove()
    assert host.thru(0x30, 4) == bytes([f.STATUS_TIMEOUT])
    assert host.refused(f.IN_COMMUNICATE_THRU)


def test_in_deselect_in_select_and_in_release(host: Host, card: MifareClassic1K) -> None:
    assert host.authenticate(7) == b"\x00"
    assert host.command(f.IN_DESELECT, b"\x01") == b"\x00"
    assert card.halted
    assert host.exchange(0x30, 4) == bytes([f.STATUS_TIMEOUT])  # deselected: it does not answer
    assert host.command(f.IN_SELECT, b"\x01") == b"\x00"  # woken and selected again
    assert host.exchange(0x30, 4)[0] == f.STATUS_MIFARE_AUTH  # its session did not survive
    assert host.command(f.IN_SELECT, b"\x02") == bytes([f.STATUS_BAD_CONTEXT])
    assert host.command(f.IN_DESELECT, b"\x02") == bytes([f.STATUS_BAD_CONTEXT])
    assert host.command(f.IN_RELEASE, b"\x01") == b"\x00"
    assert host.command(f.IN_RELEASE, b"\x01") == bytes([f.STATUS_BAD_CONTEXT])  # nothing to release
    assert host.command(f.IN_RELEASE, b"\x00") == b"\x00"  # all of none
    assert host.command(f.IN_DESELECT, b"\x00") == b"\x00"
    assert host.command(f.IN_SELECT, b"\x01") == bytes([f.STATUS_BAD_CONTEXT])
    for code in (f.IN_SELECT, f.IN_DESELECT, f.IN_RELEASE):
        assert host.refused(code)


def test_in_auto_poll(emulator: Pn532Emulator, host: Host) -> None:
    host.ready()
    emulator.present(UID)
    found = bytes([1, 0x10, len(TARGET)]) + TARGET
    assert host.command(f.IN_AUTO_POLL, b"\x01\x01\x10") == found
    assert host.command(f.IN_AUTO_POLL, b"\x01\x01\x11\x00") == bytes([1, 0x00, len(TARGET)]) + TARGET
    assert host.command(f.IN_AUTO_POLL, b"\x01\x01\x11\x12") == b"\x00"  # FeliCa only
    emulator.remove()
    # Nothing there: 2 polls x 1 type x 2 x 150 ms, then "none".
    started = host.now()
    assert host.command(f.IN_AUTO_POLL, b"\x02\x02\x10", timeout=2) == b"\x00"
    assert 0.6 <= host.now() - started < 1.2
    # Polling for ever: a card presented meanwhile is found.
    host.send(f.IN_AUTO_POLL, b"\xff\x01\x10")
    assert host.events(2) == [f.Ack()]
    emulator.present(UID)
    assert host.events(1) == [f.Frame(f.TFI_PN532, b"\x61" + found)]
    for bad in (b"\x00\x01\x10", b"\x01\x00\x10", b"\x01\x10\x10", b"\x01\x01"):
        assert host.refused(f.IN_AUTO_POLL, bad), bad


def test_other_commands_get_the_error_frame(host: Host) -> None:
    host.ready()
    for code in (0x8C, 0x86, 0x58, 0x03, 0xFE):  # TgInitAsTarget, TgGetData, RFRegulationTest ...
        assert host.refused(code), hex(code)
    assert host.refused(f.GET_FIRMWARE_VERSION, b"\x00")  # no parameters expected
    host.write(f.encode_frame(f.TFI_PN532, b"\x02"))  # a response frame sent to the chip
    assert host.events(1) == [f.ErrorFrame()]
