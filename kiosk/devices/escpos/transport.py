"""Real printers through python-escpos's connections (network, USB, serial, file).

We use python-escpos only as the transport: documents are laid out and encoded by
:mod:`kiosk.printing` (its MagicEncode cannot send Chinese reliably), and status replies are
interpreted by :mod:`kiosk.devices.escpos.status`.
"""

from __future__ import annotations

import logging
import subprocess
import threading
from collections.abc import Callable
from typing import Any

from kiosk.devices.errors import PrinterError, PrinterOfflineError
from kiosk.devices.escpos.status import (
    REQUEST_OFFLINE_CAUSE,
    REQUEST_PAPER,
    REQUEST_PRINTER,
    interpret_status,
)
from kiosk.devices.interfaces import NamedPrinter, PrinterStatus

log = logging.getLogger(__name__)


def escpos_printer_module() -> Any:
    """Import ``escpos.printer`` without letting it configure the root logger.

    python-escpos 3.1 calls ``logging.basicConfig`` side effects on import; the kiosk's logging
    stays its own.
    """
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import escpos.printer
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    return escpos.printer


class EscposPrinter(NamedPrinter):
    """A :class:`~kiosk.devices.interfaces.ReceiptPrinter` over one python-escpos connection.

    The connection is opened per job and closed after it, so a printer that was switched off and
    on again, or a network printer that dropped the socket, works again for the next job.
    """

    def __init__(
        self,
        name: str,
        connect: Callable[[], Any],
        paper_width_mm: int = 80,
        can_read_status: bool = True,
    ) -> None:
        super().__init__(name, paper_width_mm)
        self._connect = connect
        self._can_read_status = can_read_status
        self._lock = threading.Lock()

    def _open(self) -> Any:
        try:
            conn = self._connect()
            self._start(conn)
        except Exception as exc:  # python-escpos raises its own and OS errors alike
            raise PrinterOfflineError(f"{self._name}: cannot connect ({exc})") from exc
        return conn

    def _start(self, conn: Any) -> None:
        """Open the connection for one job."""
        conn.open()

    def send(self, data: bytes) -> None:
        with self._lock:
            conn = self._open()
            try:
                conn._raw(data)
            except Exception as exc:
                raise PrinterOfflineError(f"{self._name}: sending failed ({exc})") from exc
            finally:
                _close_quietly(conn)

    def status(self) -> PrinterStatus:
        if not self._can_read_status:
            return PrinterStatus.UNKNOWN
        with self._lock:
            try:
                conn = self._open()
            except PrinterError:
                return PrinterStatus.OFFLINE
            try:
                replies = [
                    _ask(conn, request) for request in (REQUEST_PRINTER, REQUEST_OFFLINE_CAUSE, REQUEST_PAPER)
                ]
            finally:
                _close_quietly(conn)
        return interpret_status(*replies)

    def close(self) -> None:
        """Nothing is held open between jobs."""


def _ask(conn: Any, request: bytes) -> int | None:
    try:
        conn._raw(request)
        reply = conn._read()
    except Exception as exc:  # a link that cannot read (USB without IN endpoint, file)
        log.debug("status request %r got no answer: %s", request, exc)
        return None
    return reply[-1] if reply else None


def _close_quietly(conn: Any) -> None:
    try:
        conn.close()
    except Exception as exc:  # python-escpos close() raises its own types as well as OSError
        log.debug("closing printer connection: %s", exc)


class CupsPrinter(NamedPrinter):
    """A printer queue of the local CUPS server, fed raw ESC/POS through ``lp -o raw``.

    For sites whose printer is shared through CUPS; no Python CUPS binding is needed.
    """

    def __init__(self, queue: str, paper_width_mm: int = 80, lp: str = "lp", lpstat: str = "lpstat") -> None:
        super().__init__(f"escpos+cups://{queue}", paper_width_mm)
        self._queue = queue
        self._lp = lp
        self._lpstat = lpstat

    def send(self, data: bytes) -> None:
        try:
            result = subprocess.run(
                [self._lp, "-d", self._queue, "-o", "raw", "-t", "lobby-kiosk", "-"],
                input=data,
                capture_output=True,
                timeout=30,
                check=False,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise PrinterOfflineError(f"{self.name}: cannot run {self._lp} ({exc})") from exc
        if result.returncode != 0:
            reason = result.stderr.decode(errors="replace").strip() or f"exit {result.returncode}"
            raise PrinterOfflineError(f"{self.name}: {reason}")

    def status(self) -> PrinterStatus:
        """CUPS knows whether the queue accepts jobs, not whether the paper is in: say only that."""
        try:
            result = subprocess.run(
                [self._lpstat, "-p", self._queue], capture_output=True, text=True, timeout=10, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return PrinterStatus.UNKNOWN
        if result.returncode != 0 or "disabled" in result.stdout:
            return PrinterStatus.OFFLINE
        return PrinterStatus.UNKNOWN

    def close(self) -> None:
        """Nothing is held open."""
