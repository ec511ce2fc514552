from __future__ import annotations

import logging
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import qrcode
from PIL import Image

from kiosk.devices.escpos import render
from kiosk.devices.escpos.codec import Barcode, Cut, Feed, Line, Printout, QrCode, Span, parse_escpos
from kiosk.devices.escpos.render import MARGIN_DOTS, find_cjk_font, render_image, render_png
from kiosk.domain.badge import Badge, checkout_code
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
    checkout_code=checkout_code(bytes(32), 123, "V000123", datetime(2026, 11, 25, 10, 0, tzinfo=SHANGHAI)),
)


def dark_pixels(image: Image.Image) -> int:
    return sum(image.point(lambda px: 255 if px < 128 else 0).histogram()[255:])


def ink_box(image: Image.Image) -> tuple[int, int, int, int]:
    box = image.point(lambda px: 255 if px < 128 else 0).getbbox()
    assert box is not None, "nothing drawn"
    return box


def picture(*elements: Line | QrCode | Cut | Feed, width_mm: int = 80) -> Image.Image:
    return render_image(Printout(elements=list(elements)), width_mm)


@pytest.mark.parametrize("width", [58, 80])
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_badge_png_is_paper_wide_with_ink_in_the_text(lang: str, width: int, tmp_path: Path) -> None:
    profile = PrinterProfile(width)
    path = tmp_path / "badge.png"
    render_png(parse_escpos(render_escpos(badge_document(BADGE, lang, profile), profile)), width, path)
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.width == (384 if width == 58 else 576)
        assert image.height > 400
        # The site name, title and visitor name: plenty of ink, and white paper around it.
        top = image.convert("L").crop((0, 0, image.width, 200))
        assert 500 < dark_pixels(top) < top.width * top.height // 3


def test_rendering_is_deterministic(tmp_path: Path) -> None:
    profile = PrinterProfile(58)
    printout = parse_escpos(render_escpos(badge_document(BADGE, "zh_CN", profile), profile))
    render_png(printout, 58, tmp_path / "a.png")
    render_png(printout, 58, tmp_path / "b.png")
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()


@pytest.mark.parametrize(("align", "where"), [("left", 0.0), ("center", 0.5), ("right", 1.0)])
def test_alignment_is_honoured(align: str, where: float) -> None:
    image = picture(Line((Span("访客"),), align))
    left, _, right, _ = ink_box(image)
    middle = (left + right) / 2
    expected = {0.0: 24, 0.5: image.width / 2, 1.0: image.width - 24}[where]  # 48-dot wide text
    assert abs(middle - expected) <= 6


def test_size_multipliers_stretch_each_way() -> None:
    normal = ink_box(picture(Line((Span("HH"),))))
    wide = ink_box(picture(Line((Span("HH", width_mult=2),))))
    tall_image = picture(Line((Span("HH", height_mult=2),)))
    tall = ink_box(tall_image)
    big = ink_box(picture(Line((Span("HH", width_mult=2, height_mult=2),))))

    def size(box: tuple[int, int, int, int]) -> tuple[int, int]:
        return box[2] - box[0], box[3] - box[1]

    (w, h), (ww, wh), (tw, th), (bw, bh) = size(normal), size(wide), size(tall), size(big)
    assert 1.7 < ww / w < 2.3 and abs(wh - h) <= 2
    assert abs(tw - w) <= 3 and 1.7 < th / h < 2.3
    assert 1.7 < bw / w < 2.3 and 1.7 < bh / h < 2.3
    assert tall_image.height == 2 * MARGIN_DOTS + 48


def test_bold_is_heavier() -> None:
    plain = dark_pixels(picture(Line((Span("访客证 VISITOR"),))))
    bold = dark_pixels(picture(Line((Span("访客证 VISITOR", bold=True),))))
    assert bold > plain * 1.2


def test_a_line_wider_than_the_paper_goes_on_below() -> None:
    one = picture(Line((Span("中" * 16),)), width_mm=58)  # exactly 384 dots
    two = picture(Line((Span("中" * 17),)), width_mm=58)
    assert one.height == 2 * MARGIN_DOTS + 24
    assert two.height == 2 * MARGIN_DOTS + 48


def test_qr_is_a_real_code_at_its_module_size() -> None:
    data, module = BADGE.checkout_code, 4  # the signed code: a version 2 QR
    image = picture(QrCode(data, module, "M"))
    expected = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    expected.add_data(data.encode())
    expected.make(fit=True)
    matrix = expected.get_matrix()
    left, top, right, bottom = ink_box(image)
    assert (right - left, bottom - top) == (len(matrix) * module, len(matrix) * module)
    assert abs((left + right) / 2 - image.width / 2) <= module  # centred on the paper
    for row, cells in enumerate(matrix):
        for col, dark in enumerate(cells):
            px = image.getpixel((left + col * module + module // 2, top + row * module + module // 2))
            assert (px == 0) == dark, (row, col)


def test_qr_with_too_much_data_is_shown_as_a_note() -> None:
    image = picture(QrCode("x" * 4000, 4, "H"))
    assert image.height < 100 and dark_pixels(image) > 0


@pytest.mark.parametrize("data", [b"A\x1cB", b"\xe9\x1cB"], ids=["under-the-bars", "in-the-note"])
def test_a_barcode_with_control_characters_is_drawn(data: bytes) -> None:
    """Found by make fuzz: GS k with a length byte takes any bytes as data, and drawing FS (0x1C)
    as text, under the bars or in the note for data Code 128 refuses, raised RuntimeError
    (raqm_layout() failed)."""
    printout = parse_escpos(b"\x1dkI" + bytes([len(data)]) + data)
    assert [type(e) for e in printout.elements] == [Barcode]
    image = render_image(printout, 80)
    assert image.getextrema()[0] == 0  # the note is drawn


def test_feeds_are_blank_and_cuts_are_marked() -> None:
    feed = picture(Feed(3))
    assert feed.height == 2 * MARGIN_DOTS + 3 * 24 + 1 and dark_pixels(feed) == 0
    cut = picture(Cut(partial=True))
    dashes = [cut.getpixel((x, MARGIN_DOTS + 12)) for x in range(100, cut.width)]
    assert any(px == 255 for px in dashes) and any(isinstance(px, int) and px < 128 for px in dashes)


@pytest.fixture
def fresh_fonts() -> Iterator[None]:
    """Forget the fonts found so far, before and after, so a test may pretend there are none."""
    caches = (render.find_cjk_font, render._font, render._warn_no_font)
    for cache in caches:
        cache.cache_clear()
    yield
    for cache in caches:
        cache.cache_clear()


def test_without_a_cjk_font_it_still_draws_and_says_why(
    fresh_fonts: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(render, "find_cjk_font", lambda: None)
    with caplog.at_level(logging.WARNING, logger=render.__name__):
        image = picture(Line((Span("Visitor 访客"),)), Line((Span("Badge"),)))
    assert dark_pixels(image) > 50
    warnings = [r for r in caplog.records if r.name == render.__name__ and r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "CJK font" in warnings[0].getMessage()


def test_fontconfig_answer_without_chinese_is_not_taken(
    fresh_fonts: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    latin = tmp_path / "DejaVuSans.ttf"
    latin.write_bytes(b"")
    answers = {"langs": "aa|en|fr"}

    def fake_run(args: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        assert args[0] == "fc-match" and ":lang=zh-cn" in args
        return subprocess.CompletedProcess(args, 0, f"{latin}\n{answers['langs']}", "")

    monkeypatch.setattr(render, "_FONT_CANDIDATES", ())
    monkeypatch.setattr(render.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(render.subprocess, "run", fake_run)
    assert find_cjk_font() is None  # fc-match's best font does not cover Chinese
    render.find_cjk_font.cache_clear()
    answers["langs"] = "aa|en|ja|zh-cn|zh-sg"
    assert find_cjk_font() == latin


def test_cjk_font_found_here_has_chinese_glyphs() -> None:
    path = find_cjk_font()
    if path is None:
        pytest.skip("no CJK font on this machine")
    font = render._font(20)
    assert font.getbbox("中")[2] > font.getbbox("a")[2]  # a real ideograph, wider than a letter
