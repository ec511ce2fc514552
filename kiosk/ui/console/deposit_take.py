"""Taking a deposit tied to what it secures (#20 item 9): the item chooser of the payments page's
take form, and the dialog that opens where the item is handed out ("Take deposit" on the
machine-room passes page after a loan, on the permits page for a decoration or material permit)
with the item chosen and the usual amount filled in. The server links the receipt to the item
(``POST /deposits``), so returning the item prompts the refund."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.api.deposits import DepositTake
from kiosk.client.deposits import Deposits
from kiosk.client.http import RetryKey
from kiosk.client.station import Station
from kiosk.domain.deposits import ITEM_FOR, DepositItemView
from kiosk.domain.documents import PaymentMethod, ReceiptPurpose
from kiosk.domain.errors import ValidationError
from kiosk.domain.money import format_yuan, parse_yuan
from kiosk.domain.views import PaymentResult
from kiosk.ui.common.confirm import answer_buttons
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.widgets import ERROR_STYLE, SectionPage, StatusLabel, named, print_problem, printer_name
from kiosk.ui.console.deposit_prompt import deposit_message, item_word, printed_here, yuan
from kiosk.ui.console.payment_words import method_name, purpose_name


def item_kind_name(purpose: ReceiptPurpose) -> str:
    """What a deposit of ``purpose`` is tied to, as the form's row says it."""
    return {
        ReceiptPurpose.PASS_DEPOSIT: QCoreApplication.translate("DepositTake", "Machine-room pass on loan"),
        ReceiptPurpose.CARD_DEPOSIT: QCoreApplication.translate(
            "DepositTake", "Visitor card (visit on site)"
        ),
        ReceiptPurpose.DECORATION_PASS_DEPOSIT: QCoreApplication.translate(
            "DepositTake", "Decoration permit"
        ),
        ReceiptPurpose.DECORATION_BOND: QCoreApplication.translate(
            "DepositTake", "Decoration or material permit"
        ),
    }.get(purpose, QCoreApplication.translate("DepositTake", "Secures"))


def item_text(item: DepositItemView) -> str:
    """One line per item: its number, who holds it, their company or the permit's unit, and a
    permit's last day."""
    until = (
        QCoreApplication.translate("DepositTake", "until %1").replace("%1", _day(item.until))
        if item.until is not None
        else ""
    )
    return " · ".join(part for part in (item.label, item.holder, item.detail, until) if part)


def _day(day: date) -> str:
    return day.strftime("%m-%d")


def usual_amount(deposits: Deposits, purpose: ReceiptPurpose) -> int | None:
    """The amount last taken for this kind of deposit (the site's rate, as the desk charges it),
    or None when none was ever taken. Off the GUI thread."""
    for deposit in deposits.listing("all"):
        if deposit.purpose is purpose:
            return deposit.amount_fen
    return None


class DepositItemChooser(QComboBox):
    """The item a deposit is tied to: the items out for the deposit's kind that carry none yet,
    newest first, from the server. With ``unlinked``, the first entry ties it to nothing (a number
    typed by hand, for a deposit taken for anything else)."""

    loaded = Signal()

    def __init__(self, station: Station, object_name: str, unlinked: bool) -> None:
        super().__init__()
        named(self, object_name, self.tr("The item the deposit secures"))
        self._station = station
        self.status: StatusLabel | None = None  # where a failure to read the items is said
        self._unlinked = unlinked
        self._want: Callable[[DepositItemView], bool] | None = None
        self.purpose: ReceiptPurpose | None = None
        self._fill(None, [])

    def chosen(self) -> DepositItemView | None:
        data = self.currentData()
        return data if isinstance(data, DepositItemView) else None

    def load(
        self, purpose: ReceiptPurpose | None, select: Callable[[DepositItemView], bool] | None = None
    ) -> None:
        """The items out for ``purpose`` (None, or a fee: none), then the first that ``select``
        takes chosen, else the item chosen before if it is still out."""
        chosen = self.chosen()
        if select is None and chosen is not None:
            select = lambda row: row.item_id == chosen.item_id  # noqa: E731
        self._want = select
        if purpose is not self.purpose:
            self.purpose = purpose
            self._fill(purpose, [])
        if purpose is None or purpose not in ITEM_FOR:
            self.loaded.emit()
            return
        deposits = self._station.deposits
        QueryOp(
            self, lambda: deposits.items(purpose), lambda rows: self._fill(purpose, rows), key="items"
        ).failure(self._failed).run_in_background()

    def _failed(self, error: Exception) -> None:
        if self.status is not None:
            self.status.show_error(error_message(error))

    def forget(self) -> None:
        """The list emptied (the console changes hands: the holders' names are not the next person's)."""
        self._want = None
        self._fill(self.purpose, [])

    def _fill(self, purpose: ReceiptPurpose | None, rows: Sequence[DepositItemView]) -> None:
        if purpose is not self.purpose:
            return  # the kind changed while the server answered
        self.blockSignals(True)
        self.clear()
        if self._unlinked:
            self.addItem(self.tr("Not tied to an item: type the number below"), None)
        elif not rows:
            self.addItem(self.tr("Nothing out that can carry this deposit"), None)
        index = 0
        for row in rows:
            if not index and self._want is not None and self._want(row):
                index = self.count()
            self.addItem(item_text(row), row)
        self.setCurrentIndex(index)
        self.blockSignals(False)
        self.currentIndexChanged.emit(index)
        self.loaded.emit()


class DepositTakeDialog(QDialog):
    """A deposit for an item being handed out: its kind, the item (chosen for the desk), the
    amount (the usual one filled in), how it is paid, the payer (the holder if left empty)."""

    def __init__(
        self,
        parent: QWidget,
        station: Station,
        purposes: Sequence[ReceiptPurpose],
        select: Callable[[DepositItemView], bool] | None,
        status: StatusLabel,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("depositTakeDialog")
        self.setWindowTitle(self.tr("Take a deposit"))
        self.setModal(True)
        self.setMinimumWidth(520)
        self._station = station
        self._select = select
        self._amounts: dict[ReceiptPurpose, int | None] = {}
        self._filled = ""  # the amount this dialog filled in
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind_combo = named(QComboBox(), "depositTakeKindCombo", self.tr("Kind of deposit"))
        for purpose in purposes:
            self.kind_combo.addItem(purpose_name(purpose), purpose)
        self.item_label = QLabel()
        self.item_combo = DepositItemChooser(station, "depositTakeItemCombo", unlinked=False)
        self.item_combo.status = status
        self.item_combo.currentIndexChanged.connect(self._item_changed)
        self.amount_edit = named(QLineEdit(), "depositTakeAmountEdit", self.tr("Amount in yuan"))
        self.amount_edit.setPlaceholderText(self.tr("e.g. 100 or 50.50"))
        self.method_combo = named(QComboBox(), "depositTakeMethodCombo", self.tr("How it was paid"))
        for method in PaymentMethod:
            self.method_combo.addItem(method_name(method), method)
        self.payer_edit = named(QLineEdit(), "depositTakePayerEdit", self.tr("Who pays"))
        self.note_edit = named(QLineEdit(), "depositTakeNoteEdit", self.tr("Note (optional)"))
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.item_label, self.item_combo)
        form.addRow(self.tr("Amount (yuan)"), self.amount_edit)
        form.addRow(self.tr("Paid by"), self.method_combo)
        form.addRow(self.tr("Payer"), self.payer_edit)
        form.addRow(self.tr("Note (optional)"), self.note_edit)
        layout.addLayout(form)
        self.error_label = named(QLabel(), "depositTakeErrorLabel", self.tr("What is missing"))
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.ok_button = named(
            QPushButton(self.tr("Take and print receipt")), "depositTakeOkButton", self.tr("Take the deposit")
        )
        self.cancel_button = named(
            QPushButton(self.tr("Cancel")), "depositTakeCancelButton", self.tr("Cancel")
        )
        layout.addWidget(answer_buttons(self, self.ok_button, self.cancel_button, self._accept_checked))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def purpose(self) -> ReceiptPurpose:
        purpose = self.kind_combo.currentData()
        assert isinstance(purpose, ReceiptPurpose)
        return purpose

    def _kind_changed(self) -> None:
        purpose = self.purpose()
        self.item_label.setText(item_kind_name(purpose))
        self.item_combo.load(purpose, self._select)
        if purpose in self._amounts:
            self._show_amount(purpose, self._amounts[purpose])
            return
        deposits = self._station.deposits
        QueryOp(
            self,
            lambda: usual_amount(deposits, purpose),
            lambda fen: self._show_amount(purpose, fen),
            key="amount",
        ).failure(lambda _error: None).run_in_background()  # no usual amount: the clerk types it

    def _show_amount(self, purpose: ReceiptPurpose, fen: int | None) -> None:
        self._amounts[purpose] = fen
        # Filled in where the clerk typed nothing of their own (another kind's rate is replaced).
        if self.amount_edit.text() == self._filled:
            self._filled = format_yuan(fen) if fen is not None else ""
            self.amount_edit.setText(self._filled)

    def _item_changed(self) -> None:
        item = self.item_combo.chosen()
        self.payer_edit.setPlaceholderText(item.holder if item is not None else "")

    def request(self) -> DepositTake:
        """The deposit as filled in (call once accepted: the amount parsed, an item chosen)."""
        item = self.item_combo.chosen()
        assert item is not None
        return DepositTake(
            purpose=self.purpose(),
            item_id=item.item_id,
            payer=self.payer_edit.text().strip() or item.holder,
            amount_fen=parse_yuan(self.amount_edit.text()),
            method=self.method_combo.currentData(),
            note=self.note_edit.text(),
            language=current_language(),
        )

    def _accept_checked(self) -> None:
        if self.item_combo.chosen() is None:
            self.error_label.setText(deposit_message(ValidationError("item", "unknown")))
            return
        try:
            parse_yuan(self.amount_edit.text())
        except ValidationError as error:
            self.error_label.setText(deposit_message(error))
            return
        self.accept()


def take_deposit(
    page: SectionPage,
    station: Station,
    purposes: Sequence[ReceiptPurpose],
    select: Callable[[DepositItemView], bool] | None,
    status: StatusLabel,
    retry: RetryKey,
    done: Callable[[DepositItemView], None] = lambda _item: None,
) -> None:
    """Ask for a deposit on the item ``select`` picks (chosen in the dialog, the clerk may change it),
    take it at the server tied to the item and print its receipt at this desk; say how it went in
    ``status``. ``retry``: the page's key, so pressing again after no answer stores it once."""
    dialog = DepositTakeDialog(page, station, purposes, select, status)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        request = dialog.request()
        item = dialog.item_combo.chosen()
    finally:
        dialog.deleteLater()
    assert item is not None
    key = retry.key_for(request.model_dump_json())
    deposits = station.deposits
    status.setText(QCoreApplication.translate("DepositTake", "Printing…"))

    def taken(result: PaymentResult) -> None:
        retry.answered()
        said = (
            QCoreApplication.translate("DepositTake", "Receipt %1 for %2: %3 %4.")
            .replace("%1", result.receipt_number)
            .replace("%2", yuan(result.amount_fen))
            .replace("%3", item_word(ITEM_FOR[request.purpose]))
            .replace("%4", item.label)
        )
        if result.printed:
            status.setText(
                said
                + " "
                + QCoreApplication.translate("DepositTake", "Printed on %1.").replace(
                    "%1", printer_name(station.printers, result.printer)
                )
            )
        else:
            status.show_error(
                said
                + " "
                + QCoreApplication.translate("DepositTake", "NOT printed: %1").replace(
                    "%1", print_problem(station.printers, result.error)
                )
            )
        done(item)

    QueryOp(page, lambda: printed_here(station, deposits.take(request, key)), taken).failure(
        lambda error: status.show_error(
            QCoreApplication.translate("DepositTake", "No deposit taken: %1").replace(
                "%1", deposit_message(error)
            )
        )
    ).run_in_background()
