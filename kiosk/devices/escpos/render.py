"""A picture of a printout: what the thermal paper would show, as PNG (Pillow, no Qt)."""

from __future__ import annotations

import functools
import logging
import shutil
import subprocess
from pathlib import Path

import barcode
import barcode.errors
import qrcode
from barcode.writer import ImageWriter
from PIL import Image, ImageDraw, ImageFont

from kiosk.devices.escpos.codec import Barcode, Cut, Feed, Line, Printout, QrCode, Span
from kiosk.domain.text import char_width

log = logging.getLogger(__name__)

DOTS_PER_MM = 8  # 203 dpi
LINE_DOTS = 24  # the standard font is 12x24 dots; a CJK character 24x24
CELL_DOTS = 12
MARGIN_DOTS = 8
_FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/PingFang.ttc",
)


def paper_dots(paper_width_mm: int) -> int:
    """Printable width: 384 dots on 58 mm paper, 576 on 80 mm."""
    return 384 if paper_width_mm == 58 else 576


@functools.cache
def find_cjk_font() -> Path | None:
    """A font file that has Chinese glyphs, or None."""
    for candidate in _FONT_CANDIDATES:
        if Path(candidate).is_file():
            return Path(candidate)
    if shutil.which("fc-match"):
        try:
            found = subprocess.run(
                ["fc-match", "-f", "%{file}", ":lang=zh-cn"],
                capture_output=True,
                text=True,
                timeout=5,
                check=False,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            found = ""
        if found and Path(found).is_file():
            return Path(found)
    return None


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = find_cjk_font()
    if path is None:
        log.warning("no CJK font found (install fonts-noto-cjk): Chinese prints as boxes in previews")
        return ImageFont.load_default()
    # Index 2 of Noto's collection is the Simplified Chinese face.
    index = 2 if path.name == "NotoSansCJK-Regular.ttc" else 0
    return ImageFont.truetype(str(path), size, index=index)


def render_png(printout: Printout, paper_width_mm: int, path: Path) -> None:
    """Draw ``printout`` on paper of the given width and save it as PNG."""
    render_image(printout, paper_width_mm).save(path, format="PNG", optimize=False)


def render_image(printout: Printout, paper_width_mm: int) -> Image.Image:
    width = paper_dots(paper_width_mm)
    pieces = [_piece(element, width) for element in printout.elements]
    height = max(1, sum(p.height for p in pieces)) + 2 * MARGIN_DOTS
    paper = Image.new("L", (width, height), 255)
    y = MARGIN_DOTS
    for piece in pieces:
        paper.paste(piece, (0, y))
        y += piece.height
    return paper


def _piece(element: object, width: int) -> Image.Image:
    if isinstance(element, Line):
        return _line(element, width)
    if isinstance(element, QrCode):
        return _qr(element, width)
    if isinstance(element, Barcode):
        return _barcode(element, width)
    if isinstance(element, Feed):
        return Image.new("L", (width, max(0, element.lines) * LINE_DOTS + 1), 255)
    if isinstance(element, Cut):
        return _cut(width)
    return Image.new("L", (width, 1), 255)


def _line(line: Line, width: int) -> Image.Image:
    height = LINE_DOTS * max((span.height_mult for span in line.spans), default=1)
    strip = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(strip)
    x_positions: list[tuple[int, str, int, int, bool, bool]] = []
    x = 0
    for span in line.spans:
        font_px = LINE_DOTS * span.height_mult
        for ch in span.text:
            cell = CELL_DOTS * span.width_mult * char_width(ch)
            x_positions.append((x, ch, font_px, cell, span.bold, span.underline))
            x += cell
    offset = {"center": (width - x) // 2, "right": width - x}.get(line.align, 0)
    offset = max(0, offset)
    for cx, ch, font_px, cell, bold, underline in x_positions:
        # Glyphs sit on a baseline a fifth of the cell above its bottom, centred in their cell,
        # so descenders and tall capitals stay inside the line as on thermal paper.
        font = _font(int(font_px * 0.85))
        baseline = height - font_px // 5
        draw.text(
            (offset + cx + cell / 2, baseline),
            ch,
            fill=0,
            font=font,
            anchor="ms",
            stroke_width=1 if bold else 0,
            stroke_fill=0,
        )
        if underline:
            draw.line([(offset + cx, height - 2), (offset + cx + cell, height - 2)], fill=0, width=2)
    return strip


def _text_strip(text: str, width: int, align: str) -> Image.Image:
    return _line(Line((Span(text),), align), width)


def _barcode(code: Barcode, width: int) -> Image.Image:
    try:
        drawn = barcode.get("code128", code.data or " ", writer=ImageWriter()).render(
            {"module_width": 0.25, "module_height": 7.5, "quiet_zone": 2, "font_size": 8, "dpi": 203}
        )
    except (barcode.errors.BarcodeError, ValueError, OSError):
        return _text_strip(f"[barcode {code.data}]", width, "center")
    image = drawn.convert("L")
    strip = Image.new("L", (width, image.height), 255)
    strip.paste(image, (max(0, (width - image.width) // 2), 0))
    return strip


def _qr(code: QrCode, width: int) -> Image.Image:
    qr = qrcode.QRCode(
        error_correction={
            "L": qrcode.constants.ERROR_CORRECT_L,
            "Q": qrcode.constants.ERROR_CORRECT_Q,
            "H": qrcode.constants.ERROR_CORRECT_H,
        }.get(code.ecc, qrcode.constants.ERROR_CORRECT_M),
        box_size=max(1, code.module_size),
        border=2,
    )
    qr.add_data(code.data.encode("utf-8"))
    image = qr.make_image(fill_color="black", back_color="white").get_image().convert("L")
    strip = Image.new("L", (width, image.height), 255)
    strip.paste(image, (max(0, (width - image.width) // 2), 0))
    return strip


def _cut(width: int) -> Image.Image:
    strip = Image.new("L", (width, LINE_DOTS), 255)
    draw = ImageDraw.Draw(strip)
    for x in range(0, width, 12):
        draw.line([(x, LINE_DOTS // 2), (x + 6, LINE_DOTS // 2)], fill=96, width=2)
    draw.text((2, 0), "✂", fill=0, font=_font(LINE_DOTS - 4))
    return strip
