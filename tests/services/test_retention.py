"""The purge (PIPL): personal data past its retention is gone, from the rows and (on SQLite) from
the database's files; open records and those inside their period are untouched; the books'
numbers and counts stay."""

from __future__ import annotations

import json
import logging
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from kiosk.app import KioskApp
from kiosk.domain.errors import ValidationError
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver, VisitStatus
from kiosk.domain.visitor_log import LogFilter
from kiosk.server.context import server_context
from kiosk.server.housekeeping import Housekeeping
from kiosk.services.audit import Actor
from kiosk.services.retention import PURGED, PURGED_ACTION
from kiosk.storage.database import Database, sqlite_url_for
from kiosk.storage.models import AuditEvent, HostMessage, PrintJob, Visit
from tests.conftest import FixedClock
from tests.services.test_checkin import every_stored_value

DESK = Actor.desk("front-desk")
CLI = Actor("cli", "operator")

# What the purged visitor typed: every one of these must be gone afterwards.
NAME = "欧阳娜娜"
COMPANY = "绝密测绘科技有限公司"
MOBILE = "13912345678"
ID = "11010519491231002X"
PERMIT = "出入证PX-778899"
MESSAGE_PHONE = "13800001111"
MESSAGE = "请回电商谈保密合同细节"
PURPOSE = "洽谈机密项目合作"
WATCHED = "司马光明"  # a watchlist entry since removed: its matching key holds the name too
WATCH_REASON = "曾冒用他人证件"


def host_id(app: KioskApp, name: str = "李四") -> int:
    return next(h.host_id for h in app.directory.search(name) if h.name == name)


def visit(app: KioskApp, name: str, **extra: object) -> int:
    pending = app.checkin.check_in(
        CheckInRequest(name, host_id(app), declaration_accepted=True, **extra),  # type: ignore[arg-type]
        app.actor,
    )
    app.checkin.approve(pending.visit_id, DESK, Approver.DESK, "host phoned, agreed")
    return pending.visit_id


def visitor_with_a_message(
    app: KioskApp, name: str, mobile: str, message_phone: str, message: str
) -> tuple[int, int, list[bytes]]:
    """Through the real services: ``name``'s visit with every personal field (an ID number, a
    printed badge), checked out, and a declined one where they left ``message`` for the host.
    The two visits' ids, and the first's ID hash and sealed number (which must vanish too)."""
    visit_id = visit(
        app,
        name,
        company=COMPANY,
        mobile=mobile,
        id_type="resident_id",
        id_number=ID,
        permit_number=PERMIT,
        purpose=PURPOSE,
    )
    app.lobby.check_out(visit_id, DESK)
    declined = app.checkin.check_in(
        CheckInRequest(name, host_id(app), company=COMPANY, declaration_accepted=True), app.actor
    ).visit_id
    app.checkin.decline(declined, DESK, "host away")
    app.checkin.leave_message(declined, message_phone, message, app.actor)
    with app.database.sessions() as session:
        row = session.get_one(Visit, visit_id)
        assert row.id_hash is not None and row.id_sealed is not None
        jobs = session.scalars(select(PrintJob).where(PrintJob.visit_id == visit_id)).all()
        assert jobs and all(j.payload for j in jobs)  # the badge's printed bytes are stored
        return visit_id, declined, [row.id_hash.encode(), bytes(row.id_sealed)]


def encoded(texts: list[str]) -> list[bytes]:
    """UTF-8 is what the database stores; GB18030 is what went to the printer (the stored
    payload); UTF-16 for safety."""
    return [t.encode(codec) for t in texts for codec in ("utf-8", "gb18030", "utf-16-le")]


def planted(app: KioskApp) -> tuple[int, list[bytes]]:
    """The purged visitor's visits and message, a removed watchlist entry; and every byte string
    that must vanish."""
    visit_id, _declined, sealed = visitor_with_a_message(app, NAME, MOBILE, MESSAGE_PHONE, MESSAGE)
    entry = app.watchlist.add(WATCHED, WATCH_REASON, DESK)
    app.watchlist.remove(entry, DESK)
    texts = [NAME, COMPANY, MOBILE, ID, PERMIT, MESSAGE_PHONE, MESSAGE, PURPOSE, WATCHED, WATCH_REASON]
    return visit_id, encoded(texts) + sealed


def test_purge_removes_planted_personal_data_and_keeps_the_books(
    app: KioskApp, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    start = clock.now()
    gone_id, secrets = planted(app)
    # Same day, still on site: open, kept however old. Checked out later: inside its period.
    on_site = visit(app, "钱途广", company="在场公司")
    clock.advance(days=181)
    recent = visit(app, "孙新近", company="近期公司")
    app.lobby.check_out(recent, DESK)

    report = app.retention.purge(CLI)

    counts = {c.kind: c.rows for c in report.counts}
    assert counts["visits"] == 2 and counts["host_messages"] == 1 and counts["print_jobs"] >= 1
    with app.database.sessions() as session:
        kept = {v.id: v for v in session.scalars(select(Visit))}
        message = session.scalars(select(HostMessage)).one()
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == PURGED_ACTION)).all()
    gone = kept[gone_id]
    assert (gone.visitor_name, gone.company, gone.mobile, gone.id_last_four) == (PURGED, "", None, None)
    assert (gone.id_hash, gone.id_sealed, gone.permit_number) == (None, None, None)
    # The books: the badge number, the times, the status, the host.
    assert gone.badge_number and gone.checked_out_at is not None and gone.status is VisitStatus.CHECKED_OUT
    assert (message.caller_name, message.phone, message.text) == (PURGED, "", "")
    assert kept[on_site].visitor_name == "钱途广" and kept[on_site].status is VisitStatus.ON_SITE
    assert (kept[recent].visitor_name, kept[recent].company) == ("孙新近", "近期公司")
    # One audit event, with counts per kind and no one's data.
    assert len(events) == 1 and json.loads(events[0].detail)["visits"] == 2
    # The visitor log still counts the day's visits.
    day = start.astimezone(app.site.timezone).date()
    assert len(app.visitor_log.search(LogFilter(day, day)).rows) == 3

    # Through SQL, on either database: no value of any row of any table holds what was planted.
    for value in every_stored_value(app):
        stored = value if isinstance(value, bytes) else value.encode("utf-8")
        assert not [s for s in secrets if s in stored], "planted data left in a row"
    # Nor did any log line at INFO or above carry it.
    logged = "\n".join(r.getMessage() for r in caplog.records).encode("utf-8")
    assert not [s for s in secrets if s in logged]

    # A second run changes nothing and says so.
    assert app.retention.purge(CLI).total == 0


@pytest.mark.one_database(
    "sqlite", reason="the database's own files are SQLite's; PostgreSQL is checked through SQL"
)
def test_purged_data_is_gone_from_the_database_file_and_its_wal(app: KioskApp, clock: FixedClock) -> None:
    _, secrets = planted(app)
    clock.advance(days=181)
    app.retention.purge(CLI)
    database = Path(str(app.database.engine.url.database))
    files = [database, database.with_name(database.name + "-wal")]
    # Read while the server still has it open: the purge itself emptied the WAL.
    raw = {f.name: f.read_bytes() for f in files if f.exists()}
    assert raw[database.name]  # the scan reads the file
    for name, data in raw.items():
        assert not [s for s in secrets if s in data], f"planted data left in {name}"
    # The rest of the data folder too (the keys aside): no export, copy or snapshot kept it.
    for path in app.config.data_dir.rglob("*"):
        if path.is_file() and "keys" not in path.parts:
            data = path.read_bytes()
            assert not [s for s in secrets if s in data], f"planted data left in {path}"


def test_dry_run_counts_and_changes_nothing(app: KioskApp, clock: FixedClock) -> None:
    gone_id, _ = planted(app)
    clock.advance(days=31)  # past the seals' and print jobs' 30 days, inside the visits' 180
    report = app.retention.purge(CLI, dry_run=True)
    counts = {c.kind: c for c in report.counts}
    assert counts["visit_id_seals"].rows == 1 and counts["visits"].rows == 0
    assert counts["visit_id_seals"].fields == ("id_hash", "id_sealed")
    with app.database.sessions() as session:
        assert session.get_one(Visit, gone_id).id_sealed is not None
        assert not session.scalars(select(AuditEvent).where(AuditEvent.action == PURGED_ACTION)).all()
    app.retention.purge(CLI)
    with app.database.sessions() as session:
        row = session.get_one(Visit, gone_id)
        # The seal went first; the name stays until the visit's own period ends.
        assert (row.id_sealed, row.id_hash, row.visitor_name, row.id_last_four) == (None, None, NAME, "002X")


def test_the_server_purges_once_a_site_day_after_purge_at(app: KioskApp, clock: FixedClock) -> None:
    planted(app)
    clock.advance(days=181)  # 10:00 in Shanghai, past the default 03:00
    rounds = Housekeeping(server_context(app))
    first = rounds.run_once()
    assert first.purged is not None and first.purged.total > 0
    assert rounds.run_once().purged is None
    # Another server (or this one restarted) the same day finds the day's purge done.
    assert Housekeeping(server_context(app)).run_once().purged is None
    clock.advance(hours=16)  # 02:00 next day: not yet
    assert rounds.run_once().purged is None
    clock.advance(hours=1, minutes=5)
    again = rounds.run_once().purged
    assert again is not None and again.total == 0
    with app.database.sessions() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == PURGED_ACTION)).all()
    assert [e.actor for e in events] == ["server:housekeeping"] * 2
    assert date.fromisoformat(events[1].entity_id) - date.fromisoformat(events[0].entity_id) == timedelta(
        days=1
    )


@pytest.mark.one_database(
    "sqlite", reason="file modes and pragmas of the SQLite file; PostgreSQL keeps its own files"
)
def test_the_data_folder_and_database_files_are_the_owners_alone(app: KioskApp, tmp_path: Path) -> None:
    # The site's folder and database, as the server opened them (the tests' copy was 0644).
    assert app.config.data_dir.stat().st_mode & 0o777 == 0o700
    database = Path(str(app.database.engine.url.database))
    for path in (
        database,
        database.with_name(database.name + "-wal"),
        database.with_name(database.name + "-shm"),
    ):
        assert path.stat().st_mode & 0o777 == 0o600, path
    with app.database.engine.connect() as conn:
        # Deleted and overwritten content is zeroed in the file (some builds default it off).
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    # A database made from nothing: its new folder 0700, the file and its WAL 0600 from the start.
    fresh = tmp_path / "new-site" / "kiosk.db"
    with Database.open(sqlite_url_for(fresh)) as made:
        with made.sessions.begin() as session:
            session.execute(text("CREATE TABLE t (x)"))
        assert fresh.parent.stat().st_mode & 0o777 == 0o700
        assert [p.stat().st_mode & 0o777 for p in (fresh, fresh.with_name("kiosk.db-wal"))] == [0o600, 0o600]


def test_a_failed_statement_never_shows_the_values_it_carried(app: KioskApp) -> None:
    with pytest.raises(SQLAlchemyError) as info, app.database.engine.connect() as conn:
        conn.execute(text("SELECT * FROM no_such_table WHERE name = :name"), {"name": NAME})
    # Its message is what the server logs ("request failed", "database unavailable").
    assert NAME not in str(info.value)


def test_a_purged_print_job_is_refused_for_preview_and_reprint(app: KioskApp, clock: FixedClock) -> None:
    gone_id, _ = planted(app)
    clock.advance(days=31)
    app.retention.purge(CLI)
    with app.database.sessions() as session:
        job = session.scalars(select(PrintJob).where(PrintJob.visit_id == gone_id)).first()
        assert job is not None and (job.data, job.payload, job.reference) == ("", None, job.reference)
    for call in (app.print_queue.preview, app.print_queue.stored, lambda i: app.print_queue.reprint(i, DESK)):
        with pytest.raises(ValidationError) as caught:
            call(job.id)
        assert (caught.value.field, caught.value.code) == ("print_job", "purged")


def test_kiosk_purge_dry_run_says_what_it_would_remove(capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk.cli import main

    assert main(["purge", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would purge" in out and "nothing was changed" in out
    assert "visits" in out and "visitor_name, company" in out and "print_jobs" in out
    assert main(["purge"]) == 0
    assert "purged (records ended" in capsys.readouterr().out
