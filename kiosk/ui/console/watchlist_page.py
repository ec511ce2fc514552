"""Watchlist management (supervisors): who is held at check-in, why, who added them, until when."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
)

from kiosk.api.schemas import WatchlistListing
from kiosk.client.station import Station
from kiosk.domain.identity import masked_from_last_four
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import WatchlistView
from kiosk.ui.common.audit_words import ActorTableModel
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.widgets import (
    SectionPage,
    action_button,
    date_edit,
    id_type_combo,
    named,
    table_view,
)


class WatchlistTableModel(ActorTableModel[WatchlistView]):
    def __init__(self, station: Station) -> None:
        super().__init__(
            (
                # The entry's number: a held visit on the board names the entry that held it.
                self.tr("No."),
                self.tr("Name"),
                self.tr("Company"),
                self.tr("ID"),
                self.tr("Reason"),
                self.tr("Added by"),
                self.tr("Added"),
                self.tr("Until"),
            )
        )
        self._zone = station.site.timezone

    def entry(self, row: int) -> WatchlistView:
        return self.row_value(row)

    def display(self, e: WatchlistView, column: int) -> str:
        when = e.added_at.astimezone(self._zone).strftime("%Y-%m-%d")
        until = e.until.astimezone(self._zone).strftime("%Y-%m-%d") if e.until else self.tr("no end")
        masked = masked_from_last_four(e.id_last_four) if e.id_last_four else "—"
        return (str(e.entry_id), e.name, e.company, masked, e.reason, self.actor(e.added_by), when, until)[
            column
        ]


class WatchlistPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("watchlistPage")
        self._station = station
        self._permitted = False
        layout = QVBoxLayout(self)
        self.model = WatchlistTableModel(station)
        self.table = table_view("watchlistTable", self.tr("People on the watchlist"), self.model)
        layout.addWidget(self.table, 1)
        self.remove_button = action_button(
            self.tr("Remove from the watchlist"),
            "watchlistRemoveButton",
            self.tr("Remove the selected person from the watchlist"),
        )
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)

        form = QFormLayout()
        self.name_edit = named(QLineEdit(), "watchlistNameEdit", self.tr("Name"))
        self.company_edit = named(QLineEdit(), "watchlistCompanyEdit", self.tr("Company"))
        self.id_type_combo = id_type_combo("watchlistIdTypeCombo", self.tr("ID document"))
        self.id_edit = named(QLineEdit(), "watchlistIdEdit", self.tr("ID number (optional)"))
        self.reason_edit = named(QLineEdit(), "watchlistReasonEdit", self.tr("Reason"))
        self.until_check = named(
            QCheckBox(self.tr("Has an end date")), "watchlistUntilCheck", self.tr("Has an end date")
        )
        self.until_edit = date_edit("watchlistUntilEdit", self.tr("End date"))
        self.until_edit.setDate(QDate.currentDate().addMonths(6))
        until_row = QHBoxLayout()
        until_row.addWidget(self.until_check)
        until_row.addWidget(self.until_edit)
        for label, widget in (
            (self.tr("Name"), self.name_edit),
            (self.tr("Company"), self.company_edit),
            (self.tr("ID document"), self.id_type_combo),
            (self.tr("ID number (optional)"), self.id_edit),
            (self.tr("Reason"), self.reason_edit),
        ):
            form.addRow(label, widget)
        form.addRow(self.tr("End"), until_row)
        layout.addLayout(form)
        self.add_button = action_button(
            self.tr("Add to the watchlist"), "watchlistAddButton", self.tr("Add this person to the watchlist")
        )
        layout.addWidget(self.add_button)
        self.status = self.add_status(layout, "watchlistStatus", self.tr("Last action result"))
        # A typed ID number is not left for whoever uses the console next (lock, sign-out).
        self.transient(self.id_edit)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)

    def set_session(self, who: SignedIn | None) -> None:
        # The page checks again: only a role allowed to manage the watchlist can act here.
        super().set_session(who)
        self._permitted = who is not None and allowed(who.role, Permission.MANAGE_WATCHLIST)
        if self._permitted:
            self.refresh()
        else:
            self.model.set_named_rows([], [])  # the last supervisor's list is not the next person's

    def on_server_event(self, topic: str) -> None:
        if topic in ("watchlist", "connected", "resync") and self._permitted:
            self.refresh()

    def refresh(self) -> None:
        QueryOp(self, self._station.watchlist.entries, self._show, key="list").run_in_background()

    def _show(self, listing: WatchlistListing) -> None:
        self.model.set_named_rows(listing.entries, listing.staff)

    def _until(self) -> datetime | None:
        if not self.until_check.isChecked():
            return None
        day = self.until_edit.date()
        return datetime.combine(
            date(day.year(), day.month(), day.day()), time(23, 59), self._station.site.timezone
        )

    def _add(self) -> None:
        if not self._permitted:
            return
        # The ID number goes to the server as typed (over TLS): only the server holds the key that
        # makes the matching hash, and it keeps the last four; this page never shows it back whole.
        name, reason, company = self.name_edit.text(), self.reason_edit.text(), self.company_edit.text()
        id_type, id_number = str(self.id_type_combo.currentData()), self.id_edit.text()
        until = self._until()
        watchlist = self._station.watchlist
        self.add_button.setEnabled(False)  # one tap, one entry
        QueryOp(
            self,
            lambda: watchlist.add(
                name, reason, company=company, id_type=id_type, id_number=id_number, until=until
            ),
            self._added,
        ).failure(self._add_failed).run_in_background()

    def _added(self, _entry_id: int) -> None:
        self.add_button.setEnabled(True)
        self.status.setText(self.tr("Added: check-ins by this person are now held for a supervisor."))
        for edit in (self.name_edit, self.company_edit, self.id_edit, self.reason_edit):
            edit.clear()
        self.refresh()

    def _add_failed(self, error: Exception) -> None:
        self.add_button.setEnabled(True)
        self.status.show_error(error_message(error))

    def _remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not self._permitted or not rows:
            self.status.show_error(self.tr("Select a person in the table first."))
            return
        entry_id = self.model.entry(rows[0].row()).entry_id
        QueryOp(self, lambda: self._station.watchlist.remove(entry_id), self._removed).run_in_background()

    def _removed(self, _result: None) -> None:
        self.status.setText(self.tr("Removed from the watchlist."))
        self.refresh()
