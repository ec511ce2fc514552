"""Machine-room visitor passes (IDC机房访客证) at the desk: sign out, return, the pool, and the
weekday 09:00 reconciliation signed by the desk and the machine-room duty guard."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.app import KioskApp
from kiosk.domain.errors import ValidationError
from kiosk.domain.identity import masked_from_last_four, validate_id_number
from kiosk.domain.machine_room_pass import (
    DiscrepancyDetail,
    DiscrepancyKind,
    PassStatus,
    ReconciliationDue,
    parse_pass_numbers,
)
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.views import PrintOutcome
from kiosk.domain.visitor import validate_company, validate_visitor_name
from kiosk.services.machine_room_passes import (
    DiscrepancyView,
    PassView,
    PassVisitor,
    ReconciliationView,
)
from kiosk.services.staff import SignedIn
from kiosk.ui.common.audit_words import ActorTableModel
from kiosk.ui.common.background import run_in_background
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.messages import page_message
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import (
    SectionPage,
    action_button,
    id_type_combo,
    named,
    print_problem,
    printer_name,
    table_view,
)

WARNING = QColor("#ffcdd2")


class PoolTableModel(RowTableModel[PassView]):
    """Every pass: in the drawer, out (with whom, signed by whom, since when) or retired."""

    def __init__(self, app: KioskApp) -> None:
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
        self._zone = app.site.timezone

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
    def __init__(self, app: KioskApp) -> None:
        super().__init__(
            (
                self.tr("Reconciled on"),
                self.tr("Discrepancy"),
                self.tr("Pass"),
                self.tr("Detail"),
                self.tr("Resolved"),
            ),
            app.staff,
        )
        self._zone = app.site.timezone

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
    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("machineRoomPassesPage")
        self._app = app
        self._visitors: list[PassVisitor] = []
        layout = QVBoxLayout(self)
        self.tabs = named(QTabWidget(), "passTabs", self.tr("Machine-room passes"))
        self.tabs.addTab(self._desk_tab(), self.tr("Sign out / return"))
        self.tabs.addTab(self._pool_tab(), self.tr("Pool"))
        self.tabs.addTab(self._reconciliation_tab(), self.tr("09:00 reconciliation"))
        layout.addWidget(self.tabs, 1)
        self.status = self.add_status(layout, "passStatus", self.tr("Last action result"))
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
        layout.addWidget(self.sign_out_button)

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
        self.pool_model = PoolTableModel(self._app)
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
        self.due_label = named(QLabel(), "reconciliationDueLabel", self.tr("Reconciliation due"))
        self.due_label.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.due_label.setWordWrap(True)
        self.sheet_label = named(QLabel(), "reconciliationSheetLabel", self.tr("Passes issued and returned"))
        self.sheet_label.setWordWrap(True)
        self.sheet_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.due_label)
        layout.addWidget(self.sheet_label)
        self.discrepancy_model = DiscrepancyTableModel(self._app)
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

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        acting = self._permitted() is not None
        for button in (
            self.sign_out_button,
            self.return_button,
            self.add_button,
            self.retire_button,
            self.guard_sign_button,
            self.desk_sign_button,
            self.print_button,
            self.add_visitor_button,
            self.remove_visitor_button,
        ):
            button.setEnabled(acting)
        self.resolve_button.setEnabled(
            who is not None and allowed(who.role, Permission.RESOLVE_PASS_DISCREPANCIES)
        )
        if acting:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        # The 09:00 deadline and other desks' sign-outs move on while the page is hidden.
        super().showEvent(event)
        if self._permitted() is not None:
            self.refresh()

    def refresh(self) -> None:
        passes = self._app.machine_room_passes
        pool = passes.pool()
        self.pool_model.set_rows(pool)
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
        self._show_reconciliation(passes.reconciliation())

    def _show_reconciliation(self, view: ReconciliationView) -> None:
        passes = self._app.machine_room_passes
        due = passes.due_state(view.due_on)
        sheet = view.sheet
        period = sheet.period_start.isoformat()
        if sheet.period_end != sheet.period_start:
            period += " ~ " + sheet.period_end.isoformat()
        text = {
            ReconciliationDue.NOT_TODAY: self.tr("No reconciliation today (weekend)."),
            ReconciliationDue.NOTHING: self.tr("No pass went out or came back on %1: nothing to reconcile."),
            ReconciliationDue.UPCOMING: self.tr("Reconciliation of the passes of %1 is due at 09:00."),
            ReconciliationDue.DUE: self.tr(
                "DUE NOW: reconcile the passes of %1 with the machine-room duty guard."
            ),
            ReconciliationDue.DONE: self.tr("The passes of %1 are reconciled: signed by both and printed."),
        }[due]
        self.due_label.setText(text.replace("%1", period))
        self.due_label.setStyleSheet(
            "font-size: 18px; font-weight: bold;"
            + (" color: #c62828;" if due is ReconciliationDue.DUE else "")
        )
        if due is ReconciliationDue.NOT_TODAY:
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
            if not view.frozen:
                lines.append(self.tr("(Preview: the first signature fixes the sheet.)"))
            self.sheet_label.setText("\n".join(lines))
        # Today's findings (a preview until signed) and every discrepancy still open.
        shown = list(view.discrepancies)
        ids = {d.discrepancy_id for d in shown if d.discrepancy_id is not None}
        shown += [d for d in passes.discrepancies() if d.discrepancy_id not in ids]
        self.discrepancy_model.set_rows(shown)
        not_today = due is ReconciliationDue.NOT_TODAY
        acting = self._permitted() is not None
        self.guard_sign_button.setEnabled(acting and not not_today and view.guard_signed_at is None)
        self.desk_sign_button.setEnabled(acting and not not_today and view.desk_signed_at is None)
        self.print_button.setEnabled(acting and view.print_job_id is not None)

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
        who = self._permitted()
        if who is None:
            self.status.show_error(self.tr("Your role cannot do this. Ask a supervisor."))
            return
        try:
            receipt = self._app.machine_room_passes.sign_out(
                self._chosen(), self._visitors, self.signer_edit.text(), self.signer_pin.text(), who.actor
            )
        except ValidationError as error:
            self.signer_pin.clear()
            self.status.show_error(self._message(error))
            return
        self.signer_pin.clear()
        self.signer_edit.clear()
        self._visitors.clear()
        self.visitor_list.clear()
        self.available.clearSelection()
        self.status.setText(
            self.tr("Signed out by %1: %2 passes (%3). Sign-out no. %4.")
            .replace("%1", receipt.signed_by)
            .replace("%2", str(receipt.count))
            .replace("%3", ", ".join(receipt.numbers))
            .replace("%4", str(receipt.loan_id))
        )
        self.refresh()

    def _return(self) -> None:
        who = self._permitted()
        if who is None:
            return
        try:
            outcome = self._app.machine_room_passes.return_passes(
                parse_pass_numbers(self.return_edit.text()), who.actor
            )
        except ValidationError as error:
            self.status.show_error(self._message(error))
            return
        self.return_edit.clear()
        text = self.tr("Checked in: %1.").replace("%1", ", ".join(outcome.matched) or "—")
        if outcome.stray:
            text += " " + self.tr(
                "Never signed out: %1 — taken back and listed for the reconciliation."
            ).replace("%1", ", ".join(outcome.stray))
        self.status.setText(text)
        self.refresh()

    # --- the pool -------------------------------------------------------------------------------
    def _add_passes(self) -> None:
        who = self._permitted()
        if who is None:
            return
        try:
            added = self._app.machine_room_passes.add_passes(
                parse_pass_numbers(self.add_numbers.text()), who.actor
            )
        except ValidationError as error:
            self.status.show_error(self._message(error))
            return
        self.add_numbers.clear()
        self.status.setText(self.tr("%1 passes added to the pool.").replace("%1", str(len(added))))
        self.refresh()

    def _retire(self) -> None:
        who = self._permitted()
        rows = self.pool_table.selectionModel().selectedRows()
        if who is None or not rows:
            self.status.show_error(self.tr("Select a pass in the table first."))
            return
        number = self.pool_model.entry(rows[0].row()).number
        try:
            self._app.machine_room_passes.retire(number, self.retire_reason.text(), who.actor)
        except ValidationError as error:
            self.status.show_error(self._message(error))
            return
        self.retire_reason.clear()
        self.status.setText(self.tr("Pass %1 retired.").replace("%1", number))
        self.refresh()

    # --- the reconciliation ---------------------------------------------------------------------
    def _guard_signs(self) -> None:
        who = self._permitted()
        if who is None:
            return
        user, pin, counted = self.guard_user.text(), self.guard_pin.text(), self.guard_count.value()
        self.guard_pin.clear()
        self._sign(
            lambda: self._app.machine_room_passes.sign_as_guard(user, pin, counted, who, current_language())
        )

    def _desk_signs(self) -> None:
        who = self._permitted()
        if who is None:
            return
        self._sign(lambda: self._app.machine_room_passes.sign_as_desk(who, current_language()))

    def _sign(self, work: Any) -> None:
        # A completed sheet is printed: off the GUI thread, as the printer may take its time.
        self.guard_sign_button.setEnabled(False)
        self.desk_sign_button.setEnabled(False)
        self.status.setText(self.tr("Signing…"))
        run_in_background(self, work, self._signed, self._failed)

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
        self.refresh()

    def _failed(self, error: Exception) -> None:
        self.status.show_error(self._message(error) if isinstance(error, ValidationError) else str(error))
        self.refresh()

    def _print_again(self) -> None:
        who = self._permitted()
        if who is None:
            return
        due_on = self._app.machine_room_passes.today()
        run_in_background(
            self,
            lambda: self._app.machine_room_passes.print_again(due_on, who.actor),
            self._printed,
            self._failed,
        )

    def _printed(self, outcome: PrintOutcome) -> None:
        if outcome.printed:
            self.status.setText(
                self.tr("Printed on %1.").replace("%1", printer_name(self._app.print_queue, outcome.printer))
            )
        else:
            self.status.show_error(
                self.tr("NOT printed: %1").replace("%1", print_problem(self._app.print_queue, outcome.error))
            )

    def _resolve(self) -> None:
        who = self.session
        rows = self.discrepancy_table.selectionModel().selectedRows()
        if who is None or not rows:
            self.status.show_error(self.tr("Select a discrepancy in the table first."))
            return
        found = self.discrepancy_model.entry(rows[0].row())
        if found.discrepancy_id is None:
            self.status.show_error(self.tr("This is a preview: sign the sheet first."))
            return
        try:
            self._app.machine_room_passes.resolve(found.discrepancy_id, self.resolve_note.text(), who)
        except ValidationError as error:
            self.status.show_error(self._message(error))
            return
        self.resolve_note.clear()
        self.status.setText(self.tr("Resolved."))
        self.refresh()

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
            ("reconciliation", "not_a_working_day"): self.tr("There is no reconciliation at the weekend."),
            ("reconciliation", "not_signed"): self.tr("The sheet is printed once both have signed."),
            ("reconciliation", "not_allowed"): self.tr("Your role cannot sign for the front desk."),
            ("discrepancy", "not_allowed"): self.tr("Only a supervisor resolves a discrepancy."),
            ("discrepancy", "already_resolved"): self.tr("Already resolved."),
            ("note", "required"): self.tr("Write what was found out first."),
            ("counted", "negative"): self.tr("The count cannot be negative."),
        }
        return page_message(messages, error)
