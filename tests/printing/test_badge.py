from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.devices.escpos.codec import Line, parse_escpos
from kiosk.domain.badge import Badge, checkout_code, format_badge_number
from kiosk.domain.text import display_width
from kiosk.printing.badge import BADGE_WORDS, badge_document
from kiosk.printing.layout import PrinterProfile, render_escpos

SHANGHAI = ZoneInfo("Asia/Shanghai")
BADGE = Badge(
    badge_number="V000123",
    visitor_name="欧阳娜娜",
    company="华南数据科技有限公司（深圳分公司）国际业务部",
    host_name="王芳",
    host_department="IDC运维部",
    checked_in_at=datetime(2026, 11, 25, 10, 0, tzinfo=SHANGHAI),
    valid_until=datetime(2026, 11, 25, 18, 0, tzinfo=SHANGHAI),
    site_name="示例大厦 Demo Tower",
    checkout_code=checkout_code(bytes(32), 123, "V000123", datetime(2026, 11, 25, 10, 0, tzinfo=SHANGHAI)),
)


def printed_width(line: Line) -> int:
    return sum(display_width(span.text) * span.width_mult for span in line.spans)


def badge_bytes(badge: Badge, lang: str, width: int) -> bytes:
    profile = PrinterProfile(width)
    return render_escpos(badge_document(badge, lang, profile), profile)


@pytest.mark.parametrize("width", [58, 80])
@pytest.mark.parametrize(
    ("lang", "title", "labels"),
    [
        ("zh_CN", "访客证", ["被访人", "来访日期", "有效期至", "证号"]),
        ("en", "VISITOR", ["Host", "Date", "Valid until", "Badge No."]),
    ],
)
def test_badge_in_both_languages_and_widths(lang: str, title: str, labels: list[str], width: int) -> None:
    profile = PrinterProfile(width)
    data = badge_bytes(BADGE, lang, width)
    printout = parse_escpos(data)
    lines = printout.lines()
    texts = [line.text for line in lines]

    site, heading = lines[0], lines[1]
    assert (site.text, site.align, site.spans[0].bold) == ("示例大厦 Demo Tower", "center", True)
    assert (heading.text, heading.align) == (title, "center")
    name = next(line for line in lines if line.text == "欧阳娜娜")
    assert (name.align, name.spans[0].width_mult, name.spans[0].height_mult) == ("center", 2, 2)

    def row(label: str) -> str:
        return next(text for text in texts if text.startswith(label))

    assert row(labels[0]).endswith("王芳（IDC运维部）")  # Chinese text: full-width brackets
    assert row(labels[1]).endswith("2026-11-25")
    assert row(labels[2]).endswith("2026-11-25 18:00")
    assert row(labels[3]).endswith("V000123")
    # The company may wrap on narrow paper but is all there, centred.
    company_lines = [line for line in lines if line.text and line.text in BADGE.company]
    assert "".join(line.text for line in company_lines) == BADGE.company
    assert {line.align for line in company_lines} == {"center"}

    assert printout.qr_codes() == [BADGE.checkout_code]
    leave = BADGE_WORDS[lang]["leave"]
    assert texts.index(leave) > texts.index(row(labels[3]))
    assert printout.cuts() == 1
    assert printout.commands.index("qr_print") < printout.commands.index("cut")
    assert all(printed_width(line) <= profile.columns for line in lines)
    assert len(data) <= 1024  # a badge stays small on the wire


def test_badge_times_are_printed_in_the_zone_given() -> None:
    utc = ZoneInfo("UTC")
    in_utc = replace(
        BADGE,
        checked_in_at=BADGE.checked_in_at.astimezone(utc),
        valid_until=BADGE.valid_until.astimezone(utc),
    )
    text = parse_escpos(badge_bytes(in_utc, "en", 80)).text_lines()
    assert any(line.startswith("Checked in") and line.endswith("02:00") for line in text)
    assert any(line.startswith("Valid until") and line.endswith("2026-11-25 10:00") for line in text)


def test_valid_until_next_day_shows_that_date() -> None:
    late = replace(BADGE, valid_until=datetime(2026, 11, 26, 2, 0, tzinfo=SHANGHAI))
    text = parse_escpos(badge_bytes(late, "zh_CN", 58)).text_lines()
    assert any(line.startswith("有效期至") and line.endswith("2026-11-26 02:00") for line in text)


def test_a_typed_name_cannot_send_commands() -> None:
    hostile = replace(BADGE, visitor_name="\x1b@\x1dV张三", company="\x1dV\x00ACME\x1b\x64\x09")
    data = badge_bytes(hostile, "zh_CN", 80)
    assert data.count(b"\x1b@") == 1 and data.index(b"\x1b@") == 0
    printout = parse_escpos(data)
    assert "@V张三" in printout.text_lines()
    assert "VACMEd" in printout.text_lines()
    assert printout.cuts() == 1 and "unknown" not in printout.commands


def test_badge_without_company_or_department() -> None:
    bare = replace(BADGE, company="", host_department="")
    text = parse_escpos(badge_bytes(bare, "en", 58)).text_lines()
    assert any(line.startswith("Host") and line.endswith(" 王芳") for line in text)
    assert "" not in text[: text.index("欧阳娜娜") + 2]  # no empty line where the company would be


def test_unknown_language_prints_chinese() -> None:
    assert "访客证" in parse_escpos(badge_bytes(BADGE, "fr", 80)).text_lines()


def test_reprint_is_marked_as_a_copy() -> None:
    profile = PrinterProfile(80)
    data = render_escpos(badge_document(BADGE, "en", profile, copy=True), profile)
    assert "副本 / COPY" in parse_escpos(data).text_lines()


def test_both_languages_have_the_same_words() -> None:
    assert BADGE_WORDS["zh_CN"].keys() == BADGE_WORDS["en"].keys()


def test_badge_numbers() -> None:
    assert format_badge_number(1) == "V000001"
    with pytest.raises(ValueError):
        format_badge_number(0)
