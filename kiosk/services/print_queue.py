"""The durable print queue.

A document is stored as a job in the same transaction as the record it belongs to, and only
then sent. A printer that is offline, out of paper or has its cover open leaves the job waiting;
it is retried with backoff (on the fallback printer first, if one is configured) until it prints,
and its state is visible to the desk. A job is claimed while it is being sent, so two processes
never print it twice. Reprints are new jobs marked 副本 / COPY, and logged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from kiosk.devices.interfaces import PrinterStatus
from kiosk.domain.errors import ValidationError
from kiosk.domain.printing import NEVER, is_unprintable
from kiosk.domain.views import PrintJobView, PrintOutcome, StoredDocument
from kiosk.faults import crash_point
from kiosk.printing.catalog import render_stored, serialise
from kiosk.printing.send import Printer, send_document
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.storage.database import Sessions
from kiosk.storage.models import PrintJob, PrintJobStatus

log = logging.getLogger(__name__)

FIRST_RETRY = timedelta(seconds=5)
MAX_RETRY = timedelta(minutes=5)
# A claim older than this belongs to a process that died while sending: the job is free again.
CLAIM_TIMEOUT = timedelta(minutes=2)


# The enrolled station a request came from: its documents go to its own printer (the site server
# keeps the queue; the station claims, prints and reports). Unset: this process's own printers.
_printing_for: ContextVar[str | None] = ContextVar("printing_for", default=None)


@contextmanager
def printing_for(station: str) -> Iterator[None]:
    token = _printing_for.set(station)
    try:
        yield
    finally:
        _printing_for.reset(token)


@dataclass(frozen=True)
class StationJob:
    """A job handed to a station's own printer: the document, laid out there."""

    job_id: int
    document: str
    data: str
    language: str
    reference: str
    is_copy: bool


def _not_purged(job: PrintJob) -> None:
    # Past [retention] print_jobs_days a printed job keeps its number and dates, not its document
    # (kiosk.services.retention): there is nothing left to show or print again.
    if not job.data:
        raise ValidationError("print_job", "purged")


def retry_delay(attempts: int) -> timedelta:
    """5 s, 10 s, 20 s ... at most 5 min between tries."""
    delay: timedelta = FIRST_RETRY * (2 ** max(0, min(attempts - 1, 16)))
    return min(delay, MAX_RETRY)


class PrintQueue:
    """Stores print jobs and sends them to the first ready printer of this station."""

    def __init__(self, sessions: Sessions, printers: list[Printer], clock: Clock, station: str) -> None:
        if not printers:
            raise ValueError("a print queue needs at least one printer")
        self._sessions = sessions
        self._printers = printers
        self._clock = clock
        self._station = station
        # Set by the site server: whether a name is an enrolled station (its jobs wait for it to
        # claim them), and whom to tell that a station has a job.
        self.is_station: Callable[[Session, str], bool] = lambda _session, _name: False
        self.on_station_job: Callable[[str], None] = lambda _name: None

    @property
    def printers(self) -> list[Printer]:
        return list(self._printers)

    @property
    def station(self) -> str:
        """The name this process's own printers' jobs are kept under."""
        return self._station

    def enqueue(
        self,
        session: Session,
        document: object,
        reference: str,
        language: str,
        visit_id: int | None = None,
        copy: bool = False,
        for_station: str | None = None,
    ) -> PrintJob:
        """Add a job to ``session``'s transaction; it is sent only after that commits.
        ``for_station``: the station whose printer it belongs on (a badge at the visitor's kiosk,
        whoever approved it), when that is an enrolled station."""
        kind, data = serialise(document)
        station = for_station if for_station and self.is_station(session, for_station) else None
        return self._add_job(session, kind, data, reference, language, visit_id, copy, station)

    def _add_job(
        self,
        session: Session,
        kind: str,
        data: str,
        reference: str,
        language: str,
        visit_id: int | None,
        copy: bool,
        station: str | None = None,
    ) -> PrintJob:
        now = self._clock.now()
        job = PrintJob(
            document=kind,
            reference=reference,
            visit_id=visit_id,
            data=data,
            language=language,
            copy=copy,
            station=station or _printing_for.get() or self._station,
            status=PrintJobStatus.QUEUED,
            attempts=0,
            created_at=now,
            next_attempt_at=now,
        )
        session.add(job)
        session.flush()
        return job

    def dispatch(self, job_id: int, actor: Actor) -> PrintOutcome:
        """Try to print job ``job_id`` now, on the first ready printer, and record what happened.
        A station's job is left for that station to claim: it is told, and the outcome says
        not printed yet, with no error."""
        with self._sessions.reads() as session:
            owner = session.get_one(PrintJob, job_id).station
        if owner != self._station:
            self.on_station_job(owner)
            return PrintOutcome(job_id, False, None, None)
        if not self._claim(job_id):
            with self._sessions.reads() as session:
                job = session.get_one(PrintJob, job_id)
                return PrintOutcome(job_id, job.status is PrintJobStatus.PRINTED, job.printer, job.last_error)
        with self._sessions.reads() as session:
            job = session.get_one(PrintJob, job_id)
            kind, data, language, copy = job.document, job.data, job.language, job.copy
        sent = send_document(self._printers, kind, data, language, copy, job_id)
        crash_point("print_queue.sent")
        return self._record(job_id, actor, sent.printer, sent.payload, sent.error)

    def _claim(self, job_id: int) -> bool:
        now = self._clock.now()
        with self._sessions.begin() as session:
            self._mark_stale_claims_as_copies(session, now, PrintJob.id == job_id)
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

    @staticmethod
    def _mark_stale_claims_as_copies(session: Session, now: datetime, which: object) -> None:
        """A job whose claim went stale was being sent when its sender died: its bytes may be on
        paper already, so from now on it prints marked 副本 / COPY, never a second original."""
        session.execute(
            update(PrintJob)
            .where(
                which,  # type: ignore[arg-type]
                PrintJob.status != PrintJobStatus.PRINTED,
                PrintJob.claimed_at.is_not(None),
                PrintJob.claimed_at < now - CLAIM_TIMEOUT,
            )
            .values(copy=True)
            .execution_options(synchronize_session=False)
        )

    # --- a station's own printer ----------------------------------------------------------------
    def claim_for_station(self, station: str, limit: int = 5) -> list[StationJob]:
        """The station's due jobs, each marked as being sent (claimed) before its bytes go out.
        A claim left from before the station restarted is stale at once: that job comes back
        marked COPY."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            self._mark_stale_claims_as_copies(session, now, PrintJob.station == station)
            rows = list(
                session.scalars(
                    select(PrintJob)
                    .where(
                        PrintJob.station == station,
                        PrintJob.status != PrintJobStatus.PRINTED,
                        PrintJob.next_attempt_at <= now,
                        or_(PrintJob.claimed_at.is_(None), PrintJob.claimed_at < now - CLAIM_TIMEOUT),
                    )
                    .order_by(PrintJob.id)
                    .limit(limit)
                )
            )
            for job in rows:
                job.claimed_at = now
            return [StationJob(j.id, j.document, j.data, j.language, j.reference, j.copy) for j in rows]

    def recover_station(self, station: str) -> None:
        """A station starting up: whatever it had claimed may have reached paper before it
        stopped, so those jobs print again as copies, at once."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            session.execute(
                update(PrintJob)
                .where(
                    PrintJob.station == station,
                    PrintJob.status != PrintJobStatus.PRINTED,
                    PrintJob.claimed_at.is_not(None),
                )
                .values(copy=True, claimed_at=None, next_attempt_at=now)
                .execution_options(synchronize_session=False)
            )

    def report_from_station(
        self, station: str, job_id: int, actor: Actor, printer: str | None, error: str | None
    ) -> PrintOutcome:
        """What the station's printer did with a job it claimed."""
        with self._sessions.reads() as session:
            job = session.get(PrintJob, job_id)
            if job is None or job.station != station or job.claimed_at is None:
                raise ValidationError("print_job", "not_claimed")
        return self._record(job_id, actor, printer if error is None else None, None, error)

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
                # A document that cannot be laid out is not tried again (kiosk.domain.printing).
                job.next_attempt_at = NEVER if is_unprintable(error) else now + retry_delay(job.attempts)
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
        with self._sessions.reads() as session:
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
            if not outcome.printed and not is_unprintable(outcome.error):
                break  # the printers are not ready: the later jobs would fail the same way
        return outcomes

    def send_now(self, job_id: int, actor: Actor) -> PrintOutcome:
        """The desk's "try again now" for a waiting job, whatever its retry time."""
        with self._sessions.begin() as session:
            job = session.get(PrintJob, job_id)
            if job is None:
                raise ValidationError("print_job", "unknown")
            if job.status is PrintJobStatus.PRINTED:
                raise ValidationError("print_job", "already_printed")
            # Due at once: a station's job is claimed by that station only when it is due.
            job.next_attempt_at = self._clock.now()
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
            _not_purged(original)
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
        with self._sessions.reads() as session:
            job = session.get(PrintJob, job_id)
            if job is None:
                raise ValidationError("print_job", "unknown")
            _not_purged(job)
            if job.payload is not None and job.printer is not None:
                taken_by = next(
                    (p for p in self._printers if p.device.name == job.printer), self._printers[0]
                )
                return job.payload, taken_by.profile.paper_width_mm
            first = self._printers[0].profile
            return render_stored(job.document, job.data, job.language, first, job.copy), first.paper_width_mm

    def jobs(self, limit: int = 50) -> list[PrintJobView]:
        """The newest jobs of every station, for the console; this process's own printers'
        jobs name no station."""
        with self._sessions.reads() as session:
            rows = session.scalars(select(PrintJob).order_by(PrintJob.id.desc()).limit(limit))
            return [
                PrintJobView(
                    j.id,
                    "" if j.station == self._station else j.station,
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

    def stored(self, job_id: int) -> StoredDocument:
        """A job's document as stored, for a preview laid out where it is shown."""
        with self._sessions.reads() as session:
            job = session.get(PrintJob, job_id)
            if job is None:
                raise ValidationError("print_job", "unknown")
            _not_purged(job)
            return StoredDocument(job.id, job.document, job.data, job.language, job.copy)

    def printer_states(self) -> list[tuple[str, PrinterStatus]]:
        """Each configured printer and what it says of itself (UNKNOWN where it cannot say)."""
        return [(p.device.name, p.device.status()) for p in self._printers]
