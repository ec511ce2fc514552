"""Leaving the building at the kiosk: scan the badge, or give one's name and the mobile's last four
digits; then a thank-you."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from kiosk.domain.errors import ValidationError
from kiosk.domain.visitor import NAME_MAX_CHARS
from kiosk.ui.common.messages import validation_message
from kiosk.ui.common.widgets import named
from kiosk.ui.kiosk.base import TranslatedPage, back_and_primary, wrapped_label


class CheckOutPage(TranslatedPage):
    """Leaving: scan the badge at the scanner, or type one's name and the last four digits of the
    mobile given at check-in. Nobody is listed: a stranger typing names learns nothing, and the
    server counts wrong tries (a few and the kiosk waits)."""

    check_out_requested = Signal(str, str)  # name, last four digits of the mobile
    back_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("checkOutPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 30, 60, 30)
        self.title = wrapped_label("title")
        self.scan_hint = named(wrapped_label(), "checkOutScanHint", "")
        self.scan_hint.setStyleSheet("font-size: 28px;")
        self.name_label = wrapped_label()
        self.name_edit = named(QLineEdit(), "checkOutNameEdit", "")
        self.name_edit.setMaxLength(NAME_MAX_CHARS)
        self.digits_label = wrapped_label()
        self.digits_edit = named(QLineEdit(), "checkOutMobileDigitsEdit", "")
        # The on-screen keyboard's number pad, as for the staff PIN; four digits and no more.
        self.digits_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.digits_edit.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,4}"), self))
        self.digits_edit.setMaxLength(4)
        self.digits_edit.setMaximumWidth(320)
        self.digits_edit.setStyleSheet("font-size: 40px; letter-spacing: 12px;")
        self.digits_edit.returnPressed.connect(self._confirm)
        self.name_edit.returnPressed.connect(self.digits_edit.setFocus)
        self.no_mobile_hint = named(wrapped_label(), "checkOutNoMobileHint", "")
        self.no_mobile_hint.setStyleSheet("color: #455a64;")
        self.error_label = named(wrapped_label("error"), "checkOutError", "")
        for edit in (self.name_edit, self.digits_edit):
            edit.textEdited.connect(self.error_label.clear)  # a bad scan is old news once they type
        for widget in (
            self.title,
            self.scan_hint,
            self.name_label,
            self.name_edit,
            self.digits_label,
            self.digits_edit,
            self.no_mobile_hint,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.back_button, self.confirm_button = back_and_primary(
            layout, "checkOutBackButton", "checkOutConfirmButton"
        )
        self.back_button.clicked.connect(self.back_requested)
        self.confirm_button.clicked.connect(self._confirm)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Check out"))
        self.scan_hint.setText(self.tr("Hold your badge's QR code under the scanner."))
        self.scan_hint.setAccessibleName(self.tr("How to check out"))
        self.name_label.setText(self.tr("No badge? Type your name as you gave it at check-in:"))
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.digits_label.setText(self.tr("and the last four digits of the mobile number you gave:"))
        self.digits_edit.setAccessibleName(self.tr("Last four digits of your mobile number"))
        self.no_mobile_hint.setText(self.tr("Gave no mobile number? Please check out at the front desk."))
        self.error_label.setAccessibleName(self.tr("What to fix"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.confirm_button.setText(self.tr("Check out"))
        self.confirm_button.setAccessibleName(self.tr("Check out with this name and these digits"))

    def enter(self) -> None:
        self.name_edit.clear()
        self.digits_edit.clear()
        self.error_label.clear()
        self.confirm_button.setEnabled(True)

    def show_error(self, text: str) -> None:
        self.confirm_button.setEnabled(True)
        self.error_label.setText(text)

    def _confirm(self) -> None:
        name, digits = self.name_edit.text().strip(), self.digits_edit.text()
        if not name:
            self.error_label.setText(self.tr("Please type your name, or scan your badge."))
            self.name_edit.setFocus()
            return
        if len(digits) != 4:
            self.error_label.setText(validation_message(ValidationError("mobile_last_four", "format")))
            self.digits_edit.setFocus()
            return
        self.confirm_button.setEnabled(False)  # one check-out at a time; an answer enables it again
        self.check_out_requested.emit(name, digits)


class ThankYouPage(TranslatedPage):
    """Checked out: a thank-you, then back to the welcome screen by itself."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("thankYouPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        layout.addStretch(1)
        self.title = named(wrapped_label("title"), "thankYouTitleLabel", "")
        self.detail = named(wrapped_label(), "thankYouDetailLabel", "")
        for widget in (self.title, self.detail):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Thank you for your visit"))
        self.title.setAccessibleName(self.tr("Result"))
        self.detail.setText(
            self.tr("You are checked out. Please leave your badge in the box at the desk. Goodbye!")
        )
        self.detail.setAccessibleName(self.tr("What to do next"))
