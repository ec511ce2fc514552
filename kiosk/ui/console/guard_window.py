"""The lobby guard's screen (``kiosk run --role guard``): sign in as at the desk console, then
scan release slips. The barcode scanner types into the window as a keyboard would."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.app import KioskApp
from kiosk.domain.staff import Permission, Role, allowed
from kiosk.services.staff import DEMO_PIN, SignedIn
from kiosk.ui.common.scanner import ScannerFilter
from kiosk.ui.common.widgets import filter_app_while_shown, named
from kiosk.ui.console.sign_in import InactivityLock, SignInPage
from kiosk.ui.console.slip_verify_page import SlipVerifyPage


class GuardWindow(QMainWindow):
    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("guardWindow")
        self.setWindowTitle(self.tr("Lobby Kiosk — Guard: release slips"))
        self.resize(1024, 768)
        self._app = app
        self.session: SignedIn | None = None
        self.sign_in_page = SignInPage(app)
        self.sign_in_page.signed_in.connect(self._signed_in)
        self._show_sign_in()
        if app.demo_mode:
            self.sign_in_page.set_hint(
                self.tr("Demo mode: sign in as %1 with PIN %2.")
                .replace("%1", Role.GUARD.value)
                .replace("%2", DEMO_PIN)
            )
        self.verify = SlipVerifyPage(app)
        self.who_label = named(QLabel(), "guardSignedInLabel", self.tr("Signed-in guard"))
        self.sign_out_button = named(
            QPushButton(self.tr("Sign out")), "guardSignOutButton", self.tr("Sign out")
        )
        self.sign_out_button.clicked.connect(self.sign_out)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.who_label)
        top.addWidget(self.sign_out_button)
        self.main = QWidget()
        self.main.setObjectName("guardMain")
        main_layout = QVBoxLayout(self.main)
        main_layout.addLayout(top)
        main_layout.addWidget(self.verify, 1)
        # Read standing, at arm's length, with the goods in front: larger than at the console.
        self.verify.items.setStyleSheet("font-size: 26px;")
        self.verify.details.setStyleSheet("font-size: 22px;")
        self.root = QStackedWidget()
        self.root.addWidget(self.sign_in_page)
        self.root.addWidget(self.main)
        self.setCentralWidget(self.root)
        self.lock = InactivityLock(app.config.desk_lock_after_s, self)
        self.lock.expired.connect(self.lock_now)
        self.scanner = ScannerFilter(self)
        self.scanner.scanned.connect(self._scanned)
        filter_app_while_shown(self, self.scanner)

    def _show_sign_in(self) -> None:
        self.sign_in_page.show_sign_in()
        self.sign_in_page.title.setText(self.tr("Guard screen: sign in"))

    def _signed_in(self, who: SignedIn) -> None:
        if not allowed(who.role, Permission.VERIFY_RELEASE_SLIPS):
            self._app.staff.record(who, "staff.guard_screen_refused")
            self._show_sign_in()
            self.sign_in_page.error_label.show_error(self.tr("Only lobby guards check slips here."))
            return
        self.session = who
        self.who_label.setText(who.name)
        self.verify.set_session(who)
        self.root.setCurrentWidget(self.main)
        self.verify.code_edit.setFocus()
        self.lock.start()

    def sign_out(self) -> None:
        if self.session is not None:
            self._app.staff.record(self.session, "staff.console_sign_out")
        self._leave()
        self._show_sign_in()

    def lock_now(self) -> None:
        if self.session is None:
            return
        self._app.staff.record(self.session, "staff.console_locked")
        username = self.session.username
        self._leave()
        self.sign_in_page.show_locked(username)

    def _leave(self) -> None:
        self.session = None
        self.verify.set_session(None)
        self.lock.stop()
        self.root.setCurrentWidget(self.sign_in_page)

    def _scanned(self, code: str) -> None:
        if self.session is None or not self.isVisible():
            return
        focus = QApplication.focusWidget()
        if focus is self.verify.code_edit:
            return  # the scanner typed into the code field; its Enter already checked it
        if isinstance(focus, QLineEdit) and focus.text().endswith(code):
            focus.setText(focus.text()[: -len(code)])  # typed into another field: take it back out
        self.verify.scan(code)
