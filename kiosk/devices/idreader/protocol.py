"""The serial frame codec of a resident ID-card reader's security module (SAM_V).

Every reader certified under GA 467-2013 carries the Ministry of Public Security's SAM_V module,
and most expose its UART protocol directly (115200 8N1 by default). A frame is::

    AA AA AA 96 69 | Len1 Len2 | CMD PARA DATA... | CHK      host -> reader
    AA AA AA 96 69 | Len1 Len2 | SW1 SW2 SW3 DATA... | CHK   reader -> host

The five-byte preamble synchronises (three AA) and marks the start (96 69). Len1/Len2 is the
big-endian count of the bytes after it, the checksum included. CHK is the XOR of every byte
between the preamble and itself (the length bytes too). SW1 and SW2 relay the card's own
status words; SW3 is the module's status (``90`` success, ``9F`` card found, ``80`` no card...).

:class:`FrameParser` reads frames from a byte stream that may be split anywhere and may carry
garbage: it skips to the next preamble, and a frame with a bad length or checksum is reported
as a :class:`BadFrame` and the search resumes one byte after its preamble (the real next frame
can start inside a frame whose length byte was corrupted). Everything else raises
:class:`SamCodecError` and nothing but that.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from enum import Enum

PREAMBLE = bytes((0xAA, 0xAA, 0xAA, 0x96, 0x69))
HEADER_SIZE = len(PREAMBLE) + 2  # preamble, Len1, Len2
# The longest frame the protocol defines is the text + photo + fingerprint reply: 3 status bytes,
# three 2-byte lengths, 256 + 1024 + 1024 bytes and the checksum (2314; 2321 on the wire). A length
# far above that is a corrupted length byte, not a frame to wait for.
MAX_LENGTH = 0x0A00

# -- commands (CMD, PARA) --------------------------------------------------------------------

RESET_SAM = (0x10, 0xFF)  # 复位 SAM_V
SAM_STATUS = (0x11, 0xFF)  # SAM_V 状态检测
READ_SAM_ID = (0x12, 0xFF)  # 读 SAM_V 管理信息 (its 16-byte serial number)
FIND_CARD = (0x20, 0x01)  # 寻找居民身份证
SELECT_CARD = (0x20, 0x02)  # 选取居民身份证
READ_TEXT_PHOTO = (0x30, 0x01)  # 读机读文字信息和相片信息
READ_NEW_ADDRESS = (0x30, 0x03)  # 读最新住址信息 (the address appended after a move)
READ_TEXT_PHOTO_FINGERPRINT = (0x30, 0x10)  # 读文字、相片和指纹信息
SET_BAUDRATE_CMD = 0x60  # PARA selects the rate; the module answers at the old rate, then switches
SET_RF_FRAME_SIZE = (0x61, 0xFF)  # DATA: the most bytes per RF frame to the card

BAUDRATE_PARA = {115200: 0x00, 57600: 0x01, 38400: 0x02, 19200: 0x03, 9600: 0x04}
BAUDRATES = tuple(BAUDRATE_PARA)

COMMAND_NAMES = {
    RESET_SAM: "reset SAM",
    SAM_STATUS: "SAM status",
    READ_SAM_ID: "read SAM id",
    FIND_CARD: "find card",
    SELECT_CARD: "select card",
    READ_TEXT_PHOTO: "read text and photo",
    READ_NEW_ADDRESS: "read new address",
    READ_TEXT_PHOTO_FINGERPRINT: "read text, photo and fingerprint",
    SET_RF_FRAME_SIZE: "set RF frame size",
}

# -- SW3: the module's status ------------------------------------------------------------------

STATUS_OK = 0x90
STATUS_NO_CONTENT = 0x91  # the card holds nothing for this item (e.g. no new address)
STATUS_FOUND = 0x9F  # find card: a card is in the field
STATUS_CHECKSUM_ERROR = 0x10  # the module got our frame with a bad checksum
STATUS_LENGTH_ERROR = 0x11  # ... with a bad length
STATUS_COMMAND_ERROR = 0x21  # ... with a command or parameter it does not know
STATUS_UNAUTHORISED = 0x23  # operation not permitted
STATUS_UNRECOGNISED_ERROR = 0x24
STATUS_CARD_REJECTED_SAM = 0x31  # the card did not accept the module's authentication
STATUS_SAM_REJECTED_CARD = 0x32  # the module did not accept the card's authentication
STATUS_VERIFY_FAILED = 0x33  # the data's signature did not verify
STATUS_INFO_LENGTH_ERROR = 0x3F
STATUS_WRONG_CARD = 0x40  # a card, but not a resident ID card
STATUS_READ_FAILED = 0x41  # reading the card failed (usually: moved or lifted mid-read)
STATUS_RANDOM_FAILED = 0x47  # the card gave no random number for authentication
STATUS_SELF_TEST_FAILED = 0x60  # the module failed its self-test and takes no commands
STATUS_SAM_NOT_AUTHORISED = 0x66  # the module has not been authorised for use
STATUS_NOT_FOUND = 0x80  # find card: no card
STATUS_SELECT_FAILED = 0x81  # select card: failed

_STATUS_TEXT = {
    STATUS_OK: "success",
    STATUS_NO_CONTENT: "the card holds no content for this item",
    STATUS_FOUND: "card found",
    STATUS_CHECKSUM_ERROR: "the reader received a frame with a bad checksum",
    STATUS_LENGTH_ERROR: "the reader received a frame with a bad length",
    STATUS_COMMAND_ERROR: "the reader does not know the command or its parameter",
    STATUS_UNAUTHORISED: "operation not permitted",
    STATUS_UNRECOGNISED_ERROR: "unrecognised error",
    STATUS_CARD_REJECTED_SAM: "the card failed to authenticate the reader",
    STATUS_SAM_REJECTED_CARD: "the reader failed to authenticate the card",
    STATUS_VERIFY_FAILED: "the card's data did not verify",
    STATUS_INFO_LENGTH_ERROR: "information length error",
    STATUS_WRONG_CARD: "not a resident ID card",
    STATUS_READ_FAILED: "reading the card failed",
    STATUS_RANDOM_FAILED: "the card gave no random number",
    STATUS_SELF_TEST_FAILED: "the reader's security module failed its self-test",
    STATUS_SAM_NOT_AUTHORISED: "the reader's security module is not authorised",
    STATUS_NOT_FOUND: "no card found",
    STATUS_SELECT_FAILED: "selecting the card failed",
}

# The data block of a text + photo reply (30 01): two big-endian lengths, then the blocks.
TEXT_SIZE = 256
PHOTO_SIZE = 1024
FINGERPRINT_SIZE = 1024  # two 512-byte templates, when the card holds fingerprints
FINGERPRINT_SIZES = (0, 512, 1024)  # none, one or two templates (30 10 replies 1297/1809/2321 bytes)
SAM_ID_SIZE = 16
NEW_ADDRESS_SIZE = 70  # 读最新住址信息: the address appended after a move, 35 UCS-2 characters
# A module answers "find card" with four zero bytes of data and "select card" with eight (the
# card's serial number as the module reports it; zeros on every reader seen in the field).
FIND_REPLY_DATA = bytes(4)
SELECT_REPLY_DATA_SIZE = 8


class SamCodecError(ValueError):
    """Bytes that are not a well-formed SAM frame or reply payload."""


class FrameKind(Enum):
    """Which way frames travel: commands to the reader or replies from it."""

    COMMAND = "command"
    REPLY = "reply"


def describe_status(sw3: int) -> str:
    """A short English description of the module's status byte, e.g. ``0x41: reading the card failed``."""
    return f"0x{sw3:02X}: {_STATUS_TEXT.get(sw3, 'unknown status')}"


def checksum(body: bytes) -> int:
    """The XOR of ``body`` (the length bytes and everything after them but the checksum)."""
    value = 0
    for byte in body:
        value ^= byte
    return value


@dataclass(frozen=True)
class CommandFrame:
    """A host-to-reader frame."""

    cmd: int
    para: int
    data: bytes = b""

    @property
    def code(self) -> tuple[int, int]:
        return (self.cmd, self.para)

    @property
    def name(self) -> str:
        if self.cmd == SET_BAUDRATE_CMD:
            return "set baud rate"
        return COMMAND_NAMES.get(self.code, f"command {self.cmd:02X} {self.para:02X}")

    def encode(self) -> bytes:
        return encode_command(self.cmd, self.para, self.data)


@dataclass(frozen=True, repr=False)
class ReplyFrame:
    """A reader-to-host frame. Its repr shows the status and data length only: the data of a
    card read holds the holder's ID number."""

    sw1: int
    sw2: int
    sw3: int
    data: bytes = b""

    @property
    def status(self) -> int:
        return self.sw3

    @property
    def ok(self) -> bool:
        return self.sw3 in (STATUS_OK, STATUS_FOUND)

    def describe(self) -> str:
        return describe_status(self.sw3)

    def encode(self) -> bytes:
        return encode_reply(self.sw3, self.data, sw1=self.sw1, sw2=self.sw2)

    def __repr__(self) -> str:
        return f"ReplyFrame(sw={self.sw1:02X} {self.sw2:02X} {self.sw3:02X}, {len(self.data)} data bytes)"


@dataclass(frozen=True)
class BadFrame:
    """Something that started like a frame but was not one (bad length or checksum)."""

    reason: str
    size: int = 0  # bytes given up on


Frame = CommandFrame | ReplyFrame


def _byte(value: int, what: str) -> int:
    if not 0 <= value <= 0xFF:
        raise SamCodecError(f"{what} {value} is not a byte")
    return value


def encode_frame(body: bytes) -> bytes:
    """Wrap ``body`` (CMD PARA DATA or SW1 SW2 SW3 DATA) in preamble, length and checksum."""
    length = len(body) + 1
    if length > MAX_LENGTH:
        raise SamCodecError(f"a frame of {length} bytes is longer than the protocol allows")
    counted = struct.pack(">H", length) + body
    return PREAMBLE + counted + bytes((checksum(counted),))


def encode_command(cmd: int, para: int, data: bytes = b"") -> bytes:
    """A command frame, e.g. ``encode_command(*FIND_CARD)`` -> ``AA AA AA 96 69 00 03 20 01 22``."""
    return encode_frame(bytes((_byte(cmd, "CMD"), _byte(para, "PARA"))) + bytes(data))


def command(code: tuple[int, int], data: bytes = b"") -> bytes:
    """The frame for one of the ``(CMD, PARA)`` constants."""
    return encode_command(code[0], code[1], data)


def encode_reply(sw3: int, data: bytes = b"", *, sw1: int = 0, sw2: int = 0) -> bytes:
    """A reply frame; SW1 and SW2 are 00 unless the card said otherwise."""
    return encode_frame(bytes((_byte(sw1, "SW1"), _byte(sw2, "SW2"), _byte(sw3, "SW3"))) + bytes(data))


def _min_length(kind: FrameKind) -> int:
    return 3 if kind is FrameKind.COMMAND else 4  # CMD PARA or SW1 SW2 SW3, and the checksum


def _frame_from_body(body: bytes, kind: FrameKind) -> Frame:
    if kind is FrameKind.COMMAND:
        return CommandFrame(body[0], body[1], body[2:])
    return ReplyFrame(body[0], body[1], body[2], body[3:])


class FrameParser:
    """Frames out of a byte stream, however it is split, with garbage skipped.

    :meth:`feed` returns the frames completed so far, and a :class:`BadFrame` for every frame
    that had to be given up. It never raises.
    """

    def __init__(self, kind: FrameKind) -> None:
        self.kind = kind
        self._buffer = bytearray()
        self.discarded = 0  # garbage bytes skipped between frames

    @property
    def pending(self) -> bool:
        """Whether part of a frame (or of a preamble) is waiting for more bytes."""
        return bool(self._buffer)

    def reset(self) -> None:
        """Forget a partial frame (after a timeout, or before a new command)."""
        self.discarded += len(self._buffer)
        self._buffer.clear()

    def feed(self, data: bytes) -> list[Frame | BadFrame]:
        self._buffer += data
        out: list[Frame | BadFrame] = []
        buf = self._buffer
        while buf:
            start = buf.find(PREAMBLE)
            if start < 0:
                self._keep_preamble_prefix()
                break
            if start:
                self.discarded += start
                del buf[:start]
            if len(buf) < HEADER_SIZE:
                break
            length = (buf[5] << 8) | buf[6]
            if not _min_length(self.kind) <= length <= MAX_LENGTH:
                out.append(BadFrame(f"impossible length {length}", HEADER_SIZE))
                self._skip_preamble()
                continue
            end = HEADER_SIZE + length
            if len(buf) < end:
                break
            if checksum(bytes(buf[5 : end - 1])) != buf[end - 1]:
                out.append(BadFrame("checksum mismatch", end))
                self._skip_preamble()
                continue
            out.append(_frame_from_body(bytes(buf[HEADER_SIZE : end - 1]), self.kind))
            del buf[:end]
        return out

    def give_up(self) -> list[Frame | BadFrame]:
        """Abandon the partial frame waiting for more bytes (the sender went quiet).

        A corrupted length byte makes a short reply look like the start of a long one; the
        bytes after its preamble may still hold a whole frame, so they are searched again.
        """
        if len(self._buffer) < HEADER_SIZE or self._buffer[: len(PREAMBLE)] != PREAMBLE:
            self.reset()
            return []
        stalled = len(self._buffer)
        self._skip_preamble()
        return [BadFrame("the frame stopped short", stalled), *self.feed(b"")]

    def _skip_preamble(self) -> None:
        # Resume the search one byte in: a frame whose length byte was corrupted may have
        # swallowed the start of the next good one.
        self.discarded += 1
        del self._buffer[:1]

    def _keep_preamble_prefix(self) -> None:
        # Keep the longest tail that could still grow into a preamble (a frame split inside it).
        buf = self._buffer
        keep = 0
        for size in range(min(len(PREAMBLE) - 1, len(buf)), 0, -1):
            if buf.endswith(PREAMBLE[:size]):
                keep = size
                break
        self.discarded += len(buf) - keep
        del buf[: len(buf) - keep]


# -- reply payloads ----------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class CardRecord:
    """The data of a read reply: the text block, the photo (WLT) and fingerprints if asked for.

    Its repr shows sizes only (the text block holds the ID number).
    """

    text: bytes
    photo: bytes
    fingerprint: bytes | None = None

    def __repr__(self) -> str:
        fp = "" if self.fingerprint is None else f", fingerprint {len(self.fingerprint)} bytes"
        return f"CardRecord(text {len(self.text)} bytes, photo {len(self.photo)} bytes{fp})"


def encode_card_record(text: bytes, photo: bytes, fingerprint: bytes | None = None) -> bytes:
    """The data of a read reply (30 01, or 30 10 when ``fingerprint`` is given)."""
    blocks = [text, photo] if fingerprint is None else [text, photo, fingerprint]
    if any(len(b) > 0xFFFF for b in blocks):
        raise SamCodecError("a block of a read reply is longer than 65535 bytes")
    return b"".join(struct.pack(">H", len(b)) for b in blocks) + b"".join(blocks)


def decode_card_record(data: bytes, *, with_fingerprint: bool = False) -> CardRecord:
    """Split the data of a successful read reply. Raises SamCodecError if the lengths disagree."""
    count = 3 if with_fingerprint else 2
    if len(data) < 2 * count:
        raise SamCodecError(f"a read reply starts with {count} lengths; it has {len(data)} bytes")
    sizes = struct.unpack(f">{count}H", data[: 2 * count])
    if sum(sizes) != len(data) - 2 * count:
        raise SamCodecError(
            f"the read reply announces {sum(sizes)} bytes of blocks and carries {len(data) - 2 * count}"
        )
    if sizes[0] != TEXT_SIZE:
        raise SamCodecError(f"the text block has {sizes[0]} bytes, not {TEXT_SIZE}")
    if sizes[1] != PHOTO_SIZE:
        raise SamCodecError(f"the photo has {sizes[1]} bytes, not {PHOTO_SIZE}")
    if with_fingerprint and sizes[2] not in FINGERPRINT_SIZES:
        raise SamCodecError(f"the fingerprint block has {sizes[2]} bytes, not one of {FINGERPRINT_SIZES}")
    pos = 2 * count
    blocks: list[bytes] = []
    for size in sizes:
        blocks.append(bytes(data[pos : pos + size]))
        pos += size
    return CardRecord(blocks[0], blocks[1], blocks[2] if with_fingerprint else None)


@dataclass(frozen=True)
class SamId:
    """The module's serial number (读 SAM_V 管理信息), shown as ``05.01-20130523-0012345678-1234567890``.

    The 16 bytes are little-endian: two 16-bit numbers, then three 32-bit numbers.
    """

    raw: bytes

    @property
    def parts(self) -> tuple[int, int, int, int, int]:
        a, b, c, d, e = struct.unpack("<HHIII", self.raw)
        return (a, b, c, d, e)

    def __str__(self) -> str:
        a, b, c, d, e = self.parts
        return f"{a:02d}.{b:02d}-{c:08d}-{d:010d}-{e:010d}"


def encode_sam_id(a: int, b: int, c: int, d: int, e: int) -> bytes:
    """The 16 bytes of a SAM id (for the emulator)."""
    try:
        return struct.pack("<HHIII", a, b, c, d, e)
    except struct.error as exc:
        raise SamCodecError(f"not a SAM id: {exc}") from None


def decode_sam_id(data: bytes) -> SamId:
    """The SAM id in a reply's data. Raises SamCodecError unless it has exactly 16 bytes."""
    if len(data) != SAM_ID_SIZE:
        raise SamCodecError(f"a SAM id has {SAM_ID_SIZE} bytes, not {len(data)}")
    return SamId(bytes(data))


def encode_new_address(address: str) -> bytes:
    """The data of a new-address reply (30 03): 35 UCS-2 characters, space-padded."""
    if len(address) > NEW_ADDRESS_SIZE // 2:
        raise SamCodecError(f"a new address holds {NEW_ADDRESS_SIZE // 2} characters, not {len(address)}")
    try:
        return address.ljust(NEW_ADDRESS_SIZE // 2).encode("utf-16-le")
    except UnicodeEncodeError:
        raise SamCodecError("a new address is UCS-2 text") from None


def decode_new_address(data: bytes) -> str:
    """The address in a new-address reply's data. Raises SamCodecError for anything else."""
    if len(data) != NEW_ADDRESS_SIZE:
        raise SamCodecError(f"a new address has {NEW_ADDRESS_SIZE} bytes, not {len(data)}")
    try:
        return data.decode("utf-16-le").rstrip(" \0")
    except UnicodeDecodeError:
        raise SamCodecError("the new address is not UCS-2 text") from None
