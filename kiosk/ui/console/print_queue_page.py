"""The print queue as the desk sees it: every job, where it printed, what waits and why."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QScrollArea, QVBoxLayout

from kiosk.app import KioskApp
from kiosk.devices.interfaces import PrinterStatus
from kiosk.domain.errors import ValidationError
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.views import PrintOutcome
from kiosk.services.print_queue import JobView, PrintQueue
from kiosk.ui.common.background import run_in_background
from kiosk.ui.common.messages import validation_message
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

QUEUE_REFRESH_MS = 2000
PRINTER_STATUS_MS = 10000


class PrintJobTableModel(RowTableModel[JobView]):
    """The newest print jobs: what printed where, and what is still waiting and why."""

    def __init__(self, zone: ZoneInfo, queue: PrintQueue) -> None:
        super().__init__(
            (
                self.tr("Job"),
                self.tr("Document"),
                self.tr("Number"),
                self.tr("State"),
                self.tr("Tries"),
                self.tr("Printer"),
                self.tr("Problem / next try"),
            )
        )
        self._zone = zone
        self._queue = queue

    def job(self, row: int) -> JobView:
        return self.row_value(row)

    def background(self, value: JobView, column: int) -> QBrush | None:
        return None if value.status is PrintJobStatus.PRINTED else QBrush(QColor("#fff3cd"))

    def display(self, job: JobView, column: int) -> str:
        cells = (
            str(job.job_id),
            self._document_name(job.document) + (self.tr(" (copy)") if job.copy else ""),
            job.reference,
            self._state(job.status),
            str(job.attempts),
            printer_name(self._queue, job.printer),
        )
        if column < len(cells):
            return cells[column]
        if job.status is PrintJobStatus.PRINTED:
            return ""
        next_try = job.next_attempt_at.astimezone(self._zone).strftime("%H:%M:%S")
        return f"{print_problem(self._queue, job.last_error)}  →  {next_try}".strip()

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
        }
        return names.get(kind, kind)

    def _state(self, status: PrintJobStatus) -> str:
        if status is PrintJobStatus.PRINTED:
            return self.tr("Printed")
        if status is PrintJobStatus.QUEUED:
            return self.tr("Queued")
        return self.tr("Waiting for printer")


class PrintQueuePage(SectionPage):
    """The job list, each printer's state, and "send now" / "reprint (copy)" for the selected job."""

    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("printQueuePage")
        self._app = app
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Print queue"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.printer_label = named(QLabel(), "printerStatusLabel", self.tr("Printer state"))
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.printer_label)
        layout.addLayout(header)
        self.model = PrintJobTableModel(app.site.timezone, app.print_queue)
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
        self.send_now_button.clicked.connect(lambda: self._act(self._app.print_queue.send_now))
        self.reprint_button.clicked.connect(lambda: self._act(self._app.print_queue.reprint))

        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(QUEUE_REFRESH_MS)
        # Asking a printer for its status can take a network round trip: off the GUI thread.
        self._status_timer = QTimer(self)
        self._status_timer.timeout.connect(self.refresh_printers)
        self._status_timer.start(PRINTER_STATUS_MS)
        self.refresh()
        self.refresh_printers()

    def refresh(self) -> None:
        selected = self.selected_job_id()
        jobs = self._app.print_queue.jobs()
        self.model.set_rows(jobs)
        for row, job in enumerate(jobs):
            if job.job_id == selected:
                self.table.selectRow(row)

    def refresh_printers(self) -> None:
        run_in_background(self, self._app.print_queue.printer_states, self._show_printers, lambda _e: None)

    def _show_printers(self, states: list[tuple[str, PrinterStatus]]) -> None:
        queue = self._app.print_queue
        self.printer_label.setText(
            "   ".join(
                self.tr("%1: %2")
                .replace("%1", printer_name(queue, name))
                .replace("%2", printer_state_name(state))
                for name, state in states
            )
        )

    def _show_preview(self) -> None:
        job_id = self.selected_job_id()
        if job_id is None:
            self.preview.clear()
            return
        data, width = self._app.print_queue.preview(job_id)
        self.preview.setPixmap(printout_pixmap(data, width).scaledToWidth(400))

    def selected_job_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.job(rows[0].row()).job_id if rows else None

    def _act(self, action: object) -> None:
        job_id = self.selected_job_id()
        if job_id is None:
            self.status_label.show_error(self.tr("Select a job in the table first."))
            return
        assert callable(action)
        run_in_background(self, lambda: action(job_id, self._app.actor), self._done, self._failed)

    def _done(self, outcome: PrintOutcome) -> None:
        if outcome.printed:
            self.status_label.setText(
                self.tr("Printed on %1.").replace("%1", printer_name(self._app.print_queue, outcome.printer))
            )
        else:
            self.status_label.show_error(
                self.tr("Not printed: %1").replace("%1", print_problem(self._app.print_queue, outcome.error))
            )
        self.refresh()

    def _failed(self, error: Exception) -> None:
        message = validation_message(error) if isinstance(error, ValidationError) else str(error)
        self.status_label.show_error(message)
