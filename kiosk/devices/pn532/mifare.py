"""Mifare Classic 1K memory as the card enforces it (NXP MF1S50yyX datasheet, section 8.6-8.7).

16 sectors of 4 blocks of 16 bytes. Block 0 is the manufacturer block (UID, BCC, SAK, ATQA;
read-only). The last block of each sector is its trailer::

    key A (6) | access bits (3) | general purpose byte (1) | key B (6)

The access bits give each block three bits C1 C2 C3, stored twice (once inverted)::

    byte 6: ~C2 (blocks 3..0) | ~C1 (blocks 3..0)     byte 7: C1 | ~C3     byte 8: C3 | C2

Key A never reads back (zeros); key B reads back only where the conditions allow, and where key B
is readable it cannot be used to authenticate for anything. An inconsistent access-bit pattern
written to a trailer blocks the sector for good, as on a real card.

This module is used by the emulator (the card's side) and by the driver (to build trailers).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

BLOCK_SIZE = 16
SECTORS = 16
BLOCKS_PER_SECTOR = 4
BLOCKS = SECTORS * BLOCKS_PER_SECTOR
KEY_SIZE = 6
FACTORY_KEY = b"\xff" * KEY_SIZE

# Mifare Classic commands, as carried by the PN532's InDataExchange.
AUTH_A = 0x60
AUTH_B = 0x61
READ = 0x30
WRITE = 0xA0
# The value-block commands: increment, decrement and restore load the block's value (changed)
# into the card's transfer buffer; transfer writes the buffer to a block of the same sector.
DECREMENT = 0xC0
INCREMENT = 0xC1
RESTORE = 0xC2
TRANSFER = 0xB0
HALT = 0x50  # HLTA: 50 00; the card goes quiet and never answers it

# C1 C2 C3 of the factory ("transport") configuration: data blocks free with key A, trailer
# writable with key A, key B readable (so key B is data, not a key).
TRANSPORT_DATA = (0, 0, 0)
TRANSPORT_TRAILER = (0, 0, 1)
# Ours: data read with A or B, written only with B; trailer (keys and access bits) written only
# with B, access bits read with A or B, key B never readable. A reader holding key A can read;
# only the desk, holding key B, can write or wipe.
READ_AB_WRITE_B = (1, 0, 0)
TRAILER_WRITE_B = (0, 1, 1)
FACTORY_GPB = 0x69


class KeyType(enum.Enum):
    """Which of the sector's two keys a session was opened with."""

    A = "A"
    B = "B"


# Data blocks: C1 C2 C3 -> who may read, write, increment, and decrement / transfer / restore.
_DATA_RULES: dict[tuple[int, int, int], tuple[str, str, str, str]] = {
    (0, 0, 0): ("AB", "AB", "AB", "AB"),
    (0, 1, 0): ("AB", "", "", ""),
    (1, 0, 0): ("AB", "B", "", ""),
    (1, 1, 0): ("AB", "B", "B", "AB"),  # a value block (recharge with B, spend with A or B)
    (0, 0, 1): ("AB", "", "", "AB"),  # a value block that can only go down
    (0, 1, 1): ("B", "B", "", ""),
    (1, 0, 1): ("B", "", "", ""),
    (1, 1, 1): ("", "", "", ""),
}
_READ, _WRITE, _INCREMENT, _DECREMENT = range(4)
# Trailer: C1 C2 C3 -> (key A write, access read, access write, key B read, key B write).
_TRAILER_RULES: dict[tuple[int, int, int], tuple[str, str, str, str, str]] = {
    (0, 0, 0): ("A", "A", "", "A", "A"),
    (0, 1, 0): ("", "A", "", "A", ""),
    (1, 0, 0): ("B", "AB", "", "", "B"),
    (1, 1, 0): ("", "AB", "", "", ""),
    (0, 0, 1): ("A", "A", "A", "A", "A"),
    (0, 1, 1): ("B", "AB", "B", "", "B"),
    (1, 0, 1): ("", "AB", "B", "", ""),
    (1, 1, 1): ("", "AB", "", "", ""),
}


class AccessBitsError(ValueError):
    """The three access bytes are not a consistent pattern (the card would block the sector)."""


class MifareAuthError(Exception):
    """Authentication failed (wrong key, or the sector is blocked); the card halts."""


class MifareNakError(Exception):
    """The card answered NAK: not authenticated for this block, or the access bits forbid it."""


class MifareHaltedError(Exception):
    """The card no longer answers (after a NAK or failed authentication) until it is selected again."""


def encode_access_bits(conditions: Sequence[tuple[int, int, int]], gpb: int = FACTORY_GPB) -> bytes:
    """Bytes 6-9 of a trailer from the C1 C2 C3 of blocks 0, 1, 2 and the trailer, plus the GPB."""
    if len(conditions) != BLOCKS_PER_SECTOR:
        raise ValueError("one condition per block of the sector")
    c1 = sum(c[0] << i for i, c in enumerate(conditions))
    c2 = sum(c[1] << i for i, c in enumerate(conditions))
    c3 = sum(c[2] << i for i, c in enumerate(conditions))
    return bytes([(~c2 & 0xF) << 4 | (~c1 & 0xF), c1 << 4 | (~c3 & 0xF), c3 << 4 | c2, gpb & 0xFF])


def decode_access_bits(access: bytes) -> tuple[tuple[int, int, int], ...]:
    """C1 C2 C3 of the four blocks from trailer bytes 6-8; AccessBitsError if inconsistent."""
    if len(access) < 3:
        raise AccessBitsError("three access bytes expected")
    b6, b7, b8 = access[0], access[1], access[2]
    c1, c2, c3 = b7 >> 4, b8 & 0xF, b8 >> 4
    if (b6 & 0xF) != (~c1 & 0xF) or (b6 >> 4) != (~c2 & 0xF) or (b7 & 0xF) != (~c3 & 0xF):
        raise AccessBitsError(f"inconsistent access bits {bytes(access[:3]).hex()}")
    return tuple((c1 >> i & 1, c2 >> i & 1, c3 >> i & 1) for i in range(BLOCKS_PER_SECTOR))


FACTORY_ACCESS = encode_access_bits([TRANSPORT_DATA] * 3 + [TRANSPORT_TRAILER])  # ff 07 80 69


def trailer_block(key_a: bytes, access: bytes, key_b: bytes) -> bytes:
    """A sector trailer: key A, access bits + GPB (4 bytes), key B."""
    if len(key_a) != KEY_SIZE or len(key_b) != KEY_SIZE or len(access) != 4:
        raise ValueError("trailer = 6-byte key A + 4 access bytes + 6-byte key B")
    return bytes(key_a) + bytes(access) + bytes(key_b)


FACTORY_TRAILER = trailer_block(FACTORY_KEY, FACTORY_ACCESS, FACTORY_KEY)


def value_block(value: int, address: int) -> bytes:
    """A value block: the signed 32-bit value (little-endian) three times, once inverted, and
    the address byte four times, twice inverted."""
    raw = (value & 0xFFFFFFFF).to_bytes(4, "little")
    inverted = bytes(b ^ 0xFF for b in raw)
    return raw + inverted + raw + bytes([address, ~address & 0xFF, address, ~address & 0xFF])


def decode_value_block(data: bytes) -> tuple[int, int]:
    """(value, address) of a value block; ValueError if the block is not in value format."""
    raw, inverted, again = bytes(data[0:4]), bytes(data[4:8]), bytes(data[8:12])
    a = data[12:16]
    if (
        len(data) != BLOCK_SIZE
        or raw != again
        or inverted != bytes(b ^ 0xFF for b in raw)
        or a[0] != a[2]
        or a[1] != a[3]
        or a[0] ^ a[1] != 0xFF
    ):
        raise ValueError("not a value block")
    return int.from_bytes(raw, "little", signed=True), a[0]


def sector_of(block: int) -> int:
    return block // BLOCKS_PER_SECTOR


def trailer_of(sector: int) -> int:
    return sector * BLOCKS_PER_SECTOR + BLOCKS_PER_SECTOR - 1


def manufacturer_block(uid: bytes) -> bytes:
    """Block 0 of a 4-byte-UID card: UID, BCC (XOR of the UID), SAK 08, ATQA 04 00, maker data."""
    if len(uid) != 4:
        raise ValueError("this model holds 4-byte UIDs")
    bcc = uid[0] ^ uid[1] ^ uid[2] ^ uid[3]
    return bytes(uid) + bytes([bcc, 0x08, 0x04, 0x00]) + b"LOBBYEMU"


class MifareClassic1K:
    """One card: its memory, and the state of the current session with a reader."""

    sak = 0x08
    atqa = b"\x00\x04"

    def __init__(self, uid: bytes, blocks: Sequence[bytes] | None = None) -> None:
        if blocks is None:
            blocks = [manufacturer_block(uid)] + [
                FACTORY_TRAILER if b % BLOCKS_PER_SECTOR == 3 else bytes(BLOCK_SIZE) for b in range(1, BLOCKS)
            ]
        if len(blocks) != BLOCKS or any(len(b) != BLOCK_SIZE for b in blocks):
            raise ValueError(f"a Mifare Classic 1K has {BLOCKS} blocks of {BLOCK_SIZE} bytes")
        self.uid = bytes(uid)
        self.blocks = [bytearray(b) for b in blocks]
        self.blocked_sectors: set[int] = set()
        self._session: tuple[int, KeyType] | None = None
        self._buffer: tuple[int, int] | None = None  # the transfer buffer: value, address byte
        self.halted = False

    def __repr__(self) -> str:
        return f"MifareClassic1K(uid={self.uid.hex().upper()})"

    # -- session ------------------------------------------------------------------------------

    def select(self) -> None:
        """The reader (re)selected the card: any session ends, a halted card answers again."""
        self._session = None
        self._buffer = None
        self.halted = False

    def halt(self) -> None:
        """The card stops answering until it is selected again (after any refusal)."""
        self._halt()

    def _halt(self) -> None:
        self._session = None
        self._buffer = None
        self.halted = True

    def authenticate(self, block: int, key_type: KeyType, key: bytes, uid4: bytes) -> None:
        """Open a session on ``block``'s sector; MifareAuthError (and halt) on a wrong key."""
        self._answering()
        if not 0 <= block < BLOCKS:
            self._halt()
            raise MifareNakError(f"no block {block}")
        sector = sector_of(block)
        trailer = self.blocks[trailer_of(sector)]
        stored = trailer[0:6] if key_type is KeyType.A else trailer[10:16]
        if sector in self.blocked_sectors or bytes(key) != bytes(stored) or bytes(uid4) != self.uid[-4:]:
            self._halt()
            raise MifareAuthError(f"authentication with key {key_type.value} failed for sector {sector}")
        self._session = (sector, key_type)
        self._buffer = None

    def _answering(self) -> None:
        if self.halted:
            raise MifareHaltedError("the card is halted")

    def _allowed(self, block: int) -> tuple[KeyType, tuple[int, int, int]]:
        """The session's key type and the block's conditions, or a NAK if there is no session."""
        self._answering()
        if self._session is None or not 0 <= block < BLOCKS or sector_of(block) != self._session[0]:
            self._halt()
            raise MifareNakError(f"not authenticated for block {block}")
        sector, key_type = self._session
        try:
            if sector in self.blocked_sectors:
                raise AccessBitsError(f"sector {sector} is blocked")
            conditions = decode_access_bits(bytes(self.blocks[trailer_of(sector)][6:9]))
        except AccessBitsError as exc:
            # A trailer just written with bad access bits: the sector refuses everything from now.
            self._halt()
            raise MifareNakError(str(exc)) from None
        if key_type is KeyType.B and _TRAILER_RULES[conditions[3]][3]:
            # Key B is readable here, so it is data: the card refuses every access after it.
            self._halt()
            raise MifareNakError("key B is readable in this sector and cannot be used")
        return key_type, conditions[block % BLOCKS_PER_SECTOR]

    # -- memory ---------------------------------------------------------------------------

    def read(self, block: int) -> bytes:
        """READ (0x30) within the session: 16 bytes, trailer keys masked as the card does."""
        key_type, cond = self._allowed(block)
        who = key_type.value
        if block % BLOCKS_PER_SECTOR != 3:
            self._check_data(block, cond, who, _READ, "read")
            return bytes(self.blocks[block])
        _, access_read, _, key_b_read, _ = _TRAILER_RULES[cond]
        if who not in access_read:
            self._halt()
            raise MifareNakError(f"trailer {block} may not be read with key {who}")
        stored = self.blocks[block]
        key_b = bytes(stored[10:16]) if who in key_b_read else bytes(KEY_SIZE)
        return bytes(KEY_SIZE) + bytes(stored[6:10]) + key_b

    def write(self, block: int, data: bytes) -> None:
        """WRITE (0xA0) within the session; MifareNakError when the access bits forbid it."""
        if len(data) != BLOCK_SIZE:
            self._halt()
            raise MifareNakError("a block is 16 bytes")
        key_type, cond = self._allowed(block)
        who = key_type.value
        if block == 0:
            self._halt()
            raise MifareNakError("block 0 (manufacturer block) is read-only")
        if block % BLOCKS_PER_SECTOR != 3:
            self._check_data(block, cond, who, _WRITE, "written")
            self.blocks[block][:] = data
            return
        key_a_write, _, access_write, _, key_b_write = _TRAILER_RULES[cond]
        stored = self.blocks[block]
        parts = ((0, 6, key_a_write), (6, 10, access_write), (10, 16, key_b_write))
        for start, end, writers in parts:
            if bytes(data[start:end]) != bytes(stored[start:end]) and who not in writers:
                self._halt()
                raise MifareNakError(f"trailer bytes {start}-{end - 1} may not be written with key {who}")
        stored[:] = data
        try:
            decode_access_bits(bytes(data[6:9]))
        except AccessBitsError:
            self.blocked_sectors.add(sector_of(block))  # irreversible, as the datasheet warns

    def _check_data(self, block: int, cond: tuple[int, int, int], who: str, rule: int, what: str) -> None:
        if who not in _DATA_RULES[cond][rule]:
            self._halt()
            raise MifareNakError(f"block {block} may not be {what} with key {who}")

    def check_session(self, block: int) -> None:
        """The first part of a two-part command (write, value): a NAK, and the card halts,
        unless ``block`` is in the authenticated sector."""
        self._allowed(block)

    # -- value blocks ---------------------------------------------------------------------

    def _value_op(self, block: int, rule: int, what: str) -> tuple[int, int]:
        """The value and address of ``block`` after the access checks for ``rule``."""
        key_type, cond = self._allowed(block)
        if block % BLOCKS_PER_SECTOR == 3 or block == 0:
            self._halt()
            raise MifareNakError(f"block {block} is not a data block")
        self._check_data(block, cond, key_type.value, rule, what)
        try:
            return decode_value_block(bytes(self.blocks[block]))
        except ValueError:
            self._halt()
            raise MifareNakError(f"block {block} is not in value-block format") from None

    def increment(self, block: int, delta: int) -> None:
        """INCREMENT (0xC1): the block's value plus ``delta`` into the transfer buffer."""
        value, address = self._value_op(block, _INCREMENT, "incremented")
        self._buffer = (_wrap32(value + delta), address)

    def decrement(self, block: int, delta: int) -> None:
        """DECREMENT (0xC0): the block's value minus ``delta`` into the transfer buffer."""
        value, address = self._value_op(block, _DECREMENT, "decremented")
        self._buffer = (_wrap32(value - delta), address)

    def restore(self, block: int) -> None:
        """RESTORE (0xC2): the block's value, unchanged, into the transfer buffer."""
        self._buffer = self._value_op(block, _DECREMENT, "restored")

    def transfer(self, block: int) -> None:
        """TRANSFER (0xB0): the transfer buffer written to ``block`` as a value block."""
        key_type, cond = self._allowed(block)
        if self._buffer is None or block % BLOCKS_PER_SECTOR == 3 or block == 0:
            self._halt()
            raise MifareNakError(f"nothing to transfer to block {block}")
        self._check_data(block, cond, key_type.value, _DECREMENT, "transferred to")
        value, address = self._buffer
        self.blocks[block][:] = value_block(value, address)

    # -- for people ---------------------------------------------------------------------------

    def sector_is_factory(self, sector: int) -> bool:
        """Whether the sector still has the factory keys and access bits."""
        trailer = bytes(self.blocks[trailer_of(sector)])
        # The GPB (byte 9) is user data: any value is still "factory".
        same = trailer[:9] == FACTORY_TRAILER[:9] and trailer[10:] == FACTORY_TRAILER[10:]
        return same and sector not in self.blocked_sectors

    def describe(self) -> str:
        """A one-line summary: blank, or which sectors carry other keys."""
        changed = [s for s in range(SECTORS) if not self.sector_is_factory(s)]
        state = "blank" if not changed else "keys set in sector(s) " + ", ".join(map(str, changed))
        return f"{self.uid.hex().upper()}  {state}"


def _wrap32(value: int) -> int:
    """A signed 32-bit value as the card's arithmetic leaves it."""
    return (value + 2**31) % 2**32 - 2**31
