"""Evacuation: one tap shows and prints everyone on site for the roll call."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from kiosk.app import KioskApp
from kiosk.domain.documents import EvacuationEntry
from kiosk.services.audit import Actor
from kiosk.services.evacuation import EvacuationUnavailableError
from kiosk.services.staff import SignedIn
from kiosk.ui.common.background import run_in_background
from kiosk.ui.common.i18n import current_language
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
    def __init__(self, app: KioskApp) -> None:
        super().__init__(
            (
                self.tr("Visitor"),
                self.tr("Company"),
                self.tr("Host"),
                self.tr("Time in"),
                self.tr("Badge or card"),
            )
        )
        self._zone = app.site.timezone

    def display(self, person: EvacuationEntry, column: int) -> str:
        return (
            person.visitor_name,
            person.company,
            person.host,
            person.time_in.astimezone(self._zone).strftime("%H:%M"),
            person.badge_or_card,
        )[column]


class EvacuationPage(SectionPage):
    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("evacuationPage")
        self._app = app
        self._actor: Actor | None = None
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
        self.model = EvacuationTableModel(app)
        self.table = table_view("evacuationTable", self.tr("Everyone on site"), self.model)
        self.status = StatusLabel("evacuationStatus", self.tr("Printing result"))
        for widget in (self.button, self.summary, self.table, self.status):
            layout.addWidget(widget)
        self.transient(self.status)

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        self._actor = who.actor if who is not None else None

    def roll_call(self) -> None:
        try:
            sheet = self._app.evacuation.roll_call()
        except EvacuationUnavailableError:
            self.summary.show_error(
                self.tr("The on-site list cannot be read: no database and no local copy.")
            )
            return
        self.model.set_rows(list(sheet.people))
        zone = self._app.site.timezone
        text = self.tr("%n on site at %1.").replace("%n", str(len(sheet.people)))
        text = text.replace("%1", sheet.as_of.astimezone(zone).strftime("%H:%M"))
        if sheet.from_snapshot:
            text += " " + self.tr("Database unreachable: this is the last local copy.")
        self.summary.setText(text)
        self.status.setText(self.tr("Printing…"))
        actor = self._actor or self._app.actor
        language = current_language()
        run_in_background(
            self,
            lambda: self._app.evacuation.print(sheet, language, actor),
            self._printed,
            self._print_failed,
        )

    def _printed(self, printer: str) -> None:
        self.status.setText(
            self.tr("Printed on %1.").replace("%1", printer_name(self._app.print_queue, printer))
        )

    def _print_failed(self, error: Exception) -> None:
        self.status.show_error(
            self.tr("NOT printed: %1. Use the list on screen.").replace(
                "%1", print_problem(self._app.print_queue, str(error))
            )
        )
