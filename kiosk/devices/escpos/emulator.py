"""An ESC/POS network printer on loopback (port 9100 protocol): answers DLE EOT status requests,
stores each document it receives as .bin and a PNG, and can be put out of paper or offline.

Used by `kiosk emulate printer`, by demos on machines without a printer, and by tests of the real
network transport.
"""

from __future__ import annotations

import logging
import socket
import threading
from pathlib import Path

from kiosk.devices.emulated import EmulatedPrinter
from kiosk.devices.escpos.status import REQUEST_OFFLINE_CAUSE, REQUEST_PAPER, REQUEST_PRINTER
from kiosk.devices.interfaces import PrinterStatus

log = logging.getLogger(__name__)

# Status bytes as an Epson-compatible printer sends them (bits 1 and 4 always set).
_REPLIES: dict[PrinterStatus, dict[bytes, int]] = {
    PrinterStatus.ONLINE: {REQUEST_PRINTER: 0x16, REQUEST_OFFLINE_CAUSE: 0x12, REQUEST_PAPER: 0x12},
    PrinterStatus.PAPER_NEAR_END: {REQUEST_PRINTER: 0x16, REQUEST_OFFLINE_CAUSE: 0x12, REQUEST_PAPER: 0x1E},
    PrinterStatus.PAPER_OUT: {REQUEST_PRINTER: 0x1E, REQUEST_OFFLINE_CAUSE: 0x32, REQUEST_PAPER: 0x72},
    PrinterStatus.COVER_OPEN: {REQUEST_PRINTER: 0x1E, REQUEST_OFFLINE_CAUSE: 0x16, REQUEST_PAPER: 0x12},
}


class NetworkPrinterEmulator:
    """A printer listening on ``host:port`` (port 0 picks a free one; see :attr:`port`).

    ``state`` decides the status replies; OFFLINE refuses connections the way a switched-off
    printer does. Each connection that carries printable bytes becomes one stored document:
    in :attr:`documents`, and as files in ``out_dir`` unless that is None (then nothing is
    written or rendered: `kiosk screenshots` needs the printer's answers, not its paper).
    """

    def __init__(
        self, out_dir: Path | None, host: str = "127.0.0.1", port: int = 9100, paper_width_mm: int = 80
    ) -> None:
        self.store = None if out_dir is None else EmulatedPrinter(out_dir, paper_width_mm)
        self.state = PrinterStatus.ONLINE
        self.documents: list[bytes] = []
        self._server = socket.create_server((host, port))
        self._server.settimeout(0.2)
        self.host, self.port = self._server.getsockname()[:2]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="printer-emulator", daemon=True)

    def start(self) -> NetworkPrinterEmulator:
        self._thread.start()
        return self

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._server.close()

    def __enter__(self) -> NetworkPrinterEmulator:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _peer = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                if self.state is PrinterStatus.OFFLINE:
                    continue  # accepted and dropped: the sender sees a reset or a timeout
                self._session(conn)

    def _session(self, conn: socket.socket) -> None:
        conn.settimeout(0.5)
        received = bytearray()
        while not self._stop.is_set():
            try:
                chunk = conn.recv(65536)
            except TimeoutError:
                break  # a sender that keeps the socket open but has finished
            except OSError:
                break
            if not chunk:
                break
            received += chunk
            self._answer_status(conn, received)
        document = _without_status_requests(bytes(received))
        if document:
            if self.store is not None:
                self.store.send(document)
                log.info("emulated network printer stored %s", self.store.last_png)
            self.documents.append(document)  # after the files exist: watchers may read them

    def _answer_status(self, conn: socket.socket, received: bytearray) -> None:
        replies = _REPLIES.get(self.state, _REPLIES[PrinterStatus.ONLINE])
        for request, reply in replies.items():
            if received.endswith(request):
                conn.sendall(bytes([reply]))


def _without_status_requests(data: bytes) -> bytes:
    for request in (REQUEST_PRINTER, REQUEST_OFFLINE_CAUSE, REQUEST_PAPER):
        data = data.replace(request, b"")
    return data
