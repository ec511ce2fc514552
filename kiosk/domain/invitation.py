"""Invitation codes: six characters a visitor can type, and the QR that carries them."""

from __future__ import annotations

import secrets
from datetime import datetime, time, timedelta

from kiosk.domain.errors import ValidationError

# No 0/O, 1/I/L, 2/Z, 5/S or 8/B: a visitor reading the code off a phone cannot confuse them.
CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
CODE_LENGTH = 6
# The most people one invitation or group may bring (a conference, a delegation).
MAX_GROUP = 200
INVITATION_PREFIX = "LKI:"


def new_invitation_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def invitation_qr(code: str) -> str:
    return f"{INVITATION_PREFIX}{code}"


def normalise_invitation_code(raw: str) -> str:
    """What the visitor typed or the scanner read -> the code, or ValidationError saying why.

    Accepts lower case, spaces and dashes, and the QR form ``LKI:CODE``; look-alike characters
    are read as the character the alphabet has (o -> 0 is not in it, so O is refused clearly).
    """
    text = raw.strip().upper()
    if text.startswith(INVITATION_PREFIX):
        text = text[len(INVITATION_PREFIX) :]
    text = "".join(ch for ch in text if ch not in " -")
    if not text:
        raise ValidationError("invitation_code", "required")
    if len(text) != CODE_LENGTH:
        raise ValidationError("invitation_code", "wrong_length", length=CODE_LENGTH)
    bad = next((ch for ch in text if ch not in CODE_ALPHABET), None)
    if bad is not None:
        raise ValidationError("invitation_code", "invalid_character", char=bad)
    return text


# The office day an invitation is for unless the desk says otherwise.
DAY_STARTS = time(9, 0)
DAY_ENDS = time(18, 0)


def default_window(now: datetime) -> tuple[datetime, datetime]:
    """The window a new invitation gets by default, in ``now``'s zone: today's office hours while
    they last, else tomorrow's. An evening pre-registration is for a later day, and a window that
    has already ended would give a code the kiosk refuses."""
    day = now.date() if now.time() < DAY_ENDS else now.date() + timedelta(days=1)
    return datetime.combine(day, DAY_STARTS, now.tzinfo), datetime.combine(day, DAY_ENDS, now.tzinfo)
