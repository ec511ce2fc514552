"""The reopen dialog of a repair request when the caller must be asked again: after the warranty
a new request is taken (who calls now may not be who called then), and a request whose caller was
blanked by retention has nobody to call back (``kiosk.domain.repairs.reopen_asks_caller``)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.repair_views import RepairView
from kiosk.domain.repairs import CALLER_MAX, caller_blanked
from kiosk.ui.common.confirm import answer_buttons
from kiosk.ui.common.widgets import ERROR_STYLE, named

PHONE_MAX = 40  # generous for a number with its separators; the server checks the digits


class ReopenCallerDialog(QDialog):
    """Who is calling about it now, and on what number: both needed. The request's own caller is
    offered when it is still on record (the desk confirms or corrects it)."""

    def __init__(self, parent: QWidget, repair: RepairView, now: datetime) -> None:
        super().__init__(parent)
        self.setObjectName("repairReopenDialog")
        self.setWindowTitle(self.tr("Reopen %1").replace("%1", repair.number))
        self.setModal(True)
        layout = QVBoxLayout(self)
        if repair.warranty_until is not None and now >= repair.warranty_until:
            why = self.tr("The warranty of %1 has ended: a new request is taken for it.")
        else:
            why = self.tr("The caller's details of %1 are no longer kept.")
        question = named(
            QLabel(why.replace("%1", repair.number) + " " + self.tr("Who is calling, and on what number?")),
            "repairReopenQuestion",
            self.tr("Ask the caller again"),
        )
        question.setWordWrap(True)
        layout.addWidget(question)
        form = QFormLayout()
        self.caller_edit = named(QLineEdit(), "repairReopenCallerEdit", self.tr("Caller"))
        self.caller_edit.setMaxLength(CALLER_MAX)
        self.phone_edit = named(QLineEdit(), "repairReopenPhoneEdit", self.tr("Phone to call back"))
        self.phone_edit.setMaxLength(PHONE_MAX)
        if not caller_blanked(repair.caller_name, repair.phone):
            self.caller_edit.setText(repair.caller_name)
            self.phone_edit.setText(repair.phone)
        form.addRow(self.tr("Caller"), self.caller_edit)
        form.addRow(self.tr("Phone"), self.phone_edit)
        layout.addLayout(form)
        self.error_label = named(QLabel(), "repairReopenErrorLabel", self.tr("What is missing"))
        self.error_label.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.error_label)
        self.ok_button = named(QPushButton(self.tr("Reopen")), "repairReopenOkButton", self.tr("Reopen"))
        self.cancel_button = named(
            QPushButton(self.tr("Cancel")), "repairReopenCancelButton", self.tr("Cancel")
        )
        layout.addWidget(answer_buttons(self, self.ok_button, self.cancel_button, self._accept_with_caller))

    def caller(self) -> tuple[str, str]:
        return self.caller_edit.text().strip(), self.phone_edit.text().strip()

    def _accept_with_caller(self) -> None:
        name, phone = self.caller()
        if not name:
            self.error_label.setText(self.tr("Please enter the caller's name."))
        elif not phone:
            self.error_label.setText(self.tr("Please enter a phone number to call back."))
        else:
            self.accept()


def ask_reopen_caller(parent: QWidget, repair: RepairView, now: datetime) -> tuple[str, str] | None:
    """The caller's name and phone for reopening ``repair``, or None if the desk thought better of it."""
    dialog = ReopenCallerDialog(parent, repair, now)
    try:
        return dialog.caller() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
