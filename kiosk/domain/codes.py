"""What signed codes on paper are made of: a MAC cut to a few characters people and scanners type.

Crockford base32 (digits and capitals without I, L, O and U): nothing reads as another character,
the capitals and digits are all in a QR code's alphanumeric mode (a smaller code than bytes), and
a code read back in any case means the same.
"""

from __future__ import annotations

import hashlib
import hmac

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
