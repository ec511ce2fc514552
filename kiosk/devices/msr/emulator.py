"""An MSR206 on a pseudo-terminal: the driver opens it like a real serial port.

It holds virtual magnetic cards (three tracks, hi-co or lo-co) and acts on them when told that a
card was swiped: from a test through :meth:`MsrEmulator.swipe` / :meth:`~MsrEmulator.hold`, or
from a person at ``kiosk emulate encoder --protocol msr --link PATH`` through
:func:`run_interactive`. Like the real encoder, a read, write or erase command waits for a swipe
and listens only to RESET meanwhile.

Faults (:class:`MsrFaults`) are injected by option: nobody swipes, an invalid swipe (status 9),
a read/write error (status 1), replies with a corrupted or dropped byte or line noise before
them, replies split into single bytes, slow replies; ``baudrate`` paces both directions like a
real line. POSIX only, like :class:`~kiosk.devices.ptylink.PtyLink`.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TextIO

from kiosk.devices.emushell import Shell
from kiosk.devices.msr.protocol import (
    ACK_FAIL,
    ALL_LEDS_OFF,
    ALL_LEDS_ON,
    BPI_BY_CODE,
    CHECK_LEADING_ZERO,
    COMM_OK,
    COMM_TEST,
    ERASE,
    GET_COERCIVITY,
    GET_FIRMWARE,
    GET_MODEL,
    GREEN_LED_ON,
    RAM_TEST,
    READ,
    READ_RAW,
    RED_LED_ON,
    RESET,
    SELECT_BPI,
    SENSOR_TEST,
    SET_BPC,
    SET_HICO,
    SET_LEADING_ZERO,
    SET_LOCO,
    STATUS_FORMAT_ERROR,
    STATUS_INVALID_COMMAND,
    STATUS_INVALID_SWIPE,
    STATUS_OK,
    STATUS_RW_ERROR,
    TRACKS,
    WRITE,
    WRITE_RAW,
    YELLOW_LED_ON,
    Command,
    CommandParser,
    TrackDataError,
    Tracks,
    decode_stripe,
    erase_tracks,
    pack_bits,
    reply_bpc,
    reply_coercivity,
    reply_firmware,
    reply_leading_zero,
    reply_model,
    reply_read,
    reply_read_raw,
    reply_status,
    stripe_bits,
    unpack_bits,
)
from kiosk.devices.ptylink import PtyDevice, damaged

log = logging.getLogger(__name__)

ISO_BPC = (7, 5, 5)
# The tracks each MSR206 model's head has (the manual's model table); the others read as empty
# and are not written.
MODEL_TRACKS = {"1": (2,), "2": (2, 3), "3": (1, 2, 3), "5": (1, 2)}
_DEFAULT_BPI = {1: 210, 2: 75, 3: 210}
_DEFAULT_LEADING_ZERO = (0x3D, 0x16)  # the manual's factory setting: 61 and 22
_NOISE = b"\x00\x13\xfe\x1b\x1c\x11"  # line noise with a stray ESC that starts no reply


@dataclass
class MagCard:
    """A virtual magnetic card. ``path`` keeps it in a JSON file across emulator runs."""

    tracks: Tracks = field(default_factory=Tracks)
    hico: bool = True
    label: str = "card"
    path: Path | None = None
    # Tracks written raw with bits that are not ISO data ('0'/'1' text); their ``tracks`` is ''.
    raw: dict[int, str] = field(default_factory=dict)

    def bits(self, number: int) -> str:
        """What the head sees on track ``number``, from its first flux change."""
        return self.raw.get(number) or stripe_bits(number, self.tracks[number])

    def readable(self, number: int) -> bool:
        """Whether an ISO read decodes the track (blank and ISO tracks do)."""
        return number not in self.raw

    def put_text(self, number: int, text: str) -> None:
        self.raw.pop(number, None)
        self.tracks = self.tracks.replaced(number, text)

    def put_bits(self, number: int, bits: str) -> None:
        """Write raw bits; bits that spell ISO characters read back as them."""
        bits = bits[bits.find("1") :] if "1" in bits else ""
        text = decode_stripe(number, bits)
        self.put_text(number, text or "")
        if text is None:
            self.raw[number] = bits

    @classmethod
    def load(cls, path: Path) -> MagCard:
        """The card kept in ``path``; a file that does not exist yet is a blank hi-co card."""
        if not path.exists():
            return cls(label=path.stem, path=path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            tracks = Tracks(
                str(data.get("track1", "")), str(data.get("track2", "")), str(data.get("track3", ""))
            ).checked()
            coercivity = data.get("coercivity", "hi")
            raw = {n: str(data[f"raw{n}"]) for n in (1, 2, 3) if data.get(f"raw{n}")}
        except (OSError, ValueError, AttributeError) as exc:
            raise ValueError(f"{path} is not a magnetic card file: {exc}") from exc
        if coercivity not in ("hi", "lo"):
            raise ValueError(f"{path}: coercivity must be 'hi' or 'lo'")
        if any(set(bits) - {"0", "1"} or tracks[n] for n, bits in raw.items()):
            raise ValueError(f"{path}: a raw track is bits ('0' and '1') on a track without text")
        return cls(tracks=tracks, hico=coercivity == "hi", label=path.stem, path=path, raw=raw)

    def save(self) -> None:
        if self.path is None:
            return
        data = {
            "track1": self.tracks.track1,
            "track2": self.tracks.track2,
            "track3": self.tracks.track3,
            "coercivity": "hi" if self.hico else "lo",
        }
        data.update({f"raw{n}": bits for n, bits in sorted(self.raw.items())})
        self.path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")

    def describe(self) -> str:
        kind = "hi-co" if self.hico else "lo-co"
        if self.tracks.blank and not self.raw:
            return f"{self.label}: {kind}, blank"
        parts = [
            f"track {n}: {self.tracks[n]!r}" if self.tracks[n] else f"track {n}: {len(self.raw[n])} raw bits"
            for n in (1, 2, 3)
            if self.tracks[n] or n in self.raw
        ]
        return f"{self.label}: {kind}, " + ", ".join(parts)


@dataclass
class MsrFaults:
    """What goes wrong. Counts apply to that many next swipes or replies, then run out."""

    no_swipe: bool = False  # nobody swipes: read/write/erase wait until RESET
    invalid_swipe: int = 0  # botched swipes: write/erase answer '9', a read '1' with bad tracks
    rw_error: int = 0  # the head fails: write '1' (card unchanged), read '1', erase 'A'
    ram_fail: int = 0  # RAM tests answer 'A'
    corrupt: int = 0  # replies with one bit flipped in their middle byte
    drop: int = 0  # replies missing their middle byte
    noise: int = 0  # replies preceded by line noise
    split: bool = False  # replies sent one byte at a time
    slow_s: float = 0.0  # delay before every reply

    def clear(self) -> None:
        for f in fields(self):
            setattr(self, f.name, f.default)

    def set(self, name: str, value: str | None) -> None:
        """Set one fault from text: ``split on``, ``corrupt 2``, ``slow 0.2``; a fault named
        without a value is switched on (flags on, counts 1). ValueError for an unknown one."""
        name = name.strip().lower().replace("-", "_")
        name = "slow_s" if name == "slow" else name
        try:
            if name in ("no_swipe", "split"):
                setattr(self, name, value is None or value.lower() in ("on", "1", "yes", "true"))
            elif name == "slow_s":
                seconds = float(value or 0)
                if not 0 <= seconds <= 60:  # also refuses nan and inf, which sleep() cannot take
                    raise ValueError(value)
                self.slow_s = seconds
            elif name in ("invalid_swipe", "rw_error", "ram_fail", "corrupt", "drop", "noise"):
                count = int(value or 1)
                if count < 0:
                    raise ValueError(value)
                setattr(self, name, count)
            else:
                raise LookupError(name)
        except LookupError:
            known = "no_swipe, invalid_swipe, rw_error, ram_fail, corrupt, drop, noise, split, slow"
            raise ValueError(f"no fault called {name!r} (known: {known})") from None
        except ValueError:
            raise ValueError(f"fault {name}: {value!r} is not a valid value") from None


@dataclass
class MsrEmulatorOptions:
    """How ``kiosk emulate encoder --protocol msr`` runs the emulator."""

    baudrate: int | None = None  # pace both directions like a line at this rate
    faults: MsrFaults = field(default_factory=MsrFaults)
    model: str = "3"  # MSR206-3: tracks 1, 2 and 3
    firmware: str = "REVU1.00"  # REV?X.XX; U = MSR206HL (hi-co and lo-co)
    empty_marker: bool = False  # empty tracks read as ESC n ESC + (MSR605) instead of ESC n
    cards_dir: Path | None = None  # where `swipe FILE` looks for relative names


@dataclass
class _Operation:
    letter: int  # READ, WRITE, READ_RAW, WRITE_RAW, ERASE or SENSOR_TEST
    tracks: Tracks | None = None
    erase: frozenset[int] = frozenset()
    raw: tuple[bytes, bytes, bytes] = (b"", b"", b"")

    @property
    def what(self) -> str:
        names = {READ: "read", WRITE: "write", READ_RAW: "read raw", WRITE_RAW: "write raw", ERASE: "erase"}
        return names.get(self.letter, "test the sensor")


class MsrEmulator(PtyDevice[MsrEmulatorOptions]):
    """An MSR206HL behind a :class:`PtyLink` (``link`` is the symlink a driver opens)."""

    options_type = MsrEmulatorOptions
    faults: MsrFaults

    def _setup(self) -> None:
        self.received: list[Command] = []
        self.on_armed: Callable[[str], None] | None = None
        self.swiped: list[MagCard] = []
        self._changed = threading.Condition(self._lock)
        self._parser = CommandParser()
        self._queue: deque[MagCard] = deque()
        self._held: MagCard | None = None
        self._armed: _Operation | None = None
        self._power_on()

    def _power_on(self) -> None:
        self.hico = True
        self.bpc = ISO_BPC
        self.bpi = dict(_DEFAULT_BPI)
        self.leading_zero = _DEFAULT_LEADING_ZERO
        self.leds: set[str] = set()
        self._armed = None

    # -- lifecycle ---------------------------------------------------------------------------

    def replug(self) -> None:
        """Unplug the adapter and plug it back: the driver's port dies, the encoder powers up."""
        with self._lock:
            self._parser = CommandParser()
            self._power_on()
        self.link.replug()

    # -- the clerk's hands -------------------------------------------------------------------

    def swipe(self, card: MagCard) -> None:
        """Swipe ``card`` once: now if the encoder waits for one, else at its next command."""
        with self._lock:
            if self._armed is not None and not self.faults.no_swipe:
                self._perform(card)
            else:
                self._queue.append(card)

    def hold(self, card: MagCard | None) -> None:
        """Keep swiping ``card`` whenever the encoder waits (after queued swipes); None stops."""
        with self._lock:
            self._held = card
            if card is not None and self._armed is not None and not self.faults.no_swipe:
                self._perform(card)

    @property
    def armed(self) -> str | None:
        """What the encoder waits for a swipe to do, or None."""
        with self._lock:
            return self._armed.what if self._armed else None

    def wait_armed(self, timeout_s: float = 5.0) -> str | None:
        """Block until the encoder waits for a swipe (for tests that swipe at the right time)."""
        with self._changed:
            self._changed.wait_for(lambda: self._armed is not None, timeout=timeout_s)
            return self._armed.what if self._armed else None

    # -- the firmware ------------------------------------------------------------------------

    def _on_bytes(self, data: bytes) -> None:
        with self._lock:
            for cmd in self._parser.feed(data):
                self.received.append(cmd)
                self._handle(cmd)

    def _handle(self, cmd: Command) -> None:
        letter = cmd.letter
        if letter == RESET:
            self._power_on()
            self._changed.notify_all()
            return
        if self._armed is not None:
            log.debug("emulated MSR206 ignores 0x%02X while waiting for a swipe", letter)
            return
        if letter == COMM_TEST:
            self._reply(bytes((0x1B, COMM_OK)))
        elif letter in (READ, READ_RAW):
            self._arm(_Operation(letter))
        elif letter == WRITE:
            if cmd.error is not None or cmd.tracks is None:
                log.info("emulated MSR206: write refused: %s", cmd.error)
                self._reply(reply_status(STATUS_FORMAT_ERROR))
            else:
                self._arm(_Operation(WRITE, tracks=cmd.tracks))
        elif letter == WRITE_RAW:
            if cmd.error is not None or cmd.raw is None:
                log.info("emulated MSR206: raw write refused: %s", cmd.error)
                self._reply(reply_status(STATUS_FORMAT_ERROR))
            else:
                self._arm(_Operation(WRITE_RAW, raw=cmd.raw))
        elif letter == ERASE:
            tracks = erase_tracks(cmd.arguments[0])
            if tracks is None:
                self._reply(reply_status(ACK_FAIL))
            else:
                self._arm(_Operation(ERASE, erase=tracks))
        elif letter == SENSOR_TEST:
            self._arm(_Operation(SENSOR_TEST))
        elif letter in (SET_HICO, SET_LOCO):
            self.hico = letter == SET_HICO
            self._reply(reply_status(STATUS_OK))
        elif letter == GET_COERCIVITY:
            self._reply(reply_coercivity(self.hico))
        elif letter == SET_BPC:
            bits = tuple(cmd.arguments)
            if all(5 <= b <= 8 for b in bits):
                self.bpc = (bits[0], bits[1], bits[2])
                self._reply(reply_bpc(*self.bpc))
            else:
                self._reply(reply_status(ACK_FAIL))
        elif letter == SELECT_BPI:
            setting = BPI_BY_CODE.get(cmd.arguments[0])
            if setting is None:
                self._reply(reply_status(ACK_FAIL))
            else:
                self.bpi[setting[0]] = setting[1]
                self._reply(reply_status(STATUS_OK))
        elif letter == SET_LEADING_ZERO:
            self.leading_zero = (cmd.arguments[0], cmd.arguments[1])
            self._reply(reply_status(STATUS_OK))
        elif letter == CHECK_LEADING_ZERO:
            self._reply(reply_leading_zero(*self.leading_zero))
        elif letter == GET_MODEL:
            self._reply(reply_model(self.options.model))
        elif letter == GET_FIRMWARE:
            self._reply(reply_firmware(self.options.firmware))
        elif letter == RAM_TEST:
            failed = self.faults.ram_fail > 0
            self.faults.ram_fail -= failed
            self._reply(reply_status(ACK_FAIL if failed else STATUS_OK))
        elif letter in (ALL_LEDS_OFF, ALL_LEDS_ON, GREEN_LED_ON, YELLOW_LED_ON, RED_LED_ON):
            self._set_leds(letter)
        else:
            self._reply(reply_status(STATUS_INVALID_COMMAND))

    def _set_leds(self, letter: int) -> None:
        if letter == ALL_LEDS_OFF:
            self.leds = set()
        elif letter == ALL_LEDS_ON:
            self.leds = {"green", "yellow", "red"}
        else:
            self.leds = {{GREEN_LED_ON: "green", YELLOW_LED_ON: "yellow", RED_LED_ON: "red"}[letter]}

    def _arm(self, op: _Operation) -> None:
        self._armed = op
        self.leds = {"yellow"}  # the manual: the yellow LED is lit while it waits for a swipe
        self._changed.notify_all()
        if not self.faults.no_swipe:
            if self._queue:
                self._perform(self._queue.popleft())
                return
            if self._held is not None:
                self._perform(self._held)
                return
        if self.on_armed is not None:
            self.on_armed(op.what)

    def _perform(self, card: MagCard) -> None:
        op, self._armed = self._armed, None
        assert op is not None
        self.swiped.append(card)
        self._changed.notify_all()
        faults = self.faults
        if op.letter == SENSOR_TEST:  # any card through the slot trips the sensor
            self._reply(reply_status(STATUS_OK))
        elif faults.invalid_swipe > 0:
            faults.invalid_swipe -= 1
            self._fail(op, STATUS_INVALID_SWIPE)
        elif faults.rw_error > 0:
            faults.rw_error -= 1
            self._fail(op, STATUS_RW_ERROR)
        elif op.letter == READ:
            self._read(card)
        elif op.letter == READ_RAW:
            self.leds = {"green"}
            raw = [pack_bits(card.bits(n), self.bpc[n - 1]) if n in self._tracks else b"" for n in (1, 2, 3)]
            self._reply(reply_read_raw((raw[0], raw[1], raw[2])))
        elif not self.hico and card.hico:
            # A lo-co write current cannot flip a hi-co stripe; the verify head sees the old data.
            self._fail(op, STATUS_RW_ERROR)
        elif op.letter == WRITE:
            self._write(card, op.tracks or Tracks())
        elif op.letter == WRITE_RAW:
            self._write_raw(card, op.raw)
        else:
            self._erase(card, op.erase)

    def _fail(self, op: _Operation, status: int) -> None:
        self.leds = {"red"}
        if op.letter == READ:
            # A bad swipe in read mode is a read error with every track unreadable.
            self._reply(reply_read(Tracks(), STATUS_RW_ERROR, frozenset({1, 2, 3})))
        elif op.letter == READ_RAW:
            self._reply(reply_read_raw((b"", b"", b""), STATUS_RW_ERROR))
        elif op.letter == ERASE:
            self._reply(reply_status(ACK_FAIL))
        else:
            self._reply(reply_status(status))

    @property
    def _tracks(self) -> tuple[int, ...]:
        """The tracks this model's head has."""
        return MODEL_TRACKS.get(self.options.model, (1, 2, 3))

    def _read(self, card: MagCard) -> None:
        # A track read at other bits per character than ISO's (e.g. 8 after ESC o 08 08 08) does
        # not decode, nor does one written raw with bits that are no ISO characters.
        unreadable = frozenset(
            n for n in self._tracks if self.bpc[n - 1] != TRACKS[n].bits_per_char or not card.readable(n)
        )
        texts = [card.tracks[n] if n in self._tracks and n not in unreadable else "" for n in (1, 2, 3)]
        self.leds = {"red"} if unreadable else {"green"}
        status = STATUS_RW_ERROR if unreadable else STATUS_OK
        self._reply(reply_read(Tracks(*texts), status, unreadable, empty_marker=self.options.empty_marker))

    def _write(self, card: MagCard, tracks: Tracks) -> None:
        if self.bpc != ISO_BPC:
            self._fail(_Operation(WRITE), STATUS_RW_ERROR)
            return
        for number in self._tracks:
            if tracks[number]:  # an empty track in the data block leaves the stripe as it is
                card.put_text(number, tracks[number])
        card.save()
        self.leds = {"green"}
        self._reply(reply_status(STATUS_OK))

    def _write_raw(self, card: MagCard, raw: tuple[bytes, bytes, bytes]) -> None:
        for number in self._tracks:
            if raw[number - 1]:  # as in an ISO write, an empty track is left as it is
                card.put_bits(number, unpack_bits(raw[number - 1], self.bpc[number - 1]))
        card.save()
        self.leds = {"green"}
        self._reply(reply_status(STATUS_OK))

    def _erase(self, card: MagCard, numbers: frozenset[int]) -> None:
        for number in numbers:
            card.put_text(number, "")
        card.save()
        self.leds = {"green"}
        self._reply(reply_status(STATUS_OK))

    def _reply(self, data: bytes) -> None:
        faults = self.faults
        self.link.write(damaged(data, faults, _NOISE), one_byte_at_a_time=faults.split, delay_s=faults.slow_s)


# -- the interactive emulator ------------------------------------------------------------------

_HELP = """\
swipe blank [lo]   swipe a new blank card (hi-co unless 'lo')
swipe FILE         swipe the card kept in FILE (JSON; created blank if missing, saved on write)
again              swipe the last card again (to verify a write)
hold blank|FILE    keep swiping that card whenever the encoder waits; 'hold off' stops
present blank|FILE the same as hold;  remove  the same as 'hold off'
list               the cards of this session
status             what the encoder waits for, its mode and the faults set
fault NAME [VALUE] no_swipe on|off, invalid_swipe N, rw_error N, ram_fail N, corrupt N, drop N, noise N,
                   split on|off, slow SECONDS; 'fault clear' clears them all
replug             unplug the adapter and plug it back
quit               stop the emulator"""


class _Session:
    def __init__(self, emulator: MsrEmulator, out: TextIO, cards_dir: Path | None) -> None:
        self.emulator = emulator
        self.out = out
        self.cards_dir = cards_dir
        self.cards: dict[str, MagCard] = {}
        self.last: MagCard | None = None
        self._blanks = 0

    def say(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def card(self, args: list[str]) -> MagCard:
        if not args:
            raise ValueError("say which card: 'blank' or a file name")
        if args[0] == "blank":
            self._blanks += 1
            card = MagCard(hico=args[1:] != ["lo"], label=f"blank-{self._blanks}")
            self.cards[card.label] = card
            return card
        path = Path(args[0]).expanduser()
        if not path.is_absolute() and self.cards_dir is not None:
            path = self.cards_dir / path
        key = str(path.resolve())
        if key not in self.cards:
            self.cards[key] = MagCard.load(path)
        return self.cards[key]

    def run(self, words: list[str]) -> None:
        verb, args = words[0].lower(), words[1:]
        emulator = self.emulator
        if verb == "swipe" and args:
            self.last = self.card(args)
            self._swipe(self.last)
        elif verb in ("again", "swipe"):
            if self.last is None:
                raise ValueError("no card was swiped yet")
            self._swipe(self.last)
        elif verb in ("hold", "present"):
            # 'present' as on the PN532 emulator: the card is swiped whenever the encoder waits.
            card = None if args == ["off"] else self.card(args)
            emulator.hold(card)
            self.last = card or self.last
            self.say("holding " + card.label if card else "no card held")
        elif verb == "remove":
            emulator.hold(None)
            self.say("no card held")
        elif verb == "list":
            for card in self.cards.values():
                self.say(card.describe())
            if not self.cards:
                self.say("no cards yet")
        elif verb == "status":
            self.say(
                f"waiting to {emulator.armed}" if emulator.armed else "idle (no command waits for a swipe)"
            )
            self.say(f"writes {'hi-co' if emulator.hico else 'lo-co'}; faults: {emulator.faults}")
        elif verb == "fault":
            self._fault(args)
        elif verb == "replug":
            emulator.replug()
            self.say("replugged")
        else:
            raise ValueError(f"unknown command {verb!r} (type 'help')")

    def _swipe(self, card: MagCard) -> None:
        before = len(self.emulator.swiped)
        armed = self.emulator.armed
        self.emulator.swipe(card)
        if len(self.emulator.swiped) > before:
            self.say(f"swiped {card.label} to {armed}: now {card.describe()}")
        else:
            self.say(f"{card.label} will be swiped at the next read, write or erase")

    def _fault(self, args: list[str]) -> None:
        faults = self.emulator.faults
        if args == ["clear"]:
            faults.clear()
            self.say("faults cleared")
            return
        if not 1 <= len(args) <= 2:
            raise ValueError("fault NAME VALUE (type 'help')")
        name, _, value = args[0].partition("=")
        faults.set(name, value or (args[1] if len(args) == 2 else None))
        self.say(f"faults: {faults}")


def run_interactive(
    link: Path,
    options: MsrEmulatorOptions | None = None,
    stdin: TextIO | Iterable[str] | None = None,
    stdout: TextIO | None = None,
    commands: Sequence[str] = (),
) -> int:
    """Run the emulator on ``link`` and take the clerk's swipes (``commands`` first, then stdin)
    until ``quit``; with no terminal, until it is stopped."""
    options = options or MsrEmulatorOptions()
    emulator = MsrEmulator(link, options)
    session = _Session(emulator, stdout or sys.stdout, options.cards_dir)
    shell = Shell(
        emulator, session.run, _HELP, session.out, prompt="msr> ", errors=(ValueError, TrackDataError)
    )
    emulator.on_armed = lambda what: session.say(
        f"the encoder waits for a swipe to {what}: 'swipe blank', 'swipe FILE' or 'again'"
    )

    def banner() -> str:
        pace = f", paced at {options.baudrate} baud" if options.baudrate else ""
        return f"MSR206 emulator on {link} -> {emulator.link.port}{pace}. Type 'help'."

    return shell.run(banner, stdin or sys.stdin, commands)
