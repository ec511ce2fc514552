"""The visitor log (来人来访记录表): search with paging, exports for supervisors, daily statistics.

Rows leave this module with the ID number masked (only the last four are kept anyway). Searches
are newest first and paged by key (the last row's time and id), so every page costs the same
however deep the desk pages; the indexes of migration 0014 serve the filters on the visit's
own columns. A page's (or an export batch's) desk calls are fetched in one query for its rows,
and who registered a walk-in comes with the visit (an outer join on its one desk_registrations
row): no query per row.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections import Counter
from collections.abc import Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session

from kiosk.domain.calls import CallView
from kiosk.domain.errors import ValidationError
from kiosk.domain.identity import masked_from_last_four
from kiosk.domain.pinyin import query_key
from kiosk.domain.staff import Permission, Role, allowed
from kiosk.domain.views import DailyStats, LogCursor, LogPage, LogRow
from kiosk.domain.visit import Approver, VisitorType
from kiosk.domain.visitor_log import LogFilter, calls_text, registered_by, safe_cell
from kiosk.faults import crash_point
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.clock import Clock
from kiosk.services.desk_visits import calls_of
from kiosk.services.xlsx_stream import write_xlsx
from kiosk.storage.database import Sessions
from kiosk.storage.models import DeskRegistration, Host, Visit

PAGE_SIZE = 50
EXPORT_FORMATS = ("csv", "xlsx")
# A visitor still on site at midnight came in at most this long before (auto check-out runs daily).
_PEAK_LOOKBACK = timedelta(days=7)

# The columns of a search row and of an export, in order.
_COLUMNS = (
    Visit.id,
    Visit.requested_at,
    Visit.checked_in_at,
    Visit.checked_out_at,
    Visit.visitor_name,
    Visit.company,
    Visit.visitor_type,
    Host.name,
    Host.department,
    Visit.id_type,
    Visit.id_last_four,
    Visit.purpose,
    Visit.badge_number,
    Visit.status,
    DeskRegistration.registered_by_name,
    Visit.station,
    DeskRegistration.resident_name,
)
# A batch of the export's stream: its rows' calls are fetched in one query.
_BATCH = 1000

EXPORT_HEADERS = (
    "Visit",
    "Arrived",
    "Time in",
    "Time out",
    "Name",
    "Company",
    "Type",
    "Host",
    "Department",
    "ID document",
    "ID number",
    "Purpose",
    "Badge",
    "Status",
    "Registered by",
    "Calls",
)


def masked_id(id_type: str | None, last_four: str | None) -> str:
    """A resident ID shows as its 18 characters with all but the last four starred; others as 8."""
    if not last_four:
        return ""
    return masked_from_last_four(last_four, 18 if id_type in (None, "resident_id") else 8)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int


def log_row(row: Sequence[Any], calls: Sequence[CallView] = ()) -> LogRow:
    """A search row as the log shows and exports it (the ID number masked), with ``calls``."""
    (vid, req, cin, cout, name, company, kind, host, dept, id_type, last4, purpose, badge, status) = row[:14]
    clerk, station, resident = row[14:]
    return LogRow(
        vid,
        req,
        cin,
        cout,
        name,
        company,
        kind,
        host,
        dept,
        id_type,
        masked_id(id_type, last4),
        purpose,
        badge,
        status,
        clerk or "",
        station,
        resident or "",
        tuple(calls),
    )


def with_calls(session: Session, rows: Sequence[Sequence[Any]]) -> list[LogRow]:
    """Search ``rows`` as LogRows with the desk's calls about each (one query for them all)."""
    calls = calls_of(session, [row[0] for row in rows])
    return [log_row(row, calls.get(row[0], ())) for row in rows]


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class VisitorLogService:
    def __init__(self, sessions: Sessions, clock: Clock, zone: tzinfo) -> None:
        self._sessions = sessions
        self._clock = clock
        self._zone = zone

    # -- search -------------------------------------------------------------------------------

    def _day_start(self, day: date) -> datetime:
        return datetime.combine(day, time(0), self._zone).astimezone(UTC)

    def _select(self, log_filter: LogFilter) -> Select[*tuple[Any, ...]]:
        start = self._day_start(log_filter.first_day)
        end = self._day_start(log_filter.last_day + timedelta(days=1))
        stmt = (
            select(*_COLUMNS)
            .join(Host, Visit.host_id == Host.id)
            .outerjoin(DeskRegistration, DeskRegistration.visit_id == Visit.id)
            .where(Visit.requested_at >= start, Visit.requested_at < end)
        )
        if log_filter.name:
            stmt = stmt.where(Visit.visitor_name.like(_like(log_filter.name), escape="\\"))
        if log_filter.company:
            stmt = stmt.where(Visit.company.like(_like(log_filter.company), escape="\\"))
        if log_filter.host:
            # The directory is small: find the hosts first (name, department or pinyin), then the
            # visits through ix_visits_host_id_requested_at.
            pattern = _like(log_filter.host)
            matches = [Host.name.like(pattern, escape="\\"), Host.department.like(pattern, escape="\\")]
            key = query_key(log_filter.host)
            if key:
                matches.append(Host.pinyin.like(f"%{key}%"))
            stmt = stmt.where(Visit.host_id.in_(select(Host.id).where(or_(*matches)).scalar_subquery()))
        if log_filter.last_four:
            stmt = stmt.where(Visit.id_last_four == log_filter.last_four)
        if log_filter.visitor_type is not None:
            stmt = stmt.where(Visit.visitor_type == log_filter.visitor_type)
        return stmt.order_by(Visit.requested_at.desc(), Visit.id.desc())

    def search(
        self, log_filter: LogFilter, after: LogCursor | None = None, page_size: int = PAGE_SIZE
    ) -> LogPage:
        """One page of visits matching ``log_filter``, newest first, starting after ``after``."""
        stmt = self._select(log_filter)
        if after is not None:
            stmt = stmt.where(
                or_(
                    Visit.requested_at < after.requested_at,
                    and_(Visit.requested_at == after.requested_at, Visit.id < after.visit_id),
                )
            )
        # One more than a page tells whether there is a next page without counting them all.
        with self._sessions.reads() as session:
            found = with_calls(session, session.execute(stmt.limit(page_size + 1)).all())
        rows = found[:page_size]
        more = len(found) > page_size
        cursor = LogCursor(rows[-1].requested_at, rows[-1].visit_id) if more else None
        return LogPage(rows, cursor)

    def _stream(self, log_filter: LogFilter) -> Generator[LogRow, None, None]:
        """Every matching row, fetched in batches: memory stays flat for any number of rows. One
        read transaction, so one snapshot; it takes no write lock, so kiosks check in meanwhile.
        Each batch's calls come in one query beside the stream."""
        with self._sessions.reads() as session:
            result = session.execute(self._select(log_filter).execution_options(yield_per=_BATCH))
            for batch in result.partitions():
                yield from with_calls(session, batch)

    # -- export -------------------------------------------------------------------------------

    def export(
        self,
        log_filter: LogFilter,
        fmt: str,
        path: Path,
        actor: Actor,
        role: Role,
        headers: Sequence[str] = EXPORT_HEADERS,
        labels: Mapping[str, str] | None = None,
        purposes: Mapping[str, str] | None = None,
        sheet_name: str = "visitor log",
    ) -> ExportResult:
        """Write every row matching ``log_filter`` to ``path`` as CSV or XLSX (supervisors only).

        The file appears complete or not at all (written beside it, then renamed). The export is
        audited with who, the filters and the row count; a refused attempt is audited too.
        ``labels`` turn type, ID-document and status values into words of the desk's language;
        ``purposes`` do the same for a purpose the visitor chose from the kiosk's buttons (stored in
        the kiosk's language), a typed one stays as typed. ``sheet_name`` names the workbook's sheet.
        The labels also word the desk's calls and a kiosk as the registrar
        (kiosk.domain.visitor_log.CALL_WORD_KEYS, KIOSK_WORD_KEY).
        """
        if fmt not in EXPORT_FORMATS:
            raise ValidationError("export", "format")
        if not allowed(role, Permission.EXPORT_VISITOR_LOG):
            self.record_refused_export(actor, role, fmt, log_filter.describe())
            raise ValidationError("export", "not_permitted")
        words = dict(labels or {})
        chosen = dict(purposes or {})
        rows = self._stream(log_filter)
        cells = (self._cells(row, words, chosen) for row in rows)
        fd, tmp_name = tempfile.mkstemp(prefix=".export-", suffix=f".{fmt}", dir=path.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            if fmt == "csv":
                count = _write_csv(tmp, headers, cells)
            else:
                count = _write_xlsx(tmp, headers, cells, sheet_name)
            crash_point("visitor_log.export.written")
            tmp.replace(path)
        finally:
            # End the read now even if writing failed: an error kept to show the desk would keep
            # the transaction open, and an open reader holds back every WAL checkpoint after it.
            rows.close()
            tmp.unlink(missing_ok=True)
        with self._sessions.begin() as session:
            audit.record(
                session,
                actor,
                "visitor_log.exported",
                "visitor_log",
                fmt,
                self._clock.now(),
                filters=log_filter.describe(),
                rows=count,
                file=path.name,
            )
        return ExportResult(path, count)

    def record_refused_export(self, actor: Actor, role: Role, fmt: str, filters: Mapping[str, str]) -> None:
        """An export someone's role does not allow is on record (the server refuses it before
        the filters are read, then ``filters`` is empty)."""
        with self._sessions.begin() as session:
            audit.record(
                session,
                actor,
                "visitor_log.export_refused",
                "visitor_log",
                fmt,
                self._clock.now(),
                role=role.value,
                filters=sorted(filters),  # which, not what: a name searched for stays out
            )

    def _cells(self, row: LogRow, words: Mapping[str, str], purposes: Mapping[str, str]) -> tuple[Any, ...]:
        """One export row: the visit number, three site-time datetimes (naive), then text."""

        def when(moment: datetime | None) -> datetime | None:
            return moment.astimezone(self._zone).replace(tzinfo=None) if moment else None

        return (
            row.visit_id,
            when(row.requested_at),
            when(row.checked_in_at),
            when(row.checked_out_at),
            safe_cell(row.visitor_name),
            safe_cell(row.company),
            words.get(row.visitor_type.value, row.visitor_type.value),
            safe_cell(row.host_name),
            safe_cell(row.host_department),
            words.get(row.id_type or "", row.id_type or ""),
            row.id_masked,
            safe_cell(purposes.get(row.purpose, row.purpose)),
            row.badge_number or "",
            words.get(row.status.value, row.status.value),
            safe_cell(registered_by(row, words)),
            safe_cell(calls_text(row.calls, self._zone, words, with_note=True)),
        )

    # -- statistics ---------------------------------------------------------------------------

    def daily_stats(self, day: date) -> DailyStats:
        """Arrivals per hour (site time) and per type, the average wait for a person's decision
        (the host, the desk or the duty officer; pre-registered visits wait for nobody), and the
        most visitors on site at once that day (visits still on site from earlier days count)."""
        start = self._day_start(day)
        end = self._day_start(day + timedelta(days=1))
        with self._sessions.reads() as session:
            arrivals = session.execute(
                select(
                    Visit.requested_at, Visit.visitor_type, Visit.party_size, Visit.decided_at, Visit.approver
                )
                .where(Visit.requested_at >= start, Visit.requested_at < end)
                .order_by(Visit.requested_at)
            ).all()
            stays = session.execute(
                select(Visit.checked_in_at, Visit.checked_out_at).where(
                    Visit.checked_in_at >= start - _PEAK_LOOKBACK,
                    Visit.checked_in_at < end,
                    or_(Visit.checked_out_at.is_(None), Visit.checked_out_at > start),
                )
            ).all()
        per_hour = [0] * 24
        per_type: Counter[VisitorType] = Counter()
        waits: list[timedelta] = []
        people = 0
        for requested, kind, party, decided, approver in arrivals:
            people += party
            per_hour[requested.astimezone(self._zone).hour] += 1
            per_type[kind] += 1
            if decided is not None and approver is not Approver.PREREGISTERED:
                waits.append(decided - requested)
        average = sum(waits, timedelta()) / len(waits) if waits else None
        peak, peak_at = _peak(stays, start, end)
        return DailyStats(
            day,
            len(arrivals),
            people,
            per_hour,
            dict(per_type),
            average,
            len(waits),
            peak,
            peak_at,
        )


def _peak(stays: Sequence[Any], start: datetime, end: datetime) -> tuple[int, datetime | None]:
    """The most stays overlapping at one moment in [start, end), and the first such moment."""
    events: list[tuple[datetime, int]] = []
    for checked_in, checked_out in stays:
        events.append((max(checked_in, start), 1))
        if checked_out is not None and checked_out < end:
            events.append((checked_out, -1))
    # A departure at the same moment as an arrival is counted first: they never met.
    events.sort(key=lambda event: (event[0], event[1]))
    current = peak = 0
    peak_at: datetime | None = None
    for moment, step in events:
        current += step
        if current > peak:
            peak, peak_at = current, moment
    return peak, peak_at


_TIME_COLUMNS = (1, 2, 3)
_EXCEL_EPOCH = datetime(1899, 12, 30)


def _write_csv(path: Path, headers: Sequence[str], rows: Iterator[Sequence[Any]]) -> int:
    # UTF-8 with a BOM: Excel opens Chinese text correctly only when the file says it is UTF-8.
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(headers)
        for row in rows:
            cells = list(row)
            for col in _TIME_COLUMNS:
                cells[col] = cells[col].strftime("%Y-%m-%d %H:%M") if cells[col] else ""
            writer.writerow(cells)
            count += 1
    return count


def _write_xlsx(path: Path, headers: Sequence[str], rows: Iterator[Sequence[Any]], sheet_name: str) -> int:
    # Real date-times (Excel sorts and filters them); text typed as text, never as a formula.
    return write_xlsx(path, headers, rows, sheet_name=sheet_name, widths={1: 16, 2: 16, 3: 16})


_DAY = timedelta(days=1)
