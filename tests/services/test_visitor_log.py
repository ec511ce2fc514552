"""The visitor log: search and paging, exports (masked, audited, supervisors only), daily statistics."""

from __future__ import annotations

import csv
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import insert, select

from kiosk.app import KioskApp
from kiosk.config import Config
from kiosk.devices.fakes import FakePrinter, MemoryEncoder
from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import Role
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver, VisitorType, VisitStatus
from kiosk.domain.visitor_log import MAX_RANGE_DAYS, LogFilter, parse_filter, parse_last_four, safe_cell
from kiosk.services import visitor_log
from kiosk.services.audit import Actor
from kiosk.storage.database import EngineSettings
from kiosk.storage.models import AuditEvent, Host, Visit
from tests.conftest import FixedClock, build_test_app

DAY = date(2026, 11, 24)  # a Tuesday; the site is in Shanghai (UTC+8)
SUPERVISOR = Actor("staff", "boss")


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    """``hour:minute`` on the site's clock, as UTC."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC) - timedelta(hours=8)


def add_visit(app: KioskApp, name: str, arrived: datetime, **fields: object) -> int:
    with app.database.sessions.begin() as session:
        host_id = fields.pop("host_id", None) or session.scalar(select(Host.id).order_by(Host.id))
        values: dict[str, object] = {
            "visitor_name": name,
            "host_id": host_id,
            "status": VisitStatus.CHECKED_OUT,
            "language": "zh_CN",
            "station": "t",
            "requested_at": arrived,
            "decided_at": arrived + timedelta(minutes=2),
            "checked_in_at": arrived + timedelta(minutes=2),
            "checked_out_at": arrived + timedelta(hours=1),
        }
        values.update(fields)
        visit = Visit(**values)
        session.add(visit)
        session.flush()
        return visit.id


def whole_day(**fields: object) -> LogFilter:
    return parse_filter(DAY, DAY, **fields)  # type: ignore[arg-type]


@pytest.fixture
def seeded(app: KioskApp) -> KioskApp:
    add_visit(app, "张三", at(9), company="华南数据科技有限公司", id_type="resident_id", id_last_four="002X")
    add_visit(app, "李雷", at(9, 30), company="蓝海物流", visitor_type=VisitorType.DELIVERY)
    add_visit(app, "John Smith", at(14), company='=HYPERLINK("http://x")', purpose="+1 meeting")
    add_visit(app, "张小明", at(23, 50), visitor_type=VisitorType.CONTRACTOR, id_last_four="1234")
    add_visit(app, "昨天", at(10, day=DAY - timedelta(days=1)))
    add_visit(app, "明天", at(0, 5, day=DAY + timedelta(days=1)))
    return app


def names(app: KioskApp, log_filter: LogFilter) -> list[str]:
    return [row.visitor_name for row in app.visitor_log.search(log_filter).rows]


def test_search_filters_newest_first_within_the_sites_day(seeded: KioskApp) -> None:
    assert names(seeded, whole_day()) == ["张小明", "John Smith", "李雷", "张三"]
    assert names(seeded, whole_day(name="张")) == ["张小明", "张三"]
    assert names(seeded, whole_day(company="蓝海")) == ["李雷"]
    assert names(seeded, whole_day(last_four="002x")) == ["张三"]
    assert names(seeded, whole_day(visitor_type=VisitorType.CONTRACTOR)) == ["张小明"]
    assert names(seeded, whole_day(name="%")) == []  # a wildcard typed is a character
    two_days = parse_filter(DAY - timedelta(days=1), DAY)
    assert names(seeded, two_days)[-1] == "昨天"


def test_search_by_host_name_department_or_pinyin(seeded: KioskApp) -> None:
    hosts = seeded.directory.search("")
    other = hosts[1]
    add_visit(seeded, "王五", at(11), host_id=other.host_id)
    assert names(seeded, whole_day(host=other.name)) == ["王五"]
    assert "王五" in names(seeded, whole_day(host=other.department))


def test_rows_carry_the_masked_id_never_more(seeded: KioskApp) -> None:
    row = seeded.visitor_log.search(whole_day(last_four="002X")).rows[0]
    assert row.id_masked == "**************002X"
    assert seeded.visitor_log.search(whole_day(name="李雷")).rows[0].id_masked == ""


def test_paging_by_key_visits_every_row_once(app: KioskApp) -> None:
    for n in range(23):
        # Several visits share a second: the visit id breaks the tie.
        add_visit(app, f"访客{n:02d}", at(8, n // 3))
    seen: list[str] = []
    page = app.visitor_log.search(whole_day(), page_size=5)
    pages = 1
    while page.next_cursor is not None:
        seen += [row.visitor_name for row in page.rows]
        page = app.visitor_log.search(whole_day(), after=page.next_cursor, page_size=5)
        pages += 1
    seen += [row.visitor_name for row in page.rows]
    assert pages == 5
    assert sorted(seen) == [f"访客{n:02d}" for n in range(23)]
    assert len(set(seen)) == 23


def exported_events(app: KioskApp) -> list[AuditEvent]:
    with app.database.sessions() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.entity == "visitor_log")))


def test_csv_export_is_utf8_with_bom_masked_and_safe_and_audited(seeded: KioskApp, tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    result = seeded.visitor_log.export(whole_day(), "csv", path, SUPERVISOR, Role.SUPERVISOR)
    assert result.rows == 4
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "Visit" and len(rows) == 5
    by_name = {row[4]: row for row in rows[1:]}
    assert by_name["张三"][10] == "**************002X"
    assert by_name["张三"][5] == "华南数据科技有限公司"
    assert by_name["John Smith"][5] == '\'=HYPERLINK("http://x")'
    assert by_name["John Smith"][11] == "'+1 meeting"
    assert by_name["张三"][1] == "2026-11-24 09:00"  # site time
    [event] = exported_events(seeded)
    assert (event.actor, event.action, event.entity_id) == ("staff:boss", "visitor_log.exported", "csv")
    detail = json.loads(event.detail)
    assert detail["rows"] == 4
    assert detail["filters"] == {"first_day": "2026-11-24", "last_day": "2026-11-24"}


def test_xlsx_export_reads_back_with_text_cells(seeded: KioskApp, tmp_path: Path) -> None:
    path = tmp_path / "log.xlsx"
    labels = {"guest": "访客", "checked_out": "已离开"}
    seeded.visitor_log.export(whole_day(name="张三"), "xlsx", path, SUPERVISOR, Role.ADMIN, labels=labels)
    sheet = load_workbook(path, read_only=True).active
    assert sheet is not None
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][4] == "Name"
    assert rows[1][4] == "张三"
    assert rows[1][6] == "访客" and rows[1][13] == "已离开"
    assert rows[1][10] == "**************002X"
    assert rows[1][1] == datetime(2026, 11, 24, 9, 0)  # a real date-time cell, site time
    assert rows[1][12] is None  # no badge: the cell is left empty
    assert len(rows) == 2
    [event] = exported_events(seeded)
    # Which filters, not the name searched for: the trail outlives the visit's purge.
    assert json.loads(event.detail)["filters"]["searched_by"] == "name"
    assert "张三" not in event.detail


def test_a_receptionist_cannot_export_and_the_attempt_is_audited(seeded: KioskApp, tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    with pytest.raises(ValidationError) as refused:
        seeded.visitor_log.export(whole_day(), "csv", path, Actor("staff", "rita"), Role.RECEPTIONIST)
    assert refused.value.code == "not_permitted"
    assert not path.exists()
    assert not list(tmp_path.glob(".export-*"))
    [event] = exported_events(seeded)
    assert event.action == "visitor_log.export_refused"


@pytest.fixture
def impatient_app(
    monkeypatch: pytest.MonkeyPatch,
    config: Config,
    printer: FakePrinter,
    clock: FixedClock,
    migrated_database: Path,
) -> Iterator[KioskApp]:
    """The app with SQLite's busy timeout at 0.3 s: a writer kept waiting for the lock fails
    fast with "database is locked" instead of after the real 5 s."""
    config = replace(config, database_settings=EngineSettings(statement_timeout_s=0.3))
    built = build_test_app(config, migrated_database, printer=printer, encoder=MemoryEncoder(), clock=clock)
    yield built
    built.close()


def test_a_kiosk_checks_in_while_a_long_export_is_half_way(
    impatient_app: KioskApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = impatient_app
    host = app.directory.search("")[0].host_id
    rows = 3000
    with app.database.sessions.begin() as session:
        session.execute(
            insert(Visit),
            [
                {
                    "visitor_name": f"访客{n}",
                    "host_id": host,
                    "status": VisitStatus.CHECKED_OUT,
                    "language": "zh_CN",
                    "station": "t",
                    "requested_at": at(8) + timedelta(seconds=n),
                }
                for n in range(rows)
            ],
        )
    # The export stops half-way through writing (a slow USB stick), past its first fetched batch.
    paused, resume = threading.Event(), threading.Event()
    write_csv = visitor_log._write_csv

    def slow_write(path: Path, headers: Sequence[str], cells: Iterator[Sequence[Any]]) -> int:
        def stalling() -> Iterator[Sequence[Any]]:
            for n, row in enumerate(cells):
                if n == rows // 2:
                    paused.set()
                    resume.wait(10)
                yield row

        return write_csv(path, headers, stalling())

    monkeypatch.setattr(visitor_log, "_write_csv", slow_write)
    both_days = parse_filter(DAY, DAY + timedelta(days=1))
    with ThreadPoolExecutor(1) as pool:
        exporting = pool.submit(
            app.visitor_log.export, both_days, "csv", tmp_path / "log.csv", SUPERVISOR, Role.SUPERVISOR
        )
        try:
            assert paused.wait(10)
            # Stored at once: a read never holds the write lock (before, this waited out the busy
            # timeout and failed with "database is locked").
            checked_in = app.checkin.check_in(
                CheckInRequest("王五", host, declaration_accepted=True), app.actor
            )
            # Committed while the export still holds its read: it did not wait for the export.
            assert not exporting.done()
        finally:
            resume.set()
        exported = exporting.result(10)
    assert checked_in.status is VisitStatus.PENDING
    # The export is one snapshot, taken before the check-in.
    assert exported.rows == rows
    assert app.visitor_log.search(both_days).rows[0].visitor_name == "王五"


def export_to_a_full_disk(app: KioskApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An export whose file write fails half-way (USB stick pulled); its error is kept, as the
    console's background worker keeps it to show it."""

    def full_disk(path: Path, headers: Sequence[str], cells: Iterator[Sequence[Any]]) -> int:
        next(cells)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(visitor_log, "_write_csv", full_disk)
    with pytest.raises(OSError) as failed:
        app.visitor_log.export(whole_day(), "csv", tmp_path / "log.csv", SUPERVISOR, Role.SUPERVISOR)
    assert failed.value.errno == 28


@pytest.mark.one_database("sqlite", reason="WAL checkpoints are SQLite's; the PostgreSQL case follows")
def test_a_failed_export_ends_its_read_at_once(
    seeded: KioskApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The rows are read in one transaction; a write that fails half-way ends it at once, not
    whenever the error is forgotten: a reader left open holds back every WAL checkpoint after
    it, and the file grows."""
    export_to_a_full_disk(seeded, monkeypatch, tmp_path)
    add_visit(seeded, "之后", at(16))
    with closing(sqlite3.connect(str(seeded.database.engine.url.database))) as conn:
        _busy, wal_frames, checkpointed = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert checkpointed == wal_frames


@pytest.mark.one_database("postgresql", reason="a session idle in a transaction is PostgreSQL's view of it")
def test_a_failed_export_leaves_no_transaction_open_on_postgresql(
    seeded: KioskApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The same on PostgreSQL: an open read would hold back VACUUM and keep its snapshot."""
    export_to_a_full_disk(seeded, monkeypatch, tmp_path)
    with seeded.database.engine.connect() as conn:
        open_reads = conn.exec_driver_sql(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND state LIKE 'idle in transaction%%' AND pid <> pg_backend_pid()"
        ).scalar_one()
    assert open_reads == 0


def test_daily_statistics(app: KioskApp) -> None:
    # Someone still on site from the day before counts for the peak from midnight.
    add_visit(app, "过夜", at(20, day=DAY - timedelta(days=1)), checked_out_at=at(9, 15))
    add_visit(app, "甲", at(9), party_size=3)  # in 09:02 - 10:00, waited 2 min
    add_visit(app, "乙", at(9, 10), decided_at=at(9, 16), checked_in_at=at(9, 16))  # waited 6 min
    add_visit(
        app,
        "丙",
        at(9, 30),
        visitor_type=VisitorType.DELIVERY,
        approver=Approver.PREREGISTERED,
        decided_at=at(9, 30),
        checked_in_at=at(9, 30),
    )
    add_visit(app, "丁", at(15), status=VisitStatus.DECLINED, checked_in_at=None, checked_out_at=None)
    stats = app.visitor_log.daily_stats(DAY)
    assert stats.visits == 4 and stats.visitors == 6
    assert stats.per_hour[9] == 3 and stats.per_hour[15] == 1 and sum(stats.per_hour) == 4
    assert stats.per_type == {VisitorType.GUEST: 3, VisitorType.DELIVERY: 1}
    # 2, 6 and 2 minutes (the declined visit waited 2 too); the pre-registered one waited for nobody.
    assert stats.decided == 3
    assert stats.average_wait == timedelta(minutes=10) / 3
    # 过夜, 甲 and 乙 were in at 09:16 (过夜 left at 09:15: 丙 at 09:30 makes three again).
    assert stats.peak_on_site == 3
    assert stats.peak_at == at(9, 30)
    empty = app.visitor_log.daily_stats(DAY + timedelta(days=5))
    assert (empty.visits, empty.average_wait, empty.peak_on_site) == (0, None, 0)


# -- filter parsing -----------------------------------------------------------------------------

_ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@given(
    st.text(alphabet=_ID_CHARS + _ID_CHARS.lower(), min_size=4, max_size=4),
    st.sampled_from(["", " ", "\u3000"]),
)
def test_any_four_letters_or_digits_are_a_last_four(text: str, pad: str) -> None:
    assert parse_last_four(pad + text + pad) == text.upper()


@given(st.text(max_size=12))
def test_last_four_is_four_letters_or_digits_or_refused(text: str) -> None:
    try:
        parsed = parse_last_four(text)
    except ValidationError as error:
        assert error.code in ("length", "characters")
        return
    assert parsed == "" or (len(parsed) == 4 and all(ch in _ID_CHARS for ch in parsed))


@given(st.dates(), st.integers(min_value=-400, max_value=400))
def test_date_ranges(first: date, days: int) -> None:
    try:
        last = first + timedelta(days=days)
    except OverflowError:
        return
    try:
        parsed = parse_filter(first, last)
    except ValidationError as error:
        assert (error.code == "reversed") == (days < 0)
        assert (error.code == "too_long") == (days >= MAX_RANGE_DAYS)
        return
    assert 0 <= days < MAX_RANGE_DAYS
    assert parsed.describe() == {"first_day": first.isoformat(), "last_day": last.isoformat()}


@given(st.text())
def test_a_safe_cell_never_starts_a_formula_and_keeps_the_text(text: str) -> None:
    cell = safe_cell(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell in (text, "'" + text)
