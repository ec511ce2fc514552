"""The touchscreen a visitor stands in front of: a stack of pages driven by the journey."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
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
from kiosk.ui.i18n import current_language, set_language
from kiosk.ui.messages import validation_message
from kiosk.ui.print_runner import PrintQueueRunner
from kiosk.ui.widgets import named

log = logging.getLogger(__name__)

KIOSK_STYLE = """
QWidget { font-size: 22px; }
QLabel#siteNameLabel { font-size: 40px; font-weight: bold; }
QLabel[role="title"] { font-size: 34px; font-weight: bold; }
QLabel[role="error"] { color: #b00020; font-size: 22px; }
QPushButton { min-height: 72px; min-width: 160px; padding: 8px 28px; border-radius: 12px;
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


def _label(role: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class TranslatedPage(QWidget):
    """A page whose visible text is set in :meth:`retranslate`, run again on a language switch."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class WelcomePage(TranslatedPage):
    """Site name, clock, the language switch and the big choice to start."""

    check_in_requested = Signal()
    language_requested = Signal(str)

    def __init__(self, site_name: str, demo_mode: bool) -> None:
        super().__init__()
        self.setObjectName("welcomePage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        top = QHBoxLayout()
        top.addStretch(1)
        # The switch is labelled in the language it switches to, so a visitor can read it.
        self.language_button = named(QPushButton(), "languageToggleButton", "中文 / English")
        self.language_button.clicked.connect(self._toggle_language)
        top.addWidget(self.language_button)
        layout.addLayout(top)
        self.site = named(_label(), "siteNameLabel", site_name)
        self.site.setText(site_name)
        self.site.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock = named(QLabel(), "clockLabel", "")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock.setStyleSheet("font-size: 28px; color: #455a64;")
        layout.addWidget(self.site)
        layout.addWidget(self.clock)
        self.demo: QLabel | None = None
        if demo_mode:
            self.demo = named(_label(), "demoModeLabel", "")
            self.demo.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.demo.setStyleSheet("color: #e65100;")
            layout.addWidget(self.demo)
        layout.addStretch(1)
        self.welcome = _label("title")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.welcome)
        self.check_in_button = named(QPushButton(), "welcomeCheckInButton", "")
        self.check_in_button.setProperty("role", "primary")
        self.check_in_button.setMinimumHeight(140)
        self.check_in_button.clicked.connect(self.check_in_requested)
        layout.addWidget(self.check_in_button)
        layout.addStretch(2)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self.update_clock)
        self._tick.start(1000)
        self.retranslate()
        self.update_clock()

    def retranslate(self) -> None:
        self.language_button.setText("English" if current_language() == "zh_CN" else "中文")
        self.clock.setAccessibleName(self.tr("Current time"))
        if self.demo is not None:
            self.demo.setText(self.tr("Demo mode: emulated printer and card encoder"))
            self.demo.setAccessibleName(self.tr("Demo mode"))
        self.welcome.setText(self.tr("Welcome. Please check in at this screen."))
        self.check_in_button.setText(self.tr("Check in"))
        self.check_in_button.setAccessibleName(self.tr("Check in"))

    def _toggle_language(self) -> None:
        self.language_requested.emit("en" if current_language() == "zh_CN" else "zh_CN")

    def update_clock(self) -> None:
        self.clock.setText(datetime.now().strftime("%Y-%m-%d  %H:%M"))


class CheckInPage(TranslatedPage):
    """Name, company and host in one short form."""

    submitted = Signal(object)
    back_requested = Signal()

    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("checkInPage")
        self._app = app
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 30, 60, 30)
        self.title = _label("title")
        layout.addWidget(self.title)
        self.name_label = _label()
        layout.addWidget(self.name_label)
        self.name_edit = named(QLineEdit(), "visitorNameEdit", "")
        self.name_edit.setMaxLength(60)
        layout.addWidget(self.name_edit)
        self.company_label = _label()
        layout.addWidget(self.company_label)
        self.company_edit = named(QLineEdit(), "companyEdit", "")
        self.company_edit.setMaxLength(80)
        layout.addWidget(self.company_edit)
        self.host_label = _label()
        layout.addWidget(self.host_label)
        self.host_search = named(QLineEdit(), "hostSearchEdit", "")
        self.host_search.textChanged.connect(self.refresh_hosts)
        layout.addWidget(self.host_search)
        self.host_list = named(QListWidget(), "hostList", "")
        QScroller.grabGesture(self.host_list.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        layout.addWidget(self.host_list, 1)
        self.error_label = named(_label("error"), "checkInErrorLabel", "")
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        self.back_button = named(QPushButton(), "checkInBackButton", "")
        self.back_button.clicked.connect(self.back_requested)
        self.submit_button = named(QPushButton(), "checkInSubmitButton", "")
        self.submit_button.setProperty("role", "primary")
        self.submit_button.clicked.connect(self._submit)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Check in"))
        self.name_label.setText(self.tr("Your name"))
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.company_label.setText(self.tr("Company or unit (optional)"))
        self.company_edit.setAccessibleName(self.tr("Company or unit"))
        self.host_label.setText(self.tr("Who are you visiting?"))
        self.host_search.setAccessibleName(self.tr("Search for the person you are visiting"))
        self.host_search.setPlaceholderText(self.tr("Type a name or department"))
        self.host_list.setAccessibleName(self.tr("People you can visit"))
        self.error_label.setAccessibleName(self.tr("What to fix"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.submit_button.setText(self.tr("Check in"))
        self.submit_button.setAccessibleName(self.tr("Submit check-in"))
        self.refresh_hosts()

    def reset(self) -> None:
        """Wipe every field: the next visitor sees nothing of this one."""
        for edit in (self.name_edit, self.company_edit, self.host_search):
            edit.clear()
        self.error_label.clear()
        self.submit_button.setEnabled(True)
        self.refresh_hosts()

    def refresh_hosts(self) -> None:
        selected = self.host_list.currentItem()
        selected_id = selected.data(Qt.ItemDataRole.UserRole) if selected is not None else None
        self.host_list.clear()
        for host in self._app.directory.search(self.host_search.text()):
            extension = self.tr(" · ext. %1").replace("%1", host.extension) if host.extension else ""
            item = QListWidgetItem(f"{host.name}  ·  {host.department}{extension}")
            item.setData(Qt.ItemDataRole.UserRole, host.host_id)
            self.host_list.addItem(item)
            if host.host_id == selected_id:
                self.host_list.setCurrentItem(item)
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
            language=current_language(),
        )
        self.error_label.clear()
        self.submit_button.setEnabled(False)  # one tap, one visit
        self.submitted.emit(request)


class DonePage(TranslatedPage):
    """The end of the journey: the badge number, or where to go if the badge did not print."""

    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("donePage")
        self._shown: tuple[str, CheckInResult] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        layout.addStretch(1)
        self.title = named(_label("title"), "doneTitleLabel", "")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge_label = named(_label(), "badgeNumberLabel", "")
        self.badge_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge_label.setStyleSheet("font-size: 48px; font-weight: bold;")
        self.detail = named(_label(), "doneDetailLabel", "")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.title, self.badge_label, self.detail):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.finish_button = named(QPushButton(), "doneFinishButton", "")
        self.finish_button.setProperty("role", "primary")
        self.finish_button.clicked.connect(self.finished)
        layout.addWidget(self.finish_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setAccessibleName(self.tr("Result"))
        self.badge_label.setAccessibleName(self.tr("Badge number"))
        self.detail.setAccessibleName(self.tr("What to do next"))
        self.finish_button.setText(self.tr("Done"))
        self.finish_button.setAccessibleName(self.tr("Done"))
        if self._shown is not None:
            self.show_result(*self._shown)

    def show_result(self, visitor_name: str, result: CheckInResult) -> None:
        self._shown = (visitor_name, result)
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

    def clear(self) -> None:
        self._shown = None
        for label in (self.title, self.badge_label, self.detail):
            label.clear()


class KioskWindow(QMainWindow):
    """Full screen, no decorations; the visitor's whole journey lives in its page stack."""

    first_frame_painted = Signal()

    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("kioskWindow")
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
        self.welcome.language_requested.connect(self.switch_language)
        self.check_in.back_requested.connect(self.go_home)
        self.check_in.submitted.connect(self._submit)
        self.done.finished.connect(self.go_home)
        self._return_timer = QTimer(self)
        self._return_timer.setSingleShot(True)
        self._return_timer.timeout.connect(self.go_home)
        self.pages.currentChanged.connect(lambda _i: self._return_timer.stop())
        # Badges that could not print are retried from here, where the badge printer is.
        self.runner = PrintQueueRunner(app.print_queue, app.actor, self)
        self.setWindowTitle(self.tr("Lobby Kiosk"))

    def switch_language(self, language: str) -> None:
        set_language(language)

    def start_check_in(self) -> None:
        self.check_in.reset()
        self.pages.setCurrentWidget(self.check_in)
        self.check_in.name_edit.setFocus()

    def go_home(self) -> None:
        """Back to the welcome screen, every field of the last visitor wiped, default language."""
        self.check_in.reset()
        self.done.clear()
        self.pages.setCurrentWidget(self.welcome)
        if current_language() != self._app.config.language:
            set_language(self._app.config.language)

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
