"""What signed codes on paper are made of: a MAC cut to a few characters people and scanners type.

Crockford base32 (digits and capitals without I, L, O and U): nothing reads as another character,
the capitals and digits are all in a QR code's alphanumeric mode (a smaller code than bytes), and
a code read back in any case means the same.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

# A keyboard-wedge scanner presses Shift around each capital; one held a moment too long turns the
# next key into its shifted sign (US layout, which scanners use). Read back as the key pressed.
_UNSHIFT = str.maketrans(")!@#$%^&*(_", "0123456789-")


def crockford(data: bytes, chars: int) -> str:
    """The first ``chars`` × 5 bits of ``data`` as Crockford base32."""
    bits = len(data) * 8
    if chars * 5 > bits:
        raise ValueError(f"{chars} characters need {chars * 5} bits; {bits} given")
    value = int.from_bytes(data, "big") >> (bits - chars * 5)
    return "".join(CROCKFORD[(value >> shift) & 31] for shift in range(5 * (chars - 1), -1, -5))


def mac_chars(key: bytes, message: str, chars: int) -> str:
    """An HMAC-SHA256 of ``message`` under ``key``, its first ``chars`` × 5 bits in Crockford base32."""
    return crockford(hmac.new(key, message.encode(), hashlib.sha256).digest(), chars)


def as_keyed(scanned: str) -> str:
    """A scanned code as the keys pressed: capitals (Caps Lock, a missed Shift) and a Shift held
    over a digit or a dash undone. Only for codes made of capitals, digits and dashes."""
    return scanned.strip().upper().translate(_UNSHIFT)


def compact_code(text: str) -> str:
    """A code or number as scanned or typed, made comparable: full-width characters from a
    Chinese input method folded (NFKC), spaces anywhere dropped, capitals."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace()).upper()


def prefixed_code(number: str, prefix: str, pattern: re.Pattern[str]) -> str:
    """What a printed QR carries for a register's number: ``LKR:BX000001``."""
    if not pattern.match(number):
        raise ValueError(f"not a {prefix} number: {number!r}")
    return f"{prefix}:{number}"


def read_prefixed_code(text: str, prefix: str, pattern: re.Pattern[str]) -> str | None:
    """The number in a scanned QR made by :func:`prefixed_code` (``LKR:BX000001``) or a typed
    number (``bx000001``, full-width, spaces anywhere); None for anything else (another
    register's, a release slip's or a badge's code scanned at the same desk)."""
    compact = compact_code(text)
    if compact.startswith(prefix + ":"):
        compact = compact[len(prefix) + 1 :]
    return compact if pattern.match(compact) else None
