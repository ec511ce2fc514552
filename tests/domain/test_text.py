from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.text import display_width, sanitize_text


def test_escape_sequences_become_plain_text() -> None:
    assert sanitize_text("\x1b@\x1dV张三") == "@V张三"
    assert sanitize_text("a\x10\x04\x01b") == "ab"  # DLE EOT status request
    assert sanitize_text("\u202eevil\u202c") == "evil"  # bidi override


def test_line_breaks_and_odd_spaces_fold_to_one_space() -> None:
    assert sanitize_text("  张三\r\n\tLi\u2028Si\u3000 ") == "张三 Li Si"


def test_display_width_counts_cjk_double() -> None:
    assert display_width("张三 ab") == 7
    assert display_width("ＡＢ") == 4  # fullwidth


@given(st.text())
def test_sanitized_text_has_no_control_or_format_characters(raw: str) -> None:
    clean = sanitize_text(raw)
    assert not any(unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn"} for ch in clean)
    assert clean == clean.strip()
    assert "  " not in clean
    assert sanitize_text(clean) == clean


def test_strip_controls_keeps_layout_spacing() -> None:
    from kiosk.domain.text import strip_controls

    assert strip_controls("Host    王芳\x1b@\n") == "Host    王芳@"


@given(st.text())
def test_strip_controls_leaves_no_control_character(raw: str) -> None:
    from kiosk.domain.text import strip_controls

    assert not any(unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn"} for ch in strip_controls(raw))
