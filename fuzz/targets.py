"""The codecs under fuzzing: device frames, card and slip codes, CSV imports (the API's bodies are
in :mod:`fuzz.api`). Each target's seeds are made by the project's own encoders and emulators;
``expected`` names the codec's documented errors for bad input (its docstrings say which).

Stream parsers that promise the same result however the bytes are split (the PN532, MSR and ID
reader parsers) are also fed each input in pieces, and encoders are checked to round-trip: a
difference is raised as an AssertionError, which no target expects, so it is a finding too.
"""

from __future__ import annotations

import random
import struct
from collections.abc import Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from fuzz.engine import Run, Target, pure, stable_rng
from kiosk.devices.errors import DeviceError
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.escpos.render import render_image
from kiosk.devices.idreader import protocol as sam
from kiosk.devices.idreader.emulator import demo_cards
from kiosk.devices.idreader.text import IdTextError, encode_id_text, parse_id_text
from kiosk.devices.interfaces import Card
from kiosk.devices.memlink import MemoryLink
from kiosk.devices.msr import protocol as msr
from kiosk.devices.pn532 import frames as f
from kiosk.devices.pn532.driver import Pn532Encoder
from kiosk.domain.badge import (
    UnsignedBadgeCodeError,
    checkout_code,
    checkout_code_matches,
    format_badge_number,
    parse_checkout_code,
)
from kiosk.domain.cards import CardKeys
from kiosk.domain.credential import (
    CardKind,
    Credential,
    CredentialError,
    decode_chip,
    decode_compact,
    diversify_keys,
    encode_chip,
    encode_compact,
)
from kiosk.domain.imports import (
    DIRECTORY_COLUMNS,
    FEE_COLUMNS,
    RESIDENT_COLUMNS,
    RowError,
    validate_directory_row,
    validate_fee_row,
    validate_resident_row,
)
from kiosk.domain.release_slip import (
    SlipBinding,
    SlipCodeError,
    read_slip_code,
    short_code_of,
    sign_slip_code,
    slip_code_matches,
    slip_number,
)
from kiosk.printing.catalog import render_document
from kiosk.printing.layout import PrinterProfile
from kiosk.printing.samples import SAMPLES
from kiosk.services.csv_import import ImportFileError, read_table

SITE_KEY = bytes(range(32))  # a fixed key: the fuzzer signs its own seeds with it
UID = bytes.fromhex("04A1B2C3")
NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


def _split(data: bytes) -> list[bytes]:
    """``data`` cut in up to eight pieces at places fixed by the data itself."""
    if len(data) < 2:
        return [data]
    rng = stable_rng(data)
    cuts = sorted(rng.sample(range(1, len(data)), min(len(data) - 1, rng.randint(1, 8))))
    return [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True)]


def _same_however_split(what: str, whole: object, pieces: object) -> None:
    if whole != pieces:
        raise AssertionError(f"{what}: fed whole gives {whole!r:.200}, fed in pieces {pieces!r:.200}")


def _names(items: Sequence[object]) -> tuple[str, ...]:
    return tuple(type(item).__name__ for item in items[:12])


# -- PN532 frames --------------------------------------------------------------------------------


def _pn532_frames(data: bytes) -> Hashable:
    whole = f.FrameParser()
    events = whole.feed(data) + whole.give_up()
    pieces = f.FrameParser()
    split = [event for piece in _split(data) for event in pieces.feed(piece)] + pieces.give_up()
    _same_however_split("PN532 frames", events, split)
    # The encoder's frame, read back by the parser, is the frame it was given.
    if data and len(data) <= f.MAX_EXTENDED_LEN and not (data[0] == f.TFI_ERROR and len(data) == 1):
        got = f.FrameParser().feed(f.encode_frame(data[0], data[1:]))
        if got != [f.Frame(data[0], data[1:])]:
            raise AssertionError(f"encode_frame({data[0]:#x}, {data[1:]!r:.80}) reads back as {got!r:.200}")
    return _names(events)


def _pn532_seeds() -> list[bytes]:
    frames = [
        f.encode_command(f.GET_FIRMWARE_VERSION),
        f.encode_response(f.GET_FIRMWARE_VERSION, bytes.fromhex("32010607")),
        f.encode_command(f.IN_LIST_PASSIVE_TARGET, b"\x01\x00"),
        f.encode_response(f.IN_LIST_PASSIVE_TARGET, bytes([1, 1, 0, 4, 8, 4]) + UID),
        f.encode_command(f.IN_DATA_EXCHANGE, bytes([1, 0x30, 4])),
        f.encode_response(f.IN_DATA_EXCHANGE, b"\x00" + bytes(range(16))),
        f.encode_response(f.IN_DATA_EXCHANGE, b"\x14"),
        f.encode_frame(f.TFI_PN532, bytes(254)),  # LEN FF: the longest normal frame
        f.encode_frame(f.TFI_PN532, bytes(range(256)) + bytes(8)),  # extended
        f.ACK_FRAME,
        f.NACK_FRAME,
        f.ERROR_FRAME,
    ]
    return [*frames, f.WAKEUP + frames[0], f.ACK_FRAME + frames[3] + b"\x00\x00", frames[5] + frames[1]]


def _repair_pn532_frame(buf: bytearray, at: int = 0) -> None:
    """Make the first frame at or after ``at`` well formed: its length and data checksums."""
    i = buf.find(f.START_CODE, at)
    if i < 0 or len(buf) < i + 4:
        return
    if buf[i + 2 : i + 4] == b"\xff\xff" and len(buf) >= i + 7:
        length, head = buf[i + 4] << 8 | buf[i + 5], i + 7
        buf[i + 6] = -(buf[i + 4] + buf[i + 5]) & 0xFF
    else:
        length, head = buf[i + 2], i + 4
        buf[i + 3] = -length & 0xFF
    end = head + length
    if end < len(buf):
        buf[end] = -sum(buf[head:end]) & 0xFF


def _pn532_repair(rng: random.Random, buf: bytearray) -> bytes:
    _repair_pn532_frame(buf, rng.randrange(len(buf)) if buf and rng.random() < 0.3 else 0)
    return bytes(buf)


PN532_TOKENS = (
    f.START_CODE,
    f.ACK_FRAME,
    f.NACK_FRAME,
    f.ERROR_FRAME,
    b"\xff\xff",
    b"\xd4",
    b"\xd5",
    b"\x00\x00\xff",
)


# -- the PN532 driver, answered by fuzzed replies ------------------------------------------------
# Input: one byte choosing the operation, then records ``code, length, reply bytes`` (whole
# frames, checksums included): the line answers each command with ACK and the next reply
# recorded for its code (the last one again when they run out), or, for a code with none, as a
# healthy PN532 would for the configuring commands and with silence for the rest.

_HEALTHY = {
    f.SAM_CONFIGURATION: f.encode_response(f.SAM_CONFIGURATION),
    f.GET_FIRMWARE_VERSION: f.encode_response(f.GET_FIRMWARE_VERSION, bytes.fromhex("32010607")),
    f.RF_CONFIGURATION: f.encode_response(f.RF_CONFIGURATION),
    f.IN_RELEASE: f.encode_response(f.IN_RELEASE, b"\x00"),
}
_DRIVER_OPERATIONS = ("wait_for_card", "read_payload", "write_payload", "wipe", "probe")
_KEY_A, _KEY_B = diversify_keys(SITE_KEY, UID)
_PAYLOAD = bytes(range(100, 132))


def _replies(data: bytes) -> dict[int, list[bytes]]:
    replies: dict[int, list[bytes]] = {}
    i = 1
    while i < len(data):
        code = data[i]
        length = data[i + 1] if i + 1 < len(data) else 0
        replies.setdefault(code, []).append(bytes(data[i + 2 : i + 2 + length]))
        i += 2 + length
    return replies


def _records(operation: int, replies: Sequence[tuple[int, bytes]]) -> bytes:
    return bytes([operation]) + b"".join(bytes([code, len(reply)]) + reply for code, reply in replies)


class _ScriptedPn532:
    """The PN532's end of an in-process line, answering from a fuzzed script."""

    def __init__(self, replies: dict[int, list[bytes]]) -> None:
        self._parser = f.FrameParser()
        self._replies = replies
        self._last = b""
        self.link = MemoryLink(self._handle).start()

    def _handle(self, data: bytes) -> None:
        for event in self._parser.feed(data):
            if isinstance(event, f.Nack):
                self.link.write(self._last)
            elif isinstance(event, f.Frame) and event.tfi == f.TFI_HOST and event.data:
                queue = self._replies.get(event.data[0])
                reply = (
                    (queue.pop(0) if len(queue) > 1 else queue[0]) if queue else _HEALTHY.get(event.data[0])
                )
                if reply is not None:
                    self._last = reply
                    self.link.write(f.ACK_FRAME + reply)


def _pn532_driver(data: bytes) -> Hashable:
    if not data:
        return "empty"
    operation = _DRIVER_OPERATIONS[data[0] % len(_DRIVER_OPERATIONS)]
    line = _ScriptedPn532(_replies(data))
    try:
        encoder = Pn532Encoder(
            line.link.path, SITE_KEY, reply_timeout_s=0.05, gap_s=0.01, retries=2, reopen_timeout_s=0.05
        )
        try:
            card = Card(uid=UID, technology="mifare-classic-1k")
            keys = CardKeys(_KEY_A, _KEY_B)
            if operation == "wait_for_card":
                return operation, encoder.wait_for_card(0.2).technology
            if operation == "read_payload":
                return operation, encoder.read_payload(card, keys) is None
            if operation == "write_payload":
                encoder.write_payload(card, _PAYLOAD, keys)
            elif operation == "wipe":
                encoder.wipe(card, keys)
            else:
                encoder.probe()
            return operation
        finally:
            encoder.close()
    finally:
        line.link.close()


def _pn532_driver_seeds() -> list[bytes]:
    ok = f.encode_response(f.IN_DATA_EXCHANGE, b"\x00")
    listed = f.encode_response(f.IN_LIST_PASSIVE_TARGET, bytes([1, 1, 0, 4, 8, 4]) + UID)
    fields = encode_chip(_credential(), UID, SITE_KEY)
    block4 = f.encode_response(f.IN_DATA_EXCHANGE, b"\x00" + fields[:16])
    block5 = f.encode_response(f.IN_DATA_EXCHANGE, b"\x00" + fields[16:])
    trailer = f.encode_response(f.IN_DATA_EXCHANGE, b"\x00" + _KEY_A + bytes.fromhex("78778869") + bytes(6))
    refused = f.encode_response(f.IN_DATA_EXCHANGE, b"\x14")
    exchange = f.IN_DATA_EXCHANGE
    seeds = [
        _records(0, [(f.IN_LIST_PASSIVE_TARGET, listed)]),
        _records(0, [(f.IN_LIST_PASSIVE_TARGET, f.encode_response(f.IN_LIST_PASSIVE_TARGET, b"\x00"))]),
        _records(4, []),
        _records(4, [(f.GET_FIRMWARE_VERSION, f.ERROR_FRAME)]),
    ]
    for operation in (1, 2, 3):
        seeds.append(
            _records(
                operation,
                [
                    (f.IN_LIST_PASSIVE_TARGET, listed),
                    *[(exchange, r) for r in (ok, block4, block5, ok, ok, ok, block4, block5, trailer, ok)],
                ],
            )
        )
        seeds.append(
            _records(operation, [(f.IN_LIST_PASSIVE_TARGET, listed), (exchange, refused), (exchange, ok)])
        )
    return seeds


def _pn532_driver_repair(rng: random.Random, buf: bytearray) -> bytes:
    if not buf:
        return b""
    replies = [(code, bytearray(reply)) for code, queue in _replies(bytes(buf)).items() for reply in queue]
    for _, reply in replies:
        _repair_pn532_frame(reply)
    return _records(buf[0], [(code, bytes(reply[:255])) for code, reply in replies])


# -- MSR ------------------------------------------------------------------------------------------

_REPLY_KINDS = tuple(msr.ReplyKind)
_MSR_TRACKS = msr.Tracks(
    "B4000000000000^ZHANG/SAN^30121010000", "0123456789012345678901234567890123456", "12345"
)


def _msr_replies(data: bytes) -> Hashable:
    if not data:
        return "empty"
    kind = _REPLY_KINDS[data[0] % len(_REPLY_KINDS)]
    whole = msr.ReplyParser(kind).feed(data[1:])
    parser = msr.ReplyParser(kind)
    split = [reply for piece in _split(data[1:]) for reply in parser.feed(piece)]
    _same_however_split(f"MSR {kind.name} replies", whole, split)
    return kind.name, _names(whole)


def _msr_reply_seeds() -> list[bytes]:
    def of(kind: msr.ReplyKind, reply: bytes) -> bytes:
        return bytes([_REPLY_KINDS.index(kind)]) + reply

    kinds = msr.ReplyKind
    return [
        of(kinds.READ, msr.reply_read(_MSR_TRACKS)),
        of(
            kinds.READ,
            msr.reply_read(msr.Tracks("", "123", ""), empty_marker=True, unreadable=frozenset({3})),
        ),
        of(kinds.READ, msr.reply_status(msr.STATUS_RW_ERROR)),
        of(
            kinds.READ_RAW,
            msr.reply_read_raw((b"\x01\x02", msr.pack_bits(msr.stripe_bits(2, "123"), 5), b"")),
        ),
        of(kinds.STATUS, msr.reply_status(msr.STATUS_OK)),
        of(kinds.COMM_TEST, bytes((msr.ESC, msr.COMM_OK))),
        of(kinds.MODEL, msr.reply_model("3")),
        of(kinds.FIRMWARE, msr.reply_firmware("REV?1.23")),
        of(kinds.BPC, msr.reply_bpc(7, 5, 5)),
        of(kinds.COERCIVITY, msr.reply_coercivity(True)),
        of(kinds.LEADING_ZERO, msr.reply_leading_zero(61, 22)),
    ]


def _msr_commands(data: bytes) -> Hashable:
    whole = msr.CommandParser().feed(data)
    parser = msr.CommandParser()
    split = [command for piece in _split(data) for command in parser.feed(piece)]
    _same_however_split("MSR commands", whole, split)
    return tuple((c.letter, c.error is None) for c in whole[:8])


def _msr_command_seeds() -> list[bytes]:
    return [
        msr.encode_write(_MSR_TRACKS),
        msr.encode_write(msr.Tracks("", msr.payload_to_track2(b"\x01" * 15), "")),
        msr.encode_write_raw((b"\x01\x02\x03", b"", b"\xff" * 20)),
        msr.encode_erase({1, 2, 3}),
        msr.encode_set_bpc(7, 5, 5),
        msr.encode_select_bpi(2, 75),
        msr.command(msr.RESET) + msr.command(msr.READ),
        msr.command(msr.WRITE) + b"\x1bs\x1b\x01AB" + msr.command(msr.RESET),
    ]


def _msr_tracks(data: bytes) -> Hashable:
    """Track data as the host reads it: a write's data block, track 2 with our payload (and the
    credential in it), a stripe's raw bits, a raw data block."""
    if not data:
        return "empty"
    selector, rest = data[0] % 4, data[1:]
    if selector == 0:
        tracks = msr.parse_write_block(rest)
        again = msr.parse_write_block(msr.data_block(tracks))
        _same_however_split("MSR data block round trip", tracks, again)
        return "block"
    if selector == 1:
        text = rest.decode("latin-1")
        payload = msr.track2_to_payload(text)
        if payload is None:
            return "blank"
        _same_however_split("track 2 round trip", text, msr.payload_to_track2(payload))
        return "credential", decode_compact(payload, SITE_KEY).kind
    if selector == 2:
        if not rest:
            return "no bits"
        number = rest[0] % 3 + 1
        bits = msr.unpack_bits(rest[1:], msr.TRACKS[number].bits_per_char)
        stripe = msr.decode_stripe(number, bits)
        if stripe:
            _same_however_split(
                "stripe round trip", stripe, msr.decode_stripe(number, msr.stripe_bits(number, stripe))
            )
        return "stripe", stripe is None
    framed = msr.frame_raw_block(rest, 0)
    return "raw", type(framed).__name__


def _msr_track_seeds() -> list[bytes]:
    compact = encode_compact(_credential(days=3), SITE_KEY)
    return [
        b"\x00" + msr.data_block(_MSR_TRACKS),
        b"\x01" + msr.payload_to_track2(compact).encode(),
        b"\x01" + msr.payload_to_track2(b"").encode(),
        b"\x02\x01" + msr.pack_bits(msr.stripe_bits(2, "0123456789"), 5),
        b"\x02\x00" + msr.pack_bits(msr.stripe_bits(1, "B1234^NAME"), 7),
        b"\x03" + msr.raw_data_block((b"\x01", b"\x02\x03", b"")),
    ]


def _msr_track_repair(rng: random.Random, buf: bytearray) -> bytes:
    # A track 2 of digits only, re-signed: the mutation then reaches the credential's fields.
    if buf[:1] == b"\x01" and rng.random() < 0.5:
        value = int.from_bytes(bytes(buf[1:16]).ljust(15, b"\x00"), "big")
        fields = value.to_bytes(15, "big")[:11]
        from kiosk.domain.credential import COMPACT_MAC_BYTES, _mac  # the codec's own signer

        return (
            b"\x01"
            + msr.payload_to_track2(fields + _mac(SITE_KEY, b"T" + fields, COMPACT_MAC_BYTES)).encode()
        )
    return bytes(buf)


# -- ID-card reader ----------------------------------------------------------------------------


def _idreader_frames(data: bytes) -> Hashable:
    if not data:
        return "empty"
    kind = sam.FrameKind.COMMAND if data[0] & 1 else sam.FrameKind.REPLY
    parser = sam.FrameParser(kind)
    whole = parser.feed(data[1:]) + parser.give_up()
    pieces = sam.FrameParser(kind)
    split = [frame for piece in _split(data[1:]) for frame in pieces.feed(piece)] + pieces.give_up()
    _same_however_split("ID reader frames", whole, split)
    return kind.value, _names(whole)


def _id_texts() -> list[bytes]:
    cards = demo_cards()
    texts = [card.text for card in cards]
    record = cards[0].record
    texts.append(encode_id_text(replace(record, valid_until=None)))
    texts.append(encode_id_text(replace(record, card_type="residence_permit", nation_code="")))
    return texts


def _idreader_frame_seeds() -> list[bytes]:
    text = _id_texts()[0]
    read = sam.encode_reply(sam.STATUS_OK, sam.encode_card_record(text, bytes(sam.PHOTO_SIZE)))
    return [
        b"\x01" + sam.command(sam.FIND_CARD),
        b"\x01" + sam.command(sam.READ_TEXT_PHOTO) + sam.command(sam.SELECT_CARD),
        b"\x00" + sam.encode_reply(sam.STATUS_FOUND, sam.FIND_REPLY_DATA),
        b"\x00" + sam.encode_reply(sam.STATUS_OK, bytes(sam.SELECT_REPLY_DATA_SIZE)),
        b"\x00" + read,
        b"\x00" + sam.encode_reply(sam.STATUS_NOT_FOUND) + sam.encode_reply(sam.STATUS_OK),
    ]


def _repair_sam_frame(buf: bytearray, at: int) -> None:
    i = buf.find(sam.PREAMBLE, at)
    if i < 0 or len(buf) < i + sam.HEADER_SIZE:
        return
    length = max(3, min(len(buf) - i - sam.HEADER_SIZE, sam.MAX_LENGTH))
    buf[i + 5 : i + 7] = struct.pack(">H", length)
    end = i + sam.HEADER_SIZE + length
    if end <= len(buf):
        buf[end - 1] = sam.checksum(bytes(buf[i + 5 : end - 1]))


def _idreader_repair(rng: random.Random, buf: bytearray) -> bytes:
    _repair_sam_frame(buf, 1)
    return bytes(buf)


def _idreader_records(data: bytes) -> Hashable:
    """A read reply's data as the driver splits it, then the text block in it parsed."""
    if not data:
        return "empty"
    selector, rest = data[0] % 4, data[1:]
    if selector in (0, 1):
        record = sam.decode_card_record(rest, with_fingerprint=selector == 1)
        return "record", parse_id_text(record.text, record.photo).card_type
    if selector == 2:
        return "sam id", sam.decode_sam_id(rest).parts[0]
    return "address", len(sam.decode_new_address(rest))


def _idreader_record_seeds() -> list[bytes]:
    text = _id_texts()[0]
    return [
        b"\x00" + sam.encode_card_record(text, bytes(range(256)) * 4),
        b"\x01" + sam.encode_card_record(text, bytes(sam.PHOTO_SIZE), bytes(512)),
        b"\x02" + sam.encode_sam_id(5, 2, 20240101, 1, 123456789),
        b"\x03" + sam.encode_new_address("北京市海淀区中关村大街1号"),
    ]


def _idreader_record_repair(rng: random.Random, buf: bytearray) -> bytes:
    # The lengths at the front made to agree with what follows (the blocks' own sizes stay fuzzed).
    if bytes(buf[:1]) in (b"\x00", b"\x01") and len(buf) >= 5:
        count = 3 if buf[0] == 1 else 2
        blocks = len(buf) - 1 - 2 * count
        if blocks >= 0:
            sizes = [256, 1024, 0][:count]
            sizes[-1] = max(0, blocks - sum(sizes[:-1]))
            buf[1 : 1 + 2 * count] = struct.pack(f">{count}H", *[min(s, 0xFFFF) for s in sizes])
    return bytes(buf)


def _id_text(data: bytes) -> Hashable:
    return parse_id_text(data).card_type


def _id_text_repair(rng: random.Random, buf: bytearray) -> bytes:
    return bytes(buf[:256]).ljust(256, b" \x00"[len(buf) % 2 : len(buf) % 2 + 1])


ID_TEXT_TOKENS = (
    *tuple(
        text.encode("utf-16-le")
        for text in ("长期", " ", "\x00", "J", "I", "Y", "0", "9", "X", "19991231", "汉")
    ),
    b"\x00\xd8",
    b"\x00\xdc",
    b"\xff\xfe",
)


# -- ESC/POS ------------------------------------------------------------------------------------


def _escpos_seeds() -> list[bytes]:
    return [
        render_document(make(), lang, PrinterProfile(width))
        for make in SAMPLES.values()
        for lang in ("zh_CN", "en")
        for width in (58, 80)
    ]


def _escpos(data: bytes) -> Hashable:
    printout = parse_escpos(data)
    return _names(printout.elements), tuple(printout.commands[:6])


def _escpos_render(data: bytes) -> Hashable:
    image = render_image(parse_escpos(data), 58 if data[:1] == b"\x00" else 80)
    return image.height > 1000


ESCPOS_TOKENS = (
    b"\x1b@",
    b"\x1ba\x01",
    b"\x1b!\x38",
    b"\x1dV\x42\x00",
    b"\x1d(k\x03\x001Q0",
    b"\x1d(k\x06\x001P0abc",
    b"\x1d(k\x03\x001C\xff",
    b"\x1c&",
    b"\x1c.",
    b"\x1dv0\x00\x02\x00\x02\x00",
    b"\x1b*\x21\x02\x00",
    b"\x1bD\x04\x08\x00",
    b"\x1dkI\x05{Babc",
    b"\x1dk\x04ABC\x00",
    b"\x1d!\x77",
    b"\x1bt\x10",
    b"\x10\x04\x01",
    b"\x09",
    b"\n",
    "汉字".encode("gb18030"),
    b"\x81\x30\x81\x30",
)


# -- card credential ------------------------------------------------------------------------------


def _credential(days: int = 30, kind: CardKind = CardKind.VISITOR) -> Credential:
    start = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
    return Credential(kind, 123456, 42, start, start + timedelta(days=days))


def _credential_target(data: bytes) -> Hashable:
    """Byte 0 even: the chip form, bytes 1-4 the card's UID; odd: the compact form."""
    if not data:
        return "empty"
    if data[0] & 1:
        credential = decode_compact(data[1:], SITE_KEY)
    else:
        credential = decode_chip(data[5:], data[1:5], SITE_KEY)
    credential.check_valid_at(NOW)
    return credential.kind


def _credential_seeds() -> list[bytes]:
    seeds = []
    for kind in CardKind:
        for days in (1, 30, 700):
            credential = _credential(days, kind)
            seeds.append(b"\x00" + UID + encode_chip(credential, UID, SITE_KEY))
            seeds.append(b"\x01" + encode_compact(credential, SITE_KEY))
    return seeds


def _credential_repair(rng: random.Random, buf: bytearray) -> bytes:
    """Sign the mutated fields again, so the check reaches the fields past the MAC."""
    from kiosk.domain.credential import CHIP_MAC_BYTES, COMPACT_MAC_BYTES, _chip_message, _mac

    if not buf:
        return b""
    if buf[0] & 1:
        fields = bytes(buf[1:12])
        return bytes(buf[:1]) + fields + _mac(SITE_KEY, b"T" + fields, COMPACT_MAC_BYTES)
    uid, fields = bytes(buf[1:5]).ljust(4, b"\x00"), bytes(buf[5:21])
    return bytes(buf[:1]) + uid + fields + _mac(SITE_KEY, _chip_message(fields, uid), CHIP_MAC_BYTES)


# -- release-slip and badge codes ---------------------------------------------------------------


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _slip_code(data: bytes) -> Hashable:
    """As the guard screen reads a code: read, then checked against the slip's binding (and
    against none, as for a slip issued before codes were bound)."""
    read = read_slip_code(_text(data))
    bound = slip_code_matches(SITE_KEY, read, _BINDING)
    return bool(read.check), bound, slip_code_matches(SITE_KEY, read, None)


_BINDING = SlipBinding("0f" * 16, NOW)


def _slip_seeds() -> list[bytes]:
    seeds = []
    for n in (1, 42, 999999, 1234567):
        for binding in (_BINDING, None):
            code = sign_slip_code(SITE_KEY, slip_number(n), binding)
            short = short_code_of(code)
            seeds += [code, short, short.lower(), short.replace("-", " "), short.replace("1", "I")]
            seeds.append("".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in short))  # full-width
        seeds.append(slip_number(n))
    return [s.encode() for s in seeds]


def _slip_repair(rng: random.Random, buf: bytearray) -> bytes:
    """A mutated number signed again (the QR's form, or the typed short code)."""
    text = _text(bytes(buf))
    digits = "".join(c for c in text if c.isascii() and c.isdigit())[:12].ljust(6, "0")
    code = sign_slip_code(SITE_KEY, "S" + digits, _BINDING if rng.random() < 0.8 else None)
    return (code if rng.random() < 0.5 else short_code_of(code)).encode()


SLIP_TOKENS = tuple(
    t.encode()
    for t in ("LKS:", ":", "S", "-", " ", "－", "Ｓ", "ｌ", "O", "I", "L", "U", "·", "—", "\u3000", "٣")
)


def _badge_code(data: bytes) -> Hashable:
    code = parse_checkout_code(_text(data))
    if code is None:
        return "not ours"
    return "ours", checkout_code_matches(SITE_KEY, code, 7, code.badge_number, NOW)


def _badge_seeds() -> list[bytes]:
    codes = [checkout_code(SITE_KEY, n, format_badge_number(n), NOW) for n in (1, 7, 999999, 1000000)]
    return [c.encode() for c in codes] + [
        f"  {codes[1].lower()}\n".encode(),
        codes[1].replace("-", "_").replace("0", ")").encode(),  # a Shift held too long
        b"LKV:V000001",
    ]


# -- CSV imports --------------------------------------------------------------------------------

_IMPORTS = (
    (DIRECTORY_COLUMNS, validate_directory_row),
    (RESIDENT_COLUMNS, validate_resident_row),
    (FEE_COLUMNS, validate_fee_row),
)


def _csv_import(data: bytes) -> Hashable:
    """Byte 0 picks the kind of file (directory, residents, fees); the rest is the file, decoded,
    its header mapped and every row validated, as ``kiosk import`` does before storing."""
    if not data:
        return "empty"
    columns, validate = _IMPORTS[data[0] % len(_IMPORTS)]
    table = read_table(data[1:], columns)
    bad = 0
    for _, row in table.rows:
        try:
            validate(row)
        except RowError:
            bad += 1
    return table.encoding, len(table.rows) > 0, bad > 0


def _csv_seeds() -> list[bytes]:
    directory = "姓名,部门,分机,手机,邮箱\n王芳,行政部,8001,13800138000,wang@example.com\n李雷,IT,,,\n"
    residents = (
        "房号,姓名,身份,电话\n2-104,张三,业主,010-66668888\n２－１０５,Li Si,tenant,+86 138 0013 8000\n"
    )
    fees = 'unit,payer,month,due,paid\n2-104,业主,2026-11,"1,234.50",0.00\nA-3-1,租户,2026/1,¥300,300\n'
    return [
        b"\x00" + directory.encode(),
        b"\x00" + b"\xef\xbb\xbf" + directory.encode(),
        b"\x00" + directory.encode("gb18030"),
        b"\x01" + residents.encode(),
        b"\x01" + residents.encode("gb18030"),
        b"\x02" + fees.encode(),
        b"\x02" + fees.replace("\n", "\r\n").encode(),
    ]


CSV_TOKENS = tuple(
    t.encode()
    for t in (
        ",",
        '"',
        "\n",
        "\r\n",
        "1e999999",
        "-0",
        "NaN",
        "Infinity",
        "¥",
        "０",
        "－",
        "9" * 20,
        ".001",
        "1E+6",
    )
)


# -- the list -------------------------------------------------------------------------------------


@contextmanager
def _pn532_driver_open() -> Iterator[Run]:
    yield _pn532_driver


def device_and_domain_targets() -> list[Target]:
    return [
        Target(
            "pn532-frames",
            "PN532 frame parser (whole and split), encoder round trip",
            _pn532_seeds,
            pure(_pn532_frames),
            (f.FrameError,),
            PN532_TOKENS,
            _pn532_repair,
        ),
        Target(
            "pn532-driver",
            "PN532 driver's response handling: fuzzed replies to its commands on an in-process line",
            _pn532_driver_seeds,
            _pn532_driver_open,
            (DeviceError,),
            PN532_TOKENS,
            _pn532_driver_repair,
        ),
        Target(
            "msr-replies",
            "MSR reply parser, every reply kind (whole and split)",
            _msr_reply_seeds,
            pure(_msr_replies),
            (),
            (b"\x1b", b"\x1bs", b"?\x1c\x1b", b"\x1b\x01", b"\x1b+", b"\x1b*", b"REV", b"0"),
        ),
        Target(
            "msr-commands",
            "MSR command parser, the encoder's side (whole and split)",
            _msr_command_seeds,
            pure(_msr_commands),
            (),
            (b"\x1bw", b"\x1bn", b"\x1ba", b"\x1bs", b"?\x1c", b"\x1b\x01", b"\x1b\x02\xff"),
        ),
        Target(
            "msr-tracks",
            "MSR track data: write blocks, track 2 payload and credential, stripe bits, raw blocks",
            _msr_track_seeds,
            pure(_msr_tracks),
            (msr.MsrCodecError, CredentialError),
            (b"\x1b\x01", b"\x1b\x02", b"?\x1c", b"%", b";", b"?", b"^", b"0" * 37),
            _msr_track_repair,
        ),
        Target(
            "idreader-frames",
            "ID-card reader frame parser, commands and replies (whole and split)",
            _idreader_frame_seeds,
            pure(_idreader_frames),
            (),
            (sam.PREAMBLE, b"\xaa\xaa", b"\x0a\x00", b"\x00\x03", b"\x90", b"\x9f"),
            _idreader_repair,
        ),
        Target(
            "idreader-records",
            "ID-card read reply data: card record, SAM id, new address, text block in it",
            _idreader_record_seeds,
            pure(_idreader_records),
            (sam.SamCodecError, IdTextError),
            ID_TEXT_TOKENS,
            _idreader_record_repair,
        ),
        Target(
            "idreader-text",
            "ID card text block (UCS-2 fields, dates, ID number)",
            _id_texts,
            pure(_id_text),
            (IdTextError,),
            ID_TEXT_TOKENS,
            _id_text_repair,
        ),
        Target(
            "escpos",
            "ESC/POS reader (printer bytes -> printout), from the project's documents",
            _escpos_seeds,
            pure(_escpos),
            (),
            ESCPOS_TOKENS,
            max_size=8192,
        ),
        Target(
            "escpos-render",
            "ESC/POS printout drawn as the preview draws it (a share: drawing is slow)",
            _escpos_seeds,
            pure(_escpos_render),
            (),
            ESCPOS_TOKENS,
            share=0.01,  # about 55 ms a printout: 1,000 drawn in a minute
            max_size=8192,
        ),
        Target(
            "credential",
            "card credential, chip (with UID) and compact forms, signed again after mutation",
            _credential_seeds,
            pure(_credential_target),
            (CredentialError,),
            (UID, b"\x10", b"\x11", b"\xff\xff\xff\xff"),
            _credential_repair,
        ),
        Target(
            "slip-code",
            "release-slip codes: the QR's code and the typed short code",
            _slip_seeds,
            pure(_slip_code),
            (SlipCodeError,),
            SLIP_TOKENS,
            _slip_repair,
        ),
        Target(
            "badge-code",
            "badge check-out code as scanned",
            _badge_seeds,
            pure(_badge_code),
            (UnsignedBadgeCodeError,),
            tuple(t.encode() for t in ("LKV2-", "LKV:", "V", "-", "０", "٣", " ", "\n", ")", "_")),
        ),
        Target(
            "csv-import",
            "CSV imports: decoding, header mapping, every row validated (directory, residents, fees)",
            _csv_seeds,
            pure(_csv_import),
            (ImportFileError,),
            CSV_TOKENS,
        ),
    ]
