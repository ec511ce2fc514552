"""Sending one stored document to the first ready printer of a station: the same on the site
server's own printers and on a station's, so both say the same of a printer that is not ready."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from kiosk.devices.errors import PrinterError
from kiosk.devices.interfaces import PrinterStatus, ReceiptPrinter
from kiosk.domain.printing import unprintable
from kiosk.printing.catalog import UnprintableError, render_stored
from kiosk.printing.layout import PrinterProfile

log = logging.getLogger(__name__)

# Stored as the job's last error ("<printer>: <words>"); the console translates these words.
NOT_READY = {
    PrinterStatus.OFFLINE: "offline",
    PrinterStatus.PAPER_OUT: "out of paper",
    PrinterStatus.COVER_OPEN: "cover open",
}


@dataclass(frozen=True)
class Printer:
    """A printer a station may use, and how documents are laid out for it."""

    device: ReceiptPrinter
    profile: PrinterProfile


@dataclass(frozen=True)
class Sent:
    printer: str | None  # None: no printer took it
    payload: bytes | None
    error: str | None


def send_document(
    printers: list[Printer], kind: str, data: str, language: str, copy: bool, label: object
) -> Sent:
    """Lay the document out for each printer in turn and send it to the first that is ready."""
    errors: list[str] = []
    for printer in printers:
        name = printer.device.name
        state = printer.device.status()
        if state in NOT_READY:
            errors.append(f"{name}: {NOT_READY[state]}")
            continue
        try:
            payload = render_stored(kind, data, language, printer.profile, copy)
        except UnprintableError as exc:
            # The document, not the printer: no other printer would do better, nor a later try.
            log.warning("print job %s cannot be laid out: %s", label, exc)
            return Sent(None, None, unprintable(str(exc)))
        try:
            printer.device.send(payload)
        except PrinterError as exc:
            errors.append(f"{name}: {exc}")
            log.warning("print job %s failed on %s: %s", label, name, exc)
            continue
        return Sent(name, payload, None)
    return Sent(None, None, "; ".join(errors))
