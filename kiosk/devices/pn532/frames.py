"""The PN532 host-controller frame format, per the NXP PN532 User Manual (UM0701-02, section 6.2).

Normal information frame::

    00 | 00 FF | LEN | LCS | TFI | PD0 .. PDn | DCS | 00
    preamble, start code, LEN = bytes in TFI..PDn, LEN + LCS = 0 (mod 256),
    TFI = D4 host to PN532 / D5 PN532 to host, PD0 = command code,
    TFI + PD0 + .. + PDn + DCS = 0 (mod 256), postamble

Extended information frame (data field longer than 255 bytes; the firmware takes at most 265)::

    00 | 00 FF | FF FF | LENM LENL | LCS | TFI | PD0 .. PDn | DCS | 00   (LENM + LENL + LCS = 0)

ACK ``00 00 FF 00 FF 00``, NACK ``00 00 FF FF 00 00`` (host asks for the last response again) and
the application-level error frame ``00 00 FF 01 FF 7F 81 00`` (the PN532 found a syntax error).
A normal frame carries up to 255 bytes including the TFI (section 6.2.1.1), so LEN FF is valid
with LCS 01; LEN/LCS FF 00 is the NACK and FF FF announces an extended frame. The PN532 answers
with a normal frame up to 255 bytes and an extended one beyond; the host may use either.

The preamble and postamble "can be composed with an undetermined number of bytes", so the parser
treats any bytes between frames as fill and only synchronises on the start code.
"""

from __future__ import annotations

from dataclasses import dataclass

PREAMBLE = b"\x00"
START_CODE = b"\x00\xff"
POSTAMBLE = b"\x00"
TFI_HOST = 0xD4
TFI_PN532 = 0xD5
TFI_ERROR = 0x7F

ACK_FRAME = bytes.fromhex("0000ff00ff00")
NACK_FRAME = bytes.fromhex("0000ffff0000")
ERROR_FRAME = bytes.fromhex("0000ff01ff7f8100")
# HSU wake-up from power-down (and from the low-VBat state after power-on): the 0x55 byte wakes
# the PN532, and the zeros after it fill the time its oscillator needs (the manual's "long
# preamble"), so the first frame may follow directly.
WAKEUP = b"\x55\x55" + b"\x00" * 14

MAX_NORMAL_LEN = 255
MAX_EXTENDED_LEN = 265  # TFI + 264 data bytes: the PN532 firmware's buffer

# Command codes (UM0701-02 section 7). The response code is the command code + 1.
DIAGNOSE = 0x00
GET_FIRMWARE_VERSION = 0x02
GET_GENERAL_STATUS = 0x04
READ_REGISTER = 0x06
WRITE_REGISTER = 0x08
READ_GPIO = 0x0C
WRITE_GPIO = 0x0E
SET_SERIAL_BAUD_RATE = 0x10
SET_PARAMETERS = 0x12
SAM_CONFIGURATION = 0x14
POWER_DOWN = 0x16
RF_CONFIGURATION = 0x32
IN_DATA_EXCHANGE = 0x40
IN_COMMUNICATE_THRU = 0x42
IN_DESELECT = 0x44
IN_LIST_PASSIVE_TARGET = 0x4A
IN_PSL = 0x4E
IN_ATR = 0x50
IN_RELEASE = 0x52
IN_SELECT = 0x54
IN_AUTO_POLL = 0x60

# SetSerialBaudRate's BR byte -> the HSU speed (UM0701-02 section 7.2.8). 115200 is the speed
# after power-up.
SERIAL_BAUD_RATES = (9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600, 1288000)
POWER_UP_BAUDRATE = 115200

# PowerDown's WakeUpEnable bits (section 7.2.11): which sources may wake the PN532.
WAKE_HSU = 0x10
WAKE_RF_LEVEL = 0x08

# SetParameters flag (section 7.2.9): the PN532 sends its frames without preamble and postamble.
PARAM_REMOVE_PRE_POST_AMBLE = 0x40

# Status byte of InDataExchange, InRelease ...: bits 0-5 the error code (UM0701-02 section 7.1,
# table "Error code list"), bit 6 MI (more information), bit 7 NAD present.
STATUS_ERROR_MASK = 0x3F
STATUS_MESSAGES: dict[int, str] = {
    0x01: "time out, the target has not answered",
    0x02: "CRC error detected by the contactless interface",
    0x03: "parity error detected by the contactless interface",
    0x04: "erroneous bit count during anticollision/select",
    0x05: "framing error during Mifare operation",
    0x06: "abnormal bit collision during bitwise anticollision at 106 kbps",
    0x07: "communication buffer size insufficient",
    0x09: "RF buffer overflow detected by the contactless interface",
    0x0A: "RF field not switched on in time by the counterpart (active mode)",
    0x0B: "RF protocol error",
    0x0D: "overheating: the antenna drivers were switched off",
    0x0E: "internal buffer overflow",
    0x10: "invalid parameter (range, format)",
    0x12: "DEP protocol: command from the initiator not supported in target mode",
    0x13: "data format does not match the specification (DEP, Mifare or ISO/IEC 14443-4)",
    0x14: "Mifare authentication error",
    0x23: "ISO/IEC 14443-3: UID check byte is wrong",
    0x25: "DEP protocol: invalid device state for this operation",
    0x26: "operation not allowed in this configuration (host controller interface)",
    0x27: "command not acceptable in the current context (initiator/target, unknown target number, target state)",
    0x29: "the PN532 as target was released by its initiator",
    0x2A: "ISO/IEC 14443-3B: card ID mismatch, the card was exchanged",
    0x2B: "ISO/IEC 14443-3B: the card previously activated has disappeared",
    0x2C: "NFCID3 mismatch between initiator and target (DEP 212/424 kbps passive)",
    0x2D: "over-current event detected",
    0x2E: "NAD missing in DEP frame",
}
STATUS_TIMEOUT = 0x01
STATUS_MIFARE_AUTH = 0x14
STATUS_BAD_CONTEXT = 0x27


def status_error(status: int) -> int:
    """The error code in a status byte (0 = success)."""
    return status & STATUS_ERROR_MASK


def status_message(status: int) -> str:
    """A readable description of a status byte, for error messages and logs."""
    code = status_error(status)
    return STATUS_MESSAGES.get(code, f"unknown PN532 error 0x{code:02X}")


class FrameError(ValueError):
    """Bytes that are not a PN532 frame (the codec's only error)."""


@dataclass(frozen=True)
class Ack:
    """The ACK frame: the previous frame arrived (or, from the host, abort the current command)."""


@dataclass(frozen=True)
class Nack:
    """The NACK frame: send the last response again."""


@dataclass(frozen=True)
class ErrorFrame:
    """The application-level error frame: the PN532 found a syntax error in the command."""


@dataclass(frozen=True)
class Frame:
    """An information frame: ``tfi`` D4 / D5 and ``data`` = PD0..PDn (PD0 is the command code)."""

    tfi: int
    data: bytes

    @property
    def code(self) -> int:
        """The command (or response) code, PD0."""
        return self.data[0] if self.data else -1


@dataclass(frozen=True)
class BadFrame:
    """A frame whose length checksum held but whose data checksum did not: worth a NACK."""

    raw: bytes


Event = Ack | Nack | ErrorFrame | Frame | BadFrame


def _checksum(data: bytes) -> int:
    return -sum(data) & 0xFF


def encode_frame(tfi: int, data: bytes) -> bytes:
    """One information frame; the extended form when TFI + data exceed 255 bytes."""
    if not 0 <= tfi <= 0xFF:
        raise FrameError("TFI is one byte")
    body = bytes([tfi]) + bytes(data)
    if len(body) > MAX_EXTENDED_LEN:
        raise FrameError(f"a PN532 frame carries at most {MAX_EXTENDED_LEN} bytes, not {len(body)}")
    if len(body) <= MAX_NORMAL_LEN:
        header = bytes([len(body), _checksum(bytes([len(body)]))])
    else:
        length = len(body).to_bytes(2, "big")
        header = b"\xff\xff" + length + bytes([_checksum(length)])
    return PREAMBLE + START_CODE + header + body + bytes([_checksum(body)]) + POSTAMBLE


def encode_command(code: int, params: bytes = b"") -> bytes:
    """A host-to-PN532 command frame."""
    return encode_frame(TFI_HOST, bytes([code]) + params)


def encode_response(command_code: int, params: bytes = b"") -> bytes:
    """A PN532-to-host response frame for ``command_code`` (the response code is one more)."""
    return encode_frame(TFI_PN532, bytes([(command_code + 1) & 0xFF]) + params)


class FrameParser:
    """Turns a byte stream, arriving in pieces of any size, into frames.

    Anything before a start code is skipped (garbage, fill, the preamble). A start code whose
    length checksum fails is skipped too. A frame whose data checksum fails is reported as
    :class:`BadFrame` and the search resumes just after its start code, so a real frame hidden
    in a broken one is still found. :meth:`give_up` drops an incomplete frame that will never
    complete (bytes were lost on the line).
    """

    def __init__(self) -> None:
        self._buf = bytearray()
        self.discarded = 0  # bytes skipped as garbage, for diagnostics

    @property
    def pending(self) -> int:
        """How many bytes are buffered waiting for the rest of a frame."""
        return len(self._buf)

    def clear(self) -> None:
        self._buf.clear()

    def feed(self, data: bytes) -> list[Event]:
        """Add ``data``; return every frame now complete, in order."""
        self._buf += data
        return self._drain()

    def give_up(self) -> list[Event]:
        """The line went quiet: whatever partial frame is buffered is dead; rescan past it."""
        events: list[Event] = []
        while self._buf:
            start = self._buf.find(START_CODE)
            if start < 0:
                break
            self._skip(start + 1)
            events += self._drain()
        self.discarded += len(self._buf)
        self._buf.clear()
        return events

    def _skip(self, n: int) -> None:
        self.discarded += n
        del self._buf[:n]

    def _drain(self) -> list[Event]:
        events: list[Event] = []
        while True:
            start = self._buf.find(START_CODE)
            if start < 0:
                # Keep a trailing 00: it may be the first half of a start code.
                keep = 1 if self._buf.endswith(b"\x00") else 0
                self._skip(len(self._buf) - keep)
                return events
            self._skip(start)
            outcome = self._parse_at_start()
            if outcome is None:
                return events  # incomplete: wait for more bytes
            if isinstance(outcome, int):
                self._skip(outcome)  # not a frame after all: resume past this start code
                continue
            event, used = outcome
            del self._buf[:used]
            events.append(event)

    def _parse_at_start(self) -> tuple[Event, int] | int | None:
        """Parse the frame at the start of the buffer (which begins with 00 FF).

        Returns (event, bytes used), or a number of bytes to skip, or None when incomplete.
        """
        buf = self._buf
        if len(buf) < 4:
            return None
        length, lcs = buf[2], buf[3]
        if (length, lcs) == (0x00, 0xFF):
            return Ack(), 4
        if (length, lcs) == (0xFF, 0x00):
            return Nack(), 4
        if (length, lcs) == (0xFF, 0xFF):
            if len(buf) < 7:
                return None
            length = buf[4] << 8 | buf[5]
            if (buf[4] + buf[5] + buf[6]) & 0xFF or not 0 < length <= MAX_EXTENDED_LEN:
                return 2
            head = 7
        else:
            if (length + lcs) & 0xFF or length == 0:
                return 2
            head = 4
        end = head + length + 1  # data field and DCS
        if len(buf) < end:
            return None
        body = bytes(buf[head : head + length])
        if (sum(body) + buf[end - 1]) & 0xFF:
            # Report the broken frame but consume only its start code: a real frame may sit inside.
            return BadFrame(bytes(buf[:end])), 2
        if body == bytes([TFI_ERROR]):
            return ErrorFrame(), end
        return Frame(body[0], body[1:]), end
