"""Checking a visitor in: the visit is committed first, then the badge is printed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.badge import Badge, checkout_code, format_badge_number
from kiosk.domain.errors import ValidationError
from kiosk.domain.visitor import validate_company, validate_visitor_name
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.counters import next_value
from kiosk.services.print_queue import PrintQueue
from kiosk.storage.models import Host, Visit, VisitStatus


@dataclass(frozen=True)
class SiteInfo:
    """What the services need to know about the site they serve."""

    name: str
    timezone: ZoneInfo
    badge_valid_hours: int = 8


@dataclass(frozen=True)
class CheckInRequest:
    visitor_name: str
    host_id: int
    company: str = ""
    language: str = "zh_CN"


@dataclass(frozen=True)
class CheckInResult:
    visit_id: int
    badge_number: str
    badge_printed: bool
    print_error: str | None


class CheckInService:
    """The kiosk's check-in use case."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        print_queue: PrintQueue,
        clock: Clock,
        site: SiteInfo,
    ) -> None:
        self._sessions = sessions
        self._queue = print_queue
        self._clock = clock
        self._site = site

    def check_in(self, request: CheckInRequest, actor: Actor) -> CheckInResult:
        """Record the visit and print its badge.

        Raises :class:`ValidationError` for bad input (nothing is stored then). A printer
        failure does not raise: the visit stands, the badge job is left FAILED for the desk,
        and the result says so.
        """
        name = validate_visitor_name(request.visitor_name)
        company = validate_company(request.company)
        now = self._clock.now()
        with self._sessions.begin() as session:
            host = session.get(Host, request.host_id)
            if host is None or not host.active:
                raise ValidationError("host", "unknown")
            badge_number = format_badge_number(next_value(session, "badge"))
            visit = Visit(
                badge_number=badge_number,
                visitor_name=name,
                company=company,
                host_id=host.id,
                status=VisitStatus.ON_SITE,
                language=request.language,
                station=actor.ident,
                checked_in_at=now,
                valid_until=now + timedelta(hours=self._site.badge_valid_hours),
            )
            session.add(visit)
            session.flush()
            badge = self._badge(visit, host)
            job = self._queue.enqueue(session, badge, badge_number, request.language, visit.id)
            audit.record(
                session,
                actor,
                "visit.checked_in",
                "visit",
                visit.id,
                now,
                badge_number=badge_number,
                host_id=host.id,
            )
            visit_id, job_id = visit.id, job.id
        outcome = self._queue.dispatch(job_id, actor)
        return CheckInResult(visit_id, badge_number, outcome.printed, outcome.error)

    def _badge(self, visit: Visit, host: Host) -> Badge:
        zone = self._site.timezone
        return Badge(
            badge_number=visit.badge_number,
            visitor_name=visit.visitor_name,
            company=visit.company,
            host_name=host.name,
            host_department=host.department,
            checked_in_at=visit.checked_in_at.astimezone(zone),
            valid_until=visit.valid_until.astimezone(zone),
            site_name=self._site.name,
            checkout_code=checkout_code(visit.badge_number),
        )
