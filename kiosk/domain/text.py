"""Text hygiene for anything a person typed: what is stored, shown and printed."""

from __future__ import annotations

import unicodedata

from kiosk.domain.errors import ValidationError

# Unicode categories that never belong in a name or a printed line: controls (ESC, GS, DLE...),
# format characters (bidi overrides, zero-width joiners), surrogates, private use, unassigned.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
# Line and paragraph separators are "Z*" categories but break a printed line like a newline.
_SPACE_LIKE = frozenset({"Zs", "Zl", "Zp"})


def sanitize_text(text: str) -> str:
    """Return ``text`` as one line of plain printable characters.

    Control and format characters are removed (so ``"\\x1b@"`` becomes ``"@"``, never a printer
    command), every kind of space or line break becomes one ordinary space, and the result is
    NFC-normalised and stripped.
    """
    out: list[str] = []
    pending_space = False
    for ch in unicodedata.normalize("NFC", text):
        category = unicodedata.category(ch)
        if category in _SPACE_LIKE or ch in "\t\n\r\v\f":
            pending_space = bool(out)
            continue
        if category in _DROPPED_CATEGORIES:
            continue
        if pending_space:
            out.append(" ")
            pending_space = False
        out.append(ch)
    return "".join(out)


def strip_controls(text: str) -> str:
    """Remove control and format characters but keep spacing as it is (for laid-out lines)."""
    return "".join(
        " " if ch in "\t" else ch
        for ch in unicodedata.normalize("NFC", text)
        if ch == "\t"
        or (unicodedata.category(ch) not in _DROPPED_CATEGORIES and ch not in "\n\r\v\f\u2028\u2029")
    )


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal-like grid: a CJK (wide/fullwidth) character takes two."""
    return sum(char_width(ch) for ch in text)


def char_width(ch: str) -> int:
    """Columns one character takes: 2 for East Asian wide and fullwidth, 0 for combining marks."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def is_cjk(ch: str) -> bool:
    """A Chinese (Han), Japanese or Korean character, or CJK punctuation: wide, and set in
    full-width punctuation."""
    return unicodedata.east_asian_width(ch) in ("W", "F") and not ch.isascii()


def with_aside(main: str, aside: str) -> str:
    """``main (aside)``, or ``main`` alone when ``aside`` is empty; the brackets are full-width when
    either side is Chinese text (王芳（IDC运维部）), as Chinese typesetting wants."""
    if not aside:
        return main
    if any(is_cjk(ch) for ch in main + aside):
        return f"{main}（{aside}）"
    return f"{main} ({aside})"


def required_text(raw: str, field: str, max_chars: int) -> str:
    """``raw`` sanitised, refused as ``field`` if empty or longer than ``max_chars``."""
    text = sanitize_text(raw)
    if not text:
        raise ValidationError(field, "required")
    return optional_text(text, field, max_chars)


def optional_text(raw: str, field: str, max_chars: int) -> str:
    """``raw`` sanitised (may be empty), refused as ``field`` if longer than ``max_chars``."""
    text = sanitize_text(raw)
    if len(text) > max_chars:
        raise ValidationError(field, "too_long", max=max_chars)
    return text
