"""The audit trail is tamper-evident: every event chained on the one before it under the site's
audit key, and `kiosk audit verify` names the first event changed, removed or added behind the
server's back."""

from __future__ import annotations

import contextlib
import itertools
import sqlite3

import psycopg
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from kiosk import cli
from kiosk.app import KioskApp
from kiosk.config import Config
from kiosk.services import audit
from kiosk.services.audit import Actor
from kiosk.services.audit_chain import AuditChainError, ChainReport, sign_sessions, verify_chain
from kiosk.services.site_keys import AUDIT_CHAIN_KEY, key_path, read_key
from kiosk.storage import migrate
from kiosk.storage.database import Database
from kiosk.storage.models import AuditEvent
from tests.conftest import TEST_NOW
from tests.services.test_checkin import check_in_and_approve

CLERK = Actor("staff", "clerk")


def verify(app: KioskApp) -> ChainReport:
    return verify_chain(app.database.sessions, read_key(key_path(app.site_key_dir, AUDIT_CHAIN_KEY)))


def behind_the_back(app: KioskApp, statement: str) -> None:
    """Plain SQL straight on the database, as whoever holds the file (or the owner's password)
    could run it: no server, no ORM."""
    url = make_url(app.config.database_url)
    if url.get_backend_name() == "sqlite":
        with contextlib.closing(sqlite3.connect(str(url.database))) as conn, conn:
            conn.execute(statement)
    else:
        dsn = f"host={url.query['host']} user={url.username} dbname={url.database}"
        with psycopg.connect(dsn) as conn:
            conn.execute(statement.encode())


def events(app: KioskApp) -> list[AuditEvent]:
    with app.database.sessions() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


@pytest.fixture
def busy(app: KioskApp) -> KioskApp:
    """A site with a morning's events: a visitor checked in and approved, and a transaction
    that writes several events at once."""
    check_in_and_approve(app, "张三")
    with app.database.sessions.begin() as session:
        for n in range(4):
            audit.record(session, CLERK, "test.step", "test", n, app.clock.now(), step=n)
    check_in_and_approve(app, "李雷")
    return app


def test_every_event_is_chained_on_the_one_before_and_the_chain_holds(busy: KioskApp) -> None:
    rows = events(busy)
    unsigned = [e for e in rows if e.chain_hmac is None]
    signed = [e for e in rows if e.chain_hmac is not None]
    # The template's events (written before any key, as before this version) come first.
    assert unsigned == rows[: len(unsigned)] and len(signed) > 8
    assert signed[0].chain_prev == "" and all(
        b.chain_prev == a.chain_hmac for a, b in itertools.pairwise(signed)
    )
    report = verify(busy)
    assert report.intact and (report.before_chain, report.signed) == (len(unsigned), len(signed))
    assert report.newest == (signed[-1].id, signed[-1].chain_hmac)


def test_events_of_a_session_begun_by_its_first_statement_chain_in_order(app: KioskApp) -> None:
    """A session used without begin(): its transaction starts with the first event's lookup."""
    with app.database.sessions() as session:
        for n in range(3):
            audit.record(session, CLERK, "test.step", "test", n, app.clock.now())
        session.commit()
    assert verify(app).intact


def middle(app: KioskApp, action: str = "test.step") -> AuditEvent:
    return [e for e in events(app) if e.action == action][1]


@pytest.mark.parametrize(
    "change",
    [
        "actor = 'staff:someone-else'",
        """detail = '{"step": 9}'""",
        "at = at - INTERVAL '1 hour'",
        # Two other hex digits in front (a fixed 'ab' left one signature in 256 as it was).
        "chain_hmac = CASE WHEN chain_hmac LIKE 'ab%' THEN 'cd' ELSE 'ab' END || substr(chain_hmac, 3)",
    ],
    ids=["actor", "detail", "time", "signature"],
)
def test_an_event_edited_behind_the_servers_back_is_found_and_named(
    busy: KioskApp,
    config: Config,
    change: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if "INTERVAL" in change and busy.database.engine.dialect.name == "sqlite":
        change = "at = datetime(at, '-1 hour')"
    target = middle(busy)
    behind_the_back(busy, f"UPDATE audit_events SET {change} WHERE id = {target.id}")

    broken = verify(busy).broken
    assert broken is not None and (broken.row_id, broken.action, broken.problem) == (
        target.id,
        "test.step",
        "edited",
    )

    monkeypatch.setenv("KIOSK_DATABASE_URL", config.database_url)
    assert cli.main(["audit", "verify"]) == 1
    err = capsys.readouterr().err
    # Its time in the site's zone (the command's configuration: here the default's).
    assert f"the audit trail is broken at event #{target.id} (2026-11-25 " in err
    assert ", test.step): edited: its fields do not match its signature" in err and err.count("\n") == 1


def test_a_deleted_event_is_found_at_the_event_after_it(busy: KioskApp) -> None:
    target = middle(busy)
    behind_the_back(busy, f"DELETE FROM audit_events WHERE id = {target.id}")
    report = verify(busy)
    assert report.broken is not None and report.broken.problem == "deleted"
    assert report.broken.row_id == min(e.id for e in events(busy) if e.id > target.id)


def test_the_first_signed_events_deleted_are_found(busy: KioskApp) -> None:
    first = next(e for e in events(busy) if e.chain_hmac is not None)
    behind_the_back(busy, f"DELETE FROM audit_events WHERE id = {first.id}")
    broken = verify(busy).broken
    assert broken is not None and broken.problem == "deleted"


def test_events_added_behind_the_servers_back_are_found(busy: KioskApp) -> None:
    last = events(busy)[-1]
    copied = middle(busy)
    behind_the_back(
        busy,
        "INSERT INTO audit_events (at, actor, action, entity, entity_id, detail, chain_prev, chain_hmac) "
        "SELECT at, actor, action, entity, entity_id, detail, chain_prev, chain_hmac FROM audit_events "
        f"WHERE id = {copied.id}",
    )
    broken = verify(busy).broken
    assert broken is not None and broken.row_id > last.id
    assert (broken.problem, broken.explanation) == (
        "inserted",
        f"a copy of event #{copied.id}, added behind the server's back",
    )


def test_an_unsigned_event_added_after_the_chain_began_is_found(busy: KioskApp) -> None:
    behind_the_back(
        busy,
        "INSERT INTO audit_events (at, actor, action, entity, entity_id, detail) "
        "VALUES ('2026-11-25 02:00:00', 'staff:clerk', 'payment.refunded', 'payment', '1', '{}')",
    )
    busy.lobby.on_site()  # reads are fine; the next write must not chain onto the forgery quietly
    broken = verify(busy).broken
    assert broken is not None and (broken.action, broken.problem) == ("payment.refunded", "inserted")


def test_a_writer_without_the_audit_key_cannot_add_to_the_chain(busy: KioskApp) -> None:
    with (
        Database.open(busy.config.database_url) as unsigned,
        unsigned.sessions.begin() as session,
        pytest.raises(AuditChainError, match="holds no audit key"),
    ):
        audit.record(session, CLERK, "test.unsigned", "test", 1, busy.clock.now())
    assert verify(busy).intact


def test_the_cli_says_intact_and_notes_the_newest_link(
    busy: KioskApp, config: Config, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_DATABASE_URL", config.database_url)
    assert cli.main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    newest = events(busy)[-1]
    assert "audit trail intact" in out and "from before the chain began" in out
    assert f"newest event #{newest.id}, link {str(newest.chain_hmac)[:16]}" in out


def test_verify_refuses_a_key_that_is_not_the_databases(
    busy: KioskApp, config: Config, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    key_path(busy.site_key_dir, AUDIT_CHAIN_KEY).write_bytes(bytes(32))
    monkeypatch.setenv("KIOSK_DATABASE_URL", config.database_url)
    assert cli.main(["audit", "verify"]) == cli.EXIT_CONFIG
    err = capsys.readouterr().err
    assert "audit-chain.key is not the key this site's database was first used with" in err
    assert err.count("\n") == 1


def test_the_upgrade_starts_the_chain_and_drops_names_typed_at_a_refused_sign_in(empty_database: str) -> None:
    from alembic import command

    from kiosk.storage.migrate import _alembic_config

    with Database.open(empty_database) as database:
        with database.engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "0017")
            conn.exec_driver_sql(
                "INSERT INTO audit_events (at, actor, action, entity, entity_id, detail) VALUES "
                "('2026-11-24 02:00:00', 'unknown:135790', 'staff.sign_in_refused', 'staff', '-', '{}'),"
                "('2026-11-24 02:01:00', 'staff:1001', 'staff.sign_in', 'staff', '1', '{}')"
            )
        migrate.upgrade(database.engine)
        key = bytes(range(32))
        sign_sessions(database.sessions, key)
        with database.sessions.begin() as session:
            audit.record(session, CLERK, "staff.sign_in", "staff", 1, TEST_NOW)
        with database.sessions() as session:
            actors = list(session.scalars(select(AuditEvent.actor).order_by(AuditEvent.id)))
        report = verify_chain(database.sessions, key)
    assert actors == ["unknown:?", "staff:1001", "staff:clerk"]
    assert report.intact and (report.before_chain, report.signed) == (2, 1)
