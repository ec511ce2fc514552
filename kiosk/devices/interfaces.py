"""The device Protocols. The composition root is the only place that picks a concrete class."""

from __future__ import annotations

import enum
import threading
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from kiosk.devices.idreader.text import IdCardRecord
from kiosk.domain.cards import CardKeys


class PrinterStatus(enum.Enum):
    """What a printer says of itself; UNKNOWN where the link cannot report (silence is not OK)."""

    ONLINE = "online"
    OFFLINE = "offline"
    PAPER_OUT = "paper_out"
    PAPER_NEAR_END = "paper_near_end"
    COVER_OPEN = "cover_open"
    UNKNOWN = "unknown"


@runtime_checkable
class ReceiptPrinter(Protocol):
    """An ESC/POS thermal printer. ``send`` takes a whole document's bytes."""

    @property
    def name(self) -> str:
        """A short name for logs and the console, e.g. ``escpos+tcp://10.0.0.5:9100``."""
        ...

    @property
    def paper_width_mm(self) -> int:
        """58 or 80."""
        ...

    def status(self) -> PrinterStatus:
        """Ask the printer how it is, where the link allows (DLE EOT)."""
        ...

    def send(self, data: bytes) -> None:
        """Send one document. Raises a :class:`~kiosk.devices.errors.PrinterError` on failure."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...


class NamedPrinter:
    """What every printer reports the same way: its name and its paper width (58 or 80 mm)."""

    def __init__(self, name: str, paper_width_mm: int) -> None:
        self._name = name
        self._paper_width_mm = paper_width_mm

    @property
    def name(self) -> str:
        return self._name

    @property
    def paper_width_mm(self) -> int:
        return self._paper_width_mm


@dataclass(frozen=True)
class Card:
    """A card in the encoder's field, identified by its UID (or a stripe's serial)."""

    uid: bytes
    technology: str

    @property
    def uid_hex(self) -> str:
        return self.uid.hex().upper()


@runtime_checkable
class CardEncoder(Protocol):
    """A card encoder. One operation on the wire at a time; callers run it off the GUI thread."""

    @property
    def name(self) -> str:
        """A short name for logs and the console."""
        ...

    def wait_for_card(self, timeout_s: float, cancel: threading.Event | None = None) -> Card:
        """Block until a card is presented. Raises NoCardError on timeout or cancel."""
        ...

    def read_payload(self, card: Card, keys: CardKeys | None = None) -> bytes | None:
        """Read our data area: ``None`` for a blank card, raw bytes otherwise (not yet trusted).
        ``keys``: what the server gave for this card (a chip encoder needs key A); ``None`` only
        where the encoder was opened with the site key (the server machine's own tools)."""
        ...

    def write_payload(self, card: Card, payload: bytes, keys: CardKeys | None = None) -> None:
        """Write ``payload`` and read it back; raises CardWriteError unless verified. A chip
        encoder needs key B in ``keys`` (from the server's write plan)."""
        ...

    def wipe(self, card: Card, keys: CardKeys | None = None) -> None:
        """Return the card to the blank state so it can be issued again (key B, as for a write)."""
        ...

    def close(self) -> None:
        """Release the port."""
        ...


@runtime_checkable
class IdCardReader(Protocol):
    """A resident ID-card reader. One read at a time; callers run it off the GUI thread.

    The record holds the full ID number in memory only: callers never log or show it (see
    :class:`~kiosk.devices.idreader.text.IdCardRecord`, whose repr masks it).
    """

    @property
    def name(self) -> str:
        """A short name for logs and the console, e.g. ``idreader:/dev/ttyUSB1``."""
        ...

    def read_card(self, timeout_s: float, cancel: threading.Event | None = None) -> IdCardRecord:
        """Wait for a card, read and check it. Raises NoIdCardError on timeout or cancel,
        IdCardReadError (IdCardNotSupportedError) when a card lay there but was not read."""
        ...

    def close(self) -> None:
        """Release the port."""
        ...
