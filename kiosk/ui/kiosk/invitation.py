"""Checking in with an invitation code: the details the host entered, confirmed by the visitor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout

from kiosk.client.station import Station
from kiosk.domain.text import with_aside
from kiosk.domain.views import InvitationView
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.widgets import label_value, named
from kiosk.ui.kiosk.base import TranslatedPage, back_and_primary, wrapped_label


class InvitationPage(TranslatedPage):
    """ "I have an invitation": type or scan the code, confirm the details, accept, get the badge."""

    confirmed = Signal(str)
    back_requested = Signal()

    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("invitationPage")
        self._station = station
        self._found: InvitationView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 30, 60, 30)
        self.title = wrapped_label("title")
        self.code_label = wrapped_label()
        self.code_edit = named(QLineEdit(), "invitationCodeEdit", "")
        self.code_edit.setMaxLength(16)
        self.code_edit.setStyleSheet("font-size: 40px; letter-spacing: 6px;")
        self.code_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhUppercaseOnly | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.code_edit.returnPressed.connect(self.look_up)
        self.find_button = named(QPushButton(), "invitationFindButton", "")
        self.find_button.clicked.connect(self.look_up)
        row = QHBoxLayout()
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.find_button)
        self.details = named(wrapped_label(), "invitationDetailsLabel", "")
        self.details.setStyleSheet("font-size: 28px;")
        self.declaration = named(wrapped_label(), "invitationDeclarationLabel", "")
        self.error_label = named(wrapped_label("error"), "invitationError", "")
        for widget in (self.title, self.code_label):
            layout.addWidget(widget)
        layout.addLayout(row)
        for widget in (self.details, self.declaration):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        self.back_button, self.confirm_button = back_and_primary(
            layout, "invitationBackButton", "invitationConfirmButton"
        )
        self.back_button.clicked.connect(self.back_requested)
        self.confirm_button.clicked.connect(self._confirm)
        self.retranslate()
        self.enter()

    def retranslate(self) -> None:
        self.title.setText(self.tr("I have an invitation"))
        self.code_label.setText(self.tr("Scan the QR code of your invitation, or type its 6-character code:"))
        self.code_edit.setAccessibleName(self.tr("Invitation code"))
        self.find_button.setText(self.tr("Find"))
        self.find_button.setAccessibleName(self.tr("Find the invitation"))
        self.details.setAccessibleName(self.tr("Your invitation"))
        self.declaration.setText(
            self.tr(
                "By confirming you declare you carry no gas cylinders, fireworks or large amounts of thinner, "
                "and accept the privacy notice (details kept 180 days for building security)."
            )
        )
        self.declaration.setAccessibleName(self.tr("Declaration"))
        self.error_label.setAccessibleName(self.tr("What to fix"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.confirm_button.setText(self.tr("Confirm and check in"))
        self.confirm_button.setAccessibleName(self.tr("Confirm and check in"))
        self._show_found()

    def enter(self, code: str = "") -> None:
        self._found = None
        self.code_edit.setText(code)
        self.error_label.clear()
        self._show_found()
        if code:
            self.look_up()

    def look_up(self) -> None:
        code = self.code_edit.text()
        QueryOp(
            self, lambda: self._station.visits.find_invitation(code), self._found_one, key="look_up"
        ).failure(self._not_found).run_in_background()

    def _found_one(self, found: InvitationView) -> None:
        self._found = found
        self.code_edit.setText(found.code)
        self.error_label.clear()
        self._show_found()

    def _not_found(self, error: Exception) -> None:
        self._found = None
        self.error_label.setText(error_message(error))
        self._show_found()

    def _show_found(self) -> None:
        found = self._found
        self.details.setVisible(found is not None)
        self.declaration.setVisible(found is not None)
        self.confirm_button.setVisible(found is not None)
        self.confirm_button.setEnabled(True)
        if found is None:
            return
        zone = self._station.site.timezone
        window = (
            f"{found.valid_from.astimezone(zone).strftime('%m-%d %H:%M')} – "
            f"{found.valid_until.astimezone(zone).strftime('%m-%d %H:%M')}"
        )
        rows = [
            (self.tr("Visitor"), f"{found.masked_name}  {found.company}".strip()),
            (self.tr("Visiting"), with_aside(found.host_name, found.host_department)),
            (self.tr("Valid"), window),
            (self.tr("People"), str(found.party_size)),
        ]
        self.details.setText("\n".join(label_value(label, value) for label, value in rows))

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.confirm_button.setEnabled(True)

    def _confirm(self) -> None:
        if self._found is not None:
            self.confirm_button.setEnabled(False)  # one tap, one visit
            self.confirmed.emit(self._found.code)
