"""The MSR206 / MSR605 ESC command set, ISO 7811 track character sets, and our track-2 payload.

Everything here is pure: bytes in, values out. The driver and the emulator both use it, so the
emulator cannot drift from what the driver sends.

Wire format, as the MSR206 Programmer's Manual (UDN PM017-U rev. C.1, sections 6-8) and the
MSR605 manual (rev. B) define it, 9600 baud 8N1 by default:

* commands are ``ESC <letter> [arguments]``; replies start with ``ESC`` and are not
  self-delimiting, so the host must know which reply it is waiting for (:class:`ReplyKind`);
* a [Data Block] is ``ESC s  ESC 01 <track 1>  ESC 02 <track 2>  ESC 03 <track 3>  ? FS`` (the
  track selectors are the bytes 01-03, not the digits). Written track strings carry no
  sentinels (the encoder adds ``%``/``;`` ... ``?`` and the LRC); read strings arrive with them;
* a read reply is a data block followed by ``ESC <status>``; a write replies ``ESC <status>``
  only after the card is swiped; status ``0`` OK, ``1`` read/write error, ``2`` command format
  error, ``4`` invalid command, ``9`` invalid card swipe in write mode;
* on a read, an empty track is its selector alone (``ESC 01``, the MSR206 manual) or
  ``ESC 01 ESC +`` (MSR605-family firmware); an unreadable track is ``ESC 01 ESC *``;
* raw read and write (``ESC m``, ``ESC n``) carry a [Raw Data Block]: ``ESC s``, then per track
  ``ESC <n> <length> <bytes>``, then ``? FS`` (and ``ESC <status>`` after a read). The bytes are
  the stripe's bits as they pass the head, packed bits-per-character (``ESC o``) to a byte,
  first bit in the least significant place (MSR605 manual section 9).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

ESC = 0x1B
FS = 0x1C
_ESC = b"\x1b"

# -- command letters (the byte after ESC) ------------------------------------------------------
RESET = ord("a")
READ = ord("r")
WRITE = ord("w")
COMM_TEST = ord("e")
ERASE = ord("c")
SELECT_BPI = ord("b")
READ_RAW = ord("m")
WRITE_RAW = ord("n")
GET_MODEL = ord("t")
GET_FIRMWARE = ord("v")
SET_BPC = ord("o")
SET_HICO = ord("x")
SET_LOCO = ord("y")
GET_COERCIVITY = ord("d")
SET_LEADING_ZERO = ord("z")
CHECK_LEADING_ZERO = ord("l")
ALL_LEDS_OFF = 0x81
ALL_LEDS_ON = 0x82
GREEN_LED_ON = 0x83
YELLOW_LED_ON = 0x84
RED_LED_ON = 0x85
SENSOR_TEST = 0x86
RAM_TEST = 0x87

# Arguments each command carries after its letter (the write's data block is framed separately).
_ARGUMENT_BYTES = {ERASE: 1, SELECT_BPI: 1, SET_BPC: 3, SET_LEADING_ZERO: 2}

# -- status and acknowledgement bytes ----------------------------------------------------------
STATUS_OK = 0x30  # '0'
STATUS_RW_ERROR = 0x31  # '1'
STATUS_FORMAT_ERROR = 0x32  # '2'
STATUS_INVALID_COMMAND = 0x34  # '4'
STATUS_INVALID_SWIPE = 0x39  # '9'
ACK_FAIL = 0x41  # 'A': erase, BPI, leading-zero and RAM-test replies
COMM_OK = ord("y")
NO_DATA = ord("+")
BAD_DATA = ord("*")

_STATUS_TEXT = {
    STATUS_OK: "OK",
    STATUS_RW_ERROR: "read/write error",
    STATUS_FORMAT_ERROR: "command format error",
    STATUS_INVALID_COMMAND: "invalid command",
    STATUS_INVALID_SWIPE: "invalid card swipe in write mode",
    ACK_FAIL: "command failed",
}


def describe_status(code: int) -> str:
    """The manual's words for a status byte, e.g. ``'1' (read/write error)``."""
    text = _STATUS_TEXT.get(code, "undocumented error" if 0x30 <= code <= 0x3F else "unknown status")
    return f"{chr(code)!r} ({text})" if 0x20 <= code < 0x7F else f"0x{code:02X} ({text})"


def _is_status(code: int) -> bool:
    # The manual: "Status = [30] no error, Status = [31]~[3F] if error"; 'A' fails a setting.
    return 0x30 <= code <= 0x3F or code == ACK_FAIL


# -- ISO 7811 tracks ---------------------------------------------------------------------------


class MsrCodecError(ValueError):
    """Bytes or text the MSR codec cannot encode or decode; the message says why."""


class TrackDataError(MsrCodecError):
    """Text a track cannot carry: a character outside its set, or more than it holds."""


@dataclass(frozen=True)
class TrackSpec:
    """One ISO 7811-2 track: its sentinels, density, character set and data capacity."""

    number: int
    start_sentinel: str
    bits_per_char: int  # including the odd parity bit
    bpi: int
    capacity: int  # data characters, without start sentinel, end sentinel and LRC
    alphabet: frozenset[str]
    described: str

    def check(self, text: str) -> str:
        """Return ``text`` if this track can carry it, else raise :class:`TrackDataError`."""
        if len(text) > self.capacity:
            raise TrackDataError(
                f"track {self.number} holds at most {self.capacity} characters, not {len(text)}"
            )
        for position, char in enumerate(text, start=1):
            if char not in self.alphabet:
                raise TrackDataError(
                    f"track {self.number} cannot carry {char!r} (character {position}): "
                    f"it holds {self.described}"
                )
        return text


END_SENTINEL = "?"
# Track 1: the 6-bit set 0x20-0x5F (space, digits, upper-case letters, punctuation); '%' and '?'
# are its sentinels. Tracks 2 and 3: the 4-bit set 0x30-0x3F, the ten digits and ':' '<' '=' '>'
# ('=' is the field separator); ';' and '?' are the sentinels.
TRACKS = {
    1: TrackSpec(
        1,
        "%",
        7,
        210,
        76,
        frozenset(chr(c) for c in range(0x20, 0x60)) - {"%", "?"},
        "space, digits, upper-case letters and the punctuation of ASCII 0x20-0x5F except % and ?",
    ),
    2: TrackSpec(2, ";", 5, 75, 37, frozenset("0123456789:<=>"), "the digits 0-9 and the symbols : < = >"),
    3: TrackSpec(3, ";", 5, 210, 104, frozenset("0123456789:<=>"), "the digits 0-9 and the symbols : < = >"),
}


def check_track(number: int, text: str) -> str:
    """Check ``text`` for track ``number`` (1-3); return it or raise :class:`TrackDataError`."""
    spec = TRACKS.get(number)
    if spec is None:
        raise TrackDataError(f"there is no track {number} (ISO cards have tracks 1, 2 and 3)")
    return spec.check(text)


@dataclass(frozen=True)
class Tracks:
    """The three tracks' data without sentinels; ``''`` is an empty (blank) track."""

    track1: str = ""
    track2: str = ""
    track3: str = ""

    def __getitem__(self, number: int) -> str:
        return (self.track1, self.track2, self.track3)[number - 1]

    @property
    def blank(self) -> bool:
        return not (self.track1 or self.track2 or self.track3)

    def replaced(self, number: int, text: str) -> Tracks:
        values = [self.track1, self.track2, self.track3]
        values[number - 1] = text
        return Tracks(*values)

    def checked(self) -> Tracks:
        for number in (1, 2, 3):
            check_track(number, self[number])
        return self


# -- the stripe's bits -------------------------------------------------------------------------
# ISO 7811-2 writes a track as characters from the start sentinel to the end sentinel and the LRC
# character, each its data bits (least significant first) and an odd parity bit. The encoder's ISO
# commands see the characters; its raw commands see these bits. A bit string is '0'/'1' text.

_CHAR_OFFSET = {1: 0x20, 2: 0x30, 3: 0x30}  # track 1 codes ASCII 0x20-0x5F, tracks 2-3 0x30-0x3F


def _char_bits(value: int, width: int) -> str:
    data = format(value, f"0{width - 1}b")[::-1]
    return data + ("0" if data.count("1") % 2 else "1")


def stripe_bits(number: int, text: str) -> str:
    """The bits ISO 7811 puts on track ``number`` for ``text`` (no leading zeros); '' if empty."""
    if not text:
        return ""
    spec = TRACKS[number]
    check_track(number, text)
    offset = _CHAR_OFFSET[number]
    values = [ord(c) - offset for c in spec.start_sentinel + text + END_SENTINEL]
    lrc = 0
    for value in values:
        lrc ^= value
    return "".join(_char_bits(value, spec.bits_per_char) for value in [*values, lrc])


def decode_stripe(number: int, bits: str) -> str | None:
    """The ISO characters on a track's bits: '' for a blank track (no flux change), None when
    they are not ISO data (no start sentinel, a parity or LRC error, no end sentinel)."""
    start = bits.find("1")
    if start < 0:
        return ""
    spec = TRACKS[number]
    width, offset = spec.bits_per_char, _CHAR_OFFSET[number]
    chars: list[str] = []
    lrc = 0
    for pos in range(start, len(bits) - width + 1, width):
        chunk = bits[pos : pos + width]
        if chunk.count("1") % 2 == 0:
            return None
        value = int(chunk[: width - 1][::-1], 2)
        if chars and chars[-1] == END_SENTINEL:  # this is the LRC character
            if value != lrc:
                return None
            try:
                return spec.check("".join(chars[1:-1]))
            except TrackDataError:
                return None
        char = chr(value + offset)
        if not chars and char != spec.start_sentinel:
            return None
        chars.append(char)
        lrc ^= value
    return None


def pack_bits(bits: str, bpc: int) -> bytes:
    """Bits as the raw commands carry them: ``bpc`` to a byte, the first in bit 0."""
    return bytes(int(bits[i : i + bpc].ljust(bpc, "0")[::-1], 2) for i in range(0, len(bits), bpc))


def unpack_bits(data: bytes, bpc: int) -> str:
    """The bits of raw bytes at ``bpc`` bits per byte (higher bits are ignored)."""
    return "".join(format(byte & ((1 << bpc) - 1), f"0{bpc}b")[::-1] for byte in data)


# -- our payload on track 2 --------------------------------------------------------------------

TRACK2_DIGITS = TRACKS[2].capacity  # 37
MAX_PAYLOAD_BYTES = 15
# Every byte string of 0..15 bytes gets its own number (bijective numbering), so the length
# travels in the number's range at no cost: an explicit length digit would not fit, since 15
# bytes alone need 37 decimal digits. Full 15-byte payloads take 0 .. 256**15 - 1, exactly the
# plain big-endian integer (the credential codec's compact form reads the same digits); shorter
# ones follow, longest first. All of them together stay below 10**37.
_BASES: dict[int, int] = {
    length: sum(256**k for k in range(length + 1, MAX_PAYLOAD_BYTES + 1))
    for length in range(MAX_PAYLOAD_BYTES + 1)
}
assert _BASES[0] + 1 <= 10**TRACK2_DIGITS


def payload_to_track2(payload: bytes) -> str:
    """Our payload as the 37 decimal digits written on track 2; it round-trips exactly.

    A 15-byte payload is its big-endian integer, zero-padded. Raises :class:`TrackDataError`
    for more than 15 bytes (37 digits cannot hold them).
    """
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise TrackDataError(
            f"a payload of {len(payload)} bytes does not fit on track 2: its {TRACK2_DIGITS} digits "
            f"hold at most {MAX_PAYLOAD_BYTES} bytes"
        )
    number = _BASES[len(payload)] + int.from_bytes(payload, "big")
    return f"{number:0{TRACK2_DIGITS}d}"


def track2_to_payload(text: str) -> bytes | None:
    """The payload that :func:`payload_to_track2` wrote; ``None`` for an empty track.

    Raises :class:`MsrCodecError` for anything else (a foreign card, a misread digit count).
    """
    if text == "":
        return None
    if len(text) != TRACK2_DIGITS or any(c not in "0123456789" for c in text):
        raise MsrCodecError(f"track 2 does not hold our {TRACK2_DIGITS}-digit payload")
    number = int(text)
    for length in range(MAX_PAYLOAD_BYTES, -1, -1):
        offset = number - _BASES[length]
        if offset < 256**length:
            return offset.to_bytes(length, "big")
    raise MsrCodecError("track 2 holds a number beyond any payload of ours")


# -- host -> encoder ---------------------------------------------------------------------------


def command(letter: int, arguments: bytes = b"") -> bytes:
    """``ESC <letter> <arguments>``."""
    return bytes((ESC, letter)) + arguments


def data_block(tracks: Tracks) -> bytes:
    """The [Data Block] of a write: every track, without sentinels; ``''`` leaves a track as is."""
    checked = tracks.checked()
    body = b"".join(bytes((ESC, n)) + checked[n].encode("ascii") for n in (1, 2, 3))
    return b"\x1bs" + body + b"?\x1c"


def encode_write(tracks: Tracks) -> bytes:
    """``ESC w [Data Block]``; raises :class:`TrackDataError` for text a track cannot carry."""
    return command(WRITE) + data_block(tracks)


def erase_select_byte(tracks: frozenset[int] | set[int]) -> int:
    """The erase command's [Select Byte] for a set of tracks (track 1 alone is 00000000)."""
    if not tracks or not tracks <= {1, 2, 3}:
        raise MsrCodecError(f"cannot erase tracks {sorted(tracks)}: choose from 1, 2 and 3")
    mask = sum(1 << (n - 1) for n in tracks)
    return 0 if mask == 1 else mask


def erase_tracks(select: int) -> frozenset[int] | None:
    """The tracks an erase [Select Byte] names; ``None`` for a byte the manual does not list."""
    if select == 0:
        return frozenset({1})
    if 2 <= select <= 7:
        return frozenset(n for n in (1, 2, 3) if select & (1 << (n - 1)))
    return None


def encode_erase(tracks: frozenset[int] | set[int]) -> bytes:
    """``ESC c <select>``: erase these tracks of the next card swiped."""
    return command(ERASE, bytes((erase_select_byte(tracks),)))


def encode_set_bpc(track1: int, track2: int, track3: int) -> bytes:
    """``ESC o`` with bits per character (5-8) per track; ISO is 7, 5, 5."""
    bits = (track1, track2, track3)
    if any(not 5 <= b <= 8 for b in bits):
        raise MsrCodecError(f"bits per character must be 5-8, not {bits}")
    return command(SET_BPC, bytes(bits))


def raw_data_block(raw: tuple[bytes, bytes, bytes]) -> bytes:
    """A [Raw Data Block]: ``ESC s``, ``ESC <n> <length> <bytes>`` per track, ``? FS``."""
    if any(len(data) > 0xFF for data in raw):
        raise MsrCodecError("a raw track holds at most 255 bytes (its length is one byte)")
    body = b"".join(bytes((ESC, n, len(data))) + data for n, data in enumerate(raw, start=1))
    return b"\x1bs" + body + b"?\x1c"


def encode_write_raw(raw: tuple[bytes, bytes, bytes]) -> bytes:
    """``ESC n [Raw Data Block]``: these bytes, unpacked at the bits per character set, on the
    next card swiped; an empty track is left as it is."""
    return command(WRITE_RAW) + raw_data_block(raw)


_BPI_CODES = {(1, 210): 0xA1, (1, 75): 0xA0, (2, 210): 0xD2, (2, 75): 0x4B, (3, 210): 0xC1, (3, 75): 0xC0}
BPI_BY_CODE = {code: key for key, code in _BPI_CODES.items()}


def encode_select_bpi(track: int, bpi: int) -> bytes:
    """``ESC b <density>``: 75 or 210 bits per inch on one track (ISO: 210, 75, 210)."""
    code = _BPI_CODES.get((track, bpi))
    if code is None:
        raise MsrCodecError(f"track {track} cannot be set to {bpi} bpi (choose 75 or 210 on tracks 1-3)")
    return command(SELECT_BPI, bytes((code,)))


# -- encoder -> host: what the device sends (the emulator's side) ------------------------------


def reply_status(code: int) -> bytes:
    """``ESC <status>``."""
    return bytes((ESC, code))


def _read_track(number: int, text: str, unreadable: bool, empty_marker: bool) -> bytes:
    head = bytes((ESC, number))
    if unreadable:
        return head + bytes((ESC, BAD_DATA))
    if not text:
        return head + (bytes((ESC, NO_DATA)) if empty_marker else b"")
    return head + (TRACKS[number].start_sentinel + text + END_SENTINEL).encode("ascii")


def reply_read(
    tracks: Tracks,
    status: int = STATUS_OK,
    unreadable: frozenset[int] = frozenset(),
    empty_marker: bool = False,
) -> bytes:
    """A read's reply: the data block with sentinels, then ``ESC <status>``.

    ``empty_marker`` sends ``ESC +`` for an empty track (MSR605 firmware) instead of nothing.
    """
    body = b"".join(_read_track(n, tracks[n], n in unreadable, empty_marker) for n in (1, 2, 3))
    return b"\x1bs" + body + b"?\x1c" + reply_status(status)


def reply_read_raw(raw: tuple[bytes, bytes, bytes], status: int = STATUS_OK) -> bytes:
    """A raw read's reply: the [Raw Data Block] (every track, empty ones with length 0), then
    ``ESC <status>``."""
    return raw_data_block(raw) + reply_status(status)


def reply_model(model: str) -> bytes:
    """``ESC <model> S``; the model is one character (MSR206-3 answers ``3``)."""
    return _ESC + model.encode("ascii")[:1] + b"S"


def reply_firmware(version: str) -> bytes:
    """``ESC <version>``, eight characters ``REV?X.XX``."""
    return _ESC + version.encode("ascii")


def reply_bpc(track1: int, track2: int, track3: int) -> bytes:
    """``ESC 0`` and the bits per character now set."""
    return bytes((ESC, STATUS_OK, track1, track2, track3))


def reply_coercivity(hico: bool) -> bytes:
    """``ESC H`` (writes hi-co) or ``ESC L`` (writes lo-co)."""
    return _ESC + (b"H" if hico else b"L")


def reply_leading_zero(track13: int, track2: int) -> bytes:
    """``ESC <track 1&3> <track 2>``."""
    return bytes((ESC, track13, track2))


# -- replies, parsed incrementally (the host's side) -------------------------------------------


class ReplyKind(enum.Enum):
    """What the host waits for after a command (the replies do not say what they are)."""

    STATUS = "status"  # write, erase, hi-co/lo-co, BPI, leading zero set, sensor and RAM test
    COMM_TEST = "comm_test"
    READ = "read"
    READ_RAW = "read_raw"
    MODEL = "model"
    FIRMWARE = "firmware"
    BPC = "bpc"
    COERCIVITY = "coercivity"
    LEADING_ZERO = "leading_zero"


@dataclass(frozen=True)
class StatusReply:
    """``ESC <status>``."""

    status: int

    @property
    def ok(self) -> bool:
        return self.status == STATUS_OK


@dataclass(frozen=True)
class CommOkReply:
    """``ESC y``: the link works and an MSR206-compatible encoder is on it."""


@dataclass(frozen=True)
class ReadReply:
    """A read's data block and status. ``unreadable`` lists tracks the encoder marked bad."""

    tracks: Tracks
    status: int
    unreadable: frozenset[int] = frozenset()

    @property
    def ok(self) -> bool:
        return self.status == STATUS_OK and not self.unreadable


@dataclass(frozen=True)
class RawReadReply:
    """A raw read's tracks (bytes packed bits-per-character) and status."""

    tracks: tuple[bytes, bytes, bytes]
    status: int

    @property
    def ok(self) -> bool:
        return self.status == STATUS_OK


@dataclass(frozen=True)
class ModelReply:
    model: str


@dataclass(frozen=True)
class FirmwareReply:
    version: str


@dataclass(frozen=True)
class BpcReply:
    bits: tuple[int, int, int]


@dataclass(frozen=True)
class CoercivityReply:
    hico: bool


@dataclass(frozen=True)
class LeadingZeroReply:
    track13: int
    track2: int


@dataclass(frozen=True)
class GarbledReply:
    """A reply that started but cannot be what was asked for (corrupted or cut on the line)."""

    reason: str
    raw: bytes = b""


Reply = (
    StatusReply
    | CommOkReply
    | ReadReply
    | RawReadReply
    | ModelReply
    | FirmwareReply
    | BpcReply
    | CoercivityReply
    | LeadingZeroReply
    | GarbledReply
)

# Longest read reply: three full tracks with selectors and sentinels, the frame, and slack for the
# ESC + / ESC * forms. Past this without an end the block is garbage.
MAX_DATA_BLOCK = 2 + (2 + 78) + (2 + 39) + (2 + 106) + 4 + 16
_FIRMWARE_LENGTH = 8  # "REV?X.XX"


def _printable(byte: int) -> bool:
    return 0x20 <= byte < 0x7F


def frame_raw_block(buf: bytes | bytearray, pos: int) -> tuple[tuple[bytes, bytes, bytes] | str, int] | None:
    """The [Raw Data Block] at ``buf[pos]`` (framed by its length bytes: raw data may hold any
    byte): ``(tracks, end)``, ``(why it is malformed, where)``, or None until more bytes come."""
    tracks = [b"", b"", b""]
    seen: set[int] = set()
    if len(buf) < pos + 2:
        return None
    if buf[pos : pos + 2] != b"\x1bs":
        return "a raw data block starts with ESC s", pos
    i = pos + 2
    while True:
        if len(buf) < i + 2:
            return None
        if buf[i] == ord(END_SENTINEL) and buf[i + 1] == FS:
            return (tracks[0], tracks[1], tracks[2]), i + 2
        if buf[i] != ESC or buf[i + 1] not in (1, 2, 3) or buf[i + 1] in seen:
            return f"unexpected byte 0x{buf[i]:02X} where a raw track or ? FS belongs", i
        if len(buf) < i + 3 or len(buf) < i + 3 + buf[i + 2]:
            return None
        number, length = buf[i + 1], buf[i + 2]
        tracks[number - 1] = bytes(buf[i + 3 : i + 3 + length])
        seen.add(number)
        i += 3 + length


def parse_read_body(body: bytes, status: int) -> ReadReply | GarbledReply:
    """The part of a read reply between ``ESC s`` and ``? FS ESC <status>``."""
    sections: dict[int, bytes] = {}
    i = 0
    current: int | None = None
    start = 0
    while i < len(body):
        if body[i] == ESC and i + 1 < len(body) and body[i + 1] in (1, 2, 3):
            if current is not None:
                sections[current] = body[start:i]
            current = body[i + 1]
            if current in sections:
                return GarbledReply(f"track {current} appears twice", body)
            i += 2
            start = i
            continue
        if current is None:
            return GarbledReply("data before the first track selector", body)
        i += 1
    if current is not None:
        sections[current] = body[start:]
    texts = ["", "", ""]
    unreadable: set[int] = set()
    for number, raw in sections.items():
        if raw in (b"", bytes((ESC, NO_DATA))):
            continue
        if raw == bytes((ESC, BAD_DATA)):
            unreadable.add(number)
            continue
        spec = TRACKS[number]
        try:
            text = raw.decode("ascii")
        except UnicodeDecodeError:
            return GarbledReply(f"track {number} is not ASCII", body)
        if len(text) < 2 or text[0] != spec.start_sentinel or text[-1] != END_SENTINEL:
            return GarbledReply(f"track {number} lacks its sentinels", body)
        try:
            texts[number - 1] = spec.check(text[1:-1])
        except TrackDataError as exc:
            return GarbledReply(str(exc), body)
    if not _is_status(status):
        return GarbledReply(f"read status {describe_status(status)}", body)
    return ReadReply(Tracks(*texts), status, frozenset(unreadable))


@dataclass
class ReplyParser:
    """Frames one kind of reply out of bytes arriving in any pieces, skipping line garbage.

    :meth:`feed` never raises: bytes that cannot start the expected reply are dropped (counted in
    :attr:`discarded`), and a data block that cannot be parsed becomes a :class:`GarbledReply`.
    """

    kind: ReplyKind
    discarded: int = 0
    received: int = 0
    _buffer: bytearray = field(default_factory=bytearray)

    @property
    def pending(self) -> bool:
        """Part of a reply is buffered: the rest should follow within a few byte times."""
        return bool(self._buffer)

    def feed(self, data: bytes) -> list[Reply]:
        """Add ``data``; return every reply it completes, in order."""
        self.received += len(data)
        self._buffer += data
        replies: list[Reply] = []
        while True:
            self.discarded += _drop_to_esc(self._buffer)
            result = self._frame()
            if result is None:  # need more bytes (or nothing is left)
                break
            if isinstance(result, int):  # not a reply: drop the ESC and look again
                self.discarded += 1
                del self._buffer[:1]
                continue
            reply, used = result
            del self._buffer[:used]
            replies.append(reply)
        return replies

    def _frame(self) -> tuple[Reply, int] | int | None:
        """Try a reply at the buffer's ESC: (reply, bytes used), -1 for no reply, None for more."""
        buf = self._buffer
        if len(buf) < 2:
            return None
        code = buf[1]
        kind = self.kind
        if kind is ReplyKind.READ:
            if code == ord("s"):
                return self._data_block()
            return (StatusReply(code), 2) if _is_status(code) else -1
        if kind is ReplyKind.READ_RAW:
            if code == ord("s"):
                return self._raw_block()
            return (StatusReply(code), 2) if _is_status(code) else -1
        if kind is ReplyKind.STATUS:
            return (StatusReply(code), 2) if _is_status(code) else -1
        if kind is ReplyKind.COMM_TEST:
            return (CommOkReply(), 2) if code == COMM_OK else -1
        if kind is ReplyKind.COERCIVITY:
            if code in b"HhLl":
                return CoercivityReply(code in b"Hh"), 2
            return -1
        if kind is ReplyKind.MODEL:
            if not _printable(code):
                return -1
            if len(buf) < 3:
                return None
            return (ModelReply(chr(code)), 3) if buf[2] == ord("S") else -1
        if kind is ReplyKind.FIRMWARE:
            return self._firmware()
        if kind is ReplyKind.BPC:
            if code != STATUS_OK:
                return (StatusReply(code), 2) if _is_status(code) else -1
            if any(not 5 <= b <= 8 for b in buf[2:5]):
                return -1
            if len(buf) < 5:
                return None
            return BpcReply((buf[2], buf[3], buf[4])), 5
        # LEADING_ZERO: any two bytes
        if len(buf) < 3:
            return None
        return LeadingZeroReply(buf[1], buf[2]), 3

    def _firmware(self) -> tuple[Reply, int] | int | None:
        version = self._buffer[1 : 1 + _FIRMWARE_LENGTH]
        if not version.startswith(b"REV"[: len(version)]) or not all(map(_printable, version)):
            return -1
        if len(version) < _FIRMWARE_LENGTH:
            return None
        return FirmwareReply(version.decode("ascii")), 1 + _FIRMWARE_LENGTH

    def _raw_block(self) -> tuple[Reply, int] | int | None:
        buf = self._buffer
        framed = frame_raw_block(buf, 0)
        if framed is None:
            return None
        tracks, end = framed
        if isinstance(tracks, str):
            return GarbledReply(tracks, bytes(buf[:end])), max(end, 2)
        if len(buf) < end + 2:
            return None
        if buf[end] != ESC or not _is_status(buf[end + 1]):
            return GarbledReply("a raw data block without its status", bytes(buf[:end])), end
        return RawReadReply(tracks, buf[end + 1]), end + 2

    def _data_block(self) -> tuple[Reply, int] | int | None:
        # Only the first MAX_DATA_BLOCK bytes may hold the end, so the outcome does not depend on
        # how the bytes were split on the way in.
        buf = self._buffer
        end = buf.find(b"?\x1c\x1b", 2, MAX_DATA_BLOCK - 1)
        if end >= 0:
            if end + 3 >= len(buf):
                return None
            return parse_read_body(bytes(buf[2:end]), buf[end + 3]), end + 4
        if len(buf) >= MAX_DATA_BLOCK:
            return GarbledReply("a data block without its end", bytes(buf[:MAX_DATA_BLOCK])), MAX_DATA_BLOCK
        return None


# -- commands, parsed incrementally (the encoder's side) ---------------------------------------


@dataclass(frozen=True)
class Command:
    """One command as the encoder receives it. ``error`` is set for a malformed write block."""

    letter: int
    arguments: bytes = b""
    tracks: Tracks | None = None
    error: str | None = None
    raw: tuple[bytes, bytes, bytes] | None = None  # a raw write's tracks


def parse_write_block(block: bytes) -> Tracks:
    """The tracks of a write's [Data Block] (``ESC s ... ? FS``); raises :class:`MsrCodecError`."""
    if not block.startswith(b"\x1bs") or not block.endswith(b"?\x1c"):
        raise MsrCodecError("a data block starts with ESC s and ends with ? FS")
    body = block[2:-2]
    texts = ["", "", ""]
    seen: set[int] = set()
    i = 0
    while i < len(body):
        if body[i] != ESC or i + 1 >= len(body) or body[i + 1] not in (1, 2, 3):
            raise MsrCodecError(f"unexpected byte 0x{body[i]:02X} in the data block")
        number = body[i + 1]
        if number in seen:
            raise MsrCodecError(f"track {number} appears twice in the data block")
        seen.add(number)
        end = body.find(_ESC, i + 2)
        end = len(body) if end < 0 else end
        raw = body[i + 2 : end]
        try:
            text = raw.decode("ascii")
        except UnicodeDecodeError:
            raise MsrCodecError(f"track {number} is not ASCII") from None
        texts[number - 1] = check_track(number, text)
        i = end
    return Tracks(*texts)


def _drop_to_esc(buffer: bytearray) -> int:
    """Drop the line garbage before the next ESC (all of it when there is none); how many bytes."""
    start = buffer.find(ESC)
    dropped = len(buffer) if start < 0 else start
    del buffer[:dropped]
    return dropped


@dataclass
class CommandParser:
    """Frames commands out of bytes in any pieces, as the encoder's firmware does.

    A RESET (``ESC a``) inside an unfinished write block abandons the block, so a host that gave
    up mid-command gets the encoder back.
    """

    discarded: int = 0
    _buffer: bytearray = field(default_factory=bytearray)

    def feed(self, data: bytes) -> list[Command]:
        self._buffer += data
        commands: list[Command] = []
        while True:
            self.discarded += _drop_to_esc(self._buffer)
            result = self._frame()
            if result is None:  # need more bytes (or nothing is left)
                break
            cmd, used = result
            del self._buffer[:used]
            commands.append(cmd)
        return commands

    def _frame(self) -> tuple[Command, int] | None:
        buf = self._buffer
        if len(buf) < 2:
            return None
        letter = buf[1]
        if letter == WRITE:
            return self._write()
        if letter == WRITE_RAW:
            return self._write_raw()
        need = _ARGUMENT_BYTES.get(letter, 0)
        if len(buf) < 2 + need:
            return None
        return Command(letter, bytes(buf[2 : 2 + need])), 2 + need

    def _write(self) -> tuple[Command, int] | None:
        buf = self._buffer
        reset_at = buf.find(b"\x1ba", 2, MAX_DATA_BLOCK)
        end = buf.find(b"?\x1c", 2, MAX_DATA_BLOCK)
        if reset_at >= 0 and (end < 0 or reset_at < end):
            return Command(RESET), reset_at + 2
        if end < 0:
            if len(buf) >= MAX_DATA_BLOCK:
                return Command(WRITE, error="a data block without its end"), MAX_DATA_BLOCK
            return None
        try:
            tracks = parse_write_block(bytes(buf[2 : end + 2]))
        except MsrCodecError as exc:
            return Command(WRITE, error=str(exc)), end + 2
        return Command(WRITE, tracks=tracks), end + 2

    def _write_raw(self) -> tuple[Command, int] | None:
        framed = frame_raw_block(self._buffer, 2)
        if framed is None:
            return None
        raw, end = framed
        if isinstance(raw, str):
            if self._buffer[end : end + 2] == b"\x1ba":  # RESET where a track header belongs
                return Command(RESET), end + 2
            # Past the offending byte: what follows is the broken block, not commands.
            return Command(WRITE_RAW, error=raw), max(end + 1, 2)
        return Command(WRITE_RAW, raw=raw), end
