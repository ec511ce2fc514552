"""The site's working-day calendar: China's official one (kiosk.domain.work_calendar) with the
overrides a supervisor enters at the console (a closure, a make-up working day, a year the
library does not know yet). The machine-room pass reconciliation asks it which days are due.

A day an already signed reconciliation rests on is settled: changing it would move the periods
of sheets both people have signed, so an override on or before the latest frozen sheet's day is
refused (a forgotten closure after that day is still entered: that day's sheet then merges into
the next working day's).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.domain.errors import ValidationError
from kiosk.domain.machine_room_pass import NOTE_MAX_CHARS
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.text import sanitize_text
from kiosk.domain.work_calendar import (
    CalendarYear,
    DayKind,
    OverrideView,
    SiteCalendar,
    clean_override_note,
    official_year,
)
from kiosk.services import audit
from kiosk.services.clock import Clock
from kiosk.services.site import SiteInfo
from kiosk.services.staff import SignedIn
from kiosk.storage.database import Sessions
from kiosk.storage.models import PassReconciliationRecord, WorkCalendarOverride

ENTITY = "work_calendar_override"
# Overrides are entered for last year (a closure found late) up to two years ahead.
YEARS_BACK, YEARS_AHEAD = 1, 2


@dataclass
class WorkCalendarService:
    sessions: Sessions
    clock: Clock
    site: SiteInfo

    def calendar(self) -> SiteCalendar:
        """The official calendar with every standing override (one small indexed read)."""
        with self.sessions.reads() as session:
            return self.calendar_in(session)

    @staticmethod
    def calendar_in(session: Session) -> SiteCalendar:
        rows = session.execute(
            select(WorkCalendarOverride.day, WorkCalendarOverride.kind).where(
                WorkCalendarOverride.cancelled_at.is_(None)
            )
        )
        return SiteCalendar({day: kind for day, kind in rows})

    def year(self, year: int) -> CalendarYear:
        """The official exceptions of ``year`` and the site's overrides in it, cancelled ones too."""
        official = official_year(year)
        with self.sessions.reads() as session:
            rows = session.scalars(
                select(WorkCalendarOverride)
                .where(WorkCalendarOverride.day.between(date(year, 1, 1), date(year, 12, 31)))
                .order_by(WorkCalendarOverride.day, WorkCalendarOverride.id)
            )
            overrides = tuple(_view(row) for row in rows)
        return CalendarYear(year, official is not None, official or (), overrides)

    def override(self, override_id: int) -> OverrideView:
        """One override as it is recorded (a retried submit is answered from it)."""
        with self.sessions.reads() as session:
            row = session.get(WorkCalendarOverride, override_id)
            if row is None:
                raise ValidationError("override", "unknown")
            return _view(row)

    def add_override(self, day: date, kind: DayKind, note: str, who: SignedIn) -> OverrideView:
        """Make ``day`` a holiday or a working day for this site, whatever the official calendar says."""
        self._may(who)
        clean = clean_override_note(note)
        today = self._today()
        if not today.year - YEARS_BACK <= day.year <= today.year + YEARS_AHEAD:
            raise ValidationError(
                "day", "out_of_range", first=today.year - YEARS_BACK, last=today.year + YEARS_AHEAD
            )
        now = self.clock.now()
        with self.sessions.begin() as session:
            self._not_settled(session, day)
            standing = session.scalar(
                select(WorkCalendarOverride.id).where(
                    WorkCalendarOverride.day == day, WorkCalendarOverride.cancelled_at.is_(None)
                )
            )
            if standing is not None:
                raise ValidationError("day", "has_override", day=day.isoformat())
            row = WorkCalendarOverride(day=day, kind=kind, note=clean, added_at=now, added_by=who.actor.label)
            session.add(row)
            session.flush()
            # The note stays out of the trail (it may name someone); the row keeps it.
            audit.record(
                session, who.actor, "work_calendar.override_added", ENTITY, row.id, now,
                day=day.isoformat(), kind=kind.value,
            )  # fmt: skip
            return _view(row)

    def cancel_override(self, override_id: int, reason: str, who: SignedIn) -> None:
        """Withdraw an override with the reason: the official calendar decides that day again."""
        self._may(who)
        clean = sanitize_text(reason)
        if not clean:
            raise ValidationError("reason", "required")
        if len(clean) > NOTE_MAX_CHARS:
            raise ValidationError("reason", "too_long", max=NOTE_MAX_CHARS)
        now = self.clock.now()
        with self.sessions.begin() as session:
            row = session.get(WorkCalendarOverride, override_id)
            if row is None:
                raise ValidationError("override", "unknown")
            if row.cancelled_at is not None:
                raise ValidationError("override", "already_cancelled")
            self._not_settled(session, row.day)
            row.cancelled_at, row.cancelled_by, row.cancel_reason = now, who.actor.label, clean
            audit.record(
                session, who.actor, "work_calendar.override_cancelled", ENTITY, row.id, now,
                day=row.day.isoformat(), kind=row.kind.value,
            )  # fmt: skip

    # --- inside ---------------------------------------------------------------------------------
    def _today(self) -> date:
        return self.clock.now().astimezone(self.site.timezone).date()

    @staticmethod
    def _may(who: SignedIn) -> None:
        if not allowed(who.role, Permission.MANAGE_WORK_CALENDAR):
            raise ValidationError("calendar", "not_allowed")

    @staticmethod
    def _not_settled(session: Session, day: date) -> None:
        latest = session.scalar(select(func.max(PassReconciliationRecord.due_on)))
        if latest is not None and day <= latest:
            raise ValidationError("day", "settled", day=latest.isoformat())


def _view(row: WorkCalendarOverride) -> OverrideView:
    return OverrideView(
        row.id,
        row.day,
        row.kind,
        row.note,
        row.added_at,
        row.added_by,
        row.cancelled_at,
        row.cancelled_by or "",
        row.cancel_reason or "",
    )
