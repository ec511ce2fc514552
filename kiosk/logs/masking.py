"""The log's safety net: ID numbers and mobile numbers that reach a log message anyway are masked
the way screens mask them (``1101**********002X``, ``139****5678``).

Code should not log them in the first place (tests/logs/test_no_personal_data.py); this catches
what slips through, from a library's message or an exception's text. Names cannot be recognised
in free text, which is why the test is the rule and this only the net.
"""

from __future__ import annotations

import re

from kiosk.domain.identity import mask_id_number
from kiosk.domain.release_slip import mask_phone

# A resident ID number: 17 digits and a check character, not part of a longer run of digits.
# ``\d`` (not ASCII only): a number typed in full-width or another script's digits is one too.
_ID_NUMBER = re.compile(r"(?<!\d)\d{17}[\dXxＸｘ](?!\d)")
# A mainland mobile, 1[3-9] and 9 more digits, written whole or as 139 1234 5678 / 139-1234-5678,
# alone or after the country code (+86 139..., 86139...).
_MOBILE = re.compile(r"(?:(?<!\d)|(?<=86))1[3-9]\d([ -]?)\d{4}\1\d{4}(?!\d)")


def mask_personal_numbers(text: str) -> str:
    """``text`` with every ID-number-like and mobile-like run of digits masked."""
    if not any(ch.isdigit() for ch in text):
        return text  # most messages: no regex work at all
    text = _ID_NUMBER.sub(lambda m: mask_id_number(m.group()), text)
    return _MOBILE.sub(lambda m: mask_phone(m.group()), text)
