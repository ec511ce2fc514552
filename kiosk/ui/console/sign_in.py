"""Signing in at the desk console, and locking it when nobody has touched it for a while."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.api.schemas import SignedInReply
from kiosk.client.evacuation import EvacuationUnavailableError
from kiosk.client.http import ServerUnreachableError
from kiosk.client.station import Station
from kiosk.devices.errors import PrinterError
from kiosk.domain.staff import SignedIn
from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.widgets import StatusLabel, filter_app_while_shown, named, print_problem, printer_name


class SignInPage(QWidget):
    """Staff number and PIN. Also the lock screen: then the name is filled in and kept."""

    signed_in = Signal(object)  # SignedIn

    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("deskSignInPage")
        self._station = station
        layout = QVBoxLayout(self)
        layout.setContentsMargins(360, 120, 360, 120)
        self.title = named(QLabel(), "deskSignInTitle", self.tr("Sign in"))
        self.title.setStyleSheet("font-size: 26px; font-weight: bold;")
        self.title.setWordWrap(True)
        self.user_edit = named(QLineEdit(), "deskUserEdit", self.tr("Staff number"))
        self.user_edit.setPlaceholderText(self.tr("Staff number"))
        self.pin_edit = named(QLineEdit(), "deskPinEdit", self.tr("PIN or password"))
        self.pin_edit.setPlaceholderText(self.tr("PIN or password"))
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData)
        self.pin_edit.returnPressed.connect(self._sign_in)
        self.button = named(QPushButton(self.tr("Sign in")), "deskSignInButton", self.tr("Sign in"))
        self.button.setMinimumHeight(48)
        self.button.clicked.connect(self._sign_in)
        self.error_label = StatusLabel("deskSignInError", self.tr("Why signing in failed"))
        # An emergency with the server down: nobody can sign in, and the paper list is what counts.
        self.evacuation_button = named(
            QPushButton(self.tr("Print the evacuation list (this desk's last copy)")),
            "deskEvacuationCopyButton",
            self.tr("Print the evacuation list from this desk's last copy"),
        )
        self.evacuation_button.setMinimumHeight(48)
        self.evacuation_button.setVisible(False)
        self.evacuation_button.clicked.connect(self._print_evacuation_copy)
        self.evacuation_status = StatusLabel("deskEvacuationCopyStatus", self.tr("The evacuation list"))
        self.hint_label = named(QLabel(), "deskSignInHint", self.tr("Demo accounts"))
        self.hint_label.setWordWrap(True)
        for widget in (
            self.title,
            self.user_edit,
            self.pin_edit,
            self.button,
            self.error_label,
            self.evacuation_button,
            self.evacuation_status,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.hint_label)
        self.show_sign_in()

    def show_sign_in(self) -> None:
        self.title.setText(self.tr("Desk console: sign in"))
        self.user_edit.clear()
        self.user_edit.setReadOnly(False)
        self._reset()
        self.user_edit.setFocus()

    def show_locked(self, username: str) -> None:
        """The lock screen: anyone may sign in, the last user's number is offered."""
        self.title.setText(self.tr("Locked after inactivity: enter your PIN to continue"))
        self.user_edit.setText(username)
        self._reset()
        self.pin_edit.setFocus()

    def set_hint(self, text: str) -> None:
        self.hint_label.setText(text)

    def _reset(self) -> None:
        self.pin_edit.clear()
        self.error_label.clear()
        self.evacuation_status.clear()
        self.evacuation_button.setVisible(False)

    def _sign_in(self) -> None:
        username, secret = self.user_edit.text(), self.pin_edit.text()
        self.button.setEnabled(False)  # one try at a time (the server checks argon2 hashes)
        QueryOp(self, lambda: self._station.session.sign_in(username, secret), self._accepted).failure(
            self._refused
        ).run_in_background()

    def _accepted(self, reply: SignedInReply) -> None:
        self.button.setEnabled(True)
        self._reset()
        staff = reply.staff
        self.signed_in.emit(SignedIn(staff.staff_id, staff.username, staff.name, staff.role))

    def _refused(self, error: Exception) -> None:
        self.button.setEnabled(True)
        self.pin_edit.clear()
        self.error_label.show_error(error_message(error))
        if isinstance(error, ServerUnreachableError):
            self.evacuation_button.setVisible(True)

    def _print_evacuation_copy(self) -> None:
        evacuation, language = self._station.evacuation, current_language()

        def print_copy() -> tuple[int, str]:
            sheet = evacuation.roll_call()  # the server's if it answers again, else this desk's copy
            return len(sheet.people), evacuation.print(sheet, language)

        self.evacuation_button.setEnabled(False)
        QueryOp(self, print_copy, self._evacuation_printed).failure(
            self._evacuation_failed
        ).run_in_background()

    def _evacuation_printed(self, result: tuple[int, str]) -> None:
        self.evacuation_button.setEnabled(True)
        people, printer = result
        self.evacuation_status.setText(
            self.tr("Evacuation list printed on %1: %n on site.")
            .replace("%1", printer_name(self._station.printers, printer))
            .replace("%n", str(people))
        )

    def _evacuation_failed(self, error: Exception) -> None:
        self.evacuation_button.setEnabled(True)
        if isinstance(error, EvacuationUnavailableError):
            self.evacuation_status.show_error(self.tr("This desk has no copy of the evacuation list."))
        elif isinstance(error, PrinterError):
            self.evacuation_status.show_error(
                self.tr("NOT printed: %1.").replace("%1", print_problem(self._station.printers, str(error)))
            )
        else:
            self.evacuation_status.show_error(error_message(error))


class InactivityLock(QObject):
    """Emits ``expired`` after ``seconds`` without a key press, click or touch anywhere in the app."""

    expired = Signal()
    _ACTIVITY = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.TouchBegin,
            QEvent.Type.Wheel,
        }
    )

    def __init__(self, seconds: float, parent: QWidget) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(seconds * 1000))
        self._timer.timeout.connect(self.expired)
        filter_app_while_shown(parent, self)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False
