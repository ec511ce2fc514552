"""The desk's print queue: every station's jobs and printers, as the server keeps them."""

from __future__ import annotations

from kiosk.client.http import SiteClient
from kiosk.domain.views import PrintJobView, PrintOutcome, StationPrinters, StoredDocument


class DeskPrintQueue:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def jobs(self) -> list[PrintJobView]:
        return self._c.get_list("/print-queue/jobs", PrintJobView)

    def document(self, job_id: int) -> StoredDocument:
        return self._c.get(f"/print-queue/jobs/{job_id}/document", StoredDocument)

    def send_now(self, job_id: int) -> PrintOutcome:
        return self._c.post(f"/print-queue/jobs/{job_id}/send-now", PrintOutcome)

    def reprint(self, job_id: int) -> PrintOutcome:
        """A copy, marked 副本 / COPY, printed at this station."""
        return self._c.post(f"/print-queue/jobs/{job_id}/reprint", PrintOutcome)

    def printers(self) -> list[StationPrinters]:
        return self._c.get_list("/print-queue/printers", StationPrinters)
