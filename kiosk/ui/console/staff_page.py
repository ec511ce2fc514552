"""Staff accounts (admins): add, rename, change role, deactivate, reset a PIN, lift a lock-out.

Every change is audited by StaffService with the admin who made it; PINs are typed twice and
only ever stored as argon2id hashes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout

from kiosk.client.station import Station
from kiosk.domain.staff import Permission, Role, SignedIn, allowed
from kiosk.domain.views import StaffListing
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
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
    def __init__(self, station: Station) -> None:
        super().__init__((self.tr("Staff No."), self.tr("Name"), self.tr("Role"), self.tr("State")))
        self._station = station

    def member(self, row: int) -> StaffListing:
        return self.row_value(row)

    def display(self, m: StaffListing, column: int) -> str:
        if not m.active:
            state = self.tr("Deactivated")
        elif m.locked_until is not None and m.locked_until > self._station.clock.now():
            until = m.locked_until.astimezone(self._station.site.timezone).strftime("%H:%M")
            state = self.tr("Locked until %1").replace("%1", until)
        else:
            state = self.tr("Active")
        return (m.username, m.name, role_name(m.role), state)[column]


class StaffPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("staffPage")
        self._station = station
        self._permitted = False
        layout = QVBoxLayout(self)
        self.model = StaffTableModel(station)
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
        self._buttons = (
            self.add_button,
            self.save_button,
            self.reset_button,
            self.unlock_button,
            self.active_button,
        )
        button_row(layout, *self._buttons)
        self.status = self.add_status(layout, "staffStatus", self.tr("Last action result"))
        self.add_button.clicked.connect(self._add)
        self.save_button.clicked.connect(self._save)
        self.reset_button.clicked.connect(self._reset_pin)
        self.unlock_button.clicked.connect(self._unlock)
        self.active_button.clicked.connect(self._toggle_active)

    def set_session(self, who: SignedIn | None) -> None:
        # The page checks again: only admins manage staff (and the server decides).
        super().set_session(who)
        self._permitted = who is not None and allowed(who.role, Permission.MANAGE_STAFF)
        self.pin_edit.clear()
        self.pin_again_edit.clear()
        if self._permitted:
            self.refresh()
        else:
            self.model.set_rows([])

    def refresh(self) -> None:
        QueryOp(self, self._station.staff.members, self._show_members, key="members").run_in_background()

    def _show_members(self, members: list[StaffListing]) -> None:
        if self._permitted:  # not for whoever took over the console meanwhile
            self.model.set_rows(members)

    def on_server_event(self, topic: str) -> None:
        if self._permitted and topic in ("staff", "connected", "resync"):
            self.refresh()

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
        """Send ``action`` to the server; the buttons wait for its answer (a second tap would
        send it twice)."""
        self._busy(True)

        def succeeded(_result: object) -> None:
            self._busy(False)
            self.pin_edit.clear()
            self.pin_again_edit.clear()
            self.status.setText(done)
            self.refresh()

        def failed(error: Exception) -> None:
            self._busy(False)
            self.status.show_error(error_message(error))

        QueryOp(self, action, succeeded).failure(failed).run_in_background()

    def _busy(self, busy: bool) -> None:
        for button in self._buttons:
            button.setEnabled(not busy)

    def _add(self) -> None:
        pin = self._pin()
        if not self._permitted or pin is None:
            return
        username, name, role = self.username_edit.text(), self.name_edit.text(), self._role()
        self._run(
            lambda: self._station.staff.add(username, name, role, pin),
            self.tr("Account %1 added.").replace("%1", username.strip()),
        )

    def _selected_member(self) -> StaffListing | None:
        member = self._current()
        if not self._permitted or member is None:
            self.status.show_error(self.tr("Select an account in the table first."))
            return None
        return member

    def _save(self) -> None:
        member = self._selected_member()
        if member is not None:
            name, role = self.name_edit.text(), self._role()
            self._run(
                lambda: self._station.staff.update(member.staff_id, name=name, role=role),
                self.tr("Account %1 saved.").replace("%1", member.username),
            )

    def _reset_pin(self) -> None:
        member, pin = self._selected_member(), self._pin()
        if member is not None and pin is not None:
            self._run(
                lambda: self._station.staff.reset_secret(member.staff_id, pin),
                self.tr("New PIN set for %1; the account is unlocked.").replace("%1", member.username),
            )

    def _unlock(self) -> None:
        member = self._selected_member()
        if member is not None:
            self._run(
                lambda: self._station.staff.unlock(member.staff_id),
                self.tr("Account %1 unlocked.").replace("%1", member.username),
            )

    def _toggle_active(self) -> None:
        member = self._selected_member()
        if member is not None:
            done = (
                self.tr("Account %1 deactivated: it can no longer sign in.")
                if member.active
                else self.tr("Account %1 reactivated.")
            )
            self._run(
                lambda: self._station.staff.update(member.staff_id, active=not member.active),
                done.replace("%1", member.username),
            )
