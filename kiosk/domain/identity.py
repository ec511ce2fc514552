"""Identity documents: validation and masking. A full ID number is never shown.

Mainland resident ID numbers follow GB 11643-1999: six digits of region, the date of birth as
YYYYMMDD, a three-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check
character (0-9 or X). The residence permits of Hong Kong, Macao and Taiwan residents use the same
layout with region 810000 / 820000 / 830000. Other documents are checked by their published
format only; their issuers publish no check digit we could verify.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kiosk.domain.errors import ValidationError

# Document types the kiosk and the desk accept, in the order the kiosk offers them.
ID_TYPES = ("resident_id", "passport", "hk_macao_permit", "taiwan_permit", "other")

_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))  # 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
_CHECK_CHARS = "10X98765432"
# The province-level codes of GB/T 2260 (71 Taiwan) plus 81/82/83 of the residence permits of
# Hong Kong, Macao and Taiwan residents. 9x is the foreign permanent-residence card ("other").
_PROVINCES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "83",
    ]
)
_OLDEST_BIRTH_YEAR = 1900

_PASSPORT = re.compile(r"^[A-Z0-9]{5,17}$")
_PASSPORT_HAS_DIGIT = re.compile(r"\d", re.ASCII)
# 港澳居民来往内地通行证: H or M, then 8 digits (older books) or 10 digits (the card since 2013).
_HK_MACAO_PERMIT = re.compile(r"^[HM](\d{8}|\d{10})$", re.ASCII)
# 台湾居民来往大陆通行证: 8 digits (the card since 2015); older books had 10 digits and a letter.
_TAIWAN_PERMIT = re.compile(r"^(\d{8}|\d{10}[A-Z]?)$", re.ASCII)
# The longest ID number the kiosk takes as typed (other documents: up to 30 characters).
ID_NUMBER_MAX_CHARS = 30
_OTHER = re.compile(r"^[A-Z0-9-]{4,30}$")
_RESIDENT_CHARACTERS = re.compile(r"^[0-9]{17}[0-9X]$")


def normalise_id_number(raw: str) -> str:
    """Upper case, with the spaces and dashes people type between groups removed."""
    return re.sub(r"[\s\u3000]", "", raw).upper().replace("－", "-")


def resident_id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


@dataclass(frozen=True)
class ResidentId:
    """What a valid resident ID number says about its holder."""

    number: str
    region: str
    birth_date: date
    male: bool


def parse_resident_id(raw: str, today: date | None = None) -> ResidentId:
    """Validate an 18-character resident ID number, saying exactly what is wrong.

    Raises ValidationError("id_number", code) with code one of: ``empty``, ``old_15_digit``,
    ``length`` (with ``length``), ``characters``, ``region``, ``birth_date``, ``check_digit``.
    The right check character is never shown: a mistyped number is retyped from the card, not
    repaired by the kiosk.
    """
    number = normalise_id_number(raw)
    if not number:
        raise ValidationError("id_number", "empty")
    if len(number) == 15 and number.isdigit():
        # First-generation cards (15 digits, no check digit) expired in 2013.
        raise ValidationError("id_number", "old_15_digit")
    if len(number) != 18:
        raise ValidationError("id_number", "length", length=len(number), expected=18)
    # ASCII digits only: str.isdigit also takes superscripts ("²", which int() refuses) and other
    # scripts' digits (which would be stored as typed).
    if not _RESIDENT_CHARACTERS.match(number):
        raise ValidationError("id_number", "characters")
    if number[:2] not in _PROVINCES:
        raise ValidationError("id_number", "region")
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError("id_number", "birth_date") from None
    if born.year < _OLDEST_BIRTH_YEAR or (today is not None and born > today):
        raise ValidationError("id_number", "birth_date")
    if resident_id_check_char(number[:17]) != number[17]:
        raise ValidationError("id_number", "check_digit")
    return ResidentId(number=number, region=number[:6], birth_date=born, male=int(number[16]) % 2 == 1)


def validate_id_number(id_type: str, raw: str, today: date | None = None) -> str:
    """The normalised number if it is valid for ``id_type``; otherwise a ValidationError."""
    if id_type not in ID_TYPES:
        raise ValidationError("id_type", "unknown")
    if id_type == "resident_id":
        return parse_resident_id(raw, today).number
    number = normalise_id_number(raw)
    if not number:
        raise ValidationError("id_number", "empty")
    if id_type == "passport":
        ok = bool(_PASSPORT.match(number) and _PASSPORT_HAS_DIGIT.search(number))
    elif id_type == "hk_macao_permit":
        ok = bool(_HK_MACAO_PERMIT.match(number))
    elif id_type == "taiwan_permit":
        ok = bool(_TAIWAN_PERMIT.match(number))
    else:
        ok = bool(_OTHER.match(number))
    if not ok:
        raise ValidationError("id_number", f"format_{id_type}")
    return number


def mask_id_number(number: str) -> str:
    """``11010519491231002X`` -> ``1101**********002X``: the region and the last four only.

    Short numbers (passports) keep their last four and hide the rest.
    """
    cleaned = number.strip().upper()
    if len(cleaned) >= 15:
        return cleaned[:4] + "*" * (len(cleaned) - 8) + cleaned[-4:]
    if len(cleaned) > 4:
        return "*" * (len(cleaned) - 4) + cleaned[-4:]
    return "*" * len(cleaned)


def masked_from_last_four(last_four: str, length: int = 18) -> str:
    """What to print when only the last four are kept: ``**************002X``."""
    return "*" * max(0, length - len(last_four)) + last_four
