"""A resident ID-card reader on a pseudo-terminal: the driver opens it like a real serial port.

It speaks the SAM_V frame protocol of :mod:`~kiosk.devices.idreader.protocol` and holds virtual
ID cards (from a JSON fixture file, see :func:`load_cards`). A card is placed on the reader and
lifted from a test through :meth:`IdReaderEmulator.present` / :meth:`~IdReaderEmulator.remove`,
or by a person at ``kiosk emulate idreader --link PATH`` through :func:`run_interactive`.

Faults (:class:`IdReaderFaults`) are injected by option: the reader finds no card, reads fail
(status 41, the card moved), the card is lifted during a read, replies with a corrupted or
dropped byte or line noise before them, commands left unanswered, replies split into single
bytes, slow replies; ``baudrate`` paces both directions like a real line.

Fixture format: a JSON list of objects, one per card::

    {"label": "zhang", "name": "张三", "sex": "男", "nation": "汉", "birth": "1985-03-07",
     "address": "北京市朝阳区建国路88号", "id_number": "110105198503071230",
     "authority": "北京市公安局朝阳分局", "valid_from": "2015-06-01", "valid_to": "2035-06-01"}

``sex`` is 男/女 (or male/female), ``nation`` a name (汉) or a GB 3304 code (01), ``valid_to``
a date or 长期. Optional: ``card_type`` (resident_id, residence_permit), ``photo`` (base64 of
the 1024-byte WLT; a stand-in is made from the label otherwise), ``fingerprints`` (0, 1 or 2),
``new_address`` (the address appended after a move, read with 30 03).
Without a file the two :data:`DEMO_CARDS` are used.

:class:`EmulatedIdCardReader` is demo mode's reader (``emulated:``): this emulator with a demo
card lying on it, read through the real driver, so demo mode exercises the same code as a lobby.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import shlex
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any, Self, TextIO

from kiosk.devices.emushell import Shell
from kiosk.devices.errors import DeviceUnavailableError
from kiosk.devices.idreader.driver import SamIdCardReader
from kiosk.devices.idreader.protocol import (
    BAUDRATE_PARA,
    BAUDRATES,
    FIND_CARD,
    FIND_REPLY_DATA,
    PHOTO_SIZE,
    READ_NEW_ADDRESS,
    READ_SAM_ID,
    READ_TEXT_PHOTO,
    READ_TEXT_PHOTO_FINGERPRINT,
    RESET_SAM,
    SAM_STATUS,
    SELECT_CARD,
    SELECT_REPLY_DATA_SIZE,
    SET_BAUDRATE_CMD,
    SET_RF_FRAME_SIZE,
    STATUS_CHECKSUM_ERROR,
    STATUS_COMMAND_ERROR,
    STATUS_LENGTH_ERROR,
    STATUS_NO_CONTENT,
    STATUS_NOT_FOUND,
    STATUS_OK,
    STATUS_READ_FAILED,
    STATUS_SELECT_FAILED,
    BadFrame,
    CommandFrame,
    FrameKind,
    FrameParser,
    encode_card_record,
    encode_new_address,
    encode_reply,
    encode_sam_id,
)
from kiosk.devices.idreader.text import (
    LONG_TERM,
    NATION_CODES,
    NATIONS,
    RESIDENCE_PERMIT,
    RESIDENT_ID,
    IdCardRecord,
    encode_id_text,
)
from kiosk.devices.ptylink import PtyDevice, damaged
from kiosk.domain.visitor import mask_name

log = logging.getLogger(__name__)

DEFAULT_SAM_ID = (5, 1, 20240315, 1234567, 987654321)
_RATE_BY_PARA = {para: rate for rate, para in BAUDRATE_PARA.items()}
_NOISE = b"\x00\xaa\xaa\x96\x13\xfe"  # line noise holding a broken preamble
_SEXES = {"男": "male", "女": "female", "male": "male", "female": "female"}


@dataclass
class VirtualIdCard:
    """An ID card: its text block (normally encoded from ``record``), photo and fingerprints."""

    record: IdCardRecord
    label: str = "card"
    fingerprints: int = 0
    new_address: str = ""  # 最新住址: written onto the card by the police after a move
    # The raw block; set it to a broken one to test the parser's refusal. Not in the repr: it
    # holds the ID number (the record's repr masks it).
    text: bytes = field(default=b"", repr=False)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = encode_id_text(self.record)
        if not self.record.photo:
            seed = hashlib.sha256(self.label.encode()).digest()
            stand_in = (seed * (PHOTO_SIZE // len(seed) + 1))[:PHOTO_SIZE]
            self.record = replace(self.record, photo=stand_in)

    @property
    def fingerprint_block(self) -> bytes:
        return hashlib.sha512(self.label.encode()).digest() * 8 * self.fingerprints

    def describe(self) -> str:
        record = self.record
        return f"{self.label}: {mask_name(record.name)} {record.masked_id_number}"


def card_from_json(item: dict[str, Any], index: int = 0) -> VirtualIdCard:
    """One card of a fixture file. Raises ValueError saying which key is wrong."""
    try:
        nation = str(item.get("nation", "汉"))
        nation_code = nation if nation in NATIONS else NATION_CODES[nation]
        valid_to = str(item["valid_to"])
        card_type = str(item.get("card_type", RESIDENT_ID))
        if card_type not in (RESIDENT_ID, RESIDENCE_PERMIT):
            raise ValueError(f"card_type must be {RESIDENT_ID} or {RESIDENCE_PERMIT}")
        photo = base64.b64decode(item["photo"], validate=True) if "photo" in item else b""
        if photo and len(photo) != PHOTO_SIZE:
            raise ValueError(f"photo must be {PHOTO_SIZE} bytes")
        record = IdCardRecord(
            name=str(item["name"]),
            sex=_SEXES[str(item.get("sex", "男"))],
            nation_code=nation_code,
            birth_date=date.fromisoformat(str(item["birth"])),
            address=str(item.get("address", "")),
            id_number=str(item["id_number"]),
            authority=str(item.get("authority", "")),
            valid_from=date.fromisoformat(str(item["valid_from"])),
            valid_until=None if valid_to == LONG_TERM else date.fromisoformat(valid_to),
            card_type=card_type,
            photo=photo,
        )
        fingerprints = int(item.get("fingerprints", 0))
        if fingerprints not in (0, 1, 2):
            raise ValueError("fingerprints must be 0, 1 or 2")
        new_address = str(item.get("new_address", ""))
        encode_new_address(new_address)  # too long, or not UCS-2: say so now
        return VirtualIdCard(record, str(item.get("label", f"card-{index + 1}")), fingerprints, new_address)
    except KeyError as exc:
        raise ValueError(f"card {index + 1}: missing or unknown value for {exc}") from None
    except (ValueError, TypeError, binascii.Error) as exc:
        raise ValueError(f"card {index + 1}: {exc}") from None


# Made-up holders whose numbers pass the GB 11643 check (the check digits are computed, not real).
DEMO_CARDS: tuple[dict[str, Any], ...] = (
    {
        "label": "demo",
        "name": "张三",
        "sex": "男",
        "nation": "汉",
        "birth": "1985-03-07",
        "address": "北京市朝阳区建国路88号",
        "id_number": "110105198503071230",
        "authority": "北京市公安局朝阳分局",
        "valid_from": "2015-06-01",
        "valid_to": "2035-06-01",
    },
    {
        "label": "demo-li",
        "name": "李晓梅",
        "sex": "女",
        "nation": "汉",
        "birth": "1992-08-15",
        "address": "广东省深圳市南山区科技园路1号",
        "id_number": "44030519920815246X",
        "authority": "深圳市公安局南山分局",
        "valid_from": "2018-01-15",
        "valid_to": "2038-01-15",
    },
)


def demo_cards() -> list[VirtualIdCard]:
    """The cards of :data:`DEMO_CARDS`."""
    return [card_from_json(item, i) for i, item in enumerate(DEMO_CARDS)]


def load_cards(path: Path) -> list[VirtualIdCard]:
    """The cards of a fixture file (see the module's doc). Raises ValueError naming the problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path} is not a JSON card file: {exc}") from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ValueError(f"{path} must hold a JSON list of card objects")
    return [card_from_json(item, i) for i, item in enumerate(data)]


@dataclass
class IdReaderFaults:
    """What goes wrong. Counts apply to that many next reads or replies, then run out."""

    no_card: bool = False  # the reader finds no card, whatever lies on it
    read_fail: int = 0  # reads answer 41 (the card moved); the card stays
    lift_during_read: int = 0  # the card is lifted during a read: 41, and it is gone
    corrupt: int = 0  # replies with one bit flipped in their middle byte
    drop: int = 0  # replies missing their middle byte
    noise: int = 0  # replies preceded by line noise
    mute: int = 0  # commands left unanswered
    split: bool = False  # replies sent one byte at a time
    slow_s: float = 0.0  # delay before every reply

    def clear(self) -> None:
        for f in fields(self):
            setattr(self, f.name, f.default)


@dataclass
class IdReaderEmulatorOptions:
    """How ``kiosk emulate idreader`` runs the emulator."""

    baudrate: int | None = None  # pace both directions like a line at this rate
    faults: IdReaderFaults = field(default_factory=IdReaderFaults)
    sam_id: tuple[int, int, int, int, int] = DEFAULT_SAM_ID


class IdReaderEmulator(PtyDevice[IdReaderEmulatorOptions]):
    """A SAM_V ID-card reader behind a :class:`PtyLink` (``link`` is the symlink a driver opens)."""

    options_type = IdReaderEmulatorOptions
    faults: IdReaderFaults

    def _setup(self) -> None:
        self.received: list[CommandFrame] = []
        self.bad_frames = 0
        self.reads = 0  # successful text + photo reads
        self.on_read: Callable[[VirtualIdCard], None] | None = None
        self._parser = FrameParser(FrameKind.COMMAND)
        self._card: VirtualIdCard | None = None
        self._selected = False
        # The module's UART speed: what a 60 xx command set (kept across a replug, as the module
        # stores it); None until then, so a host opening at any speed is understood.
        self.speed: int | None = self.options.baudrate

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> Self:
        if self.speed is not None:
            self.link.set_speed(self.speed)
        return super().start()

    def replug(self) -> None:
        """Unplug the reader's cable and plug it back: the driver's port dies, the card stays."""
        with self._lock:
            self._parser = FrameParser(FrameKind.COMMAND)
            self._selected = False
        self.link.replug()

    # -- the visitor's hands -----------------------------------------------------------------

    def present(self, card: VirtualIdCard) -> None:
        """Place ``card`` on the reader (lifting whatever lay there)."""
        with self._lock:
            self._card = card
            self._selected = False

    def remove(self) -> VirtualIdCard | None:
        """Lift the card off the reader."""
        with self._lock:
            card, self._card = self._card, None
            self._selected = False
            return card

    @property
    def card(self) -> VirtualIdCard | None:
        with self._lock:
            return self._card

    # -- the module's firmware ---------------------------------------------------------------

    def _on_bytes(self, data: bytes) -> None:
        with self._lock:
            for frame in self._parser.feed(data):
                if isinstance(frame, BadFrame):
                    self.bad_frames += 1
                    status = STATUS_CHECKSUM_ERROR if "checksum" in frame.reason else STATUS_LENGTH_ERROR
                    self._reply(status)
                    continue
                assert isinstance(frame, CommandFrame)
                self.received.append(frame)
                if self.faults.mute > 0:
                    self.faults.mute -= 1
                    continue
                self._handle(frame)

    def _handle(self, cmd: CommandFrame) -> None:
        code = cmd.code
        if code in (RESET_SAM, SAM_STATUS, SET_RF_FRAME_SIZE):
            if code == RESET_SAM:
                self._selected = False
            self._reply(STATUS_OK)
        elif code == READ_SAM_ID:
            self._reply(STATUS_OK, encode_sam_id(*self.options.sam_id))
        elif cmd.cmd == SET_BAUDRATE_CMD:
            rate = _RATE_BY_PARA.get(cmd.para)
            if rate is None or cmd.data:
                self._reply(STATUS_COMMAND_ERROR)
            else:
                # The answer goes at the old speed, then the module's UART switches: a host still
                # at the old speed gets noise from now on.
                self._reply(STATUS_OK)
                self.speed = rate
                self.link.set_speed(rate)
        elif code == FIND_CARD:
            found = self._card is not None and not self.faults.no_card
            self._reply(0x9F if found else STATUS_NOT_FOUND, FIND_REPLY_DATA if found else b"")
        elif code == SELECT_CARD:
            self._selected = self._card is not None and not self.faults.no_card
            if self._selected:
                self._reply(STATUS_OK, bytes(SELECT_REPLY_DATA_SIZE))
            else:
                self._reply(STATUS_SELECT_FAILED)
        elif code in (READ_TEXT_PHOTO, READ_TEXT_PHOTO_FINGERPRINT):
            self._read(with_fingerprint=code == READ_TEXT_PHOTO_FINGERPRINT)
        elif code == READ_NEW_ADDRESS:
            card = self._card
            if card is None or not self._selected:
                self._reply(STATUS_READ_FAILED)
            elif card.new_address:
                self._reply(STATUS_OK, encode_new_address(card.new_address))
            else:
                self._reply(STATUS_NO_CONTENT)
        else:
            self._reply(STATUS_COMMAND_ERROR)

    def _read(self, with_fingerprint: bool) -> None:
        faults = self.faults
        card = self._card
        if card is None or not self._selected:
            self._reply(STATUS_READ_FAILED)
            return
        if faults.lift_during_read > 0:
            faults.lift_during_read -= 1
            self._card, self._selected = None, False
            self._reply(STATUS_READ_FAILED)
            return
        if faults.read_fail > 0:
            faults.read_fail -= 1
            self._reply(STATUS_READ_FAILED)
            return
        self.reads += 1
        fingerprint = card.fingerprint_block if with_fingerprint else None
        self._reply(STATUS_OK, encode_card_record(card.text, card.record.photo, fingerprint))
        if self.on_read is not None:
            self.on_read(card)

    def _reply(self, status: int, data: bytes = b"") -> None:
        faults = self.faults
        out = damaged(encode_reply(status, data), faults, _NOISE)
        self.link.write(out, one_byte_at_a_time=faults.split, delay_s=faults.slow_s)


class EmulatedIdCardReader:
    """Demo mode's ID-card reader: an :class:`IdReaderEmulator` on a pty with ``card`` (the
    first demo card by default) lying on it, read through :class:`SamIdCardReader`.

    ``emulator`` stays reachable so a test or a demo can lift the card or inject faults.
    """

    def __init__(self, card: VirtualIdCard | None = None, **driver_options: Any) -> None:
        try:
            self.emulator = IdReaderEmulator().start()
        except (OSError, AttributeError) as exc:  # no openpty (Windows), or out of ptys
            raise DeviceUnavailableError(f"the emulated ID-card reader needs a POSIX pty: {exc}") from exc
        try:
            self.driver = SamIdCardReader(self.emulator.path, name="emulated:", **driver_options)
        except BaseException:
            self.emulator.close()
            raise
        self.emulator.present(card or demo_cards()[0])

    @property
    def name(self) -> str:
        return self.driver.name

    def read_card(self, timeout_s: float, cancel: threading.Event | None = None) -> IdCardRecord:
        return self.driver.read_card(timeout_s, cancel)

    def close(self) -> None:
        self.driver.close()
        self.emulator.close()


# -- the interactive emulator ------------------------------------------------------------------

_HELP = """\
present N|LABEL    place card N (1, 2, ...) or the card with that label on the reader
remove             lift the card off the reader
list               the cards of the fixture file, masked
status             the card on the reader, reads so far and the faults set
fault NAME [VALUE] no_card on|off, read_fail N, lift_during_read N, corrupt N, drop N, noise N,
                   mute N, split on|off, slow SECONDS; 'fault clear' clears them all
replug             unplug the reader and plug it back
quit               stop the emulator"""

_COUNT_FAULTS = ("read_fail", "lift_during_read", "corrupt", "drop", "noise", "mute")


def set_fault(faults: IdReaderFaults, name: str, value: str) -> None:
    """Set one fault by its name as the CLI and the interactive session spell it.

    Raises ValueError naming the fault or the value that is wrong.
    """
    name = name.replace("-", "_")
    name = "slow_s" if name == "slow" else name
    try:
        if name in ("no_card", "split"):
            setattr(faults, name, value.lower() in ("on", "1", "yes", "true"))
        elif name == "slow_s":
            seconds = float(value)
            if not 0 <= seconds <= 60:
                raise ValueError
            faults.slow_s = seconds
        elif name in _COUNT_FAULTS:
            count = int(value)
            if count < 0:
                raise ValueError
            setattr(faults, name, count)
        else:
            raise LookupError(name)
    except LookupError:
        raise ValueError(f"no fault called {name!r} (type 'help')") from None
    except ValueError:
        raise ValueError(f"{value!r} is not a value for the fault {name!r} (type 'help')") from None


class _Session:
    def __init__(self, emulator: IdReaderEmulator, cards: list[VirtualIdCard], out: TextIO) -> None:
        self.emulator = emulator
        self.cards = cards
        self.out = out

    def say(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def card(self, which: str) -> VirtualIdCard:
        if which.isdigit() and 1 <= int(which) <= len(self.cards):
            return self.cards[int(which) - 1]
        for card in self.cards:
            if card.label == which:
                return card
        raise ValueError(f"no card {which!r} (type 'list')")

    def run(self, words: list[str]) -> None:
        verb, args = words[0].lower(), words[1:]
        emulator = self.emulator
        if verb == "present" and len(args) == 1:
            card = self.card(args[0])
            emulator.present(card)
            self.say(f"on the reader: {card.describe()}")
        elif verb == "remove":
            lifted = emulator.remove()
            self.say(f"lifted {lifted.label}" if lifted else "no card was on the reader")
        elif verb == "list":
            for number, card in enumerate(self.cards, 1):
                self.say(f"{number}. {card.describe()}")
            if not self.cards:
                self.say("no cards (start with --cards FILE)")
        elif verb == "status":
            lying = emulator.card
            self.say(f"on the reader: {lying.describe()}" if lying else "no card on the reader")
            self.say(f"reads: {emulator.reads}; faults: {emulator.faults}")
        elif verb == "fault":
            if args == ["clear"]:
                emulator.faults.clear()
            elif len(args) == 2:
                set_fault(emulator.faults, args[0], args[1])
            else:
                raise ValueError("fault NAME VALUE (type 'help')")
            self.say(f"faults: {emulator.faults}")
        elif verb == "replug":
            emulator.replug()
            self.say("replugged")
        else:
            raise ValueError(f"unknown command {verb!r} (type 'help')")


def run_interactive(
    link: Path,
    cards: list[VirtualIdCard],
    options: IdReaderEmulatorOptions | None = None,
    stdin: TextIO | Iterable[str] | None = None,
    stdout: TextIO | None = None,
    commands: Sequence[str] = (),
) -> int:
    """Run the emulator on ``link`` and take the visitor's hands (``commands`` first, then stdin)
    until ``quit``; with no terminal, until it is stopped."""
    options = options or IdReaderEmulatorOptions()
    emulator = IdReaderEmulator(link, options)
    session = _Session(emulator, cards, stdout or sys.stdout)
    shell = Shell(emulator, session.run, _HELP, session.out, prompt="idreader> ")
    emulator.on_read = lambda card: session.say(f"read {card.describe()}")

    def banner() -> str:
        pace = f", paced at {options.baudrate} baud" if options.baudrate else ""
        return (
            f"ID-card reader emulator on {link} -> {emulator.link.port}{pace}, "
            f"{len(cards)} card(s). Type 'help'."
        )

    return shell.run(banner, stdin or sys.stdin, commands)


def run_from_cli(
    link: Path,
    cards_file: Path | None = None,
    baudrate: int | None = None,
    faults: Sequence[str] = (),
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    present: str | None = None,
) -> int:
    """``kiosk emulate idreader``: load the cards, set the faults (``NAME=VALUE``), lay the card
    ``present`` (N or LABEL) on the reader and run the shell (interactive, or as a service).

    Returns 0, or 2 with the problem on stderr when the cards or a fault are wrong.
    """
    try:
        if baudrate is not None and baudrate not in BAUDRATES:
            raise ValueError(f"--baudrate: the module runs at {', '.join(map(str, BAUDRATES))} baud")
        cards = load_cards(cards_file) if cards_file is not None else demo_cards()
        options = IdReaderEmulatorOptions(baudrate=baudrate)
        for item in faults:
            name, sep, value = item.partition("=")
            if not sep:
                raise ValueError(f"--fault {item!r}: write NAME=VALUE, e.g. corrupt=2 or split=on")
            set_fault(options.faults, name, value)
    except ValueError as exc:
        print(f"kiosk emulate idreader: {exc}", file=sys.stderr)
        return 2
    commands = [] if present is None else [f"present {shlex.quote(present)}"]
    return run_interactive(link, cards, options, stdin=stdin, stdout=stdout, commands=commands)
