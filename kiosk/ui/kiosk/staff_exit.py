"""Leaving kiosk mode: a member of staff signs with staff number and PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from kiosk.client.station import Station
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.widgets import named
from kiosk.ui.kiosk.base import TranslatedPage, back_and_primary, wrapped_label


class StaffExitPage(TranslatedPage):
    """Leaving kiosk mode: a member of staff signs with staff number and PIN."""

    authorised = Signal()
    back_requested = Signal()

    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("staffExitPage")
        self._station = station
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        self.title = wrapped_label("title")
        self.user_label = wrapped_label()
        self.user_edit = named(QLineEdit(), "staffNumberEdit", "")
        # Staff numbers are Latin letters and digits: no Pinyin candidates while staff type one.
        self.user_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.pin_label = wrapped_label()
        self.pin_edit = named(QLineEdit(), "staffPinEdit", "")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
        )
        self.pin_edit.returnPressed.connect(self._check)
        self.error_label = named(wrapped_label("error"), "staffExitError", "")
        for widget in (
            self.title,
            self.user_label,
            self.user_edit,
            self.pin_label,
            self.pin_edit,
            self.error_label,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.back_button, self.exit_button = back_and_primary(
            layout, "staffExitBackButton", "staffExitButton"
        )
        self.back_button.clicked.connect(self.back_requested)
        self.exit_button.clicked.connect(self._check)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Staff only: leave kiosk mode"))
        self.user_label.setText(self.tr("Staff number"))
        self.user_edit.setAccessibleName(self.tr("Staff number"))
        self.pin_label.setText(self.tr("PIN"))
        self.pin_edit.setAccessibleName(self.tr("PIN"))
        self.error_label.setAccessibleName(self.tr("What to fix"))
        self.back_button.setText(self.tr("Cancel"))
        self.back_button.setAccessibleName(self.tr("Cancel"))
        self.exit_button.setText(self.tr("Leave kiosk mode"))
        self.exit_button.setAccessibleName(self.tr("Leave kiosk mode"))

    def enter(self) -> None:
        for edit in (self.user_edit, self.pin_edit):
            edit.clear()
        self.error_label.clear()
        self.user_edit.setFocus()

    def _check(self) -> None:
        username, pin = self.user_edit.text(), self.pin_edit.text()
        self.exit_button.setEnabled(False)  # one check at a time (argon2 on the server)
        QueryOp(
            self,
            lambda: self._station.session.authorise_kiosk_exit(username, pin),
            lambda _none: self._authorised(),
        ).failure(self._refused).run_in_background()

    def _authorised(self) -> None:
        self.exit_button.setEnabled(True)
        self.authorised.emit()

    def _refused(self, error: Exception) -> None:
        self.exit_button.setEnabled(True)
        self.pin_edit.clear()
        self.error_label.setText(error_message(error))
