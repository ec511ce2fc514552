"""The MSR206 emulator as a device: raw bytes through pyserial on its pty, and the interactive
loop that ``kiosk emulate encoder --protocol msr`` runs, driven through a queue for stdin."""

from __future__ import annotations

import io
import json
import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import serial

from kiosk.devices.msr.driver import MsrEncoder
from kiosk.devices.msr.emulator import MagCard, MsrEmulator, MsrEmulatorOptions, run_interactive
from kiosk.devices.msr.protocol import (
    ReadReply,
    ReplyKind,
    ReplyParser,
    StatusReply,
    Tracks,
    encode_erase,
    encode_write,
    payload_to_track2,
)


@pytest.fixture
def emulator(tmp_path: Path) -> Iterator[MsrEmulator]:
    with MsrEmulator(tmp_path / "msr") as running:
        yield running


@pytest.fixture
def port(emulator: MsrEmulator) -> Iterator[serial.Serial]:
    with serial.Serial(emulator.path, 9600, timeout=0.05) as opened:
        yield opened


def ask(port: serial.Serial, data: bytes, kind: ReplyKind, timeout_s: float = 1.0) -> object:
    port.write(data)
    parser = ReplyParser(kind)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        replies = parser.feed(port.read(64))
        if replies:
            return replies[0]
    return None


def test_answers_in_the_manuals_words(emulator: MsrEmulator, port: serial.Serial) -> None:
    port.write(b"\x1be")
    time.sleep(0.1)
    assert port.read(16) == b"\x1by"
    port.write(b"\x1bt\x1bv\x1bd\x1bl\x1b\x87")
    time.sleep(0.1)
    assert port.read(64) == b"\x1b3S\x1bREVU1.00\x1bH\x1b\x3d\x16\x1b0"
    port.write(b"\x1bq")  # no such command
    time.sleep(0.1)
    assert port.read(16) == b"\x1b4"


def test_write_waits_for_a_swipe_and_ignores_all_but_reset(
    emulator: MsrEmulator, port: serial.Serial
) -> None:
    card = MagCard()
    port.write(encode_write(Tracks(track2="12345")))
    assert emulator.wait_armed(1) == "write"
    assert emulator.leds == {"yellow"}
    port.write(b"\x1be")  # ignored while it waits
    time.sleep(0.1)
    assert port.read(16) == b""
    emulator.swipe(card)
    time.sleep(0.1)
    assert port.read(16) == b"\x1b0"
    assert card.tracks == Tracks(track2="12345") and emulator.leds == {"green"}
    port.write(b"\x1br")
    assert emulator.wait_armed(1) == "read"
    port.write(b"\x1ba")  # RESET disarms
    time.sleep(0.1)
    assert emulator.armed is None
    assert ask(port, b"\x1be", ReplyKind.COMM_TEST) is not None


def test_malformed_write_is_a_command_format_error(emulator: MsrEmulator, port: serial.Serial) -> None:
    port.write(b"\x1bw\x1bs\x1b\x0212AB?\x1c")
    time.sleep(0.1)
    assert port.read(16) == b"\x1b2"
    assert emulator.armed is None


def test_swipes_queue_up_and_a_held_card_answers_at_once(emulator: MsrEmulator, port: serial.Serial) -> None:
    first, second = MagCard(tracks=Tracks(track2="1")), MagCard(tracks=Tracks(track2="2"))
    emulator.swipe(first)
    emulator.swipe(second)
    reply = ask(port, b"\x1br", ReplyKind.READ)
    assert isinstance(reply, ReadReply) and reply.tracks.track2 == "1"
    reply = ask(port, b"\x1br", ReplyKind.READ)
    assert isinstance(reply, ReadReply) and reply.tracks.track2 == "2"
    held = MagCard(tracks=Tracks(track2="3"))
    emulator.hold(held)
    for _ in range(2):
        reply = ask(port, b"\x1br", ReplyKind.READ)
        assert isinstance(reply, ReadReply) and reply.tracks.track2 == "3"
    assert emulator.swiped == [first, second, held, held]


def test_erase_select_bytes(emulator: MsrEmulator, port: serial.Serial) -> None:
    card = MagCard(tracks=Tracks("A", "1", "2"))
    emulator.hold(card)
    assert ask(port, encode_erase({1}), ReplyKind.STATUS) == StatusReply(0x30)
    assert card.tracks == Tracks("", "1", "2")
    assert ask(port, encode_erase({2, 3}), ReplyKind.STATUS) == StatusReply(0x30)
    assert card.tracks.blank
    assert ask(port, b"\x1bc\x09", ReplyKind.STATUS) == StatusReply(0x41)  # not in the manual's table


def test_raw_bpc_garbles_iso_reads(emulator: MsrEmulator, port: serial.Serial) -> None:
    emulator.hold(MagCard(tracks=Tracks(track2="1")))
    assert ask(port, b"\x1bo\x08\x08\x08", ReplyKind.BPC) is not None
    reply = ask(port, b"\x1br", ReplyKind.READ)
    assert isinstance(reply, ReadReply) and reply.unreadable == {1, 2, 3}


def test_card_files(tmp_path: Path) -> None:
    path = tmp_path / "visitor.json"
    card = MagCard.load(path)
    assert card.tracks.blank and card.hico and card.label == "visitor"
    card.tracks = Tracks(track2="0123")
    card.save()
    assert json.loads(path.read_text())["track2"] == "0123"
    assert MagCard.load(path).tracks == Tracks(track2="0123")
    path.write_text('{"track2": "12AB"}')
    with pytest.raises(ValueError, match="not a magnetic card file"):
        MagCard.load(path)
    path.write_text('{"coercivity": "medium"}')
    with pytest.raises(ValueError, match="coercivity"):
        MagCard.load(path)


class Stdin:
    """Lines for run_interactive, handed over one at a time like a person typing."""

    def __init__(self) -> None:
        self.lines: queue.Queue[str | None] = queue.Queue()

    def type(self, line: str) -> None:
        self.lines.put(line + "\n")

    def __iter__(self) -> Iterator[str]:
        while (line := self.lines.get()) is not None:
            yield line


class Stdout(io.StringIO):
    def wait_for(self, text: str, timeout_s: float = 3.0) -> None:
        deadline = time.monotonic() + timeout_s
        while text not in self.getvalue():
            assert time.monotonic() < deadline, f"{text!r} never appeared in:\n{self.getvalue()}"
            time.sleep(0.01)


def test_interactive_desk_session(tmp_path: Path) -> None:
    link = tmp_path / "encoder"
    stdin, stdout = Stdin(), Stdout()
    session = threading.Thread(
        target=lambda: stdout.write(
            f"exit {run_interactive(link, MsrEmulatorOptions(cards_dir=tmp_path), stdin, stdout)}\n"
        ),  # type: ignore[arg-type]
        daemon=True,
    )
    session.start()
    stdout.wait_for("Type 'help'")
    encoder = MsrEncoder(str(link), swipe_timeout_s=3)
    try:
        payload = bytes(range(15))
        done: dict[str, object] = {}
        writer = threading.Thread(
            target=lambda: done.update(ok=encoder.write_payload(encoder.wait_for_card(3), payload) is None)
        )
        writer.start()
        stdout.wait_for("waits for a swipe to read")
        stdin.type("swipe visitor.json")
        stdout.wait_for("waits for a swipe to write")
        stdin.type("again")
        stdout.wait_for("swiped visitor to write")
        stdin.type("again")
        writer.join(5)
        assert done == {"ok": True}
        stdin.type("list")
        stdout.wait_for(f"visitor: hi-co, track 2: '{payload_to_track2(payload)}'")
        stdin.type("fault no_swipe on")
        stdout.wait_for("no_swipe=True")
        stdin.type("fault bogus 1")
        stdout.wait_for("error: no fault called 'bogus'")
        stdin.type("fault clear")
        stdin.type("status")
        stdout.wait_for("idle (no command waits for a swipe)")
        stdin.type("hold blank")
        stdout.wait_for("holding blank-1")
        assert encoder.read_payload(encoder.wait_for_card(1)) is None
        stdin.type("replug")
        stdout.wait_for("replugged")
        assert encoder.probe().firmware == "REVU1.00"
        stdin.type("frobnicate")
        stdout.wait_for("error: unknown command 'frobnicate'")
        stdin.type("quit")
        session.join(3)
        stdout.wait_for("exit 0")
    finally:
        encoder.close()
        stdin.lines.put(None)
    # The card file kept what was written.
    saved = json.loads((tmp_path / "visitor.json").read_text())
    assert saved == {"track1": "", "track2": payload_to_track2(payload), "track3": "", "coercivity": "hi"}


def test_faults_from_text() -> None:
    from kiosk.devices.msr.emulator import MsrFaults

    faults = MsrFaults()
    faults.set("split", None)
    faults.set("slow", "0.2")
    faults.set("corrupt", None)
    faults.set("no-swipe", "on")
    assert (faults.split, faults.slow_s, faults.corrupt, faults.no_swipe) == (True, 0.2, 1, True)
    for name, value in (("slow", "nan"), ("slow", "-1"), ("drop", "-3"), ("noise", "x")):
        with pytest.raises(ValueError, match="not a valid value"):
            faults.set(name, value)
    with pytest.raises(ValueError, match="no fault called 'bogus'"):
        faults.set("bogus", "1")
