"""Second looks before the desk acts for good: letting a visitor in, turning one away (with a
reason), taking money. One tap on the wrong row must not do any of them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.common.widgets import ERROR_STYLE, named

DECLINE_REASON_MAX = 200


def answer_buttons(
    dialog: QDialog, ok: QPushButton, cancel: QPushButton, on_ok: Callable[[], None]
) -> QDialogButtonBox:
    """The two answers, Cancel the default: Enter on a dialog that just opened does nothing for good."""
    buttons = QDialogButtonBox()
    buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    ok.setAutoDefault(False)
    cancel.setDefault(True)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ConfirmDialog(QDialog):
    """A question with the facts and two answers; the safe one (cancel) is the default."""

    def __init__(self, parent: QWidget, title: str, text: str, confirm: str) -> None:
        super().__init__(parent)
        self.setObjectName("confirmDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.text_label = named(QLabel(text), "confirmTextLabel", title)
        self.text_label.setWordWrap(True)
        self.text_label.setStyleSheet("font-size: 16px;")
        layout.addWidget(self.text_label)
        self.ok_button = named(QPushButton(confirm), "confirmOkButton", confirm)
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "confirmCancelButton", self.tr("Cancel"))
        layout.addWidget(answer_buttons(self, self.ok_button, self.cancel_button, self.accept))


def confirm(parent: QWidget, title: str, text: str, confirm_text: str) -> bool:
    """Ask; True only if the person pressed ``confirm_text``."""
    dialog = ConfirmDialog(parent, title, text, confirm_text)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


class DeclineDialog(QDialog):
    """Why the visitor is turned away: a common reason picked, or typed, or both; never none."""

    def __init__(self, parent: QWidget, visitor: str) -> None:
        super().__init__(parent)
        self.setObjectName("declineDialog")
        self.setWindowTitle(self.tr("Decline the visit"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        question = QLabel(self.tr("Turn %1 away? Say why: it is kept with the visit.").replace("%1", visitor))
        question.setWordWrap(True)
        layout.addWidget(question)
        self.reason_combo = named(QComboBox(), "declineReasonCombo", self.tr("Common reasons"))
        self.reason_combo.addItem(self.tr("Choose a reason…"), "")
        for reason in (
            self.tr("The host is not available today"),
            self.tr("The host declined the visit"),
            self.tr("No appointment: the host asks to arrange one first"),
            self.tr("The visitor left before a decision"),
        ):
            self.reason_combo.addItem(reason, reason)
        layout.addWidget(self.reason_combo)
        self.reason_edit = named(QLineEdit(), "declineReasonEdit", self.tr("Reason in your words"))
        self.reason_edit.setPlaceholderText(self.tr("Or type the reason (or add to the one chosen)"))
        self.reason_edit.setMaxLength(DECLINE_REASON_MAX)
        layout.addWidget(self.reason_edit)
        self.error_label = named(QLabel(), "declineErrorLabel", self.tr("What is missing"))
        self.error_label.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.error_label)
        self.ok_button = named(
            QPushButton(self.tr("Decline")), "declineOkButton", self.tr("Decline the visit")
        )
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "declineCancelButton", self.tr("Cancel"))
        layout.addWidget(answer_buttons(self, self.ok_button, self.cancel_button, self._accept_with_reason))

    def reason(self) -> str:
        chosen = str(self.reason_combo.currentData() or "")
        typed = self.reason_edit.text().strip()
        if chosen and typed:
            return self.tr("%1: %2").replace("%1", chosen).replace("%2", typed)
        return chosen or typed

    def _accept_with_reason(self) -> None:
        if not self.reason():
            self.error_label.setText(self.tr("Choose or type the reason first."))
            return
        self.accept()


def ask_decline_reason(parent: QWidget, visitor: str) -> str:
    """The reason for turning ``visitor`` away, or "" if the desk thought better of it."""
    dialog = DeclineDialog(parent, visitor)
    try:
        return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else ""
    finally:
        dialog.deleteLater()
