"""In-memory test doubles for fast unit tests of services. No wire protocol here."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from kiosk.devices.errors import (
    CardRemovedError,
    NoCardError,
    PrinterOfflineError,
    PrinterPaperOutError,
)
from kiosk.devices.interfaces import Card, NamedPrinter, PrinterStatus
from kiosk.domain.cards import CardKeys


class FakePrinter(NamedPrinter):
    """Keeps every document it is sent; can be switched offline or out of paper."""

    def __init__(self, paper_width_mm: int = 80, name: str = "fake-printer") -> None:
        super().__init__(name, paper_width_mm)
        self.documents: list[bytes] = []
        self.state = PrinterStatus.ONLINE
        self.closed = False

    def status(self) -> PrinterStatus:
        return self.state

    def send(self, data: bytes) -> None:
        if self.state is PrinterStatus.OFFLINE:
            raise PrinterOfflineError(f"{self._name} is offline")
        if self.state is PrinterStatus.PAPER_OUT:
            raise PrinterPaperOutError(f"{self._name} is out of paper")
        self.documents.append(bytes(data))

    def close(self) -> None:
        self.closed = True


@dataclass
class VirtualCard:
    """A card in memory: a UID and our data area (``None`` when blank)."""

    uid: bytes
    data: bytes | None = None
    technology: str = "mifare-classic-1k"
    capacity: int = 720  # Mifare Classic 1K: 15 usable sectors x 3 blocks x 16 bytes

    def as_card(self) -> Card:
        return Card(uid=self.uid, technology=self.technology)


@dataclass
class MemoryEncoder:
    """A card encoder over virtual cards.

    Tests place and lift cards with :meth:`present` and :meth:`remove`. With ``blank_stack``
    filled it behaves like a desk with a stack of blank cards: when nothing is on the pad,
    ``wait_for_card`` takes the next blank one (the emulated encoder of demo mode).
    """

    name: str = "memory-encoder"
    blank_stack: list[VirtualCard] = field(default_factory=list)
    remove_during_write: bool = False
    _present: VirtualCard | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def present(self, card: VirtualCard) -> None:
        self._present = card

    def remove(self) -> VirtualCard | None:
        card, self._present = self._present, None
        return card

    @property
    def card_on_pad(self) -> VirtualCard | None:
        return self._present

    def wait_for_card(self, timeout_s: float, cancel: threading.Event | None = None) -> Card:
        deadline = time.monotonic() + timeout_s
        while True:
            with self._lock:
                if self._present is None and self.blank_stack:
                    self._present = self.blank_stack.pop()
                if self._present is not None:
                    return self._present.as_card()
            if (cancel is not None and cancel.is_set()) or time.monotonic() >= deadline:
                raise NoCardError("no card was presented")
            time.sleep(0.01)

    def _card(self, card: Card) -> VirtualCard:
        present = self._present
        if present is None or present.uid != card.uid:
            raise CardRemovedError(f"card {card.uid_hex} is no longer on the encoder")
        return present

    def read_payload(self, card: Card, keys: CardKeys | None = None) -> bytes | None:
        with self._lock:
            return self._card(card).data

    def write_payload(self, card: Card, payload: bytes, keys: CardKeys | None = None) -> None:
        with self._lock:
            target = self._card(card)
            if len(payload) > target.capacity:
                raise ValueError(f"payload of {len(payload)} bytes exceeds {target.capacity}")
            if self.remove_during_write:
                self._present = None
                raise CardRemovedError(f"card {card.uid_hex} was lifted during the write")
            target.data = bytes(payload)

    def wipe(self, card: Card, keys: CardKeys | None = None) -> None:
        with self._lock:
            self._card(card).data = None

    def close(self) -> None:
        with self._lock:
            self._present = None
