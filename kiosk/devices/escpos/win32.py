"""Printers of the Windows print spooler (``escpos+win32://PRINTER NAME``).

The laid-out ESC/POS bytes go to the printer's queue as one RAW job through python-escpos's
Win32Raw, so the driver Windows installed for the printer passes them on untouched (the "Generic /
Text Only" driver or the maker's own both do). pywin32 (``win32print``) exists only on Windows:
python-escpos imports it when it can, and this module only inside its functions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from kiosk.devices.errors import DeviceUnavailableError
from kiosk.devices.escpos.transport import EscposPrinter, escpos_printer_module
from kiosk.devices.interfaces import PrinterStatus

log = logging.getLogger(__name__)

# What the Windows queue shows as the document's name.
JOB_NAME = "lobby-kiosk"

# PRINTER_INFO_2's Status and Attributes bits (winspool.h), as the spooler reports them.
PRINTER_STATUS_PAUSED = 0x00000001
PRINTER_STATUS_PAPER_OUT = 0x00000010
PRINTER_STATUS_OFFLINE = 0x00000080
PRINTER_STATUS_NOT_AVAILABLE = 0x00001000
PRINTER_STATUS_DOOR_OPEN = 0x00400000
PRINTER_ATTRIBUTE_WORK_OFFLINE = 0x00000400
_NOT_PRINTING = PRINTER_STATUS_PAUSED | PRINTER_STATUS_OFFLINE | PRINTER_STATUS_NOT_AVAILABLE


def spooler_status(status: int, attributes: int) -> PrinterStatus:
    """What a queue's status and attribute bits say of the printer.

    A paused queue, or one set to "Use printer offline" (Windows sets it when a USB printer is
    switched off), is OFFLINE: a badge sent there would sit in the queue and come out later for
    nobody, so the job waits in our own queue instead and the desk sees why. Most receipt-printer
    drivers report nothing else, so no bit set is UNKNOWN, not ONLINE.
    """
    if attributes & PRINTER_ATTRIBUTE_WORK_OFFLINE or status & _NOT_PRINTING:
        return PrinterStatus.OFFLINE
    if status & PRINTER_STATUS_PAPER_OUT:
        return PrinterStatus.PAPER_OUT
    if status & PRINTER_STATUS_DOOR_OPEN:
        return PrinterStatus.COVER_OPEN
    return PrinterStatus.UNKNOWN


class SpoolerPrinter(EscposPrinter):
    """A printer queue of the Windows print spooler, fed raw ESC/POS one job at a time."""

    def __init__(self, printer_name: str, connect: Callable[[], Any], paper_width_mm: int = 80) -> None:
        super().__init__(f"escpos+win32://{printer_name}", connect, paper_width_mm, can_read_status=False)
        self._printer_name = printer_name

    def _start(self, conn: Any) -> None:
        conn.open(job_name=JOB_NAME)

    def status(self) -> PrinterStatus:
        """What the spooler knows of the queue (it cannot pass our status requests on)."""
        try:
            import win32print  # pywin32, Windows only

            handle = win32print.OpenPrinter(self._printer_name)
            try:
                info = win32print.GetPrinter(handle, 2)
            finally:
                win32print.ClosePrinter(handle)
        except Exception as exc:  # pywintypes.error: the queue was removed, the spooler stopped
            log.debug("spooler status of %s: %s", self._printer_name, exc)
            return PrinterStatus.OFFLINE
        return spooler_status(int(info.get("Status", 0)), int(info.get("Attributes", 0)))


def open_spooler_printer(printer_name: str, paper_width_mm: int = 80) -> SpoolerPrinter:
    """The queue ``printer_name``, checked to exist now, so a misspelt name stops the start with
    the names Windows has rather than failing every job. Raises DeviceUnavailableError."""
    win32raw = escpos_printer_module().Win32Raw
    if not win32raw.is_usable():
        raise DeviceUnavailableError(
            "escpos+win32:// needs pywin32 (win32print), which the Windows installer includes: "
            "pip install pywin32 in a source install"
        )
    try:
        known = sorted(win32raw(printer_name).printers)
    except Exception as exc:  # pywintypes.error when the Print Spooler service is stopped
        raise DeviceUnavailableError(
            f"cannot list the Windows printers ({exc}): is the Print Spooler service running?"
        ) from exc
    if printer_name not in known:
        raise DeviceUnavailableError(
            f"Windows has no printer named {printer_name!r} (it has: {', '.join(known) or 'none'}); "
            "copy the name from Settings > Printers & scanners"
        )
    return SpoolerPrinter(printer_name, lambda: win32raw(printer_name), paper_width_mm)
