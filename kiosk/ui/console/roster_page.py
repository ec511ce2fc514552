"""The duty roster (大堂助理值班表) at the desk: a month as a grid (one row a person, one column a
day, each cell the shift they work), filled quickly from last month's pattern or the month's own
first week, then cell by cell (select cells, press a shift); submitted by the shift leader,
approved by another supervisor (signed in, or with their PIN here); once approved, a day's shift
is swapped to someone off that day with a supervisor's agreement and the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.client.station import Station
from kiosk.domain.errors import ValidationError
from kiosk.domain.monthly_figures import Month
from kiosk.domain.roster import CellChange, FillFrom, RosterPerson, RosterStatus, RosterView
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.messages import error_message, page_message
from kiosk.ui.common.operations import QueryOp, Report
from kiosk.ui.common.widgets import SectionPage, action_button, ask_save_path, cap_forms, named

T = TypeVar("T")
# One soft colour a shift, in the order the site lists them; weekends a shade darker.
SHIFT_COLOURS = ("#e3f2fd", "#fff3e0", "#ede7f6", "#e8f5e9", "#fce4ec", "#f1f8e9", "#e0f7fa", "#fff8e1")
WEEKEND = QColor("#f5f5f5")
_Index = QModelIndex | QPersistentModelIndex


def weekday_names() -> tuple[str, ...]:
    # Literals, so lupdate reads each one.
    return (
        QCoreApplication.translate("RosterGrid", "Mon"),
        QCoreApplication.translate("RosterGrid", "Tue"),
        QCoreApplication.translate("RosterGrid", "Wed"),
        QCoreApplication.translate("RosterGrid", "Thu"),
        QCoreApplication.translate("RosterGrid", "Fri"),
        QCoreApplication.translate("RosterGrid", "Sat"),
        QCoreApplication.translate("RosterGrid", "Sun"),
    )


def status_text(view: RosterView, zone: Any) -> str:
    """One line: where the month's roster stands and who did what."""
    if view.status is None:
        return QCoreApplication.translate("RosterPage", "%1: no roster drafted yet.").replace(
            "%1", view.month
        )
    if view.status is RosterStatus.DRAFT:
        text = (
            QCoreApplication.translate("RosterPage", "%1: draft by %2.")
            .replace("%1", view.month)
            .replace("%2", view.drafted_by_name)
        )
        if view.returned_reason:
            text += " " + QCoreApplication.translate("RosterPage", "Sent back: %1").replace(
                "%1", view.returned_reason
            )
        return text
    if view.status is RosterStatus.SUBMITTED:
        return (
            QCoreApplication.translate(
                "RosterPage", "%1: submitted by %2, waiting for another supervisor's approval."
            )
            .replace("%1", view.month)
            .replace("%2", view.submitted_by_name)
        )
    when = f"{view.approved_at.astimezone(zone):%m-%d %H:%M}" if view.approved_at else ""
    text = (
        QCoreApplication.translate("RosterPage", "%1: approved by %2 on %3.")
        .replace("%1", view.month)
        .replace("%2", view.approved_by_name)
        .replace("%3", when)
    )
    if view.swaps:
        text += " " + QCoreApplication.translate("RosterPage", "%1 swaps since.").replace(
            "%1", str(len(view.swaps))
        )
    return text


class RosterGrid(QAbstractTableModel):
    """One row a person, one column a day; a cell the shift's word (a swapped one marked ⇄)."""

    def __init__(self, parent: QObject) -> None:
        # Owned by its page: it goes with the page, not whenever Python collects it.
        super().__init__(parent)
        self.view: RosterView | None = None
        self.people: list[RosterPerson] = []
        self.days: list[date] = []
        self._cells: dict[tuple[int, date], tuple[str, str]] = {}
        self._colours: dict[str, QColor] = {}

    def set_view(self, view: RosterView) -> None:
        self.beginResetModel()
        self.view = view
        rostered = {c.staff_id for c in view.cells}
        self.people = [p for p in view.people if p.active or p.staff_id in rostered]
        month = Month(*(int(part) for part in view.month.split("-")))
        self.days = month.dates()
        self._cells = {(c.staff_id, c.day): (c.shift, c.planned_name) for c in view.cells}
        self._colours = {
            s.key: QColor(SHIFT_COLOURS[n % len(SHIFT_COLOURS)]) for n, s in enumerate(view.shifts)
        }
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.days)

    def shift_at(self, row: int, column: int) -> str:
        return self._cells.get((self.people[row].staff_id, self.days[column]), ("", ""))[0]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person, day = self.people[index.row()], self.days[index.column()]
        shift, planned = self._cells.get((person.staff_id, day), ("", ""))
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{shift}⇄" if planned else shift
        if role == Qt.ItemDataRole.ToolTipRole and planned:
            return QCoreApplication.translate("RosterGrid", "Swapped: planned for %1").replace("%1", planned)
        if role == Qt.ItemDataRole.BackgroundRole:
            if shift:
                return QBrush(self._colours.get(shift, WEEKEND))
            return QBrush(WEEKEND) if day.weekday() >= 5 else None
        if role == Qt.ItemDataRole.FontRole and planned:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.people[section].name if section < len(self.people) else None
        if section >= len(self.days):
            return None
        day = self.days[section]
        return f"{day.day}\n{weekday_names()[day.weekday()]}"


class RosterPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("rosterPage")
        self._station = station
        self._view: RosterView | None = None
        self._sending = False
        today = station.clock.now().astimezone(station.site.timezone).date()
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.month_combo = named(QComboBox(), "rosterMonthCombo", self.tr("Month of the roster"))
        first = Month.of(today)
        for n in range(-1, 4):
            month = Month.of(first.first_day + timedelta(days=31 * n + (0 if n >= 0 else -1)))
            self.month_combo.addItem(str(month), str(month))
        # Next month first: the shift leader draws it up at the month's end (seed 001).
        self.month_combo.setCurrentIndex(self.month_combo.findData(str(Month.of(first.after))))
        self.month_combo.currentIndexChanged.connect(self.refresh)
        self.status_line = named(QLabel(), "rosterStatusLine", self.tr("Where the roster stands"))
        self.status_line.setWordWrap(True)
        self.export_button = action_button(
            self.tr("Export Excel"), "rosterExportButton", self.tr("Export the month's roster")
        )
        self.export_button.clicked.connect(self.export_xlsx)
        top.addWidget(self.month_combo)
        top.addWidget(self.status_line, 1)
        top.addWidget(self.export_button)
        layout.addLayout(top)

        self.grid = RosterGrid(self)
        self.table = named(
            QTableView(), "rosterGrid", self.tr("The month's roster: one row a person, one column a day")
        )
        self.table.setModel(self.grid)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setDefaultSectionSize(46)
        self.table.verticalHeader().setDefaultSectionSize(30)
        layout.addWidget(self.table, 1)

        self.legend = named(QLabel(), "rosterLegend", self.tr("The shifts and their hours"))
        layout.addWidget(self.legend)

        draft = QGroupBox(self.tr("Draft (shift leader)"))
        draft_layout = QVBoxLayout(draft)
        self.shift_row = QHBoxLayout()
        self.shift_buttons: list[QPushButton] = []
        self.off_button = action_button(
            self.tr("Off"), "rosterOffButton", self.tr("Selected cells: off that day")
        )
        self.off_button.clicked.connect(lambda: self.set_selected(""))
        self.shift_row.addWidget(QLabel(self.tr("Selected cells:")))
        self.shift_row.addStretch(1)
        self.shift_row.addWidget(self.off_button)
        draft_layout.addLayout(self.shift_row)
        fills = QHBoxLayout()
        self.fill_last_button = action_button(
            self.tr("Copy last month's pattern"), "rosterFillLastMonthButton",
            self.tr("Fill the month from last month's roster, four weeks back"),
        )  # fmt: skip
        self.fill_week_button = action_button(
            self.tr("Repeat the first week"), "rosterFillWeekButton",
            self.tr("Fill days 8 onward from the month's first seven days"),
        )  # fmt: skip
        self.submit_button = action_button(
            self.tr("Submit for approval"),
            "rosterSubmitButton",
            self.tr("Submit the roster to the supervisor"),
        )
        self.fill_last_button.clicked.connect(lambda: self.fill(FillFrom.LAST_MONTH))
        self.fill_week_button.clicked.connect(lambda: self.fill(FillFrom.FIRST_WEEK))
        self.submit_button.clicked.connect(self.submit)
        for button in (self.fill_last_button, self.fill_week_button):
            fills.addWidget(button)
        fills.addStretch(1)
        fills.addWidget(self.submit_button)
        draft_layout.addLayout(fills)

        approval = QGroupBox(self.tr("Approval (supervisor)"))
        approval_layout = QHBoxLayout(approval)
        self.approver_edit = named(
            QLineEdit(), "rosterApproverEdit", self.tr("Approving supervisor's staff number")
        )
        self.approver_edit.setPlaceholderText(self.tr("Another supervisor (empty: you)"))
        self.approver_pin = named(QLineEdit(), "rosterApproverPinEdit", self.tr("Approving supervisor's PIN"))
        self.approver_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.approver_pin.setPlaceholderText(self.tr("PIN"))
        self.approve_button = action_button(
            self.tr("Approve"), "rosterApproveButton", self.tr("Approve the roster")
        )
        self.back_reason = named(QLineEdit(), "rosterSendBackReasonEdit", self.tr("Why it goes back"))
        self.back_reason.setPlaceholderText(self.tr("What to change"))
        self.back_button = action_button(
            self.tr("Send back to draft"), "rosterSendBackButton", self.tr("Send the roster back to draft")
        )
        self.approve_button.clicked.connect(self.approve)
        self.back_button.clicked.connect(self.send_back)
        for widget in (
            self.approver_edit,
            self.approver_pin,
            self.approve_button,
            self.back_reason,
            self.back_button,
        ):
            approval_layout.addWidget(widget)

        swap = QGroupBox(self.tr("Swap a shift (approved roster)"))
        swap_layout = QHBoxLayout(swap)
        self.swap_to = named(QComboBox(), "rosterSwapToCombo", self.tr("Who takes the shift"))
        self.swap_reason = named(QLineEdit(), "rosterSwapReasonEdit", self.tr("Why the shift is swapped"))
        self.swap_reason.setPlaceholderText(self.tr("Reason"))
        self.swap_supervisor = named(QLineEdit(), "rosterSwapSupervisorEdit", self.tr("Agreeing supervisor"))
        self.swap_supervisor.setPlaceholderText(self.tr("Supervisor (empty: you)"))
        self.swap_pin = named(QLineEdit(), "rosterSwapPinEdit", self.tr("Agreeing supervisor's PIN"))
        self.swap_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.swap_pin.setPlaceholderText(self.tr("PIN"))
        self.swap_button = action_button(
            self.tr("Record swap"),
            "rosterSwapButton",
            self.tr("Give the selected cell's shift to another person"),
        )
        self.swap_button.clicked.connect(self.swap)
        swap_layout.addWidget(QLabel(self.tr("Selected cell to:")))
        swap_widgets: tuple[QWidget, ...] = (
            self.swap_to, self.swap_reason, self.swap_supervisor, self.swap_pin, self.swap_button,
        )  # fmt: skip
        for swap_widget in swap_widgets:
            swap_layout.addWidget(swap_widget)
        for group in (draft, approval, swap):
            layout.addWidget(group)
        self.groups = (draft, approval, swap)
        self.status = self.add_status(layout, "rosterStatus", self.tr("Last action result"))
        self.transient(self.approver_pin, self.swap_pin, self.back_reason, self.swap_reason)
        cap_forms(self)
        self.set_session(None)

    # --- reading ----------------------------------------------------------------------------------
    def month(self) -> str:
        return str(self.month_combo.currentData())

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        self._enable()
        if who is not None and allowed(who.role, Permission.VIEW_ROSTER):
            self.refresh()

    def on_server_event(self, topic: str) -> None:
        if topic in ("roster", "connected", "resync") and self._may(Permission.VIEW_ROSTER):
            self.refresh()

    def _may(self, permission: Permission) -> bool:
        who = self.session
        return who is not None and allowed(who.role, permission)

    def refresh(self) -> None:
        roster, month = self._station.roster, self.month()
        QueryOp(self, lambda: roster.month(month), self.show_view, key="roster").failure(
            self._failed
        ).run_in_background()

    def show_view(self, view: RosterView) -> None:
        if view.month != self.month():
            return  # another month was chosen meanwhile
        self._view = view
        self.grid.set_view(view)
        self.status_line.setText(status_text(view, self._station.site.timezone))
        english = current_language() == "en"
        self.legend.setText("   ".join(s.label(english) for s in view.shifts))
        self._shift_buttons(view)
        chosen = self.swap_to.currentData()
        self.swap_to.clear()
        for person in view.people:
            if person.active:
                self.swap_to.addItem(person.name, person.staff_id)
        self.swap_to.setCurrentIndex(max(0, self.swap_to.findData(chosen)))
        self._enable()

    def _shift_buttons(self, view: RosterView) -> None:
        keys = [s.key for s in view.shifts]
        if [b.property("shift") for b in self.shift_buttons] == keys:
            return
        for button in self.shift_buttons:
            button.deleteLater()
        self.shift_buttons = []
        for n, shift in enumerate(view.shifts):
            button = action_button(
                shift.label(), f"rosterShiftButton{n}", self.tr("Selected cells: %1").replace("%1", shift.key)
            )
            button.setProperty("shift", shift.key)
            button.setStyleSheet(f"background: {SHIFT_COLOURS[n % len(SHIFT_COLOURS)]};")
            button.clicked.connect(lambda _=False, key=shift.key: self.set_selected(key))
            self.shift_row.insertWidget(1 + n, button)
            self.shift_buttons.append(button)

    def _enable(self) -> None:
        view, idle = self._view, not self._sending
        status = view.status if view is not None else None
        drafting = self._may(Permission.DRAFT_ROSTER) and idle and status in (None, RosterStatus.DRAFT)
        for button in (*self.shift_buttons, self.off_button, self.fill_last_button, self.fill_week_button):
            button.setEnabled(drafting)
        self.submit_button.setEnabled(drafting and status is RosterStatus.DRAFT)
        submitted = status is RosterStatus.SUBMITTED and idle and self._may(Permission.VIEW_ROSTER)
        self.approve_button.setEnabled(submitted)
        self.back_button.setEnabled(submitted and self._may(Permission.DRAFT_ROSTER))
        self.swap_button.setEnabled(
            status is RosterStatus.APPROVED and idle and self._may(Permission.VIEW_ROSTER)
        )
        self.export_button.setEnabled(idle and self._may(Permission.VIEW_ROSTER))

    # --- acting -----------------------------------------------------------------------------------
    def _send(self, op: Callable[[], RosterView], done: str) -> None:
        """``op`` at the server, off the GUI thread; the buttons wait for its answer."""
        self._sending = True
        self._enable()

        def succeeded(view: RosterView) -> None:
            self._sending = False
            self.show_view(view)
            self.status.setText(done)

        def refused(error: Exception) -> None:
            self._sending = False
            self._enable()
            self._failed(error)

        QueryOp(self, op, succeeded).failure(refused).run_in_background()

    def _selected(self) -> list[tuple[int, date]]:
        return [
            (self.grid.people[i.row()].staff_id, self.grid.days[i.column()])
            for i in self.table.selectionModel().selectedIndexes()
        ]

    def set_selected(self, shift: str) -> None:
        """The selected cells get ``shift`` ("" off), saved at once."""
        cells = self._selected()
        if not cells:
            self.status.show_error(self.tr("Select the cells first: a person's days in the grid."))
            return
        changes = [CellChange(day, staff_id, shift) for staff_id, day in cells]
        roster, month = self._station.roster, self.month()
        self._send(
            lambda: roster.edit(month, changes),
            self.tr("%1 cells saved in the draft.").replace("%1", str(len(changes))),
        )

    def fill(self, source: FillFrom) -> None:
        roster, month = self._station.roster, self.month()
        done = (
            self.tr("Filled from last month's pattern: check it, then edit the cells.")
            if source is FillFrom.LAST_MONTH
            else self.tr("The first week repeated over the month: check it, then edit the cells.")
        )
        self._send(lambda: roster.fill(month, source), done)

    def submit(self) -> None:
        roster, month = self._station.roster, self.month()
        self._send(lambda: roster.submit(month), self.tr("Submitted: another supervisor approves it."))

    def approve(self) -> None:
        roster, month = self._station.roster, self.month()
        approver, pin = self.approver_edit.text().strip(), self.approver_pin.text()
        self.approver_pin.clear()
        self._send(lambda: roster.approve(month, approver, pin), self.tr("Approved: the roster is in force."))

    def send_back(self) -> None:
        roster, month, reason = self._station.roster, self.month(), self.back_reason.text()
        self._send(lambda: roster.send_back(month, reason), self.tr("Sent back to draft."))

    def swap(self) -> None:
        cells = self._selected()
        if len(cells) != 1:
            self.status.show_error(self.tr("Select the one cell whose shift is swapped."))
            return
        [(from_staff, day)] = cells
        to_staff = self.swap_to.currentData()
        if not isinstance(to_staff, int):
            return
        reason, supervisor, pin = (
            self.swap_reason.text(),
            self.swap_supervisor.text().strip(),
            self.swap_pin.text(),
        )
        self.swap_pin.clear()
        roster, month = self._station.roster, self.month()
        self._send(
            lambda: roster.swap(month, day, from_staff, to_staff, reason, supervisor, pin),
            self.tr("Swap recorded for %1.").replace("%1", f"{day:%m-%d}"),
        )

    def export_xlsx(self) -> None:
        month = self.month()
        chosen = ask_save_path(
            self,
            self.tr("Export the duty roster"),
            f"duty-roster-{month}.xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
        words, roster = export_words(), self._station.roster

        def work(report: Report) -> Path:
            return roster.export(
                month,
                path,
                words,
                lambda done, total: report(done // 1024, None if total is None else total // 1024),
            )

        def exported(saved: Path) -> None:
            self.status.setText(self.tr("Exported the duty roster to %1.").replace("%1", str(saved)))

        QueryOp.reporting(self, work, exported).failure(self._failed).with_progress(
            self.tr("Exporting the duty roster (KB received)")
        ).run_in_background()

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, ValidationError):
            self.status.show_error(error_message(error))
            return
        messages = {
            ("roster", "uncovered"): self.tr(
                "%3 shifts have fewer than %4 people, the first on %1 (%2). Fill them first."
            ),
            ("roster", "draft"): self.tr("The roster is still a draft: submit it first."),
            ("roster", "submitted"): self.tr("The roster is submitted: send it back to draft to change it."),
            ("roster", "approved"): self.tr("The roster is approved and frozen: record a swap instead."),
            ("roster", "none"): self.tr("No roster is drafted for this month."),
            ("cells", "clash"): self.tr("%1's shift on %2 runs into their next day's shift."),
            ("cells", "too_many"): self.tr("At most %1 cells at once."),
            ("shift", "unknown"): self.tr("“%1” is not one of the site's shifts."),
            ("day", "not_in_month"): self.tr("That day is not in %1."),
            ("day", "past"): self.tr("That day is over: only today and later days are swapped."),
            ("month", "past"): self.tr("That month is over: its roster is not changed any more."),
            ("month", "too_far"): self.tr("A roster is drawn up at most %1 months ahead."),
            ("fill", "nothing_to_copy"): self.tr(
                "There is nothing to copy: fill the first week, or last month's roster."
            ),
            ("staff", "not_rostered"): self.tr(
                "Only active receptionists and supervisors are on the roster."
            ),
            ("staff", "not_allowed"): self.tr("Your role cannot do this. Ask a supervisor."),
            ("signer", "same_person"): self.tr(
                "The supervisor who submitted the roster does not approve it: another supervisor signs."
            ),
            ("signer", "not_allowed"): self.tr("Only a supervisor can agree to this."),
            ("from_staff", "off_that_day"): self.tr("The selected person has no shift that day."),
            ("to_staff", "on_that_day"): self.tr(
                "They already work that day (%1): choose someone who is off."
            ),
            ("to_staff", "clash"): self.tr("The shift would run into their shift of %1."),
            ("reason", "required"): self.tr("Write the reason."),
            ("reason", "too_long"): self.tr("The reason has at most %1 characters."),
        }
        self.status.show_error(page_message(messages, error))


def export_words() -> dict[str, str]:
    """The workbook's sheets and headings in the console's language, for the server."""
    found = {
        "Duty roster": QCoreApplication.translate("RosterExport", "Duty roster"),
        "Name": QCoreApplication.translate("RosterExport", "Name"),
        "Shifts": QCoreApplication.translate("RosterExport", "Shifts"),
        "Month": QCoreApplication.translate("RosterExport", "Month"),
        "Status": QCoreApplication.translate("RosterExport", "Status"),
        "Drafted by": QCoreApplication.translate("RosterExport", "Drafted by"),
        "Submitted by": QCoreApplication.translate("RosterExport", "Submitted by"),
        "Approved by": QCoreApplication.translate("RosterExport", "Approved by"),
        "Roster": QCoreApplication.translate("RosterExport", "Roster"),
        "Swaps": QCoreApplication.translate("RosterExport", "Swaps"),
        "Day": QCoreApplication.translate("RosterExport", "Day"),
        "Shift": QCoreApplication.translate("RosterExport", "Shift"),
        "From": QCoreApplication.translate("RosterExport", "From"),
        "To": QCoreApplication.translate("RosterExport", "To"),
        "Reason": QCoreApplication.translate("RosterExport", "Reason"),
        "Agreed by": QCoreApplication.translate("RosterExport", "Agreed by"),
        "Recorded by": QCoreApplication.translate("RosterExport", "Recorded by"),
        "draft": QCoreApplication.translate("RosterExport", "draft"),
        "submitted": QCoreApplication.translate("RosterExport", "submitted"),
        "approved": QCoreApplication.translate("RosterExport", "approved"),
        "none": QCoreApplication.translate("RosterExport", "none"),
    }
    found.update(dict(zip(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), weekday_names(), strict=True)))
    return found
