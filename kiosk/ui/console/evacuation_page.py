"""Evacuation: one tap shows and prints everyone on site for the roll call."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from kiosk.client.evacuation import EvacuationUnavailableError
from kiosk.client.station import Station
from kiosk.domain.documents import EvacuationEntry, EvacuationList
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import (
    SectionPage,
    StatusLabel,
    action_button,
    print_problem,
    printer_name,
    table_view,
)


class EvacuationTableModel(RowTableModel[EvacuationEntry]):
    def __init__(self, station: Station) -> None:
        super().__init__(
            (
                self.tr("Visitor"),
                self.tr("Company"),
                self.tr("Host"),
                self.tr("Time in"),
                self.tr("Badge or card"),
            )
        )
        self._zone = station.site.timezone

    def display(self, person: EvacuationEntry, column: int) -> str:
        return (
            person.visitor_name,
            person.company,
            person.host,
            person.time_in.astimezone(self._zone).strftime("%H:%M"),
            person.badge_or_card,
        )[column]


class EvacuationPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("evacuationPage")
        self._station = station
        self._permitted = False
        self._keeping = False  # a refresh of this station's copy is under way
        layout = QVBoxLayout(self)
        self.button = action_button(
            self.tr("EVACUATION: show and print everyone on site"),
            "evacuationPrintButton",
            self.tr("Show and print everyone on site for the roll call"),
        )
        self.button.setMinimumHeight(72)
        self.button.setStyleSheet("background: #c62828; color: white; font-size: 22px; font-weight: bold;")
        self.button.clicked.connect(self.roll_call)
        self.summary = StatusLabel("evacuationSummary", self.tr("How many are on site"), "font-size: 20px;")
        self.model = EvacuationTableModel(station)
        self.table = table_view("evacuationTable", self.tr("Everyone on site"), self.model)
        self.status = StatusLabel("evacuationStatus", self.tr("Printing result"))
        for widget in (self.button, self.summary, self.table, self.status):
            layout.addWidget(widget)
        self.transient(self.status)

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        self._permitted = who is not None and allowed(who.role, Permission.EVACUATION)
        if self._permitted:
            self._keep_copy()

    def on_server_event(self, topic: str) -> None:
        # Someone came or left: this station's copy follows, for a roll call without the server.
        if topic in ("board", "connected", "resync") and self._permitted:
            self._keep_copy()

    def _keep_copy(self) -> None:
        if self._keeping:
            return  # a burst of check-ins needs one fetch at a time, not one each
        self._keeping = True
        QueryOp(self, self._station.evacuation.refresh_copy, self._kept).failure(
            self._not_kept
        ).run_in_background()

    def _kept(self, _result: None) -> None:
        self._keeping = False

    def _not_kept(self, _error: Exception) -> None:
        self._keeping = False  # the old copy stays; logged by the operation

    def roll_call(self) -> None:
        self.button.setEnabled(False)
        QueryOp(self, self._station.evacuation.roll_call, self._show).failure(
            self._unavailable
        ).run_in_background()

    def _unavailable(self, error: Exception) -> None:
        self.button.setEnabled(True)
        if isinstance(error, EvacuationUnavailableError):
            self.summary.show_error(
                self.tr(
                    "The on-site list cannot be read: the server does not answer and this desk has no copy."
                )
            )
        else:
            self.summary.show_error(error_message(error))

    def _show(self, sheet: EvacuationList) -> None:
        self.button.setEnabled(True)
        self.model.set_rows(list(sheet.people))
        zone = self._station.site.timezone
        text = self.tr("%n on site at %1.").replace("%n", str(len(sheet.people)))
        text = text.replace("%1", sheet.as_of.astimezone(zone).strftime("%H:%M"))
        if sheet.station_copy:
            text += " " + self.tr("The server does not answer: this is this desk's last local copy.")
        elif sheet.from_snapshot:
            text += " " + self.tr("Database unreachable: this is the last local copy.")
        self.summary.setText(text)
        self.status.setText(self.tr("Printing…"))
        language = current_language()
        QueryOp(self, lambda: self._station.evacuation.print(sheet, language), self._printed).failure(
            self._print_failed
        ).run_in_background()

    def _printed(self, printer: str) -> None:
        self.status.setText(
            self.tr("Printed on %1.").replace("%1", printer_name(self._station.printers, printer))
        )

    def _print_failed(self, error: Exception) -> None:
        self.status.show_error(
            self.tr("NOT printed: %1. Use the list on screen.").replace(
                "%1", print_problem(self._station.printers, str(error))
            )
        )
