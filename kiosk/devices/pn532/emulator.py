"""A PN532 on HSU (serial) with Mifare Classic 1K cards in its field, served on a pseudo-terminal.

It speaks the same frames as the driver (:mod:`kiosk.devices.pn532.frames`): it wakes from
power-down on the HSU wake-up sequence, ACKs each well-formed command, answers it, and sends
its last response again when the host NACKs. Commands: GetFirmwareVersion, SAMConfiguration,
RFConfiguration, InListPassiveTarget (106 kbps type A), InDataExchange (Mifare authenticate
A/B, read, write) and InRelease; anything else gets the application error frame.

Cards are :class:`~kiosk.devices.pn532.mifare.MifareClassic1K`, with keys and access bits
enforced. Tests present and remove them through the Python API; ``kiosk emulate encoder
--protocol pn532`` drives the same object from stdin (:func:`run_interactive`).

Assumptions where the manual is silent: a card's NAK to a read or write is reported with status
0x14 (as a refused authentication is), and the C106 starts in power-down / low-battery mode,
taking only GetFirmwareVersion and SAMConfiguration until SAMConfiguration has been sent.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, TextIO

from kiosk.devices.emushell import Shell
from kiosk.devices.pn532 import frames as f
from kiosk.devices.pn532.mifare import (
    AUTH_A,
    AUTH_B,
    BLOCK_SIZE,
    BLOCKS,
    READ,
    WRITE,
    KeyType,
    MifareAuthError,
    MifareClassic1K,
    MifareHaltedError,
    MifareNakError,
)
from kiosk.devices.ptylink import PtyDevice

log = logging.getLogger(__name__)

FIRMWARE = (0x32, 0x01, 0x06, 0x07)  # PN532, firmware 1.6, supports ISO 14443A, 14443B, 18092
_OK = 0x00
_SYNTAX = 0x13


@dataclass
class Faults:
    """Trouble to inject. Counters count down as they strike, so a test states how much."""

    no_card: bool = False  # the field stays empty whatever is presented
    remove_after_writes: int | None = None  # the card is lifted after this many more block writes
    auth_failures: int = 0  # the next N authentications fail as with a wrong key
    corrupt_replies: int = 0  # one byte flipped in each of the next N response frames
    drop_replies: int = 0  # one byte lost from each of the next N response frames
    garbage_replies: int = 0  # line noise before each of the next N replies
    # The manual has only the host send NACKs; clones on a noisy line NACK a damaged command.
    nack_commands: int = 0  # the next N commands are answered with NACK and not executed
    split_replies: bool = False  # replies written one byte at a time
    reply_delay_s: float = 0.0  # wait before every ACK and every response
    mute: bool = False  # nothing is answered at all (a dead or different device)

    _FLAGS: ClassVar[tuple[str, ...]] = ("no_card", "split_replies", "mute")
    # Short names for the command line (``--fault nack``, ``fault slow=0.2``).
    ALIASES: ClassVar[dict[str, str]] = {
        "nack": "nack_commands",
        "corrupt": "corrupt_replies",
        "drop": "drop_replies",
        "garbage": "garbage_replies",
        "noise": "garbage_replies",
        "split": "split_replies",
        "slow": "reply_delay_s",
        "wrong_key": "auth_failures",
        "remove_mid_write": "remove_after_writes",
    }

    @classmethod
    def parse(cls, spec: str) -> Faults:
        """Faults from ``"corrupt_replies=2,split_replies,reply_delay_s=0.05"`` (names as above)."""
        faults = cls()
        for item in filter(None, (part.strip() for part in spec.split(","))):
            name, _, value = item.partition("=")
            faults.set(name, value.strip() or None)
        return faults

    @classmethod
    def field_name(cls, name: str) -> str:
        """The field a fault name or alias stands for; ValueError naming the known ones."""
        name = name.strip().lower().replace("-", "_")
        name = cls.ALIASES.get(name, name)
        known = [fl.name for fl in dataclasses.fields(cls)]
        if name not in known:
            raise ValueError(f"unknown fault {name!r} (known: {', '.join(known + list(cls.ALIASES))})")
        return name

    def set(self, name: str, value: str | None) -> None:
        """Set one fault by name or alias from text (a fault without a value is switched on:
        flags on, counts 1, ``remove_after_writes`` lifts the card after one block write)."""
        name = self.field_name(name)
        current = getattr(self, name)
        try:
            self._set(name, current, value)
        except ValueError:
            raise ValueError(f"fault {name}: {value!r} is not a valid value") from None

    def _set(self, name: str, current: object, value: str | None) -> None:
        if name in self._FLAGS:
            setattr(self, name, value is None or value.lower() in ("1", "on", "true", "yes"))
        elif name == "remove_after_writes":
            setattr(self, name, None if value in ("off", "none") else _count(value or "1"))
        elif isinstance(current, float):
            seconds = float(value or 0)
            if not 0 <= seconds <= 60:  # also refuses nan and inf, which sleep() cannot take
                raise ValueError(value)
            setattr(self, name, seconds)
        else:
            setattr(self, name, _count(value or "1"))

    def describe(self) -> str:
        active = [
            f"{fl.name}={getattr(self, fl.name)}"
            for fl in dataclasses.fields(self)
            if getattr(self, fl.name) not in (False, 0, 0.0, None)
        ]
        return ", ".join(active) or "none"


def _count(value: str) -> int:
    count = int(value)
    if count < 0:
        raise ValueError(value)
    return count


@dataclass
class EmulatorOptions:
    """How the emulator runs: line speed, pacing, faults, and a stack of blank cards."""

    baudrate: int = 115200
    pace: bool = False  # bytes take the time they would take at ``baudrate`` (realistic timings)
    faults: Faults = field(default_factory=Faults)
    blank_cards: int = 0  # blank cards that appear one by one when the pad is empty and polled
    firmware: tuple[int, int, int, int] = FIRMWARE
    seed: int | None = None  # for the noise and random UIDs
    cards_dir: Path | None = None  # where ``present FILE`` looks for relative names


@dataclass
class EmulatorStats:
    """What the emulator saw, for tests."""

    commands: list[int] = field(default_factory=list)
    wakeups: int = 0
    nacks_received: int = 0
    bad_frames: int = 0


class Pn532Emulator(PtyDevice[EmulatorOptions]):
    """A PN532 behind a :class:`PtyLink`; open :attr:`path` with pyserial as a real port."""

    options_type = EmulatorOptions
    faults: Faults

    def _line_baudrate(self) -> int | None:
        return self.options.baudrate if self.options.pace else None

    def _setup(self) -> None:
        self._rng = random.Random(self.options.seed)
        self._parser = f.FrameParser()
        self.stats = EmulatorStats()
        self.cards: dict[bytes, MifareClassic1K] = {}
        self.card_files: dict[bytes, Path] = {}  # cards kept in dump files, saved by save_card_files
        self.blank_stack: list[MifareClassic1K] = [self.new_card() for _ in range(self.options.blank_cards)]
        self._on_pad: MifareClassic1K | None = None
        self._outbox: list[bytes] | None = None  # frames held back while one host chunk is handled
        self._power_on()

    # -- lifecycle ------------------------------------------------------------------------------

    def _power_on(self) -> None:
        self._asleep = True
        self._lost_after_wake = 0
        self._configured = False
        self._selected: MifareClassic1K | None = None
        self._last_response: bytes | None = None
        self._waiting_for_card: bytes | None = None
        self._parser.clear()
        self.max_retries = (0xFF, 0x01, 0xFF)

    def replug(self) -> None:
        """Unplug the adapter and plug it back in: the port dies, the PN532 loses power."""
        self.link.close()  # not under the lock: the link's reader thread may be waiting for it
        with self._lock:
            self._power_on()
            if self._on_pad is not None:
                self._on_pad.select()
        self.link.start()

    # -- cards --------------------------------------------------------------------------------

    def new_card(self, uid: bytes | None = None) -> MifareClassic1K:
        """A blank card (factory keys), known to the emulator by its UID."""
        if uid is None:
            while True:
                uid = bytes(self._rng.randrange(256) for _ in range(4))
                # 0x88 is the cascade tag; a single-size UID never starts with it.
                if uid[0] != 0x88 and uid not in self.cards:
                    break
        card = MifareClassic1K(uid)
        self.cards[card.uid] = card
        return card

    def present(self, card: MifareClassic1K | bytes | None = None) -> MifareClassic1K:
        """Put a card on the pad: a card object, a known or new UID, or a new random blank card."""
        with self._lock:
            if isinstance(card, MifareClassic1K):
                self.cards.setdefault(card.uid, card)
            elif card is not None and card in self.cards:
                card = self.cards[card]
            else:
                card = self.new_card(card)
            card.select()
            self._on_pad = card
            if self._waiting_for_card is not None and not self.faults.no_card:
                # An InListPassiveTarget with unlimited retries has been waiting for this.
                params, self._waiting_for_card = self._waiting_for_card, None
                self._reply(f.encode_response(f.IN_LIST_PASSIVE_TARGET, self._list_target(params)))
            return card

    def present_file(self, path: Path) -> MifareClassic1K:
        """Put the card kept in ``path`` on the pad: a 1024-byte Mifare Classic 1K dump (the
        usual ``.mfd`` layout: 64 blocks, keys in the trailers). A file that does not exist yet
        becomes a new blank card, written there by :meth:`save_card_files`."""
        if not path.is_absolute() and self.options.cards_dir is not None:
            path = self.options.cards_dir / path
        known = next((uid for uid, kept in self.card_files.items() if kept == path), None)
        if known is not None:
            return self.present(self.cards[known])
        if path.exists():
            data = path.read_bytes()
            if len(data) != BLOCKS * BLOCK_SIZE:
                raise ValueError(f"{path} is not a Mifare Classic 1K dump ({len(data)} bytes, not 1024)")
            blocks = [data[i : i + BLOCK_SIZE] for i in range(0, len(data), BLOCK_SIZE)]
            card = MifareClassic1K(blocks[0][:4], blocks)
            self.cards[card.uid] = card  # the file's version of this card, not an older one
        else:
            card = self.new_card()
        self.card_files[card.uid] = path
        self.save_card_files()
        return self.present(card)

    def save_card_files(self) -> None:
        """Write every file-backed card back to its dump file."""
        with self._lock:
            for uid, path in self.card_files.items():
                path.write_bytes(b"".join(bytes(block) for block in self.cards[uid].blocks))

    def remove(self) -> MifareClassic1K | None:
        """Lift the card off the pad."""
        with self._lock:
            card, self._on_pad = self._on_pad, None
            return card

    @property
    def card_on_pad(self) -> MifareClassic1K | None:
        return self._on_pad

    def _in_field(self) -> MifareClassic1K | None:
        if self.faults.no_card:
            return None
        if self._on_pad is None and self.blank_stack:
            self._on_pad = self.blank_stack.pop(0)
        return self._on_pad

    # -- the wire -------------------------------------------------------------------------------

    def _on_bytes(self, data: bytes) -> None:
        with self._lock:
            if self._asleep:
                # A 0x55 wakes it; what arrives while its oscillator starts is lost, which is
                # why hosts send 0x55 0x55 and a run of zeros first.
                wake = next((i for i, b in enumerate(data) if b == 0x55), -1)
                if wake < 0:
                    return
                self._asleep = False
                self._lost_after_wake = 3
                self.stats.wakeups += 1
                data = data[wake + 1 :]
            if self._lost_after_wake:
                lost = min(self._lost_after_wake, len(data))
                self._lost_after_wake -= lost
                data = data[lost:]
            events = self._parser.feed(data)
            # What one chunk from the host calls for (an ACK and its response) goes out in one
            # write: back to back, as from the chip's FIFO, with one paced wait instead of two.
            self._outbox = []
            try:
                for event in events:
                    self._handle(event)
            finally:
                outbox, self._outbox = self._outbox, None
                if outbox:
                    self.link.write(b"".join(outbox))

    def _handle(self, event: f.Event) -> None:
        if isinstance(event, f.Nack):
            self.stats.nacks_received += 1
            if self._last_response is not None and not self.faults.mute:
                self._send(self._last_response, response=True)
            return
        if isinstance(event, f.BadFrame):
            self.stats.bad_frames += 1  # a real PN532 ignores it; the host times out and resends
            return
        if isinstance(event, f.Ack):
            self._waiting_for_card = None  # the host aborts the command in progress
            return
        if not isinstance(event, f.Frame) or self.faults.mute:
            return
        if event.tfi != f.TFI_HOST or not event.data:
            self._send(f.ERROR_FRAME, response=True)
            return
        if self.faults.nack_commands > 0:
            self.faults.nack_commands -= 1
            self._send(f.NACK_FRAME, response=False)
            return
        self.stats.commands.append(event.code)
        self._send(f.ACK_FRAME, response=False)
        self._waiting_for_card = None
        reply = self._execute(event.code, event.data[1:])
        if reply is not None:
            self._reply(reply)

    def _reply(self, reply: bytes) -> None:
        self._last_response = reply
        self._send(reply, response=True)

    def _send(self, frame: bytes, *, response: bool) -> None:
        faults = self.faults
        data = frame
        if response and frame != f.ERROR_FRAME:
            if faults.corrupt_replies > 0:
                faults.corrupt_replies -= 1
                spoilt = bytearray(data)
                spoilt[len(spoilt) // 2] ^= 0x5A  # inside the data field: the DCS catches it
                data = bytes(spoilt)
            if faults.drop_replies > 0:
                faults.drop_replies -= 1
                data = data[: len(data) // 2] + data[len(data) // 2 + 1 :]
        if faults.garbage_replies > 0:
            faults.garbage_replies -= 1
            data = bytes(self._rng.randrange(1, 256) for _ in range(self._rng.randrange(3, 12))) + data
        if self._outbox is not None and not faults.split_replies and not faults.reply_delay_s:
            self._outbox.append(data)
        else:
            self.link.write(data, one_byte_at_a_time=faults.split_replies, delay_s=faults.reply_delay_s)

    # -- commands -----------------------------------------------------------------------------

    def _execute(self, code: int, params: bytes) -> bytes | None:
        """The response frame, or None while InListPassiveTarget waits for a card."""
        if code == f.GET_FIRMWARE_VERSION:
            return f.encode_response(code, bytes(self.options.firmware))
        if code == f.SAM_CONFIGURATION:
            if not params or params[0] not in (1, 2, 3, 4):
                return f.ERROR_FRAME
            self._configured = True
            return f.encode_response(code)
        if not self._configured:
            return f.ERROR_FRAME
        if code == f.RF_CONFIGURATION:
            if len(params) == 4 and params[0] == 0x05:
                self.max_retries = (params[1], params[2], params[3])
            return f.encode_response(code)
        if code == f.IN_LIST_PASSIVE_TARGET:
            if self._in_field() is None and self.max_retries[2] == 0xFF and params[1:2] == b"\x00":
                # MxRtyPassiveActivation FF: the PN532 keeps trying until a card comes (or an ACK).
                self._waiting_for_card = params
                return None
            return f.encode_response(code, self._list_target(params))
        if code == f.IN_DATA_EXCHANGE:
            answer = self._exchange(params)
            return f.ERROR_FRAME if answer is None else f.encode_response(code, answer)
        if code == f.IN_RELEASE:
            if self._selected is not None:
                self._selected.select()  # deselected: its session ends
            self._selected = None
            return f.encode_response(code, bytes([_OK]))
        return f.ERROR_FRAME

    def _list_target(self, params: bytes) -> bytes:
        if len(params) < 2 or params[0] not in (1, 2) or params[1] != 0x00:
            return b"\x00"  # only 106 kbps type A is emulated
        card = self._in_field()
        if self._selected is not None:
            self._selected.select()
        if card is None:
            self._selected = None
            return b"\x00"
        card.select()
        self._selected = card
        target = bytes([1]) + card.atqa + bytes([card.sak, len(card.uid)]) + card.uid
        return b"\x01" + target

    def _exchange(self, params: bytes) -> bytes | None:
        """Status (+ data) of an InDataExchange; None for a malformed one (the error frame)."""
        card = self._selected
        if len(params) < 2 or params[0] != 1 or card is None:
            return bytes([f.STATUS_BAD_CONTEXT])
        if card is not self._on_pad or self.faults.no_card:
            return bytes([f.STATUS_TIMEOUT])  # it left the field: nobody answers
        command, args = params[1], params[2:]
        try:
            if command in (AUTH_A, AUTH_B):
                if len(args) != 11:
                    # The PN532 takes the UID's last four bytes only; a 7-byte UID here (a
                    # common host bug) gets the syntax error frame from the real chip.
                    return None
                if self.faults.auth_failures > 0:
                    self.faults.auth_failures -= 1
                    card.halt()  # as after any refused authentication
                    return bytes([f.STATUS_MIFARE_AUTH])
                key_type = KeyType.A if command == AUTH_A else KeyType.B
                card.authenticate(args[0], key_type, args[1:7], args[7:11])
                return bytes([_OK])
            if command == READ and len(args) == 1:
                return bytes([_OK]) + card.read(args[0])
            if command == WRITE and len(args) == 17:
                if self.faults.remove_after_writes is not None:
                    if self.faults.remove_after_writes <= 0:
                        self.faults.remove_after_writes = None
                        self._on_pad = None  # lifted mid-write: the write never reaches it
                        return bytes([f.STATUS_TIMEOUT])
                    self.faults.remove_after_writes -= 1
                card.write(args[0], args[1:])
                return bytes([_OK])
            return bytes([_SYNTAX])
        except MifareHaltedError:
            return bytes([f.STATUS_TIMEOUT])
        except (MifareAuthError, MifareNakError):
            return bytes([f.STATUS_MIFARE_AUTH])

    # -- talking to people ----------------------------------------------------------------------

    def describe_cards(self) -> list[str]:
        """One line per known card, the one on the pad marked."""
        return [("* " if card is self._on_pad else "  ") + card.describe() for card in self.cards.values()]


_HELP = """commands:
  present blank     put a new blank card on the pad
  present UID       put the card with this UID (8 hex digits) on the pad, new and blank if unknown
  present FILE      put the card kept in FILE (a 1024-byte .mfd dump; created blank if missing)
  remove            lift the card off the pad
  list              the cards this emulator knows (* = on the pad)
  fault NAME[=V]    inject trouble, e.g. fault corrupt=2, fault nack, fault split, fault slow=0.2,
                    fault no_card / no_card=off, fault wrong_key, fault remove_mid_write, fault mute
  faults            show the faults in force;  clear  removes them all
  replug            unplug the adapter and plug it back in
  quit              stop the emulator"""


def run_interactive(
    link: Path,
    options: EmulatorOptions | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    commands: Sequence[str] = (),
) -> int:
    """``kiosk emulate encoder --protocol pn532 --link PATH``: serve a PN532 and take commands
    (``commands`` first, then stdin) until ``quit``; with no terminal, until it is stopped.

    Returns the process exit code.
    """
    out = stdout or sys.stdout
    emulator = Pn532Emulator(link, options)
    shell = Shell(
        emulator,
        lambda words: shell.say(_command(emulator, words)),
        _HELP,
        out,
        prompt="pn532> ",
        # A card the driver wrote is kept even if we are killed.
        after_command=emulator.save_card_files,
        on_close=emulator.save_card_files,
    )

    def banner() -> str:
        pace = f", paced at {emulator.options.baudrate} baud" if emulator.options.pace else ""
        return f"PN532 emulator on {link} -> {os.path.realpath(link)}{pace}. Type 'help'."

    return shell.run(banner, stdin or sys.stdin, commands)


def _command(emulator: Pn532Emulator, words: list[str]) -> str:
    verb, args = words[0].lower(), words[1:]
    if verb == "present":
        if not args or args[0] == "blank":
            return f"on the pad: {emulator.present().describe()}"
        if len(args[0]) == 8 and all(c in "0123456789abcdefABCDEF" for c in args[0]):
            return f"on the pad: {emulator.present(bytes.fromhex(args[0])).describe()}"
        try:
            card = emulator.present_file(Path(args[0]).expanduser())
        except (OSError, ValueError) as exc:
            return f"cannot present {args[0]}: {exc}"
        return f"on the pad: {card.describe()} (kept in {emulator.card_files[card.uid]})"
    if verb == "remove":
        lifted = emulator.remove()
        return f"lifted {lifted.uid.hex().upper()}" if lifted else "the pad was empty"
    if verb == "list":
        return "\n".join(emulator.describe_cards()) or "no cards yet"
    if verb == "fault" and args:
        name, _, value = args[0].partition("=")
        try:
            emulator.faults.set(name, value or (args[1] if len(args) > 1 else None))
        except ValueError as exc:
            return str(exc)
        return f"faults: {emulator.faults.describe()}"
    if verb == "faults":
        return f"faults: {emulator.faults.describe()}"
    if verb == "clear":
        for fl in dataclasses.fields(Faults):
            setattr(emulator.faults, fl.name, getattr(Faults(), fl.name))
        return "faults: none"
    if verb == "replug":
        emulator.replug()
        return "replugged"
    return f"unknown command {verb!r}; type 'help'"
