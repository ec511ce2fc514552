"""Stations: the kiosks, desks and guard screens enrolled with a site server."""

from __future__ import annotations

import enum
import re
from datetime import timedelta

from kiosk.domain.errors import ValidationError

# An enrolment code is typed by a person from one screen into another: short, unambiguous
# (no 0/O, 1/I/L), and good for ten minutes, once.
ENROLMENT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
ENROLMENT_CODE_LENGTH = 10
ENROLMENT_VALID = timedelta(minutes=10)
STATION_NAME_MAX = 40
_NAME = re.compile(r"^[\w][\w .\-]*$")


class StationRole(enum.Enum):
    KIOSK = "kiosk"  # the visitors' public touchscreen (自助终端)
    DESK = "desk"  # the reception console (前台)
    GUARD = "guard"  # the lobby guard's screen (护卫岗)


def check_station_name(name: str) -> str:
    """A station's name as people will read it in the console's list: letters, digits, spaces,
    dots and dashes, Chinese included."""
    cleaned = name.strip()
    if not cleaned:
        raise ValidationError("station_name", "required")
    if len(cleaned) > STATION_NAME_MAX:
        raise ValidationError("station_name", "too_long", max=STATION_NAME_MAX)
    if not _NAME.match(cleaned):
        raise ValidationError("station_name", "invalid")
    return cleaned


def normalise_enrolment_code(text: str) -> str:
    """What a person typed, as the code: case, spaces and dashes ignored."""
    return "".join(ch for ch in text.upper() if ch not in " -")


def format_enrolment_code(code: str) -> str:
    """Shown in two groups, as people read codes aloud: ABCDE-FGHJK."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"
