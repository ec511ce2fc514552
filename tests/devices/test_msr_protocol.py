"""The MSR206 codec: the manual's own examples, track character sets, the track-2 payload, and
fuzzing of every parser (arbitrary bytes raise nothing but the codec's error, split anywhere)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.devices.msr.protocol import (
    MAX_DATA_BLOCK,
    RESET,
    SET_BPC,
    STATUS_INVALID_SWIPE,
    STATUS_OK,
    STATUS_RW_ERROR,
    TRACK2_DIGITS,
    TRACKS,
    WRITE,
    BpcReply,
    CoercivityReply,
    Command,
    CommandParser,
    CommOkReply,
    FirmwareReply,
    GarbledReply,
    LeadingZeroReply,
    ModelReply,
    MsrCodecError,
    ReadReply,
    ReplyKind,
    ReplyParser,
    StatusReply,
    TrackDataError,
    Tracks,
    check_track,
    describe_status,
    encode_erase,
    encode_select_bpi,
    encode_set_bpc,
    encode_write,
    erase_select_byte,
    erase_tracks,
    parse_read_body,
    parse_write_block,
    payload_to_track2,
    reply_bpc,
    reply_coercivity,
    reply_firmware,
    reply_leading_zero,
    reply_model,
    reply_read,
    reply_status,
    track2_to_payload,
)

# -- the manual's examples -----------------------------------------------------------------------


def test_write_command_is_the_manuals_section_8_example() -> None:
    # MSR206 Programmer's Manual 8.2: tracks 1, 2, 3 = "01", "23", "45".
    expected = bytes.fromhex("1b 77 1b 73 1b 01 30 31 1b 02 32 33 1b 03 34 35 3f 1c")
    assert encode_write(Tracks("01", "23", "45")) == expected


def test_write_command_is_the_manuals_section_9_example() -> None:
    expected = bytes.fromhex(
        "1b 77 1b 73 1b 01 41 42 43 31 32 33 1b 02 31 32 33 34 35 1b 03 31 32 33 34 35 3f 1c"
    )
    assert encode_write(Tracks("ABC123", "12345", "12345")) == expected


def test_read_reply_of_the_manuals_section_8_example_parses() -> None:
    # 8.3: ESC s ESC 01 %01? ESC 02 ;23? ESC 03 ;45? ? FS ESC 0
    wire = bytes.fromhex("1b 73 1b 01 25 30 31 3f 1b 02 3b 32 33 3f 1b 03 3b 34 35 3f 3f 1c 1b 30")
    assert ReplyParser(ReplyKind.READ).feed(wire) == [ReadReply(Tracks("01", "23", "45"), STATUS_OK)]
    assert reply_read(Tracks("01", "23", "45")) == wire


def test_read_of_track_2_only_in_both_firmware_styles() -> None:
    # The MSR206 manual: "1B 73 1B 01 1B 02 [string] 3F 1C"; MSR605 firmware sends ESC + for none.
    manual = b"\x1bs\x1b\x01\x1b\x02;4711?\x1b\x03?\x1c\x1b0"
    marked = b"\x1bs\x1b\x01\x1b+\x1b\x02;4711?\x1b\x03\x1b+?\x1c\x1b0"
    for wire in (manual, marked):
        [reply] = ReplyParser(ReplyKind.READ).feed(wire)
        assert reply == ReadReply(Tracks("", "4711", ""), STATUS_OK)
    assert reply_read(Tracks(track2="4711"), empty_marker=True) == marked
    # A model without track 3 simply leaves its selector out.
    [short] = ReplyParser(ReplyKind.READ).feed(b"\x1bs\x1b\x01%A?\x1b\x02;1?\x3f\x1c\x1b0")
    assert short == ReadReply(Tracks("A", "1", ""), STATUS_OK)


def test_unreadable_tracks_and_error_status() -> None:
    wire = reply_read(Tracks(), STATUS_RW_ERROR, frozenset({1, 2, 3}))
    assert wire == b"\x1bs\x1b\x01\x1b*\x1b\x02\x1b*\x1b\x03\x1b*?\x1c\x1b1"
    [reply] = ReplyParser(ReplyKind.READ).feed(wire)
    assert isinstance(reply, ReadReply)
    assert reply.unreadable == {1, 2, 3} and reply.status == STATUS_RW_ERROR and not reply.ok


def test_erase_select_byte_is_the_manuals_table() -> None:
    table = {
        frozenset({1}): 0b000,
        frozenset({2}): 0b010,
        frozenset({3}): 0b100,
        frozenset({1, 2}): 0b011,
        frozenset({1, 3}): 0b101,
        frozenset({2, 3}): 0b110,
        frozenset({1, 2, 3}): 0b111,
    }
    for tracks, select in table.items():
        assert erase_select_byte(tracks) == select
        assert erase_tracks(select) == tracks
        assert encode_erase(tracks) == bytes((0x1B, 0x63, select))
    assert erase_tracks(1) is None and erase_tracks(8) is None
    with pytest.raises(MsrCodecError):
        erase_select_byte(set())
    with pytest.raises(MsrCodecError):
        erase_select_byte({4})


def test_settings_commands() -> None:
    assert encode_set_bpc(7, 5, 5) == b"\x1bo\x07\x05\x05"
    assert encode_select_bpi(2, 75) == b"\x1bb\x4b"
    assert encode_select_bpi(2, 210) == b"\x1bb\xd2"
    assert encode_select_bpi(1, 210) == b"\x1bb\xa1"
    assert encode_select_bpi(3, 75) == b"\x1bb\xc0"
    with pytest.raises(MsrCodecError):
        encode_set_bpc(4, 5, 5)
    with pytest.raises(MsrCodecError):
        encode_select_bpi(2, 100)


def test_status_descriptions() -> None:
    assert describe_status(0x30) == "'0' (OK)"
    assert describe_status(0x31) == "'1' (read/write error)"
    assert describe_status(0x32) == "'2' (command format error)"
    assert describe_status(0x34) == "'4' (invalid command)"
    assert describe_status(0x39) == "'9' (invalid card swipe in write mode)"
    assert "unknown" in describe_status(0x05)


# -- track character sets ----------------------------------------------------------------------


def test_track_capacities_are_iso_7811() -> None:
    assert [TRACKS[n].capacity for n in (1, 2, 3)] == [76, 37, 104]
    assert [TRACKS[n].bpi for n in (1, 2, 3)] == [210, 75, 210]
    check_track(1, "A" * 76)
    check_track(2, "1" * 37)
    check_track(3, "1" * 104)
    with pytest.raises(TrackDataError, match="track 2 holds at most 37 characters, not 38"):
        check_track(2, "1" * 38)
    with pytest.raises(TrackDataError, match="at most 76"):
        check_track(1, "A" * 77)


def test_track_character_sets() -> None:
    check_track(1, "DOE/JOHN^ 12-34 #$()")
    check_track(2, "0123456789:<=>")
    with pytest.raises(TrackDataError, match=r"track 2 cannot carry 'A' \(character 3\)"):
        check_track(2, "12A")
    with pytest.raises(TrackDataError, match="cannot carry ';'"):
        check_track(3, "1;2")
    with pytest.raises(TrackDataError, match="cannot carry '\\?'"):
        check_track(2, "12?")
    with pytest.raises(TrackDataError, match="cannot carry 'l'"):
        check_track(1, "lower")
    with pytest.raises(TrackDataError, match="cannot carry '%'"):
        check_track(1, "50%")
    with pytest.raises(TrackDataError, match="cannot carry '张'"):
        check_track(1, "张")
    with pytest.raises(TrackDataError, match="no track 4"):
        check_track(4, "1")
    with pytest.raises(TrackDataError):
        encode_write(Tracks(track2="4111 1111"))


@given(st.integers(1, 3), st.text(max_size=120))
def test_track_check_accepts_exactly_its_set(number: int, text: str) -> None:
    spec = TRACKS[number]
    try:
        assert check_track(number, text) == text
    except TrackDataError:
        assert len(text) > spec.capacity or any(c not in spec.alphabet for c in text)
    else:
        assert len(text) <= spec.capacity and all(c in spec.alphabet for c in text)


# -- our payload on track 2 --------------------------------------------------------------------


def test_payload_round_trips_in_37_digits() -> None:
    for payload in (b"", b"\x00", b"\x00\x00", b"\xff", b"\x00" * 15, b"\xff" * 15, bytes(range(15))):
        digits = payload_to_track2(payload)
        assert len(digits) == TRACK2_DIGITS and digits.isdigit()
        check_track(2, digits)
        assert track2_to_payload(digits) == payload
    # Leading zero bytes are kept: the length is part of the number.
    assert len({payload_to_track2(b"\x00" * n) for n in range(16)}) == 16
    assert payload_to_track2(b"\x00" * 15) == "0" * 37


def test_a_credentials_compact_form_round_trips_through_track_2() -> None:
    from datetime import UTC, datetime, timedelta

    from kiosk.domain.credential import CardKind, Credential, decode_compact, encode_compact

    start = datetime(2026, 11, 25, 2, tzinfo=UTC)
    credential = Credential(CardKind.MACHINE_ROOM, 12345, 7, start, start + timedelta(days=365))
    payload = encode_compact(credential, b"k" * 32)
    digits = payload_to_track2(payload)
    assert len(digits) == TRACK2_DIGITS and digits.isdigit()
    restored = track2_to_payload(digits)
    assert restored is not None and decode_compact(restored, b"k" * 32) == credential


def test_payload_longer_than_15_bytes_is_refused() -> None:
    with pytest.raises(
        TrackDataError, match="16 bytes does not fit on track 2: its 37 digits hold at most 15"
    ):
        payload_to_track2(bytes(16))


def test_blank_and_foreign_track_2() -> None:
    assert track2_to_payload("") is None
    for foreign in ("4111111111111111=2512101", "1" * 36, "1" * 38, "12345678901234567890123456789012345=7"):
        with pytest.raises(MsrCodecError):
            track2_to_payload(foreign)
    with pytest.raises(MsrCodecError, match="beyond any payload"):
        track2_to_payload("9" * 37)
    with pytest.raises(MsrCodecError):
        track2_to_payload("١" * 37)  # Arabic-Indic digits are digits to str.isdigit, not to a stripe


@given(st.binary(max_size=15))
def test_payload_round_trip_property(payload: bytes) -> None:
    assert track2_to_payload(payload_to_track2(payload)) == payload


@given(st.text(max_size=40))
def test_track2_decoder_raises_only_its_error(text: str) -> None:
    try:
        payload = track2_to_payload(text)
    except MsrCodecError:
        return
    if payload is not None:
        assert payload_to_track2(payload) == text  # the mapping is a bijection onto its range


# -- reply parser ------------------------------------------------------------------------------

NOISE = b"\x00\x13\xfe\x1b\x1c\x11"


def _fed_bytewise(kind: ReplyKind, data: bytes) -> list[object]:
    parser = ReplyParser(kind)
    out: list[object] = []
    for i in range(len(data)):
        out += parser.feed(data[i : i + 1])
    return out


@pytest.mark.parametrize(
    ("kind", "wire", "reply"),
    [
        (ReplyKind.STATUS, reply_status(STATUS_OK), StatusReply(STATUS_OK)),
        (ReplyKind.STATUS, reply_status(STATUS_INVALID_SWIPE), StatusReply(STATUS_INVALID_SWIPE)),
        (ReplyKind.STATUS, b"\x1bA", StatusReply(0x41)),
        (ReplyKind.COMM_TEST, b"\x1by", CommOkReply()),
        (ReplyKind.MODEL, reply_model("3"), ModelReply("3")),
        (ReplyKind.FIRMWARE, reply_firmware("REVH1.05"), FirmwareReply("REVH1.05")),
        (ReplyKind.BPC, reply_bpc(7, 5, 5), BpcReply((7, 5, 5))),
        (ReplyKind.BPC, b"\x1bA", StatusReply(0x41)),
        (ReplyKind.COERCIVITY, reply_coercivity(True), CoercivityReply(True)),
        (ReplyKind.COERCIVITY, reply_coercivity(False), CoercivityReply(False)),
        (ReplyKind.COERCIVITY, b"\x1bh", CoercivityReply(True)),
        (ReplyKind.LEADING_ZERO, reply_leading_zero(0x3D, 0x16), LeadingZeroReply(0x3D, 0x16)),
        (ReplyKind.READ, reply_status(STATUS_RW_ERROR), StatusReply(STATUS_RW_ERROR)),
    ],
)
def test_every_reply_kind_parses_whole_split_and_after_noise(
    kind: ReplyKind, wire: bytes, reply: object
) -> None:
    assert ReplyParser(kind).feed(wire) == [reply]
    assert _fed_bytewise(kind, wire) == [reply]
    if kind is ReplyKind.LEADING_ZERO:
        return  # ESC and any two bytes: nothing tells that reply from noise
    parser = ReplyParser(kind)
    assert parser.feed(NOISE + wire) == [reply]
    assert parser.discarded == len(NOISE)
    assert not parser.pending


def test_parser_waits_for_the_rest_and_says_so() -> None:
    parser = ReplyParser(ReplyKind.READ)
    wire = reply_read(Tracks(track2="0" * 37))
    assert parser.feed(wire[:10]) == []
    assert parser.pending
    assert parser.feed(wire[10:]) == [ReadReply(Tracks(track2="0" * 37), STATUS_OK)]
    assert not parser.pending


def test_wrong_firmware_and_model_shapes_are_skipped() -> None:
    assert ReplyParser(ReplyKind.FIRMWARE).feed(b"\x1bVERSION1") == []
    assert ReplyParser(ReplyKind.MODEL).feed(b"\x1b3X") == []
    assert ReplyParser(ReplyKind.BPC).feed(b"\x1b0\x09\x05\x05") == []
    assert ReplyParser(ReplyKind.COMM_TEST).feed(b"\x1bx") == []


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"\x1b\x02;12A?", "cannot carry 'A'"),
        (b"\x1b\x02123?", "sentinels"),
        (b"\x1b\x02;123", "sentinels"),
        (b"\x1b\x01%A?\x1b\x01%B?", "twice"),
        (b"junk\x1b\x02;1?", "before the first track"),
        (b"\x1b\x01%\xe9?", "not ASCII"),
    ],
)
def test_garbled_read_bodies(body: bytes, reason: str) -> None:
    reply = parse_read_body(body, STATUS_OK)
    assert isinstance(reply, GarbledReply)
    assert reason in reply.reason


def test_a_read_status_that_is_no_status_is_garbled() -> None:
    [reply] = ReplyParser(ReplyKind.READ).feed(b"\x1bs\x1b\x02;1??\x1c\x1bZ")
    assert isinstance(reply, GarbledReply)


def test_an_endless_data_block_is_garbled_after_its_maximum() -> None:
    parser = ReplyParser(ReplyKind.READ)
    assert parser.feed(b"\x1bs" + b"1" * 100) == []
    [reply] = parser.feed(b"1" * MAX_DATA_BLOCK)
    assert isinstance(reply, GarbledReply)


KINDS = st.sampled_from(list(ReplyKind))


@settings(max_examples=300)
@given(KINDS, st.binary(max_size=400), st.lists(st.integers(1, 40), max_size=30))
def test_reply_parser_fuzz_split_anywhere(kind: ReplyKind, data: bytes, cuts: list[int]) -> None:
    whole = ReplyParser(kind).feed(data)
    parser = ReplyParser(kind)
    pieces: list[object] = []
    i = 0
    for cut in cuts:
        pieces += parser.feed(data[i : i + cut])
        i += cut
    pieces += parser.feed(data[i:])
    assert pieces == whole


_T1 = st.text(alphabet=sorted(TRACKS[1].alphabet), max_size=76)
_T2 = st.text(alphabet=sorted(TRACKS[2].alphabet), max_size=37)
_T3 = st.text(alphabet=sorted(TRACKS[3].alphabet), max_size=104)
TRACK_SETS = st.builds(Tracks, _T1, _T2, _T3)


@given(TRACK_SETS, st.booleans(), st.binary(max_size=20).map(lambda b: b.replace(b"\x1b", b"")))
def test_read_reply_round_trip_after_noise(tracks: Tracks, marker: bool, noise: bytes) -> None:
    wire = reply_read(tracks, empty_marker=marker)
    assert ReplyParser(ReplyKind.READ).feed(noise + wire) == [ReadReply(tracks, STATUS_OK)]


@given(st.binary(max_size=300), st.integers(0, 0x7F))
def test_read_body_fuzz(body: bytes, status: int) -> None:
    reply = parse_read_body(body, status)
    assert isinstance(reply, ReadReply | GarbledReply)


# -- command parser (the encoder's side) -------------------------------------------------------


def test_command_parser_frames_commands_with_their_arguments() -> None:
    wire = (
        b"\x1ba\x1be"
        + encode_set_bpc(7, 5, 5)
        + encode_write(Tracks(track2="123"))
        + encode_erase({1, 2, 3})
        + b"\x1br"
    )
    commands = CommandParser().feed(wire)
    assert [c.letter for c in commands] == [RESET, ord("e"), SET_BPC, WRITE, ord("c"), ord("r")]
    assert commands[2].arguments == b"\x07\x05\x05"
    assert commands[3] == Command(WRITE, tracks=Tracks(track2="123"))
    assert commands[4].arguments == b"\x07"


def test_reset_inside_an_unfinished_write_block_wins() -> None:
    commands = CommandParser().feed(b"\x1bw\x1bs\x1b\x02123\x1ba\x1be")
    assert [c.letter for c in commands] == [RESET, ord("e")]


def test_malformed_write_blocks_are_flagged() -> None:
    for block in (b"\x1bw\x1bs\x1b\x0212A?\x1c", b"\x1bw\x1bs\x1b\x05123?\x1c", b"\x1bwxx?\x1c"):
        [cmd] = CommandParser().feed(block)
        assert cmd.letter == WRITE and cmd.error and cmd.tracks is None
    [endless] = CommandParser().feed(b"\x1bw\x1bs\x1b\x02" + b"1" * MAX_DATA_BLOCK)
    assert endless.error == "a data block without its end"


@given(TRACK_SETS)
def test_write_block_round_trip(tracks: Tracks) -> None:
    assert CommandParser().feed(encode_write(tracks)) == [Command(WRITE, tracks=tracks)]


@settings(max_examples=300)
@given(st.binary(max_size=400), st.lists(st.integers(1, 40), max_size=30))
def test_command_parser_fuzz_split_anywhere(data: bytes, cuts: list[int]) -> None:
    whole = CommandParser().feed(data)
    parser = CommandParser()
    pieces: list[Command] = []
    i = 0
    for cut in cuts:
        pieces += parser.feed(data[i : i + cut])
        i += cut
    pieces += parser.feed(data[i:])
    assert pieces == whole


@given(st.binary(max_size=200))
def test_write_block_parser_raises_only_its_error(data: bytes) -> None:
    try:
        tracks = parse_write_block(data)
    except MsrCodecError:
        return
    assert isinstance(tracks, Tracks)
    tracks.checked()
