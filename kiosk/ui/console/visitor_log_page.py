"""The visitor log at the desk (来人来访记录表): search, page, export (supervisors), daily statistics."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.client.http import AccessRefusedError
from kiosk.client.station import Station
from kiosk.client.visitor_log import Exported
from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import DailyStats, LogCursor, LogPage, LogRow
from kiosk.domain.visit import VisitorType, VisitStatus
from kiosk.domain.visitor_log import LogFilter, call_line, calls_text, parse_filter, registered_by
from kiosk.ui.common.messages import error_message, validation_message
from kiosk.ui.common.operations import QueryOp, Report
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import (
    SectionPage,
    StatusLabel,
    action_button,
    ask_save_path,
    date_edit,
    id_type_names,
    named,
    purpose_words,
    table_view,
)
from kiosk.ui.console.visitor_log_detail import call_words, detail_text

# Asks where to save: (dialog title, suggested file name, file-type filter) -> a path, "" if cancelled.
AskSavePath = Callable[[str, str, str], str]


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class VisitorLogTableModel(RowTableModel[LogRow]):
    def __init__(self, page: VisitorLogPage) -> None:
        super().__init__(
            (
                self.tr("Arrived"),
                self.tr("Name"),
                self.tr("Company"),
                self.tr("Type"),
                self.tr("Host"),
                self.tr("ID number"),
                self.tr("Time in"),
                self.tr("Time out"),
                self.tr("Status"),
                self.tr("Registered by"),
                self.tr("Calls"),
            )
        )
        self._page = page

    # The calls column holds the compact lines; its tooltip adds what the clerk wrote of each.
    _CALLS = 10

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == self._CALLS:
            row = self.row_value(index.row())
            lines = [
                call_line(call, self._page.zone, self._page.labels, with_note=True) for call in row.calls
            ]
            return "\n".join(lines) or None
        return super().data(index, role)

    def visit(self, row: int) -> LogRow:
        return self.row_value(row)

    def display(self, row: LogRow, column: int) -> str:
        when = self._page.when
        return (
            when(row.requested_at, "%Y-%m-%d %H:%M"),
            row.visitor_name,
            row.company,
            self._page.labels[row.visitor_type.value],
            row.host_name,
            row.id_masked or "—",
            when(row.checked_in_at, "%H:%M"),
            when(row.checked_out_at, "%H:%M"),
            self._page.labels[row.status.value],
            registered_by(row, self._page.labels),
            calls_text(row.calls, self._page.zone, self._page.labels),
        )[column]


class HourlyTableModel(RowTableModel[tuple[int, int]]):
    """One row per hour of the day: the arrivals, with a bar to see the busy hours at a glance."""

    def __init__(self) -> None:
        super().__init__((self.tr("Hour"), self.tr("Visits"), ""))
        self._most = 1

    def set_counts(self, counts: list[int]) -> None:
        self._most = max(1, *counts)
        self.set_rows(list(enumerate(counts)))

    def display(self, value: tuple[int, int], column: int) -> str:
        hour, count = value
        bar = "█" * round(20 * count / self._most) if count else ""
        return (f"{hour:02d}:00–{hour:02d}:59", str(count), bar)[column]


class VisitorLogPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("visitorLogPage")
        self._station = station
        self._filter: LogFilter | None = None
        # The cursor each page starts after: [None] is the first page; Next pushes, Previous pops.
        self._starts: list[LogCursor | None] = [None]
        self._next: LogCursor | None = None
        self.ask_save_path: AskSavePath = self._ask_with_dialog
        self.labels = self._make_labels()

        layout = QVBoxLayout(self)
        self.tabs = named(QTabWidget(), "visitorLogTabs", self.tr("Visitor log views"))
        layout.addWidget(self.tabs)
        self.tabs.addTab(self._search_tab(), self.tr("Search"))
        self.tabs.addTab(self._stats_tab(), self.tr("Daily statistics"))
        self.status = StatusLabel("visitorLogStatus", self.tr("Last action result"))
        layout.addWidget(self.status)
        # The last person's search criteria (names, ID digits) go with them.
        self.transient(self.status, self.name_edit, self.company_edit, self.host_edit, self.last_four_edit)

    # -- building -----------------------------------------------------------------------------

    def _make_labels(self) -> dict[str, str]:
        """Words for stored values, in the desk's language (the table and the exports use them)."""
        return {
            VisitorType.GUEST.value: self.tr("Visitor"),
            VisitorType.CONTRACTOR.value: self.tr("Contractor"),
            VisitorType.DELIVERY.value: self.tr("Delivery"),
            VisitorType.INTERVIEW.value: self.tr("Interview"),
            VisitorType.GOVERNMENT.value: self.tr("Government"),
            VisitorType.IDC_VISIT.value: self.tr("IDC machine room"),
            VisitStatus.PENDING.value: self.tr("Waiting"),
            VisitStatus.HELD.value: self.tr("Held"),
            VisitStatus.DECLINED.value: self.tr("Declined"),
            VisitStatus.ON_SITE.value: self.tr("On site"),
            VisitStatus.CHECKED_OUT.value: self.tr("Left"),
            **id_type_names(),
            **call_words(),
        }

    def _date_edit(self, object_name: str, accessible: str, day: date) -> QDateEdit:
        return date_edit(object_name, accessible, day)

    def _search_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        today = self._today()
        self.first_day_edit = self._date_edit(
            "visitorLogFirstDayEdit", self.tr("From"), today - timedelta(days=6)
        )
        self.last_day_edit = self._date_edit("visitorLogLastDayEdit", self.tr("To"), today)
        self.name_edit = named(QLineEdit(), "visitorLogNameEdit", self.tr("Visitor name"))
        self.company_edit = named(QLineEdit(), "visitorLogCompanyEdit", self.tr("Company"))
        self.host_edit = named(QLineEdit(), "visitorLogHostEdit", self.tr("Host or department"))
        self.last_four_edit = named(QLineEdit(), "visitorLogLastFourEdit", self.tr("Last four of the ID"))
        self.last_four_edit.setMaxLength(8)
        self.type_combo = named(QComboBox(), "visitorLogTypeCombo", self.tr("Visitor type"))
        self.type_combo.addItem(self.tr("All types"), None)
        for kind in VisitorType:
            self.type_combo.addItem(self.labels[kind.value], kind.value)
        grid = QGridLayout()
        fields: list[tuple[str, QWidget]] = [
            (self.tr("From"), self.first_day_edit),
            (self.tr("To"), self.last_day_edit),
            (self.tr("Type"), self.type_combo),
            (self.tr("Last four of the ID"), self.last_four_edit),
            (self.tr("Name"), self.name_edit),
            (self.tr("Company"), self.company_edit),
            (self.tr("Host or department"), self.host_edit),
        ]
        for n, (label, widget) in enumerate(fields):
            grid.addWidget(QLabel(label), n // 4, (n % 4) * 2)
            grid.addWidget(widget, n // 4, (n % 4) * 2 + 1)
        self.search_button = action_button(
            self.tr("Search"), "visitorLogSearchButton", self.tr("Search the log")
        )
        grid.addWidget(self.search_button, 1, 7)
        layout.addLayout(grid)
        for edit in (self.name_edit, self.company_edit, self.host_edit, self.last_four_edit):
            edit.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)

        self.model = VisitorLogTableModel(self)
        self.table = table_view("visitorLogTable", self.tr("Visits found"), self.model)
        layout.addWidget(self.table, 1)
        # The chosen visit: who registered the visitor and each call, with what the clerk wrote.
        self.detail_label = named(QLabel(), "visitorLogDetailLabel", self.tr("The visit chosen"))
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.detail_label)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)

        row = QHBoxLayout()
        self.previous_button = action_button(
            self.tr("Previous page"), "visitorLogPreviousButton", self.tr("Previous page")
        )
        self.next_button = action_button(self.tr("Next page"), "visitorLogNextButton", self.tr("Next page"))
        self.page_label = named(QLabel(), "visitorLogPageLabel", self.tr("Page"))
        self.csv_button = action_button(
            self.tr("Export CSV"), "visitorLogExportCsvButton", self.tr("Export the result to CSV")
        )
        self.xlsx_button = action_button(
            self.tr("Export Excel"), "visitorLogExportXlsxButton", self.tr("Export the result to Excel")
        )
        for widget in (self.previous_button, self.page_label, self.next_button):
            row.addWidget(widget)
        row.addStretch(1)
        # Says why the export buttons are greyed out, where they are.
        self.export_note = named(
            QLabel(self.tr("Only supervisors can export the visitor log.")),
            "visitorLogExportNote",
            self.tr("Why export is not available"),
        )
        self.export_note.setStyleSheet("color: #555;")
        row.addWidget(self.export_note)
        row.addWidget(self.csv_button)
        row.addWidget(self.xlsx_button)
        layout.addLayout(row)
        self.previous_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self._show_paging()
        return tab

    def _stats_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.stats_day_edit = self._date_edit("visitorLogStatsDayEdit", self.tr("Day"), self._today())
        self.stats_button = action_button(
            self.tr("Show statistics"), "visitorLogStatsButton", self.tr("Show the day's statistics")
        )
        row.addWidget(QLabel(self.tr("Day")))
        row.addWidget(self.stats_day_edit)
        row.addWidget(self.stats_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.stats_summary = named(QLabel(), "visitorLogStatsSummary", self.tr("The day in figures"))
        self.stats_summary.setWordWrap(True)
        layout.addWidget(self.stats_summary)
        self.hourly_model = HourlyTableModel()
        self.hourly_table = table_view("visitorLogHourlyTable", self.tr("Visits per hour"), self.hourly_model)
        layout.addWidget(self.hourly_table, 1)
        self.stats_button.clicked.connect(self.show_statistics)
        return tab

    # -- helpers ------------------------------------------------------------------------------

    def _today(self) -> date:
        return self._station.clock.now().astimezone(self._station.site.timezone).date()

    @property
    def zone(self) -> tzinfo:
        return self._station.site.timezone

    def _show_detail(self, current: QModelIndex) -> None:
        if not current.isValid() or current.row() >= self.model.rowCount():
            self.detail_label.clear()
            return
        row = self.model.visit(current.row())
        self.detail_label.setText(detail_text(row, self.labels, purpose_words(), self.zone))

    def when(self, moment: datetime | None, fmt: str) -> str:
        return moment.astimezone(self._station.site.timezone).strftime(fmt) if moment else ""

    def _can(self, permission: Permission) -> bool:
        return self.session is not None and allowed(self.session.role, permission)

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        may_export = self._can(Permission.EXPORT_VISITOR_LOG)
        why_not = "" if may_export else self.export_note.text()
        for button in (self.csv_button, self.xlsx_button):
            button.setEnabled(may_export)
            button.setToolTip(why_not)  # Qt shows a disabled button's tooltip too
        self.export_note.setVisible(who is not None and not may_export)
        if who is None:
            # Locked or signed out: nothing of the log stays on the screen.
            self._filter = None
            self.model.set_rows([])
            self.detail_label.clear()
            self.hourly_model.set_rows([])
            self.stats_summary.clear()
            self.status.clear()
            self._starts, self._next = [None], None
            self._show_paging()

    def _message(self, error: ValidationError) -> str:
        own = {
            ("date_range", "reversed"): self.tr("The last day is before the first day."),
            ("date_range", "too_long"): self.tr("Search at most {max} days at a time."),
            ("last_four", "length"): self.tr("Type the last four characters of the ID number."),
            ("last_four", "characters"): self.tr("The last four of an ID number are digits or letters."),
            ("export", "not_permitted"): self.tr("Only a supervisor can export the visitor log."),
        }
        text = own.get((error.field, error.code))
        if text is None and error.code == "too_long":
            text = self.tr("That is too long to search for (at most {max} characters).")
        if text is None:
            return validation_message(error)
        for key, value in error.params.items():
            text = text.replace("{" + key + "}", str(value))
        return text

    def _failed(self, error: Exception) -> None:
        """A refusal in this page's own words where it has them, else the general ones."""
        if isinstance(error, ValidationError):
            self.status.show_error(self._message(error))
        elif isinstance(error, AccessRefusedError) and error.code == "forbidden":
            self.status.show_error(self.tr("Only a supervisor can export the visitor log."))
        elif isinstance(error, OSError) and not isinstance(error, ConnectionError):
            self.status.show_error(
                self.tr("Could not save the file: %1").replace("%1", error.strerror or str(error))
            )
        else:
            self.status.show_error(error_message(error))

    def _read_filter(self) -> LogFilter:
        kind = self.type_combo.currentData()
        return parse_filter(
            _to_date(self.first_day_edit.date()),
            _to_date(self.last_day_edit.date()),
            name=self.name_edit.text(),
            company=self.company_edit.text(),
            host=self.host_edit.text(),
            last_four=self.last_four_edit.text(),
            visitor_type=VisitorType(kind) if kind else None,
        )

    # -- search and paging --------------------------------------------------------------------

    def search(self) -> None:
        if not self._can(Permission.SEARCH_VISITOR_LOG):
            return
        try:
            self._filter = self._read_filter()
        except ValidationError as error:
            self.status.show_error(self._message(error))
            return
        self._starts = [None]
        self._load()

    def next_page(self) -> None:
        if self._next is not None:
            self._starts.append(self._next)
            self._load()

    def previous_page(self) -> None:
        if len(self._starts) > 1:
            self._starts.pop()
            self._load()

    def _load(self) -> None:
        if self._filter is None or not self._can(Permission.SEARCH_VISITOR_LOG):
            return
        log_filter, after = self._filter, self._starts[-1]
        # The paging buttons wait for the page: a second tap would skip one.
        self.previous_button.setEnabled(False)
        self.next_button.setEnabled(False)
        QueryOp(
            self, lambda: self._station.visitor_log.search(log_filter, after), self._show_page, key="search"
        ).failure(self._search_failed).run_in_background()

    def _search_failed(self, error: Exception) -> None:
        self._failed(error)
        self._show_paging()

    def _show_page(self, page: LogPage) -> None:
        if self._filter is None:  # locked meanwhile: nothing of the log on screen
            return
        self._next = page.next_cursor
        self.model.set_rows(page.rows)
        self.detail_label.clear()
        if not page.rows:
            self.status.setText(self.tr("No visits match."))
        else:
            self.status.setText(self.tr("%n visit(s) on this page.", "", len(page.rows)))
        self._show_paging()

    def _show_paging(self) -> None:
        self.page_label.setText(self.tr("Page %1").replace("%1", str(len(self._starts))))
        self.previous_button.setEnabled(len(self._starts) > 1)
        self.next_button.setEnabled(self._next is not None)

    # -- export -------------------------------------------------------------------------------

    def _ask_with_dialog(self, title: str, suggested: str, file_filter: str) -> str:
        return ask_save_path(self, title, suggested, file_filter)

    def export(self, fmt: str) -> None:
        """Export what the search found (every page) after asking where to save it."""
        if self.session is None:
            return
        try:
            log_filter = self._filter or self._read_filter()
        except ValidationError as error:
            self.status.show_error(self._message(error))
            return
        suggested = f"visitor-log-{log_filter.first_day:%Y%m%d}-{log_filter.last_day:%Y%m%d}.{fmt}"
        file_filter = self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("Excel workbooks (*.xlsx)")
        chosen = self.ask_save_path(self.tr("Export the visitor log"), suggested, file_filter)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        headers = (
            self.tr("Visit"),
            self.tr("Arrived"),
            self.tr("Time in"),
            self.tr("Time out"),
            self.tr("Name"),
            self.tr("Company"),
            self.tr("Type"),
            self.tr("Host"),
            self.tr("Department"),
            self.tr("ID document"),
            self.tr("ID number"),
            self.tr("Purpose"),
            self.tr("Badge"),
            self.tr("Status"),
            self.tr("Registered by"),
            self.tr("Calls"),
        )
        labels, purposes, sheet = self._make_labels(), purpose_words(), self.tr("Visitor log")

        def work(report: Report) -> Exported:
            # The dialog counts kilobytes received of the file's size.
            return self._station.visitor_log.export(
                log_filter,
                fmt,
                path,
                headers,
                labels,  # in the language of the moment, as the headers are
                purposes,
                sheet,
                lambda done, total: report(done // 1024, None if total is None else total // 1024),
            )

        def exported(result: Exported) -> None:
            self.status.setText(
                self.tr("Exported %1 visit(s) to %2.")
                .replace("%1", str(result.rows))
                .replace("%2", str(result.path))
            )

        QueryOp.reporting(self, work, exported).failure(self._failed).with_progress(
            self.tr("Exporting the visitor log (KB received)")
        ).run_in_background()

    # -- statistics ---------------------------------------------------------------------------

    def show_statistics(self) -> None:
        if not self._can(Permission.SEARCH_VISITOR_LOG):
            return
        day = _to_date(self.stats_day_edit.date())
        QueryOp(
            self, lambda: self._station.visitor_log.daily_stats(day), self._show_stats, key="stats"
        ).failure(self._failed).run_in_background()

    def _show_stats(self, stats: DailyStats) -> None:
        if self.session is None:
            return
        self.hourly_model.set_counts(stats.per_hour)
        self.stats_summary.setText(self._summary(stats))

    def _summary(self, stats: DailyStats) -> str:
        wait = (
            self.tr("%1 min %2 s")
            .replace("%1", str(int(stats.average_wait.total_seconds()) // 60))
            .replace("%2", str(int(stats.average_wait.total_seconds()) % 60))
            if stats.average_wait is not None
            else "—"
        )
        peak_at = self.when(stats.peak_at, "%H:%M") or "—"
        types = ", ".join(
            f"{self.labels[kind.value]} {count}"
            for kind, count in sorted(stats.per_type.items(), key=lambda item: -item[1])
        )
        lines = [
            self.tr("Visits: %1 (%2 people)")
            .replace("%1", str(stats.visits))
            .replace("%2", str(stats.visitors)),
            self.tr("By type: %1").replace("%1", types or "—"),
            self.tr("Average wait for the host: %1 (%2 decisions)")
            .replace("%1", wait)
            .replace("%2", str(stats.decided)),
            self.tr("Most on site at once: %1, at %2")
            .replace("%1", str(stats.peak_on_site))
            .replace("%2", peak_at),
        ]
        return "\n".join(lines)
