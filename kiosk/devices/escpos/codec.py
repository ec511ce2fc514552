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
    text: str
    bold: bool = False
    width_mult: int = 1
    height_mult: int = 1
    underline: bool = False


@dataclass(frozen=True)
class Line:
    spans: tuple[Span, ...]
    align: str = "left"

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class QrCode:
    data: str
    module_size: int
    ecc: str


@dataclass(frozen=True)
class Barcode:
    system: int
    data: str


@dataclass(frozen=True)
class Cut:
    partial: bool


@dataclass(frozen=True)
class Feed:
    lines: int


Element = Line | QrCode | Barcode | Cut | Feed


@dataclass
class Printout:
    """What a printer would put on paper, in order, and the commands it saw."""

    elements: list[Element] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)

    def text_lines(self) -> list[str]:
        return [e.text for e in self.elements if isinstance(e, Line)]

    def lines(self) -> list[Line]:
        return [e for e in self.elements if isinstance(e, Line)]

    def qr_codes(self) -> list[str]:
        return [e.data for e in self.elements if isinstance(e, QrCode)]

    def cuts(self) -> int:
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

    # --- bytes ------------------------------------------------------------------------------
    def _take(self, n: int) -> bytes | None:
        if self.pos + n > len(self.data):
            return None
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

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
        if self.pending or self.spans:
            self._end_line()
        return self.out

    def _command(self, intro: int) -> None:
        op_bytes = self._take(1)
        if op_bytes is None:
            self._unknown()
            return
        op = op_bytes[0]
        fixed = _FIXED.get((intro, op))
        if fixed is not None:
            name, count = fixed
            args = self._take(count)
            self.out.commands.append(name if args is not None else "unknown")
            return
        handler = {ESC: self._esc, GS: self._gs, FS: self._fs}.get(intro)
        if handler is None or not handler(op):
            self._unknown()

    def _arg(self) -> int | None:
        chunk = self._take(1)
        return None if chunk is None else chunk[0]

    def _esc(self, op: int) -> bool:
        if op == ord("@"):
            self._flush_run()
            self.state = _State()
            self.out.commands.append("init")
            return True
        if op == ord("D"):
            return self._tab_stops()
        n = self._arg() if op in b"aE-!dtR" else None
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
            if self.pending or self.spans:
                self._end_line()
            self.out.elements.append(Feed(n))
            self.out.commands.append("feed")
        elif op == ord("t"):
            self._style(code_page=_CODE_PAGES.get(n, "cp437"))
            self.out.commands.append("code_page")
        else:  # ESC R: international character set
            self.out.commands.append("charset")
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

    def _fs(self, op: int) -> bool:
        if op == ord("&"):
            self._style(chinese=True)
            self.out.commands.append("chinese_on")
            return True
        if op == ord("."):
            self._style(chinese=False)
            self.out.commands.append("chinese_off")
            return True
        if op == ord("!") or op == ord("-"):  # Chinese print mode / underline: one argument
            return self._arg() is not None
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
        if op == ord("("):
            return self._gs_paren()
        if op == ord("k"):
            return self._barcode()
        return False

    def _cut(self) -> bool:
        m = self._arg()
        if m is None:
            return False
        if m in (65, 66) and self._arg() is None:
            return False
        if self.pending or self.spans:
            self._end_line()
        self.out.elements.append(Cut(partial=m in (1, 49, 66)))
        self.out.commands.append("cut")
        return True

    def _gs_paren(self) -> bool:
        head = self._take(3)  # function letter, pL, pH
        if head is None:
            return False
        letter, length = head[0], head[1] | head[2] << 8
        body = self._take(length)
        if body is None:
            return False
        if letter != ord("k") or len(body) < 2 or body[0] != 49:
            self.out.commands.append(f"gs_paren_{chr(letter) if 32 <= letter < 127 else letter}")
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
            if self.pending or self.spans:
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
        if self.pending or self.spans:
            self._end_line()
        text = payload.decode("ascii", errors="replace")
        if m == 73 and text[:2] in ("{A", "{B", "{C"):
            text = text[2:]  # CODE128 code-set selector, not part of the data
        self.out.elements.append(Barcode(m, text))
        self.out.commands.append("barcode")
        return True


def parse_escpos(data: bytes, encoding: str = "gb18030") -> Printout:
    """Read ``data`` as an ESC/POS printer would; ``encoding`` is used in Chinese mode (FS &)."""
    return _Parser(bytes(data), encoding).run()
