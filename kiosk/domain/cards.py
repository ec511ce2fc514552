"""Physical cards we issue: their life in the registry and what a presented card turns out to be.

Pure rules, no I/O. The registry itself is ``kiosk.services.cards``.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass

from kiosk.domain.credential import MAX_SITE_ID, CardKind

# The magnetic-stripe encoder's Card.technology; everything else is a chip with a UID.
STRIPE_TECHNOLOGY = "magstripe"
# The ValidationError field of a card on the encoder that may not be issued (reason: its verdict)
# or whose write did not count (``not_verified``, ``attempt_over``).
CARD_ON_ENCODER = "card_on_encoder"

_LABEL_PREFIX = {CardKind.IDC_IDENTITY: "IDC", CardKind.VISITOR: "V", CardKind.MACHINE_ROOM: "MR"}


class CardStatus(enum.Enum):
    """A physical card's record. Stored by value: never rename."""

    ISSUING = "issuing"  # number taken, card being written: not valid until verified
    ISSUED = "issued"
    RETURNED = "returned"  # back at the desk (a visitor card back in the pool)
    REVOKED = "revoked"  # blocked forever
    EXPIRED = "expired"
    VOID = "void"  # the write failed or was not verified: the number is spent, the card never counted


class CardVerdict(enum.Enum):
    """What a card on the encoder or the kiosk's reader is."""

    BLANK = "blank"
    VALID = "valid"  # ours, issued, within its validity: the only verdict that lets anyone in
    REVOKED = "revoked"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    RETURNED = "returned"
    NOT_ISSUED = "not_issued"  # signed by us but never recorded as issued (or voided)
    INVALID = "invalid"  # edited, copied onto another card, another site's key, or garbage
    FOREIGN = "foreign"  # no key of ours opens it


@dataclass(frozen=True)
class CardKeys:
    """What opens our data area on one card: Mifare sector 1's key A (reads) and key B (writes,
    wipes), 6 bytes each, derived by the server for that card's UID. A stripe needs none (empty).
    A station is given key A to read a tapped card, and both only in a write plan for that card."""

    key_a: bytes = b""
    key_b: bytes = b""

    def __repr__(self) -> str:  # keys stay out of logs
        return f"CardKeys(a={'set' if self.key_a else '-'}, b={'set' if self.key_b else '-'})"


@dataclass(frozen=True)
class CardRead:
    """What a station read from a card's data area: the raw bytes (not yet trusted), ``None`` for
    a blank card; ``foreign`` when neither our keys nor the factory key opened it."""

    payload: bytes | None = None
    foreign: bool = False


@dataclass(frozen=True)
class WritePlan:
    """The server's answer for one card on one station's encoder, good for one attempt: what to
    write there and the keys that open it. ``attempt_id`` is the card's registry row, taken as
    ``issuing``; the station writes, reads back and reports (issued, or void)."""

    attempt_id: int
    label: str
    payload: bytes
    keys: CardKeys
    wipe_first: bool  # one of ours back in the pool: return it to blank before the write


def card_label(kind: CardKind, number: int) -> str:
    """The number people read and write down: ``IDC000042``, ``V000007``, ``MR000003``."""
    return f"{_LABEL_PREFIX[kind]}{number:06d}"


def counter_name(kind: CardKind) -> str:
    """Each kind is numbered on its own, so IDC card numbers run without gaps from visitor cards."""
    return f"card.{kind.name.lower()}"


def numeric_site_id(site_id: str) -> int:
    """The 12-bit site id written on cards, from the configured ``[site] id``.

    A number in range is used as it is (sites that coordinate their ids); any other text maps to
    a stable value by hash, so the same configuration always writes the same id.
    """
    text = site_id.strip()
    if text.isascii() and text.isdigit() and int(text) <= MAX_SITE_ID:
        return int(text)
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:2], "big") & MAX_SITE_ID
