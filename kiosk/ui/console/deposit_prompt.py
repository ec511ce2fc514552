"""The refund prompt (#20 item 9): when a pass, card or permit comes back at the desk, the deposit
it carried is offered for refund with its amount; the clerk's yes pays it out through the payments
service with its refund receipt, a no leaves it due on the Deposits page. Nothing refunds by itself."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from kiosk.client.http import RetryKey
from kiosk.client.station import Station
from kiosk.domain.deposits import DepositItem, DepositView
from kiosk.domain.errors import ValidationError
from kiosk.domain.money import format_yuan
from kiosk.domain.staff import Permission, allowed
from kiosk.domain.views import PaymentResult, PrintOutcome
from kiosk.ui.common.confirm import confirm
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.messages import error_message, page_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.widgets import SectionPage, StatusLabel, print_problem


def item_word(item: DepositItem | None) -> str:
    return {
        DepositItem.PASS: QCoreApplication.translate("DepositPrompt", "Pass"),
        DepositItem.VISITOR_CARD: QCoreApplication.translate("DepositPrompt", "Visitor card"),
        DepositItem.PERMIT: QCoreApplication.translate("DepositPrompt", "Permit"),
        None: QCoreApplication.translate("DepositPrompt", "Card or pass"),
    }[item]


def yuan(fen: int) -> str:
    return "¥" + format_yuan(fen)


def deposit_message(error: Exception) -> str:
    """A refusal about deposits in the clerk's words (the shared words for anything else)."""
    if not isinstance(error, ValidationError):
        return error_message(error)
    messages = {
        ("receipt", "unknown"): QCoreApplication.translate(
            "DepositPrompt", "No deposit has this receipt number."
        ),
        ("receipt", "settled"): QCoreApplication.translate(
            "DepositPrompt",
            "Nothing is left of this deposit to refund: it was forfeited or deducted in full.",
        ),
        ("receipt", "already_refunded"): QCoreApplication.translate(
            "DepositPrompt", "Already refunded: refund receipt %1 on %2."
        ),
        ("receipt", "is_refund"): QCoreApplication.translate(
            "DepositPrompt", "This is a refund receipt; pick the original deposit."
        ),
        ("receipt", "not_a_deposit"): QCoreApplication.translate(
            "DepositPrompt", "This is a fee collected for finance, not a deposit."
        ),
        ("amount", "not_positive"): QCoreApplication.translate(
            "DepositPrompt", "The amount must be more than zero."
        ),
        ("amount", "not_a_number"): QCoreApplication.translate(
            "DepositPrompt", "Type the amount in yuan, e.g. 100 or 50.50."
        ),
        ("amount", "too_many_decimals"): QCoreApplication.translate(
            "DepositPrompt", "Yuan have at most two decimals (fen)."
        ),
        ("amount", "too_large"): QCoreApplication.translate(
            "DepositPrompt", "This amount is too large for a receipt."
        ),
        ("amount", "more_than_balance"): QCoreApplication.translate(
            "DepositPrompt", "A deduction can be at most what is left of the deposit."
        ),
        ("reason", "required"): QCoreApplication.translate(
            "DepositPrompt", "Type the reason: it prints on the note."
        ),
        ("reason", "too_long"): QCoreApplication.translate(
            "DepositPrompt", "The reason has at most %1 characters."
        ),
        ("item", "deposit_open"): QCoreApplication.translate(
            "DepositPrompt", "This item already carries a deposit (receipt %1)."
        ),
        ("item", "back"): QCoreApplication.translate(
            "DepositPrompt", "%1 is back already: it takes no deposit."
        ),
        ("item", "unknown"): QCoreApplication.translate(
            "DepositPrompt", "Choose an item that is out from the list."
        ),
        ("signer", "not_allowed"): QCoreApplication.translate(
            "DepositPrompt", "Only a supervisor can approve a forfeit."
        ),
        ("signer", "same_person"): QCoreApplication.translate(
            "DepositPrompt", "Another person must approve: a supervisor other than you."
        ),
        ("staff", "not_allowed"): QCoreApplication.translate(
            "DepositPrompt", "Your role cannot do this. Ask a supervisor."
        ),
    }
    return page_message(messages, error)


def printed_here(station: Station, result: PaymentResult) -> PaymentResult:
    """A receipt the server queued for this desk, printed on this desk's printer now (off the GUI
    thread)."""
    if result.job_id is None:
        return result
    outcome = station.printing.print_now(
        PrintOutcome(result.job_id, result.printed, result.printer, result.error)
    )
    return replace(result, printed=outcome.printed, printer=outcome.printer, error=outcome.error)


def refund_deposit(
    page: SectionPage, station: Station, deposit: DepositView, status: StatusLabel, done: Callable[[], None]
) -> None:
    """Ask the clerk with the amount, then refund it (a submit, printed at this desk); ``done``
    after the answer either way."""
    text = (
        QCoreApplication.translate(
            "DepositPrompt", "%1 %2 is back. Its deposit (receipt %3, paid by %4) is to be refunded: %5."
        )
        .replace("%1", item_word(deposit.item))
        .replace("%2", deposit.item_label or deposit.reference)
        .replace("%3", deposit.receipt_number)
        .replace("%4", deposit.payer)
        .replace("%5", yuan(deposit.balance_fen))
    )
    if deposit.deducted_fen:
        text += "\n" + QCoreApplication.translate("DepositPrompt", "Finance deducted %1 of %2.").replace(
            "%1", yuan(deposit.deducted_fen)
        ).replace("%2", yuan(deposit.amount_fen))
    if not confirm(
        page,
        QCoreApplication.translate("DepositPrompt", "Refund the deposit"),
        text,
        QCoreApplication.translate("DepositPrompt", "Refund %1").replace("%1", yuan(deposit.balance_fen)),
    ):
        status.setText(
            QCoreApplication.translate(
                "DepositPrompt", "Refund of %1 left for later: it stays due on the Deposits page."
            ).replace("%1", deposit.receipt_number)
        )
        done()
        return
    language = current_language()
    payments = station.payments
    key = RetryKey().key_for(deposit.receipt_number)

    def work() -> PaymentResult:
        return printed_here(station, payments.refund(deposit.receipt_number, language, key))

    def refunded(result: PaymentResult) -> None:
        said = (
            QCoreApplication.translate("DepositPrompt", "Refund %1 of %2 paid out (original receipt %3).")
            .replace("%1", result.receipt_number)
            .replace("%2", yuan(result.amount_fen))
            .replace("%3", result.refund_of or "")
        )
        if result.printed:
            status.setText(said)
        else:
            status.show_error(
                said
                + " "
                + QCoreApplication.translate("DepositPrompt", "NOT printed: %1").replace(
                    "%1", print_problem(station.printers, result.error)
                )
            )
        done()

    def failed(error: Exception) -> None:
        status.show_error(
            QCoreApplication.translate("DepositPrompt", "The refund was not made: %1").replace(
                "%1", deposit_message(error)
            )
        )
        done()

    QueryOp(page, work, refunded).failure(failed).run_in_background()


def offer_refunds(
    page: SectionPage, station: Station, item: DepositItem, labels: Sequence[str], status: StatusLabel
) -> None:
    """Items just came back at this desk: ask the server what their deposits are due, and offer
    each for refund in turn. Silent when none carried a deposit or the clerk takes no payments."""
    who = page.session
    if who is None or not allowed(who.role, Permission.TAKE_PAYMENTS) or not labels:
        return
    deposits = station.deposits
    wanted = list(labels)

    def next_one(queue: list[DepositView]) -> None:
        if queue and page.session is who:
            refund_deposit(page, station, queue[0], status, lambda: next_one(queue[1:]))

    QueryOp(page, lambda: deposits.due_for(item, wanted), next_one).run_in_background()
