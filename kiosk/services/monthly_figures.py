"""The manager's monthly figures (统计分析, seed 000: 每月提交……统计数据): a month of visitors,
release slips, receipts, repairs and complaints, counted by the database.

Each figure is one grouped query over an indexed time column, returning a few thousand groups
whatever the number of rows (a busy site's month is 30,000 visits of a million). Times are grouped
by UTC quarter-hours (:mod:`kiosk.storage.epoch`) and placed on the site's clock here, so a visit
at 23:59 on the last day of the month belongs to that day in the site's zone, whatever the
database's own time zone and with no zone rules in SQL.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, case, func, not_, or_, select
from sqlalchemy.orm import Session

from kiosk.domain.complaints import ComplaintKind, ComplaintSubject
from kiosk.domain.monthly_figures import (
    ComplaintSubjectFigures,
    Month,
    MonthlyFigures,
    RepairCategoryFigures,
    figure_tables,
)
from kiosk.domain.repairs import RepairCategory, RepairStatus
from kiosk.services.clock import Clock
from kiosk.services.xlsx_stream import Sheet, save_workbook
from kiosk.storage.database import Sessions
from kiosk.storage.epoch import QUARTER_HOUR_S, epoch_seconds, quarter_hour
from kiosk.storage.models import Complaint, Payment, ReleaseSlipRecord, RepairRequest, Visit


class MonthlyFiguresService:
    def __init__(self, sessions: Sessions, clock: Clock, zone: tzinfo) -> None:
        self._sessions = sessions
        self._clock = clock
        self._zone = zone

    def _start(self, day: date) -> datetime:
        return datetime.combine(day, time(0), self._zone).astimezone(UTC)

    def figures(self, month: Month) -> MonthlyFigures:
        """The month's figures, every day and hour on the site's clock, read in one snapshot."""
        start, end = self._start(month.first_day), self._start(month.after)
        zone, first = self._zone, month.first_day

        def place(bucket: Any) -> tuple[int, int]:
            """A UTC quarter-hour's day of the month (from 0) and hour on the site's clock."""
            local = datetime.fromtimestamp(int(bucket) * QUARTER_HOUR_S, zone)
            return (local.date() - first).days, local.hour

        days = month.days
        visits, people, hours = [0] * days, [0] * days, [0] * 24
        slips = [0] * days
        receipts, receipts_fen, refunds, refunds_fen = [0] * days, [0] * days, [0] * days, [0] * days
        with self._sessions.reads() as session:
            arrived = quarter_hour(Visit.requested_at)
            for bucket, count, party in session.execute(
                select(arrived, func.count(), func.sum(Visit.party_size))
                .where(Visit.requested_at >= start, Visit.requested_at < end)
                .group_by(arrived)
            ):
                day, hour = place(bucket)
                visits[day] += count
                people[day] += int(party or 0)
                hours[hour] += count
            issued = quarter_hour(ReleaseSlipRecord.issued_at)
            for bucket, count in session.execute(
                select(issued, func.count())
                .where(ReleaseSlipRecord.issued_at >= start, ReleaseSlipRecord.issued_at < end)
                .group_by(issued)
            ):
                slips[place(bucket)[0]] += count
            taken = quarter_hour(Payment.taken_at)
            is_refund = Payment.refund_of_id.is_not(None)
            for bucket, refund, count, fen in session.execute(
                select(taken, is_refund, func.count(), func.sum(Payment.amount_fen))
                .where(Payment.taken_at >= start, Payment.taken_at < end)
                .group_by(taken, is_refund)
            ):
                day = place(bucket)[0]
                if refund:
                    refunds[day] += count
                    refunds_fen[day] += int(fen or 0)
                else:
                    receipts[day] += count
                    receipts_fen[day] += int(fen or 0)
            repairs = self._repairs(session, start, end)
            complaints = self._complaints(session, start, end)
        return MonthlyFigures(
            month,
            visits,
            people,
            hours,
            slips,
            receipts,
            receipts_fen,
            refunds,
            refunds_fen,
            repairs,
            complaints,
        )

    def _repairs(self, session: Session, start: datetime, end: datetime) -> list[RepairCategoryFigures]:
        """Repairs taken in [start, end) by category, every category listed (a zero is a figure).

        A repair is within its limits if it was completed by its fix clock and, when urgent,
        someone was on site by its arrival clock (an arrival never recorded counts as at the
        completion); late if it missed either, finished or not (an open one past a clock has
        missed it already). A cancelled one is counted as taken, in neither share. A reopened
        one is judged by its current cycle's clocks.
        """
        r = RepairRequest
        now = self._clock.now()
        live = r.status != RepairStatus.CANCELLED
        arrival = func.coalesce(r.arrived_at, r.completed_at)
        missed_arrival = and_(
            r.arrive_by.is_not(None),
            or_(arrival > r.arrive_by, and_(arrival.is_(None), r.arrive_by < now)),
        )
        missed_fix = or_(r.completed_at > r.fix_by, and_(r.completed_at.is_(None), r.fix_by < now))
        late = and_(live, or_(missed_arrival, missed_fix))
        within = and_(live, r.completed_at.is_not(None), not_(late))
        found = {
            category: (taken, int(completed or 0), int(in_time or 0), int(missed or 0))
            for category, taken, completed, in_time, missed in session.execute(
                select(
                    r.category,
                    func.count(),
                    _count(r.completed_at.is_not(None)),
                    _count(within),
                    _count(late),
                )
                .where(r.taken_at >= start, r.taken_at < end)
                .group_by(r.category)
            )
        }
        return [
            RepairCategoryFigures(category.value, *found.get(category, (0, 0, 0, 0)))
            for category in RepairCategory
        ]

    def _complaints(self, session: Session, start: datetime, end: datetime) -> list[ComplaintSubjectFigures]:
        """Complaints (not suggestions) recorded in [start, end) by subject, every subject listed:
        how many, how many serious (重大投诉), how many closed and their average time to close."""
        c = Complaint
        closed = c.closed_at.is_not(None)
        took = case((closed, epoch_seconds(c.closed_at) - epoch_seconds(c.recorded_at)), else_=None)
        found = {
            subject: (recorded, int(serious or 0), int(done or 0), seconds)
            for subject, recorded, serious, done, seconds in session.execute(
                select(c.subject, func.count(), _count(c.serious), _count(closed), func.sum(took))
                .where(c.recorded_at >= start, c.recorded_at < end, c.kind == ComplaintKind.COMPLAINT)
                .group_by(c.subject)
            )
        }
        figures = []
        for subject in ComplaintSubject:
            recorded, serious, done, seconds = found.get(subject, (0, 0, 0, None))
            hours = int(seconds) / done / 3600 if done and seconds is not None else None
            figures.append(ComplaintSubjectFigures(subject.value, recorded, done, hours, serious))
        return figures

    def export(self, month: Month, path: Path, words: Mapping[str, str]) -> Path:
        """The month's figures as an XLSX workbook at ``path``, a sheet a figure, headed in
        ``words`` (English -> the desk's language). Written beside it, then renamed: the file is
        complete or not there."""
        tables = figure_tables(self.figures(month), words)
        save_workbook(path, [Sheet(t.title, t.headers, t.rows, t.widths) for t in tables])
        return path


def _count(condition: SQLColumnExpression[bool]) -> ColumnElement[int]:
    """How many rows of a group meet ``condition`` (a SUM of 1s: the same on both databases)."""
    return func.sum(case((condition, 1), else_=0))
