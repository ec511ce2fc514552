"""The PN532 frame codec and the Mifare Classic model: exact bytes from the manual, round trips,
and a parser fuzzed with any bytes in any pieces."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.devices.pn532 import frames as f
from kiosk.devices.pn532.mifare import (
    FACTORY_ACCESS,
    FACTORY_KEY,
    READ_AB_WRITE_B,
    TRAILER_WRITE_B,
    AccessBitsError,
    KeyType,
    MifareAuthError,
    MifareClassic1K,
    MifareNakError,
    decode_access_bits,
    decode_value_block,
    encode_access_bits,
    trailer_block,
    value_block,
)

UID = bytes.fromhex("11223344")


def decode_frame(raw: bytes) -> f.Event:
    """The one frame in ``raw``, as the driver's and the emulator's parser reads it."""
    parser = f.FrameParser()
    (event,) = parser.feed(raw)
    assert parser.pending <= 1  # the postamble 00, which might start the next frame
    return event


def test_frames_from_the_manual() -> None:
    # GetFirmwareVersion as every PN532 host sends it, and its ACK / NACK / error frames.
    assert f.encode_command(f.GET_FIRMWARE_VERSION) == bytes.fromhex("0000ff02fed4022a00")
    assert bytes.fromhex("0000ff00ff00") == f.ACK_FRAME
    assert bytes.fromhex("0000ffff0000") == f.NACK_FRAME
    assert decode_frame(f.ERROR_FRAME) == f.ErrorFrame()
    assert decode_frame(f.ACK_FRAME) == f.Ack()
    assert decode_frame(f.NACK_FRAME) == f.Nack()
    # InDataExchange answer "authenticated" (D5 41 00), as logged from a real reader.
    assert f.encode_response(f.IN_DATA_EXCHANGE, b"\x00") == bytes.fromhex("0000ff03fdd54100ea00")


def test_normal_frames_hold_255_bytes_and_longer_ones_are_extended() -> None:
    normal = f.encode_frame(f.TFI_PN532, bytes(254))  # TFI + 254 = 255 bytes: LEN FF, LCS 01
    assert normal[3:5] == b"\xff\x01"
    assert decode_frame(normal) == f.Frame(f.TFI_PN532, bytes(254))
    extended = f.encode_frame(f.TFI_HOST, bytes(range(255)) + b"\x01")
    assert extended[3:8] == bytes.fromhex("ffff0101fe")  # LEN/LCS FF FF, LENM LENL 01 01, LCS
    assert decode_frame(extended) == f.Frame(f.TFI_HOST, bytes(range(255)) + b"\x01")
    with pytest.raises(f.FrameError):
        f.encode_frame(f.TFI_HOST, bytes(f.MAX_EXTENDED_LEN))


def test_parser_skips_a_bad_length_checksum_reports_a_bad_data_checksum_and_waits_for_the_rest() -> None:
    parser = f.FrameParser()
    assert parser.feed(bytes.fromhex("0000ff02fdd4022a00")) == []  # LCS wrong: not a frame
    assert parser.discarded > 0 and parser.pending <= 1
    dcs_wrong = bytes.fromhex("0000ff02fed4022b00")
    assert f.FrameParser().feed(dcs_wrong) == [f.BadFrame(dcs_wrong[1:-1])]
    truncated = f.FrameParser()
    assert truncated.feed(bytes.fromhex("0000ff02fed402")) == [] and truncated.pending == 6


def test_parser_resynchronises_past_garbage_and_broken_frames() -> None:
    good = f.encode_response(f.IN_DATA_EXCHANGE, b"\x00" + bytes(range(16)))
    broken = bytearray(good)
    broken[8] ^= 0xFF  # a data byte: DCS fails
    parser = f.FrameParser()
    events = parser.feed(b"\x55\xff\x00\x01garbage" + bytes(broken) + b"\xfe" + f.ACK_FRAME + good)
    assert events[0] == f.BadFrame(bytes(broken[1:-1]))  # from its start code to its DCS
    assert events[-2:] == [f.Ack(), f.Frame(f.TFI_PN532, bytes([0x41, 0]) + bytes(range(16)))]
    assert parser.discarded > 0


def test_parser_takes_bytes_one_at_a_time_and_gives_up_on_a_frame_that_never_ends() -> None:
    parser = f.FrameParser()
    frame = f.encode_response(f.GET_FIRMWARE_VERSION, b"\x32\x01\x06\x07")
    events: list[f.Event] = []
    for byte in frame:
        events += parser.feed(bytes([byte]))
    assert events == [f.Frame(f.TFI_PN532, b"\x03\x32\x01\x06\x07")]
    short = frame[:6] + frame[7:-1]  # one byte lost on the line, and nothing follows
    assert parser.feed(short) == []
    assert parser.pending > 1
    assert parser.give_up() == []
    assert parser.pending == 0
    assert parser.feed(frame) == [f.Frame(f.TFI_PN532, b"\x03\x32\x01\x06\x07")]


def test_status_messages() -> None:
    assert f.status_message(0x14) == "Mifare authentication error"
    assert f.status_message(0x41) == f.status_message(0x01)  # MI / NAD bits are not errors
    assert "unknown PN532 error 0x3E" in f.status_message(0x3E)


@given(st.binary(max_size=600), st.lists(st.integers(1, 40), max_size=30))
def test_parser_never_raises_on_any_bytes_in_any_pieces(data: bytes, cuts: list[int]) -> None:
    parser = f.FrameParser()
    events: list[f.Event] = []
    position = 0
    for size in cuts:
        events += parser.feed(data[position : position + size])
        position += size
    events += parser.feed(data[position:])
    events += parser.give_up()
    assert all(isinstance(e, f.Ack | f.Nack | f.ErrorFrame | f.Frame | f.BadFrame) for e in events)
    assert parser.pending == 0


@given(
    st.sampled_from([f.TFI_HOST, f.TFI_PN532]),
    st.binary(min_size=1, max_size=f.MAX_EXTENDED_LEN - 1),
    st.binary(max_size=20),
    st.integers(1, 50),
)
def test_round_trip_through_noise_and_pieces(tfi: int, data: bytes, noise: bytes, piece: int) -> None:
    frame = f.encode_frame(tfi, data)
    assert decode_frame(frame) == f.Frame(tfi, data)
    stream = noise + frame
    parser = f.FrameParser()
    events: list[f.Event] = []
    for i in range(0, len(stream), piece):
        events += parser.feed(stream[i : i + piece])
    # Noise may hold a frame of its own, but never hides ours, which comes last.
    assert events[-1] == f.Frame(tfi, data)


# -- Mifare Classic ----------------------------------------------------------------------------


def test_access_bits_match_the_datasheet() -> None:
    assert bytes.fromhex("ff078069") == FACTORY_ACCESS
    ours = encode_access_bits([READ_AB_WRITE_B] * 3 + [TRAILER_WRITE_B])
    assert ours == bytes.fromhex("78778869")
    assert decode_access_bits(ours) == (READ_AB_WRITE_B,) * 3 + (TRAILER_WRITE_B,)
    with pytest.raises(AccessBitsError):
        decode_access_bits(bytes.fromhex("ff0781"))


@given(st.lists(st.tuples(st.integers(0, 1), st.integers(0, 1), st.integers(0, 1)), min_size=4, max_size=4))
def test_access_bits_round_trip(conditions: list[tuple[int, int, int]]) -> None:
    assert decode_access_bits(encode_access_bits(conditions)) == tuple(conditions)


def test_card_enforces_keys_and_access_bits() -> None:
    card = MifareClassic1K(UID)
    key_a, key_b = b"\xa1" * 6, b"\xb2" * 6
    card.authenticate(7, KeyType.A, b"\xff" * 6, UID)
    card.write(4, b"\x01" * 16)
    card.write(7, trailer_block(key_a, encode_access_bits([READ_AB_WRITE_B] * 3 + [TRAILER_WRITE_B]), key_b))
    card.select()
    with pytest.raises(MifareAuthError):
        card.authenticate(4, KeyType.A, b"\xff" * 6, UID)
    card.select()
    card.authenticate(4, KeyType.A, key_a, UID)
    assert card.read(4) == b"\x01" * 16
    assert card.read(7)[:6] == bytes(6) and card.read(7)[10:] == bytes(6)  # keys never read back
    with pytest.raises(MifareNakError):
        card.write(4, bytes(16))  # key A reads only
    card.select()
    card.authenticate(4, KeyType.B, key_b, UID)
    card.write(4, bytes(16))
    card.write(7, card.read(7)[:6] + bytes.fromhex("ff0781") + b"\x69" + key_b)  # bad bits
    with pytest.raises(MifareNakError):
        card.read(4)  # the sector is blocked for good, and says so instead of crashing
    assert "keys set in sector(s) 1" in card.describe()


@given(st.integers(-(2**31), 2**31 - 1), st.integers(0, 255))
def test_value_blocks_round_trip(value: int, address: int) -> None:
    block = value_block(value, address)
    assert decode_value_block(block) == (value, address)
    spoilt = bytearray(block)
    spoilt[5] ^= 0x01  # the inverted copy no longer matches
    with pytest.raises(ValueError):
        decode_value_block(bytes(spoilt))


def test_value_commands_follow_the_access_bits_and_wrap_at_32_bits() -> None:
    card = MifareClassic1K(UID)
    key_b = b"\xb0" * 6
    # Block 4: a purse (increment with B, the rest with A or B); block 5: read/write only.
    card.blocks[7][:] = trailer_block(
        FACTORY_KEY, encode_access_bits([(1, 1, 0), (1, 0, 0), (0, 0, 0), (0, 1, 1)]), key_b
    )
    card.blocks[4][:] = value_block(2**31 - 1, 4)
    card.authenticate(7, KeyType.A, FACTORY_KEY, UID)
    with pytest.raises(MifareNakError, match="may not be incremented with key A"):
        card.increment(4, 1)
    card.select()  # the NAK halted it
    card.authenticate(7, KeyType.B, key_b, UID)
    card.increment(4, 1)
    card.transfer(4)
    assert decode_value_block(bytes(card.blocks[4])) == (-(2**31), 4)
    card.restore(4)
    with pytest.raises(MifareNakError, match="may not be transferred to"):
        card.transfer(5)
    card.select()
    card.authenticate(7, KeyType.B, key_b, UID)
    card.blocks[6][:] = b"not a value blk!"
    with pytest.raises(MifareNakError, match="not in value-block format"):
        card.decrement(6, 1)
