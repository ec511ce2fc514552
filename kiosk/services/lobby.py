"""Who is in the building now, and the desk's actions on those visits."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.domain.badge import UnsignedBadgeCodeError, checkout_code_matches, parse_checkout_code
from kiosk.domain.errors import ValidationError
from kiosk.domain.text import sanitize_text
from kiosk.domain.views import AutoCheckout, OnSiteVisitor, PrintOutcome, WaitingVisitor
from kiosk.domain.visit import CheckoutMethod
from kiosk.domain.watchlist import WatchlistHold
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.print_queue import PrintQueue
from kiosk.storage.database import Sessions
from kiosk.storage.models import Host, PrintJob, PrintJobStatus, Visit, VisitStatus


def _hold_of(visit: Visit) -> WatchlistHold | None:
    """Why a held visit is held, as the desk is told (a hold released back to waiting says nothing)."""
    if visit.status is not VisitStatus.HELD or visit.hold_entry_id is None or visit.hold_match is None:
        return None
    return WatchlistHold(visit.hold_entry_id, visit.hold_match)


def last_auto_checkout(now: datetime, at: time, zone: tzinfo) -> datetime:
    """The most recent moment, at or before ``now``, the site's clock showed ``at``."""
    local = now.astimezone(zone)
    today = datetime.combine(local.date(), at, tzinfo=zone)
    moment = today if today <= local else datetime.combine(local.date() - timedelta(days=1), at, tzinfo=zone)
    return moment.astimezone(UTC)


class LobbyService:
    def __init__(self, sessions: Sessions, print_queue: PrintQueue, clock: Clock, code_key: bytes) -> None:
        self._sessions = sessions
        self._queue = print_queue
        self._clock = clock
        self._code_key = code_key  # verifies the badges' check-out codes (kiosk.domain.badge)

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
                    _hold_of(visit),
                )
                for visit, host in session.execute(stmt)
            ]

    def check_out_by_name(self, name: str, mobile_last_four: str, actor: Actor) -> int:
        """Check out the one visit on site of ``name`` whose mobile ends in ``mobile_last_four``
        (the public kiosk's check-out without a badge); returns the visit id.

        The name as given at check-in (any case, spaces ignored) and something only the visitor
        knows: nobody else's visit can be found by trying names. ``checkout.no_match`` for no
        such visit, a visit without a mobile included (the desk checks those out: saying so would
        tell a stranger that the name is on site); ``checkout.see_desk`` for two alike.
        """
        if not (len(mobile_last_four) == 4 and mobile_last_four.isascii() and mobile_last_four.isdigit()):
            raise ValidationError("mobile_last_four", "format")
        wanted = _name_key(name)
        if not wanted:
            raise ValidationError("visitor_name", "required")
        with self._sessions.reads() as session:
            # Mobiles are stored as digits (``+`` and digits abroad): the ending is an SQL suffix.
            candidates = session.execute(
                select(Visit.id, Visit.visitor_name).where(
                    Visit.status == VisitStatus.ON_SITE, Visit.mobile.endswith(mobile_last_four)
                )
            ).all()
        found = [visit_id for visit_id, stored in candidates if _name_key(stored) == wanted]
        if not found:
            raise ValidationError("checkout", "no_match")
        if len(found) > 1:
            raise ValidationError("checkout", "see_desk")
        self.check_out(found[0], actor, CheckoutMethod.NAME)
        return found[0]

    def check_out_by_badge(self, scanned: str, actor: Actor) -> int:
        """Check out the visit of a scanned badge (past its valid-until too); returns the visit id.

        ``badge.unsigned`` for a badge printed before codes were signed (the desk checks it out),
        ``badge.unknown`` for a code that is no badge of this site or not this visit's: a number
        copied from another badge, a QR of one visit shown as another's.
        """
        try:
            code = parse_checkout_code(scanned)
        except UnsignedBadgeCodeError:
            raise ValidationError("badge", "unsigned") from None
        if code is None:
            raise ValidationError("badge", "unknown")
        with self._sessions.reads() as session:
            row = session.execute(
                select(Visit.id, Visit.checked_in_at).where(Visit.badge_number == code.badge_number)
            ).first()
        if row is None or row.checked_in_at is None:
            raise ValidationError("badge", "unknown")
        if not checkout_code_matches(self._code_key, code, row.id, code.badge_number, row.checked_in_at):
            raise ValidationError("badge", "unknown")
        self.check_out(row.id, actor, CheckoutMethod.BADGE)
        return int(row.id)

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


def _name_key(name: str) -> str:
    """A name as compared at the kiosk's check-out: sanitised, spaces dropped, any case."""
    return "".join(sanitize_text(name).split()).casefold()
