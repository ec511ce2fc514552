"""Documents are stored as print jobs before any printer is touched, then dispatched.

A failed job stays in the database as FAILED with its error, visible to the desk, which can
send it again; nothing is dropped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from kiosk.devices.errors import PrinterError
from kiosk.devices.interfaces import ReceiptPrinter
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.storage.models import PrintJob, PrintJobStatus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PrintOutcome:
    job_id: int
    printed: bool
    printer: str
    error: str | None = None


class PrintQueue:
    """Stores print jobs and sends them to the configured printer."""

    def __init__(self, sessions: sessionmaker[Session], printer: ReceiptPrinter, clock: Clock) -> None:
        self._sessions = sessions
        self._printer = printer
        self._clock = clock

    @property
    def printer(self) -> ReceiptPrinter:
        return self._printer

    def enqueue(
        self,
        session: Session,
        document: str,
        reference: str,
        payload: bytes,
        visit_id: int | None = None,
    ) -> PrintJob:
        """Add a job to ``session``'s transaction; it is sent only after that commits."""
        job = PrintJob(
            document=document,
            reference=reference,
            visit_id=visit_id,
            payload=payload,
            status=PrintJobStatus.QUEUED,
            attempts=0,
            created_at=self._clock.now(),
        )
        session.add(job)
        session.flush()
        return job

    def dispatch(self, job_id: int, actor: Actor) -> PrintOutcome:
        """Send job ``job_id`` to the printer once and record the result (and its audit event)."""
        with self._sessions() as session:
            job = session.get_one(PrintJob, job_id)
            payload = job.payload
        printer_name = self._printer.name
        error: str | None = None
        try:
            self._printer.send(payload)
        except PrinterError as exc:
            error = str(exc) or type(exc).__name__
            log.warning("print job %s failed on %s: %s", job_id, printer_name, error)
        with self._sessions.begin() as session:
            job = session.get_one(PrintJob, job_id)
            job.attempts += 1
            job.printer = printer_name
            job.last_error = error
            if error is None:
                job.status = PrintJobStatus.PRINTED
                job.printed_at = self._clock.now()
            else:
                job.status = PrintJobStatus.FAILED
            audit.record(
                session,
                actor,
                "print_job.printed" if error is None else "print_job.failed",
                "print_job",
                job.id,
                self._clock.now(),
                document=job.document,
                reference=job.reference,
                printer=printer_name,
                attempt=job.attempts,
                error=error,
            )
        return PrintOutcome(job_id, error is None, printer_name, error)
