from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.escpos.render import render_image
from kiosk.domain.badge import Badge, checkout_code, format_badge_number
from kiosk.domain.text import display_width
from kiosk.printing.badge import badge_document
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
    checkout_code=checkout_code("V000123"),
)


@pytest.mark.parametrize("width", [58, 80])
@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh_CN", ["访客证", "被访人", "有效期至", "证号"]),
        ("en", ["VISITOR", "Host", "Valid until", "Badge No."]),
    ],
)
def test_badge_in_both_languages_and_widths(lang: str, words: list[str], width: int) -> None:
    profile = PrinterProfile(width)
    data = render_escpos(badge_document(BADGE, lang, profile), profile)
    printout = parse_escpos(data)
    text = "\n".join(printout.text_lines())
    for word in [*words, "欧阳娜娜", "王芳 (IDC运维部)", "2026-11-25", "10:00", "18:00", "V000123"]:
        assert word in text, word
    assert all(
        display_width(line.text) * max(s.width_mult for s in line.spans or [None]) <= profile.columns
        for line in printout.lines()
        if line.spans
    )
    name_line = next(line for line in printout.lines() if line.text == "欧阳娜娜")
    assert (name_line.align, name_line.spans[0].width_mult) == ("center", 2)
    assert printout.qr_codes() == ["LKV:V000123"]
    assert printout.cuts() == 1
    assert len(data) <= 1024  # a badge stays small on the wire


def test_valid_until_next_day_shows_the_date() -> None:
    late = Badge(**{**BADGE.__dict__, "valid_until": datetime(2026, 11, 26, 2, 0, tzinfo=SHANGHAI)})
    profile = PrinterProfile(80)
    text = "\n".join(parse_escpos(render_escpos(badge_document(late, "en", profile), profile)).text_lines())
    assert "2026-11-26 02:00" in text


def test_badge_numbers() -> None:
    assert format_badge_number(1) == "V000001"
    with pytest.raises(ValueError):
        format_badge_number(0)


@pytest.mark.parametrize("width", [58, 80])
def test_picture_of_the_badge_has_ink_at_the_paper_width(width: int) -> None:
    profile = PrinterProfile(width)
    image = render_image(parse_escpos(render_escpos(badge_document(BADGE, "zh_CN", profile), profile)), width)
    assert image.width == (384 if width == 58 else 576)
    top = image.crop((0, 0, image.width, 200))
    dark = top.point(lambda px: 255 if px < 128 else 0).histogram()[255]
    assert dark > 500  # the site name, title and visitor name are drawn
