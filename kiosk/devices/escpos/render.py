"""A picture of a printout: what the thermal paper would show, as PNG (Pillow, no Qt)."""

from __future__ import annotations

import functools
import logging
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import barcode
import barcode.errors
import qrcode
import qrcode.exceptions
from barcode.writer import ImageWriter
from PIL import Image, ImageDraw, ImageFont

from kiosk.devices.escpos.codec import Barcode, Element, Feed, Line, Printout, QrCode, Span
from kiosk.domain.text import char_width

log = logging.getLogger(__name__)

DOTS_PER_MM = 8  # 203 dpi
LINE_DOTS = 24  # the standard font is 12x24 dots; a CJK character 24x24
CELL_DOTS = 12
MARGIN_DOTS = 8
# Glyphs fill this share of the line height; the rest is the printer's line gap.
_GLYPH_SHARE = 0.85
_QR_MAX_MODULE = 16  # the largest module size GS ( k accepts
_WINDOWS_FONTS = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
_FONT_CANDIDATES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),  # Debian, Ubuntu
    Path("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf"),
    Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),  # Arch
    Path("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc"),  # Fedora
    Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    _WINDOWS_FONTS / "msyh.ttc",
    _WINDOWS_FONTS / "simsun.ttc",
    _WINDOWS_FONTS / "simhei.ttf",
    Path("/System/Library/Fonts/PingFang.ttc"),
    Path("/System/Library/Fonts/STHeiti Light.ttc"),
)


def paper_dots(paper_width_mm: int) -> int:
    """Printable width: 384 dots on 58 mm paper, 576 on 80 mm."""
    return 384 if paper_width_mm == 58 else 576


@functools.cache
def find_cjk_font() -> Path | None:
    """A font file that has Chinese glyphs, or None: well-known paths first, then fontconfig."""
    for candidate in _FONT_CANDIDATES:
        if candidate.is_file():
            return candidate
    return _fontconfig_cjk_font()


def _fontconfig_cjk_font() -> Path | None:
    if shutil.which("fc-match") is None:
        return None
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}\n%{lang}", ":lang=zh-cn"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    file, _, langs = found.partition("\n")
    # fc-match always answers with its best font, which need not cover Chinese at all.
    if "zh-cn" not in langs.split("|") or not Path(file).is_file():
        return None
    return Path(file)


def _face_index(path: Path) -> int:
    """In a font collection, the Simplified Chinese face (Noto's SC, PingFang SC...), else 0."""
    if path.suffix.lower() != ".ttc":
        return 0
    for index in range(16):
        try:
            family = ImageFont.truetype(str(path), 12, index=index).getname()[0] or ""
        except OSError:
            break
        if family.endswith((" SC", " CN")) or " SC " in family or "GB" in family:
            return index
    return 0


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = find_cjk_font()
    if path is None:
        _warn_no_font()
        return ImageFont.load_default(size)
    return ImageFont.truetype(str(path), size, index=_face_index(path))


@functools.cache
def _warn_no_font() -> None:
    # Once per process, however many sizes are asked for.
    log.warning("no CJK font found (install fonts-noto-cjk): Chinese prints as boxes in previews")


def render_png(printout: Printout, paper_width_mm: int, path: Path) -> None:
    """Draw ``printout`` on paper of the given width and save it as PNG."""
    render_image(printout, paper_width_mm).save(path, format="PNG", optimize=False)


def render_image(printout: Printout, paper_width_mm: int) -> Image.Image:
    """``printout`` drawn black on white ("L" mode), one pixel per printer dot."""
    width = paper_dots(paper_width_mm)
    pieces = [_piece(element, width) for element in printout.elements]
    height = max(1, sum(p.height for p in pieces)) + 2 * MARGIN_DOTS
    paper = Image.new("L", (width, height), 255)
    y = MARGIN_DOTS
    for piece in pieces:
        paper.paste(piece, (0, y))
        y += piece.height
    return paper


def _piece(element: Element, width: int) -> Image.Image:
    if isinstance(element, Line):
        return _line(element, width)
    if isinstance(element, QrCode):
        return _qr(element, width)
    if isinstance(element, Barcode):
        return _barcode(element, width)
    if isinstance(element, Feed):
        return Image.new("L", (width, max(0, element.lines) * LINE_DOTS + 1), 255)
    return _cut(width)


@dataclass(frozen=True)
class _Glyph:
    text: str  # a character with any combining marks after it
    span: Span
    cells: int  # columns of the standard font before the width multiplier

    @property
    def width(self) -> int:
        return CELL_DOTS * self.cells * self.span.width_mult


def _glyphs(line: Line) -> Iterator[_Glyph]:
    for span in line.spans:
        cluster, cells = "", 0
        for ch in span.text:
            w = char_width(ch)
            if w == 0 and cluster:
                cluster += ch
                continue
            if cluster:
                yield _Glyph(cluster, span, cells)
            cluster, cells = ch, max(w, 1)
        if cluster:
            yield _Glyph(cluster, span, cells)


def _line(line: Line, width: int) -> Image.Image:
    # A printer starts a new row when the next character would pass the right edge.
    rows: list[list[_Glyph]] = [[]]
    x = 0
    for glyph in _glyphs(line):
        if rows[-1] and x + glyph.width > width:
            rows.append([])
            x = 0
        rows[-1].append(glyph)
        x += glyph.width
    strips = [_row(row, line.align, width) for row in rows]
    if len(strips) == 1:
        return strips[0]
    picture = Image.new("L", (width, sum(s.height for s in strips)), 255)
    y = 0
    for strip in strips:
        picture.paste(strip, (0, y))
        y += strip.height
    return picture


def _row(glyphs: list[_Glyph], align: str, width: int) -> Image.Image:
    height = LINE_DOTS * max((g.span.height_mult for g in glyphs), default=1)
    strip = Image.new("L", (width, height), 255)
    used = sum(g.width for g in glyphs)
    x = max(0, {"center": (width - used) // 2, "right": width - used}.get(align, 0))
    draw = ImageDraw.Draw(strip)
    for glyph in glyphs:
        _draw_glyph(strip, glyph, x, height)
        if glyph.span.underline:
            draw.line([(x, height - 2), (x + glyph.width, height - 2)], fill=0, width=2)
        x += glyph.width
    return strip


def _draw_glyph(strip: Image.Image, glyph: _Glyph, x: int, height: int) -> None:
    """Draw one character in its cell, stretched as the printer stretches it (GS ! / ESC !)."""
    span = glyph.span
    line_px = LINE_DOTS * span.height_mult
    font = _font(int(line_px * _GLYPH_SHARE))
    mask, left = _glyph_mask(font, glyph.text, glyph.cells, span.width_mult, span.height_mult, span.bold)
    strip.paste(0, (x - left, height - line_px), mask)


@functools.lru_cache(maxsize=4096)
def _glyph_mask(
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    text: str,
    cells: int,
    width_mult: int,
    height_mult: int,
    bold: bool,
) -> tuple[Image.Image, int]:
    """A character's ink as a mask, and how far it starts left of its cell. Laid out once per
    font, character and size (a slip repeats few: laying each out again was most of a document's
    picture); pasting black through it is what drawing the text on the strip did."""
    line_px = LINE_DOTS * height_mult
    width = CELL_DOTS * cells * width_mult
    stroke = 1 if bold else 0
    # Glyphs sit on a baseline a fifth of the line above its bottom, centred in their cell, so
    # descenders and tall capitals stay inside the line as on thermal paper.
    baseline = line_px - line_px // 5
    if width_mult == height_mult:
        # A margin of a line's height each side: ink past the cell (italic overhang, a wide
        # stroke) lands on the neighbours as it would have.
        margin = line_px
        mask = Image.new("L", (width + 2 * margin, line_px), 0)
        ImageDraw.Draw(mask).text(
            (margin + width / 2, baseline),
            text,
            fill=255,
            font=font,
            anchor="ms",
            stroke_width=stroke,
            stroke_fill=255,
        )
        return mask, margin
    # Unequal multipliers: draw at the height's scale, then stretch or squeeze to the cell width.
    natural = CELL_DOTS * cells * height_mult
    mask = Image.new("L", (natural, line_px), 0)
    pen = ImageDraw.Draw(mask)
    pen.text((natural / 2, baseline), text, fill=255, font=font, anchor="ms", stroke_width=stroke)
    return mask.resize((width, line_px), Image.Resampling.BILINEAR), 0


def _text_strip(text: str, width: int, align: str) -> Image.Image:
    return _line(Line((Span(text),), align), width)


def _barcode(code: Barcode, width: int) -> Image.Image:
    # The data as printer bytes gave it: a control character drawn as text stops the layout (FS,
    # 0x1C, makes raqm fail), so the text under the bars and the note show a replacement mark.
    shown = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in code.data)
    try:
        drawn = barcode.get("code128", code.data or " ", writer=ImageWriter()).render(
            {"module_width": 0.25, "module_height": 7.5, "quiet_zone": 2, "font_size": 8, "dpi": 203},
            text=shown or " ",
        )
    except (barcode.errors.BarcodeError, ValueError, OSError):
        return _text_strip(f"[barcode {shown}]", width, "center")
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
        box_size=max(1, min(code.module_size, _QR_MAX_MODULE)),
        border=2,
    )
    qr.add_data(code.data.encode("utf-8"))
    try:
        qr.make(fit=True)
    except (qrcode.exceptions.DataOverflowError, ValueError):
        # A printer prints nothing for data it cannot hold; the preview says so instead.
        return _text_strip("[QR code: too much data]", width, "center")
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
