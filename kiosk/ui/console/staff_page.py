"""Staff accounts (admins): add, rename, change role, deactivate, reset a PIN, lift a lock-out.

Every change is audited by StaffService with the admin who made it; PINs are typed twice and
only ever stored as argon2id hashes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout

from kiosk.app import KioskApp
from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import Permission, Role, allowed
from kiosk.services.audit import Actor
from kiosk.services.staff import SignedIn, StaffListing
from kiosk.ui.common.messages import validation_message
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import (
    SectionPage,
    action_button,
    button_row,
    named,
    role_name,
    table_view,
)


class StaffTableModel(RowTableModel[StaffListing]):
    def __init__(self, app: KioskApp) -> None:
        super().__init__((self.tr("Staff No."), self.tr("Name"), self.tr("Role"), self.tr("State")))
        self._app = app

    def member(self, row: int) -> StaffListing:
        return self.row_value(row)

    def display(self, m: StaffListing, column: int) -> str:
        if not m.active:
            state = self.tr("Deactivated")
        elif m.locked_until is not None and m.locked_until > self._app.clock.now():
            until = m.locked_until.astimezone(self._app.site.timezone).strftime("%H:%M")
            state = self.tr("Locked until %1").replace("%1", until)
        else:
            state = self.tr("Active")
        return (m.username, m.name, role_name(m.role), state)[column]


class StaffPage(SectionPage):
    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("staffPage")
        self._app = app
        self._actor: Actor | None = None
        layout = QVBoxLayout(self)
        self.model = StaffTableModel(app)
        self.table = table_view("staffTable", self.tr("Staff accounts"), self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        layout.addWidget(self.table, 1)

        form = QFormLayout()
        self.username_edit = named(QLineEdit(), "staffUsernameEdit", self.tr("Staff No."))
        self.name_edit = named(QLineEdit(), "staffNameEdit", self.tr("Name"))
        self.role_combo = named(QComboBox(), "staffRoleCombo", self.tr("Role"))
        for role in Role:
            self.role_combo.addItem(role_name(role), role.value)
        self.pin_edit = named(QLineEdit(), "staffPinEdit", self.tr("PIN or password"))
        self.pin_again_edit = named(QLineEdit(), "staffPinAgainEdit", self.tr("PIN again"))
        for edit in (self.pin_edit, self.pin_again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        for label, widget in (
            (self.tr("Staff No."), self.username_edit),
            (self.tr("Name"), self.name_edit),
            (self.tr("Role"), self.role_combo),
            (self.tr("PIN or password"), self.pin_edit),
            (self.tr("PIN again"), self.pin_again_edit),
        ):
            form.addRow(label, widget)
        layout.addLayout(form)

        self.add_button = action_button(self.tr("Add"), "staffAddButton", self.tr("Add a staff account"))
        self.save_button = action_button(
            self.tr("Save name and role"),
            "staffSaveButton",
            self.tr("Save the selected account's name and role"),
        )
        self.reset_button = action_button(
            self.tr("Set new PIN"), "staffResetPinButton", self.tr("Set a new PIN for the selected account")
        )
        self.unlock_button = action_button(
            self.tr("Unlock"), "staffUnlockButton", self.tr("Lift the selected account's lock-out")
        )
        self.active_button = action_button(
            self.tr("Deactivate / reactivate"),
            "staffActiveButton",
            self.tr("Deactivate or reactivate the selected account"),
        )
        button_row(
            layout,
            self.add_button,
            self.save_button,
            self.reset_button,
            self.unlock_button,
            self.active_button,
        )
        self.status = self.add_status(layout, "staffStatus", self.tr("Last action result"))
        self.add_button.clicked.connect(self._add)
        self.save_button.clicked.connect(self._save)
        self.reset_button.clicked.connect(self._reset_pin)
        self.unlock_button.clicked.connect(self._unlock)
        self.active_button.clicked.connect(self._toggle_active)

    def set_session(self, who: SignedIn | None) -> None:
        # The page checks again: only admins manage staff.
        super().set_session(who)
        permitted = who is not None and allowed(who.role, Permission.MANAGE_STAFF)
        self._actor = who.actor if who is not None and permitted else None
        self.pin_edit.clear()
        self.pin_again_edit.clear()
        if self._actor is not None:
            self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self._app.staff.members())

    def _current(self) -> StaffListing | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.member(rows[0].row()) if rows else None

    def _selected(self) -> None:
        member = self._current()
        if member is not None:
            self.username_edit.setText(member.username)
            self.name_edit.setText(member.name)
            self.role_combo.setCurrentIndex(self.role_combo.findData(member.role.value))

    def _role(self) -> Role:
        return Role(str(self.role_combo.currentData()))

    def _pin(self) -> str | None:
        """The PIN typed twice, or None (with the reason shown) when the two differ."""
        pin = self.pin_edit.text()
        if pin != self.pin_again_edit.text():
            self.status.show_error(self.tr("The two PINs differ. Please type them again."))
            return None
        return pin

    def _run(self, action: Callable[[], object], done: str) -> None:
        try:
            action()
        except ValidationError as error:
            self.status.show_error(validation_message(error))
            return
        self.pin_edit.clear()
        self.pin_again_edit.clear()
        self.status.setText(done)
        self.refresh()

    def _add(self) -> None:
        actor, pin = self._actor, self._pin()
        if actor is None or pin is None:
            return
        username, name, role = self.username_edit.text(), self.name_edit.text(), self._role()
        self._run(
            lambda: self._app.staff.add(username, name, role, pin, actor),
            self.tr("Account %1 added.").replace("%1", username.strip()),
        )

    def _with_selected(self) -> tuple[Actor, StaffListing] | None:
        member = self._current()
        if self._actor is None or member is None:
            self.status.show_error(self.tr("Select an account in the table first."))
            return None
        return self._actor, member

    def _save(self) -> None:
        chosen = self._with_selected()
        if chosen is not None:
            actor, member = chosen
            name, role = self.name_edit.text(), self._role()
            self._run(
                lambda: self._app.staff.update(member.staff_id, actor, name=name, role=role),
                self.tr("Account %1 saved.").replace("%1", member.username),
            )

    def _reset_pin(self) -> None:
        chosen, pin = self._with_selected(), self._pin()
        if chosen is not None and pin is not None:
            actor, member = chosen
            self._run(
                lambda: self._app.staff.reset_secret(member.staff_id, pin, actor),
                self.tr("New PIN set for %1; the account is unlocked.").replace("%1", member.username),
            )

    def _unlock(self) -> None:
        chosen = self._with_selected()
        if chosen is not None:
            actor, member = chosen
            self._run(
                lambda: self._app.staff.unlock(member.staff_id, actor),
                self.tr("Account %1 unlocked.").replace("%1", member.username),
            )

    def _toggle_active(self) -> None:
        chosen = self._with_selected()
        if chosen is not None:
            actor, member = chosen
            done = (
                self.tr("Account %1 deactivated: it can no longer sign in.")
                if member.active
                else self.tr("Account %1 reactivated.")
            )
            self._run(
                lambda: self._app.staff.update(member.staff_id, actor, active=not member.active),
                done.replace("%1", member.username),
            )
