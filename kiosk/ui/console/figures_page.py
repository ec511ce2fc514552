"""The manager's monthly figures (统计分析) at the desk: a month picker and the month as charts,
each saved as a PNG with a tap, and the month's workbook (XLSX, a sheet a figure) from the server.

Supervisors only (the server refuses anyone else too). Charts are read at a glance on the desk's
1280x800 screen: the per-day ones across the page, the others two a row, the page scrolling.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.client.station import Station
from kiosk.domain.complaints import ComplaintSubject
from kiosk.domain.errors import ValidationError
from kiosk.domain.monthly_figures import FIRST_YEAR, LAST_YEAR, Month, MonthlyFigures
from kiosk.domain.repairs import RepairCategory
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp, Report
from kiosk.ui.common.widgets import SectionPage, action_button, ask_save_path, named
from kiosk.ui.console.board_repairs import category_text
from kiosk.ui.console.complaints_page import subject_name
from kiosk.ui.console.figure_charts import CHART_KEYS, build_charts

# Asks where to save: (dialog title, suggested file name, file-type filter) -> a path, "" if cancelled.
AskSavePath = Callable[[str, str, str], str]
CHART_HEIGHT = 320
# Charts with a bar lying down per category: each category's row tall enough for its name.
_ROW_HEIGHT = 34
# The charts across the whole page (a bar a day); the others share a row two by two.
_WIDE = ("visits_per_day", "slips_per_day", "receipts_per_day")


def repair_category_names() -> dict[str, str]:
    """Repair categories (报修分类) in the console's language, as the repairs page names them."""
    return {category.value: category_text(category) for category in RepairCategory}


def complaint_subject_names() -> dict[str, str]:
    """Complaint subjects in the console's language, as the complaints page names them."""
    return {subject.value: subject_name(subject) for subject in ComplaintSubject}


def table_words() -> dict[str, str]:
    """The workbook's words (sheets, headings) in the console's language, for the server."""
    words = {
        "Visitors per day": QCoreApplication.translate("FiguresPage", "Visitors per day"),
        "Visitors per hour": QCoreApplication.translate("FiguresPage", "Visitors per hour"),
        "Release slips per day": QCoreApplication.translate("FiguresPage", "Release slips per day"),
        "Receipts per day": QCoreApplication.translate("FiguresPage", "Receipts per day"),
        "Repairs by category": QCoreApplication.translate("FiguresPage", "Repairs by category"),
        "Complaints by subject": QCoreApplication.translate("FiguresPage", "Complaints by subject"),
        "Day": QCoreApplication.translate("FiguresPage", "Day"),
        "Hour": QCoreApplication.translate("FiguresPage", "Hour"),
        "Visits": QCoreApplication.translate("FiguresPage", "Visits"),
        "People": QCoreApplication.translate("FiguresPage", "People"),
        "Release slips": QCoreApplication.translate("FiguresPage", "Release slips"),
        "Receipts": QCoreApplication.translate("FiguresPage", "Receipts"),
        "Amount (yuan)": QCoreApplication.translate("FiguresPage", "Amount (yuan)"),
        "Refunds": QCoreApplication.translate("FiguresPage", "Refunds"),
        "Refunded (yuan)": QCoreApplication.translate("FiguresPage", "Refunded (yuan)"),
        "Category": QCoreApplication.translate("FiguresPage", "Category"),
        "Taken": QCoreApplication.translate("FiguresPage", "Taken"),
        "Completed": QCoreApplication.translate("FiguresPage", "Completed"),
        "Within limit": QCoreApplication.translate("FiguresPage", "Within limit"),
        "Late": QCoreApplication.translate("FiguresPage", "Late"),
        "Share within limit (%)": QCoreApplication.translate("FiguresPage", "Share within limit (%)"),
        "Subject": QCoreApplication.translate("FiguresPage", "Subject"),
        "Recorded": QCoreApplication.translate("FiguresPage", "Recorded"),
        "Serious": QCoreApplication.translate("FiguresPage", "Serious"),
        "Closed": QCoreApplication.translate("FiguresPage", "Closed"),
        "Average hours to close": QCoreApplication.translate("FiguresPage", "Average hours to close"),
    }
    return {**words, **repair_category_names(), **complaint_subject_names()}


class FiguresPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("figuresPage")
        self._station = station
        self.ask_save_path: AskSavePath = lambda title, suggested, kind: ask_save_path(
            self, title, suggested, kind
        )
        self.figures: MonthlyFigures | None = None
        self.charts: dict[str, QChart] = {}
        self.views: dict[str, QChartView] = {}
        self.cards: dict[str, QWidget] = {}

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.previous_button = action_button(
            self.tr("◀ Previous month"), "figuresPreviousMonthButton", self.tr("Previous month")
        )
        self.month_edit = named(QDateEdit(), "figuresMonthEdit", self.tr("Month"))
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setMinimumHeight(44)
        self.month_edit.setMinimumWidth(self.month_edit.fontMetrics().horizontalAdvance("2026-12") + 60)
        self.month_edit.setMinimumDate(QDate(FIRST_YEAR, 1, 1))
        self.next_button = action_button(
            self.tr("Next month ▶"), "figuresNextMonthButton", self.tr("Next month")
        )
        self.xlsx_button = action_button(
            self.tr("Export Excel"), "figuresExportXlsxButton", self.tr("Export the month's figures to Excel")
        )
        row.addWidget(QLabel(self.tr("Month")))
        for widget in (self.previous_button, self.month_edit, self.next_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.xlsx_button)
        layout.addLayout(row)
        self.summary = named(QLabel(), "figuresSummary", self.tr("The month in figures"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        scroll = named(QScrollArea(), "figuresScroll", self.tr("Charts"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        layout.addWidget(scroll, 1)
        self.status = self.add_status(layout, "figuresStatus", self.tr("Last action result"))

        self._set_month(self._this_month())
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.month_edit.dateChanged.connect(lambda _d: self.load())
        self.xlsx_button.clicked.connect(self.export_xlsx)

    # -- month --------------------------------------------------------------------------------

    def _this_month(self) -> Month:
        return Month.of(self._station.clock.now().astimezone(self._station.site.timezone).date())

    def month(self) -> Month:
        picked = self.month_edit.date()
        return Month(picked.year(), picked.month())

    def _set_month(self, month: Month) -> None:
        this = self._this_month()
        self.month_edit.setMaximumDate(QDate(this.year, this.month, 1))
        self.month_edit.setDate(QDate(month.year, month.month, 1))

    def _step(self, months: int) -> None:
        self.month_edit.setDate(self.month_edit.date().addMonths(months))

    def _can(self) -> bool:
        return self.session is not None and allowed(self.session.role, Permission.MONTHLY_FIGURES)

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        if who is None:
            self._show(None)  # locked or signed out: no figures left on screen
        elif self._can():
            # Opened afresh: this month, as the manager most often wants it.
            if self.month() != self._this_month():
                self._set_month(self._this_month())  # loads through dateChanged
            else:
                self.load()

    # -- loading ------------------------------------------------------------------------------

    def load(self) -> None:
        if not self._can():
            return
        month = self.month()
        QueryOp(
            self, lambda: self._station.monthly_figures.figures(month), self._loaded, key="figures"
        ).failure(self._failed).run_in_background()

    def _loaded(self, figures: MonthlyFigures) -> None:
        if self.session is None or figures.month != self.month():
            return
        self._show(figures)

    def _show(self, figures: MonthlyFigures | None) -> None:
        self.figures = figures
        for card in self.cards.values():
            self.grid.removeWidget(card)
            card.deleteLater()  # the chart view and its chart with it
        self.cards, self.views, self.charts = {}, {}, {}
        if figures is None:
            self.summary.clear()
            return
        self.summary.setText(self._summary(figures))
        self.charts = build_charts(figures, repair_category_names(), complaint_subject_names())
        row = column = 0
        rows = {
            "repairs_by_category": len(figures.repairs),
            "repairs_within_limit": len(figures.repairs),
            "complaints_by_subject": len(figures.complaints),
            "complaints_time_to_close": len(figures.complaints),
        }
        for key in CHART_KEYS:
            card = self._card(key, self.charts[key], 140 + _ROW_HEIGHT * rows.get(key, 0))
            if key in _WIDE:
                if column:
                    row, column = row + 1, 0
                self.grid.addWidget(card, row, 0, 1, 2)
                row += 1
            else:
                self.grid.addWidget(card, row, column)
                row, column = (row, 1) if column == 0 else (row + 1, 0)

    def _card(self, key: str, chart: QChart, height: int) -> QWidget:
        card = QWidget()
        layout = QVBoxLayout(card)
        layout.setContentsMargins(0, 0, 0, 8)
        view = named(QChartView(chart), f"figuresChart_{key}", chart.title())
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(max(CHART_HEIGHT, height))
        layout.addWidget(view)
        button = action_button(
            self.tr("Save as PNG"), f"figuresPng_{key}", self.tr("Save the chart as a PNG picture")
        )
        button.clicked.connect(lambda: self.export_png(key))
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        self.views[key], self.cards[key] = view, card
        return card

    def _summary(self, figures: MonthlyFigures) -> str:
        people = sum(figures.people_per_day)
        taken = sum(figures.receipts_fen_per_day) / 100
        share = figures.repairs_share_within
        complaints = figures.complaints
        lines = [
            self.tr("%1: %2 visits (%3 people), %4 release slips, %5 receipts taking %6 yuan.")
            .replace("%1", str(figures.month))
            .replace("%2", f"{figures.visits:,}")
            .replace("%3", f"{people:,}")
            .replace("%4", f"{sum(figures.slips_per_day):,}")
            .replace("%5", f"{sum(figures.receipts_per_day):,}")
            .replace("%6", f"{taken:,.2f}"),
            self.tr("Repairs: %1 taken, %2 within their limits. Complaints: %3 recorded, %4 serious.")
            .replace("%1", str(sum(r.taken for r in figures.repairs)))
            .replace("%2", "—" if share is None else f"{share * 100:.0f}%")
            .replace("%3", str(sum(c.recorded for c in complaints)))
            .replace("%4", str(sum(c.serious for c in complaints))),
        ]
        return "\n".join(lines)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ValidationError) and error.field == "month":
            self.status.show_error(
                self.tr("Choose a month from %1 to %2.")
                .replace("%1", f"{FIRST_YEAR}-01")
                .replace("%2", f"{LAST_YEAR}-12")
            )
        elif isinstance(error, OSError) and not isinstance(error, ConnectionError):
            self.status.show_error(
                self.tr("Could not save the file: %1").replace("%1", error.strerror or str(error))
            )
        else:
            self.status.show_error(error_message(error))

    # -- exports ------------------------------------------------------------------------------

    def _ask(self, title: str, suggested: str, file_filter: str, suffix: str) -> Path | None:
        chosen = self.ask_save_path(title, suggested, file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def export_png(self, key: str) -> None:
        """Save one chart, as it is on screen, as a PNG picture."""
        view = self.views.get(key)
        if view is None or self.figures is None:
            return
        suggested = f"{key.replace('_', '-')}-{self.figures.month}.png"
        path = self._ask(self.tr("Save the chart"), suggested, self.tr("PNG pictures (*.png)"), ".png")
        if path is None:
            return
        if view.grab().save(str(path), "PNG"):
            self.status.setText(self.tr("Saved the chart to %1.").replace("%1", str(path)))
        else:
            self.status.show_error(self.tr("Could not save the file: %1").replace("%1", str(path)))

    def export_xlsx(self) -> None:
        """The month's figures as one workbook, a sheet a figure, written by the server."""
        if not self._can():
            return
        month = self.month()
        path = self._ask(
            self.tr("Export the month's figures"),
            f"monthly-figures-{month}.xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
            ".xlsx",
        )
        if path is None:
            return
        words = table_words()

        def work(report: Report) -> Path:
            return self._station.monthly_figures.export(
                month,
                path,
                words,
                lambda done, total: report(done // 1024, None if total is None else total // 1024),
            )

        def exported(saved: Path) -> None:
            self.status.setText(
                self.tr("Exported the figures of %1 to %2.")
                .replace("%1", str(month))
                .replace("%2", str(saved))
            )

        QueryOp.reporting(self, work, exported).failure(self._failed).with_progress(
            self.tr("Exporting the month's figures (KB received)")
        ).run_in_background()
