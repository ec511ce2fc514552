"""Deposits held (押金台账, #20 item 9): every deposit with the pass, card or permit it secures and
its state: held while the item is out, due for refund once it is back, refunded or settled. The
clerk refunds a due one (the prompt with the amount, then the refund receipt), finance records a
deduction with its reason (supervisors: the FINANCE right), and a supervisor's PIN forfeits a
deposit whose item is lost or kept. Each step prints its numbered paper at this desk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from kiosk.api.deposits import DeductionRequest, ForfeitRequest
from kiosk.client.http import RetryKey
from kiosk.client.station import Station
from kiosk.domain.deposits import DeductionKind, DepositNoteResult, DepositState, DepositView
from kiosk.domain.errors import ValidationError
from kiosk.domain.money import parse_yuan
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import PrintOutcome
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import SectionPage, action_button, local_stamp, named, print_problem, table_view
from kiosk.ui.console.deposit_prompt import deposit_message, item_word, refund_deposit, yuan
from kiosk.ui.console.payment_words import purpose_name

DUE = QColor("#fff9c4")


def secures(d: DepositView) -> str:
    """The item a deposit is linked to, or the number typed for one taken before links."""
    return d.reference if d.item is None else f"{item_word(d.item)} {d.item_label}"


class DepositsTableModel(RowTableModel[DepositView]):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(
            (
                self.tr("Receipt"),
                self.tr("Taken"),
                self.tr("Kind"),
                self.tr("Secures"),
                self.tr("Payer"),
                self.tr("Amount"),
                self.tr("Deducted"),
                self.tr("Balance"),
                self.tr("State"),
            )
        )
        self._zone = zone

    def background(self, value: DepositView, column: int) -> QBrush | None:
        return QBrush(DUE) if value.state is DepositState.REFUND_DUE else None

    def display(self, d: DepositView, column: int) -> str:
        if column == 0:
            return d.receipt_number
        if column == 1:
            return d.taken_at.astimezone(self._zone).strftime("%m-%d %H:%M")
        if column == 2:
            return purpose_name(d.purpose)
        if column == 3:
            return secures(d)
        if column == 4:
            return d.payer
        if column == 5:
            return yuan(d.amount_fen)
        if column == 6:
            return yuan(d.deducted_fen) if d.deducted_fen else ""
        if column == 7:
            return yuan(d.balance_fen)
        return self.state_word(d.state)

    def state_word(self, state: DepositState) -> str:
        return {
            DepositState.HELD: self.tr("Held (item out)"),
            DepositState.REFUND_DUE: self.tr("Refund due: item back"),
            DepositState.REFUNDED: self.tr("Refunded"),
            DepositState.SETTLED: self.tr("Settled (kept)"),
        }[state]


class DepositsPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("depositsPage")
        self._station = station
        self._deduct_key = RetryKey()
        self._forfeit_key = RetryKey()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.which_combo = named(QComboBox(), "depositsWhichCombo", self.tr("Which deposits"))
        for label, which in (
            (self.tr("Held or due"), "open"),
            (self.tr("Refund due"), "due"),
            (self.tr("All"), "all"),
        ):
            self.which_combo.addItem(label, which)
        self.which_combo.currentIndexChanged.connect(self.refresh)
        self.search_edit = named(QLineEdit(), "depositsSearchEdit", self.tr("Search deposits"))
        self.search_edit.setPlaceholderText(self.tr("Receipt, card, pass or permit number, or payer"))
        self.search_edit.returnPressed.connect(self.refresh)
        top.addWidget(self.which_combo)
        top.addWidget(self.search_edit, 1)
        layout.addLayout(top)
        self.model = DepositsTableModel(station.site.timezone)
        self.table = table_view("depositsTable", self.tr("Deposits"), self.model)
        self.table.selectionModel().selectionChanged.connect(self._selected_changed)
        layout.addWidget(self.table, 1)
        self.trail_label = named(QLabel(), "depositTrailLabel", self.tr("The deposit's trail"))
        self.trail_label.setWordWrap(True)
        layout.addWidget(self.trail_label)

        self.refund_button = action_button(
            self.tr("Refund the balance"), "depositRefundButton", self.tr("Refund the selected deposit")
        )
        self.refund_button.clicked.connect(self._refund)
        layout.addWidget(self.refund_button)

        settle = named(
            QGroupBox(self.tr("Deduction or forfeit")), "depositSettleGroup", self.tr("Settle a deposit")
        )
        form = QFormLayout(settle)
        self.amount_edit = named(QLineEdit(), "depositAmountEdit", self.tr("Amount to deduct in yuan"))
        self.amount_edit.setPlaceholderText(self.tr("e.g. 300 (deductions only)"))
        self.reason_edit = named(QLineEdit(), "depositReasonEdit", self.tr("Reason"))
        self.reason_edit.setPlaceholderText(self.tr("e.g. lift car scratched during the decoration"))
        self.supervisor_edit = named(QLineEdit(), "depositSupervisorEdit", self.tr("Supervisor"))
        self.supervisor_edit.setPlaceholderText(self.tr("Approving supervisor's staff number (forfeit)"))
        self.pin_edit = named(QLineEdit(), "depositPinEdit", self.tr("Supervisor's PIN"))
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Amount (yuan)"), self.amount_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow(self.tr("Supervisor"), self.supervisor_edit)
        form.addRow(self.tr("PIN"), self.pin_edit)
        buttons = QHBoxLayout()
        self.deduct_button = action_button(
            self.tr("Record deduction (finance)"),
            "depositDeductButton",
            self.tr("Record finance's deduction"),
        )
        self.deduct_button.clicked.connect(self._deduct)
        self.forfeit_button = action_button(
            self.tr("Forfeit: item lost or kept"), "depositForfeitButton", self.tr("Forfeit the deposit")
        )
        self.forfeit_button.clicked.connect(self._forfeit)
        buttons.addWidget(self.deduct_button)
        buttons.addWidget(self.forfeit_button)
        form.addRow(buttons)
        layout.addWidget(settle)
        self.status = self.add_status(layout, "depositStatus", self.tr("Last action result"))
        self.transient(
            self.search_edit, self.amount_edit, self.reason_edit, self.supervisor_edit, self.pin_edit
        )
        self.set_session(None)

    # --- session and refresh --------------------------------------------------------------------
    def _acting(self) -> SignedIn | None:
        who = self.session
        return who if who is not None and allowed(who.role, Permission.TAKE_PAYMENTS) else None

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        acting = self._acting() is not None
        for button in (self.refund_button, self.forfeit_button):
            button.setEnabled(acting)
        self.deduct_button.setEnabled(who is not None and allowed(who.role, Permission.FINANCE))
        if acting:
            self.refresh()
        else:
            self.model.set_rows([])
            self.trail_label.setText("")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._acting() is not None:
            self.refresh()

    def on_server_event(self, topic: str) -> None:
        # Another desk refunded or deducted; a pass came back, a permit was cancelled.
        if topic in ("payments", "passes", "permits", "board", "connected", "resync") and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        who = self._acting()
        if who is None:
            return
        which, search = self.which_combo.currentData(), self.search_edit.text()
        deposits = self._station.deposits
        QueryOp(
            self, lambda: deposits.listing(which, search), lambda rows: self._show(who, rows), key="refresh"
        ).failure_in(self.status).run_in_background()

    def _show(self, who: SignedIn, rows: list[DepositView]) -> None:
        if self.session is not who:
            return
        chosen = self._selected()
        self.model.set_rows(rows)
        if chosen is not None:
            for row, value in enumerate(rows):
                if value.payment_id == chosen.payment_id:
                    self.table.selectRow(row)
        self._selected_changed()

    def _selected(self) -> DepositView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_value(rows[0].row()) if rows else None

    def _selected_changed(self) -> None:
        chosen = self._selected()
        self.trail_label.setText("" if chosen is None else self.trail(chosen))

    def trail(self, d: DepositView) -> str:
        """Every step of the deposit, each with its paper's number."""
        zone = self._station.site.timezone

        def when(moment: datetime | None) -> str:
            return local_stamp(moment, zone)

        lines = [
            self.tr("%1 taken %2: %3 by %4 for %5")
            .replace("%1", d.receipt_number)
            .replace("%2", when(d.taken_at))
            .replace("%3", yuan(d.amount_fen))
            .replace("%4", d.payer)
            .replace("%5", secures(d))
        ]
        if d.item_back_at is not None:
            lines.append(self.tr("Item back %1").replace("%1", when(d.item_back_at)))
        for step in d.deductions:
            word = self.tr("forfeited") if step.kind is DeductionKind.FORFEIT else self.tr("deducted")
            line = (
                self.tr("%1 %2 %3: %4 (%5)")
                .replace("%1", step.note_number)
                .replace("%2", when(step.recorded_at))
                .replace("%3", word)
                .replace("%4", yuan(step.amount_fen))
                .replace("%5", step.reason)
            )
            if step.approved_by_name:
                line += " " + self.tr("approved by %1").replace("%1", step.approved_by_name)
            lines.append(line)
        if d.refund_receipt is not None:
            lines.append(
                self.tr("%1 refunded %2: %3")
                .replace("%1", d.refund_receipt)
                .replace("%2", when(d.refunded_at))
                .replace("%3", yuan(d.refunded_fen))
            )
        return "\n".join(lines)

    # --- actions --------------------------------------------------------------------------------
    def _chosen_open(self) -> DepositView | None:
        chosen = self._selected()
        if chosen is None:
            self.status.show_error(self.tr("Select a deposit in the list first."))
            return None
        if chosen.state in (DepositState.REFUNDED, DepositState.SETTLED):
            self.status.show_error(self.tr("This deposit is closed: nothing is left of it."))
            return None
        return chosen

    def _refund(self) -> None:
        if self._acting() is None:
            self.status.show_error(self.tr("Your role cannot do this. Ask a supervisor."))
            return
        chosen = self._chosen_open()
        if chosen is not None:
            refund_deposit(self, self._station, chosen, self.status, self.refresh)

    def _deduct(self) -> None:
        who = self.session
        if who is None or not allowed(who.role, Permission.FINANCE):
            self.status.show_error(self.tr("Only finance (a supervisor) records deductions."))
            return
        chosen = self._chosen_open()
        if chosen is None:
            return
        try:
            amount = parse_yuan(self.amount_edit.text())
        except ValidationError as error:
            self.status.show_error(deposit_message(error))
            return
        request = DeductionRequest(
            amount_fen=amount, reason=self.reason_edit.text(), language=current_language()
        )
        key = self._deduct_key.key_for((chosen.receipt_number, amount, request.reason))
        deposits, number = self._station.deposits, chosen.receipt_number
        self._send(lambda: deposits.deduct(number, request, key), self._deduct_key)

    def _forfeit(self) -> None:
        if self._acting() is None:
            self.status.show_error(self.tr("Your role cannot do this. Ask a supervisor."))
            return
        chosen = self._chosen_open()
        if chosen is None:
            return
        request = ForfeitRequest(
            reason=self.reason_edit.text(),
            supervisor=self.supervisor_edit.text().strip(),
            secret=self.pin_edit.text(),
            language=current_language(),
        )
        self.pin_edit.clear()  # a PIN is typed again for each try
        key = self._forfeit_key.key_for((chosen.receipt_number, request.reason, request.supervisor))
        deposits, number = self._station.deposits, chosen.receipt_number
        self._send(lambda: deposits.forfeit(number, request, key), self._forfeit_key)

    def _send(self, work: Callable[[], DepositNoteResult], retry: RetryKey) -> None:
        printing = self._station.printing

        def run() -> DepositNoteResult:
            result = work()
            if result.job_id is None:
                return result
            outcome = printing.print_now(
                PrintOutcome(result.job_id, result.printed, result.printer, result.error)
            )
            return replace(result, printed=outcome.printed, printer=outcome.printer, error=outcome.error)

        def done(result: DepositNoteResult) -> None:
            retry.answered()
            for edit in (self.amount_edit, self.reason_edit, self.supervisor_edit):
                edit.clear()
            said = (
                self.tr("Note %1: balance of %2 now %3.")
                .replace("%1", result.note_number)
                .replace("%2", result.deposit.receipt_number)
                .replace("%3", yuan(result.deposit.balance_fen))
            )
            if result.printed:
                self.status.setText(said)
            else:
                self.status.show_error(
                    said
                    + " "
                    + self.tr("NOT printed: %1").replace(
                        "%1", print_problem(self._station.printers, result.error)
                    )
                )
            self.refresh()

        QueryOp(self, run, done).failure(
            lambda error: self.status.show_error(deposit_message(error))
        ).run_in_background()
