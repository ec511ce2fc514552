"""The station's own printers: it claims its jobs from the server's queue, prints them, reports.

A job is marked as being sent (claimed) on the server before its bytes go out; if the station
stops before it reports, the server hands the job back marked COPY.
"""

from __future__ import annotations

import logging
import threading

from kiosk.client.api import PrintJobs
from kiosk.domain.printing import is_unprintable
from kiosk.domain.views import PrintOutcome
from kiosk.faults import crash_point
from kiosk.printing.send import Printer, send_document

log = logging.getLogger(__name__)

# How many outcomes a station remembers for print_now (a page asks right after its request).
RECENT_KEPT = 100


class StationPrinting:
    def __init__(self, jobs: PrintJobs, printers: list[Printer]) -> None:
        self._jobs = jobs
        self.printers = printers
        # One round at a time (the runner's timer, a page printing what it just queued), and the
        # newest outcomes kept: a page whose job another round printed still hears how it went.
        self._lock = threading.RLock()
        self._recent: dict[int, PrintOutcome] = {}

    def run_once(self) -> list[PrintOutcome]:
        """Print what the server has for this station now (off the GUI thread)."""
        with self._lock:
            outcomes = self._round()
            for outcome in outcomes:
                self._recent[outcome.job_id] = outcome
            while len(self._recent) > RECENT_KEPT:
                del self._recent[next(iter(self._recent))]
            return outcomes

    def _round(self) -> list[PrintOutcome]:
        outcomes: list[PrintOutcome] = []
        not_ready: str | None = None
        for job in self._jobs.claim():
            if not_ready is not None:
                # The printers were not ready a moment ago: nothing is sent, so the job is not a copy.
                outcomes.append(self._jobs.report(job.job_id, False, None, not_ready))
                continue
            sent = send_document(self.printers, job.document, job.data, job.language, job.is_copy, job.job_id)
            crash_point("station_print.sent")
            outcomes.append(self._jobs.report(job.job_id, sent.error is None, sent.printer, sent.error))
            if not is_unprintable(sent.error):  # a damaged document says nothing of the printer
                not_ready = sent.error
        # The desk's print queue lists every station's printers as they said after its last round.
        self._jobs.report_printers([(p.device.name, p.device.status().value) for p in self.printers])
        return outcomes

    def print_now(self, queued: PrintOutcome) -> PrintOutcome:
        """``queued``: the server's answer to a request that queued a job for this station (not
        printed, no error yet). Print this station's jobs now, off the GUI thread, and say what
        became of that one (also when another round, the runner's, printed it meanwhile)."""
        if queued.printed or queued.error is not None:
            return queued
        with self._lock:
            for outcome in self.run_once():
                if outcome.job_id == queued.job_id:
                    return outcome
            return self._recent.get(queued.job_id, queued)
