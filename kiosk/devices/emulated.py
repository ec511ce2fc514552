"""The emulated devices of demo mode: `make run` works on any machine with no hardware."""

from __future__ import annotations

import logging
import os
import re
import threading
from pathlib import Path

from kiosk.devices.errors import DeviceUnavailableError
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.escpos.render import render_png
from kiosk.devices.fakes import MemoryEncoder, VirtualCard
from kiosk.devices.interfaces import PrinterStatus

log = logging.getLogger(__name__)

_DOC_FILE = re.compile(r"^(\d{6})\.bin$")


class EmulatedPrinter:
    """A printer that keeps each document as raw bytes plus a rendered PNG in a folder.

    Files are ``000001.bin`` / ``000001.png``...; numbering continues after a restart.
    """

    def __init__(self, out_dir: Path, paper_width_mm: int = 80, encoding: str = "gb18030") -> None:
        self.out_dir = out_dir
        self._paper_width_mm = paper_width_mm
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

    @property
    def name(self) -> str:
        return f"emulated:{self.out_dir}"

    @property
    def paper_width_mm(self) -> int:
        return self._paper_width_mm

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


def emulated_encoder(blank_cards: int = 50) -> MemoryEncoder:
    """A desk with a stack of blank virtual Mifare cards (UIDs derived from the position)."""
    stack = [VirtualCard(uid=bytes([0xE0, 0x00, n >> 8 & 0xFF, n & 0xFF])) for n in range(blank_cards)]
    return MemoryEncoder(name="emulated-encoder", blank_stack=stack)
