"""Deposits and fees at the desk (押金、代收费用): take a payment and print its numbered receipt,
refund a deposit when the card or pass comes back, and print the shift's cash summary.

The site server stores the money and numbers the receipt; the receipt prints on this desk's own
printer. Taking money is a submit with an Idempotency-Key that stays the same when the clerk
presses again after the server did not answer, so the payment is stored once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from kiosk.api.deposits import DepositTake
from kiosk.api.payments import DepositRequest, FeeRequest
from kiosk.client.http import RetryKey, ServerUnreachableError
from kiosk.client.station import Station
from kiosk.domain.documents import CashSummary, PaymentMethod, ReceiptPurpose
from kiosk.domain.errors import ValidationError
from kiosk.domain.money import format_yuan, parse_yuan
from kiosk.domain.payments import DEPOSITS
from kiosk.domain.staff import Permission, SignedIn, allowed
from kiosk.domain.views import PaymentResult, PaymentView, PrintOutcome
from kiosk.ui.common.confirm import confirm
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.messages import error_message, page_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.table_model import RowTableModel
from kiosk.ui.common.widgets import (
    SectionPage,
    action_button,
    named,
    print_problem,
    printer_name,
    table_view,
)
from kiosk.ui.console.deposit_prompt import deposit_message, item_word, printed_here
from kiosk.ui.console.deposit_take import DepositItemChooser, item_kind_name
from kiosk.ui.console.payment_words import method_name, purpose_name

OPEN_DEPOSIT = QColor("#fff9c4")


def yuan(fen: int) -> str:
    return ("-¥" if fen < 0 else "¥") + format_yuan(abs(fen))


def _refusal_as_value(work: Callable[[], Any]) -> Any:
    """A refusal is an answer for the desk, not a failure for the log: hand it back as a value."""
    try:
        return work()
    except ValidationError as error:
        return error


class PaymentsTableModel(RowTableModel[PaymentView]):
    """Today's receipts, newest first; a deposit still to be refunded stands out."""

    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(
            (
                self.tr("Receipt"),
                self.tr("Time"),
                self.tr("Kind"),
                self.tr("Amount"),
                self.tr("Method"),
                self.tr("Payer"),
                self.tr("Card / pass / unit"),
                self.tr("State"),
            )
        )
        self._zone = zone

    def entry(self, row: int) -> PaymentView:
        return self.row_value(row)

    def background(self, value: PaymentView, column: int) -> QBrush | None:
        return QBrush(OPEN_DEPOSIT) if value.open_deposit else None

    def display(self, p: PaymentView, column: int) -> str:
        if column == 0:
            return p.receipt_number
        if column == 1:
            return p.taken_at.astimezone(self._zone).strftime("%H:%M")
        if column == 2:
            return purpose_name(p.purpose)
        if column == 3:
            return yuan(-p.amount_fen if p.is_refund else p.amount_fen)
        if column == 4:
            return method_name(p.method)
        if column == 5:
            return p.payer
        if column == 6:
            return " · ".join(part for part in (p.reference, p.description) if part)
        if p.refund_of is not None:
            return self.tr("Refund of %1").replace("%1", p.refund_of)
        if p.refunded_by is not None:
            return self.tr("Refunded (%1)").replace("%1", p.refunded_by)
        return self.tr("Deposit held") if p.purpose in DEPOSITS else self.tr("Paid")


class PaymentsPage(SectionPage):
    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("paymentsPage")
        self._station = station
        self.summary: CashSummary | None = None
        # Pressed again after no answer, with the same details: the same submit, stored once.
        self._take_key = RetryKey()
        self._refund_key = RetryKey()
        layout = QVBoxLayout(self)

        take = named(QGroupBox(self.tr("Take a deposit or fee")), "paymentTakeGroup", self.tr("New payment"))
        form = QFormLayout(take)
        self.kind_combo = named(QComboBox(), "paymentKindCombo", self.tr("What the money is for"))
        for purpose in ReceiptPurpose:
            self.kind_combo.addItem(purpose_name(purpose), purpose)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.amount_edit = named(QLineEdit(), "paymentAmountEdit", self.tr("Amount in yuan"))
        self.amount_edit.setPlaceholderText(self.tr("e.g. 100 or 50.50"))
        self.method_combo = named(QComboBox(), "paymentMethodCombo", self.tr("How it was paid"))
        for method in PaymentMethod:
            self.method_combo.addItem(method_name(method), method)
        self.payer_edit = named(QLineEdit(), "paymentPayerEdit", self.tr("Who pays"))
        # What a deposit secures: an item out, from the server, or a number typed (tied to nothing).
        self.item_label = QLabel()
        self.item_combo = DepositItemChooser(station, "paymentItemCombo", unlinked=True)
        self.item_combo.currentIndexChanged.connect(self._item_changed)
        self.reference_label = QLabel()
        self.reference_edit = named(QLineEdit(), "paymentReferenceEdit", self.tr("Card or pass number"))
        self.note_label = QLabel()
        self.note_edit = named(QLineEdit(), "paymentNoteEdit", self.tr("What the fee is for, or a note"))
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Amount (yuan)"), self.amount_edit)
        form.addRow(self.tr("Paid by"), self.method_combo)
        form.addRow(self.item_label, self.item_combo)
        form.addRow(self.tr("Payer"), self.payer_edit)
        form.addRow(self.reference_label, self.reference_edit)
        self._form = form
        form.addRow(self.note_label, self.note_edit)
        self.take_button = action_button(
            self.tr("Take payment and print receipt"), "paymentTakeButton", self.tr("Take the payment")
        )
        self.take_button.clicked.connect(self._take)
        form.addRow(self.take_button)
        layout.addWidget(take)

        self.today_label = named(QLabel(), "paymentTodayLabel", self.tr("Today's receipts"))
        self.today_label.setStyleSheet("font-size: 18px; font-weight: bold;")
        layout.addWidget(self.today_label)
        self.model = PaymentsTableModel(station.site.timezone)
        self.table = table_view("paymentsTable", self.tr("Today's receipts"), self.model)
        layout.addWidget(self.table, 1)

        refund = QHBoxLayout()
        self.refund_edit = named(QLineEdit(), "paymentRefundEdit", self.tr("Receipt, card or pass number"))
        self.refund_edit.setPlaceholderText(
            self.tr("Receipt no., card or pass number (or select a deposit above)")
        )
        self.refund_edit.returnPressed.connect(self._refund)
        self.refund_button = action_button(
            self.tr("Refund deposit"), "paymentRefundButton", self.tr("Refund the deposit")
        )
        self.refund_button.clicked.connect(self._refund)
        self.reprint_button = action_button(
            self.tr("Print copy"), "paymentReprintButton", self.tr("Print the selected receipt again")
        )
        self.reprint_button.clicked.connect(self._reprint)
        refund.addWidget(self.refund_edit, 1)
        refund.addWidget(self.refund_button)
        refund.addWidget(self.reprint_button)
        layout.addLayout(refund)

        summary = QHBoxLayout()
        self.summary_label = named(QLabel(), "paymentSummaryLabel", self.tr("My shift's takings"))
        self.summary_label.setWordWrap(True)
        self.summary_button = action_button(
            self.tr("Print cash summary"), "paymentSummaryButton", self.tr("Print my shift's cash summary")
        )
        self.summary_button.clicked.connect(self._print_summary)
        summary.addWidget(self.summary_label, 1)
        summary.addWidget(self.summary_button)
        layout.addLayout(summary)

        self.status = self.add_status(layout, "paymentStatus", self.tr("Last action result"))
        self.item_combo.status = self.status
        self.transient(self.refund_edit)
        self._buttons = (self.take_button, self.refund_button, self.reprint_button, self.summary_button)
        self._kind_changed()
        self.set_session(None)

    # --- session and refresh --------------------------------------------------------------------
    def _permitted(self) -> SignedIn | None:
        who = self.session
        if who is None or not allowed(who.role, Permission.TAKE_PAYMENTS):
            self.status.show_error(self.tr("Your role cannot do this. Ask a supervisor."))
            return None
        return who

    def _enable(self) -> bool:
        who = self.session
        acting = who is not None and allowed(who.role, Permission.TAKE_PAYMENTS)
        for button in self._buttons:
            button.setEnabled(acting)
        return acting

    def set_session(self, who: SignedIn | None) -> None:
        super().set_session(who)
        if self._enable():
            self.refresh()
        else:
            self.model.set_rows([])
            self.summary_label.setText("")
            self.summary = None
            self.item_combo.forget()

    def showEvent(self, event: QShowEvent) -> None:
        # Other desks take payments too; the day moves on while the page is hidden.
        super().showEvent(event)
        if self.session is not None and allowed(self.session.role, Permission.TAKE_PAYMENTS):
            self.refresh()

    def on_server_event(self, topic: str) -> None:
        # Another desk took or refunded money, or this console was away from the server a while.
        if topic in ("payments", "connected", "resync") and self.isVisible():
            self.refresh()
        # A pass lent or back, a visitor card handed out, a permit issued: the items out change.
        elif topic in ("passes", "board", "permits") and self.isVisible() and self._acting():
            self._load_items()

    def refresh(self) -> None:
        who = self.session
        if who is None or not allowed(who.role, Permission.TAKE_PAYMENTS):
            return
        now = self._station.clock.now().astimezone(self._station.site.timezone)
        day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
        payments = self._station.payments

        def fetch() -> tuple[list[PaymentView], CashSummary]:
            return payments.taken_since(day_start), payments.cash_summary()

        QueryOp(self, fetch, lambda found: self._show_day(who, *found), key="refresh").run_in_background()
        self._load_items()  # an item taken a deposit for meanwhile goes off the chooser

    def _show_day(self, who: SignedIn, rows: list[PaymentView], summary: CashSummary) -> None:
        if self.session is not who:
            return  # signed out, or another clerk, since it was asked for
        self.model.set_rows(rows)
        held = [r for r in rows if r.open_deposit]
        self.today_label.setText(
            self.tr("Today's receipts: %1 — deposits held: %2 (%3)")
            .replace("%1", str(len(rows)))
            .replace("%2", str(len(held)))
            .replace("%3", yuan(sum(r.amount_fen for r in held)))
        )
        self.summary = summary
        self.summary_label.setText(self._summary_text(summary))

    def _summary_text(self, summary: CashSummary) -> str:
        since = summary.period_start.strftime("%m-%d %H:%M")
        if not summary.lines:
            return self.tr("My shift since %1: no payments.").replace("%1", since)
        parts = []
        for line in summary.lines:
            part = f"{purpose_name(line.purpose)} {line.count} × {yuan(line.total_fen)}"
            if line.refund_count:
                part += ", " + self.tr("refunded %1").replace(
                    "%1", f"{line.refund_count} × {yuan(line.refund_fen)}"
                )
            parts.append(part)
        methods = ", ".join(f"{method_name(m.method)} {yuan(m.net_fen)}" for m in summary.methods)
        return (
            self.tr("My shift since %1 — net %2 (%3)")
            .replace("%1", since)
            .replace("%2", yuan(summary.net_fen))
            .replace("%3", methods)
            + "\n"
            + "; ".join(parts)
        )

    def _kind_changed(self) -> None:
        purpose: ReceiptPurpose = self.kind_combo.currentData()
        fee = purpose is ReceiptPurpose.FEE_ON_BEHALF
        # A deposit is tied to the item it secures, chosen from those out (or typed, tied to none).
        self.item_label.setText(item_kind_name(purpose))
        self._form.setRowVisible(self.item_combo, not fee)
        # A fee is for a unit and says what it is for; a deposit is for one card or pass.
        self.reference_label.setText(self.tr("Unit") if fee else self.tr("Card / pass number"))
        self.note_label.setText(self.tr("Fee for") if fee else self.tr("Note (optional)"))
        self.reference_edit.setPlaceholderText(self.tr("e.g. 2-1104") if fee else self.tr("e.g. C-031"))
        self.note_edit.setPlaceholderText(
            self.tr("e.g. decoration waste removal") if fee else self.tr("e.g. lost card deposit rules told")
        )
        if self._acting():
            self._load_items()

    def _acting(self) -> bool:
        return self.session is not None and allowed(self.session.role, Permission.TAKE_PAYMENTS)

    def _load_items(self) -> None:
        purpose: ReceiptPurpose = self.kind_combo.currentData()
        self.item_combo.load(None if purpose is ReceiptPurpose.FEE_ON_BEHALF else purpose)

    def _item_changed(self) -> None:
        item = self.item_combo.chosen()
        # The number is the item's; the payer, unless typed, its holder (the visitor, the worker).
        if item is not None:
            self.reference_edit.setText(item.label)
        elif not self.reference_edit.isEnabled():
            self.reference_edit.clear()  # the item's number, not one the clerk typed
        self.reference_edit.setEnabled(item is None)
        self.payer_edit.setPlaceholderText(item.holder if item is not None else "")

    # --- actions --------------------------------------------------------------------------------
    def _busy(self, work: Callable[[], Any], done: Callable[[Any], None], money: bool = False) -> None:
        """``work`` off the GUI thread: the server's call, then this desk's printer, which may take
        its time. ``money``: it takes or pays out money (pressing again is safe; it is said so)."""
        for button in self._buttons:
            button.setEnabled(False)
        self.status.setText(self.tr("Printing…"))
        QueryOp(self, lambda: _refusal_as_value(work), lambda result: self._finish(done, result)).failure(
            lambda error: self._failed(error, money)
        ).run_in_background()

    def _finish(self, done: Callable[[Any], None], result: Any) -> None:
        if isinstance(result, ValidationError):
            self._failed(result)
            return
        self._enable()
        done(result)

    def _failed(self, error: Exception, money: bool = False) -> None:
        self._enable()
        if isinstance(error, ValidationError):
            self.status.show_error(self._message(error))
        elif money and isinstance(error, ServerUnreachableError):
            self.status.show_error(
                self.tr(
                    "The server does not answer. Press the button again once it does: the payment is "
                    "recorded only once."
                )
            )
        else:
            self.status.show_error(error_message(error))

    def _printed_here(self, result: PaymentResult) -> PaymentResult:
        """The receipt the server queued for this desk, printed on this desk's printer now (off the
        GUI thread)."""
        return printed_here(self._station, result)

    def _take(self) -> None:
        who = self._permitted()
        if who is None:
            return
        purpose: ReceiptPurpose = self.kind_combo.currentData()
        method: PaymentMethod = self.method_combo.currentData()
        try:
            amount = parse_yuan(self.amount_edit.text())
        except ValidationError as error:
            self.status.show_error(self._message(error))
            return
        payer, reference, note = self.payer_edit.text(), self.reference_edit.text(), self.note_edit.text()
        item = self.item_combo.chosen() if purpose is not ReceiptPurpose.FEE_ON_BEHALF else None
        if item is not None:
            payer = payer.strip() or item.holder
            reference = f"{item_word(item.item)} {item.label}"
        if not self._confirm_taking(purpose, method, amount, payer, reference):
            self.status.setText(self.tr("Nothing taken."))
            return
        language = current_language()
        payments, station = self._station.payments, self._station
        key = self._take_key.key_for((purpose, method, amount, payer, reference, note))
        if item is not None:
            linked = DepositTake(
                purpose=purpose,
                item_id=item.item_id,
                payer=payer,
                amount_fen=amount,
                method=method,
                note=note,
                language=language,
            )

            def work() -> PaymentResult:
                return printed_here(station, station.deposits.take(linked, key))

        elif purpose is ReceiptPurpose.FEE_ON_BEHALF:
            fee = FeeRequest(
                payer=payer, amount_fen=amount, item=note, unit=reference, method=method, language=language
            )

            def work() -> PaymentResult:
                return self._printed_here(payments.record_fee(fee, key))

        else:
            deposit = DepositRequest(
                purpose=purpose,
                payer=payer,
                reference=reference,
                amount_fen=amount,
                method=method,
                note=note,
                language=language,
            )

            def work() -> PaymentResult:
                return self._printed_here(payments.take_deposit(deposit, key))

        self._busy(work, self._taken, money=True)

    def _confirm_taking(
        self, purpose: ReceiptPurpose, method: PaymentMethod, amount: int, payer: str, reference: str
    ) -> bool:
        """The amount, the kind and how it is paid, read back before the receipt prints."""
        text = (
            self.tr("Take %1 by %2 for: %3.\nPayer: %4 · %5\nThe numbered receipt prints at once.")
            .replace("%1", yuan(amount))
            .replace("%2", method_name(method))
            .replace("%3", purpose_name(purpose))
            .replace("%4", payer.strip() or "—")
            .replace("%5", reference.strip() or "—")
        )
        return confirm(self, self.tr("Take payment"), text, self.tr("Take %1").replace("%1", yuan(amount)))

    def _taken(self, result: PaymentResult) -> None:
        self._take_key.answered()
        for edit in (self.amount_edit, self.payer_edit, self.reference_edit, self.note_edit):
            edit.clear()
        text = (
            self.tr("Receipt %1 for %2.")
            .replace("%1", result.receipt_number)
            .replace("%2", yuan(result.amount_fen))
        )
        self._show_printed(text + " ", result.printed, result.printer, result.error)
        self.refresh()

    def _selected(self) -> PaymentView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def _refund(self) -> None:
        who = self._permitted()
        if who is None:
            return
        key = self.refund_edit.text().strip()
        if not key:
            chosen = self._selected()
            if chosen is None:
                self.status.show_error(
                    self.tr("Select a deposit in the list or type its receipt, card or pass number.")
                )
                return
            key = chosen.receipt_number
        language = current_language()
        payments = self._station.payments
        submit = self._refund_key.key_for(key.upper())
        self._busy(
            lambda: self._printed_here(payments.refund(key, language, submit)), self._refunded, money=True
        )

    def _refunded(self, result: PaymentResult) -> None:
        self._refund_key.answered()
        self.refund_edit.clear()
        text = (
            self.tr("Refund %1 of %2 paid out (original receipt %3).")
            .replace("%1", result.receipt_number)
            .replace("%2", yuan(result.amount_fen))
            .replace("%3", result.refund_of or "")
        )
        self._show_printed(text + " ", result.printed, result.printer, result.error)
        self.refresh()

    def _reprint(self) -> None:
        who = self._permitted()
        if who is None:
            return
        chosen = self._selected()
        if chosen is None:
            self.status.show_error(self.tr("Select a receipt in the list first."))
            return
        station = self._station
        number = chosen.receipt_number
        self._busy(lambda: station.printing.print_now(station.payments.reprint(number)), self._outcome)

    def _print_summary(self) -> None:
        who = self._permitted()
        if who is None:
            return
        language = current_language()
        station = self._station
        # The server sums the clerk's shift as it stands now: the sheet and the screen agree.
        self._busy(
            lambda: station.printing.print_now(station.payments.print_cash_summary(language)),
            self._summarised,
        )

    def _summarised(self, outcome: PrintOutcome) -> None:
        self._outcome(outcome)
        self.refresh()

    def _outcome(self, outcome: PrintOutcome) -> None:
        self._show_printed("", outcome.printed, outcome.printer, outcome.error)

    def _show_printed(self, done: str, printed: bool, printer: str | None, error: str | None) -> None:
        """What was done, then where it printed; red when it did not print, as the receipt is
        still owed to the payer."""
        if printed:
            self.status.setText(
                done + self.tr("Printed on %1.").replace("%1", printer_name(self._station.printers, printer))
            )
            return
        self.status.show_error(
            done
            + self.tr("NOT printed: %1 — it waits in the print queue.").replace(
                "%1", print_problem(self._station.printers, error)
            )
        )

    def _message(self, error: ValidationError) -> str:
        if error.field == "item" and error.code in ("deposit_open", "back", "unknown"):
            return deposit_message(error)  # a deposit tied to an item (kiosk.services.deposits)
        messages = {
            ("amount", "not_a_number"): self.tr("Type the amount in yuan, e.g. 100 or 50.50."),
            ("amount", "not_positive"): self.tr("The amount must be more than zero."),
            ("amount", "too_many_decimals"): self.tr("Yuan have at most two decimals (fen)."),
            ("amount", "too_large"): self.tr("This amount is too large for a receipt."),
            ("amount", "partial_refund"): self.tr("A deposit is refunded whole; deductions are for finance."),
            ("payer", "required"): self.tr("Type who pays."),
            ("payer", "too_long"): self.tr("The payer's name has at most %1 characters."),
            ("reference", "required"): self.tr("Type the card or pass number the deposit is for."),
            ("reference", "too_long"): self.tr("The card or pass number has at most %1 characters."),
            ("reference", "deposit_open"): self.tr(
                "This card or pass already has a deposit (receipt %1): refund it first."
            ),
            ("item", "required"): self.tr("Type what the fee is for."),
            ("item", "too_long"): self.tr("What the fee is for: at most %1 characters."),
            ("unit", "too_long"): self.tr("The unit has at most %1 characters."),
            ("note", "too_long"): self.tr("The note has at most %1 characters."),
            ("receipt", "required"): self.tr("Type the receipt, card or pass number."),
            ("receipt", "unknown"): self.tr("No deposit to refund under this receipt, card or pass number."),
            ("receipt", "already_refunded"): self.tr("Already refunded: refund receipt %1 on %2."),
            ("receipt", "is_refund"): self.tr("This is a refund receipt; pick the original deposit."),
            ("receipt", "not_a_deposit"): self.tr("This is a fee collected for finance, not a deposit."),
        }
        return page_message(messages, error)
