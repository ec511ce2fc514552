"""Machine-room visitor passes (IDC机房访客证) at the desk: sign out, return, the pool, the
working day's 09:00 reconciliation signed by the desk and the machine-room duty guard (a missed
day's signed late with the reason), and the working-day calendar it follows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.api.passes import PassesBoard
from kiosk.client.http import RetryKey
from kiosk.client.station import Station
from kiosk.domain.deposits import DepositItem, DepositItemView
from kiosk.domain.documents import ReceiptPurpose
from kiosk.domain.errors import ValidationError
from kiosk.domain.identity import masked_from_last_four, validate_id_number
from kiosk.domain.machine_room_pass import (
    DiscrepancyDetail,
    DiscrepancyKind,
    MissedSheet,
    PassStatus,
    ReconciliationDue,
    parse_pass_numbers,
)
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import (
    DiscrepancyView,
    LoanReceipt,
    PassView,
    PassVisitor,
    PrintOutcome,
    ReconciliationView,
    ReturnOutcome,
)
from kiosk.domain.visitor import validate_company, validate_visitor_name
from kiosk.ui.common.audit_words import ActorTableModel
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.messages import error_message, page_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.table_model import RowTableModel, keeping_selection
from kiosk.ui.common.widgets import (
    SectionPage,
    action_button,
    id_type_combo,
    named,
    print_problem,
    printer_name,
    table_view,
)
from kiosk.ui.console.deposit_prompt import offer_refunds
from kiosk.ui.console.deposit_take import take_deposit
from kiosk.ui.console.work_calendar_tab import WorkCalendarTab

T = TypeVar("T")
WARNING = QColor("#ffcdd2")


class PoolTableModel(RowTableModel[PassView]):
    """Every pass: in the drawer, out (with whom, signed by whom, since when) or retired."""

    def __init__(self, station: Station) -> None:
        super().__init__(
            (
                self.tr("Pass"),
                self.tr("State"),
                self.tr("Visitor"),
                self.tr("Company"),
                self.tr("ID"),
                self.tr("Signed out by"),
                self.tr("Out since"),
            )
        )
        self._zone = station.site.timezone

    def entry(self, row: int) -> PassView:
        return self.row_value(row)

    def display(self, p: PassView, column: int) -> str:
        state = {
            PassStatus.IN: self.tr("In the drawer"),
            PassStatus.OUT: self.tr("Out"),
            PassStatus.RETIRED: self.tr("Retired"),
        }[p.status]
        since = p.issued_at.astimezone(self._zone).strftime("%m-%d %H:%M") if p.issued_at else ""
        return (p.number, state, p.visitor_name, p.company, p.id_masked, p.signed_by, since)[column]


class DiscrepancyTableModel(ActorTableModel[DiscrepancyView]):
    def __init__(self, station: Station) -> None:
        super().__init__(
            (
                self.tr("Reconciled on"),
                self.tr("Discrepancy"),
                self.tr("Pass"),
                self.tr("Detail"),
                self.tr("Resolved"),
            )
        )
        self._zone = station.site.timezone

    def entry(self, row: int) -> DiscrepancyView:
        return self.row_value(row)

    def background(self, value: DiscrepancyView, column: int) -> QBrush | None:
        return QBrush(WARNING) if value.open else None

    def display(self, d: DiscrepancyView, column: int) -> str:
        kind = {
            DiscrepancyKind.NOT_RETURNED: self.tr("Not returned"),
            DiscrepancyKind.NOT_RECORDED_OUT: self.tr("Returned, never signed out"),
            DiscrepancyKind.COUNT_MISMATCH: self.tr("Count does not match"),
        }[d.kind]
        if d.resolved_at is None:
            resolved = self.tr("OPEN")
        else:
            when = d.resolved_at.astimezone(self._zone).strftime("%m-%d %H:%M")
            resolved = f"{when} {self.actor(d.resolved_by or '')}: {d.resolution_note or ''}"
        return (d.due_on.isoformat(), kind, d.pass_number or "—", self._detail(d.detail), resolved)[column]

    def _detail(self, detail: DiscrepancyDetail) -> str:
        """What was found, in the console's language (the service stores it as data)."""
        if detail.visitor or detail.signed_by:
            return (
                self.tr("%1, signed out by %2").replace("%1", detail.visitor).replace("%2", detail.signed_by)
            )
        if detail.returned_at is not None:
            return (
                self.tr("Returned %1, received by %2")
                .replace("%1", detail.returned_at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M"))
                .replace("%2", self.actor(detail.received_by))
            )
        if detail.issued is not None and detail.counted is not None:
            return (
                self.tr("%1 issued, the guard counted %2")
                .replace("%1", str(detail.issued))
                .replace("%2", str(detail.counted))
            )
        return detail.text  # a row stored before details were data: as it was written


class MachineRoomPassesPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("machineRoomPassesPage")
        self._station = station
        self._visitors: list[PassVisitor] = []
        # The sheet shown as last read (None: no reconciliation today); a request under way.
        self._sheet: ReconciliationView | None = None
        self._board: PassesBoard | None = None
        self._sending = False
        # The passes of this desk's last sign-out that have no deposit taken here yet.
        self._lent: list[str] = []
        self._deposit_key = RetryKey()
        layout = QVBoxLayout(self)
        self.tabs = named(QTabWidget(), "passTabs", self.tr("Machine-room passes"))
        self.tabs.addTab(self._desk_tab(), self.tr("Sign out / return"))
        self.tabs.addTab(self._pool_tab(), self.tr("Pool"))
        self.tabs.addTab(self._reconciliation_tab(), self.tr("09:00 reconciliation"))
        layout.addWidget(self.tabs, 1)
        self.status = self.add_status(layout, "passStatus", self.tr("Last action result"))
        self.calendar_tab = WorkCalendarTab(station, self.status, self.refresh)
        self.tabs.addTab(self.calendar_tab, self.tr("Working-day calendar"))
        self.set_session(None)

    # --- layout ---------------------------------------------------------------------------------
    def _desk_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Passes in the drawer (pick one per visitor)")))
        self.available = named(QListWidget(), "passAvailableList", self.tr("Passes in the drawer"))
        self.available.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.available.itemSelectionChanged.connect(self._show_count)
        left.addWidget(self.available)
        columns.addLayout(left, 1)

        right = QVBoxLayout()
        form = QFormLayout()
        self.visitor_name = named(QLineEdit(), "passVisitorNameEdit", self.tr("Visitor name"))
        self.visitor_company = named(QLineEdit(), "passVisitorCompanyEdit", self.tr("Company"))
        self.visitor_id_type = id_type_combo("passVisitorIdTypeCombo", self.tr("ID document"))
        self.visitor_id = named(QLineEdit(), "passVisitorIdEdit", self.tr("ID number (optional)"))
        form.addRow(self.tr("Visitor name"), self.visitor_name)
        form.addRow(self.tr("Company"), self.visitor_company)
        form.addRow(self.tr("ID document"), self.visitor_id_type)
        form.addRow(self.tr("ID number (optional)"), self.visitor_id)
        right.addLayout(form)
        buttons = QHBoxLayout()
        self.add_visitor_button = action_button(
            self.tr("Add visitor"), "passAddVisitorButton", self.tr("Add this visitor to the sign-out")
        )
        self.remove_visitor_button = action_button(
            self.tr("Remove visitor"), "passRemoveVisitorButton", self.tr("Remove the selected visitor")
        )
        buttons.addWidget(self.add_visitor_button)
        buttons.addWidget(self.remove_visitor_button)
        right.addLayout(buttons)
        self.visitor_list = named(QListWidget(), "passVisitorList", self.tr("Visitors of this sign-out"))
        right.addWidget(self.visitor_list)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)
        self.add_visitor_button.clicked.connect(self._add_visitor)
        self.remove_visitor_button.clicked.connect(self._remove_visitor)

        self.count_label = named(QLabel(), "passCountLabel", self.tr("Passes and visitors counted"))
        layout.addWidget(self.count_label)
        signer = QFormLayout()
        self.signer_edit = named(QLineEdit(), "passSignerEdit", self.tr("Staff number of the signer"))
        self.signer_pin = named(QLineEdit(), "passSignerPinEdit", self.tr("Signer's PIN"))
        self.signer_pin.setEchoMode(QLineEdit.EchoMode.Password)
        signer.addRow(self.tr("Signed out by (staff number)"), self.signer_edit)
        signer.addRow(self.tr("PIN as signature"), self.signer_pin)
        layout.addLayout(signer)
        self.sign_out_button = action_button(
            self.tr("Sign the passes out"), "passSignOutButton", self.tr("Sign the selected passes out")
        )
        self.sign_out_button.clicked.connect(self._sign_out)
        # A deposit for a pass as it is handed out, tied to it: its return prompts the refund.
        self.deposit_button = action_button(
            self.tr("Take deposit"), "passDepositButton", self.tr("Take a deposit for a pass lent")
        )
        self.deposit_button.clicked.connect(self._take_deposit)
        lend = QHBoxLayout()
        lend.addWidget(self.sign_out_button, 1)
        lend.addWidget(self.deposit_button)
        layout.addLayout(lend)

        back = QHBoxLayout()
        self.return_edit = named(QLineEdit(), "passReturnEdit", self.tr("Numbers of the passes handed back"))
        self.return_edit.setPlaceholderText(self.tr("e.g. P001, P003-P005"))
        self.return_edit.returnPressed.connect(self._return)
        self.return_button = action_button(
            self.tr("Check in returned passes"), "passReturnButton", self.tr("Check the returned passes in")
        )
        self.return_button.clicked.connect(self._return)
        back.addWidget(QLabel(self.tr("Returned:")))
        back.addWidget(self.return_edit, 1)
        back.addWidget(self.return_button)
        layout.addLayout(back)
        self._show_count()
        return tab

    def _pool_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.pool_summary = named(QLabel(), "passPoolSummary", self.tr("Passes in, out and retired"))
        layout.addWidget(self.pool_summary)
        self.pool_model = PoolTableModel(self._station)
        self.pool_table = table_view("passPoolTable", self.tr("Every machine-room pass"), self.pool_model)
        layout.addWidget(self.pool_table, 1)
        add = QHBoxLayout()
        self.add_numbers = named(QLineEdit(), "passAddNumbersEdit", self.tr("New pass numbers"))
        self.add_numbers.setPlaceholderText(self.tr("e.g. P001-P050"))
        self.add_button = action_button(
            self.tr("Add to the pool"), "passAddButton", self.tr("Add these passes to the pool")
        )
        self.add_button.clicked.connect(self._add_passes)
        add.addWidget(self.add_numbers, 1)
        add.addWidget(self.add_button)
        layout.addLayout(add)
        retire = QHBoxLayout()
        self.retire_reason = named(QLineEdit(), "passRetireReasonEdit", self.tr("Why the pass is retired"))
        self.retire_reason.setPlaceholderText(self.tr("Reason (lost, damaged…)"))
        self.retire_button = action_button(
            self.tr("Retire the selected pass"), "passRetireButton", self.tr("Retire the selected pass")
        )
        self.retire_button.clicked.connect(self._retire)
        retire.addWidget(self.retire_reason, 1)
        retire.addWidget(self.retire_button)
        layout.addLayout(retire)
        return tab

    def _reconciliation_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.calendar_warning = named(
            QLabel(), "calendarWarningLabel", self.tr("Years the official calendar does not know yet")
        )
        self.calendar_warning.setWordWrap(True)
        self.calendar_warning.setStyleSheet("color: #c62828;")
        self.calendar_warning.hide()
        layout.addWidget(self.calendar_warning)
        which = QHBoxLayout()
        self.sheet_day = named(QComboBox(), "reconciliationDayCombo", self.tr("Which day's sheet"))
        self.sheet_day.addItem(self.tr("Today"), "")
        self.sheet_day.currentIndexChanged.connect(self._day_chosen)
        self.late_reason = named(QLineEdit(), "lateReasonEdit", self.tr("Why the sheet is signed late"))
        self.late_reason.setPlaceholderText(self.tr("Why it was not signed on its day (required)"))
        self.late_reason.setEnabled(False)
        which.addWidget(QLabel(self.tr("Sheet of:")))
        which.addWidget(self.sheet_day)
        which.addWidget(self.late_reason, 1)
        layout.addLayout(which)
        self.due_label = named(QLabel(), "reconciliationDueLabel", self.tr("Reconciliation due"))
        self.due_label.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.due_label.setWordWrap(True)
        self.sheet_label = named(QLabel(), "reconciliationSheetLabel", self.tr("Passes issued and returned"))
        self.sheet_label.setWordWrap(True)
        self.sheet_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.due_label)
        layout.addWidget(self.sheet_label)
        self.discrepancy_model = DiscrepancyTableModel(self._station)
        self.discrepancy_table = table_view(
            "discrepancyTable", self.tr("Discrepancies"), self.discrepancy_model
        )
        layout.addWidget(self.discrepancy_table, 1)

        guard = QHBoxLayout()
        self.guard_user = named(QLineEdit(), "guardUserEdit", self.tr("Duty guard's staff number"))
        self.guard_user.setPlaceholderText(self.tr("Guard's staff number"))
        self.guard_pin = named(QLineEdit(), "guardPinEdit", self.tr("Duty guard's PIN"))
        self.guard_pin.setPlaceholderText(self.tr("Guard's PIN"))
        self.guard_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.guard_count = named(QSpinBox(), "guardCountSpin", self.tr("Passes the guard counted"))
        self.guard_count.setRange(0, 9999)
        self.guard_sign_button = action_button(
            self.tr("Guard signs"), "guardSignButton", self.tr("The machine-room duty guard signs")
        )
        guard.addWidget(self.guard_user, 1)
        guard.addWidget(self.guard_pin, 1)
        guard.addWidget(QLabel(self.tr("Counted:")))
        guard.addWidget(self.guard_count)
        guard.addWidget(self.guard_sign_button)
        layout.addLayout(guard)
        row = QHBoxLayout()
        self.desk_sign_button = action_button(
            self.tr("Front desk signs"),
            "deskSignButton",
            self.tr("Sign the reconciliation for the front desk"),
        )
        self.print_button = action_button(
            self.tr("Print the sheet again"), "reconciliationPrintButton", self.tr("Print the sheet again")
        )
        row.addWidget(self.desk_sign_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout.addLayout(row)
        resolve = QHBoxLayout()
        self.resolve_note = named(QLineEdit(), "resolveNoteEdit", self.tr("What was found out"))
        self.resolve_note.setPlaceholderText(self.tr("Supervisor: what happened to it"))
        self.resolve_button = action_button(
            self.tr("Resolve (supervisor)"), "resolveButton", self.tr("Resolve the selected discrepancy")
        )
        resolve.addWidget(self.resolve_note, 1)
        resolve.addWidget(self.resolve_button)
        layout.addLayout(resolve)
        self.guard_sign_button.clicked.connect(self._guard_signs)
        self.desk_sign_button.clicked.connect(self._desk_signs)
        self.print_button.clicked.connect(self._print_again)
        self.resolve_button.clicked.connect(self._resolve)
        return tab

    # --- session and refresh --------------------------------------------------------------------
    def _permitted(self) -> SignedIn | None:
        who = self.session
        return who if who is not None and allowed(who.role, Permission.MACHINE_ROOM_PASSES) else None

    def _general_buttons(self) -> tuple[QPushButton, ...]:
        """The buttons any clerk of the section may press (the sheet's follow the sheet)."""
        return (
            self.sign_out_button,
            self.return_button,
            self.add_button,
            self.retire_button,
            self.add_visitor_button,
            self.remove_visitor_button,
        )

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        self._sending = False
        acting = self._permitted() is not None
        self._lent = []
        self.deposit_button.setVisible(
            who is not None and acting and allowed(who.role, Permission.TAKE_PAYMENTS)
        )
        for button in (
            *self._general_buttons(),
            self.guard_sign_button,
            self.desk_sign_button,
            self.print_button,
        ):
            button.setEnabled(acting)
        self.resolve_button.setEnabled(
            who is not None and allowed(who.role, Permission.RESOLVE_PASS_DISCREPANCIES)
        )
        self.calendar_tab.set_session(who if acting else None)
        if acting:
            self.refresh()
            self.calendar_tab.refresh()
        else:
            # The last clerk's pool and sheet are not the next person's to read.
            self.pool_model.set_rows([])
            self.discrepancy_model.set_named_rows([], [])
            self.available.clear()

    def showEvent(self, event: QShowEvent) -> None:
        # The 09:00 deadline moves on while the page is hidden.
        super().showEvent(event)
        if self._permitted() is not None:
            self.refresh()

    def on_server_event(self, topic: str) -> None:
        # Other desks sign passes out and take them back; the sheet gets signed.
        if topic in ("passes", "connected", "resync") and self._permitted() is not None:
            self.refresh()
            self.calendar_tab.refresh()

    def refresh(self) -> None:
        passes = self._station.machine_room_passes
        QueryOp(self, passes.board, self._show_board, key="board").run_in_background()

    def _show_board(self, board: PassesBoard) -> None:
        if self._permitted() is None:  # not for whoever took over the console meanwhile
            return
        pool = board.pool
        keeping_selection(
            self.pool_table, self.pool_model, lambda p: p.number, lambda: self.pool_model.set_rows(pool)
        )
        counts = {status: sum(1 for p in pool if p.status is status) for status in PassStatus}
        self.pool_summary.setText(
            self.tr("%1 in the drawer, %2 out, %3 retired")
            .replace("%1", str(counts[PassStatus.IN]))
            .replace("%2", str(counts[PassStatus.OUT]))
            .replace("%3", str(counts[PassStatus.RETIRED]))
        )
        chosen = set(self._chosen())
        self.available.blockSignals(True)
        self.available.clear()
        for p in pool:
            if p.status is PassStatus.IN:
                item = QListWidgetItem(p.number)
                self.available.addItem(item)
                item.setSelected(p.number in chosen)
        self.available.blockSignals(False)
        self._show_count()
        self._show_reconciliation(board)

    def _show_reconciliation(self, board: PassesBoard) -> None:
        """Today's sheet, or the missed day's chosen (read from the server first)."""
        self._board = board
        self._fill_days(board.missed)
        if board.unknown_years:
            self.calendar_warning.setText(
                self.tr(
                    "The official holidays of %1 are not known yet: Monday to Friday count as "
                    "working days until a supervisor enters that year's days under Working-day calendar."
                ).replace("%1", ", ".join(str(year) for year in board.unknown_years))
            )
        self.calendar_warning.setVisible(bool(board.unknown_years))
        day = self._chosen_day()
        if day is None:
            self._show_sheet(board, board.reconciliation, board.due, None)
            return
        passes = self._station.machine_room_passes
        QueryOp(
            self,
            lambda: passes.reconciliation(day),
            lambda view: self._show_missed(day, view),
            key="missed",
        ).run_in_background()

    def _fill_days(self, missed: list[MissedSheet]) -> None:
        """Today, then each missed day (oldest first), keeping the one chosen while it is missed."""
        chosen = self._chosen_day()
        self.sheet_day.blockSignals(True)
        while self.sheet_day.count() > 1:
            self.sheet_day.removeItem(1)
        for sheet in missed:
            # Kept as text: Qt would turn a date into a QDate that findData does not match.
            day = sheet.due_on.isoformat()
            self.sheet_day.addItem(self.tr("%1 (missed: sign late)").replace("%1", day), day)
        found = self.sheet_day.findData(chosen.isoformat()) if chosen is not None else 0
        self.sheet_day.setCurrentIndex(max(found, 0))
        self.sheet_day.blockSignals(False)
        self.late_reason.setEnabled(self._chosen_day() is not None)

    def _chosen_day(self) -> date | None:
        day = self.sheet_day.currentData()
        return date.fromisoformat(day) if isinstance(day, str) and day else None

    def _day_chosen(self, _index: int) -> None:
        self.late_reason.setEnabled(self._chosen_day() is not None)
        if self._board is not None:
            self._show_reconciliation(self._board)

    def _show_missed(self, day: date, view: ReconciliationView) -> None:
        if self._permitted() is None or self._board is None or self._chosen_day() != day:
            return  # another day chosen (or another clerk) meanwhile
        self._show_sheet(self._board, view, ReconciliationDue.DUE, day)

    def _show_sheet(
        self,
        board: PassesBoard,
        view: ReconciliationView | None,
        due: ReconciliationDue,
        late_day: date | None,
    ) -> None:
        period = ""
        if view is not None:
            sheet = view.sheet
            period = sheet.period_start.isoformat()
            if sheet.period_end != sheet.period_start:
                period += " ~ " + sheet.period_end.isoformat()
        text = {
            ReconciliationDue.NOT_TODAY: self.tr("No reconciliation today (weekend).")
            if self._station.clock.now().astimezone(self._station.site.timezone).weekday() >= 5
            else self.tr("No reconciliation today (holiday)."),
            ReconciliationDue.NOTHING: self.tr("No pass went out or came back on %1: nothing to reconcile."),
            ReconciliationDue.UPCOMING: self.tr("Reconciliation of the passes of %1 is due at 09:00."),
            ReconciliationDue.DUE: self.tr(
                "DUE NOW: reconcile the passes of %1 with the machine-room duty guard."
            ),
            ReconciliationDue.DONE: self.tr("The passes of %1 are reconciled: signed by both and printed."),
        }[due]
        if late_day is not None:
            text = self.tr(
                "MISSED: the sheet of %1 (passes of %2) was not signed on its day. Sign it late, "
                "with the reason; passes out at its 09:00 are discrepancies."
            ).replace("%1", late_day.isoformat())
            text = text.replace("%2", period)
        self.due_label.setText(text.replace("%1", period))
        self.due_label.setStyleSheet(
            "font-size: 18px; font-weight: bold;"
            + (" color: #c62828;" if due is ReconciliationDue.DUE else "")
        )
        late = [] if view is None else [view.sheet.desk_late_reason, view.sheet.guard_late_reason]
        if view is None:
            self.sheet_label.setText("")
        else:
            lines = [
                self.tr("Issued: %1 — %2")
                .replace("%1", str(len(sheet.issued)))
                .replace("%2", ", ".join(sheet.issued) or "—"),
                self.tr("Returned: %1 — %2")
                .replace("%1", str(len(sheet.returned)))
                .replace("%2", ", ".join(sheet.returned) or "—"),
                self.tr("Front desk: %1").replace("%1", sheet.desk_signed_by or self.tr("not signed")),
                self.tr("Duty guard: %1").replace("%1", sheet.guard_signed_by or self.tr("not signed")),
            ]
            if sheet.counted is not None:
                lines.append(self.tr("Guard counted: %1").replace("%1", str(sheet.counted)))
            for who, reason in zip((self.tr("Front desk"), self.tr("Duty guard")), late, strict=True):
                if reason:
                    lines.append(self.tr("%1 signed late: %2").replace("%1", who).replace("%2", reason))
            if not view.frozen:
                lines.append(self.tr("(Preview: the first signature fixes the sheet.)"))
            self.sheet_label.setText("\n".join(lines))
        # Today's findings (a preview until signed) and every discrepancy still open.
        shown = list(view.discrepancies) if view is not None else []
        ids = {d.discrepancy_id for d in shown if d.discrepancy_id is not None}
        shown += [d for d in board.open_discrepancies if d.discrepancy_id not in ids]
        keeping_selection(
            self.discrepancy_table,
            self.discrepancy_model,
            lambda d: (d.discrepancy_id, d.due_on, d.kind, d.pass_number),
            lambda: self.discrepancy_model.set_named_rows(shown, board.staff),
        )
        self._sheet = view
        self._enable_sheet()

    def _enable_sheet(self) -> None:
        """Each signature once, on a working day; printing again once the sheet is signed."""
        view = self._sheet if self._permitted() is not None and not self._sending else None
        self.guard_sign_button.setEnabled(view is not None and view.guard_signed_at is None)
        self.desk_sign_button.setEnabled(view is not None and view.desk_signed_at is None)
        self.print_button.setEnabled(view is not None and view.print_job_id is not None)

    def _send(self, op: Callable[[], T], done: Callable[[T], None]) -> None:
        """``op`` at the server, off the GUI thread; then ``done`` with its answer and the page
        read again. The buttons wait for the answer (a second tap would send it twice)."""
        self._sending = True
        for button in self._general_buttons():
            button.setEnabled(False)
        self._enable_sheet()

        def finished() -> None:
            self._sending = False
            acting = self._permitted() is not None
            for button in self._general_buttons():
                button.setEnabled(acting)
            self._enable_sheet()
            self.refresh()

        def succeeded(result: T) -> None:
            finished()
            done(result)

        def failed(error: Exception) -> None:
            finished()
            self.status.show_error(
                self._message(error) if isinstance(error, ValidationError) else error_message(error)
            )

        QueryOp(self, op, succeeded).failure(failed).run_in_background()

    # --- sign out and return --------------------------------------------------------------------
    def _chosen(self) -> list[str]:
        return sorted(item.text() for item in self.available.selectedItems())

    def _show_count(self) -> None:
        passes, visitors = len(self._chosen()), len(self._visitors)
        text = self.tr("%1 passes for %2 visitors").replace("%1", str(passes)).replace("%2", str(visitors))
        if passes != visitors:
            text += " — " + self.tr("one pass per visitor")
        self.count_label.setText(text)

    def _add_visitor(self) -> None:
        visitor = PassVisitor(
            self.visitor_name.text(),
            self.visitor_company.text(),
            str(self.visitor_id_type.currentData()),
            self.visitor_id.text(),
        )
        try:
            # Checked now, so the desk hears about a typo while the visitor is still there.
            name = validate_visitor_name(visitor.name)
            company = validate_company(visitor.company)
            masked = ""
            if visitor.id_number.strip():
                number = validate_id_number(visitor.id_type, visitor.id_number)
                masked = masked_from_last_four(number[-4:])
        except ValidationError as error:
            self.status.show_error(self._message(error))
            return
        self._visitors.append(visitor)
        self.visitor_list.addItem(" · ".join(part for part in (name, company, masked) if part))
        for edit in (self.visitor_name, self.visitor_company, self.visitor_id):
            edit.clear()
        self.status.setText("")
        self._show_count()

    def _remove_visitor(self) -> None:
        row = self.visitor_list.currentRow()
        if row < 0:
            self.status.show_error(self.tr("Select a visitor in the list first."))
            return
        self.visitor_list.takeItem(row)
        del self._visitors[row]
        self._show_count()

    def _sign_out(self) -> None:
        if self._permitted() is None:
            self.status.show_error(self.tr("Your role cannot do this. Ask a supervisor."))
            return
        numbers, visitors = self._chosen(), list(self._visitors)
        signer, pin = self.signer_edit.text(), self.signer_pin.text()
        self.signer_pin.clear()  # a PIN is typed for one signature, refused or not
        passes = self._station.machine_room_passes
        self._send(lambda: passes.sign_out(numbers, visitors, signer, pin), self._signed_out)

    def _signed_out(self, receipt: LoanReceipt) -> None:
        self.signer_edit.clear()
        self._visitors.clear()
        self.visitor_list.clear()
        self.available.clearSelection()
        self._show_count()
        self.status.setText(
            self.tr("Signed out by %1: %2 passes (%3). Sign-out no. %4.")
            .replace("%1", receipt.signed_by)
            .replace("%2", str(receipt.count))
            .replace("%3", ", ".join(receipt.numbers))
            .replace("%4", str(receipt.loan_id))
        )
        self._lent = list(receipt.numbers)

    def _take_deposit(self) -> None:
        who = self.session
        if who is None or not allowed(who.role, Permission.TAKE_PAYMENTS):
            self.status.show_error(self.tr("Your role cannot do this. Ask a supervisor."))
            return
        lent = list(self._lent)  # the first of the last sign-out's passes still without a deposit
        take_deposit(
            self,
            self._station,
            (ReceiptPurpose.PASS_DEPOSIT,),
            lambda item: item.label in lent,
            self.status,
            self._deposit_key,
            self._deposit_taken,
        )

    def _deposit_taken(self, item: DepositItemView) -> None:
        if item.label in self._lent:
            self._lent.remove(item.label)

    def _return(self) -> None:
        if self._permitted() is None:
            return
        try:
            numbers = parse_pass_numbers(self.return_edit.text())
        except ValidationError as error:
            self.status.show_error(self._message(error))
            return
        passes = self._station.machine_room_passes
        self._send(lambda: passes.return_passes(numbers), self._returned)

    def _returned(self, outcome: ReturnOutcome) -> None:
        self.return_edit.clear()
        text = self.tr("Checked in: %1.").replace("%1", ", ".join(outcome.matched) or "—")
        if outcome.stray:
            text += " " + self.tr(
                "Never signed out: %1 — taken back and listed for the reconciliation."
            ).replace("%1", ", ".join(outcome.stray))
        self.status.setText(text)
        # A pass that carried a deposit: the clerk is offered its refund with the amount.
        offer_refunds(self, self._station, DepositItem.PASS, outcome.matched, self.status)

    # --- the pool -------------------------------------------------------------------------------
    def _add_passes(self) -> None:
        if self._permitted() is None:
            return
        try:
            numbers = parse_pass_numbers(self.add_numbers.text())
        except ValidationError as error:
            self.status.show_error(self._message(error))
            return
        passes = self._station.machine_room_passes
        self._send(lambda: passes.add_passes(numbers), self._added)

    def _added(self, added: list[str]) -> None:
        self.add_numbers.clear()
        self.status.setText(self.tr("%1 passes added to the pool.").replace("%1", str(len(added))))

    def _retire(self) -> None:
        rows = self.pool_table.selectionModel().selectedRows()
        if self._permitted() is None or not rows:
            self.status.show_error(self.tr("Select a pass in the table first."))
            return
        number = self.pool_model.entry(rows[0].row()).number
        reason, passes = self.retire_reason.text(), self._station.machine_room_passes

        def retired(_result: None) -> None:
            self.retire_reason.clear()
            self.status.setText(self.tr("Pass %1 retired.").replace("%1", number))

        self._send(lambda: passes.retire(number, reason), retired)

    # --- the reconciliation ---------------------------------------------------------------------
    def _guard_signs(self) -> None:
        if self._permitted() is None:
            return
        user, pin, counted = self.guard_user.text(), self.guard_pin.text(), self.guard_count.value()
        self.guard_pin.clear()
        passes, language = self._station.machine_room_passes, current_language()
        day, reason = self._chosen_day(), self.late_reason.text()
        self._sign(lambda: passes.sign_as_guard(user, pin, counted, language, day, reason))

    def _desk_signs(self) -> None:
        if self._permitted() is None:
            return
        passes, language = self._station.machine_room_passes, current_language()
        day, reason = self._chosen_day(), self.late_reason.text()
        self._sign(lambda: passes.sign_as_desk(language, day, reason))

    def _sign(self, signing: Callable[[], ReconciliationView]) -> None:
        printing = self._station.printing

        def sign_and_print() -> ReconciliationView:
            view = signing()
            if view.complete and view.print_job_id is not None:
                # The server queued the sheet for this desk: print it now, off the GUI thread.
                printing.print_now(PrintOutcome(view.print_job_id, False, None))
            return view

        self.status.setText(self.tr("Signing…"))
        self._send(sign_and_print, self._signed)

    def _signed(self, view: ReconciliationView) -> None:
        if view.complete:
            text = self.tr("Both have signed; the sheet is printing.")
        else:
            text = self.tr("Signed. Waiting for the other signature.")
        open_ones = [d for d in view.discrepancies if d.open]
        if open_ones:
            text += " " + self.tr("%1 discrepancies: the supervisor has been alerted.").replace(
                "%1", str(len(open_ones))
            )
        self.status.setText(text)
        self.guard_user.clear()
        if view.complete:
            self.late_reason.clear()

    def _print_again(self) -> None:
        if self._permitted() is None:
            return
        passes, printing, day = self._station.machine_room_passes, self._station.printing, self._chosen_day()
        self._send(lambda: printing.print_now(passes.print_again(day)), self._printed)

    def _printed(self, outcome: PrintOutcome) -> None:
        printers = self._station.printers
        if outcome.printed:
            self.status.setText(
                self.tr("Printed on %1.").replace("%1", printer_name(printers, outcome.printer))
            )
        else:
            self.status.show_error(
                self.tr("NOT printed: %1").replace("%1", print_problem(printers, outcome.error))
            )

    def _resolve(self) -> None:
        rows = self.discrepancy_table.selectionModel().selectedRows()
        if self.session is None or not rows:
            self.status.show_error(self.tr("Select a discrepancy in the table first."))
            return
        found = self.discrepancy_model.entry(rows[0].row())
        discrepancy_id = found.discrepancy_id
        if discrepancy_id is None:
            self.status.show_error(self.tr("This is a preview: sign the sheet first."))
            return
        note, passes = self.resolve_note.text(), self._station.machine_room_passes

        def resolved(_result: None) -> None:
            self.resolve_note.clear()
            self.status.setText(self.tr("Resolved."))

        self._send(lambda: passes.resolve(discrepancy_id, note), resolved)

    def _message(self, error: ValidationError) -> str:
        messages = {
            ("passes", "none_selected"): self.tr("Pick the passes to hand out first."),
            ("passes", "count_mismatch"): self.tr("%1 passes picked for %2 visitors: one pass per visitor."),
            ("passes", "too_many"): self.tr("At most %1 passes in one sign-out."),
            ("pass_number", "required"): self.tr("Type the pass numbers first."),
            ("pass_number", "invalid"): self.tr("“%1” is not a pass number: letters and digits only."),
            ("pass_number", "too_long"): self.tr("A pass number has at most %1 characters."),
            ("pass_number", "bad_range"): self.tr("“%1” is not a range: write P001-P010."),
            ("pass_number", "range_too_long"): self.tr("A range can name at most %1 passes."),
            ("pass_number", "taken"): self.tr("Already in the pool (numbers are never reused): %1."),
            ("pass_number", "unknown"): self.tr("Not a pass of this desk: %1."),
            ("pass_number", "retired"): self.tr("Pass %1 is retired."),
            ("pass_number", "already_out"): self.tr("Already signed out: %1."),
            ("credentials", "invalid"): self.tr("Staff number or PIN is wrong: nothing was signed."),
            ("guard", "not_a_guard"): self.tr(
                "This staff member is not a machine-room duty guard and cannot countersign."
            ),
            ("guard", "same_person"): self.tr("The guard and the front desk must be two different people."),
            ("reconciliation", "already_signed"): self.tr("Already signed."),
            ("reconciliation", "not_a_working_day"): self.tr(
                "Not a working day (weekend or holiday): there is no reconciliation."
            ),
            ("reconciliation", "not_yet"): self.tr("The sheet of %1 is not due yet."),
            ("late_reason", "required"): self.tr("Write why the sheet is signed late first."),
            ("late_reason", "too_long"): self.tr("At most %1 characters."),
            ("reconciliation", "not_signed"): self.tr("The sheet is printed once both have signed."),
            ("reconciliation", "not_allowed"): self.tr("Your role cannot sign for the front desk."),
            ("discrepancy", "not_allowed"): self.tr("Only a supervisor resolves a discrepancy."),
            ("discrepancy", "already_resolved"): self.tr("Already resolved."),
            ("note", "required"): self.tr("Write what was found out first."),
            ("counted", "negative"): self.tr("The count cannot be negative."),
        }
        return page_message(messages, error)
