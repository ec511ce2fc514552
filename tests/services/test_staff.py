from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import extract_parameters
from sqlalchemy import select

from kiosk.app import KioskApp, build_app
from kiosk.config import Config
from kiosk.devices.fakes import FakePrinter, MemoryEncoder
from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.storage.models import AuditEvent, StaffMember
from tests.conftest import TEST_HASHER, FixedClock, start_from

ADMIN = Actor("cli", "root")


def test_pin_is_stored_as_argon2id_and_checks(app: KioskApp) -> None:
    app.staff.add("1001", "赵敏", Role.RECEPTIONIST, "2468", ADMIN)
    with app.database.sessions() as session:
        stored = session.scalars(select(StaffMember)).one().secret_hash
    assert stored.startswith("$argon2id$") and "2468" not in stored
    signed = app.staff.sign_in("1001", "2468")
    assert (signed.name, signed.role, signed.actor.label) == ("赵敏", Role.RECEPTIONIST, "staff:1001")


def stored_hash(app: KioskApp, username: str) -> str:
    with app.database.sessions() as session:
        return session.scalars(select(StaffMember.secret_hash).where(StaffMember.username == username)).one()


def test_a_site_hashes_pins_at_full_argon2id_cost(
    config: Config, clock: FixedClock, migrated_database: Path
) -> None:
    """The tests hash at the cheapest cost (tests/conftest.py); the app as a site builds it must
    not: RFC 9106's low-memory profile, 64 MiB, 3 passes, 4 lanes. A PIN hashed more cheaply
    (by an older version) is hashed again at that cost when its owner next signs in."""
    start_from(migrated_database, config)
    cheap = build_app(
        config,
        "desk",
        printer=FakePrinter(),
        encoder=MemoryEncoder(),
        clock=clock,
        password_hasher=TEST_HASHER,
    )
    cheap.staff.add("1002", "钱进", Role.RECEPTIONIST, "1357", ADMIN)
    cheap.close()
    site = build_app(config, "desk", printer=FakePrinter(), encoder=MemoryEncoder(), clock=clock)
    try:
        site.staff.add("1001", "赵敏", Role.RECEPTIONIST, "2468", ADMIN)
        for username, pin in (("1001", "2468"), ("1002", "1357")):
            assert site.staff.sign_in(username, pin).username == username
            stored = stored_hash(site, username)
            assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$"), stored
            assert site.staff.sign_in(username, pin).username == username
        parameters = extract_parameters(stored_hash(site, "1001"))
        assert (parameters.memory_cost, parameters.time_cost, parameters.parallelism) == (64 * 1024, 3, 4)
        assert (parameters.hash_len, parameters.salt_len) == (32, 16)
    finally:
        site.close()


def test_five_wrong_pins_lock_the_account_for_a_while(app: KioskApp, clock: FixedClock) -> None:
    app.staff.add("1001", "赵敏", Role.RECEPTIONIST, "2468", ADMIN)
    for _ in range(4):
        with pytest.raises(ValidationError) as info:
            app.staff.sign_in("1001", "0000")
        assert info.value.code == "invalid"
    with pytest.raises(ValidationError) as info:
        app.staff.sign_in("1001", "0000")
    assert info.value.code == "locked"
    with pytest.raises(ValidationError) as info:
        app.staff.sign_in("1001", "2468")  # even the right PIN, while locked
    assert info.value.code == "locked"
    clock.advance(minutes=15, seconds=1)
    assert app.staff.sign_in("1001", "2468").username == "1001"
    with app.database.sessions() as session:
        refusals = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "staff.sign_in_refused")
        ).all()
    assert len(refusals) == 6


def test_unknown_staff_and_bad_secrets(app: KioskApp) -> None:
    with pytest.raises(ValidationError) as info:
        app.staff.sign_in("9999", "1234")
    assert info.value.code == "invalid"
    with pytest.raises(ValidationError) as info:
        app.staff.add("1002", "x", Role.GUARD, "12", ADMIN)
    assert info.value.code == "too_short"
    app.staff.add("1002", "x", Role.GUARD, "1234", ADMIN)
    with pytest.raises(ValidationError) as info:
        app.staff.add("1002", "y", Role.GUARD, "1234", ADMIN)
    assert info.value.code == "taken"


def test_a_name_that_matches_no_account_is_audited_as_a_keyed_hash_never_as_typed(app: KioskApp) -> None:
    """People type their PIN into the name field: the trail keeps a keyed hash of what was
    typed, the same each time, so the desk still sees one name tried five times."""
    for typed in ["24681357"] * 5 + ["zhangsan"]:
        with pytest.raises(ValidationError):
            app.staff.sign_in(typed, "1234")
    with app.database.sessions() as session:
        rows = session.execute(
            select(AuditEvent.actor, AuditEvent.detail).where(AuditEvent.action == "staff.sign_in_refused")
        ).all()
    actors = [actor for actor, _detail in rows]
    assert len(set(actors[:5])) == 1 and actors[5] != actors[0]
    assert all(a.startswith("unknown:#") and len(a) == len("unknown:#") + 12 for a in actors)
    with app.database.engine.connect() as conn:  # nowhere in the trail, in any column
        dump = " ".join(str(v) for row in conn.execute(select(AuditEvent.__table__)) for v in row)
    assert "24681357" not in dump and "zhangsan" not in dump


def _actions(app: KioskApp) -> list[str]:
    with app.database.sessions() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_admin_renames_changes_role_and_deactivates(app: KioskApp) -> None:
    staff_id = app.staff.add("1001", "赵敏", Role.RECEPTIONIST, "2468", ADMIN)
    app.staff.update(staff_id, ADMIN, name="赵敏敏", role=Role.SUPERVISOR)
    assert app.staff.sign_in("1001", "2468").role is Role.SUPERVISOR
    app.staff.update(staff_id, ADMIN, active=False)
    with pytest.raises(ValidationError):
        app.staff.sign_in("1001", "2468")
    listing = next(m for m in app.staff.members() if m.username == "1001")
    assert (listing.name, listing.role, listing.active) == ("赵敏敏", Role.SUPERVISOR, False)
    assert _actions(app).count("staff.updated") == 2


def test_the_last_active_admin_cannot_be_demoted_or_deactivated(app: KioskApp) -> None:
    only = app.staff.add("root", "管理员", Role.ADMIN, "135790", ADMIN)
    for change in ({"role": Role.RECEPTIONIST}, {"active": False}):
        with pytest.raises(ValidationError) as info:
            app.staff.update(only, ADMIN, **change)  # type: ignore[arg-type]
        assert (info.value.field, info.value.code) == ("role", "last_admin")
    app.staff.add("root2", "副管理员", Role.ADMIN, "135790", ADMIN)
    app.staff.update(only, ADMIN, active=False)  # another admin remains
    assert not next(m for m in app.staff.members() if m.username == "root").active


def test_a_new_pin_lifts_the_lock_and_the_old_one_stops_working(app: KioskApp) -> None:
    staff_id = app.staff.add("1001", "赵敏", Role.RECEPTIONIST, "2468", ADMIN)
    for _ in range(5):
        with pytest.raises(ValidationError):
            app.staff.sign_in("1001", "0000")
    with pytest.raises(ValidationError) as info:
        app.staff.reset_secret(staff_id, "12", ADMIN)
    assert info.value.code == "too_short"
    app.staff.reset_secret(staff_id, "97531", ADMIN)
    assert app.staff.sign_in("1001", "97531").username == "1001"
    with pytest.raises(ValidationError):
        app.staff.sign_in("1001", "2468")
    assert "staff.secret_reset" in _actions(app)


def test_unlock_lifts_a_lock_out_early(app: KioskApp) -> None:
    staff_id = app.staff.add("1001", "赵敏", Role.RECEPTIONIST, "2468", ADMIN)
    for _ in range(5):
        with pytest.raises(ValidationError):
            app.staff.sign_in("1001", "0000")
    app.staff.unlock(staff_id, ADMIN)
    assert app.staff.sign_in("1001", "2468").username == "1001"
    assert "staff.unlocked" in _actions(app)


def test_demo_accounts_one_per_role_sign_in_with_the_demo_pin_hashed_once(app: KioskApp) -> None:
    """Demo mode's accounts share the public demo PIN, so they share its hash: each full-cost
    hash is a tenth of a second of a first start."""
    from kiosk.services.staff import DEMO_PIN

    accounts = app.staff.add_demo_accounts(ADMIN)
    assert [role for _username, role in accounts] == list(Role)
    assert len({stored_hash(app, username) for username, _role in accounts}) == 1
    for username, role in accounts:
        signed = app.staff.sign_in(username, DEMO_PIN)
        assert (signed.username, signed.role) == (username, role)
    assert app.staff.add_demo_accounts(ADMIN) == []  # once any account exists, never again
