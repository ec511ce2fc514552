"""The touchscreen a visitor stands in front of: a stack of pages driven by the journey."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScroller,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.app import KioskApp
from kiosk.domain.errors import ValidationError
from kiosk.services.checkin import CheckInRequest, CheckInResult
from kiosk.ui.background import run_in_background
from kiosk.ui.messages import validation_message
from kiosk.ui.print_runner import PrintQueueRunner
from kiosk.ui.widgets import named

log = logging.getLogger(__name__)

KIOSK_STYLE = """
QWidget { font-size: 22px; }
QLabel#siteNameLabel { font-size: 40px; font-weight: bold; }
QLabel[role="title"] { font-size: 34px; font-weight: bold; }
QLabel[role="error"] { color: #b00020; font-size: 22px; }
QPushButton { min-height: 72px; padding: 8px 28px; border-radius: 12px;
              background: #e8eef5; border: 2px solid #9fb3c8; }
QPushButton[role="primary"] { background: #1565c0; color: white; border-color: #0d47a1;
                              font-size: 30px; font-weight: bold; }
QPushButton:disabled { background: #d0d0d0; color: #808080; }
QLineEdit { min-height: 64px; font-size: 28px; padding: 0 12px; border: 2px solid #9fb3c8;
            border-radius: 8px; }
QListWidget { font-size: 26px; border: 2px solid #9fb3c8; border-radius: 8px; }
QListWidget::item { min-height: 72px; padding: 4px 12px; }
QListWidget::item:selected { background: #1565c0; color: white; }
"""

DONE_PAGE_RETURN_MS = 15000


def _label(text: str, role: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class WelcomePage(QWidget):
    """Site name, clock, and the big choice to start."""

    check_in_requested = Signal()

    def __init__(self, site_name: str, demo_mode: bool) -> None:
        super().__init__()
        self.setObjectName("welcomePage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        site = named(_label(site_name), "siteNameLabel", self.tr("Site name"))
        site.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock = named(QLabel(), "clockLabel", self.tr("Current time"))
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock.setStyleSheet("font-size: 28px; color: #455a64;")
        layout.addWidget(site)
        layout.addWidget(self.clock)
        if demo_mode:
            demo = named(
                _label(self.tr("Demo mode: emulated printer and card encoder")),
                "demoModeLabel",
                self.tr("Demo mode"),
            )
            demo.setAlignment(Qt.AlignmentFlag.AlignCenter)
            demo.setStyleSheet("color: #e65100;")
            layout.addWidget(demo)
        layout.addStretch(1)
        welcome = _label(self.tr("Welcome. Please check in at this screen."), "title")
        welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(welcome)
        self.check_in_button = named(
            QPushButton(self.tr("Check in")), "welcomeCheckInButton", self.tr("Check in")
        )
        self.check_in_button.setProperty("role", "primary")
        self.check_in_button.setMinimumHeight(140)
        self.check_in_button.clicked.connect(self.check_in_requested)
        layout.addWidget(self.check_in_button)
        layout.addStretch(2)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self.update_clock)
        self._tick.start(1000)
        self.update_clock()

    def update_clock(self) -> None:
        self.clock.setText(datetime.now().strftime("%Y-%m-%d  %H:%M"))


class CheckInPage(QWidget):
    """Name, company and host in one short form."""

    submitted = Signal(object)
    back_requested = Signal()

    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("checkInPage")
        self._app = app
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 30, 60, 30)
        layout.addWidget(_label(self.tr("Check in"), "title"))

        layout.addWidget(_label(self.tr("Your name")))
        self.name_edit = named(QLineEdit(), "visitorNameEdit", self.tr("Your name"))
        self.name_edit.setMaxLength(60)
        layout.addWidget(self.name_edit)

        layout.addWidget(_label(self.tr("Company or unit (optional)")))
        self.company_edit = named(QLineEdit(), "companyEdit", self.tr("Company or unit"))
        self.company_edit.setMaxLength(80)
        layout.addWidget(self.company_edit)

        layout.addWidget(_label(self.tr("Who are you visiting?")))
        self.host_search = named(
            QLineEdit(), "hostSearchEdit", self.tr("Search for the person you are visiting")
        )
        self.host_search.setPlaceholderText(self.tr("Type a name or department"))
        self.host_search.textChanged.connect(self.refresh_hosts)
        layout.addWidget(self.host_search)
        self.host_list = named(QListWidget(), "hostList", self.tr("People you can visit"))
        QScroller.grabGesture(self.host_list.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        layout.addWidget(self.host_list, 1)

        self.error_label = named(_label("", "error"), "checkInErrorLabel", self.tr("What to fix"))
        layout.addWidget(self.error_label)

        buttons = QHBoxLayout()
        self.back_button = named(QPushButton(self.tr("Back")), "checkInBackButton", self.tr("Back"))
        self.back_button.clicked.connect(self.back_requested)
        self.submit_button = named(
            QPushButton(self.tr("Check in")), "checkInSubmitButton", self.tr("Submit check-in")
        )
        self.submit_button.setProperty("role", "primary")
        self.submit_button.clicked.connect(self._submit)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)

    def reset(self) -> None:
        """Wipe every field: the next visitor sees nothing of this one."""
        for edit in (self.name_edit, self.company_edit, self.host_search):
            edit.clear()
        self.error_label.clear()
        self.submit_button.setEnabled(True)
        self.refresh_hosts()

    def refresh_hosts(self) -> None:
        self.host_list.clear()
        for host in self._app.directory.search(self.host_search.text()):
            extension = self.tr(" · ext. %1").replace("%1", host.extension) if host.extension else ""
            item = QListWidgetItem(f"{host.name}  ·  {host.department}{extension}")
            item.setData(Qt.ItemDataRole.UserRole, host.host_id)
            self.host_list.addItem(item)
        if self.host_list.count() == 1:
            self.host_list.setCurrentRow(0)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.submit_button.setEnabled(True)

    def _submit(self) -> None:
        item = self.host_list.currentItem()
        if item is None:
            self.show_error(validation_message(ValidationError("host", "required")))
            return
        request = CheckInRequest(
            visitor_name=self.name_edit.text(),
            company=self.company_edit.text(),
            host_id=int(item.data(Qt.ItemDataRole.UserRole)),
            language=self._app.config.language,
        )
        self.error_label.clear()
        self.submit_button.setEnabled(False)  # one tap, one visit
        self.submitted.emit(request)


class DonePage(QWidget):
    """The end of the journey: the badge number, or where to go if the badge did not print."""

    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("donePage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        layout.addStretch(1)
        self.title = named(_label("", "title"), "doneTitleLabel", self.tr("Result"))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge_label = named(_label(""), "badgeNumberLabel", self.tr("Badge number"))
        self.badge_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge_label.setStyleSheet("font-size: 48px; font-weight: bold;")
        self.detail = named(_label(""), "doneDetailLabel", self.tr("What to do next"))
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.title, self.badge_label, self.detail):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.finish_button = named(QPushButton(self.tr("Done")), "doneFinishButton", self.tr("Done"))
        self.finish_button.setProperty("role", "primary")
        self.finish_button.clicked.connect(self.finished)
        layout.addWidget(self.finish_button)

    def show_result(self, visitor_name: str, result: CheckInResult) -> None:
        self.title.setText(self.tr("Welcome, %1").replace("%1", visitor_name))
        self.badge_label.setText(self.tr("Badge No. %1").replace("%1", result.badge_number))
        if result.badge_printed:
            self.detail.setText(
                self.tr("Please take your badge from the printer and wear it while in the building.")
            )
            self.detail.setProperty("role", "")
        else:
            self.detail.setText(
                self.tr(
                    "Your visit is registered, but the badge could not be printed. Please see the front desk."
                )
            )
            self.detail.setProperty("role", "error")
        self.detail.style().unpolish(self.detail)
        self.detail.style().polish(self.detail)


class KioskWindow(QMainWindow):
    """Full screen, no decorations; the visitor's whole journey lives in its page stack."""

    first_frame_painted = Signal()

    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("kioskWindow")
        self.setWindowTitle(self.tr("Lobby Kiosk"))
        self.setStyleSheet(KIOSK_STYLE)
        self._app = app
        self._painted = False
        self.pages = QStackedWidget()
        self.welcome = WelcomePage(app.config.site_name, app.demo_mode)
        self.check_in = CheckInPage(app)
        self.done = DonePage()
        for page in (self.welcome, self.check_in, self.done):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.welcome.check_in_requested.connect(self.start_check_in)
        self.check_in.back_requested.connect(self.go_home)
        self.check_in.submitted.connect(self._submit)
        self.done.finished.connect(self.go_home)
        self._return_timer = QTimer(self)
        self._return_timer.setSingleShot(True)
        self._return_timer.timeout.connect(self.go_home)
        self.pages.currentChanged.connect(lambda _i: self._return_timer.stop())
        # Badges that could not print are retried from here, where the badge printer is.
        self.runner = PrintQueueRunner(app.print_queue, app.actor, self)

    def start_check_in(self) -> None:
        self.check_in.reset()
        self.pages.setCurrentWidget(self.check_in)
        self.check_in.name_edit.setFocus()

    def go_home(self) -> None:
        self.check_in.reset()
        self.pages.setCurrentWidget(self.welcome)

    def _submit(self, request: CheckInRequest) -> None:
        run_in_background(
            self,
            lambda: self._app.checkin.check_in(request, self._app.actor),
            lambda result: self._checked_in(request, result),
            self._check_in_failed,
        )

    def _checked_in(self, request: CheckInRequest, result: CheckInResult) -> None:
        self.done.show_result(request.visitor_name.strip(), result)
        self.pages.setCurrentWidget(self.done)
        self._return_timer.start(DONE_PAGE_RETURN_MS)

    def _check_in_failed(self, error: Exception) -> None:
        if isinstance(error, ValidationError):
            self.check_in.show_error(validation_message(error))
        else:
            self.check_in.show_error(self.tr("Sorry, something went wrong. Please see the front desk."))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_frame_painted.emit()
