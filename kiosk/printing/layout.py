"""One small layout layer: a document is a list of blocks, rendered to ESC/POS by our own code.

Text is encoded here (GB18030 in the printer's Chinese mode by default), never by python-escpos,
whose automatic encoding prints lines of Chinese punctuation as '?'. Every string passes through
:func:`~kiosk.domain.text.sanitize_text`, so user text can never become a printer command.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from kiosk.domain.text import char_width, display_width, sanitize_text, strip_controls

Align = Literal["left", "center", "right"]

ESC = b"\x1b"
GS = b"\x1d"
FS = b"\x1c"
INIT = ESC + b"@"
CHINESE_MODE_ON = FS + b"&"
CHINESE_MODE_OFF = FS + b"."
CUT = GS + b"V" + bytes([66, 0])  # feed to the cutter, then partial cut
_ALIGN = {"left": 0, "center": 1, "right": 2}


@dataclass(frozen=True)
class Text:
    """A paragraph, wrapped to the paper. ``size`` 2 doubles width and height."""

    text: str
    align: Align = "left"
    bold: bool = False
    size: Literal[1, 2] = 1


@dataclass(frozen=True)
class Columns:
    """A label on the left and a value on the right of the same line (wrapped when too long)."""

    left: str
    right: str


@dataclass(frozen=True)
class Rule:
    """A line of dashes across the paper."""

    char: str = "-"


@dataclass(frozen=True)
class Qr:
    """A QR code printed by the printer's own QR command."""

    data: str
    module_size: int = 6


@dataclass(frozen=True)
class Barcode:
    """A CODE128 barcode printed by the printer's own command (GS k), with its number below."""

    data: str


@dataclass(frozen=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True)
class Cut:
    pass


Block = Text | Columns | Rule | Qr | Barcode | Feed | Cut


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PrinterProfile:
    """What the layout needs to know of the printer."""

    paper_width_mm: int = 80
    encoding: str = "gb18030"
    chinese_mode: bool = True
    # Printers without a Chinese mode select their double-byte code page with ESC t n instead.
    codepage: int | None = None

    @property
    def columns(self) -> int:
        """Columns of the standard 12x24 font: 32 on 58 mm paper, 48 on 80 mm."""
        return 32 if self.paper_width_mm == 58 else 48


# Punctuation that must not begin a line (GB/T 15834 and common practice).
_NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’…,.;:?!)]}%")


def wrap(text: str, columns: int) -> list[str]:
    """Break ``text`` into lines of at most ``columns`` display columns.

    A CJK character takes two columns and may break anywhere; Latin words break at spaces when
    one fits, and a word longer than a line is split.
    """
    columns = max(columns, 2)
    lines: list[str] = []
    line = ""
    width = 0
    last_space = -1  # index in ``line`` of the last space, for word breaks
    for ch in text:
        w = char_width(ch)
        if width + w > columns:
            if ch == " ":
                lines.append(line.rstrip())
                line, width, last_space = "", 0, -1
                continue
            if last_space > 0 and not _is_wide(ch):
                head, tail = line[:last_space], line[last_space + 1 :]
                lines.append(head.rstrip())
                line, width = tail, display_width(tail)
            elif ch in _NO_LINE_START and len(line) > 1:
                # Chinese typesetting: a closing mark never starts a line; take a character along.
                lines.append(line[:-1].rstrip())
                line = line[-1]
                width = char_width(line)
            else:
                lines.append(line.rstrip())
                line, width = "", 0
            last_space = -1
        if ch == " " and not line:
            continue  # no leading space on a continuation line
        if ch == " ":
            last_space = len(line)
        elif _is_wide(ch):
            last_space = -1  # after CJK text a break may come anywhere, no need to go back
        line += ch
        width += w
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _is_wide(ch: str) -> bool:
    return char_width(ch) == 2


def render_escpos(doc: Document, profile: PrinterProfile) -> bytes:
    """The bytes to send to the printer for ``doc``."""
    writer = _Writer(profile)
    for block in doc.blocks:
        writer.block(block)
    return bytes(writer.out)


def _encode(text: str, profile: PrinterProfile) -> bytes:
    # The last gate before the wire: whatever a block holds, no control byte gets through.
    return strip_controls(text).encode(profile.encoding, errors="replace")


# Below this many padding columns, spaces are cheaper on the wire than a tab stop (ESC D n NUL, HT).
_TAB_WORTH_IT = 5


class _Writer:
    """Emits a document, sending alignment and tab stops only when they change (bytes matter:
    a slow serial printer prints while it receives)."""

    def __init__(self, profile: PrinterProfile) -> None:
        self.profile = profile
        self.out = bytearray(INIT)
        self.align: Align = "left"  # what ESC @ leaves
        self.tab_stop: int | None = None
        if profile.chinese_mode:
            self.out += CHINESE_MODE_ON
        elif profile.codepage is not None:
            self.out += ESC + b"t" + bytes([profile.codepage])

    def set_align(self, align: Align) -> None:
        if align != self.align:
            self.out += ESC + b"a" + bytes([_ALIGN[align]])
            self.align = align

    def line(self, text: str, align: Align = "left", bold: bool = False, size: int = 1) -> None:
        self.set_align(align)
        if bold:
            self.out += ESC + b"E\x01"
        if size != 1:
            self.out += GS + b"!" + bytes([(size - 1) << 4 | (size - 1)])
        self.out += _encode(text, self.profile) + b"\n"
        if size != 1:
            self.out += GS + b"!\x00"
        if bold:
            self.out += ESC + b"E\x00"

    def pair(self, left: str, right: str) -> None:
        """``left`` and ``right`` on one line, ``right`` flush with the right edge."""
        stop = self.profile.columns - display_width(right)
        gap = stop - display_width(left)
        if gap < _TAB_WORTH_IT:
            self.line(left + " " * gap + right)
            return
        self.set_align("left")
        if stop != self.tab_stop:
            self.out += ESC + b"D" + bytes([stop, 0])
            self.tab_stop = stop
        self.out += _encode(left, self.profile) + b"\t" + _encode(right, self.profile) + b"\n"

    def block(self, block: Block) -> None:
        columns = self.profile.columns
        if isinstance(block, Text):
            for part in wrap(sanitize_text(block.text), columns // block.size):
                self.line(part, block.align, block.bold, block.size)
        elif isinstance(block, Columns):
            self._columns(block)
        elif isinstance(block, Rule):
            self.line(block.char * (columns // max(1, char_width(block.char))))
        elif isinstance(block, Qr):
            self.set_align("center")
            self.out += qr_command(block.data.encode("utf-8"), block.module_size) + b"\n"
        elif isinstance(block, Barcode):
            self.set_align("center")
            self.out += barcode_command(block.data)
        elif isinstance(block, Feed):
            self.out += ESC + b"d" + bytes([max(0, min(block.lines, 255))])
        else:
            self.out += CUT

    def _columns(self, block: Columns) -> None:
        columns = self.profile.columns
        left, right = sanitize_text(block.left), sanitize_text(block.right)
        if display_width(left) + display_width(right) < columns:
            self.pair(left, right)
            return
        # Too long for one line: the label on its line, the value right-aligned below it.
        for part in wrap(left, columns):
            self.line(part)
        for part in wrap(right, columns):
            self.line(part, align="right")


def barcode_command(data: str) -> bytes:
    """GS k 73: CODE128, code set B, height 60 dots, module width 2, human-readable text below."""
    # Only printable ASCII is valid in code set B; anything else would end the barcode early.
    payload = b"{B" + "".join(ch for ch in data if " " <= ch <= "~").encode("ascii")[:253]
    return (
        GS + b"h\x3c" + GS + b"w\x02" + GS + b"H\x02" + GS + b"kI" + bytes([len(payload)]) + payload + b"\n"
    )


def qr_command(data: bytes, module_size: int = 6) -> bytes:
    """GS ( k: select model 2, set module size, error correction M, store the data, print it."""

    def fn(cn_fn: bytes, payload: bytes = b"") -> bytes:
        length = len(payload) + 2
        return GS + b"(k" + bytes([length & 0xFF, length >> 8]) + b"1" + cn_fn + payload

    return (
        fn(b"A", b"2\x00")  # fn 65: model 2
        + fn(b"C", bytes([max(1, min(module_size, 16))]))  # fn 67: module size
        + fn(b"E", b"1")  # fn 69: error correction level M (49)
        + fn(b"P", b"0" + data)  # fn 80: store
        + fn(b"Q", b"0")  # fn 81: print
    )
