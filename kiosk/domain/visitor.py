"""What a visitor tells the kiosk about themselves, and the rules it must follow."""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta

from kiosk.domain.errors import ValidationError
from kiosk.domain.text import sanitize_text

# The longest each field of the kiosk's check-in may be; the kiosk stops typing at the same limits.
NAME_MAX_CHARS = 40
COMPANY_MAX_CHARS = 60
PERMIT_MAX_CHARS = 40
MOBILE_MAX_CHARS = 20  # as typed, with spaces and +86; the number kept is at most 16
PURPOSE_MAX_CHARS = 100
# What a declined visitor may leave for the host.
MESSAGE_PHONE_MAX_CHARS = 30
MESSAGE_MAX_CHARS = 500
# How long after the host's "no" the kiosk that asked may send the visitor's one message: time to
# type a number and a few words on the touchscreen, not a channel to the host for anyone later.
MESSAGE_WINDOW = timedelta(minutes=10)
# Why the server takes no message for a visit at all (``message.<code>``): the kiosk closes its form.
MESSAGE_REFUSALS = ("other_station", "not_declined", "already_left", "too_late")

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


def validate_permit_number(raw: str) -> str:
    """Return the cleaned access-permit (出入证) number, may be empty; ``too_long`` past the limit."""
    permit = sanitize_text(raw)
    if len(permit) > PERMIT_MAX_CHARS:
        raise ValidationError("permit_number", "too_long", max=PERMIT_MAX_CHARS)
    return permit


def mask_name(name: str) -> str:
    """How a name is shown to the public (the check-out search): 张三 -> 张*, Zhang San -> Zhang S."""
    words = name.split()
    if len(words) > 1:
        return " ".join([words[0], *(w[0] + "." for w in words[1:])])
    return name[:1] + "*" * (len(name) - 1)


_MAINLAND_MOBILE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)
_INTERNATIONAL = re.compile(r"^\+\d{7,15}$", re.ASCII)


def validate_mobile(raw: str) -> str:
    """A mainland mobile (11 digits from 13x to 19x, ``+86`` allowed) or an international number
    written with ``+`` and its country code. Empty is allowed (the field is optional).

    Codes: ``format`` (not a phone number), ``mainland_length`` (11 digits expected, ``length``),
    ``too_long`` (``max``: more typed than any way of writing a number needs).
    """
    typed = sanitize_text(raw)
    if len(typed) > MOBILE_MAX_CHARS:
        raise ValidationError("mobile", "too_long", max=MOBILE_MAX_CHARS)
    number = re.sub(r"[\s\u3000()\-]", "", typed)
    if not number:
        return ""
    if number.startswith("+86"):
        number = number[3:]
    elif number.startswith("0086"):
        number = number[4:]
    elif number.startswith("+"):
        if _INTERNATIONAL.match(number):
            return number
        raise ValidationError("mobile", "format")
    if not (number.isascii() and number.isdigit()):  # other scripts' digits are isdigit() too
        raise ValidationError("mobile", "format")
    if number.startswith("1") and len(number) != 11:
        raise ValidationError("mobile", "mainland_length", length=len(number))
    if not _MAINLAND_MOBILE.match(number):
        raise ValidationError("mobile", "format")
    return number
