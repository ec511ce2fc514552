"""What a visitor tells the kiosk about themselves, and the rules it must follow."""

from __future__ import annotations

import unicodedata

from kiosk.domain.errors import ValidationError
from kiosk.domain.text import sanitize_text

NAME_MAX_CHARS = 40
COMPANY_MAX_CHARS = 60

# Besides letters, names may hold the separators people really use: 阿卜杜·热合曼, O'Brien, Jean-Luc.
_NAME_PUNCTUATION = frozenset(" ·•.'-’")


def validate_visitor_name(raw: str) -> str:
    """Return the cleaned visitor name or raise :class:`ValidationError` saying what to fix.

    Codes: ``required`` (empty), ``too_long`` (``max``), ``invalid_character`` (``char``),
    ``no_letters`` (only punctuation).
    """
    name = sanitize_text(raw)
    if not name:
        raise ValidationError("visitor_name", "required")
    if len(name) > NAME_MAX_CHARS:
        raise ValidationError("visitor_name", "too_long", max=NAME_MAX_CHARS)
    for ch in name:
        if ch in _NAME_PUNCTUATION:
            continue
        if not unicodedata.category(ch).startswith(("L", "M")):
            raise ValidationError("visitor_name", "invalid_character", char=ch)
    if not any(unicodedata.category(ch).startswith("L") for ch in name):
        raise ValidationError("visitor_name", "no_letters")
    return name


def validate_company(raw: str) -> str:
    """Return the cleaned company/unit (may be empty) or raise :class:`ValidationError`."""
    company = sanitize_text(raw)
    if len(company) > COMPANY_MAX_CHARS:
        raise ValidationError("company", "too_long", max=COMPANY_MAX_CHARS)
    return company


def mask_name(name: str) -> str:
    """How a name is shown to the public (the check-out search): 张三 -> 张*, Zhang San -> Zhang S."""
    words = name.split()
    if len(words) > 1:
        return " ".join([words[0], *(w[0] + "." for w in words[1:])])
    return name[:1] + "*" * (len(name) - 1)
