from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.devices.escpos.codec import Line, parse_escpos
from kiosk.domain.text import display_width, sanitize_text
from kiosk.printing.layout import (
    QR_MAX_BYTES,
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

COMMAND_BYTES = frozenset(b"\x1b\x1d\x1c\x10")


def printed_width(line: Line) -> int:
    return sum(display_width(span.text) * span.width_mult for span in line.spans)


@pytest.mark.parametrize(("width", "columns"), [(58, 32), (80, 48)])
def test_columns_per_paper_width(width: int, columns: int) -> None:
    assert PrinterProfile(width).columns == columns


def test_wrap_counts_chinese_as_two_columns() -> None:
    assert wrap("华南数据科技有限公司", 8) == ["华南数据", "科技有限", "公司"]


def test_wrap_breaks_latin_at_spaces() -> None:
    assert wrap("Acme Data Centre Services Ltd", 12) == ["Acme Data", "Centre", "Services Ltd"]


def test_wrap_splits_a_word_longer_than_the_line() -> None:
    assert wrap("Visit http://example.com/a/b now", 16) == ["Visit http://exa", "mple.com/a/b now"]


def test_closing_punctuation_never_starts_a_line_nor_opening_ends_one() -> None:
    lines = wrap("华南数据（深圳）有限公司", 8)
    assert lines == ["华南数据", "（深圳）", "有限公司"]
    assert wrap("王芳 (IDC运维部)", 8) == ["王芳", "(IDC运维", "部)"]


def test_punctuation_rule_gives_way_rather_than_overflow() -> None:
    # "华）" cannot be split by the rule but is wider than 3 columns: the line must still fit.
    assert wrap("a华）", 3) == ["a华", "）"]


@pytest.mark.parametrize("columns", [32, 48])
def test_long_chinese_company_wraps_within_the_paper(columns: int) -> None:
    company = "华南数据科技有限公司（深圳分公司）国际业务部数据中心运维服务事业群第三分部"
    lines = wrap(company, columns)
    assert len(lines) > 1
    assert all(display_width(line) <= columns for line in lines)
    assert "".join(lines) == company


@given(st.text(), st.integers(min_value=2, max_value=64))
def test_wrapped_lines_fit_and_keep_every_character(text: str, columns: int) -> None:
    lines = wrap(text, columns)
    assert all(display_width(line) <= columns for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


@given(st.text(alphabet="华南数据（）。，abc ()", max_size=40), st.integers(min_value=2, max_value=12))
def test_wrapping_punctuation_heavy_text_still_fits(text: str, columns: int) -> None:
    # A narrow alphabet makes the punctuation rules meet each other and the line edge often.
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
            Text("Mixed 中英文 text", align="right"),
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
    assert (lines[5].text, lines[5].align, lines[5].spans[0].bold) == ("Mixed 中英文 text", "right", False)
    assert printout.qr_codes() == ["LKV:V000001"]
    assert printout.cuts() == 1
    assert printout.commands.index("qr_print") < printout.commands.index("cut")
    assert printout.commands[:2] == ["init", "chinese_on"]
    assert printout.commands[-1] == "chinese_off"  # the printer is left in its single-byte mode


@pytest.mark.parametrize("width", [58, 80])
def test_double_size_text_wraps_at_half_the_columns(width: int) -> None:
    profile = PrinterProfile(width)
    name = "欧阳娜娜" * 5  # 40 columns: too wide at double size on either paper
    printout = parse_escpos(render_escpos(Document((Text(name, size=2),)), profile))
    lines = printout.lines()
    assert "".join(line.text for line in lines) == name
    assert all(printed_width(line) <= profile.columns for line in lines)
    assert all(span.width_mult == span.height_mult == 2 for line in lines for span in line.spans)
    assert printout.commands.count("size") == 2 * len(lines)  # set, and back to normal after each


def test_the_printers_own_commands_are_sent() -> None:
    data = render_escpos(
        Document((Text("a", align="center", bold=True, size=2), Feed(3), Qr("x", 7), Cut())),
        PrinterProfile(80),
    )
    assert data.startswith(b"\x1b@\x1c&")
    assert b"\x1ba\x01\x1bE\x01\x1d!\x11a\n\x1d!\x00\x1bE\x00" in data
    assert b"\x1bd\x03" in data
    assert b"\x1d(k\x04\x001A2\x00" in data  # model 2
    assert b"\x1d(k\x03\x001C\x07" in data  # module size 7
    assert b"\x1d(k\x03\x001E1" in data  # error correction M
    assert b"\x1d(k\x04\x001P0x" in data  # store
    assert b"\x1d(k\x03\x001Q0" in data  # print
    assert data.endswith(b"\x1dVB\x00\x1c.")  # feed and partial cut, then leave Chinese mode


def test_chinese_goes_out_as_gb18030_in_chinese_mode() -> None:
    data = sample(PrinterProfile(80))
    assert data.startswith(b"\x1b@\x1c&")
    assert "示例大厦".encode("gb18030") in data
    assert "：（）".encode("gb18030") in data


def test_rare_character_is_encoded_in_four_bytes_and_comes_back() -> None:
    rare = "𠀀"  # CJK Extension B: a four-byte GB18030 sequence
    data = render_escpos(Document((Text(f"姓名{rare}"),)), PrinterProfile(58))
    assert rare.encode("gb18030") in data and len(rare.encode("gb18030")) == 4
    assert parse_escpos(data).text_lines() == [f"姓名{rare}"]


def test_gbk_profile_and_unencodable_characters() -> None:
    profile = PrinterProfile(80, encoding="gbk")
    data = render_escpos(Document((Text("张三😀：（）"),)), profile)
    assert "张三?：（）".encode("gbk") in data
    assert parse_escpos(data, "gbk").text_lines() == ["张三?：（）"]


def test_single_high_byte_never_goes_out_in_chinese_mode() -> None:
    # GBK's euro sign is the lone byte 0x80, which a printer in Chinese mode would pair up
    # with the next byte and so lose the '5' as well.
    data = render_escpos(Document((Text("€5"),)), PrinterProfile(80, encoding="gbk"))
    assert parse_escpos(data, "gbk").text_lines() == ["?5"]


def test_code_page_printer_without_chinese_mode() -> None:
    profile = PrinterProfile(58, encoding="cp437", chinese_mode=False, codepage=0)
    data = render_escpos(Document((Text("café 张"),)), profile)
    assert data.startswith(b"\x1b@\x1bt\x00") and b"\x1c&" not in data and b"\x1c." not in data
    assert parse_escpos(data).text_lines() == ["café ?"]


def test_user_text_cannot_become_a_command() -> None:
    data = render_escpos(
        Document((Text("\x1b@\x1dV张三"), Columns("\x1b@", "\x1dVB\x00"), Rule("\x1b"))),
        PrinterProfile(58),
    )
    assert data.count(b"\x1b@") == 1 and data.startswith(b"\x1b@")
    assert b"\x1dV" not in data
    printout = parse_escpos(data)
    assert set(printout.commands) <= {"init", "chinese_on", "chinese_off", "align", "tab_stops", "tab"}
    assert printout.text_lines()[0] == "@V张三"
    assert printout.text_lines()[1].startswith("@ ") and printout.text_lines()[1].endswith(" VB")
    assert printout.text_lines()[2] == "-" * 32  # a rule of a control character falls back to dashes


@pytest.mark.parametrize("width", [58, 80])
def test_long_value_hangs_beside_its_label(width: int) -> None:
    profile = PrinterProfile(width)
    company = "华南数据科技有限公司（深圳分公司）国际业务部数据中心运维服务事业群"
    lines = parse_escpos(render_escpos(Document((Columns("单位", company),)), profile)).text_lines()
    assert lines[0].startswith("单位 ")
    assert all(display_width(line) <= profile.columns for line in lines)
    # Every part of the value starts in the same column, and together they are the value.
    parts = [lines[0].removeprefix("单位").strip(), *(line.strip() for line in lines[1:])]
    assert (
        len({display_width(line) - display_width(part) for line, part in zip(lines, parts, strict=True)}) == 1
    )
    assert "".join(parts) == company


def test_value_that_fits_a_line_is_not_broken_under_a_long_label() -> None:
    profile = PrinterProfile(58)
    lines = parse_escpos(
        render_escpos(Document((Columns("Validity period of card", "2026-11-25 ~ 2027-11-24"),)), profile)
    ).lines()
    assert [line.text.strip() for line in lines] == ["Validity period of card", "2026-11-25 ~ 2027-11-24"]
    assert lines[1].text.endswith("2027-11-24") and display_width(lines[1].text) == profile.columns


def test_too_much_for_a_qr_code_is_refused() -> None:
    with pytest.raises(ValueError, match="QR"):
        render_escpos(Document((Qr("x" * (QR_MAX_BYTES + 1)),)), PrinterProfile(80))


@given(st.text())
def test_no_command_byte_comes_from_text(text: str) -> None:
    # Plain left-aligned text: everything between the set-up and the closing FS . is text.
    data = render_escpos(Document((Text(text),)), PrinterProfile(80))
    assert data.startswith(b"\x1b@\x1c&") and data.endswith(b"\x1c.")
    body = data[4:-2]
    assert not COMMAND_BYTES & set(body)
    assert all(byte >= 0x20 or byte == 0x0A for byte in body)


@given(st.text(), st.text())
def test_columns_never_give_way_to_a_command(left: str, right: str) -> None:
    data = render_escpos(Document((Columns(left, right),)), PrinterProfile(58))
    printout = parse_escpos(data)
    assert set(printout.commands) <= {"init", "chinese_on", "chinese_off", "align", "tab_stops", "tab"}
    assert all(display_width(line) <= 32 for line in printout.text_lines())


@given(st.text(), st.sampled_from([58, 80]), st.sampled_from([1, 2]))
def test_any_text_round_trips(text: str, width: int, size: int) -> None:
    profile = PrinterProfile(width)
    printout = parse_escpos(render_escpos(Document((Text(text, size=size),)), profile))  # type: ignore[arg-type]
    printed = "".join(printout.text_lines())
    assert "".join(printed.split()) == "".join(sanitize_text(text).split())
    assert all(printed_width(line) <= profile.columns for line in printout.lines())
