"""An MSR206 / MSR605-class magnetic-stripe encoder as a :class:`CardEncoder`, over pyserial.

A stripe has no UID and no "card on the pad": the encoder acts when the clerk swipes. So:

* :meth:`MsrEncoder.wait_for_card` arms a read (``ESC r``) and returns when a card is swiped,
  keeping what was read for :meth:`~MsrEncoder.read_payload`. The card's ``uid`` is empty, the
  same for every stripe, because whatever a MAC binds the payload to must survive a copy of the
  stripe anyway (it does not: see ``docs/hardware.md``).
* :meth:`~MsrEncoder.write_payload` arms a write (``ESC w``): the clerk swipes once to write,
  then once more to read it back. Only a second swipe that returns the written digits counts
  as issued. The encoder's own status ``0`` is not trusted alone.
* :meth:`~MsrEncoder.wipe` erases all three tracks (``ESC c``) with one swipe and checks with
  another that the stripe reads blank.

The desk's procedure is therefore: swipe to identify, swipe to write, swipe to verify (the
yellow LED of the encoder is lit while it waits). One command is on the wire at a time; a wait
can be cancelled from another thread with :meth:`~MsrEncoder.cancel` or the ``cancel`` event.
A wait that times out or is cancelled resets the encoder so it stops waiting for a swipe.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.devices.errors import (
    DeviceUnavailableError,
    EncoderCommandError,
    EncoderError,
    InvalidSwipeError,
    NoCardError,
    StripeCapacityError,
    StripeReadError,
    StripeWriteError,
)
from kiosk.devices.interfaces import Card
from kiosk.devices.msr.protocol import (
    ACK_FAIL,
    COMM_TEST,
    GET_COERCIVITY,
    GET_FIRMWARE,
    GET_MODEL,
    READ,
    RESET,
    SET_HICO,
    SET_LOCO,
    STATUS_FORMAT_ERROR,
    STATUS_INVALID_COMMAND,
    STATUS_INVALID_SWIPE,
    STATUS_OK,
    STATUS_RW_ERROR,
    BpcReply,
    CoercivityReply,
    CommOkReply,
    FirmwareReply,
    GarbledReply,
    ModelReply,
    MsrCodecError,
    ReadReply,
    Reply,
    ReplyKind,
    ReplyParser,
    StatusReply,
    TrackDataError,
    Tracks,
    command,
    describe_status,
    encode_erase,
    encode_select_bpi,
    encode_set_bpc,
    encode_write,
    payload_to_track2,
    track2_to_payload,
)
from kiosk.devices.serialport import PortLostError, SerialDevice, UrlOptions
from kiosk.domain.cards import CardKeys

log = logging.getLogger(__name__)

TECHNOLOGY = "magstripe"
STRIPE_UID = b""  # a stripe has no serial number of its own
DEFAULT_BAUDRATE = 9600  # the MSR206's factory setting
COERCIVITIES = ("hi", "lo", "keep")

_POLL_S = 0.02  # how often a wait looks at the cancel event
_RESET_SETTLE_S = 0.05  # the encoder sends nothing after a reset; give it a moment
_QUERY_ATTEMPTS = 3
_MODELS = {
    "1": "MSR206-1 (track 2)",
    "2": "MSR206-2 (tracks 2 & 3)",
    "3": "MSR206-3 (tracks 1, 2 & 3)",
    "5": "MSR206-5 (tracks 1 & 2)",
}


@dataclass(frozen=True)
class MsrInfo:
    """What ``kiosk device probe`` shows for a magnetic-stripe encoder."""

    model: str
    firmware: str
    coercivity: str
    port: str
    baudrate: int

    def __str__(self) -> str:
        return (
            f"{self.model}, firmware {self.firmware}, writes {self.coercivity} cards, "
            f"on {self.port} at {self.baudrate} baud"
        )


class _TimeoutError(Exception):
    pass


class _CancelledError(Exception):
    pass


class MsrEncoder(SerialDevice):
    """A :class:`~kiosk.devices.interfaces.CardEncoder` for an MSR206-compatible encoder.

    ``port`` is what pyserial opens (``/dev/ttyUSB0``, ``COM3``, an emulator's link).
    ``coercivity`` ``"hi"`` or ``"lo"`` is set on every open; ``"keep"`` sends nothing (models
    that write one coercivity only). Opening resets the encoder and runs the communication test:
    a port with anything else on it raises :class:`DeviceUnavailableError` saying so.
    """

    device_kind = "encoder"
    poll_s = _POLL_S

    def __init__(
        self,
        port: str,
        baudrate: int = DEFAULT_BAUDRATE,
        *,
        coercivity: str = "hi",
        swipe_timeout_s: float = 30.0,
        reply_timeout_s: float = 1.0,
        gap_s: float = 0.3,
        name: str | None = None,
    ) -> None:
        if coercivity not in COERCIVITIES:
            raise ValueError(f"coercivity must be one of {', '.join(COERCIVITIES)}, not {coercivity!r}")
        super().__init__(port, baudrate, name or f"msr://{port}")
        self._coercivity = coercivity
        self.swipe_timeout_s = swipe_timeout_s
        self._reply_timeout_s = reply_timeout_s
        self._gap_s = gap_s
        self._last_read: ReadReply | None = None
        with self._lock:
            self._open()

    @classmethod
    def from_options(cls, port: str, options: Mapping[str, str]) -> MsrEncoder:
        """Open ``port`` with a device URL's query options: ``baudrate``, ``coercivity``
        (hi, lo, keep), ``swipe_timeout`` (seconds). Raises ValueError for a bad option."""
        given = UrlOptions(options, "an MSR encoder", ("baudrate", "coercivity", "swipe_timeout"))
        return cls(
            port,
            given.integer("baudrate", DEFAULT_BAUDRATE),
            coercivity=given.text("coercivity", "hi"),
            swipe_timeout_s=given.number("swipe_timeout", 30),
        )

    # -- CardEncoder -------------------------------------------------------------------------

    def wait_for_card(self, timeout_s: float, cancel: threading.Event | None = None) -> Card:
        """Arm a read and wait for a swipe; the tracks read are kept for :meth:`read_payload`.

        If the adapter is unplugged meanwhile, the wait reopens it when it comes back.
        """
        with self._lock:
            self._cancel.clear()
            self._last_read = None
            deadline = self._clock.monotonic() + timeout_s
            while True:
                try:
                    self._ensure_open()
                    reply = self._swipe(
                        command(READ), ReplyKind.READ, deadline - self._clock.monotonic(), cancel
                    )
                    break
                except (PortLostError, DeviceUnavailableError) as exc:
                    if self._closed or self._clock.monotonic() >= deadline or self._cancelled(cancel):
                        if isinstance(exc, DeviceUnavailableError):
                            raise
                        raise DeviceUnavailableError(f"{self.name} was disconnected: {exc}") from exc
                    log.info("%s: port lost while waiting for a swipe; reopening", self.name)
                    self._clock.sleep(0.2)
            self._last_read = self._checked_read(reply)
            return Card(STRIPE_UID, TECHNOLOGY)

    def read_payload(self, card: Card, keys: CardKeys | None = None) -> bytes | None:
        """The payload on track 2 of the card last swiped; ``None`` for a blank stripe (a stripe
        has no keys: ``keys`` is not needed).

        A foreign stripe gives its raw track text (which no credential accepts). Without a
        preceding :meth:`wait_for_card` this asks for a swipe.
        """
        with self._lock:
            _check_card(card)
            if self._last_read is None:
                self._cancel.clear()
                self._ensure_open()
                try:
                    reply = self._swipe(command(READ), ReplyKind.READ, self.swipe_timeout_s, None)
                except PortLostError as exc:
                    raise StripeReadError(f"{self.name} was disconnected during the read") from exc
                self._last_read = self._checked_read(reply)
            return payload_of(self._last_read.tracks)

    def write_payload(self, card: Card, payload: bytes, keys: CardKeys | None = None) -> None:
        """Write ``payload`` on track 2 (first swipe) and read it back (second swipe).

        Raises :class:`NoCardError` if the first swipe never comes (nothing written), a
        :class:`~kiosk.devices.errors.CardWriteError` unless the read-back matched.
        """
        with self._lock:
            _check_card(card)
            try:
                digits = payload_to_track2(payload)
            except TrackDataError as exc:
                raise StripeCapacityError(str(exc)) from exc
            self._cancel.clear()
            self._last_read = None
            self._ensure_open()
            self._swipe_to_change(encode_write(Tracks(track2=digits)), "write")
            verified = self._verify_swipe()
            if verified.tracks.track2 != digits:
                raise StripeWriteError(
                    "the card read back differently from what was written: it is not issued "
                    "(swipe it to write again)"
                )
            self._last_read = verified

    def wipe(self, card: Card, keys: CardKeys | None = None) -> None:
        """Erase all three tracks (one swipe) and check the stripe reads blank (a second)."""
        with self._lock:
            _check_card(card)
            self._cancel.clear()
            self._last_read = None
            self._ensure_open()
            self._swipe_to_change(encode_erase({1, 2, 3}), "erase")
            verified = self._verify_swipe()
            if not verified.tracks.blank:
                raise StripeWriteError("the stripe still holds data after the erase: swipe to erase again")
            self._last_read = verified

    # -- beyond the Protocol -----------------------------------------------------------------

    def probe(self) -> MsrInfo:
        """Model, firmware and coercivity, for ``kiosk device probe``."""
        with self._lock:
            self._ensure_open()
            try:
                try:
                    model = self._query(command(GET_MODEL), ReplyKind.MODEL, "model")
                except PortLostError:  # unplugged and back since the last command: once more
                    self._open()
                    model = self._query(command(GET_MODEL), ReplyKind.MODEL, "model")
                firmware = self._query(command(GET_FIRMWARE), ReplyKind.FIRMWARE, "firmware version")
                mode = self._query(command(GET_COERCIVITY), ReplyKind.COERCIVITY, "coercivity")
            except PortLostError as exc:
                raise DeviceUnavailableError(f"{self.name} was disconnected: {exc}") from exc
            code = model.model if isinstance(model, ModelReply) else "?"
            return MsrInfo(
                model=_MODELS.get(code, f"MSR206-compatible (model {code!r})"),
                firmware=firmware.version if isinstance(firmware, FirmwareReply) else "?",
                coercivity="hi-co" if isinstance(mode, CoercivityReply) and mode.hico else "lo-co",
                port=self._port_name,
                baudrate=self._baudrate,
            )

    # -- opening -----------------------------------------------------------------------------

    def _handshake(self) -> None:
        for _attempt in range(_QUERY_ATTEMPTS):
            self._reset()
            try:
                reply = self._exchange(
                    command(COMM_TEST), ReplyKind.COMM_TEST, self._reply_timeout_s, reopen=False
                )
            except _TimeoutError:
                continue
            if isinstance(reply, CommOkReply):
                self._configure()
                return
        raise DeviceUnavailableError(
            f"the device on {self._port_name} does not answer like an MSR206/MSR605 encoder "
            f"(communication test ESC e got no ESC y at {self._baudrate} baud): wrong device on "
            "the port, or the wrong baud rate"
        )

    def _configure(self) -> None:
        # ISO packing (7/5/5 bits per character) and track 2 at 75 bpi, whatever a previous program
        # left behind (raw mode leaves 8/8/8, which garbles ISO reads).
        bpc = self._query(encode_set_bpc(7, 5, 5), ReplyKind.BPC, "bits per character")
        if not (isinstance(bpc, BpcReply) and bpc.bits == (7, 5, 5)):
            raise DeviceUnavailableError(f"{self.name} refused ISO bits per character: {_said(bpc)}")
        bpi = self._query(encode_select_bpi(2, 75), ReplyKind.STATUS, "track density")
        if not (isinstance(bpi, StatusReply) and bpi.ok):
            raise DeviceUnavailableError(f"{self.name} refused 75 bpi on track 2: {_said(bpi)}")
        if self._coercivity == "keep":
            return
        letter = SET_HICO if self._coercivity == "hi" else SET_LOCO
        mode = self._query(command(letter), ReplyKind.STATUS, "coercivity")
        if not (isinstance(mode, StatusReply) and mode.ok):
            raise DeviceUnavailableError(
                f"{self.name} cannot switch to {self._coercivity}-co ({_said(mode)}): "
                "use coercivity=keep for a model that writes one coercivity only"
            )

    def _reset(self) -> None:
        self._send(command(RESET))
        self._clock.sleep(_RESET_SETTLE_S)
        self._discard_input()

    # -- the wire ----------------------------------------------------------------------------

    def _exchange(
        self,
        data: bytes,
        kind: ReplyKind,
        timeout_s: float,
        cancel: threading.Event | None = None,
        reopen: bool = True,
        cancellable: bool = False,
    ) -> Reply:
        """Send one command and wait for its reply (garbage before it is skipped).

        A reply that starts and then stops for ``gap_s`` comes back as a GarbledReply rather
        than waiting out the whole timeout. If the command cannot even be sent (the adapter was
        unplugged and plugged back since the last command) the port is reopened and the command
        sent once more: the encoder never saw the first one.
        """
        parser = ReplyParser(kind)
        try:
            self._send(data)
        except PortLostError:
            if not reopen or self._closed:
                raise
            log.info("%s: the port went away since the last command; reopening", self.name)
            try:
                self._open()
            except DeviceUnavailableError as exc:
                raise PortLostError(str(exc)) from exc
            self._send(data)
        self.stats.round_trips += 1
        deadline = self._clock.monotonic() + max(0.0, timeout_s)
        last_byte = self._clock.monotonic()
        while True:
            chunk = self._receive()
            now = self._clock.monotonic()
            if chunk:
                last_byte = now
                replies = parser.feed(chunk)
                if replies:
                    if len(replies) > 1:
                        log.debug("%s: %d extra replies ignored", self.name, len(replies) - 1)
                    return replies[0]
            elif parser.pending and now - last_byte > self._gap_s:
                return GarbledReply("the reply stopped short")
            if cancellable and self._cancelled(cancel):
                raise _CancelledError
            if now >= deadline:
                raise _TimeoutError

    def _query(self, data: bytes, kind: ReplyKind, what: str) -> Reply:
        """A command answered at once; retried on silence or a garbled answer."""
        for _attempt in range(_QUERY_ATTEMPTS):
            try:
                reply = self._exchange(data, kind, self._reply_timeout_s, reopen=False)
            except _TimeoutError:
                reply = GarbledReply("no answer")
            if not isinstance(reply, GarbledReply):
                return reply
            log.debug("%s: %s: %s; asking again", self.name, what, reply.reason)
            self._clock.sleep(self._gap_s)
            self._discard_input()
        raise DeviceUnavailableError(f"{self.name} stopped answering (asked for its {what})")

    def _swipe(self, data: bytes, kind: ReplyKind, timeout_s: float, cancel: threading.Event | None) -> Reply:
        """A command that waits for a swipe; on timeout or cancel the encoder is disarmed."""
        try:
            return self._exchange(data, kind, timeout_s, cancel, cancellable=True)
        except (_TimeoutError, _CancelledError) as exc:
            cancelled = isinstance(exc, _CancelledError)
            self._disarm()
            if cancelled:
                raise NoCardError("the wait for a swipe was cancelled") from None
            raise NoCardError(f"no card was swiped within {max(0.0, timeout_s):.3g} s") from None

    def _disarm(self) -> None:
        # RESET is the only command an encoder waiting for a swipe listens to; it also clears the
        # settings on some firmware, so they are sent again.
        try:
            self._reset()
            self._configure()
        except (PortLostError, DeviceUnavailableError) as exc:
            log.warning("%s: could not reset the encoder after a wait: %s", self.name, exc)
            self._drop_port()

    def _swipe_to_change(self, data: bytes, what: str) -> None:
        """Send a write or an erase and check the status the swipe produced."""
        try:
            reply = self._swipe(data, ReplyKind.STATUS, self.swipe_timeout_s, None)
        except PortLostError as exc:
            raise StripeWriteError(
                f"{self.name} was disconnected during the {what}: the card is not issued"
            ) from exc
        if isinstance(reply, GarbledReply):
            raise StripeWriteError(
                f"the encoder's answer to the {what} was lost ({reply.reason}): swipe to {what} again"
            )
        assert isinstance(reply, StatusReply)
        status = reply.status
        if status == STATUS_OK:
            return
        if status == STATUS_INVALID_SWIPE:
            raise InvalidSwipeError(
                f"the card was not swiped properly for the {what} (status '9'): swipe it again "
                "in one steady motion"
            )
        if status in (STATUS_FORMAT_ERROR, STATUS_INVALID_COMMAND):
            raise EncoderCommandError(f"the encoder rejected the {what}: {describe_status(status)}")
        if status == ACK_FAIL:
            raise StripeWriteError(f"the encoder refused the {what} ({describe_status(status)})")
        raise StripeWriteError(
            f"the encoder could not {what} the stripe ({describe_status(status)}): a damaged "
            "stripe, or a hi-co card while the encoder writes lo-co"
        )

    def _verify_swipe(self) -> ReadReply:
        try:
            reply = self._swipe(command(READ), ReplyKind.READ, self.swipe_timeout_s, None)
            return self._checked_read(reply)
        except NoCardError as exc:
            raise StripeWriteError(
                f"the card was not swiped again to verify it ({exc}): it is not issued"
            ) from exc
        except (StripeReadError, EncoderCommandError) as exc:
            raise StripeWriteError(f"the card could not be read back ({exc}): it is not issued") from exc
        except PortLostError as exc:
            raise StripeWriteError(
                f"{self.name} was disconnected during the read-back: the card is not issued"
            ) from exc

    def _checked_read(self, reply: Reply) -> ReadReply:
        """Accept what a read swipe produced, or raise what went wrong.

        Status '1' alone is tolerated when track 2 came through, because some firmware reports
        '1' whenever any track is blank; a track the encoder marked unreadable is not.
        """
        if isinstance(reply, GarbledReply):
            raise StripeReadError(f"the encoder's reply was garbled ({reply.reason}): swipe again")
        if isinstance(reply, StatusReply):
            if reply.status in (STATUS_FORMAT_ERROR, STATUS_INVALID_COMMAND):
                raise EncoderCommandError(f"the encoder rejected the read: {describe_status(reply.status)}")
            raise StripeReadError(
                f"the stripe could not be read ({describe_status(reply.status)}): swipe again, steadily"
            )
        assert isinstance(reply, ReadReply)
        if 2 in reply.unreadable or (reply.unreadable and all(not reply.tracks[n] for n in (1, 2, 3))):
            raise StripeReadError("the stripe could not be read: swipe again, steadily")
        if reply.status not in (STATUS_OK, STATUS_RW_ERROR):
            raise StripeReadError(
                f"the stripe could not be read ({describe_status(reply.status)}): swipe again"
            )
        return reply


def payload_of(tracks: Tracks) -> bytes | None:
    """What :meth:`MsrEncoder.read_payload` returns for these tracks."""
    if tracks.blank:
        return None
    try:
        payload = track2_to_payload(tracks.track2)
    except MsrCodecError:
        payload = None
    if payload is not None:
        return payload
    # A foreign stripe: its own text, as untrusted bytes that no credential of ours decodes to.
    return "\x1c".join((tracks.track1, tracks.track2, tracks.track3)).encode("ascii")


def _check_card(card: Card) -> None:
    if card.technology != TECHNOLOGY:
        raise EncoderError(f"a {card.technology} card cannot be used on a magnetic-stripe encoder")


def _said(reply: Reply) -> str:
    if isinstance(reply, StatusReply):
        return f"answered {describe_status(reply.status)}"
    return f"answered {reply!r}"
