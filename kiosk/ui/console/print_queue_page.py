"""The print queue as the desk sees it: every job, where it printed, what waits and why."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QScrollArea, QVBoxLayout

from kiosk.client.station import Station
from kiosk.devices.interfaces import PrinterStatus
from kiosk.domain.printing import NEVER, PrintJobStatus, is_unprintable
from kiosk.domain.staff import SignedIn
from kiosk.domain.views import PrintJobView, PrintOutcome, StationPrinters
from kiosk.printing.catalog import UnprintableError, render_stored
from kiosk.printing.send import Printer
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.printout_preview import printout_pixmap
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import (
    SectionPage,
    action_button,
    button_row,
    named,
    print_problem,
    printer_name,
    printer_state_name,
    table_view,
)

# The server's events after which the list is read again (while the page is on screen).
QUEUE_TOPICS = frozenset({"print_queue", "connected", "resync"})
# Stations report their printers after every print round (every few seconds): a report older than
# this means the station has stopped (switched off, or without the network).
PRINTERS_STALE_AFTER = timedelta(minutes=1)


def station_label(station: str) -> str:
    """A job's station as the desk reads it: its name, or the site server's own printers."""
    return station or QCoreApplication.translate("PrintQueuePage", "site server")


class PrintJobTableModel(RowTableModel[PrintJobView]):
    """The newest print jobs of every station: what printed where, what is still waiting and why."""

    def __init__(self, zone: ZoneInfo, printers: list[Printer]) -> None:
        super().__init__(
            (
                self.tr("Job"),
                self.tr("Station"),
                self.tr("Document"),
                self.tr("Number"),
                self.tr("State"),
                self.tr("Tries"),
                self.tr("Printer"),
                self.tr("Problem / next try"),
            )
        )
        self._zone = zone
        self._printers = printers  # this station's own: named as the desk knows them

    def job(self, row: int) -> PrintJobView:
        return self.row_value(row)

    def background(self, value: PrintJobView, column: int) -> QBrush | None:
        return None if value.status is PrintJobStatus.PRINTED else QBrush(QColor("#fff3cd"))

    def display(self, job: PrintJobView, column: int) -> str:
        cells = (
            str(job.job_id),
            station_label(job.station),
            self._document_name(job.document) + (self.tr(" (copy)") if job.copy else ""),
            job.reference,
            self._state(job),
            str(job.attempts),
            printer_name(self._printers, job.printer),
        )
        if column < len(cells):
            return cells[column]
        if job.status is PrintJobStatus.PRINTED:
            return ""
        if job.next_attempt_at >= NEVER:  # not retried: the problem alone
            return print_problem(self._printers, job.last_error)
        next_try = job.next_attempt_at.astimezone(self._zone).strftime("%H:%M:%S")
        return f"{print_problem(self._printers, job.last_error)}  →  {next_try}".strip()

    def _document_name(self, kind: str) -> str:
        # Every kind of kiosk.printing.catalog.KINDS (a test keeps the two in step).
        names = {
            "badge": self.tr("Visitor badge"),
            "release-slip": self.tr("Release slip"),
            "receipt": self.tr("Receipt"),
            "reconciliation": self.tr("Pass reconciliation"),
            "card-issue": self.tr("Card issue confirmation"),
            "evacuation": self.tr("Evacuation list"),
            "cash-summary": self.tr("Cash summary"),
            "invitation": self.tr("Invitation"),
            "work-order": self.tr("Repair work order"),
            "phone-message": self.tr("Phone message"),
            "permit": self.tr("Permit (material / entry)"),
            "mail-label": self.tr("Mail label"),
            "courier-statement": self.tr("Courier statement"),
            "lost-item-tag": self.tr("Lost property tag"),
            "deposit-note": self.tr("Deposit deduction / forfeit note"),
        }
        return names.get(kind, kind)

    def _state(self, job: PrintJobView) -> str:
        if job.status is PrintJobStatus.PRINTED:
            return self.tr("Printed")
        if job.status is PrintJobStatus.QUEUED:
            return self.tr("Queued")
        if is_unprintable(job.last_error):
            return self.tr("Failed")
        return self.tr("Waiting for printer")


class PrintQueuePage(SectionPage):
    """Every station's jobs and printers, and "send now" / "reprint (copy)" for the selected job.

    A job prints at the station it belongs to: "send now" makes it due there at once (that station
    is told and prints it); a reprint is a copy, marked 副本 / COPY, printed at this desk, where
    the person who asked for it stands."""

    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("printQueuePage")
        self._station = station
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Print queue"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.printer_label = named(QLabel(), "printerStatusLabel", self.tr("Printer state"))
        self.printer_label.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.printer_label, 2)
        layout.addLayout(header)
        self.model = PrintJobTableModel(station.site.timezone, station.printers)
        self.table = table_view("printJobTable", self.tr("Print jobs"), self.model)
        # Short columns fit their content; the problem text takes the rest.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.preview = named(QLabel(), "printPreviewLabel", self.tr("Preview of the selected printout"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        preview_area = QScrollArea()
        preview_area.setWidget(self.preview)
        preview_area.setWidgetResizable(True)
        preview_area.setMinimumWidth(420)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(preview_area)
        layout.addLayout(body, 1)
        self.table.selectionModel().selectionChanged.connect(self._show_preview)
        self.status_label = self.add_status(layout, "printQueueStatusLabel", self.tr("Last action result"))
        self.send_now_button = action_button(
            self.tr("Send now"), "sendNowButton", self.tr("Send the selected waiting job to the printer now")
        )
        self.reprint_button = action_button(
            self.tr("Reprint (copy)"),
            "reprintButton",
            self.tr("Print the selected document again, marked as a copy"),
        )
        button_row(layout, self.send_now_button, self.reprint_button)
        self.send_now_button.clicked.connect(self._send_now)
        self.reprint_button.clicked.connect(self._reprint)

    # --- reading ----------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # whatever happened while another page was on screen

    def on_server_event(self, topic: str) -> None:
        if topic in QUEUE_TOPICS and self.isVisible():
            self.refresh()

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        if who is not None and self.isVisible():
            self.refresh()  # unlocked with this page on screen

    def refresh(self) -> None:
        """Read the jobs and the printers from the server, off the GUI thread (newest answer wins)."""
        if self.session is None:
            return
        queue = self._station.print_queue
        QueryOp(self, lambda: (queue.jobs(), queue.printers()), self._loaded, key="list").failure_in(
            self.status_label
        ).run_in_background()

    def _loaded(self, answer: tuple[list[PrintJobView], list[StationPrinters]]) -> None:
        jobs, printers = answer
        selected = self.selected_job_id()
        self.model.set_rows(jobs)
        for row, job in enumerate(jobs):
            if job.job_id == selected:
                self.table.selectRow(row)
        self._show_printers(printers)

    def _show_printers(self, stations: list[StationPrinters]) -> None:
        """Each station's printers as it last said (its own printer first, then its fallbacks)."""
        now = self._station.clock.now()
        lines = []
        for reported in stations:
            states = ", ".join(
                self.tr("%1: %2")
                .replace("%1", self._printer_word(reported.station, index, printer.name))
                .replace("%2", printer_state_name(_status(printer.status)))
                for index, printer in enumerate(reported.printers)
            )
            line = self.tr("%1 — %2").replace("%1", station_label(reported.station)).replace("%2", states)
            if now - reported.reported_at > PRINTERS_STALE_AFTER:
                line += self.tr(" (not heard from since %1)").replace(
                    "%1", reported.reported_at.astimezone(self._station.site.timezone).strftime("%H:%M")
                )
            lines.append(line)
        self.printer_label.setText("\n".join(lines))

    def _printer_word(self, station: str, index: int, name: str) -> str:
        if station == self._station.name:
            return printer_name(self._station.printers, name)
        # Another station's: named by its place in that station's list, never by its device URL.
        return (
            QCoreApplication.translate("widgets", "receipt printer")
            if index == 0
            else QCoreApplication.translate("widgets", "fallback printer")
        )

    def _show_preview(self) -> None:
        job_id = self.selected_job_id()
        if job_id is None:
            self.preview.clear()
            return
        queue, profile = self._station.print_queue, self._station.printers[0].profile

        def render() -> tuple[bytes, int] | None:
            # Laid out here, for this desk's first printer, from the document the server stored.
            stored = queue.document(job_id)
            try:
                data = render_stored(stored.document, stored.data, stored.language, profile, stored.copy)
            except UnprintableError:
                return None  # the job's own error says why
            return data, profile.paper_width_mm

        QueryOp(self, render, self._preview_ready, key="preview").failure_in(
            self.status_label
        ).run_in_background()

    def _preview_ready(self, rendered: tuple[bytes, int] | None) -> None:
        if self.selected_job_id() is None:
            return  # the selection went while it was being laid out
        if rendered is None:
            self.preview.setText(self.tr("This document cannot be laid out: there is nothing to preview."))
            return
        data, width = rendered
        self.preview.setPixmap(printout_pixmap(data, width).scaledToWidth(400))

    def selected_job_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.job(rows[0].row()).job_id if rows else None

    # --- acting ---------------------------------------------------------------------------------
    def _selected_job(self) -> PrintJobView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.status_label.show_error(self.tr("Select a job in the table first."))
            return None
        return self.model.job(rows[0].row())

    def _send_now(self) -> None:
        job = self._selected_job()
        if job is not None:
            queue = self._station.print_queue
            self._act(lambda: queue.send_now(job.job_id), station_label(job.station))

    def _reprint(self) -> None:
        job = self._selected_job()
        if job is not None:
            queue = self._station.print_queue
            self._act(lambda: queue.reprint(job.job_id), self._station.name)

    def _act(self, request: Callable[[], PrintOutcome], prints_at: str) -> None:
        """Send ``request`` to the server; a job it gives this station is printed in the same
        background work (``prints_at``: the station whose printer the job goes to)."""
        printing = self._station.printing
        QueryOp(
            self, lambda: printing.print_now(request()), lambda outcome: self._done(outcome, prints_at)
        ).failure_in(self.status_label).run_in_background()

    def _done(self, outcome: PrintOutcome, prints_at: str) -> None:
        printers = self._station.printers
        if outcome.printed:
            self.status_label.setText(
                self.tr("Printed on %1.").replace("%1", printer_name(printers, outcome.printer))
            )
        elif outcome.error is None:
            # Another station's job: it has been told, prints it, and the list shows when it has.
            self.status_label.setText(self.tr("Sent to the printer of %1.").replace("%1", prints_at))
        else:
            self.status_label.show_error(
                self.tr("Not printed: %1").replace("%1", print_problem(printers, outcome.error))
            )
        self.refresh()


def _status(value: str) -> PrinterStatus:
    try:
        return PrinterStatus(value)
    except ValueError:  # a newer station's word for it
        return PrinterStatus.UNKNOWN
