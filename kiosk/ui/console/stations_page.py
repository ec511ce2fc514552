"""Stations (admins): the kiosks, desks and guard screens enrolled with the site server.

Adding one shows its one-time enrolment code (ABCDE-FGHJK, ten minutes, once), which the person
setting up the new station types into ``kiosk enrol``; revoking one cuts it off at once (its
credential stops working and its staff sessions end). The server decides who may do either.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from kiosk.api.schemas import StationEnrolment
from kiosk.client.station import Station
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.station import STATION_NAME_MAX, StationRole
from kiosk.domain.views import StationListing
from kiosk.ui.common.confirm import confirm
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import SectionPage, action_button, button_row, named, table_view

T = TypeVar("T")
REVOKED_BRUSH = QBrush(QColor("#eeeeee"))


def station_role_name(role: StationRole) -> str:
    """A station's role as the console names it."""
    return {
        StationRole.KIOSK: QCoreApplication.translate("StationsPage", "Kiosk"),
        StationRole.DESK: QCoreApplication.translate("StationsPage", "Desk console"),
        StationRole.GUARD: QCoreApplication.translate("StationsPage", "Guard screen"),
    }[role]


class StationsTableModel(RowTableModel[StationListing]):
    def __init__(self, station: Station) -> None:
        super().__init__(
            (self.tr("Name"), self.tr("Role"), self.tr("Address"), self.tr("Last seen"), self.tr("State"))
        )
        self._station = station

    def listing(self, row: int) -> StationListing:
        return self.row_value(row)

    def _time(self, at: datetime | None) -> str:
        if at is None:
            return self.tr("never")
        return at.astimezone(self._station.site.timezone).strftime("%Y-%m-%d %H:%M")

    def display(self, s: StationListing, column: int) -> str:
        if s.revoked:
            state = self.tr("Revoked")
        elif s.enrolled:
            state = self.tr("Enrolled")
        else:
            state = self.tr("Waiting for enrolment")
        if s.name == self._station.name and not s.revoked:
            state = self.tr("%1 (this station)").replace("%1", state)
        return (s.name, station_role_name(s.role), s.last_address or "—", self._time(s.last_seen_at), state)[
            column
        ]

    def background(self, s: StationListing, column: int) -> QBrush | None:
        return REVOKED_BRUSH if s.revoked else None


class StationsPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("stationsPage")
        self._station = station
        self._permitted = False
        layout = QVBoxLayout(self)
        self.model = StationsTableModel(station)
        self.table = table_view("stationsTable", self.tr("Stations"), self.model)
        layout.addWidget(self.table, 1)

        form = QFormLayout()
        self.name_edit = named(QLineEdit(), "stationNameEdit", self.tr("Station name"))
        self.name_edit.setMaxLength(STATION_NAME_MAX)
        self.name_edit.setPlaceholderText(self.tr("e.g. kiosk-lobby-2"))
        self.role_combo = named(QComboBox(), "stationRoleCombo", self.tr("Role"))
        for role in StationRole:
            self.role_combo.addItem(station_role_name(role), role.value)
        form.addRow(self.tr("Station name"), self.name_edit)
        form.addRow(self.tr("Role"), self.role_combo)
        layout.addLayout(form)

        self.add_button = action_button(
            self.tr("Add station"), "stationAddButton", self.tr("Add a station and show its enrolment code")
        )
        self.revoke_button = action_button(
            self.tr("Revoke"), "stationRevokeButton", self.tr("Revoke the selected station at once")
        )
        self._buttons = (self.add_button, self.revoke_button)
        button_row(layout, *self._buttons)
        # The one-time code, large enough to read across the desk and type on the new station.
        self.code_label = named(QLabel(), "stationCodeLabel", self.tr("Enrolment code"))
        self.code_label.setStyleSheet("font-size: 28px; font-family: monospace; font-weight: bold;")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.code_label)
        self.code_help = named(QLabel(), "stationCodeHelp", self.tr("How to use the enrolment code"))
        self.code_help.setWordWrap(True)
        layout.addWidget(self.code_help)
        self.status = self.add_status(layout, "stationsStatus", self.tr("Last action result"))
        # Whoever signs in next does not see the code the last admin was given.
        self.transient(self.name_edit, self.code_label, self.code_help)
        self.add_button.clicked.connect(self._add)
        self.revoke_button.clicked.connect(self._revoke)

    def set_session(self, who: SignedIn | None) -> None:
        # The page checks again: only admins manage stations (and the server decides).
        super().set_session(who)
        self._permitted = who is not None and allowed(who.role, Permission.MANAGE_STAFF)
        if self._permitted:
            self.refresh()
        else:
            self.model.set_rows([])

    def refresh(self) -> None:
        QueryOp(self, self._station.stations.listing, self._show, key="listing").run_in_background()

    def _show(self, stations: list[StationListing]) -> None:
        if self._permitted:
            self.model.set_rows(stations)

    def on_server_event(self, topic: str) -> None:
        # A station enrolling, seen, added or revoked elsewhere (the command line included).
        if self._permitted and topic in ("stations", "connected", "resync"):
            self.refresh()

    def _run(self, op: Callable[[], T], done: Callable[[T], None]) -> None:
        """Send ``op`` to the server; the buttons wait for its answer (a second tap would add a
        second code, or revoke twice)."""
        self._busy(True)

        def succeeded(result: T) -> None:
            self._busy(False)
            done(result)

        QueryOp(self, op, succeeded).failure(self._failed).run_in_background()

    def _busy(self, busy: bool) -> None:
        for button in self._buttons:
            button.setEnabled(not busy)

    def _failed(self, error: Exception) -> None:
        self._busy(False)
        self.status.show_error(error_message(error))

    def _add(self) -> None:
        if not self._permitted:
            return
        name, role = self.name_edit.text().strip(), StationRole(str(self.role_combo.currentData()))
        self.code_label.clear()
        self.code_help.clear()

        def added(new: StationEnrolment) -> None:
            self._show_code(name, new)
            self.name_edit.clear()
            self.refresh()

        self._run(lambda: self._station.stations.add(name, role), added)

    def _show_code(self, name: str, new: StationEnrolment) -> None:
        until = new.expires_at.astimezone(self._station.site.timezone).strftime("%H:%M")
        self.code_label.setText(new.code)
        self.code_help.setText(
            self.tr(
                "Enrolment code for %1, good once until %2. On the new station, run "
                "“kiosk enrol” with this server's address and this code."
            )
            .replace("%1", name)
            .replace("%2", until)
        )
        self.status.setText(self.tr("Station %1 added: enrol it within ten minutes.").replace("%1", name))

    def _selected(self) -> StationListing | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.listing(rows[0].row()) if rows else None

    def _revoke(self) -> None:
        chosen = self._selected()
        if not self._permitted or chosen is None:
            self.status.show_error(self.tr("Select a station in the table first."))
            return
        if chosen.revoked:
            self.status.show_error(self.tr("Station %1 is revoked already.").replace("%1", chosen.name))
            return
        if chosen.name == self._station.name:
            # Revoking the desk in use would cut the admin off mid-task; do it from another desk.
            self.status.show_error(
                self.tr("This is the station you are using: revoke it from another desk or on the server.")
            )
            return
        text = self.tr(
            "Revoke %1 (%2)? It stops working at once: anyone signed in there is signed out, and it "
            "needs a new enrolment code to be used again."
        )
        if not confirm(
            self,
            self.tr("Revoke a station"),
            text.replace("%1", chosen.name).replace("%2", station_role_name(chosen.role)),
            self.tr("Revoke"),
        ):
            return

        def revoked(_nothing: None) -> None:
            self.status.setText(self.tr("Station %1 revoked.").replace("%1", chosen.name))
            self.refresh()

        station_id = chosen.station_id
        self._run(lambda: self._station.stations.revoke(station_id), revoked)
