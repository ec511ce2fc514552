from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kiosk.devices.escpos.codec import Barcode, Cut, Feed, QrCode, parse_escpos


@given(st.binary(max_size=512))
def test_parser_never_raises(data: bytes) -> None:
    printout = parse_escpos(data)
    assert isinstance(printout.text_lines(), list)


def test_code_page_text_outside_chinese_mode() -> None:
    printout = parse_escpos(b"\x1b@\x1bt\x00caf\x82\n\x1c&" + "中".encode("gb18030") + b"\n\x1c.ok\n")
    assert printout.text_lines() == ["café", "中", "ok"]
    assert printout.commands == ["init", "code_page", "chinese_on", "chinese_off"]


def test_gb18030_four_byte_characters() -> None:
    rare = "𠀀"  # CJK Extension B, four bytes in GB18030
    assert parse_escpos(b"\x1c&" + rare.encode("gb18030") + b"\n").text_lines() == [rare]


def test_cuts_feeds_barcodes_and_qr() -> None:
    data = (
        b"a\n\x1bd\x03"
        + b"\x1dk\x04CODE39\x00"
        + b"\x1dkI\x05ABCDE"
        + b"\x1d(k\x03\x001C\x08\x1d(k\x03\x001E2\x1d(k\x06\x001P0xyz\x1d(k\x03\x001Q0"
        + b"\x1dV\x00\x1dVB\x05"
    )
    elements = parse_escpos(data).elements
    assert elements[1:] == [
        Feed(3),
        Barcode(4, "CODE39"),
        Barcode(73, "ABCDE"),
        QrCode("xyz", 8, "Q"),
        Cut(partial=False),
        Cut(partial=True),
    ]


def test_truncated_commands_are_unknown_not_errors() -> None:
    for data in (b"\x1b", b"\x1d(k\x05\x001P", b"\x1dk\x04ABC", b"\x1dV", b"\x1ba"):
        assert "unknown" in parse_escpos(b"x\n" + data).commands


def test_status_request_is_recorded() -> None:
    assert parse_escpos(b"\x10\x04\x01").commands == ["status_request"]


def test_styles_split_spans() -> None:
    [line] = parse_escpos(b"\x1ba\x01plain\x1bE\x01bold\x1bE\x00\x1d!\x11big\x1d!\x00\n").lines()
    assert line.align == "center"
    assert [(s.text, s.bold, s.width_mult) for s in line.spans] == [
        ("plain", False, 1),
        ("bold", True, 1),
        ("big", False, 2),
    ]
