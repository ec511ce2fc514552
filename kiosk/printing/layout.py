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
# The most a QR code holds in byte mode at error correction level M (version 40).
QR_MAX_BYTES = 2331


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
    """Blank lines."""

    lines: int = 1


@dataclass(frozen=True)
class Cut:
    """Feed to the cutter and cut (partially, so the slip hangs until torn off)."""


Block = Text | Columns | Rule | Qr | Barcode | Feed | Cut


@dataclass(frozen=True)
class Document:
    """A printable document: blocks from top to bottom."""

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


# Punctuation that must not begin a line, and punctuation that must not end one
# (GB/T 15834 and common practice); each sticks to its neighbour when lines are broken.
_NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉〗”’…‥·,.;:?!)]}%")
_NO_LINE_END = frozenset("（《「『【〔〈〖“‘([{")


def _units(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into (spaces before, unbreakable unit) pairs.

    A unit is a Latin word or one CJK character, with closing punctuation joined to the unit
    before it and opening punctuation to the unit after it, so neither strands at a line edge.
    """
    units: list[list[str]] = []  # [spaces before, unit, kind]: kind "w" word, "c" CJK
    spaces = ""
    for ch in text:
        if ch.isspace():
            spaces += ch
            continue
        width = char_width(ch)
        if units and not spaces and (width == 0 or (width == 1 and units[-1][2] == "w")):
            units[-1][1] += ch  # a combining mark stays with its base; a word goes on
        else:
            units.append([spaces, ch, "c" if width == 2 else "w"])
        spaces = ""
    merged: list[list[str]] = []
    for unit in units:
        if merged and not unit[0] and (unit[1][0] in _NO_LINE_START or merged[-1][1][-1] in _NO_LINE_END):
            merged[-1][1] += unit[1]
            merged[-1][2] = unit[2]  # what may follow depends on how the merged unit ends
        else:
            merged.append(unit)
    return [(spaces, unit) for spaces, unit, _ in merged]


def wrap(text: str, columns: int) -> list[str]:
    """Break ``text`` into lines of at most ``columns`` display columns.

    A CJK character takes two columns and a line may break between any two of them; Latin words
    break at spaces, and a word longer than a line is split. Closing punctuation never starts a
    line and opening punctuation never ends one, unless the alternative is overflowing. Spaces
    at a break are dropped. ``columns`` below 2 is taken as 2: a CJK character is never split.
    """
    columns = max(columns, 2)
    lines: list[str] = []
    line, width = "", 0
    for spaces, unit in _units(text):
        gap, unit_width = display_width(spaces), display_width(unit)
        if width + gap + unit_width <= columns:
            line, width = line + spaces + unit, width + gap + unit_width
            continue
        if unit_width <= columns:
            if line.strip():
                lines.append(line.rstrip())
            line, width = unit, unit_width
            continue
        # Longer than a whole line: fill the rest of this line, then split character by character.
        if line.strip() and width + gap < columns:
            line, width = line + spaces, width + gap
        elif line.strip():
            lines.append(line.rstrip())
            line, width = "", 0
        else:
            line, width = "", 0
        for ch in unit:
            w = char_width(ch)
            if width + w > columns:
                lines.append(line.rstrip())
                line, width = "", 0
            line, width = line + ch, width + w
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def render_escpos(doc: Document, profile: PrinterProfile) -> bytes:
    """The bytes to send to the printer for ``doc``: ESC @, Chinese mode, then every block."""
    writer = _Writer(profile)
    for block in doc.blocks:
        writer.block(block)
    if profile.chinese_mode:
        # Leave the printer as we found it for whatever prints next in a single-byte code page.
        writer.out += CHINESE_MODE_OFF
    return bytes(writer.out)


def _encode(text: str, profile: PrinterProfile) -> bytes:
    """Encode one laid-out line; the last gate before the wire, no control byte gets through."""
    clean = strip_controls(text)
    if not profile.chinese_mode:
        return clean.encode(profile.encoding, errors="replace")
    out = bytearray()
    for ch in clean:
        try:
            encoded = ch.encode(profile.encoding)
        except UnicodeEncodeError:
            encoded = b"?"
        # In Chinese mode every byte from 0x80 up starts a multibyte character, so a single high
        # byte (GBK's euro sign 0x80) would swallow the next character.
        if len(encoded) == 1 and encoded[0] >= 0x80:
            encoded = b"?"
        out += encoded
    return bytes(out)


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

    def at(self, left: str, stop: int, right: str) -> None:
        """``left``, then ``right`` starting at column ``stop`` of the same line."""
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
            char = sanitize_text(block.char)[:1] or "-"
            self.line(char * (columns // max(1, char_width(char))))
        elif isinstance(block, Qr):
            self.set_align("center")
            self.out += qr_command(block.data.encode("utf-8"), block.module_size) + b"\n"
        elif isinstance(block, Barcode):
            self.set_align("center")
            self.out += barcode_command(block.data)
        elif isinstance(block, Feed):
            if block.lines > 0:
                self.out += ESC + b"d" + bytes([min(block.lines, 255)])
        else:
            self.out += CUT

    def _columns(self, block: Columns) -> None:
        columns = self.profile.columns
        left, right = sanitize_text(block.left), sanitize_text(block.right)
        left_width, right_width = display_width(left), display_width(right)
        if left_width + right_width < columns:
            self.at(left, columns - right_width, right)
            return
        room = columns - left_width - 1
        if right_width <= columns or room < columns // 2:
            # The label on its own line(s), the value below it, kept whole when it fits a line.
            for part in wrap(left, columns):
                self.line(part)
            self._value_block("", wrap(right, columns))
            return
        # A long value beside a short label: wrapped into a block that ends at the right edge.
        self._value_block(left, wrap(right, room))

    def _value_block(self, label: str, parts: list[str]) -> None:
        """``parts`` as a left-aligned block flush with the right edge, ``label`` beside the first."""
        stop = self.profile.columns - max(display_width(part) for part in parts)
        for index, part in enumerate(parts):
            self.at(label if index == 0 else "", stop, part)


def barcode_command(data: str) -> bytes:
    """GS k 73: CODE128, code set B, height 60 dots, module width 2, human-readable text below."""
    # Only printable ASCII is valid in code set B; anything else would end the barcode early.
    payload = b"{B" + "".join(ch for ch in data if " " <= ch <= "~").encode("ascii")[:253]
    return (
        GS + b"h\x3c" + GS + b"w\x02" + GS + b"H\x02" + GS + b"kI" + bytes([len(payload)]) + payload + b"\n"
    )


def qr_command(data: bytes, module_size: int = 6) -> bytes:
    """GS ( k: select model 2, set module size, error correction M, store the data, print it.

    Raises ValueError when ``data`` is more than a QR code holds at level M.
    """
    if len(data) > QR_MAX_BYTES:
        raise ValueError(f"QR data of {len(data)} bytes is more than a QR code holds ({QR_MAX_BYTES})")

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
