"""DLE EOT real-time status: the request bytes and the meaning of the printer's replies."""

from __future__ import annotations

from kiosk.devices.interfaces import PrinterStatus

# DLE EOT n: 1 printer status, 2 offline cause, 4 roll-paper sensor (Epson ESC/POS reference).
REQUEST_PRINTER = b"\x10\x04\x01"
REQUEST_OFFLINE_CAUSE = b"\x10\x04\x02"
REQUEST_PAPER = b"\x10\x04\x04"


def _is_status_byte(reply: int) -> bool:
    # Every DLE EOT reply has bit 1 set, bit 4 set, bits 0 and 7 clear: 0b0xx1xx10.
    return reply & 0b1001_0011 == 0b0001_0010


def interpret_status(printer: int | None, offline_cause: int | None, paper: int | None) -> PrinterStatus:
    """Combine the three replies (``None`` = no answer) into one status.

    A printer that does not answer is UNKNOWN, never "fine": python-escpos treats silence as
    "paper present", which hides a dead printer.
    """
    if printer is None or not _is_status_byte(printer):
        return PrinterStatus.UNKNOWN
    if offline_cause is not None and _is_status_byte(offline_cause):
        if offline_cause & 0b0000_0100:
            return PrinterStatus.COVER_OPEN
        if offline_cause & 0b0010_0000:
            return PrinterStatus.PAPER_OUT
    if paper is not None and _is_status_byte(paper):
        if paper & 0b0110_0000:
            return PrinterStatus.PAPER_OUT
        if paper & 0b0000_1100:
            return PrinterStatus.PAPER_NEAR_END
    if printer & 0b0000_1000:
        return PrinterStatus.OFFLINE
    return PrinterStatus.ONLINE
