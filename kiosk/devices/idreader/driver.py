"""A resident ID-card reader (SAM_V serial protocol) as an :class:`~kiosk.devices.interfaces.IdCardReader`.

:meth:`SamIdCardReader.read_card` polls "find card" until a card lies on the reader, then
selects it and reads its text and photo, and returns the parsed, checked
:class:`~kiosk.devices.idreader.text.IdCardRecord`. One command is on the wire at a time.

Robust on a real line:

* every reply is checked (preamble, length, XOR); garbage before it is skipped, a reply that
  stops short is given up after ``gap_s`` of silence, and a garbled or missing reply, or the
  module's own "bad checksum / bad length" status, sends the command again (``attempts`` times);
* a failed read (status 41: the card moved or was lifted) starts again from "find card", so a
  visitor who lifts the card and puts it back is read; after ``attempts`` failed reads the error
  says to hold the card still;
* an adapter unplugged and plugged back in while waiting is reopened.

Privacy: the ID number is in the returned record only. Nothing here logs frame data, and no
exception message carries the number (the record's repr masks it).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.devices.errors import (
    DeviceUnavailableError,
    IdCardNotSupportedError,
    IdCardReadError,
    IdReaderError,
    NoIdCardError,
)
from kiosk.devices.idreader.protocol import (
    FIND_CARD,
    READ_SAM_ID,
    READ_TEXT_PHOTO,
    SAM_STATUS,
    SELECT_CARD,
    STATUS_CARD_REJECTED_SAM,
    STATUS_CHECKSUM_ERROR,
    STATUS_FOUND,
    STATUS_LENGTH_ERROR,
    STATUS_OK,
    STATUS_SAM_NOT_AUTHORISED,
    STATUS_SAM_REJECTED_CARD,
    STATUS_SELF_TEST_FAILED,
    STATUS_VERIFY_FAILED,
    STATUS_WRONG_CARD,
    BadFrame,
    FrameKind,
    FrameParser,
    ReplyFrame,
    SamCodecError,
    command,
    decode_card_record,
    decode_sam_id,
    describe_status,
)
from kiosk.devices.idreader.text import IdCardRecord, IdTextError, UnsupportedIdCardError, parse_id_text
from kiosk.devices.serialport import PortLostError, SerialDevice, wire_seconds

log = logging.getLogger(__name__)

DEFAULT_BAUDRATE = 115200  # the SAM_V module's factory setting
_POLL_S = 0.02  # pyserial read timeout: how often a wait looks at the cancel event
_READ_REPLY_BYTES = 1295  # a text + photo reply on the wire
_CARD_READ_S = 2.0  # the module's own time to read the card over the air (about 1 s in practice)
_REOPEN_PAUSE_S = 0.2
# The module reported a fault of its own: no retry helps, the reader needs service.
_MODULE_FAULTS = (STATUS_SELF_TEST_FAILED, STATUS_SAM_NOT_AUTHORISED)
# The card failed the mutual authentication or its data failed the signature check.
_AUTH_FAILURES = (STATUS_CARD_REJECTED_SAM, STATUS_SAM_REJECTED_CARD, STATUS_VERIFY_FAILED)


@dataclass(frozen=True)
class IdReaderInfo:
    """What ``kiosk device probe`` shows for an ID-card reader."""

    sam_id: str
    port: str
    baudrate: int

    def __str__(self) -> str:
        return f"resident ID-card reader, SAM {self.sam_id}, on {self.port} at {self.baudrate} baud"


class _NoReplyError(Exception):
    """No usable reply after every attempt; ``silent`` if nothing at all came back."""

    def __init__(self, message: str, silent: bool) -> None:
        super().__init__(message)
        self.silent = silent


class SamIdCardReader(SerialDevice):
    """An ID-card reader whose SAM_V module is reached through a serial port.

    ``port`` is what pyserial opens (``/dev/ttyUSB1``, ``COM4``, an emulator's link). Opening
    asks the module for its status: a port with anything else on it raises
    :class:`DeviceUnavailableError` saying so.
    """

    device_kind = "ID-card reader"
    poll_s = _POLL_S

    def __init__(
        self,
        port: str,
        baudrate: int = DEFAULT_BAUDRATE,
        *,
        reply_timeout_s: float = 0.5,
        gap_s: float = 0.1,
        poll_s: float = 0.2,
        attempts: int = 3,
        name: str | None = None,
    ) -> None:
        super().__init__(port, baudrate, name or f"idreader:{port}")
        self._reply_timeout_s = reply_timeout_s
        self._gap_s = gap_s
        self._poll_s = poll_s
        self._attempts = max(1, attempts)
        with self._lock:
            self._open()

    @classmethod
    def from_options(cls, port: str, options: Mapping[str, str]) -> SamIdCardReader:
        """Open ``port`` with a device URL's query options: ``baudrate``. Raises ValueError."""
        unknown = set(options) - {"baudrate"}
        if unknown:
            raise ValueError(f"unknown option(s) for an ID-card reader: {', '.join(sorted(unknown))}")
        try:
            baudrate = int(options.get("baudrate", DEFAULT_BAUDRATE))
        except ValueError:
            raise ValueError("baudrate must be a number") from None
        return cls(port, baudrate)

    # -- IdCardReader ------------------------------------------------------------------------

    def read_card(self, timeout_s: float, cancel: threading.Event | None = None) -> IdCardRecord:
        """Wait up to ``timeout_s`` for a card, read it and return what it says.

        Raises NoIdCardError (timeout or cancel), IdCardReadError (found but not read),
        IdCardNotSupportedError, IdReaderError (the module failed) or DeviceUnavailableError.
        """
        with self._lock:
            self._cancel.clear()
            deadline = self._clock.monotonic() + timeout_s
            failures: list[str] = []
            while True:
                if self._cancelled(cancel):
                    raise NoIdCardError("the wait for an ID card was cancelled")
                if self._clock.monotonic() >= deadline:
                    if failures:
                        raise IdCardReadError(
                            f"the card could not be read ({failures[-1]}): hold it still on the reader"
                        )
                    raise NoIdCardError(f"no ID card was placed on the reader within {timeout_s:.3g} s")
                try:
                    self._ensure_open()
                    record = self._try_read(failures)
                except (PortLostError, DeviceUnavailableError) as exc:
                    if self._closed or self._clock.monotonic() >= deadline:
                        raise DeviceUnavailableError(f"{self.name} is not available: {exc}") from exc
                    log.info("%s: port lost while waiting for a card; reopening", self.name)
                    self._drop_port()
                    self._clock.sleep(_REOPEN_PAUSE_S)
                    continue
                if record is not None:
                    return record
                if len(failures) >= self._attempts:
                    raise IdCardReadError(
                        f"the card could not be read ({failures[-1]}): hold it still on the reader "
                        "and try again"
                    )
                self._wait(self._poll_s, cancel)

    # -- beyond the Protocol -----------------------------------------------------------------

    def probe(self) -> IdReaderInfo:
        """The module's serial number (SAM id), for ``kiosk device probe``."""
        with self._lock:
            self._ensure_open()
            try:
                reply = self._command(READ_SAM_ID, "read the SAM id")
            except PortLostError as exc:
                raise DeviceUnavailableError(f"{self.name} was disconnected: {exc}") from exc
            if reply.sw3 != STATUS_OK:
                raise IdReaderError(f"the reader would not give its SAM id ({describe_status(reply.sw3)})")
            try:
                sam_id = str(decode_sam_id(reply.data))
            except SamCodecError as exc:
                raise IdReaderError(f"the reader's SAM id is malformed: {exc}") from None
            return IdReaderInfo(sam_id, self._port_name, self._baudrate)

    # -- one attempt -------------------------------------------------------------------------

    def _try_read(self, failures: list[str]) -> IdCardRecord | None:
        """Find, select and read once. None: no card yet, or a failure noted in ``failures``."""
        try:
            found = self._command(FIND_CARD, "find card")
        except _NoReplyError as exc:
            if exc.silent:
                raise IdReaderError(f"{self.name} stopped answering ({exc})") from None
            return None  # a damaged line, not a card problem: poll again
        if found.sw3 != STATUS_FOUND:
            self._check_module(found)
            return None  # 80: nothing on the reader
        try:
            selected = self._command(SELECT_CARD, "select card")
            if selected.sw3 != STATUS_OK:
                self._check_module(selected)
                failures.append(describe_status(selected.sw3))
                return None
            read = self._command(READ_TEXT_PHOTO, "read card", self._read_timeout())
        except _NoReplyError as exc:
            failures.append(str(exc))
            return None
        if read.sw3 != STATUS_OK:
            self._check_module(read)
            if read.sw3 == STATUS_WRONG_CARD:
                raise IdCardReadError("the card on the reader is not a resident ID card")
            if read.sw3 in _AUTH_FAILURES:
                raise IdCardReadError(
                    f"the card did not pass the reader's security check ({describe_status(read.sw3)})"
                )
            failures.append(describe_status(read.sw3))
            return None
        try:
            block = decode_card_record(read.data)
        except SamCodecError as exc:
            failures.append(f"malformed reply: {exc}")
            return None
        try:
            return parse_id_text(block.text, block.photo)
        except UnsupportedIdCardError:
            raise IdCardNotSupportedError(
                "a foreign permanent-residence card: choose 'Other' and type its number"
            ) from None
        except IdTextError as exc:
            raise IdCardReadError(f"the card's data could not be understood ({exc.code})") from None

    def _check_module(self, reply: ReplyFrame) -> None:
        if reply.sw3 in _MODULE_FAULTS:
            raise IdReaderError(
                f"the reader's security module reports a fault ({describe_status(reply.sw3)}): "
                "the reader needs service"
            )

    def _read_timeout(self) -> float:
        return self._reply_timeout_s + _CARD_READ_S + 2 * wire_seconds(_READ_REPLY_BYTES, self._baudrate)

    def _wait(self, seconds: float, cancel: threading.Event | None) -> None:
        end = self._clock.monotonic() + seconds
        while self._clock.monotonic() < end and not self._cancelled(cancel):
            self._clock.sleep(_POLL_S)

    # -- opening -----------------------------------------------------------------------------

    def _handshake(self) -> None:
        try:
            reply = self._command(SAM_STATUS, "SAM status")
        except (_NoReplyError, PortLostError) as exc:
            raise DeviceUnavailableError(
                f"the device on {self._port_name} does not answer like a resident ID-card reader "
                f"(SAM status AA AA AA 96 69 00 03 11 FF got no reply at {self._baudrate} baud: {exc}): "
                "wrong device on the port, or the wrong baud rate"
            ) from None
        if reply.sw3 in _MODULE_FAULTS:
            raise DeviceUnavailableError(
                f"{self.name}: the reader's security module reports {describe_status(reply.sw3)}"
            )
        log.info("%s: ID-card reader ready", self.name)

    # -- the wire ----------------------------------------------------------------------------

    def _send(self, data: bytes) -> None:
        self._discard_input()  # a late reply to an earlier command is stale
        super()._send(data)

    def _command(self, code: tuple[int, int], what: str, timeout_s: float | None = None) -> ReplyFrame:
        """Send one command and return its reply, sending it again when the reply is lost."""
        frame = command(code)
        problem = "no reply"
        for _attempt in range(self._attempts):
            reply = self._exchange(frame, self._reply_timeout_s if timeout_s is None else timeout_s)
            if isinstance(reply, ReplyFrame):
                if reply.sw3 not in (STATUS_CHECKSUM_ERROR, STATUS_LENGTH_ERROR):
                    return reply
                problem = f"the reader got our frame damaged ({describe_status(reply.sw3)})"
            else:
                problem = reply
            log.debug("%s: %s: %s; sending it again", self.name, what, problem)
        raise _NoReplyError(f"{what}: {problem}", silent=problem == "no reply")

    def _exchange(self, frame: bytes, timeout_s: float) -> ReplyFrame | str:
        """One round trip: the reply, or what went wrong with it (as text)."""
        parser = FrameParser(FrameKind.REPLY)
        self._send(frame)
        self.stats.round_trips += 1
        start = last_byte = self._clock.monotonic()
        while True:
            chunk = self._receive()
            now = self._clock.monotonic()
            results = parser.feed(chunk) if chunk else []
            if chunk:
                last_byte = now
            elif parser.pending and now - last_byte > self._gap_s:
                results = parser.give_up()
                last_byte = now
            replies = [r for r in results if isinstance(r, ReplyFrame)]
            if replies:
                return replies[0]
            bad = [r for r in results if isinstance(r, BadFrame)]
            if bad:
                log.debug("%s: bad frame from the reader: %s", self.name, bad[0].reason)
                return f"garbled reply ({bad[0].reason})"
            if now - start >= timeout_s:
                return "no reply" if not parser.pending else "the reply stopped short"
