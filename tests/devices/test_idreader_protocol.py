"""The SAM_V frame codec: frames as published readers send them, resync, and fuzzing."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.devices.idreader.protocol import (
    FIND_CARD,
    PREAMBLE,
    READ_TEXT_PHOTO,
    READ_TEXT_PHOTO_FINGERPRINT,
    SAM_STATUS,
    SELECT_CARD,
    SET_RF_FRAME_SIZE,
    STATUS_FOUND,
    STATUS_OK,
    BadFrame,
    CommandFrame,
    FrameKind,
    FrameParser,
    ReplyFrame,
    SamCodecError,
    command,
    decode_card_record,
    decode_sam_id,
    encode_card_record,
    encode_reply,
    encode_sam_id,
)


def test_commands_match_the_bytes_readers_are_sent() -> None:
    # The frames every SAM_V integration guide lists.
    assert command(FIND_CARD).hex(" ") == "aa aa aa 96 69 00 03 20 01 22"
    assert command(SELECT_CARD).hex(" ") == "aa aa aa 96 69 00 03 20 02 21"
    assert command(READ_TEXT_PHOTO).hex(" ") == "aa aa aa 96 69 00 03 30 01 32"
    assert command(READ_TEXT_PHOTO_FINGERPRINT).hex(" ") == "aa aa aa 96 69 00 03 30 10 23"
    assert command(SAM_STATUS).hex(" ") == "aa aa aa 96 69 00 03 11 ff ed"
    assert command(SET_RF_FRAME_SIZE, b"\x50").hex(" ") == "aa aa aa 96 69 00 04 61 ff 50 ca"


def decode_reply(frame: bytes) -> ReplyFrame:
    """The one reply in ``frame``, as the driver's parser reads it."""
    (reply,) = FrameParser(FrameKind.REPLY).feed(frame)
    assert isinstance(reply, ReplyFrame)
    return reply


def test_replies_match_what_readers_send() -> None:
    found = bytes.fromhex("aaaaaa9669000800009f0000000097")
    assert encode_reply(STATUS_FOUND, bytes(4)) == found
    reply = decode_reply(found)
    assert (reply.sw1, reply.sw2, reply.sw3, reply.data) == (0, 0, STATUS_FOUND, bytes(4))
    selected = bytes.fromhex("aaaaaa9669000c00009000000000000000009c")
    assert decode_reply(selected).data == bytes(8)


def test_a_read_reply_is_1295_bytes_and_splits_into_text_and_photo() -> None:
    text, photo = bytes(range(256)), bytes(1024)
    frame = encode_reply(STATUS_OK, encode_card_record(text, photo))
    assert len(frame) == 1295
    assert frame[5:14].hex(" ") == "05 08 00 00 90 01 00 04 00"
    record = decode_card_record(decode_reply(frame).data)
    assert (record.text, record.photo, record.fingerprint) == (text, photo, None)
    assert "256" in repr(record) and "00 01 02" not in repr(record)
    with_fp = encode_reply(STATUS_OK, encode_card_record(text, photo, bytes(1024)))
    assert len(with_fp) == 2321
    assert decode_card_record(decode_reply(with_fp).data, with_fingerprint=True).fingerprint == bytes(1024)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        encode_card_record(bytes(255), bytes(1024)),
        encode_card_record(bytes(256), bytes(1000)),
        encode_card_record(bytes(256), bytes(1024))[:-1],
    ],
)
def test_malformed_read_data_is_refused(data: bytes) -> None:
    with pytest.raises(SamCodecError):
        decode_card_record(data)


def test_fingerprint_block_sizes_are_checked() -> None:
    with pytest.raises(SamCodecError, match="fingerprint"):
        decode_card_record(encode_card_record(bytes(256), bytes(1024), bytes(100)), with_fingerprint=True)


def test_sam_id_round_trip_and_format() -> None:
    raw = encode_sam_id(5, 1, 20240315, 1234567, 987654321)
    assert str(decode_sam_id(raw)) == "05.01-20240315-0001234567-0987654321"
    with pytest.raises(SamCodecError):
        decode_sam_id(raw[:-1])
    with pytest.raises(SamCodecError):
        encode_sam_id(-1, 0, 0, 0, 0)


def test_the_emulators_parser_takes_a_command_and_reports_a_damaged_one() -> None:
    good = command(FIND_CARD)
    assert FrameParser(FrameKind.COMMAND).feed(good) == [CommandFrame(0x20, 0x01)]
    out = FrameParser(FrameKind.COMMAND).feed(good[:-1] + b"\x00")
    assert len(out) == 1 and isinstance(out[0], BadFrame) and "checksum" in out[0].reason
    parser = FrameParser(FrameKind.COMMAND)
    assert parser.feed(good[:-1]) == [] and parser.pending  # the rest is still to come


def test_parser_skips_garbage_and_reassembles_split_frames() -> None:
    parser = FrameParser(FrameKind.REPLY)
    stream = b"\x00\x13\xaa\xaa" + encode_reply(STATUS_FOUND, bytes(4)) + b"\xaa" + encode_reply(STATUS_OK)
    out: list[object] = []
    for i in range(len(stream)):
        out += parser.feed(stream[i : i + 1])
    assert [f.sw3 for f in out if isinstance(f, ReplyFrame)] == [STATUS_FOUND, STATUS_OK]
    assert not parser.pending


def test_parser_reports_a_corrupted_frame_and_finds_the_next_one() -> None:
    corrupted = bytearray(encode_reply(STATUS_OK, b"abc"))
    corrupted[9] ^= 0x01
    out = FrameParser(FrameKind.REPLY).feed(bytes(corrupted) + encode_reply(STATUS_FOUND))
    assert isinstance(out[0], BadFrame) and "checksum" in out[0].reason
    assert isinstance(out[-1], ReplyFrame) and out[-1].sw3 == STATUS_FOUND


def test_give_up_finds_a_frame_hidden_behind_a_corrupted_length() -> None:
    # A length byte hit by noise claims 0x0903 bytes; the real reply follows a few bytes later.
    parser = FrameParser(FrameKind.REPLY)
    broken = PREAMBLE + b"\x09\x03"
    assert parser.feed(broken + encode_reply(STATUS_OK)) == []
    assert parser.pending
    out = parser.give_up()
    assert isinstance(out[0], BadFrame)
    assert isinstance(out[-1], ReplyFrame) and out[-1].sw3 == STATUS_OK
    assert not parser.pending


def test_reply_repr_hides_the_data() -> None:
    reply = ReplyFrame(0, 0, STATUS_OK, "110105198503071230".encode("utf-16-le"))
    assert "1101" not in repr(reply) and "36 data bytes" in repr(reply)


@given(st.binary(max_size=400), st.integers(min_value=1, max_value=64))
def test_fuzz_the_parser_never_raises(data: bytes, chunk: int) -> None:
    for kind in FrameKind:
        parser = FrameParser(kind)
        for i in range(0, len(data), chunk):
            for frame in parser.feed(data[i : i + chunk]):
                assert isinstance(frame, (CommandFrame, ReplyFrame, BadFrame))
        parser.give_up()


@given(st.integers(0, 255), st.binary(max_size=300), st.binary(max_size=40), st.integers(1, 50))
def test_fuzz_any_reply_survives_garbage_and_splitting(
    sw3: int, data: bytes, junk: bytes, chunk: int
) -> None:
    frame = encode_reply(sw3, data)
    # Junk cannot contain a whole preamble, or it would be a (bad) frame of its own.
    junk = junk.replace(b"\x96\x69", b"\x96\x00")
    stream = junk + frame
    parser = FrameParser(FrameKind.REPLY)
    got: list[ReplyFrame] = []
    for i in range(0, len(stream), chunk):
        got += [f for f in parser.feed(stream[i : i + chunk]) if isinstance(f, ReplyFrame)]
    if not got:  # junk ending in a fake header swallowed the frame: giving up finds it
        got += [f for f in parser.give_up() if isinstance(f, ReplyFrame)]
    assert got[-1] == ReplyFrame(0, 0, sw3, data)


@given(st.binary(max_size=64))
def test_fuzz_decoders_raise_only_their_error(data: bytes) -> None:
    for decode in (decode_card_record, decode_sam_id):
        with contextlib.suppress(SamCodecError):
            decode(data)
