"""A PN532 on HSU (serial) with Mifare Classic 1K cards in its field, served on a pseudo-terminal.

It speaks the same frames as the driver (:mod:`kiosk.devices.pn532.frames`) and behaves as the
chip does for any host library (UM0701-02, AN10609 for the C106's Low-battery mode):

* Power states. At power-up the PN532 is in Low-battery mode: asleep, but any byte on HSU wakes
  it, so a command after a run of zeros is answered with no 0x55 first; the RF commands wait
  for SAMConfiguration, which leaves the mode. After PowerDown only the sources its
  WakeUpEnable named wake it (0x55 on HSU, a card's field). The bytes that arrive while the
  oscillator starts are lost. ``power cycle`` at the shell (:meth:`Pn532Emulator.power_cycle`)
  starts it over; ``replug`` also kills the port.
* The host command set: Diagnose, GetFirmwareVersion, GetGeneralStatus, Read/WriteRegister,
  Read/WriteGPIO, SetSerialBaudRate (ACK, answer, and on the host's ACK the line really
  changes speed: a host whose port stays at the old speed gets noise, a paced line is paced at
  the new rate), SetParameters (fRemovePrePostAmble honoured), SAMConfiguration, PowerDown,
  RFConfiguration, InListPassiveTarget, InATR, InPSL, InDataExchange, InCommunicateThru,
  InDeselect, InRelease, InSelect and InAutoPoll. Malformed parameters and any other command
  (the target-mode ones included) get the syntax error frame; extended frames are accepted.
* Mifare Classic at the card (:mod:`~kiosk.devices.pn532.mifare`): keys A and B under the
  trailer's access bits, read, write, increment, decrement, restore and transfer, and a NAK for
  whatever the access bits forbid.

It ACKs each well-formed command, answers it, and sends its last response again when the host
NACKs. Tests present and remove cards through the Python API; ``kiosk emulate encoder
--protocol pn532`` drives the same object from stdin (:func:`run_interactive`).

Assumptions where the manual is silent: a card's NAK to an InDataExchange is reported with
status 0x14 (as a refused authentication is); in Low-battery mode the In... commands get the
error frame; InATR and InPSL answer status 0x27 (a Mifare Classic card is neither a DEP nor an
ISO/IEC 14443-4 target); a SetSerialBaudRate followed by another command instead of the host's
ACK leaves the speed as it was.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
import os
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Self, TextIO

from kiosk.devices.emushell import Shell
from kiosk.devices.pn532 import frames as f
from kiosk.devices.pn532.mifare import (
    AUTH_A,
    AUTH_B,
    BLOCK_SIZE,
    BLOCKS,
    DECREMENT,
    INCREMENT,
    READ,
    RESTORE,
    TRANSFER,
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
_LOST_WHILE_WAKING = 3  # bytes after the waking one that arrive before the oscillator runs
_P3, _P7 = 0xFFB0, 0xFFF7  # the GPIO ports' SFRs, as ReadRegister / WriteRegister address them
# RFConfiguration CfgItem -> the length of its ConfigurationData (UM0701-02 section 7.3.1).
_RF_ITEMS = {0x01: 1, 0x02: 3, 0x04: 1, 0x05: 3, 0x0A: 11, 0x0B: 8, 0x0C: 3, 0x0D: 9}
# InAutoPoll types a Mifare Classic 1K answers: generic passive 106 kbps, and Mifare card.
_MIFARE_POLL_TYPES = frozenset({0x00, 0x10})
_MIFARE_ACK, _MIFARE_NAK = 0x0A, 0x04  # the card's 4-bit answers, as InCommunicateThru passes them


class _SyntaxError(Exception):
    """The command's parameters are malformed: the PN532 answers with the error frame."""


def _need(condition: object) -> None:
    if not condition:
        raise _SyntaxError


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


class PowerState(enum.Enum):
    """The PN532's power states on HSU (UM0701-02 section 3.1.3; AN10609, "Low battery" mode)."""

    LOW_VBAT = "low-battery"  # after power-up: asleep, any byte wakes it; SAMConfiguration leaves it
    NORMAL = "normal"
    POWER_DOWN = "power-down"  # after PowerDown: only the wake-up sources it named wake it


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
        self._cancel_timer: Callable[[], None] | None = None
        self._power_on()

    def start(self) -> Self:
        self.link.set_speed(self.speed)
        return super().start()

    # -- power ----------------------------------------------------------------------------------

    def _power_on(self) -> None:
        """The state after power-up: Low-battery mode, asleep, HSU at its power-up speed."""
        self.state = PowerState.LOW_VBAT
        self._asleep = True
        self._state_before_sleep = PowerState.LOW_VBAT
        self._wake_sources = 0
        self._lost_after_wake = 0
        self._echo_mode = False  # Diagnose echo-back test: the host line is dead until a reset
        self.speed = self.options.baudrate
        self._pending_speed: int | None = None  # SetSerialBaudRate answered; switches on the host's ACK
        self._flags = 0x14  # SetParameters: fAutomaticATR_RES and fAutomaticRATS (the defaults)
        self._registers: dict[int, int] = {_P3: 0xFF, _P7: 0xFF}
        self._field = False
        self._selected: MifareClassic1K | None = None  # target 1 of the PN532's list
        self._active = False  # target 1 selected (not deselected, not lost with the field)
        self._thru_pending: tuple[int, int] | None = None  # a two-part Mifare command in progress
        self._last_error = 0
        self._last_response: bytes | None = None
        self._stop_waiting()
        self._parser.clear()
        self.max_retries = (0xFF, 0x01, 0xFF)
        link = getattr(self, "link", None)
        if link is not None:
            link.set_speed(self.speed)

    @property
    def asleep(self) -> bool:
        return self._asleep

    def power_cycle(self) -> None:
        """Switch the PN532 off and on, the serial adapter staying plugged in (a board powered
        apart from its adapter, or its RSTPD_N pulled): it comes back in Low-battery mode at
        115200 baud, its cards' sessions gone."""
        with self._lock:
            self._power_on()
            if self._on_pad is not None:
                self._on_pad.select()

    def replug(self) -> None:
        """Unplug the adapter and plug it back in: the port dies, the PN532 loses power."""
        self.link.close()  # not under the lock: the link's reader thread may be waiting for it
        self.power_cycle()
        self.link.start()

    def _wake(self, lost: int) -> None:
        self._asleep = False
        self.state = self._state_before_sleep
        self._lost_after_wake = lost
        self.stats.wakeups += 1

    def _stop_waiting(self) -> None:
        """Forget a command still waiting for a card (InListPassiveTarget, InAutoPoll)."""
        self._waiting: Callable[[], bytes] | None = None
        cancel, self._cancel_timer = self._cancel_timer, None
        if cancel is not None:
            cancel()

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
            if self._asleep and self._wake_sources & f.WAKE_RF_LEVEL and not self.faults.no_card:
                self._wake(0)  # PowerDown named the RF level detector: a card's field wakes it
            if self._waiting is not None and not self._asleep and not self.faults.no_card:
                # An InListPassiveTarget (unlimited retries) or InAutoPoll has been waiting for this.
                answer = self._waiting
                self._stop_waiting()
                self._reply(answer())
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
            if self._echo_mode:
                return
            if self._asleep:
                # Power-up (Low-battery mode): any byte wakes it. After PowerDown: a 0x55, if
                # PowerDown named HSU. Either way what arrives while its oscillator starts is
                # lost, which is why hosts send a run of zeros (after 0x55 0x55) first.
                if self._wake_sources & f.WAKE_HSU:
                    wake = data.find(0x55)
                else:
                    wake = 0 if self.state is PowerState.LOW_VBAT and data else -1
                if wake < 0:
                    return
                self._wake(_LOST_WHILE_WAKING)
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
                    if not self._asleep:  # a PowerDown earlier in the chunk: the rest is lost
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
            self._stop_waiting()  # the host aborts the command in progress
            if self._pending_speed is not None:
                # SetSerialBaudRate: the host's ACK after the answer switches the line's speed.
                self.speed, self._pending_speed = self._pending_speed, None
                self.link.set_speed(self.speed)
            return
        self._pending_speed = None  # a command instead of the ACK: the speed stays as it was
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
        self._stop_waiting()
        reply = self._execute(event.code, event.data[1:])
        if reply is not None:
            self._reply(reply)
        if event.code == f.POWER_DOWN and reply is not None and reply != f.ERROR_FRAME:
            self._state_before_sleep, self.state = self.state, PowerState.POWER_DOWN
            self._asleep = True
            self._wake_sources = event.data[1]

    def _reply(self, reply: bytes) -> None:
        self._last_response = reply
        self._send(reply, response=True)

    def _send(self, frame: bytes, *, response: bool) -> None:
        faults = self.faults
        data = frame
        if self._flags & f.PARAM_REMOVE_PRE_POST_AMBLE and frame[:3] == b"\x00\x00\xff":
            data = frame[1:-1]  # SetParameters fRemovePrePostAmble: from the start code to DCS
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

    def _wait_for_card(self, code: int, answer: Callable[[], bytes], give_up_s: float | None) -> None:
        """Answer command ``code`` when a card comes (:meth:`present`), or after ``give_up_s``;
        ``answer()`` gives the response's parameters then."""

        def response() -> bytes:
            return f.encode_response(code, answer())

        self._waiting = response
        if give_up_s is not None:

            def timeout() -> None:
                with self._lock:
                    if self._waiting is response:
                        self._waiting = self._cancel_timer = None
                        self._reply(response())

            self._cancel_timer = self.link.later(give_up_s, timeout)

    # -- commands -----------------------------------------------------------------------------

    def _execute(self, code: int, params: bytes) -> bytes | None:
        """The response frame (the error frame for a syntax error), or None when the answer
        comes later (a command waiting for a card) or never (Diagnose's echo-back test)."""
        command = _COMMANDS.get(code)
        if command is None:
            return f.ERROR_FRAME  # not a command of this firmware (or a target-mode one)
        needs_rf, handler = command
        if needs_rf and self.state is PowerState.LOW_VBAT:
            # Assumption: until SAMConfiguration the RF part stays off and the firmware refuses
            # what needs it with the syntax error frame.
            return f.ERROR_FRAME
        try:
            answer = handler(self, params)
        except _SyntaxError:
            return f.ERROR_FRAME
        return None if answer is None else f.encode_response(code, answer)

    # Each command handler returns the response's parameters (after the response code), None
    # for no answer now, or raises _SyntaxError for the error frame.

    def _diagnose(self, params: bytes) -> bytes | None:
        _need(len(params) >= 1)
        test, data = params[0], params[1:]
        if test == 0x00:  # communication line test: the data comes back
            return params
        if test in (0x01, 0x02):  # ROM / RAM checksum: 00 = good
            _need(not data)
            return b"\x00"
        if test == 0x04:  # polling test to a FeliCa target: 128 polls, how many failed
            _need(len(data) == 1 and data[0] in (0x01, 0x02))
            return b"\x80"  # only Mifare Classic cards are emulated: every FeliCa poll fails
        if test == 0x05:  # echo-back test: the PN532 becomes a target and the host line is dead
            _need(len(data) == 3)
            self._echo_mode = True
            return None
        if test == 0x06:  # card presence detection of the activated target
            _need(not data)
            if self._selected is None:
                return bytes([f.STATUS_BAD_CONTEXT])
            here = self._active and self._selected is self._in_field()
            return bytes([_OK if here else f.STATUS_TIMEOUT])
        if test == 0x07:  # antenna self test, data = the thresholds
            _need(len(data) == 1)
            return b"\x00"
        raise _SyntaxError

    def _firmware(self, params: bytes) -> bytes:
        _need(not params)
        return bytes(self.options.firmware)

    def _general_status(self, params: bytes) -> bytes:
        _need(not params)
        targets = b""
        if self._selected is not None:
            targets = bytes([1, 0x00, 0x00, 0x00])  # Tg 1, 106 kbps both ways, Mifare / type A
        return bytes([self._last_error, 0x00, len(targets) // 4]) + targets + b"\x00"

    def _read_register(self, params: bytes) -> bytes:
        _need(params and len(params) % 2 == 0 and len(params) // 2 <= f.MAX_EXTENDED_LEN - 2)
        addresses = [params[i] << 8 | params[i + 1] for i in range(0, len(params), 2)]
        return bytes(self._registers.get(a, 0x00) for a in addresses)

    def _write_register(self, params: bytes) -> bytes:
        _need(params and len(params) % 3 == 0)
        for i in range(0, len(params), 3):
            self._registers[params[i] << 8 | params[i + 1]] = params[i + 2]
        return b""

    def _read_gpio(self, params: bytes) -> bytes:
        _need(not params)
        # P3: P30-P35; P7: P71, P72; then I0/I1 (SEL0/SEL1), both low in HSU mode.
        return bytes([self._registers[_P3] & 0x3F, self._registers[_P7] & 0x06, 0x00])

    def _write_gpio(self, params: bytes) -> bytes:
        _need(len(params) == 2)
        p3, p7 = params
        if p3 & 0x80:  # the validation bit: change P3
            self._registers[_P3] = 0xC0 | p3 & 0x3F
        if p7 & 0x80:
            self._registers[_P7] = 0xF9 | p7 & 0x06
        return b""

    def _set_serial_baud_rate(self, params: bytes) -> bytes:
        _need(len(params) == 1 and params[0] < len(f.SERIAL_BAUD_RATES))
        self._pending_speed = f.SERIAL_BAUD_RATES[params[0]]
        return b""

    def _set_parameters(self, params: bytes) -> bytes:
        _need(len(params) == 1)
        self._flags = params[0]
        return b""

    def _sam_configuration(self, params: bytes) -> bytes:
        _need(1 <= len(params) <= 3 and params[0] in (1, 2, 3, 4))
        _need(params[0] != 2 or len(params) >= 2)  # virtual card mode takes a timeout
        self.state = PowerState.NORMAL
        self._state_before_sleep = PowerState.NORMAL
        return b""

    def _power_down(self, params: bytes) -> bytes:
        _need(1 <= len(params) <= 2)
        return bytes([_OK])  # _handle puts it to sleep once the answer is on its way

    def _rf_configuration(self, params: bytes) -> bytes:
        _need(len(params) >= 1 and _RF_ITEMS.get(params[0]) == len(params) - 1)
        item, data = params[0], params[1:]
        if item == 0x01:
            self._set_field(bool(data[0] & 0x01))
        elif item == 0x05:
            self.max_retries = (data[0], data[1], data[2])
        return b""

    def _set_field(self, on: bool) -> None:
        if self._field and not on and self._on_pad is not None:
            self._on_pad.select()  # the card loses power: back to idle, its session gone
            self._active = False
        self._field = on

    def _list_passive(self, params: bytes) -> bytes | None:
        _need(len(params) >= 2 and params[0] in (1, 2) and params[1] <= 0x04)
        max_targets, kind, data = params[0], params[1], params[2:]
        _need(kind != 0x04 or max_targets == 1)  # one Jewel tag at a time
        _need(kind not in (0x01, 0x02) or len(data) == 5)  # FeliCa: the polling payload
        _need(kind != 0x03 or len(data) in (1, 2))  # type B: AFI [, polling method]
        _need(kind != 0x00 or len(data) in (0, 4, 8, 12))  # type A: a UID to select, or none
        self._set_field(True)
        if kind != 0x00:
            return b"\x00"  # only 106 kbps type A (Mifare Classic) cards are emulated
        if self._in_field() is None and self.max_retries[2] == 0xFF:
            # MxRtyPassiveActivation FF: the PN532 keeps trying until a card comes (or an ACK).
            self._wait_for_card(f.IN_LIST_PASSIVE_TARGET, lambda: self._list_target(data), None)
            return None
        return self._list_target(data)

    def _list_target(self, wanted_uid: bytes = b"") -> bytes:
        """NbTg and the target data of the card in the field, selected as target 1."""
        card = self._in_field()
        if self._selected is not None:
            self._selected.select()
        self._selected, self._active, self._thru_pending = None, False, None
        if card is None or (wanted_uid and wanted_uid[-4:] != card.uid[-4:]):
            return b"\x00"
        card.select()
        self._selected, self._active = card, True
        return b"\x01" + self._target_data(card)

    def _target_data(self, card: MifareClassic1K) -> bytes:
        return bytes([1]) + card.atqa + bytes([card.sak, len(card.uid)]) + card.uid

    def _auto_poll(self, params: bytes) -> bytes | None:
        _need(3 <= len(params) <= 17 and params[0] >= 1 and 0x01 <= params[1] <= 0x0F)
        polls, period, kinds = params[0], params[1], params[2:]
        self._set_field(True)

        def answer() -> bytes:
            for kind in kinds:
                if kind in _MIFARE_POLL_TYPES:
                    found = self._list_target()
                    if found != b"\x00":
                        data = found[1:]
                        return bytes([1, kind, len(data)]) + data
            return b"\x00"

        if self._in_field() is not None:
            return answer()
        # Nothing in the field: it polls each type PollNr times, Period x 150 ms apart, then
        # answers "none" (PollNr FF: for ever); a card presented meanwhile is found at once.
        give_up = None if polls == 0xFF else polls * len(kinds) * period * 0.15
        self._wait_for_card(f.IN_AUTO_POLL, answer, give_up)
        return None

    def _target(self, tg: int) -> MifareClassic1K | None:
        """The listed target numbered ``tg`` (0 = all, which is the one there is)."""
        return self._selected if tg in (0, 1) else None

    def _in_atr(self, params: bytes) -> bytes:
        _need(len(params) >= 2)
        following = params[2:]
        nfcid3 = 10 if params[1] & 0x01 else 0
        _need(len(following) >= nfcid3 and (params[1] & 0x02 or len(following) == nfcid3))
        _need(len(following) - nfcid3 <= 48)
        # ATR_REQ is for NFCIP-1 (DEP) targets; a Mifare Classic card (SAK 08) is none.
        return bytes([f.STATUS_BAD_CONTEXT])

    def _in_psl(self, params: bytes) -> bytes:
        _need(len(params) == 3 and params[1] <= 0x02 and params[2] <= 0x02)
        return bytes([f.STATUS_BAD_CONTEXT])  # PSL is for DEP and ISO/IEC 14443-4 targets only

    def _in_deselect(self, params: bytes) -> bytes:
        _need(len(params) == 1)
        card = self._target(params[0])
        if card is None:
            return bytes([_OK if params[0] == 0 else f.STATUS_BAD_CONTEXT])
        if self._active and card is self._in_field():
            card.halt()  # HLTA: the card keeps quiet until it is woken (InSelect)
        self._active, self._thru_pending = False, None
        return bytes([_OK])

    def _in_release(self, params: bytes) -> bytes:
        _need(len(params) == 1)
        card = self._target(params[0])
        if card is None:
            return bytes([_OK if params[0] == 0 else f.STATUS_BAD_CONTEXT])
        card.select()  # its session ends
        self._selected, self._active, self._thru_pending = None, False, None
        return bytes([_OK])

    def _in_select(self, params: bytes) -> bytes:
        _need(len(params) == 1)
        card = self._target(params[0]) if params[0] else None
        if card is None:
            return bytes([f.STATUS_BAD_CONTEXT])
        self._set_field(True)
        if card is not self._in_field():
            return bytes([f.STATUS_TIMEOUT])
        card.select()  # WUPA wakes it even from HALT
        self._active = True
        return bytes([_OK])

    def _in_data_exchange(self, params: bytes) -> bytes:
        _need(len(params) >= 1)
        status_and_data = self._exchange(params)
        self._last_error = f.status_error(status_and_data[0])
        return status_and_data

    def _card_for_exchange(self, tg: int) -> MifareClassic1K | bytes:
        """The active target that answers, or the status byte saying why there is none."""
        card = self._target(tg & 0x3F) if tg & 0x3F else None  # bit 6: MI, more data follows
        if card is None:
            return bytes([f.STATUS_BAD_CONTEXT])
        if not self._active or card is not self._in_field():
            return bytes([f.STATUS_TIMEOUT])  # deselected, or it left the field: nobody answers
        return card

    def _exchange(self, params: bytes) -> bytes:
        """Status (+ data) of an InDataExchange carrying a Mifare Classic command."""
        card = self._card_for_exchange(params[0])
        if isinstance(card, bytes):
            return card
        _need(len(params) >= 2)
        command, args = params[1], params[2:]
        try:
            if command in (AUTH_A, AUTH_B):
                # The PN532 takes the UID's last four bytes only; a 7-byte UID here (a
                # common host bug) gets the syntax error frame from the real chip.
                _need(len(args) == 11)
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
            if command in (INCREMENT, DECREMENT) and len(args) == 5:
                delta = int.from_bytes(args[1:5], "little", signed=True)
                (card.increment if command == INCREMENT else card.decrement)(args[0], delta)
                return bytes([_OK])  # the card's silence after the value is its success
            if command == RESTORE and len(args) in (1, 5):
                card.restore(args[0])
                return bytes([_OK])
            if command == TRANSFER and len(args) == 1:
                card.transfer(args[0])
                return bytes([_OK])
            return bytes([_SYNTAX])
        except MifareHaltedError:
            return bytes([f.STATUS_TIMEOUT])
        except (MifareAuthError, MifareNakError):
            return bytes([f.STATUS_MIFARE_AUTH])

    def _in_communicate_thru(self, params: bytes) -> bytes:
        """Raw bytes to the card (the CIU adds and checks the CRC; Crypto1 stays on after an
        authentication). Mifare Classic's two-part commands take two InCommunicateThru: the
        card's 4-bit ACK comes back as 0A; the second part of a value command gets no answer
        at all (status 01), which is how the card says yes."""
        _need(len(params) >= 1)
        card = self._card_for_exchange(1)
        if isinstance(card, bytes):
            return bytes([f.STATUS_TIMEOUT])  # no active card: nobody answers
        pending, self._thru_pending = self._thru_pending, None
        try:
            if pending is not None:
                command, block = pending
                if command == WRITE and len(params) == BLOCK_SIZE:
                    card.write(block, params)
                    return bytes([_OK, _MIFARE_ACK])
                if command in (INCREMENT, DECREMENT, RESTORE) and len(params) == 4:
                    delta = int.from_bytes(params, "little", signed=True)
                    if command == RESTORE:
                        card.restore(block)
                    else:
                        (card.increment if command == INCREMENT else card.decrement)(block, delta)
                    return bytes([f.STATUS_TIMEOUT])
                card.halt()  # not the second part it waited for
                return bytes([f.STATUS_TIMEOUT])
            command, args = params[0], params[1:]
            if command == READ and len(args) == 1:
                return bytes([_OK]) + card.read(args[0])
            if command in (WRITE, INCREMENT, DECREMENT, RESTORE) and len(args) == 1:
                card.check_session(args[0])  # the first part is refused already without a session
                self._thru_pending = (command, args[0])
                return bytes([_OK, _MIFARE_ACK])
            if command == TRANSFER and len(args) == 1:
                card.transfer(args[0])
                return bytes([_OK, _MIFARE_ACK])
            if command in (AUTH_A, AUTH_B) and len(args) == 1:
                # The card's nonce, in clear; Crypto1 runs only through InDataExchange.
                return bytes([_OK]) + bytes(self._rng.randrange(256) for _ in range(4))
            card.halt()  # HALT (50 00) and anything the card does not know: no answer
            return bytes([f.STATUS_TIMEOUT])
        except MifareHaltedError:
            return bytes([f.STATUS_TIMEOUT])
        except (MifareAuthError, MifareNakError):
            return bytes([_OK, _MIFARE_NAK])

    # -- talking to people ----------------------------------------------------------------------

    def describe_state(self) -> str:
        """The power state and line speed, for the shell."""
        sleep = ", asleep" if self._asleep else ""
        return f"{self.state.value}{sleep}, HSU at {self.speed} baud"

    def describe_cards(self) -> list[str]:
        """One line per known card, the one on the pad marked."""
        return [("* " if card is self._on_pad else "  ") + card.describe() for card in self.cards.values()]


_Handler = Callable[[Pn532Emulator, bytes], "bytes | None"]
# Command code -> (needs the RF part, so refused in Low-battery mode; the handler).
_COMMANDS: dict[int, tuple[bool, _Handler]] = {
    f.DIAGNOSE: (False, Pn532Emulator._diagnose),
    f.GET_FIRMWARE_VERSION: (False, Pn532Emulator._firmware),
    f.GET_GENERAL_STATUS: (False, Pn532Emulator._general_status),
    f.READ_REGISTER: (False, Pn532Emulator._read_register),
    f.WRITE_REGISTER: (False, Pn532Emulator._write_register),
    f.READ_GPIO: (False, Pn532Emulator._read_gpio),
    f.WRITE_GPIO: (False, Pn532Emulator._write_gpio),
    f.SET_SERIAL_BAUD_RATE: (False, Pn532Emulator._set_serial_baud_rate),
    f.SET_PARAMETERS: (False, Pn532Emulator._set_parameters),
    f.SAM_CONFIGURATION: (False, Pn532Emulator._sam_configuration),
    f.POWER_DOWN: (False, Pn532Emulator._power_down),
    f.RF_CONFIGURATION: (False, Pn532Emulator._rf_configuration),
    f.IN_LIST_PASSIVE_TARGET: (True, Pn532Emulator._list_passive),
    f.IN_ATR: (True, Pn532Emulator._in_atr),
    f.IN_PSL: (True, Pn532Emulator._in_psl),
    f.IN_DATA_EXCHANGE: (True, Pn532Emulator._in_data_exchange),
    f.IN_COMMUNICATE_THRU: (True, Pn532Emulator._in_communicate_thru),
    f.IN_DESELECT: (True, Pn532Emulator._in_deselect),
    f.IN_RELEASE: (True, Pn532Emulator._in_release),
    f.IN_SELECT: (True, Pn532Emulator._in_select),
    f.IN_AUTO_POLL: (True, Pn532Emulator._auto_poll),
}

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
  power cycle       switch the PN532 off and on (Low-battery mode, 115200 baud), the port staying open
  state             the PN532's power state and line speed
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
    if verb in ("power", "powercycle", "power-cycle") and (verb != "power" or args[:1] == ["cycle"]):
        emulator.power_cycle()
        return f"power cycled: {emulator.describe_state()}"
    if verb == "state":
        return emulator.describe_state()
    return f"unknown command {verb!r}; type 'help'"
