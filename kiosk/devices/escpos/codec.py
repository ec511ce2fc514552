"""Parse ESC/POS bytes back into what the paper would show.

A pure function shared by the emulated printer, the on-screen preview and the tests. It never
raises: unknown or truncated commands are recorded as ``unknown`` and skipped.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from kiosk.domain.text import display_width

ESC, GS, FS, DLE = 0x1B, 0x1D, 0x1C, 0x10
_ALIGNS = ("left", "center", "right")
LINE_DOTS = 24  # one line of the standard 12x24 font, for feeds given in dots
# ESC t n code pages we decode; others fall back to cp437 (what printers power up with).
_CODE_PAGES = {
    0: "cp437",
    2: "cp850",
    3: "cp860",
    4: "cp863",
    5: "cp865",
    16: "cp1252",
    17: "cp866",
    18: "cp852",
    19: "cp858",
}
# Commands with a fixed number of argument bytes: introducer, command byte -> (name, arg count).
_FIXED: dict[tuple[int, int], tuple[str, int]] = {
    (ESC, ord("2")): ("line_spacing_default", 0),
    (ESC, ord("3")): ("line_spacing", 1),
    (ESC, ord("=")): ("peripheral", 1),
    (ESC, ord("M")): ("font", 1),
    (ESC, ord("G")): ("double_strike", 1),
    (ESC, ord("V")): ("rotate", 1),
    (ESC, ord("{")): ("upside_down", 1),
    (ESC, ord("p")): ("drawer_pulse", 3),
    (ESC, ord("$")): ("position", 2),
    (ESC, ord(" ")): ("char_spacing", 1),
    (ESC, ord("%")): ("user_chars", 1),
    (ESC, ord("?")): ("cancel_user_char", 1),
    (ESC, ord("U")): ("unidirectional", 1),
    (ESC, ord("c")): ("panel", 2),
    (ESC, ord("r")): ("color", 1),
    (ESC, ord("R")): ("charset", 1),
    (GS, ord("a")): ("asb", 1),
    (GS, ord("b")): ("smoothing", 1),
    (GS, ord("r")): ("status_transmit", 1),
    (GS, ord("I")): ("printer_id", 1),
    (GS, ord("P")): ("motion_units", 2),
    (GS, ord("/")): ("print_downloaded", 1),
    (GS, ord(":")): ("macro", 0),
    (GS, ord("^")): ("macro_run", 3),
    (FS, ord("!")): ("chinese_print_mode", 1),
    (FS, ord("-")): ("chinese_underline", 1),
    (FS, ord("C")): ("chinese_code_system", 1),
    (FS, ord("S")): ("chinese_spacing", 2),
    (FS, ord("W")): ("chinese_quad", 1),
    (FS, ord("p")): ("nv_image", 2),
    (GS, ord("B")): ("reverse", 1),
    (GS, ord("H")): ("hri_position", 1),
    (GS, ord("h")): ("barcode_height", 1),
    (GS, ord("w")): ("barcode_width", 1),
    (GS, ord("f")): ("hri_font", 1),
    (GS, ord("L")): ("left_margin", 2),
    (GS, ord("W")): ("print_width", 2),
    (DLE, 0x04): ("status_request", 1),
    (DLE, 0x05): ("realtime_request", 1),
    (DLE, 0x14): ("realtime_command", 3),
}


@dataclass(frozen=True)
class Span:
    """A run of text printed in one style."""

    text: str
    bold: bool = False
    width_mult: int = 1
    height_mult: int = 1
    underline: bool = False


@dataclass(frozen=True)
class Line:
    """One printed line: its runs of text and its alignment."""

    spans: tuple[Span, ...]
    align: str = "left"

    @property
    def text(self) -> str:
        """The line's text, without styles."""
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class QrCode:
    """A QR code printed with GS ( k: its payload, module size in dots and error correction."""

    data: str
    module_size: int
    ecc: str


@dataclass(frozen=True)
class Barcode:
    """A barcode printed with GS k: the symbology number ``m`` and the data."""

    system: int
    data: str


@dataclass(frozen=True)
class Cut:
    """A paper cut."""

    partial: bool


@dataclass(frozen=True)
class Feed:
    """Blank paper, in lines of the standard font."""

    lines: int


Element = Line | QrCode | Barcode | Cut | Feed


@dataclass
class Printout:
    """What a printer would put on paper, in order, and the commands it saw."""

    elements: list[Element] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)

    def text_lines(self) -> list[str]:
        """The text of every printed line, top to bottom."""
        return [e.text for e in self.elements if isinstance(e, Line)]

    def lines(self) -> list[Line]:
        """Every printed line with its styles."""
        return [e for e in self.elements if isinstance(e, Line)]

    def qr_codes(self) -> list[str]:
        """The payload of every printed QR code."""
        return [e.data for e in self.elements if isinstance(e, QrCode)]

    def cuts(self) -> int:
        """How many times the paper was cut."""
        return sum(1 for e in self.elements if isinstance(e, Cut))


@dataclass
class _State:
    align: str = "left"
    bold: bool = False
    underline: bool = False
    width: int = 1
    height: int = 1
    chinese: bool = False
    code_page: str = "cp437"
    qr_data: bytes = b""
    qr_size: int = 3
    qr_ecc: str = "L"
    # ESC D: horizontal tab positions in columns; power-on default is every 8 columns.
    tab_stops: tuple[int, ...] = tuple(range(8, 256, 8))


class _Parser:
    def __init__(self, data: bytes, encoding: str) -> None:
        self.data = data
        self.encoding = encoding
        self.pos = 0
        self.state = _State()
        self.out = Printout()
        self.spans: list[Span] = []
        self.pending = bytearray()
        self.line_align = "left"

    # --- text -------------------------------------------------------------------------------
    def _flush_run(self) -> None:
        if not self.pending:
            return
        s = self.state
        enc = self.encoding if s.chinese else s.code_page
        text = codecs.decode(bytes(self.pending), enc, errors="replace")
        self.pending.clear()
        if not self.spans:
            self.line_align = s.align
        self.spans.append(Span(text, s.bold, s.width, s.height, s.underline))

    def _end_line(self) -> None:
        self._flush_run()
        self.out.elements.append(Line(tuple(self.spans), self.line_align if self.spans else self.state.align))
        self.spans = []

    def _has_text(self) -> bool:
        return bool(self.pending or self.spans)

    def _line_width(self) -> int:
        self._flush_run()
        return sum(display_width(span.text) * span.width_mult for span in self.spans)

    def _tab(self) -> None:
        width = self._line_width()
        stop = next((t for t in self.state.tab_stops if t > width), None)
        if stop is not None:
            self.pending += b" " * (stop - width)
        self.out.commands.append("tab")

    def _style(self, **changes: object) -> None:
        # A style change ends the current run so each span keeps its own look.
        self._flush_run()
        for key, value in changes.items():
            setattr(self.state, key, value)

    def _feed(self, lines: int, printed_text: bool) -> None:
        """Print what is buffered, then feed: the first line fed is the text's own line."""
        if printed_text:
            self._end_line()
            lines -= 1
        if lines > 0:
            self.out.elements.append(Feed(lines))

    # --- bytes ------------------------------------------------------------------------------
    def _take(self, n: int) -> bytes | None:
        if self.pos + n > len(self.data):
            return None
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def _arg(self) -> int | None:
        chunk = self._take(1)
        return None if chunk is None else chunk[0]

    def _unknown(self) -> None:
        self.out.commands.append("unknown")

    def run(self) -> Printout:
        data = self.data
        while self.pos < len(data):
            byte = data[self.pos]
            self.pos += 1
            if byte == 0x0A:
                self._end_line()
            elif byte in (0x0D, 0x00):
                pass
            elif byte == 0x09:
                self._tab()
            elif byte in (ESC, GS, FS, DLE):
                self._command(byte)
            elif byte < 0x20 or byte == 0x7F:
                self._unknown()
            else:
                self.pending.append(byte)
        if self._has_text():
            self._end_line()
        return self.out

    def _command(self, intro: int) -> None:
        start = self.pos
        op = self._arg()
        if op is None:
            self._unknown()
            return
        fixed = _FIXED.get((intro, op))
        if fixed is not None:
            name, count = fixed
            handled = self._take(count) is not None
            if handled:
                self.out.commands.append(name)
        elif op == ord("(") and intro in (ESC, GS, FS):
            handled = self._paren(intro)
        else:
            handler = {ESC: self._esc, GS: self._gs, FS: self._fs}.get(intro)
            handled = handler is not None and handler(op)
        if not handled:
            # Only the introducer is skipped: what follows is read again as text or commands,
            # as a printer that does not know the command would.
            self.pos = start
            self._unknown()

    def _esc(self, op: int) -> bool:
        if op == ord("@"):
            # ESC @ clears the print buffer: text not yet ended by LF is never printed.
            self.pending.clear()
            self.spans = []
            self.state = _State()
            self.out.commands.append("init")
            return True
        if op == ord("D"):
            return self._tab_stops()
        if op == ord("*"):
            return self._bit_image()
        n = self._arg() if op in b"aE-!dJt" else None
        if n is None:
            return False
        if op == ord("a"):
            self._flush_run()
            self.state.align = _ALIGNS[n % 48] if n % 48 < 3 else "left"
            if not self.spans:
                self.line_align = self.state.align
            self.out.commands.append("align")
        elif op == ord("E"):
            self._style(bold=bool(n & 1))
            self.out.commands.append("bold")
        elif op == ord("-"):
            self._style(underline=bool(n % 48))
            self.out.commands.append("underline")
        elif op == ord("!"):
            self._style(
                bold=bool(n & 0x08),
                height=2 if n & 0x10 else 1,
                width=2 if n & 0x20 else 1,
                underline=bool(n & 0x80),
            )
            self.out.commands.append("print_mode")
        elif op == ord("d"):
            self._feed(n, self._has_text())
            self.out.commands.append("feed")
        elif op == ord("J"):
            # Feeds are kept in whole lines, rounded; buffered text still gets its own line.
            printed = self._has_text()
            self._feed(max((n + LINE_DOTS // 2) // LINE_DOTS, int(printed)), printed)
            self.out.commands.append("feed_dots")
        else:  # ESC t: code page for bytes from 0x80 up outside Chinese mode
            self._style(code_page=_CODE_PAGES.get(n, "cp437"))
            self.out.commands.append("code_page")
        return True

    def _tab_stops(self) -> bool:
        end = self.data.find(b"\x00", self.pos)
        if end < 0 or end - self.pos > 32:
            return False
        stops = tuple(self.data[self.pos : end])
        self.pos = end + 1
        self.state.tab_stops = stops
        self.out.commands.append("tab_stops")
        return True

    def _bit_image(self) -> bool:
        """ESC * m nL nH d1...dk: a column-format image, skipped (k = n, or 3n for 24-dot modes)."""
        head = self._take(3)
        if head is None:
            return False
        columns = head[1] | head[2] << 8
        if self._take(columns * (3 if head[0] in (32, 33) else 1)) is None:
            return False
        self.out.commands.append("bit_image")
        return True

    def _fs(self, op: int) -> bool:
        if op == ord("&"):
            self._style(chinese=True)
            self.out.commands.append("chinese_on")
            return True
        if op == ord("."):
            self._style(chinese=False)
            self.out.commands.append("chinese_off")
            return True
        return False

    def _gs(self, op: int) -> bool:
        if op == ord("!"):
            n = self._arg()
            if n is None:
                return False
            self._style(width=(n >> 4 & 7) + 1, height=(n & 7) + 1)
            self.out.commands.append("size")
            return True
        if op == ord("V"):
            return self._cut()
        if op == ord("k"):
            return self._barcode()
        if op == ord("v"):
            return self._raster_image()
        return False

    def _raster_image(self) -> bool:
        """GS v 0 m xL xH yL yH d1...dk: a raster image, skipped (k = bytes per row x rows)."""
        head = self._take(6)
        if head is None or head[0] != ord("0"):
            return False
        size = (head[2] | head[3] << 8) * (head[4] | head[5] << 8)
        if self._take(size) is None:
            return False
        self.out.commands.append("raster_image")
        return True

    def _cut(self) -> bool:
        m = self._arg()
        if m is None:
            return False
        if m in (65, 66, 97, 98, 103, 104) and self._arg() is None:
            return False
        if self._has_text():
            self._end_line()
        self.out.elements.append(Cut(partial=m in (1, 49, 66, 98, 104)))
        self.out.commands.append("cut")
        return True

    def _paren(self, intro: int) -> bool:
        """ESC/GS/FS ( fn pL pH data: length-prefixed; GS ( k with cn 49 is the QR code."""
        head = self._take(3)  # function letter, pL, pH
        if head is None:
            return False
        letter, length = head[0], head[1] | head[2] << 8
        body = self._take(length)
        if body is None:
            return False
        if intro != GS or letter != ord("k") or len(body) < 2 or body[0] != 49:
            prefix = {ESC: "esc", GS: "gs", FS: "fs"}[intro]
            self.out.commands.append(f"{prefix}_paren_{chr(letter) if 32 <= letter < 127 else letter}")
            return True
        fn, params = body[1], body[2:]
        s = self.state
        if fn == 65:
            self.out.commands.append("qr_model")
        elif fn == 67 and params:
            s.qr_size = params[0]
            self.out.commands.append("qr_size")
        elif fn == 69 and params:
            s.qr_ecc = {48: "L", 49: "M", 50: "Q", 51: "H"}.get(params[0], "?")
            self.out.commands.append("qr_ecc")
        elif fn == 80:
            s.qr_data = bytes(params[1:])
            self.out.commands.append("qr_store")
        elif fn == 81:
            if self._has_text():
                self._end_line()
            self.out.elements.append(QrCode(s.qr_data.decode("utf-8", errors="replace"), s.qr_size, s.qr_ecc))
            self.out.commands.append("qr_print")
        else:
            self.out.commands.append("qr_other")
        return True

    def _barcode(self) -> bool:
        m = self._arg()
        if m is None:
            return False
        if m <= 6:  # form 1: NUL-terminated data
            end = self.data.find(b"\x00", self.pos)
            if end < 0:
                return False
            payload = self.data[self.pos : end]
            self.pos = end + 1
        else:  # form 2: length byte
            n = self._arg()
            payload_or_none = None if n is None else self._take(n)
            if payload_or_none is None:
                return False
            payload = payload_or_none
        if self._has_text():
            self._end_line()
        text = payload.decode("ascii", errors="replace")
        if m == 73 and text[:2] in ("{A", "{B", "{C"):
            text = text[2:]  # CODE128 code-set selector, not part of the data
        self.out.elements.append(Barcode(m, text))
        self.out.commands.append("barcode")
        return True


def parse_escpos(data: bytes, encoding: str = "gb18030") -> Printout:
    """Read ``data`` as an ESC/POS printer would; ``encoding`` is used in Chinese mode (FS &).

    Never raises on any bytes: an unknown or truncated command is recorded as ``"unknown"`` and
    its introducer skipped. ``encoding`` must be a codec Python knows.
    """
    return _Parser(bytes(data), encoding).run()
