"""Who is in the building now, and the desk's actions on those visits."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.domain.errors import ValidationError
from kiosk.domain.text import sanitize_text
from kiosk.domain.views import AutoCheckout, CheckoutMatch, OnSiteVisitor, PrintOutcome, WaitingVisitor
from kiosk.domain.visit import CheckoutMethod
from kiosk.domain.visitor import mask_name
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.print_queue import PrintQueue
from kiosk.storage.database import Sessions
from kiosk.storage.models import Host, PrintJob, PrintJobStatus, Visit, VisitStatus


def last_auto_checkout(now: datetime, at: time, zone: tzinfo) -> datetime:
    """The most recent moment, at or before ``now``, the site's clock showed ``at``."""
    local = now.astimezone(zone)
    today = datetime.combine(local.date(), at, tzinfo=zone)
    moment = today if today <= local else datetime.combine(local.date() - timedelta(days=1), at, tzinfo=zone)
    return moment.astimezone(UTC)


class LobbyService:
    def __init__(self, sessions: Sessions, print_queue: PrintQueue, clock: Clock) -> None:
        self._sessions = sessions
        self._queue = print_queue
        self._clock = clock

    def on_site(self) -> list[OnSiteVisitor]:
        """Everyone checked in and not yet out, longest on site first."""
        # The newest badge job of each visit on site, looked up per visit through
        # ix_print_jobs_visit_id: grouping every badge job ever printed cost ~0.4 s a refresh
        # with 200,000 past visits.
        latest_badge = (
            select(func.max(PrintJob.id))
            .where(PrintJob.visit_id == Visit.id, PrintJob.document == "badge")
            .correlate(Visit)
            .scalar_subquery()
        )
        # Columns, not Visit entities: the board runs this every second for hundreds of rows.
        stmt = (
            select(
                Visit.id,
                Visit.badge_number,
                Visit.visitor_name,
                Visit.company,
                Host.name,
                Host.department,
                func.coalesce(Visit.checked_in_at, Visit.requested_at),
                func.coalesce(Visit.valid_until, Visit.requested_at),
                PrintJob.id,
                PrintJob.status,
                Visit.card_number,
            )
            .join(Host, Visit.host_id == Host.id)
            .outerjoin(PrintJob, PrintJob.id == latest_badge)
            .where(Visit.status == VisitStatus.ON_SITE)
            .order_by(Visit.checked_in_at, Visit.id)
        )
        with self._sessions.reads() as session:
            return [
                OnSiteVisitor(
                    visit_id=visit_id,
                    badge_number=badge or "",
                    visitor_name=name,
                    company=company,
                    host_name=host_name,
                    host_department=department,
                    checked_in_at=checked_in,
                    valid_until=valid_until,
                    badge_job_id=job_id,
                    badge_status=job_status,
                    card_number=card or "",
                )
                for (
                    visit_id,
                    badge,
                    name,
                    company,
                    host_name,
                    department,
                    checked_in,
                    valid_until,
                    job_id,
                    job_status,
                    card,
                ) in session.execute(stmt)
            ]

    def waiting(self) -> list[WaitingVisitor]:
        """Visits waiting for a decision, longest first; holds included (the console alerts on them)."""
        stmt = (
            select(Visit, Host)
            .join(Host, Visit.host_id == Host.id)
            .where(Visit.status.in_((VisitStatus.PENDING, VisitStatus.HELD)))
            .order_by(Visit.requested_at, Visit.id)
        )
        with self._sessions.reads() as session:
            return [
                WaitingVisitor(
                    visit.id,
                    visit.visitor_name,
                    visit.company,
                    host.name,
                    host.department,
                    host.extension,
                    visit.status,
                    visit.approver,
                    visit.requested_at,
                    visit.escalated_at is not None,
                )
                for visit, host in session.execute(stmt)
            ]

    def find_for_checkout(self, text: str, limit: int = 8) -> list[CheckoutMatch]:
        """Visitors on site whose name contains ``text`` (at least one character), names masked."""
        query = sanitize_text(text)
        if not query:
            return []
        stmt = (
            select(Visit)
            .where(Visit.status == VisitStatus.ON_SITE, Visit.visitor_name.contains(query, autoescape=True))
            .order_by(Visit.checked_in_at.desc())
            .limit(limit)
        )
        with self._sessions.reads() as session:
            return [
                CheckoutMatch(v.id, mask_name(v.visitor_name), v.company, v.checked_in_at or v.requested_at)
                for v in session.scalars(stmt)
            ]

    def check_out_by_badge(self, badge_number: str, actor: Actor) -> int:
        """Check out the visit of a scanned badge (past its valid-until too); returns the visit id."""
        with self._sessions.reads() as session:
            visit_id = session.scalar(select(Visit.id).where(Visit.badge_number == badge_number))
        if visit_id is None:
            raise ValidationError("badge", "unknown")
        self.check_out(visit_id, actor, CheckoutMethod.BADGE)
        return visit_id

    def check_out(self, visit_id: int, actor: Actor, method: CheckoutMethod = CheckoutMethod.DESK) -> None:
        """Record the visitor's departure. Checking out twice is refused."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            visit = session.get(Visit, visit_id)
            if visit is None:
                raise ValidationError("visit", "unknown")
            if visit.status is not VisitStatus.ON_SITE:
                raise ValidationError("visit", "already_checked_out")
            self.close_visit(session, visit, actor, method, now)

    @staticmethod
    def close_visit(
        session: Session, visit: Visit, actor: Actor, method: CheckoutMethod, now: datetime
    ) -> None:
        visit.status = VisitStatus.CHECKED_OUT
        visit.checked_out_at = now
        visit.checkout_method = method
        audit.record(
            session,
            actor,
            "visit.checked_out",
            "visit",
            visit.id,
            now,
            badge_number=visit.badge_number,
            method=method.value,
        )

    def auto_check_out(self, before: datetime, actor: Actor) -> list[int]:
        """Close every visit still on site that began before ``before`` as an auto check-out.

        Run at the configured hour; running it again closes nothing twice. Returns the visit ids.
        """
        now = self._clock.now()
        with self._sessions.begin() as session:
            visits = session.scalars(
                select(Visit)
                .where(Visit.status == VisitStatus.ON_SITE, Visit.checked_in_at < before)
                .with_for_update()
            ).all()
            for visit in visits:
                self.close_visit(session, visit, actor, CheckoutMethod.AUTO, now)
            return [visit.id for visit in visits]

    def auto_checked_out(self, since: datetime) -> list[AutoCheckout]:
        """The auto check-outs since ``since`` for the desk to follow up, unreturned cards first."""
        stmt = (
            select(Visit, Host.name)
            .join(Host, Visit.host_id == Host.id)
            .where(Visit.checkout_method == CheckoutMethod.AUTO, Visit.checked_out_at >= since)
            .order_by(Visit.checked_in_at)
        )
        with self._sessions.reads() as session:
            rows = [
                AutoCheckout(
                    visit_id=visit.id,
                    badge_number=visit.badge_number or "",
                    visitor_name=visit.visitor_name,
                    company=visit.company,
                    host_name=host_name,
                    checked_in_at=visit.checked_in_at or visit.requested_at,
                    checked_out_at=visit.checked_out_at or since,
                    card_number=visit.card_number,
                    card_returned=visit.card_returned_at is not None,
                )
                for visit, host_name in session.execute(stmt)
            ]
        return sorted(rows, key=lambda row: not row.card_unreturned)

    def print_badge_again(self, visit_id: int, actor: Actor) -> PrintOutcome:
        """The desk's one button for a badge: send a waiting badge now, or reprint a printed one
        as 副本 / COPY."""
        with self._sessions.reads() as session:
            job = session.scalar(
                select(PrintJob)
                .where(PrintJob.visit_id == visit_id, PrintJob.document == "badge")
                .order_by(PrintJob.id.desc())
                .limit(1)
            )
            if job is None:
                raise ValidationError("visit", "no_badge")
            job_id, printed = job.id, job.status is PrintJobStatus.PRINTED
        if printed:
            return self._queue.reprint(job_id, actor)
        return self._queue.send_now(job_id, actor)
