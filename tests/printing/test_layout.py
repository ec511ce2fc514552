from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.devices.escpos.codec import parse_escpos
from kiosk.domain.text import display_width
from kiosk.printing.layout import (
    Columns,
    Cut,
    Document,
    Feed,
    PrinterProfile,
    Qr,
    Rule,
    Text,
    render_escpos,
    wrap,
)


@pytest.mark.parametrize(("width", "columns"), [(58, 32), (80, 48)])
def test_columns_per_paper_width(width: int, columns: int) -> None:
    assert PrinterProfile(width).columns == columns


def test_wrap_counts_chinese_as_two_columns() -> None:
    assert wrap("华南数据科技有限公司", 8) == ["华南数据", "科技有限", "公司"]


def test_wrap_breaks_latin_at_spaces() -> None:
    assert wrap("Acme Data Centre Services Ltd", 12) == ["Acme Data", "Centre", "Services Ltd"]


def test_closing_punctuation_never_starts_a_line() -> None:
    lines = wrap("华南数据（深圳）", 8)
    assert all(not line.startswith("）") for line in lines)
    assert "".join(lines) == "华南数据（深圳）"


@given(st.text(), st.integers(min_value=2, max_value=64))
def test_wrapped_lines_fit_and_keep_every_character(text: str, columns: int) -> None:
    lines = wrap(text, columns)
    assert all(display_width(line) <= columns for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def sample(profile: PrinterProfile) -> bytes:
    doc = Document(
        (
            Text("示例大厦", align="center", bold=True),
            Text("张三", align="center", size=2),
            Rule(),
            Columns("被访人", "王芳 (IDC运维部)"),
            Text("：（）", align="right"),
            Feed(1),
            Qr("LKV:V000001"),
            Cut(),
        )
    )
    return render_escpos(doc, profile)


@pytest.mark.parametrize("width", [58, 80])
def test_round_trip_through_our_parser(width: int) -> None:
    profile = PrinterProfile(width)
    printout = parse_escpos(sample(profile))
    lines = printout.lines()
    assert [line.text for line in lines][:2] == ["示例大厦", "张三"]
    assert (lines[0].align, lines[0].spans[0].bold) == ("center", True)
    assert (lines[1].spans[0].width_mult, lines[1].spans[0].height_mult) == (2, 2)
    assert lines[2].text == "-" * profile.columns
    label_line = lines[3].text
    assert label_line.startswith("被访人") and label_line.endswith("王芳 (IDC运维部)")
    assert display_width(label_line) == profile.columns
    assert (lines[4].text, lines[4].align) == ("：（）", "right")  # punctuation only: no '?'
    assert printout.qr_codes() == ["LKV:V000001"]
    assert printout.cuts() == 1
    assert printout.commands.index("qr_print") < printout.commands.index("cut")
    assert printout.commands[:2] == ["init", "chinese_on"]


def test_chinese_goes_out_as_gb18030_in_chinese_mode() -> None:
    data = sample(PrinterProfile(80))
    assert data.startswith(b"\x1b@\x1c&")
    assert "示例大厦".encode("gb18030") in data
    assert "：（）".encode("gb18030") in data


def test_gbk_profile_and_unencodable_characters() -> None:
    profile = PrinterProfile(80, encoding="gbk")
    data = render_escpos(Document((Text("张三😀"),)), profile)
    assert "张三?".encode("gbk") in data


def test_user_text_cannot_become_a_command() -> None:
    data = render_escpos(
        Document((Text("\x1b@\x1dV张三"), Columns("\x1b@", "\x1dVB\x00"))), PrinterProfile(58)
    )
    assert data.count(b"\x1b@") == 1 and data.startswith(b"\x1b@")
    assert b"\x1dV" not in data
    printout = parse_escpos(data)
    assert set(printout.commands) <= {"init", "chinese_on", "align", "tab_stops", "tab"}
    assert printout.text_lines()[0] == "@V张三"
    assert printout.text_lines()[1].startswith("@ ") and printout.text_lines()[1].endswith(" VB")


@given(st.text())
def test_no_control_byte_comes_from_text(text: str) -> None:
    data = render_escpos(Document((Text(text), Columns(text, text))), PrinterProfile(80))
    printout = parse_escpos(data)
    assert "unknown" not in printout.commands
    # Only our own commands: init, chinese mode, align per line; never a cut or QR from text.
    assert printout.cuts() == 0 and printout.qr_codes() == []
