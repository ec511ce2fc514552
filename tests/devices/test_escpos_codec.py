from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.devices.escpos import Printout
from kiosk.devices.escpos.codec import Barcode, Cut, Feed, Line, QrCode, Span, parse_escpos

# Introducers and the command bytes that follow them, so random input reaches the commands'
# argument handling instead of being almost all plain text.
_COMMANDISH = st.lists(
    st.one_of(
        st.binary(max_size=8),
        st.sampled_from([b"\x1b", b"\x1d", b"\x1c", b"\x10"]).flatmap(
            lambda intro: st.binary(min_size=0, max_size=6).map(lambda rest: intro + rest)
        ),
        st.sampled_from(
            [b"\x1d(k", b"\x1dV", b"\x1dk", b"\x1bD", b"\x1b*", b"\x1dv0", b"\x1c&", b"\x1b@", b"\t", b"\n"]
        ),
    ),
    max_size=40,
).map(b"".join)


def check_printout(printout: Printout) -> None:
    assert isinstance(printout.text_lines(), list)
    assert printout.cuts() >= 0 and all(isinstance(qr, str) for qr in printout.qr_codes())


@given(st.binary(max_size=512))
def test_parser_never_raises(data: bytes) -> None:
    check_printout(parse_escpos(data))


@given(_COMMANDISH, st.sampled_from(["gb18030", "gbk", "cp437"]))
def test_parser_never_raises_on_command_soup(data: bytes, encoding: str) -> None:
    check_printout(parse_escpos(data, encoding))


def test_code_page_text_outside_chinese_mode() -> None:
    printout = parse_escpos(b"\x1b@\x1bt\x00caf\x82\n\x1c&" + "中".encode("gb18030") + b"\n\x1c.ok\n")
    assert printout.text_lines() == ["café", "中", "ok"]
    assert printout.commands == ["init", "code_page", "chinese_on", "chinese_off"]


def test_high_bytes_outside_chinese_mode_are_the_code_page() -> None:
    gb = "中".encode("gb18030")  # D6D0: two cp437 box-drawing characters without FS &
    assert parse_escpos(gb + b"\n").text_lines() == [gb.decode("cp437")]


def test_gb18030_four_byte_characters() -> None:
    rare = "𠀀"  # CJK Extension B, four bytes in GB18030
    assert parse_escpos(b"\x1c&" + rare.encode("gb18030") + b"\n").text_lines() == [rare]


def test_gbk_encoding_is_used_in_chinese_mode() -> None:
    assert parse_escpos(b"\x1c&" + "张三：".encode("gbk") + b"\n", "gbk").text_lines() == ["张三："]


def test_cuts_feeds_barcodes_and_qr() -> None:
    data = (
        b"a\n\x1bd\x03"
        + b"\x1dk\x04CODE39\x00"
        + b"\x1dkI\x05ABCDE"
        + b"\x1d(k\x03\x001C\x08\x1d(k\x03\x001E2\x1d(k\x06\x001P0xyz\x1d(k\x03\x001Q0"
        + b"\x1dV\x00\x1dVB\x05\x1dV1\x1dVA\x00"
    )
    printout = parse_escpos(data)
    assert printout.elements[1:] == [
        Feed(3),
        Barcode(4, "CODE39"),
        Barcode(73, "ABCDE"),
        QrCode("xyz", 8, "Q"),
        Cut(partial=False),
        Cut(partial=True),
        Cut(partial=True),
        Cut(partial=False),
    ]
    assert printout.commands == [
        "feed",
        "barcode",
        "barcode",
        "qr_size",
        "qr_ecc",
        "qr_store",
        "qr_print",
        "cut",
        "cut",
        "cut",
        "cut",
    ]


def test_qr_of_chinese_text_and_other_symbols_skipped_by_length() -> None:
    payload = "访客 V1".encode()
    store = b"\x1d(k" + bytes([len(payload) + 3, 0]) + b"1P0" + payload
    pdf417 = b"\x1d(k\x06\x000P0abc"  # cn 48 is PDF417: skipped whole by its length
    printout = parse_escpos(pdf417 + store + b"\x1d(k\x03\x001Q0")
    assert printout.qr_codes() == ["访客 V1"]
    assert printout.commands == ["gs_paren_k", "qr_store", "qr_print"]
    assert printout.text_lines() == []


def test_feeds_end_the_buffered_line() -> None:
    printout = parse_escpos(b"one\x1bd\x03two\x1bJ\x30three\x1bJ\x30")
    assert printout.elements == [
        Line((Span("one"),)),
        Feed(2),  # ESC d 3 after text: the text's own line is the first of the three
        Line((Span("two"),)),
        Feed(1),
        Line((Span("three"),)),
        Feed(1),
    ]


def test_init_discards_what_was_not_yet_printed() -> None:
    printout = parse_escpos(b"\x1bE\x01lost\x1b@kept\n")
    assert printout.lines() == [Line((Span("kept"),))]


def test_truncated_commands_are_unknown_not_errors() -> None:
    for data in (
        b"\x1b",
        b"\x1d(k\x05\x001P",
        b"\x1dk\x04ABC",
        b"\x1dV",
        b"\x1ba",
        b"\x1bD\x08",
        b"\x10\x04",
    ):
        assert "unknown" in parse_escpos(b"x\n" + data).commands, data


def test_unknown_command_skips_only_its_introducer() -> None:
    printout = parse_escpos(b"\x1b\x01\x1dZhi\n")
    assert printout.commands == ["unknown", "unknown", "unknown"]  # ESC, the 0x01 after it, GS
    assert printout.text_lines() == ["Zhi"]


def test_status_request_and_other_fixed_commands_are_recorded() -> None:
    data = b"\x10\x04\x01\x1b=\x01\x1b2\x1b3\x30\x1dB\x01\x1bt\x00\x1b-\x01u\n"
    printout = parse_escpos(data)
    assert printout.commands == [
        "status_request",
        "peripheral",
        "line_spacing_default",
        "line_spacing",
        "reverse",
        "code_page",
        "underline",
    ]
    assert printout.lines() == [Line((Span("u", underline=True),))]


def test_images_are_skipped_whole() -> None:
    raster = b"\x1dv0\x00\x02\x00\x03\x00" + b"\x1b\x0a\x1d" * 2  # 2 bytes x 3 rows of dots
    column = b"\x1b*\x21\x02\x00" + b"\x0a" * 6  # 24-dot mode: 3 bytes per column
    printout = parse_escpos(raster + column + b"after\n")
    assert printout.commands == ["raster_image", "bit_image"]
    assert printout.text_lines() == ["after"]


def test_tab_stops_pad_to_the_column() -> None:
    [line] = parse_escpos(b"\x1bD\x0a\x00ab\tcd\n").text_lines()
    assert line == "ab" + " " * 8 + "cd"


def test_styles_split_spans() -> None:
    [line] = parse_escpos(b"\x1ba\x01plain\x1bE\x01bold\x1bE\x00\x1d!\x11big\x1d!\x00\x1b!\x20w\n").lines()
    assert line.align == "center"
    assert [(s.text, s.bold, s.width_mult, s.height_mult) for s in line.spans] == [
        ("plain", False, 1, 1),
        ("bold", True, 1, 1),
        ("big", False, 2, 2),
        ("w", False, 2, 1),
    ]


def test_alignment_applies_from_the_start_of_a_line() -> None:
    printout = parse_escpos(b"left\x1ba\x02 still left\nright\n")
    assert [(line.text, line.align) for line in printout.lines()] == [
        ("left still left", "left"),
        ("right", "right"),
    ]


def test_carriage_returns_are_ignored() -> None:
    assert parse_escpos(b"a\r\nb\r\n").text_lines() == ["a", "b"]
