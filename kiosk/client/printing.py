"""The station's own printers: it claims its jobs from the server's queue, prints them, reports.

A job is marked as being sent (claimed) on the server before its bytes go out; if the station
stops before it reports, the server hands the job back marked COPY.
"""

from __future__ import annotations

import logging

from kiosk.client.api import PrintJobs
from kiosk.domain.views import PrintOutcome
from kiosk.printing.send import Printer, send_document

log = logging.getLogger(__name__)


class StationPrinting:
    def __init__(self, jobs: PrintJobs, printers: list[Printer]) -> None:
        self._jobs = jobs
        self.printers = printers

    def run_once(self) -> list[PrintOutcome]:
        """Print what the server has for this station now (off the GUI thread)."""
        outcomes: list[PrintOutcome] = []
        not_ready: str | None = None
        for job in self._jobs.claim():
            if not_ready is not None:
                # The printers were not ready a moment ago: nothing is sent, so the job is not a copy.
                outcomes.append(self._jobs.report(job.job_id, False, None, not_ready))
                continue
            sent = send_document(self.printers, job.document, job.data, job.language, job.is_copy, job.job_id)
            outcomes.append(self._jobs.report(job.job_id, sent.error is None, sent.printer, sent.error))
            not_ready = sent.error
        return outcomes
