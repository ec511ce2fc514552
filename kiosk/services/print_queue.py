"""The durable print queue.

A document is stored as a job in the same transaction as the record it belongs to, and only
then sent. A printer that is offline, out of paper or has its cover open leaves the job waiting;
it is retried with backoff (on the fallback printer first, if one is configured) until it prints,
and its state is visible to the desk. A job is claimed while it is being sent, so two processes
never print it twice. Reprints are new jobs marked 副本 / COPY, and logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.devices.errors import PrinterError
from kiosk.devices.interfaces import PrinterStatus, ReceiptPrinter
from kiosk.domain.errors import ValidationError
from kiosk.printing.catalog import render_stored, serialise
from kiosk.printing.layout import PrinterProfile
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.storage.models import PrintJob, PrintJobStatus

log = logging.getLogger(__name__)

FIRST_RETRY = timedelta(seconds=5)
MAX_RETRY = timedelta(minutes=5)
# A claim older than this belongs to a process that died while sending: the job is free again.
CLAIM_TIMEOUT = timedelta(minutes=2)
# Stored as the job's last error ("<printer>: <words>"); the console translates these words.
NOT_READY = {
    PrinterStatus.OFFLINE: "offline",
    PrinterStatus.PAPER_OUT: "out of paper",
    PrinterStatus.COVER_OPEN: "cover open",
}


@dataclass(frozen=True)
class Printer:
    """A printer the queue may use, and how documents are laid out for it."""

    device: ReceiptPrinter
    profile: PrinterProfile


@dataclass(frozen=True)
class PrintOutcome:
    job_id: int
    printed: bool
    printer: str | None
    error: str | None = None


@dataclass(frozen=True)
class JobView:
    """One row of the console's print-queue list."""

    job_id: int
    document: str
    reference: str
    copy: bool
    status: PrintJobStatus
    attempts: int
    printer: str | None
    last_error: str | None
    created_at: datetime
    next_attempt_at: datetime


def retry_delay(attempts: int) -> timedelta:
    """5 s, 10 s, 20 s ... at most 5 min between tries."""
    delay: timedelta = FIRST_RETRY * (2 ** max(0, min(attempts - 1, 16)))
    return min(delay, MAX_RETRY)


class PrintQueue:
    """Stores print jobs and sends them to the first ready printer of this station."""

    def __init__(
        self, sessions: sessionmaker[Session], printers: list[Printer], clock: Clock, station: str
    ) -> None:
        if not printers:
            raise ValueError("a print queue needs at least one printer")
        self._sessions = sessions
        self._printers = printers
        self._clock = clock
        self._station = station

    @property
    def printers(self) -> list[Printer]:
        return list(self._printers)

    def enqueue(
        self,
        session: Session,
        document: object,
        reference: str,
        language: str,
        visit_id: int | None = None,
        copy: bool = False,
    ) -> PrintJob:
        """Add a job to ``session``'s transaction; it is sent only after that commits."""
        kind, data = serialise(document)
        return self._add_job(session, kind, data, reference, language, visit_id, copy)

    def _add_job(
        self,
        session: Session,
        kind: str,
        data: str,
        reference: str,
        language: str,
        visit_id: int | None,
        copy: bool,
    ) -> PrintJob:
        now = self._clock.now()
        job = PrintJob(
            document=kind,
            reference=reference,
            visit_id=visit_id,
            data=data,
            language=language,
            copy=copy,
            station=self._station,
            status=PrintJobStatus.QUEUED,
            attempts=0,
            created_at=now,
            next_attempt_at=now,
        )
        session.add(job)
        session.flush()
        return job

    def dispatch(self, job_id: int, actor: Actor) -> PrintOutcome:
        """Try to print job ``job_id`` now, on the first ready printer, and record what happened."""
        if not self._claim(job_id):
            with self._sessions() as session:
                job = session.get_one(PrintJob, job_id)
                return PrintOutcome(job_id, job.status is PrintJobStatus.PRINTED, job.printer, job.last_error)
        with self._sessions() as session:
            job = session.get_one(PrintJob, job_id)
            kind, data, language, copy = job.document, job.data, job.language, job.copy
        errors: list[str] = []
        for printer in self._printers:
            name = printer.device.name
            state = printer.device.status()
            if state in NOT_READY:
                errors.append(f"{name}: {NOT_READY[state]}")
                continue
            payload = render_stored(kind, data, language, printer.profile, copy)
            try:
                printer.device.send(payload)
            except PrinterError as exc:
                errors.append(f"{name}: {exc}")
                log.warning("print job %s failed on %s: %s", job_id, name, exc)
                continue
            return self._record(job_id, actor, name, payload, None)
        return self._record(job_id, actor, None, None, "; ".join(errors))

    def _claim(self, job_id: int) -> bool:
        now = self._clock.now()
        with self._sessions.begin() as session:
            claimed = session.execute(
                update(PrintJob)
                .where(
                    PrintJob.id == job_id,
                    PrintJob.status != PrintJobStatus.PRINTED,
                    or_(PrintJob.claimed_at.is_(None), PrintJob.claimed_at < now - CLAIM_TIMEOUT),
                )
                .values(claimed_at=now)
                .execution_options(synchronize_session=False)
            )
            return bool(getattr(claimed, "rowcount", 0))

    def _record(
        self, job_id: int, actor: Actor, printer: str | None, payload: bytes | None, error: str | None
    ) -> PrintOutcome:
        now = self._clock.now()
        with self._sessions.begin() as session:
            job = session.get_one(PrintJob, job_id)
            job.attempts += 1
            job.claimed_at = None
            job.last_error = error
            if error is None:
                job.status = PrintJobStatus.PRINTED
                job.printer = printer
                job.payload = payload
                job.printed_at = now
            else:
                job.status = PrintJobStatus.FAILED
                job.next_attempt_at = now + retry_delay(job.attempts)
            audit.record(
                session,
                actor,
                "print_job.printed" if error is None else "print_job.failed",
                "print_job",
                job.id,
                now,
                document=job.document,
                reference=job.reference,
                printer=printer,
                attempt=job.attempts,
                copy=job.copy,
                error=error,
            )
        return PrintOutcome(job_id, error is None, printer, error)

    def retry_due(self, actor: Actor, limit: int = 20) -> list[PrintOutcome]:
        """Send this station's waiting jobs whose retry time has come, oldest first."""
        now = self._clock.now()
        with self._sessions() as session:
            due = list(
                session.scalars(
                    select(PrintJob.id)
                    .where(
                        PrintJob.station == self._station,
                        PrintJob.status != PrintJobStatus.PRINTED,
                        PrintJob.next_attempt_at <= now,
                    )
                    .order_by(PrintJob.id)
                    .limit(limit)
                )
            )
        outcomes = []
        for job_id in due:
            outcome = self.dispatch(job_id, actor)
            outcomes.append(outcome)
            if not outcome.printed:
                break  # the printers are not ready: the later jobs would fail the same way
        return outcomes

    def send_now(self, job_id: int, actor: Actor) -> PrintOutcome:
        """The desk's "try again now" for a waiting job, whatever its retry time."""
        with self._sessions() as session:
            job = session.get(PrintJob, job_id)
            if job is None:
                raise ValidationError("print_job", "unknown")
            if job.status is PrintJobStatus.PRINTED:
                raise ValidationError("print_job", "already_printed")
        return self.dispatch(job_id, actor)

    def reprint(self, job_id: int, actor: Actor) -> PrintOutcome:
        """Print a printed document again, marked 副本 / COPY, as a new logged job."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            original = session.get(PrintJob, job_id)
            if original is None:
                raise ValidationError("print_job", "unknown")
            if original.status is not PrintJobStatus.PRINTED:
                raise ValidationError("print_job", "not_printed_yet")
            copy = self._add_job(
                session,
                original.document,
                original.data,
                original.reference,
                original.language,
                original.visit_id,
                True,
            )
            audit.record(
                session,
                actor,
                "print_job.reprinted",
                "print_job",
                copy.id,
                now,
                original=original.id,
                reference=original.reference,
            )
            copy_id = copy.id
        return self.dispatch(copy_id, actor)

    def preview(self, job_id: int) -> tuple[bytes, int]:
        """The bytes this job printed (or would print on the first printer) and the paper width."""
        with self._sessions() as session:
            job = session.get(PrintJob, job_id)
            if job is None:
                raise ValidationError("print_job", "unknown")
            if job.payload is not None and job.printer is not None:
                taken_by = next(
                    (p for p in self._printers if p.device.name == job.printer), self._printers[0]
                )
                return job.payload, taken_by.profile.paper_width_mm
            first = self._printers[0].profile
            return render_stored(job.document, job.data, job.language, first, job.copy), first.paper_width_mm

    def jobs(self, limit: int = 50) -> list[JobView]:
        """The newest jobs, for the console."""
        with self._sessions() as session:
            rows = session.scalars(select(PrintJob).order_by(PrintJob.id.desc()).limit(limit))
            return [
                JobView(
                    j.id,
                    j.document,
                    j.reference,
                    j.copy,
                    j.status,
                    j.attempts,
                    j.printer,
                    j.last_error,
                    j.created_at,
                    j.next_attempt_at,
                )
                for j in rows
            ]

    def printer_states(self) -> list[tuple[str, PrinterStatus]]:
        """Each configured printer and what it says of itself (UNKNOWN where it cannot say)."""
        return [(p.device.name, p.device.status()) for p in self._printers]
