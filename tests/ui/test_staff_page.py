"""Admins manage staff accounts at the console; nobody else sees the section."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import Role
from kiosk.storage.models import AuditEvent
from kiosk.ui.console.desk_window import DeskWindow
from tests.ui.conftest import open_desk, type_text
from tests.ui.test_kiosk_window import find, tap


def audit(app: KioskApp) -> list[tuple[str, str]]:
    with app.database.sessions() as session:
        return [(e.actor, e.action) for e in session.scalars(select(AuditEvent))]


def fill(qtbot: QtBot, desk: DeskWindow, **fields: str) -> None:
    for name, text in fields.items():
        edit = find(desk, QLineEdit, name)
        edit.clear()
        type_text(qtbot, edit, text)


def rows(desk: DeskWindow) -> dict[str, int]:
    model = find(desk, QTableView, "staffTable").model()
    return {model.index(r, 0).data(): r for r in range(model.rowCount())}


def select_account(qtbot: QtBot, desk: DeskWindow, username: str) -> None:
    """Pick the account's row once the server's list has arrived (it comes in the background)."""
    qtbot.waitUntil(lambda: username in rows(desk))
    find(desk, QTableView, "staffTable").selectRow(rows(desk)[username])


def tap_and_wait(qtbot: QtBot, desk: DeskWindow, button: str, says: str) -> None:
    """Press ``button`` and wait for the server's answer in the result line."""
    status = find(desk, QLabel, "staffStatus")
    status.clear()
    tap(qtbot, desk, button)
    qtbot.waitUntil(lambda: says in status.text())


def test_only_admins_see_staff_accounts(qtbot: QtBot, app: KioskApp) -> None:
    for role in (Role.RECEPTIONIST, Role.SUPERVISOR, Role.GUARD, Role.SALES):
        assert "staff" not in open_desk(qtbot, app, role).sections()
    assert "staff" in open_desk(qtbot, app, Role.ADMIN).sections()


def test_admin_adds_an_account_that_then_signs_in(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.ADMIN)
    desk.show_section("staff")
    fill(
        qtbot,
        desk,
        staffUsernameEdit="1002",
        staffNameEdit="钱多多",
        staffPinEdit="3579",
        staffPinAgainEdit="3570",
    )
    tap(qtbot, desk, "staffAddButton")
    status = find(desk, QLabel, "staffStatus")
    assert "differ" in status.text()
    with pytest.raises(ValidationError):
        app.staff.sign_in("1002", "3579")  # nothing was added
    fill(qtbot, desk, staffPinEdit="3579", staffPinAgainEdit="3579")
    role = find(desk, QComboBox, "staffRoleCombo")
    role.setCurrentIndex(role.findData(Role.GUARD.value))
    tap_and_wait(qtbot, desk, "staffAddButton", "Account 1002 added.")
    assert status.text() == "Account 1002 added."
    assert app.staff.sign_in("1002", "3579").role is Role.GUARD
    assert find(desk, QLineEdit, "staffPinEdit").text() == ""  # the PIN does not linger on screen
    assert ("staff:admin", "staff.added") in audit(app)
    qtbot.waitUntil(lambda: "1002" in rows(desk))  # the list shows the new account
    fill(qtbot, desk, staffPinEdit="3579", staffPinAgainEdit="3579")
    tap_and_wait(qtbot, desk, "staffAddButton", "taken")
    assert status.text() == "This staff number is taken already."


def test_admin_unlocks_resets_and_deactivates(qtbot: QtBot, app: KioskApp) -> None:
    open_desk(qtbot, app, Role.RECEPTIONIST).sign_out()
    for _ in range(5):
        with pytest.raises(ValidationError):
            app.staff.sign_in("receptionist", "0000")
    desk = open_desk(qtbot, app, Role.ADMIN)
    desk.show_section("staff")
    table = find(desk, QTableView, "staffTable")
    select_account(qtbot, desk, "receptionist")
    assert table.model().index(table.currentIndex().row(), 3).data().startswith("Locked until")
    assert find(desk, QLineEdit, "staffNameEdit").text() == "Receptionist"
    tap_and_wait(qtbot, desk, "staffUnlockButton", "Account receptionist unlocked.")
    assert app.staff.sign_in("receptionist", "246810").username == "receptionist"
    qtbot.waitUntil(lambda: table.model().index(rows(desk)["receptionist"], 3).data() == "Active")
    select_account(qtbot, desk, "receptionist")
    fill(qtbot, desk, staffPinEdit="864200", staffPinAgainEdit="864200")
    tap_and_wait(qtbot, desk, "staffResetPinButton", "New PIN set for receptionist")
    assert app.staff.sign_in("receptionist", "864200").username == "receptionist"
    select_account(qtbot, desk, "receptionist")
    tap_and_wait(qtbot, desk, "staffActiveButton", "Account receptionist deactivated")
    qtbot.waitUntil(lambda: table.model().index(rows(desk)["receptionist"], 3).data() == "Deactivated")
    with pytest.raises(ValidationError):
        app.staff.sign_in("receptionist", "864200")
    actions = [a for who, a in audit(app) if who == "staff:admin"]
    assert {"staff.unlocked", "staff.secret_reset", "staff.updated"} <= set(actions)


def test_the_last_admin_cannot_demote_themselves(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.ADMIN)
    desk.show_section("staff")
    select_account(qtbot, desk, "admin")
    role = find(desk, QComboBox, "staffRoleCombo")
    role.setCurrentIndex(role.findData(Role.RECEPTIONIST.value))
    tap_and_wait(qtbot, desk, "staffSaveButton", "last administrator")
    assert find(desk, QLabel, "staffStatus").property("error") is True
    assert app.staff.sign_in("admin", "246810").role is Role.ADMIN
