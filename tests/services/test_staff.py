from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.storage.models import AuditEvent, StaffMember
from tests.conftest import FixedClock

ADMIN = Actor("cli", "root")


def test_pin_is_stored_as_argon2id_and_checks(app: KioskApp) -> None:
    app.staff.add("1001", "赵敏", Role.RECEPTIONIST, "2468", ADMIN)
    with app.database.sessions() as session:
        stored = session.scalars(select(StaffMember)).one().secret_hash
    assert stored.startswith("$argon2id$") and "2468" not in stored
    signed = app.staff.sign_in("1001", "2468")
    assert (signed.name, signed.role, signed.actor.label) == ("赵敏", Role.RECEPTIONIST, "staff:1001")


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
