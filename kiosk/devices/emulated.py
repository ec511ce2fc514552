"""The emulated devices of demo mode: `make run` works on any machine with no hardware."""

from __future__ import annotations

import logging
import os
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.devices.errors import DeviceUnavailableError
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.escpos.render import render_png
from kiosk.devices.fakes import MemoryEncoder, VirtualCard
from kiosk.devices.interfaces import Card, CardEncoder, NamedPrinter, PrinterStatus
from kiosk.domain.cards import CardKeys

if TYPE_CHECKING:
    from kiosk.devices.pn532.driver import Pn532Info

log = logging.getLogger(__name__)

_DOC_FILE = re.compile(r"^(\d{6})\.bin$")


class EmulatedPrinter(NamedPrinter):
    """A printer that keeps each document as raw bytes plus a rendered PNG in a folder.

    Files are ``000001.bin`` / ``000001.png``...; numbering continues after a restart.
    """

    def __init__(self, out_dir: Path, paper_width_mm: int = 80, encoding: str = "gb18030") -> None:
        super().__init__(f"emulated:{out_dir}", paper_width_mm)
        self.out_dir = out_dir
        self._encoding = encoding
        self._lock = threading.Lock()
        self.last_png: Path | None = None
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DeviceUnavailableError(f"cannot create printer folder {out_dir}: {exc}") from exc
        self._next = 1 + max(
            (int(m.group(1)) for f in os.listdir(out_dir) if (m := _DOC_FILE.match(f))),
            default=0,
        )

    def status(self) -> PrinterStatus:
        return PrinterStatus.ONLINE

    def send(self, data: bytes) -> None:
        """Store the document as ``NNNNNN.bin`` and its picture as ``NNNNNN.png``."""
        with self._lock:
            number = self._next
            self._next += 1
        stem = self.out_dir / f"{number:06d}"
        stem.with_suffix(".bin").write_bytes(data)
        png = stem.with_suffix(".png")
        # Rendered beside and renamed: whoever watches the folder never opens a half-written PNG.
        partial = stem.with_suffix(".partial.png")
        render_png(parse_escpos(data, self._encoding), self._paper_width_mm, partial)
        partial.replace(png)
        self.last_png = png
        log.info("emulated printer stored %s", png)

    def close(self) -> None:
        pass


class EmulatedEncoder:
    """Demo mode's card encoder: the PN532 driver on the PN532 emulator over a pseudo-terminal.

    The emulator holds a stack of blank Mifare Classic 1K cards: when the pad is empty and the
    driver looks for a card, the next blank one is laid on it. A card that was written is handed
    over at the next wait (lifted off the pad), as the clerk gives it to its holder, so each
    issue gets a fresh blank card. Everything runs through the real frame protocol, so demo
    mode exercises the same code as the desk's hardware.
    """

    def __init__(self, blank_cards: int = 50, site_key: bytes | None = None) -> None:
        # Imported here: the emulator needs a POSIX pty, which Windows kiosks never open.
        from kiosk.devices.pn532.driver import Pn532Encoder
        from kiosk.devices.pn532.emulator import EmulatorOptions, Pn532Emulator

        self.emulator = Pn532Emulator(options=EmulatorOptions(blank_cards=blank_cards))
        try:
            self.emulator.start()
        except OSError as exc:
            raise DeviceUnavailableError(f"cannot start the emulated card encoder: {exc}") from exc
        try:
            # A station's emulated encoder holds no key: the server's plans carry each card's.
            self.driver = Pn532Encoder(self.emulator.path, site_key, name="emulated:pn532")
        except BaseException:
            self.emulator.close()
            raise
        self._lock = threading.Lock()
        self._written: bytes | None = None  # UID of the card last written, still on the pad
        self.handed_over: list[bytes] = []  # UIDs of the cards taken away after their issue

    @property
    def name(self) -> str:
        return self.driver.name

    def wait_for_card(self, timeout_s: float, cancel: threading.Event | None = None) -> Card:
        with self._lock:
            on_pad = self.emulator.card_on_pad
            if on_pad is not None and on_pad.uid == self._written:
                self.emulator.remove()  # the issued card goes to its holder
                self.handed_over.append(on_pad.uid)
            self._written = None
        return self.driver.wait_for_card(timeout_s, cancel)

    def read_payload(self, card: Card, keys: CardKeys | None = None) -> bytes | None:
        return self.driver.read_payload(card, keys)

    def write_payload(self, card: Card, payload: bytes, keys: CardKeys | None = None) -> None:
        self.driver.write_payload(card, payload, keys)
        with self._lock:
            self._written = card.uid

    def wipe(self, card: Card, keys: CardKeys | None = None) -> None:
        self.driver.wipe(card, keys)

    def probe(self) -> Pn532Info:
        """The emulated PN532's firmware, as ``kiosk device probe`` shows it."""
        return self.driver.probe()

    def close(self) -> None:
        try:
            self.driver.close()
        finally:
            self.emulator.close()


def emulated_encoder(blank_cards: int = 50, site_key: bytes | None = None) -> CardEncoder:
    """A desk with a stack of blank virtual Mifare cards on an emulated PN532.

    Where there are no pseudo-terminals (Windows) the stack is kept in memory instead, without
    the wire protocol, so demo mode still runs.
    """
    try:
        return EmulatedEncoder(blank_cards, site_key)
    except ImportError as exc:
        log.info("no pseudo-terminal here (%s): the emulated encoder keeps its cards in memory", exc)
    stack = [VirtualCard(uid=bytes([0xE0, 0x00, n >> 8 & 0xFF, n & 0xFF])) for n in range(blank_cards)]
    return MemoryEncoder(name="emulated-encoder", blank_stack=stack)
