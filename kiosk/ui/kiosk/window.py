"""The touchscreen a visitor stands in front of: a stack of pages driven by the journey.

welcome -> type -> identity -> host -> purpose -> declaration -> review -> (submit) -> waiting
-> done | declined. A watchlist hold shows only "please wait" on the waiting page. The visit is
stored at submit, before any printer is touched.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
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
from kiosk.domain.badge import parse_checkout_code
from kiosk.domain.errors import ValidationError
from kiosk.domain.invitation import INVITATION_PREFIX
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.text import with_aside
from kiosk.domain.visit import ESCALATE_AFTER, Approver, CheckoutMethod, VisitStatus
from kiosk.domain.visitor import MESSAGE_MAX_CHARS, MESSAGE_PHONE_MAX_CHARS, mask_name
from kiosk.services.cards import IssuedCard
from kiosk.services.checkin import CheckInResult, VisitState
from kiosk.services.visitor_cards import CardCheckout
from kiosk.ui.common.background import run_in_background
from kiosk.ui.common.i18n import current_language, set_language
from kiosk.ui.common.messages import issue_failure_message, validation_message
from kiosk.ui.common.print_runner import PrintQueueRunner
from kiosk.ui.common.scanner import ScannerFilter
from kiosk.ui.common.widgets import filter_app_while_shown, named
from kiosk.ui.kiosk.card_step import CardPage, CardTapWatcher, tap_refusal_message
from kiosk.ui.kiosk.journey import VisitDraft
from kiosk.ui.kiosk.keyboard import OnScreenKeyboard, virtual_keyboard_enabled
from kiosk.ui.kiosk.pages import (
    CheckOutPage,
    DeclarationPage,
    HostPage,
    IdentityPage,
    InvitationPage,
    PurposePage,
    ReviewPage,
    StaffExitPage,
    StepPage,
    ThankYouPage,
    TranslatedPage,
    VisitorTypePage,
    limited_field,
    wrapped_label,
)

log = logging.getLogger(__name__)

KIOSK_STYLE = """
QWidget { font-size: 22px; }
QLabel#siteNameLabel { font-size: 40px; font-weight: bold; }
QLabel[role="title"] { font-size: 34px; font-weight: bold; }
QLabel[role="error"] { color: #b00020; font-size: 22px; }
QPushButton { min-height: 72px; min-width: 160px; padding: 8px 28px; border-radius: 12px;
              background: #e8eef5; border: 2px solid #9fb3c8; }
QPushButton:checked { background: #bbdefb; border-color: #1565c0; }
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
EXIT_TAPS = 5
EXIT_TAP_WINDOW_S = 4.0
THANK_YOU_RETURN_MS = 6000
WAIT_POLL_MS = 1000


class WelcomePage(TranslatedPage):
    """Site name, clock, the language switch and the big choice to start."""

    check_in_requested = Signal()
    staff_exit_requested = Signal()
    invitation_requested = Signal()
    check_out_requested = Signal()
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
        self.site = named(wrapped_label(), "siteNameLabel", site_name)
        self.site.setText(site_name)
        # Staff leave kiosk mode by tapping the site name 5 times within 4 s (then a PIN).
        self._taps: list[float] = []
        self.site.installEventFilter(self)
        self.site.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock = named(QLabel(), "clockLabel", "")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock.setStyleSheet("font-size: 28px; color: #455a64;")
        layout.addWidget(self.site)
        layout.addWidget(self.clock)
        self.demo: QLabel | None = None
        if demo_mode:
            self.demo = named(wrapped_label(), "demoModeLabel", "")
            self.demo.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.demo.setStyleSheet("color: #e65100;")
            layout.addWidget(self.demo)
        layout.addStretch(1)
        self.welcome = wrapped_label("title")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.welcome)
        self.check_in_button = named(QPushButton(), "welcomeCheckInButton", "")
        self.check_in_button.setProperty("role", "primary")
        self.check_in_button.setMinimumHeight(140)
        self.check_in_button.clicked.connect(self.check_in_requested)
        layout.addWidget(self.check_in_button)
        self.invitation_button = named(QPushButton(), "welcomeInvitationButton", "")
        self.invitation_button.setMinimumHeight(110)
        self.invitation_button.clicked.connect(self.invitation_requested)
        layout.addWidget(self.invitation_button)
        self.check_out_button = named(QPushButton(), "welcomeCheckOutButton", "")
        self.check_out_button.setMinimumHeight(110)
        self.check_out_button.clicked.connect(self.check_out_requested)
        layout.addWidget(self.check_out_button)
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
        self.invitation_button.setText(self.tr("I have an invitation"))
        self.invitation_button.setAccessibleName(self.tr("I have an invitation"))
        self.check_out_button.setText(self.tr("Check out"))
        self.check_out_button.setAccessibleName(self.tr("Check out"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # On a real screen every second quick tap comes as a double click, with no press of its own.
        taps = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
        if watched is self.site and event.type() in taps:
            now = time.monotonic()
            self._taps = [t for t in self._taps if now - t < EXIT_TAP_WINDOW_S] + [now]
            if len(self._taps) >= EXIT_TAPS:
                self._taps.clear()
                self.staff_exit_requested.emit()
        return False

    def _toggle_language(self) -> None:
        self.language_requested.emit("en" if current_language() == "zh_CN" else "zh_CN")

    def update_clock(self) -> None:
        self.clock.setText(datetime.now().strftime("%Y-%m-%d  %H:%M"))


class WaitingPage(TranslatedPage):
    """A calm screen while the host (or the duty officer, or staff for a hold) decides: whom the
    visitor waits for, what happens if nobody answers, and a way to give up (asked twice)."""

    cancel_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("waitingPage")
        self._state: VisitState | None = None
        self._elapsed_s = 0
        self._confirming = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        layout.addStretch(1)
        self.title = named(wrapped_label("title"), "waitingTitleLabel", "")
        self.host = named(wrapped_label(), "waitingHostLabel", "")
        self.host.setStyleSheet("font-size: 34px; font-weight: bold; color: #0d47a1;")
        self.detail = named(wrapped_label(), "waitingDetailLabel", "")
        self.elapsed = named(QLabel(), "waitingElapsedLabel", "")
        self.no_answer = named(wrapped_label(), "waitingNoAnswerLabel", "")
        self.no_answer.setStyleSheet("color: #37474f;")
        self.error_label = named(wrapped_label("error"), "waitingError", "")
        for widget in (self.title, self.host, self.detail, self.elapsed, self.no_answer, self.error_label):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        self.elapsed.setStyleSheet("font-size: 40px; color: #455a64;")
        layout.addStretch(2)
        self.cancel_button = named(QPushButton(), "waitingCancelButton", "")
        self.cancel_button.clicked.connect(self._ask_to_confirm)
        self.confirm_label = named(wrapped_label(), "waitingConfirmLabel", "")
        self.confirm_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        confirm_row = QHBoxLayout()
        self.keep_button = named(QPushButton(), "waitingKeepWaitingButton", "")
        self.keep_button.clicked.connect(self._keep_waiting)
        self.confirm_button = named(QPushButton(), "waitingConfirmCancelButton", "")
        self.confirm_button.clicked.connect(self._confirm_cancel)
        confirm_row.addWidget(self.keep_button)
        confirm_row.addStretch(1)
        confirm_row.addWidget(self.confirm_button)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.confirm_label)
        layout.addLayout(confirm_row)
        self.retranslate()

    def show_state(self, state: VisitState, elapsed_s: int) -> None:
        if self._state is None or state.visit_id != self._state.visit_id:
            self._confirming = False  # a new visitor: no half-answered question of the last one
            self.error_label.clear()
        self._state, self._elapsed_s = state, elapsed_s
        self.retranslate()

    def reset(self) -> None:
        self._state, self._elapsed_s, self._confirming = None, 0, False
        self.error_label.clear()
        self.retranslate()

    def show_error(self, text: str) -> None:
        self._confirming = False
        self.error_label.setText(text)
        self.retranslate()

    def _ask_to_confirm(self) -> None:
        self._confirming = True
        self.retranslate()

    def _keep_waiting(self) -> None:
        self._confirming = False
        self.retranslate()

    def _confirm_cancel(self) -> None:
        self._confirming = False
        self.confirm_button.setEnabled(False)  # one tap, one withdrawal
        self.cancel_requested.emit()

    def retranslate(self) -> None:
        self.title.setAccessibleName(self.tr("Please wait"))
        self.host.setAccessibleName(self.tr("The person you are visiting"))
        self.detail.setAccessibleName(self.tr("What is happening"))
        self.elapsed.setAccessibleName(self.tr("Time waited"))
        self.no_answer.setAccessibleName(self.tr("If nobody answers"))
        self.error_label.setAccessibleName(self.tr("What went wrong"))
        self.cancel_button.setText(self.tr("Cancel my visit"))
        self.cancel_button.setAccessibleName(self.tr("Cancel my visit"))
        self.confirm_label.setText(
            self.tr(
                "Cancel your visit? Your host will no longer be asked, and you will need to check in again."
            )
        )
        self.confirm_label.setAccessibleName(self.tr("Confirm cancelling"))
        self.keep_button.setText(self.tr("Keep waiting"))
        self.keep_button.setAccessibleName(self.tr("Keep waiting"))
        self.confirm_button.setText(self.tr("Yes, cancel my visit"))
        self.confirm_button.setAccessibleName(self.tr("Yes, cancel my visit"))
        state = self._state
        # A watchlist hold looks like any wait that needs a person: nothing more is said, and
        # there is nothing to cancel (staff must come).
        waiting = state is not None and state.status is VisitStatus.PENDING
        if state is None or not waiting:
            self.title.setText(self.tr("Please wait a moment"))
            self.detail.setText(self.tr("A receptionist will assist you."))
        elif state.approver is Approver.DUTY_OFFICER:
            self.title.setText(self.tr("Please wait a moment"))
            self.detail.setText(self.tr("After hours, the duty officer confirms every visit. Please wait."))
        else:
            self.title.setText(self.tr("We are asking your host"))
            self.detail.setText(
                self.tr(
                    "Your host has been asked to confirm your visit. You can take a seat; this screen will tell you."
                )
            )
        if state is not None and waiting:
            self.host.setText(
                self.tr("Visiting: %1").replace("%1", with_aside(state.host_name, state.host_department))
            )
            self.no_answer.setText(self._no_answer_text(state))
        self.host.setVisible(waiting)
        self.no_answer.setVisible(waiting)
        self.cancel_button.setVisible(waiting and not self._confirming)
        for widget in (self.confirm_label, self.keep_button, self.confirm_button):
            widget.setVisible(waiting and self._confirming)
        self.confirm_button.setEnabled(True)
        minutes, seconds = divmod(self._elapsed_s, 60)
        self.elapsed.setText(f"{minutes:02d}:{seconds:02d}")

    def _no_answer_text(self, state: VisitState) -> str:
        """What the desk does about a wait (kiosk.domain.visit.ESCALATE_AFTER): the board turns the
        visit red and the receptionist phones the host and decides for them."""
        minutes = str(int(ESCALATE_AFTER.total_seconds() // 60))
        if self._elapsed_s >= ESCALATE_AFTER.total_seconds():
            return self.tr("No answer yet: the front desk has been alerted and will help you shortly.")
        if state.approver is Approver.DUTY_OFFICER:
            return self.tr(
                "If nobody has answered within %1 minutes, the front desk is alerted and will help you."
            ).replace("%1", minutes)
        return self.tr(
            "If your host has not answered within %1 minutes, the front desk is alerted and will phone "
            "your host for you."
        ).replace("%1", minutes)


class DonePage(TranslatedPage):
    """Approved: the badge number, or where to go if the badge did not print."""

    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("donePage")
        self._shown: tuple[str, str | None, bool, str | None, bool] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        layout.addStretch(1)
        self.title = named(wrapped_label("title"), "doneTitleLabel", "")
        self.badge_label = named(wrapped_label(), "badgeNumberLabel", "")
        self.badge_label.setStyleSheet("font-size: 48px; font-weight: bold;")
        self.detail = named(wrapped_label(), "doneDetailLabel", "")
        for widget in (self.title, self.badge_label, self.detail):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
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

    def show_result(
        self,
        visitor_name: str,
        badge_number: str | None,
        printed: bool,
        card: str | None = None,
        card_missing: bool = False,
    ) -> None:
        """``card``: the visitor card just encoded; ``card_missing``: the site hands out cards
        but this visitor's was not encoded, so they collect it at the desk."""
        self._shown = (visitor_name, badge_number, printed, card, card_missing)
        self.title.setText(self.tr("Welcome, %1").replace("%1", visitor_name))
        self.badge_label.setText(self.tr("Badge No. %1").replace("%1", badge_number or ""))
        if printed:
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
        if card:
            self.detail.setText(
                self.detail.text()
                + "\n"
                + self.tr("Your visitor card is %1. Tap it on the card reader when you leave.").replace(
                    "%1", card
                )
            )
        elif card_missing:
            self.detail.setText(
                self.detail.text() + "\n" + self.tr("Please collect your visitor card at the front desk.")
            )
            self.detail.setProperty("role", "error")
        self.detail.style().unpolish(self.detail)
        self.detail.style().polish(self.detail)

    def clear(self) -> None:
        self._shown = None
        for label in (self.title, self.badge_label, self.detail):
            label.clear()


class DeclinedPage(TranslatedPage):
    """The host cannot receive the visitor: said politely, with an offer to leave contact details."""

    finished = Signal()
    message_submitted = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("declinedPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        layout.addStretch(1)
        self.title = named(wrapped_label("title"), "declinedTitleLabel", "")
        self.detail = named(wrapped_label(), "declinedDetailLabel", "")
        for widget in (self.title, self.detail):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        self.leave_button = named(QPushButton(), "leaveMessageButton", "")
        self.leave_button.clicked.connect(self._show_form)
        layout.addWidget(self.leave_button)
        self.phone_label = wrapped_label()
        self.phone_edit = named(QLineEdit(), "messagePhoneEdit", "")
        self.text_label = wrapped_label()
        self.text_edit = named(QLineEdit(), "messageTextEdit", "")
        self.send_button = named(QPushButton(), "sendMessageButton", "")
        self.send_button.clicked.connect(
            lambda: self.message_submitted.emit(self.phone_edit.text(), self.text_edit.text())
        )
        self.form: tuple[QWidget, ...] = (
            self.phone_label, self.phone_edit, self.text_label, self.text_edit, self.send_button,
        )  # fmt: skip
        limits = {self.phone_edit: MESSAGE_PHONE_MAX_CHARS, self.text_edit: MESSAGE_MAX_CHARS}
        for field_widget in self.form:
            if isinstance(field_widget, QLineEdit):
                limited_field(layout, field_widget, limits[field_widget])
            else:
                layout.addWidget(field_widget)
        self.error_label = named(wrapped_label("error"), "declinedError", "")
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.finish_button = named(QPushButton(), "declinedFinishButton", "")
        self.finish_button.setProperty("role", "primary")
        self.finish_button.clicked.connect(self.finished)
        layout.addWidget(self.finish_button)
        self.reset()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("We are sorry"))
        self.title.setAccessibleName(self.tr("Result"))
        self.detail.setAccessibleName(self.tr("What to do next"))
        self.leave_button.setText(self.tr("Leave my contact details for the host"))
        self.leave_button.setAccessibleName(self.tr("Leave my contact details for the host"))
        self.phone_label.setText(self.tr("Your phone number"))
        self.phone_edit.setAccessibleName(self.tr("Your phone number"))
        self.text_label.setText(self.tr("Message for your host (optional)"))
        self.text_edit.setAccessibleName(self.tr("Message for your host"))
        self.send_button.setText(self.tr("Send to my host"))
        self.send_button.setAccessibleName(self.tr("Send to my host"))
        self.error_label.setAccessibleName(self.tr("What to fix"))
        self.finish_button.setText(self.tr("Done"))
        self.finish_button.setAccessibleName(self.tr("Done"))
        self._show_detail()

    def reset(self) -> None:
        self._sent = False
        for edit in (self.phone_edit, self.text_edit):
            edit.clear()
        for widget in self.form:
            widget.setVisible(False)
        self.leave_button.setVisible(True)
        self.error_label.clear()
        self._show_detail()

    def _show_form(self) -> None:
        self.leave_button.setVisible(False)
        for widget in self.form:
            widget.setVisible(True)
        self.phone_edit.setFocus()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)

    def message_sent(self) -> None:
        self._sent = True
        for widget in (*self.form, self.leave_button):
            widget.setVisible(False)
        self.error_label.clear()
        self._show_detail()

    def _show_detail(self) -> None:
        if self._sent:
            self.detail.setText(self.tr("Thank you. The front desk will pass your details to your host."))
        else:
            self.detail.setText(
                self.tr(
                    "Your host cannot receive you today. You can leave your contact details for your host, "
                    "or the front desk will gladly help you find another person to see."
                )
            )


class KioskWindow(QMainWindow):
    """Full screen, no decorations; the visitor's whole journey lives in its page stack."""

    first_frame_painted = Signal()
    # Staff signed with their PIN: the program may close (the CLI quits on it).
    exit_authorised = Signal()

    def __init__(self, app: KioskApp) -> None:
        super().__init__()
        self.setObjectName("kioskWindow")
        self.setStyleSheet(KIOSK_STYLE)
        self._app = app
        self._painted = False
        self.draft = VisitDraft()
        self.pages = QStackedWidget()
        self.welcome = WelcomePage(app.config.site_name, app.demo_mode)
        self.steps: list[StepPage] = [
            VisitorTypePage(self.draft),
            IdentityPage(self.draft, app.id_reader),
            HostPage(app, self.draft),
            PurposePage(self.draft),
            DeclarationPage(self.draft),
            ReviewPage(self.draft),
        ]
        self.review = self.steps[-1]
        self.waiting = WaitingPage()
        self.done = DonePage()
        self.declined = DeclinedPage()
        self.check_out = CheckOutPage(app)
        self.thank_you = ThankYouPage()
        self.invitation = InvitationPage(app)
        self.staff_exit = StaffExitPage(app)
        self.card_page = CardPage()
        for page in (
            self.welcome, *self.steps, self.waiting, self.done, self.declined, self.check_out, self.thank_you,
            self.invitation, self.staff_exit, self.card_page,
        ):  # fmt: skip
            self.pages.addWidget(page)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.pages, 1)
        # A touchscreen has no keyboard: Qt Virtual Keyboard (Pinyin for Chinese) at the bottom.
        self.keyboard: OnScreenKeyboard | None = OnScreenKeyboard() if virtual_keyboard_enabled() else None
        if self.keyboard is not None:
            column.addWidget(self.keyboard)
            self.keyboard.set_language(current_language())
        # A touchscreen's buttons need no keyboard focus. Taking it from the text field on the
        # press would hide the keyboard under the finger; the page, taller at once, moves the
        # button away before the release, and the tap is lost.
        for button in self.pages.findChildren(QAbstractButton):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCentralWidget(central)
        self.welcome.check_in_requested.connect(self.start_check_in)
        self.welcome.check_out_requested.connect(self.start_check_out)
        self.welcome.invitation_requested.connect(self.start_invitation)
        self.welcome.staff_exit_requested.connect(self._ask_staff_pin)
        self.staff_exit.back_requested.connect(self.go_home)
        self.staff_exit.authorised.connect(self._exit_authorised)
        self._may_close = not app.config.fullscreen
        if app.config.fullscreen:
            # Locked down: no title bar to close it; Alt+F4 is refused in closeEvent.
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self.invitation.back_requested.connect(self.go_home)
        self.invitation.confirmed.connect(self._check_in_invited)
        self.check_out.back_requested.connect(self.go_home)
        self.check_out.check_out_requested.connect(self._check_out_visit)
        self.welcome.language_requested.connect(self.switch_language)
        for index, step in enumerate(self.steps):
            step.back_requested.connect(lambda i=index: self._show_step(i - 1))
            step.next_requested.connect(lambda i=index: self._show_step(i + 1))
        assert isinstance(self.review, ReviewPage)
        self.review.submit_requested.connect(self._submit)
        self.done.finished.connect(self.go_home)
        self.declined.finished.connect(self.go_home)
        self.declined.message_submitted.connect(self._leave_message)
        self.waiting.cancel_requested.connect(self._withdraw)
        self._return_timer = QTimer(self)
        self._return_timer.setSingleShot(True)
        self._return_timer.timeout.connect(self.go_home)
        self.pages.currentChanged.connect(lambda _i: self._return_timer.stop())
        self._visit_id: int | None = None
        self._waiting_since = datetime.now()
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._poll_visit)
        self._polling = False
        self._withdrawing = False
        # Input anywhere restarts the idle timer; the scanner is told apart from a person.
        self.scanner = ScannerFilter(self)
        self.scanner.scanned.connect(self._scanned)
        self.scanner.user_active.connect(self._restart_idle)
        filter_app_while_shown(self, self.scanner)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._idle_timeout)
        self.pages.currentChanged.connect(lambda _i: self._restart_idle())
        # After the page's own code has run: some focus their field before, some after the switch.
        self.pages.currentChanged.connect(lambda _i: QTimer.singleShot(0, self, self._offer_keyboard))
        # Badges that could not print are retried from here, where the badge printer is.
        self.runner = PrintQueueRunner(app.print_queue, app.actor, self)
        # Temporary visitor cards, where the site hands them out: encoded after the badge, tapped
        # on the encoder to leave.
        self._card_cancel: threading.Event | None = None
        self._pending_done: tuple[str, str | None, bool] | None = None
        self.card_page.retry_requested.connect(self._start_card)
        self.card_page.desk_requested.connect(self._card_to_desk)
        self.card_watcher: CardTapWatcher | None = None
        if app.config.visitor_cards:
            self.card_watcher = CardTapWatcher(app, self)
            self.card_watcher.checked_out.connect(self._card_checked_out)
            self.card_watcher.refused.connect(self._card_refused)
            self.pages.currentChanged.connect(lambda _i: self._watch_cards())
            self._watch_cards()
        self.setWindowTitle(self.tr("Lobby Kiosk"))

    def switch_language(self, language: str) -> None:
        set_language(language)
        if self.keyboard is not None:
            self.keyboard.set_language(language)

    # --- navigation ----------------------------------------------------------------------------
    def start_check_in(self) -> None:
        self._wipe()
        self._show_step(0)

    def _show_step(self, index: int) -> None:
        if index < 0:
            self.go_home()
            return
        step = self.steps[index]
        step.enter()
        self.pages.setCurrentWidget(step)

    def _offer_keyboard(self) -> None:
        """A page that opens with its text field ready brings the keyboard up with it, as a visitor
        at a touchscreen expects: Qt shows it only once a field is tapped."""
        field, page = QApplication.focusWidget(), self.pages.currentWidget()
        if (
            self.keyboard is not None
            and isinstance(field, QLineEdit)
            and not field.isReadOnly()
            and field.isVisible()
            and page is not None
            and page.isAncestorOf(field)
        ):
            QGuiApplication.inputMethod().show()

    def go_home(self) -> None:
        """Back to the welcome screen, every field of the last visitor wiped, default language."""
        self._wipe()
        self.pages.setCurrentWidget(self.welcome)
        if current_language() != self._app.config.language:
            self.switch_language(self._app.config.language)

    def _wipe(self) -> None:
        self._poll.stop()
        if self._card_cancel is not None:
            self._card_cancel.set()  # a visitor who walked away stops the card wait
            self._card_cancel = None
        self._pending_done = None
        if self.keyboard is not None:
            self.keyboard.forget()
        self._visit_id = None
        self._withdrawing = False
        self.draft.clear()
        for step in self.steps:
            step.enter()
        self.done.clear()
        self.waiting.reset()
        self.declined.reset()
        self.check_out.enter()
        self.invitation.enter()

    def start_check_out(self) -> None:
        self._wipe()
        self.check_out.enter()
        self.pages.setCurrentWidget(self.check_out)
        self.check_out.search.setFocus()

    def _exit_authorised(self) -> None:
        self._may_close = True
        self.exit_authorised.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            if self.card_watcher is not None:
                self.card_watcher.stop(wait=True)
            super().closeEvent(event)
        else:
            event.ignore()

    def _leave_message(self, phone: str, text: str) -> None:
        visit_id = self._visit_id
        if visit_id is None:
            return
        self._return_timer.stop()  # the visitor is typing: do not cut them off
        self._idle.start(self._app.config.idle_timeout_s * 1000)
        run_in_background(
            self,
            lambda: self._app.checkin.leave_message(visit_id, phone, text, self._app.actor),
            lambda _id: self._message_left(),
            self._message_failed,
        )

    def _message_left(self) -> None:
        self.declined.message_sent()
        self._return_timer.start(THANK_YOU_RETURN_MS)

    def _message_failed(self, error: Exception) -> None:
        message = validation_message(error) if isinstance(error, ValidationError) else str(error)
        self.declined.show_error(message)

    def _ask_staff_pin(self) -> None:
        self.staff_exit.enter()
        self.pages.setCurrentWidget(self.staff_exit)

    def start_invitation(self, code: str = "") -> None:
        self._wipe()
        self.pages.setCurrentWidget(self.invitation)
        self.invitation.enter(code)
        self.invitation.code_edit.setFocus()

    def _check_in_invited(self, code: str) -> None:
        language = current_language()
        run_in_background(
            self,
            lambda: self._app.checkin.check_in_invited(
                code, self._app.actor, language, declaration_accepted=True
            ),
            self._invited_checked_in,
            self._invitation_failed,
        )

    def _invited_checked_in(self, result: CheckInResult) -> None:
        self._submitted(result)  # approved already: the first poll shows the badge

    def _invitation_failed(self, error: Exception) -> None:
        message = (
            validation_message(error)
            if isinstance(error, ValidationError)
            else self.tr("Sorry, something went wrong. Please see the front desk.")
        )
        self.invitation.show_error(message)

    def _scanned(self, code: str) -> None:
        page = self.pages.currentWidget()
        if page not in (self.welcome, self.check_out, self.invitation):
            return
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit) and focus.text().endswith(code):
            focus.setText(focus.text()[: -len(code)])  # the scanner "typed" into the field
        if code.strip().upper().startswith(INVITATION_PREFIX):
            self.start_invitation(code)
            return
        badge_number = parse_checkout_code(code)
        if badge_number is None:
            self.start_check_out()
            self.check_out.show_error(self.tr("That code is not a visitor badge of this building."))
            return
        self._run_check_out(lambda: self._app.lobby.check_out_by_badge(badge_number, self._app.actor))

    def _check_out_visit(self, visit_id: int) -> None:
        self._run_check_out(lambda: self._app.lobby.check_out(visit_id, self._app.actor, CheckoutMethod.NAME))

    def _run_check_out(self, work: Callable[[], object]) -> None:
        run_in_background(self, work, lambda _r: self._checked_out(), self._check_out_failed)

    def _checked_out(self) -> None:
        self.pages.setCurrentWidget(self.thank_you)
        self._return_timer.start(THANK_YOU_RETURN_MS)

    def _check_out_failed(self, error: Exception) -> None:
        if self.pages.currentWidget() is not self.check_out:
            self.start_check_out()
        message = (
            validation_message(error)
            if isinstance(error, ValidationError)
            else self.tr("Sorry, something went wrong. Please see the front desk.")
        )
        self.check_out.show_error(message)

    # --- privacy: an unattended screen forgets ---------------------------------------------------
    def _restart_idle(self) -> None:
        if self.pages.currentWidget() in (
            *self.steps,
            self.check_out,
            self.card_page,
            self.invitation,
            self.staff_exit,
            self.declined,
        ):
            self._idle.start(self._app.config.idle_timeout_s * 1000)
        else:
            self._idle.stop()

    def _idle_timeout(self) -> None:
        if self.pages.currentWidget() in (
            *self.steps,
            self.check_out,
            self.card_page,
            self.invitation,
            self.staff_exit,
            self.declined,
        ):
            log.info("kiosk idle: wiping the unfinished entry")
            self.go_home()

    # --- submit and wait -----------------------------------------------------------------------
    def _submit(self) -> None:
        request = self.draft.request(current_language())
        run_in_background(
            self,
            lambda: self._app.checkin.check_in(request, self._app.actor),
            self._submitted,
            self._submit_failed,
        )

    def _submitted(self, result: CheckInResult) -> None:
        self._visit_id = result.visit_id
        self._waiting_since = datetime.now()
        self.waiting.show_state(self._app.checkin.state(result.visit_id), 0)
        self.pages.setCurrentWidget(self.waiting)
        self._poll.start(WAIT_POLL_MS)

    def _submit_failed(self, error: Exception) -> None:
        self.review.next_button.setEnabled(True)
        if isinstance(error, ValidationError):
            # Send the visitor back to the step that holds the field to fix.
            target = {"visitor_name": 1, "company": 1, "permit_number": 1, "mobile": 1, "id_number": 1,
                      "host": 2, "purpose": 3, "party_size": 3, "declaration": 4}.get(error.field, 5)  # fmt: skip
            self._show_step(target)
            self.steps[target].error_label.setText(validation_message(error))
        else:
            self.review.error_label.setText(
                self.tr("Sorry, something went wrong. Please see the front desk.")
            )

    def _poll_visit(self) -> None:
        visit_id = self._visit_id
        if visit_id is None or self._polling:
            return
        self._polling = True
        run_in_background(
            self, lambda: self._app.checkin.state(visit_id), self._visit_polled, self._poll_failed
        )

    def _poll_failed(self, error: Exception) -> None:
        self._polling = False
        log.error("reading the visit's state failed: %s", error)

    def _withdraw(self) -> None:
        """The waiting visitor cancels: the request is withdrawn, then back to the start."""
        visit_id = self._visit_id
        if visit_id is None:
            return
        self._poll.stop()
        self._withdrawing = True  # a poll already under way must not show our own withdrawal
        run_in_background(
            self,
            lambda: self._app.checkin.withdraw(visit_id, self._app.actor),
            lambda _none: self.go_home(),
            self._withdraw_failed,
        )

    def _withdraw_failed(self, error: Exception) -> None:
        self._withdrawing = False
        if isinstance(error, ValidationError):
            # Decided meanwhile (approved or declined): the next poll shows the outcome.
            log.info("visit %s could not be withdrawn: %s", self._visit_id, error)
        else:
            log.error("withdrawing visit %s failed: %s", self._visit_id, error)
            self.waiting.show_error(self.tr("Sorry, something went wrong. Please see the front desk."))
        self._poll.start(WAIT_POLL_MS)

    def _visit_polled(self, state: VisitState) -> None:
        self._polling = False
        if state.visit_id != self._visit_id or self._withdrawing:
            return  # a late answer for a visitor who has gone, or who is cancelling
        elapsed = int((datetime.now() - self._waiting_since).total_seconds())
        if state.status in (VisitStatus.PENDING, VisitStatus.HELD):
            self.waiting.show_state(state, elapsed)
            return
        if state.status is VisitStatus.ON_SITE and state.badge_status in (None, PrintJobStatus.QUEUED):
            return  # approved, badge on its way to the printer: one more second
        self._poll.stop()
        if state.status is VisitStatus.ON_SITE:
            # An invited visitor typed no name here: greet them masked, as the invitation page did.
            name = self.draft.visitor_name or mask_name(state.visitor_name)
            printed = state.badge_status is PrintJobStatus.PRINTED
            if self._app.config.visitor_cards:
                self._pending_done = (name, state.badge_number, printed)
                self._start_card()
                return
            self.done.show_result(name, state.badge_number, printed)
            self.pages.setCurrentWidget(self.done)
        else:
            self.pages.setCurrentWidget(self.declined)
        self._return_timer.start(DONE_PAGE_RETURN_MS)

    # --- visitor cards ------------------------------------------------------------------------
    def _start_card(self) -> None:
        visit_id = self._visit_id
        if visit_id is None:
            return
        cancel = threading.Event()
        self._card_cancel = cancel
        self.card_page.start()
        self.pages.setCurrentWidget(self.card_page)
        progress = self.card_page.progress.emit
        run_in_background(
            self,
            lambda: self._app.visitor_cards.issue_for_visit(
                visit_id, self._app.actor, cancel=cancel, progress=progress
            ),
            self._card_issued,
            self._card_failed,
        )

    def _card_issued(self, issued: IssuedCard) -> None:
        self._card_cancel = None
        if self.card_watcher is not None:
            self.card_watcher.ignore_until_lifted(issued.uid)
        if self._pending_done is not None and self.pages.currentWidget() is self.card_page:
            self.done.show_result(*self._pending_done, card=issued.label)
            self.pages.setCurrentWidget(self.done)
            self._return_timer.start(DONE_PAGE_RETURN_MS)

    def _card_failed(self, error: Exception) -> None:
        if self.pages.currentWidget() is not self.card_page:
            return  # the visitor went home meanwhile; the desk sees the visit has no card
        log.warning("visitor card not issued: %s", error)
        self.card_page.show_failure(issue_failure_message(error))

    def _card_to_desk(self) -> None:
        log.info("visitor sent to the desk for a card (visit %s)", self._visit_id)
        if self._pending_done is not None:
            self.done.show_result(*self._pending_done, card_missing=True)
        self.pages.setCurrentWidget(self.done)
        self._return_timer.start(DONE_PAGE_RETURN_MS)

    def _watch_cards(self) -> None:
        if self.card_watcher is None:
            return
        if self.pages.currentWidget() in (self.welcome, self.check_out):
            self.card_watcher.start()
        else:
            self.card_watcher.stop()

    def _card_checked_out(self, result: CardCheckout) -> None:
        log.info("visitor card %s tapped: checked out", result.label)
        if self.pages.currentWidget() in (self.welcome, self.check_out):
            self._checked_out()

    def _card_refused(self, error: Exception) -> None:
        if self.pages.currentWidget() in (self.welcome, self.check_out):
            if self.pages.currentWidget() is not self.check_out:
                self.start_check_out()
            self.check_out.show_error(tap_refusal_message(error))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_frame_painted.emit()
