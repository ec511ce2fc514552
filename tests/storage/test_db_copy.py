"""`kiosk db copy`: a populated SQLite site moved to PostgreSQL with the real command, row for row,
with its numbering continuing there; a copy that is refused or fails leaves the target as it was."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, func, inspect, select
from sqlalchemy.exc import OperationalError

from kiosk import cli
from kiosk.app import KioskApp
from kiosk.config import Config
from kiosk.devices.fakes import MemoryEncoder, VirtualCard
from kiosk.domain.documents import ReceiptPurpose
from kiosk.domain.staff import Role
from kiosk.domain.visitor_log import LogFilter
from kiosk.services.audit import Actor
from kiosk.services.audit_chain import verify_chain
from kiosk.services.machine_room_passes import PassVisitor
from kiosk.services.site_keys import AUDIT_CHAIN_KEY, SHARED_KEYS, key_path, read_key
from kiosk.storage import copy as db_copy
from kiosk.storage.models import Base
from tests.conftest import FixedClock, build_test_app, close_test_app, postgres_cluster
from tests.pg import BARE_TEMPLATE
from tests.services.test_checkin import DESK, check_in_and_approve, request
from tests.services.test_release_slips import load_residents
from tests.services.test_release_slips import request as slip_request

SOURCE_IS_SQLITE = "the copy's source is the embedded SQLite site; its target is a PostgreSQL database"
pytestmark = pytest.mark.one_database("sqlite", reason=SOURCE_IS_SQLITE)
PIN = "135790"
CLERK = Actor("staff", "clerk")


def populate(app: KioskApp) -> None:
    """A site after a morning's work, every record made through its service."""
    admin = Actor("staff", "admin")
    for username, role in (("clerk", Role.RECEPTIONIST), ("guard", Role.GUARD), ("engineer", Role.SALES)):
        app.staff.add(username, username.title(), role, PIN, admin)
    clerk, guard = app.staff.sign_in("clerk", PIN), app.staff.sign_in("guard", PIN)
    gone = check_in_and_approve(app, "张三")
    app.lobby.check_out(gone.visit_id, DESK)
    here = check_in_and_approve(app, "Emily Carter", company="Acme")
    assert isinstance(app.encoder, MemoryEncoder)
    app.encoder.present(VirtualCard(bytes.fromhex("04A1B2C3")))
    app.visitor_cards.issue_for_visit(here.visit_id, DESK)
    app.checkin.check_in(request(app, "王五"), app.actor)  # waits for the host
    app.machine_room_passes.add_passes(["P001", "P002", "P003"], DESK)
    visitors = [PassVisitor("李雷", "蓝海数据"), PassVisitor("韩梅梅", "蓝海数据")]
    app.machine_room_passes.sign_out(["P001", "P002"], visitors, "engineer", PIN, DESK)
    app.machine_room_passes.return_passes(["P001"], DESK)
    load_residents(app)
    slip = app.release_slips.issue(slip_request("1-101", "赵伟"), clerk)
    app.release_slips.release(slip.slip_id, guard)
    deposit = app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, "李雷", "C-7", 5000, CLERK)
    app.payments.refund(deposit.receipt_number, CLERK)
    app.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, "韩梅梅", "C-8", 5000, CLERK)


@pytest.fixture
def site(app: KioskApp, monkeypatch: pytest.MonkeyPatch) -> KioskApp:
    populate(app)
    # The command reads the same configuration (the same data folder, so the same keys).
    monkeypatch.setenv("KIOSK_DATABASE_URL", app.config.database_url)
    return app


@pytest.fixture
def target(empty_postgres_database: str) -> str:
    """The copy's target: a new, empty PostgreSQL database of the run's cluster."""
    return empty_postgres_database


def rows_of(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as conn:
        return {
            table.name: [
                tuple(row) for row in conn.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
        }


def counts_of(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def test_a_populated_site_is_copied_row_for_row_and_goes_on_numbering_there(
    site: KioskApp,
    target: str,
    config: Config,
    clock: FixedClock,
    migrated_database: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["db", "copy", "--to", target]) == 0
    out = capsys.readouterr().out
    assert "visits" in out and "audit_events" in out and "the copy reads the same as the source" in out
    assert f'url = "{target}"' in out  # what to put in the configuration

    copied = create_engine(target)
    try:
        source_rows, copied_rows = rows_of(site.database.engine), rows_of(copied)
    finally:
        copied.dispose()
    for table in ("visits", "print_jobs", "staff", "cards", "pass_loans", "release_slips", "payments"):
        assert source_rows[table], f"the site has no {table}: populate() should make some"
    assert len(source_rows["audit_events"]) > 20
    # The keys' fingerprints go along (not decision-links': no e-mail decisions here).
    assert len(source_rows["site_key_fingerprints"]) == len(SHARED_KEYS) - 1
    assert copied_rows == source_rows

    # `kiosk db check` on the copy: no drift.
    with pytest.MonkeyPatch.context() as env:
        env.setenv("KIOSK_DATABASE_URL", target)
        assert cli.main(["db", "check"]) == 0
    assert "no drift" in capsys.readouterr().out

    moved = build_test_app(replace(config, database_url=target), migrated_database, clock=clock)
    try:
        whole = LogFilter(clock.now().date().replace(year=2020), clock.now().date())
        assert moved.visitor_log.search(whole) == site.visitor_log.search(whole)
        assert moved.lobby.on_site() == site.lobby.on_site() and moved.lobby.waiting() == site.lobby.waiting()
        # The copy numbers on from the site's counters, and its new rows take new ids.
        on_site = check_in_and_approve(moved, "赵六")
        deposit = moved.payments.take_deposit(ReceiptPurpose.CARD_DEPOSIT, "赵六", "C-9", 5000, CLERK)
        # The audit trail's chain came across whole, and the copy's new events go on from it.
        chain = verify_chain(moved.database.sessions, read_key(key_path(moved.site_key_dir, AUDIT_CHAIN_KEY)))
        assert chain.intact and chain.before_chain + chain.signed == chain.rows
        assert chain.rows > len(source_rows["audit_events"])
    finally:
        close_test_app(moved)
    assert on_site.badge_number is not None and on_site.badge_number.endswith("3")
    assert deposit.receipt_number == "R000004"
    assert on_site.visit_id == max(row[0] for row in source_rows["visits"]) + 1


def test_a_target_holding_data_is_refused_and_left_as_it_was(
    site: KioskApp, capsys: pytest.CaptureFixture[str]
) -> None:
    cluster = postgres_cluster()
    name = cluster.new_database()  # migrated
    cluster.execute("INSERT INTO counters (name, value) VALUES ('badge', 41)", name)
    before = counts_of(cluster.url(name))
    try:
        assert cli.main(["db", "copy", "--to", cluster.url(name)]) == cli.EXIT_COPY
        said = capsys.readouterr().err
        assert "already holds data (in " in said and "counters" in said
        assert counts_of(cluster.url(name)) == before

        # Said plainly, it replaces what was there.
        assert cli.main(["db", "copy", "--to", cluster.url(name), "--replace"]) == 0
        assert counts_of(cluster.url(name)) == counts_of(site.config.database_url)
    finally:
        cluster.drop_database(name)


def test_a_target_migrated_beforehand_holding_only_the_migrations_rows_is_copied_into(
    site: KioskApp,
) -> None:
    cluster = postgres_cluster()
    name = cluster.new_database(BARE_TEMPLATE)  # migrated: the courier companies' list, nothing else
    try:
        assert counts_of(cluster.url(name))["courier_companies"] > 0
        assert cli.main(["db", "copy", "--to", cluster.url(name)]) == 0
        assert counts_of(cluster.url(name)) == counts_of(site.config.database_url)
    finally:
        cluster.drop_database(name)


def test_a_copy_to_the_database_the_site_uses_is_refused(
    site: KioskApp, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["db", "copy", "--to", site.config.database_url]) == 2
    said = capsys.readouterr().err
    assert "--to: names the database the site already uses" in said and "Traceback" not in said


def test_a_copy_failing_half_way_leaves_the_target_empty(
    site: KioskApp, target: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(db_copy, "BATCH_ROWS", 3)
    insert = db_copy._insert_batch
    done: list[str] = []

    def fails_half_way(writing: Any, table: Any, rows: Any) -> None:
        if table.name == "print_jobs":  # late in the order: visits, cards, staff... already in
            raise OperationalError("INSERT", {}, Exception("server closed the connection unexpectedly"))
        done.append(table.name)
        insert(writing, table, rows)

    monkeypatch.setattr(db_copy, "_insert_batch", fails_half_way)
    assert cli.main(["db", "copy", "--to", target]) == cli.EXIT_COPY
    assert "nothing was copied" in capsys.readouterr().err
    assert len(set(done)) > 3  # several tables were written before it failed
    # Only the migrations' own starting rows stay (the courier companies' list).
    left = {name: rows for name, rows in counts_of(target).items() if rows}
    assert set(left) == set(db_copy.SEEDED_BY_MIGRATIONS)


def test_a_source_behind_this_version_is_not_copied(
    tmp_path: Path, target: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from alembic import command

    from kiosk.storage.database import Database
    from kiosk.storage.migrate import _alembic_config

    with Database.open(f"sqlite:///{tmp_path / 'old.db'}") as old, old.engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0015")
    monkeypatch.setenv("KIOSK_DATABASE_URL", f"sqlite:///{tmp_path / 'old.db'}")
    assert cli.main(["db", "copy", "--to", target]) == cli.EXIT_COPY
    err = capsys.readouterr().err
    assert "at revision 0015" in err and "run `kiosk db upgrade` on it first" in err
    untouched = create_engine(target)
    try:
        assert inspect(untouched).get_table_names() == []  # not even migrated
    finally:
        untouched.dispose()
