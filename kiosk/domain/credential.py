"""The credential on our cards: what a card is for, until when, and proof that the desk wrote it.

A credential carries a format version, the card kind, the card number, its validity (from /
until, to the minute), the site id, and a truncated HMAC-SHA256 keyed by the site key. The site
key lives outside the database (see ``kiosk.services.site_keys``); the caller passes it in. The
codec is pure: no clock, no I/O.

Two forms:

**Chip form** (Mifare Classic, 32 bytes = two 16-byte blocks)::

    byte  0      version (high nibble) | kind (low nibble)
    bytes 1-4    card number, big-endian
    bytes 5-6    site id, big-endian
    bytes 7-10   valid from, minutes since 2020-01-01 00:00 UTC
    bytes 11-14  valid until, same unit
    byte  15     reserved, zero
    bytes 16-31  HMAC-SHA256(mac key, "C" | bytes 0-15 | len(UID) | UID), first 16 bytes

Sixteen bytes of fields and a 16-byte (128-bit) MAC fill exactly two blocks, so issuing and
verifying a card costs two block writes and two block reads. 128 bits is the tag length of
AES-CMAC and far beyond guessing, even offline. The card's UID is part of the MAC, so a payload
copied onto another card does not verify. (Mifare Classic's own crypto is broken: a "magic" card
whose UID can be set lets a copy carry the original's UID. The MAC stops forgery and editing,
not such a clone; revocation and short validity limit what a clone is worth.)

**Compact form** (magnetic track 2, 15 bytes = 120 bits; the MSR driver writes it as 37 decimal
digits, :func:`kiosk.devices.msr.protocol.payload_to_track2`)::

    bits 117-119 version         bits 116-115 kind           bits 114-103 site id (12 bits)
    bits 102-77  card number (26) bits 76-52  valid from, minutes since 2020 (25 bits, to 2083)
    bits 51-32   validity in minutes (20 bits, up to 728 days)
    bits 31-0    HMAC-SHA256(mac key, "T" | the 11 field bytes), first 4 bytes

What the short form costs: a stripe has no UID, so nothing binds the data to one card. Any
magnetic-stripe writer copies a stripe perfectly; a copied stripe is indistinguishable from the
original (the chip form's UID binding is absent). The 32-bit MAC still stops forging a new card
number or extending the validity without the key, but only to a chance of 1 in 4.3 billion per
attempt instead of 1 in 3.4 x 10^38; each attempt is a physical swipe at a reader, so online
guessing is impractical, yet readers should count and alarm on repeated bad swipes. Use the
stripe for short-lived visitor cards, check the card number against the issued (not revoked)
cards, and prefer the chip for machine-room passes.

Keys: the MAC key and the Mifare sector keys are derived from the one site key with distinct
labels, so no derived key reveals another.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

CHIP_VERSION = 1
COMPACT_VERSION = 1
CHIP_BYTES = 32
CHIP_MAC_BYTES = 16
COMPACT_BYTES = 15
COMPACT_MAC_BYTES = 4
MIN_SITE_KEY_BYTES = 16

EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
MAX_CARD_NUMBER = (1 << 26) - 1  # what the compact form holds; both forms share the limits
MAX_SITE_ID = (1 << 12) - 1
_MAX_CHIP_MINUTES = (1 << 32) - 1
_MAX_COMPACT_FROM = (1 << 25) - 1
_MAX_COMPACT_SPAN = (1 << 20) - 1

# Labels keep the derived keys independent of each other.
_MAC_LABEL = b"lobby-kiosk/credential-mac/v1"
_MIFARE_LABEL = b"lobby-kiosk/mifare-sector-keys/v1"
FACTORY_KEY = b"\xff" * 6
# Keys every cracking tool tries first; a derived key must never be one of them.
_WELL_KNOWN_KEYS = frozenset(
    bytes.fromhex(k)
    for k in ("ffffffffffff", "000000000000", "a0a1a2a3a4a5", "b0b1b2b3b4b5", "d3f7d3f7d3f7", "aabbccddeeff")
)


class CardKind(enum.IntEnum):
    """What a card is for. The values are stored on cards: never renumber."""

    IDC_IDENTITY = 1  # IDC identity-verification card
    VISITOR = 2  # temporary visitor card
    MACHINE_ROOM = 3  # machine-room pass


_KIND_VALUES = frozenset(int(k) for k in CardKind)


class CredentialError(ValueError):
    """A payload is not a credential of ours, or not a valid one; ``reason`` is a stable code.

    Reasons: ``length``, ``version``, ``signature`` (edited, copied to another card, or signed
    with another key: a MAC cannot tell these apart), ``fields`` (values out of range),
    ``uid``, ``does_not_fit`` (encoding a value the form cannot hold),
    ``not_yet_valid`` and ``expired``.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        super().__init__(f"{reason}: {detail}" if detail else reason)


@dataclass(frozen=True)
class Credential:
    """What a card says. Times are aware datetimes on whole minutes; ``valid_until`` is exclusive."""

    kind: CardKind
    card_number: int
    site_id: int
    valid_from: datetime
    valid_until: datetime

    def __post_init__(self) -> None:
        if not isinstance(self.kind, CardKind):
            raise CredentialError("fields", "unknown card kind")
        if not 0 <= self.card_number <= MAX_CARD_NUMBER:
            raise CredentialError("fields", f"card number must be 0..{MAX_CARD_NUMBER}")
        if not 0 <= self.site_id <= MAX_SITE_ID:
            raise CredentialError("fields", f"site id must be 0..{MAX_SITE_ID}")
        start, end = _minutes(self.valid_from), _minutes(self.valid_until)
        if not 0 <= start < end <= _MAX_CHIP_MINUTES:
            raise CredentialError("fields", "validity must start after 2020 and end after it starts")

    def check_valid_at(self, now: datetime) -> None:
        """Raise CredentialError (``not_yet_valid`` / ``expired``) unless ``now`` is within validity."""
        if now < self.valid_from:
            raise CredentialError("not_yet_valid", f"valid from {self.valid_from.isoformat()}")
        if now >= self.valid_until:
            raise CredentialError("expired", f"expired at {self.valid_until.isoformat()}")


def _minutes(moment: datetime) -> int:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise CredentialError("fields", "validity times must be timezone-aware")
    if moment.second or moment.microsecond:
        raise CredentialError("fields", "validity times must be on whole minutes")
    delta = moment - EPOCH
    return delta.days * 1440 + delta.seconds // 60


def _moment(minutes: int) -> datetime:
    try:
        return EPOCH + timedelta(minutes=minutes)
    except OverflowError:  # past year 9999: no card of ours says that
        raise CredentialError("fields", "validity beyond the calendar") from None


def _check_key(site_key: bytes) -> None:
    if not isinstance(site_key, bytes | bytearray) or len(site_key) < MIN_SITE_KEY_BYTES:
        raise ValueError(f"the site key must be at least {MIN_SITE_KEY_BYTES} bytes")


def _mac(site_key: bytes, message: bytes, size: int) -> bytes:
    _check_key(site_key)
    mac_key = hmac.new(site_key, _MAC_LABEL, hashlib.sha256).digest()
    return hmac.new(mac_key, message, hashlib.sha256).digest()[:size]


def _check_uid(uid: bytes) -> None:
    # ISO/IEC 14443-3 UIDs are single (4), double (7) or triple (10) size.
    if not isinstance(uid, bytes | bytearray) or len(uid) not in (4, 7, 10):
        raise CredentialError("uid", "a card UID is 4, 7 or 10 bytes")


def _chip_message(fields: bytes, uid: bytes) -> bytes:
    return b"C" + fields + bytes([len(uid)]) + bytes(uid)


# -- chip form -------------------------------------------------------------------------------


def encode_chip(credential: Credential, uid: bytes, site_key: bytes) -> bytes:
    """The 32-byte chip form of ``credential`` for the card ``uid``."""
    _check_uid(uid)
    fields = (
        bytes([CHIP_VERSION << 4 | credential.kind])
        + credential.card_number.to_bytes(4, "big")
        + credential.site_id.to_bytes(2, "big")
        + _minutes(credential.valid_from).to_bytes(4, "big")
        + _minutes(credential.valid_until).to_bytes(4, "big")
        + b"\x00"
    )
    return fields + _mac(site_key, _chip_message(fields, uid), CHIP_MAC_BYTES)


def decode_chip(payload: bytes, uid: bytes, site_key: bytes) -> Credential:
    """Check and read a chip-form payload read from the card ``uid``; raise CredentialError if bad."""
    _check_uid(uid)
    if len(payload) != CHIP_BYTES:
        raise CredentialError("length", f"expected {CHIP_BYTES} bytes, got {len(payload)}")
    fields, tag = bytes(payload[:16]), bytes(payload[16:])
    if fields[0] >> 4 != CHIP_VERSION:
        raise CredentialError("version", f"unknown chip format version {fields[0] >> 4}")
    if not hmac.compare_digest(tag, _mac(site_key, _chip_message(fields, uid), CHIP_MAC_BYTES)):
        raise CredentialError("signature", "not signed by this site for this card")
    kind = fields[0] & 0x0F
    if kind not in _KIND_VALUES or fields[15] != 0:
        raise CredentialError("fields", "unknown card kind or reserved byte set")
    return Credential(
        kind=CardKind(kind),
        card_number=int.from_bytes(fields[1:5], "big"),
        site_id=int.from_bytes(fields[5:7], "big"),
        valid_from=_moment(int.from_bytes(fields[7:11], "big")),
        valid_until=_moment(int.from_bytes(fields[11:15], "big")),
    )


# -- compact form (magnetic track 2) ---------------------------------------------------------


def encode_compact(credential: Credential, site_key: bytes) -> bytes:
    """The 15-byte compact form (no UID, 4-byte MAC). Raises CredentialError ``does_not_fit``."""
    start = _minutes(credential.valid_from)
    span = _minutes(credential.valid_until) - start
    if start > _MAX_COMPACT_FROM:
        raise CredentialError("does_not_fit", "the compact form holds validity starting before 2083")
    if span > _MAX_COMPACT_SPAN:
        raise CredentialError("does_not_fit", f"the compact form holds at most {_MAX_COMPACT_SPAN} minutes")
    value = (
        COMPACT_VERSION << 85
        | int(credential.kind) << 83
        | credential.site_id << 71
        | credential.card_number << 45
        | start << 20
        | span
    )
    fields = value.to_bytes(11, "big")
    return fields + _mac(site_key, b"T" + fields, COMPACT_MAC_BYTES)


def decode_compact(payload: bytes, site_key: bytes) -> Credential:
    """Check and read a compact-form payload; raise CredentialError if it is not a good one."""
    if len(payload) != COMPACT_BYTES:
        raise CredentialError("length", f"expected {COMPACT_BYTES} bytes, got {len(payload)}")
    fields, tag = bytes(payload[:11]), bytes(payload[11:])
    value = int.from_bytes(fields, "big")
    if value >> 85 != COMPACT_VERSION:
        raise CredentialError("version", f"unknown compact format version {value >> 85}")
    if not hmac.compare_digest(tag, _mac(site_key, b"T" + fields, COMPACT_MAC_BYTES)):
        raise CredentialError("signature", "not signed by this site")
    kind = value >> 83 & 0b11
    start = value >> 20 & _MAX_COMPACT_FROM
    span = value & _MAX_COMPACT_SPAN
    if kind not in _KIND_VALUES or span == 0:
        raise CredentialError("fields", "unknown card kind or empty validity")
    return Credential(
        kind=CardKind(kind),
        card_number=value >> 45 & MAX_CARD_NUMBER,
        site_id=value >> 71 & MAX_SITE_ID,
        valid_from=_moment(start),
        valid_until=_moment(start + span),
    )


# -- Mifare sector keys ----------------------------------------------------------------------


def diversify_keys(site_key: bytes, uid: bytes) -> tuple[bytes, bytes]:
    """Per-card Mifare keys ``(key_a, key_b)``, 6 bytes each, derived from the site key and UID.

    A cracked card yields only its own keys. The keys differ from each other and from the factory
    default and other well-known keys (re-derived with a counter in the ~2^-45 case they are not).
    """
    _check_key(site_key)
    _check_uid(uid)
    counter = 0
    while True:
        digest = hmac.new(
            site_key, _MIFARE_LABEL + bytes([counter, len(uid)]) + bytes(uid), hashlib.sha256
        ).digest()
        key_a, key_b = digest[:6], digest[6:12]
        if key_a != key_b and not ({key_a, key_b} & _WELL_KNOWN_KEYS):
            return key_a, key_b
        counter += 1
