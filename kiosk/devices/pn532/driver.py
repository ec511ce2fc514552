"""An NXP PN532 on HSU (serial) writing Mifare Classic 1K cards, as a :class:`CardEncoder`.

Our data lives in sector 1 (blocks 4-7), nothing else on the card is touched::

    block 4   credential bytes 0-15  (the fields)
    block 5   credential bytes 16-31 (the MAC)
    block 6   unused, zero
    block 7   trailer: key A | access bits | GPB 69 | key B

Keys are diversified per card from the site key (:func:`kiosk.domain.credential.diversify_keys`),
so a card never carries the factory key once issued, and cracking one card yields that card's
keys only. The site key stays on the server: a station's driver holds none and is given each
card's keys with the request (key A to read a tapped card; key B too in a write plan). Only the
server machine's own tools (``kiosk device``) open the driver with the site key and derive them. The access bits (C1 C2 C3 = 100 on the data blocks, 011 on the trailer) let key A
read the data and the access bits, and only key B write data, keys or access bits: a reader
holding key A can read, only the desk (key B) can write or wipe.

* A blank card (sector 1 opens with the factory key A ``FFFFFFFFFFFF``) is formatted on its
  first issue: data, then the trailer with our keys.
* :meth:`Pn532Encoder.wipe` returns a card to the factory keys and access bits (FF 07 80) with
  blocks 4-6 zeroed: the known blank state.
* Verify after write: every block written is read back and compared, the new key B and key A
  are each proven by authenticating with them, and the trailer's access bits are read back.
  Only then does :meth:`~Pn532Encoder.write_payload` return; anything else raises, and the card
  counts as not issued. Formatting, writing and verifying a blank card takes 8 round trips and
  340 bytes on the wire.
* An operation goes on in the authenticated session the previous one left on the same card
  (the caller's read-back after a write costs two block reads); any error ends it.

On the line: frames per :mod:`kiosk.devices.pn532.frames`; garbage and broken frames are skipped
(resynchronising on the start code); a response that fails its checksum or stops short is asked
for again with a NACK; a command the PN532 does not acknowledge is sent again; all of it
bounded. If the adapter goes away (unplugged and plugged back) the port is reopened, the PN532
woken and configured again, and the operation started over once on the same card.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from kiosk.devices.errors import (
    CardReadError,
    CardRemovedError,
    CardWriteError,
    DeviceUnavailableError,
    EncoderError,
    ForeignCardError,
    NoCardError,
)
from kiosk.devices.interfaces import Card
from kiosk.devices.pn532 import frames as f
from kiosk.devices.pn532.mifare import (
    AUTH_A,
    AUTH_B,
    BLOCK_SIZE,
    FACTORY_ACCESS,
    FACTORY_KEY,
    FACTORY_TRAILER,
    KEY_SIZE,
    READ,
    READ_AB_WRITE_B,
    TRAILER_WRITE_B,
    WRITE,
    KeyType,
    encode_access_bits,
    trailer_block,
)
from kiosk.devices.serialport import PortLostError, SerialDevice, UrlOptions
from kiosk.domain.cards import CardKeys
from kiosk.domain.credential import CHIP_BYTES, diversify_keys

log = logging.getLogger(__name__)

SECTOR = 1
DATA_BLOCKS = (4, 5)  # the 32-byte chip credential
SPARE_BLOCK = 6
TRAILER = 7
PAYLOAD_BYTES = CHIP_BYTES
OUR_ACCESS = encode_access_bits([READ_AB_WRITE_B] * 3 + [TRAILER_WRITE_B])  # 78 77 88 69
DEFAULT_BAUDRATE = 115200
TECHNOLOGY_1K = "mifare-classic-1k"
TECHNOLOGY_4K = "mifare-classic-4k"  # sector 1 has the same layout on a 4K card
TECHNOLOGY_OTHER = "iso14443a"

_POLL_S = 0.01  # pyserial read timeout: how often a wait looks at the clock
_PASSIVE_RETRIES = 0x02  # InListPassiveTarget tries this often, then answers "no card"
_SAM_NORMAL = bytes([0x01, 0x14, 0x01])  # normal mode, 1 s virtual-card timeout, use IRQ
_MAX_RETRIES = bytes([0x05, 0xFF, 0x01, _PASSIVE_RETRIES])  # RFConfiguration item 5
_PN532_IC = 0x32
# What _configure sends: a refusal of one of these is not cured by configuring again.
_CONFIGURING = (f.SAM_CONFIGURATION, f.GET_FIRMWARE_VERSION, f.RF_CONFIGURATION)
_ZERO_BLOCK = bytes(BLOCK_SIZE)

_T = TypeVar("_T")


@dataclass(frozen=True)
class Pn532Info:
    """What ``kiosk device probe`` shows for a PN532."""

    ic: int
    version: int
    revision: int
    support: int
    port: str
    baudrate: int

    @property
    def firmware(self) -> str:
        return f"{self.version}.{self.revision}"

    def __str__(self) -> str:
        kinds = [
            name
            for bit, name in ((1, "ISO 14443A"), (2, "ISO 14443B"), (4, "ISO 18092"))
            if self.support & bit
        ]
        return (
            f"NXP PN5{self.ic:02X}, firmware {self.firmware} ({', '.join(kinds) or 'no card types'}), "
            f"on {self.port} at {self.baudrate} baud"
        )


class _NoAnswerError(Exception):
    """The PN532 did not answer a command, even after the retries."""


class _StatusError(Exception):
    """An InDataExchange came back with a non-zero status byte."""

    def __init__(self, status: int, what: str) -> None:
        self.status = status
        super().__init__(f"{what}: {f.status_message(status)} (PN532 status 0x{f.status_error(status):02X})")


class Pn532Encoder(SerialDevice):
    """A :class:`~kiosk.devices.interfaces.CardEncoder` for a PN532 on a serial (HSU) port.

    ``port_path`` is what pyserial opens (``/dev/ttyUSB0``, ``COM3``, an emulator's link);
    ``site_key`` the site's card key (at least 16 bytes) to derive sector keys from when a call
    brings none: only on the server machine; a station passes ``None`` and gives every call the
    card's :class:`~kiosk.domain.cards.CardKeys`.
    Opening wakes the PN532, configures it and reads its firmware version: a port with anything
    else on it raises :class:`DeviceUnavailableError` saying so. Every public method is
    thread-safe and holds the port for one operation at a time.
    """

    device_kind = "card encoder"
    poll_s = _POLL_S
    write_timeout_s = 2.0

    def __init__(
        self,
        port_path: str,
        site_key: bytes | None = None,
        *,
        baudrate: int = DEFAULT_BAUDRATE,
        reply_timeout_s: float = 0.5,
        gap_s: float = 0.05,
        retries: int = 3,
        reopen_timeout_s: float = 3.0,
        poll_interval_s: float = 0.1,
        name: str | None = None,
    ) -> None:
        if site_key is not None:
            diversify_keys(site_key, b"\x00\x00\x00\x00")  # raises ValueError for a short key, now
        super().__init__(port_path, baudrate, name or f"pn532:{port_path}")
        self._site_key = None if site_key is None else bytes(site_key)
        self._reply_timeout_s = reply_timeout_s
        self._gap_s = gap_s
        self._retries = retries
        self._reopen_timeout_s = reopen_timeout_s
        self._poll_interval_s = poll_interval_s
        self._parser = f.FrameParser()
        self._target: bytes | None = None  # UID of the card listed as target 1, if any
        self._halted = False  # a refused authentication halts the card until it is listed again
        # (UID, key type, key) of the authenticated session on sector 1, valid while that card is
        # the listed target and not halted: the next operation goes on without authenticating.
        self._session: tuple[bytes, KeyType, bytes] | None = None
        self._known: dict[bytes, str] = {}  # UID -> "ours" / "factory", as last seen (a hint)
        self.info: Pn532Info | None = None
        with self._lock:
            self._open()

    @classmethod
    def from_options(cls, port_path: str, site_key: bytes | None, options: Mapping[str, str]) -> Pn532Encoder:
        """Open with a device URL's query options: ``baudrate``, ``timeout`` (reply timeout, s)."""
        given = UrlOptions(options, "a PN532 encoder", ("baudrate", "timeout"))
        return cls(
            port_path,
            site_key,
            baudrate=given.integer("baudrate", DEFAULT_BAUDRATE),
            reply_timeout_s=given.number("timeout", 0.5),
        )

    # -- CardEncoder -------------------------------------------------------------------------

    def wait_for_card(self, timeout_s: float, cancel: threading.Event | None = None) -> Card:
        """Poll the field until a card is in it; NoCardError on timeout or cancel.

        The adapter may be unplugged and plugged back meanwhile: the wait reopens it.
        """
        self._cancel.clear()
        deadline = self._clock.monotonic() + timeout_s
        released = False
        while True:
            if self._cancelled(cancel):
                raise NoCardError("the wait for a card was cancelled")
            with self._lock:
                try:
                    self._ensure_open()
                    if not released and self._target is not None:
                        self._release()  # whatever we worked on before is done with
                    released = True
                    card = self._list_target()
                except (PortLostError, _NoAnswerError, DeviceUnavailableError) as exc:
                    self._drop_port()
                    if self._closed or self._clock.monotonic() >= deadline:
                        if isinstance(exc, DeviceUnavailableError):
                            raise
                        raise DeviceUnavailableError(f"{self.name} was disconnected: {exc}") from exc
                    log.info("%s: port lost while waiting for a card (%s); reopening", self.name, exc)
                    card = None
                except _StatusError as exc:  # a card that answers oddly: keep looking
                    log.info("%s: %s", self.name, exc)
                    card = None
            if card is not None:
                return card
            remaining = deadline - self._clock.monotonic()
            if remaining <= 0:
                raise NoCardError(f"no card was placed on the encoder within {max(0.0, timeout_s):.3g} s")
            waiter = cancel if cancel is not None else self._cancel
            self._clock.wait(waiter, min(self._poll_interval_s, remaining))

    def read_payload(self, card: Card, keys: CardKeys | None = None) -> bytes | None:
        """Our 32 bytes from sector 1, ``None`` for a blank card; ForeignCardError otherwise."""
        with self._lock:
            return self._run(card, "read", lambda c: self._read_op(c, self._keys(c, keys, write=False)[0]))

    def write_payload(self, card: Card, payload: bytes, keys: CardKeys | None = None) -> None:
        """Write the 32-byte credential (formatting a blank card) and verify it block by block."""
        if len(payload) != PAYLOAD_BYTES:
            raise ValueError(f"a PN532 card holds a {PAYLOAD_BYTES}-byte payload, not {len(payload)}")
        with self._lock:
            self._run(
                card, "write", lambda c: self._write_op(c, bytes(payload), *self._keys(c, keys, write=True))
            )

    def wipe(self, card: Card, keys: CardKeys | None = None) -> None:
        """Zero blocks 4-6 and put the factory keys and access bits back; verified."""
        with self._lock:
            self._run(card, "wipe", lambda c: self._wipe_op(c, self._keys(c, keys, write=True)[1]))

    # -- beyond the Protocol -----------------------------------------------------------------

    def probe(self) -> Pn532Info:
        """The chip and its firmware version (GetFirmwareVersion), for ``kiosk device probe``."""
        with self._lock:
            for attempt in range(2):
                try:
                    self._ensure_open()
                    self.info = self._firmware()
                    return self.info
                except (PortLostError, _NoAnswerError) as exc:
                    self._drop_port()
                    if attempt:
                        raise DeviceUnavailableError(f"{self.name} stopped answering: {exc}") from exc
        raise AssertionError("unreachable")

    # -- operations on sector 1 --------------------------------------------------------------

    def _keys(self, card: Card, given: CardKeys | None, *, write: bool) -> tuple[bytes, bytes]:
        """Sector 1's key A and key B for ``card``: the ones given, else derived from the site key
        (only a driver on the server machine has it). Key B is needed to write or wipe."""
        if given is None:
            if self._site_key is None:
                raise EncoderError(f"{self.name} holds no site key: the server must give this card's keys")
            return diversify_keys(self._site_key, card.uid)
        if len(given.key_a) != KEY_SIZE or (write and len(given.key_b) != KEY_SIZE):
            raise EncoderError(f"card {card.uid_hex}: the keys given do not open sector {SECTOR} for this")
        return given.key_a, given.key_b

    def _read_op(self, card: Card, key_a: bytes) -> bytes | None:
        state = self._open_sector(card, [("ours", KeyType.A, key_a), ("factory", KeyType.A, FACTORY_KEY)])
        if state == "factory":
            return None
        return b"".join(self._read_block(b) for b in DATA_BLOCKS)

    def _write_op(self, card: Card, payload: bytes, key_a: bytes, key_b: bytes) -> None:
        choices = [("ours", KeyType.B, key_b), ("factory", KeyType.A, FACTORY_KEY)]
        if self._known.get(card.uid) == "factory":
            choices.reverse()  # we just read it blank: try the factory key first
        state = self._open_sector(card, choices)
        blocks = [payload[i : i + BLOCK_SIZE] for i in range(0, PAYLOAD_BYTES, BLOCK_SIZE)]
        for number, data in zip(DATA_BLOCKS, blocks, strict=True):
            self._write_block(number, data)
        if state == "factory":
            # Data first, the trailer last: a card lifted before the trailer is still blank.
            trailer = trailer_block(key_a, OUR_ACCESS, key_b)
            self._write_block(TRAILER, trailer)
            self._known[card.uid] = "ours"
            # Read back in a session opened with the new key B, which proves that key too.
            self._prove_key(card, KeyType.B, key_b)
        for number, data in zip(DATA_BLOCKS, blocks, strict=True):
            self._compare(number, self._read_block(number), data, "data")
        if state == "factory":
            self._compare(TRAILER, self._read_block(TRAILER)[6:10], OUR_ACCESS, "access bits")
            # Key A reads nothing back (zeros): opening with it is its proof. The session it
            # leaves is the one a kiosk reader uses, so a read-back by the caller goes on in it.
            self._prove_key(card, KeyType.A, key_a)

    def _wipe_op(self, card: Card, key_b: bytes) -> None:
        state = self._open_sector(card, [("ours", KeyType.B, key_b), ("factory", KeyType.A, FACTORY_KEY)])
        for number in (*DATA_BLOCKS, SPARE_BLOCK):
            self._write_block(number, _ZERO_BLOCK)
        if state == "ours" or not _is_factory_trailer(self._read_block(TRAILER)):
            self._write_block(TRAILER, FACTORY_TRAILER)
        self._known[card.uid] = "factory"
        self._prove_key(card, KeyType.A, FACTORY_KEY)
        for number in (*DATA_BLOCKS, SPARE_BLOCK):
            self._compare(number, self._read_block(number), _ZERO_BLOCK, "zeroed data")
        trailer = self._read_block(TRAILER)
        if not _is_factory_trailer(trailer):
            raise CardWriteError(
                f"sector {SECTOR} trailer reads {trailer[6:].hex()} after the wipe, not the factory one"
            )

    def _open_sector(self, card: Card, choices: Sequence[tuple[str, KeyType, bytes]]) -> str:
        """Authenticate for sector 1 with the first key that works; which one it was.

        Two rounds, so one authentication lost to RF noise does not make our card foreign.
        """
        if card.technology not in (TECHNOLOGY_1K, TECHNOLOGY_4K):
            raise ForeignCardError(f"card {card.uid_hex} is not a Mifare Classic card ({card.technology})")
        for state, key_type, key in choices:
            if self._session == (card.uid, key_type, key) and self._target == card.uid and not self._halted:
                return state  # still authenticated from the previous operation on this card
        for _round in range(2):
            for state, key_type, key in choices:
                if self._authenticate(card, key_type, key):
                    self._known[card.uid] = state
                    return state
        self._known.pop(card.uid, None)
        raise ForeignCardError(
            f"card {card.uid_hex}: neither our keys nor the factory key open sector {SECTOR}; left untouched"
        )

    def _prove_key(self, card: Card, key_type: KeyType, key: bytes) -> None:
        if not self._authenticate(card, key_type, key):
            raise CardWriteError(f"key {key_type.value} written to card {card.uid_hex} does not open it")

    def _compare(self, block: int, got: bytes, expected: bytes, what: str) -> None:
        if got != expected:
            raise CardWriteError(f"block {block} ({what}) reads back differently from what was written")

    # -- Mifare through InDataExchange -------------------------------------------------------

    def _select(self, card: Card) -> None:
        """Make ``card`` the listed target (again); CardRemovedError if it is not in the field."""
        if self._target == card.uid and not self._halted:
            return
        found = self._list_target()
        if found is None:
            raise CardRemovedError(f"card {card.uid_hex} is no longer on the encoder")
        if found.uid != card.uid:
            raise CardRemovedError(f"card {card.uid_hex} was replaced by another card ({found.uid_hex})")

    def _authenticate(self, card: Card, key_type: KeyType, key: bytes) -> bool:
        self._select(card)
        command = AUTH_A if key_type is KeyType.A else AUTH_B
        # The PN532 wants the UID's last four bytes (a 7-byte UID's cascade tail included).
        params = bytes([1, command, TRAILER]) + key + card.uid[-4:]
        self._session = None
        status = self._transact(f.IN_DATA_EXCHANGE, params)[:1]
        if status and f.status_error(status[0]) == 0:
            self._session = (card.uid, key_type, bytes(key))
            return True
        code = f.status_error(status[0]) if status else -1
        self._halted = True  # the card stops answering after a refused authentication
        if code == f.STATUS_MIFARE_AUTH:
            return False
        raise _StatusError(code if code >= 0 else 0x3F, f"authentication with key {key_type.value}")

    def _read_block(self, block: int) -> bytes:
        answer = self._transact(f.IN_DATA_EXCHANGE, bytes([1, READ, block]))
        if not answer or f.status_error(answer[0]):
            self._halted = True
            raise _StatusError(answer[0] if answer else 0x3F, f"reading block {block}")
        if len(answer) != 1 + BLOCK_SIZE:
            raise _StatusError(0x13, f"reading block {block} gave {len(answer) - 1} bytes")
        return answer[1:]

    def _write_block(self, block: int, data: bytes) -> None:
        answer = self._transact(f.IN_DATA_EXCHANGE, bytes([1, WRITE, block]) + data)
        if not answer or f.status_error(answer[0]):
            self._halted = True
            raise _StatusError(answer[0] if answer else 0x3F, f"writing block {block}")

    def _list_target(self) -> Card | None:
        """InListPassiveTarget, one target at 106 kbps type A; the card, or None for none."""
        self._target = None
        answer = self._transact(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00")
        if not answer or answer[0] == 0:
            return None
        # NbTg, Tg, SENS_RES (2), SEL_RES, NFCIDLength, NFCID1...
        if len(answer) < 6 or len(answer) < 6 + answer[5] or answer[5] not in (4, 7, 10):
            raise _StatusError(0x13, f"the target's description is malformed ({answer.hex()})")
        sak, uid = answer[4], bytes(answer[6 : 6 + answer[5]])
        self._target, self._halted = uid, False
        if sak & 0x18 == 0x08:
            technology = TECHNOLOGY_1K
        elif sak & 0x18 == 0x18:
            technology = TECHNOLOGY_4K
        else:
            technology = TECHNOLOGY_OTHER
        return Card(uid=uid, technology=technology)

    def _release(self) -> None:
        self._transact(f.IN_RELEASE, b"\x00")
        self._target = None

    def _run(self, card: Card, what: str, op: Callable[[Card], _T]) -> _T:
        """Run ``op`` on ``card``: started over once after a replug or an RF error on the card."""
        if card.technology not in (TECHNOLOGY_1K, TECHNOLOGY_4K, TECHNOLOGY_OTHER):
            raise EncoderError(f"a {card.technology} card cannot be used on a PN532 encoder")
        changes = what != "read"
        not_issued = "; the card is not issued" if what == "write" else ""
        for attempt in range(2):
            last = attempt == 1
            try:
                self._ensure_open()
                try:
                    return op(card)
                except BaseException:
                    self._session = None  # whatever failed, the next attempt authenticates afresh
                    raise
            except PortLostError as exc:
                self._drop_port()
                if last or not self._reopen():
                    raise DeviceUnavailableError(
                        f"{self.name} was disconnected during the {what}{not_issued}"
                    ) from exc
                log.info("%s: adapter back after a disconnect; starting the %s over", self.name, what)
            except _NoAnswerError as exc:
                raise DeviceUnavailableError(
                    f"{self.name} stopped answering during the {what}{not_issued}: {exc}"
                ) from exc
            except _StatusError as exc:
                self._check_still_there(card, what, not_issued)
                if last:
                    error = CardWriteError if changes else CardReadError
                    raise error(f"card {card.uid_hex}: {exc}{not_issued}") from exc
                log.info("%s: %s; starting the %s over", self.name, exc, what)
        raise AssertionError("unreachable")

    def _check_still_there(self, card: Card, what: str, not_issued: str) -> None:
        """After an error on the card: is it still the one in the field? CardRemovedError if not."""
        try:
            found = self._list_target()
        except (PortLostError, _NoAnswerError, _StatusError):
            found = None
        if found is None or found.uid != card.uid:
            lifted = "lifted" if found is None else f"replaced by {found.uid_hex}"
            raise CardRemovedError(f"card {card.uid_hex} was {lifted} during the {what}{not_issued}")

    # -- opening -----------------------------------------------------------------------------

    def _before_close(self) -> None:
        if self._target is not None:  # release the card, so the next program finds it unselected
            try:
                self._release()
            except (PortLostError, _NoAnswerError, _StatusError):
                log.debug("%s: InRelease on close failed", self.name)

    def _on_drop(self) -> None:
        self._target = None

    def _reopen(self) -> bool:
        """Wait for the port to come back and open it; False if it does not within the limit."""
        deadline = self._clock.monotonic() + self._reopen_timeout_s
        while not self._closed:
            try:
                self._open()
                return True
            except DeviceUnavailableError as exc:
                if self._clock.monotonic() >= deadline:
                    log.warning("%s: did not come back: %s", self.name, exc)
                    return False
            self._clock.sleep(0.05)
        return False

    def _handshake(self) -> None:
        try:
            self._configure()
        except (PortLostError, _NoAnswerError, _StatusError) as exc:
            raise DeviceUnavailableError(self._silence_message(exc)) from exc

    def _ready_text(self) -> str:
        return str(self.info)

    def _configure(self) -> None:
        """Wake the PN532 (HSU), leave the low-VBat state, check it is one, limit card polling."""
        self._parser.clear()
        self._parser.discarded = 0
        self._target = None
        # An ACK from the host aborts a command still running (UM0701-02 6.2.1.3): a previous
        # program may have left an InListPassiveTarget waiting for a card forever.
        self._send(f.WAKEUP + f.ACK_FRAME)
        self._transact(f.SAM_CONFIGURATION, _SAM_NORMAL)
        self.info = self._firmware()
        if self.info.ic != _PN532_IC:
            raise DeviceUnavailableError(
                f"{self._port_name} has an NXP PN5{self.info.ic:02X}, not a PN532 (wrong device on the port)"
            )
        # MxRtyPassiveActivation FF (the default) would make InListPassiveTarget wait forever.
        self._transact(f.RF_CONFIGURATION, _MAX_RETRIES)

    def _firmware(self) -> Pn532Info:
        answer = self._transact(f.GET_FIRMWARE_VERSION)
        if len(answer) != 4:
            raise _StatusError(0x13, f"GetFirmwareVersion gave {answer.hex() or 'nothing'}")
        ic, version, revision, support = answer
        return Pn532Info(ic, version, revision, support, self._port_name, self._baudrate)

    def _silence_message(self, exc: Exception) -> str:
        if isinstance(exc, PortLostError):
            return f"{self.name} went away while opening: {exc}"
        if self._parser.discarded:
            return (
                f"{self._port_name} answers, but not like a PN532 ({self._parser.discarded} bytes that are "
                "no PN532 frame): wrong device on the port, or a baud rate other than the adapter's"
            )
        return (
            f"no PN532 answers on {self._port_name}: wrong device on the port, the PN532 not in HSU mode "
            "(SEL0/SEL1 switches both off), RX/TX swapped, or a baud rate other than the adapter's"
        )

    # -- the wire ----------------------------------------------------------------------------

    def _transact(self, code: int, params: bytes = b"", *, reconfigured: bool = False) -> bytes:
        """Send one command; its response's parameters (after the response code).

        Garbage and broken frames are skipped. A response that fails its checksum, or stops
        short for ``gap_s``, is asked for again with a NACK; a command that is NACKed or not
        acknowledged within the reply timeout is sent again, behind the wake-up sequence (the
        PN532 may have gone to sleep). ``retries`` bounds the two together. The syntax error
        frame to a command of ours means the PN532 lost power since it was configured (in
        Low-battery mode it refuses the RF commands): it is configured again and the command
        sent once more.
        """
        command = f.encode_command(code, params)
        self._discard_input()
        self._send(command)
        self.stats.round_trips += 1
        troubles = 0
        acked = False
        deadline = self._clock.monotonic() + self._reply_timeout_s
        last_byte = self._clock.monotonic()

        def trouble(why: str, resend: bytes) -> None:
            nonlocal troubles, deadline, last_byte
            troubles += 1
            if troubles > self._retries:
                raise _NoAnswerError(f"command 0x{code:02X}: {why}")
            log.debug("%s: command 0x%02X: %s; retrying", self.name, code, why)
            self._send(resend)
            deadline = last_byte = self._clock.monotonic()
            deadline += self._reply_timeout_s

        while True:
            chunk = self._receive()
            now = self._clock.monotonic()
            events: list[f.Event] = []
            if chunk:
                last_byte = now
                events = self._parser.feed(chunk)
            elif self._parser.pending > 1 and now - last_byte > self._gap_s:
                events = self._parser.give_up()  # bytes were lost: the frame will never complete
                events.append(f.BadFrame(b""))
            for event in events:
                if isinstance(event, f.Frame):
                    if event.tfi == f.TFI_PN532 and event.code == (code + 1) & 0xFF:
                        return event.data[1:]
                    log.debug("%s: stray frame %r ignored", self.name, event)
                elif isinstance(event, f.Ack):
                    acked = True
                    deadline = now + self._reply_timeout_s
                elif isinstance(event, f.Nack):
                    trouble("the PN532 asked for the command again (NACK)", command)
                    acked = False
                elif isinstance(event, f.BadFrame):
                    trouble("a damaged response", f.NACK_FRAME if acked else command)
                elif isinstance(event, f.ErrorFrame):
                    if not reconfigured and code not in _CONFIGURING:
                        log.info("%s: command 0x%02X refused: configuring the PN532 again", self.name, code)
                        self._session = None
                        self._configure()
                        return self._transact(code, params, reconfigured=True)
                    raise _StatusError(0x13, f"the PN532 rejected command 0x{code:02X} (syntax error frame)")
            if now >= deadline:
                if acked:
                    trouble("no response after the ACK", f.NACK_FRAME)
                else:
                    trouble("no ACK", f.WAKEUP + command)

    def _discard_input(self) -> None:
        # Whatever is left from an earlier exchange is stale: a late reply must not be taken
        # for the answer to this command.
        self._parser.clear()
        super()._discard_input()


def _is_factory_trailer(trailer: bytes) -> bool:
    """A trailer as read with the factory key A: access bits FF 07 80, key B (readable) FF..FF."""
    return trailer[6:9] == FACTORY_ACCESS[:3] and trailer[10:16] == FACTORY_KEY
