"""The touchscreen a visitor stands in front of: a stack of pages driven by the journey.

welcome -> type -> identity -> host -> purpose -> declaration -> review -> (submit) -> waiting
-> done | declined. A watchlist hold shows only "please wait" on the waiting page. The visit is
stored at submit, before any printer is touched.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.api.schemas import IssuedCardView
from kiosk.client.events import StationEvent
from kiosk.client.station import Station
from kiosk.domain.badge import UnsignedBadgeCodeError, parse_checkout_code
from kiosk.domain.errors import ValidationError
from kiosk.domain.invitation import INVITATION_PREFIX
from kiosk.domain.permits import is_permit_code
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.views import CardCheckout, CheckInResult, PrintOutcome, VisitState
from kiosk.domain.visit import VisitStatus
from kiosk.domain.visitor import MESSAGE_REFUSALS, mask_name
from kiosk.domain.visitor_kinds import KindRule, VisitorKind
from kiosk.ui.common.background import call_in_gui, run_in_background
from kiosk.ui.common.i18n import current_language, set_language
from kiosk.ui.common.messages import error_message, issue_failure_message, validation_message
from kiosk.ui.common.print_runner import StationPrintRunner
from kiosk.ui.common.scanner import ScannerFilter, take_back_scan
from kiosk.ui.common.widgets import filter_app_while_shown
from kiosk.ui.kiosk.base import StepPage
from kiosk.ui.kiosk.card_step import CARD_WAIT_S, CardPage, CardTapWatcher, tap_refusal_message
from kiosk.ui.kiosk.check_out import CheckOutPage, ThankYouPage
from kiosk.ui.kiosk.invitation import InvitationPage
from kiosk.ui.kiosk.journey import VisitDraft
from kiosk.ui.kiosk.keyboard import OnScreenKeyboard, virtual_keyboard_enabled
from kiosk.ui.kiosk.outcome import DeclinedPage, DonePage, WaitingPage
from kiosk.ui.kiosk.permit_entry import PermitEntryPage
from kiosk.ui.kiosk.staff_exit import StaffExitPage
from kiosk.ui.kiosk.steps import (
    DeclarationPage,
    HostPage,
    IdentityPage,
    PurposePage,
    ReviewPage,
    VisitorTypePage,
)
from kiosk.ui.kiosk.welcome import WelcomePage

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
THANK_YOU_RETURN_MS = 6000
WAIT_POLL_MS = 1000


class KioskWindow(QMainWindow):
    """Full screen, no decorations; the visitor's whole journey lives in its page stack."""

    first_frame_painted = Signal()
    # Staff signed with their PIN: the program may close (the CLI quits on it).
    exit_authorised = Signal()

    def __init__(self, station: Station) -> None:
        """Where the site hands out visitor cards, the station's encoder writes them as the server
        plans; a kiosk with no encoder sends visitors to the desk for one."""
        super().__init__()
        self.setObjectName("kioskWindow")
        self.setStyleSheet(KIOSK_STYLE)
        self._station = station
        self._encoder = station.encoder if station.settings.visitor_cards else None
        local = station.local
        self._painted = False
        self.draft = VisitDraft()
        self.pages = QStackedWidget()
        self.welcome = WelcomePage(
            station.settings.name,
            local.demo_mode,
            lambda: station.clock.now().astimezone(station.site.timezone),
        )
        self.steps: list[StepPage] = [
            VisitorTypePage(self.draft),
            IdentityPage(self.draft, station.id_reader),
            HostPage(station, self.draft),
            PurposePage(self.draft),
            DeclarationPage(self.draft),
            ReviewPage(self.draft),
        ]
        self.review = self.steps[-1]
        self.waiting = WaitingPage()
        self.done = DonePage()
        self.declined = DeclinedPage()
        self.check_out = CheckOutPage()
        self.thank_you = ThankYouPage()
        self.invitation = InvitationPage(station)
        self.staff_exit = StaffExitPage(station)
        self.card_page = CardPage()
        self.permit_entry = PermitEntryPage(station)
        for page in (
            self.welcome, *self.steps, self.waiting, self.done, self.declined, self.check_out, self.thank_you,
            self.invitation, self.staff_exit, self.card_page, self.permit_entry,
        ):  # fmt: skip
            self.pages.addWidget(page)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.pages, 1)
        # A touchscreen has no keyboard: Qt Virtual Keyboard (Pinyin for Chinese) at the bottom,
        # when [kiosk] on_screen_keyboard asks for it and its input method was chosen at start.
        wanted = local.on_screen_keyboard and virtual_keyboard_enabled()
        self.keyboard: OnScreenKeyboard | None = OnScreenKeyboard() if wanted else None
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
        self._may_close = not local.fullscreen
        if local.fullscreen:
            # Locked down: no title bar to close it; Alt+F4 is refused in closeEvent.
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self.invitation.back_requested.connect(self.go_home)
        self.invitation.confirmed.connect(self._check_in_invited)
        self.check_out.back_requested.connect(self.go_home)
        self.check_out.check_out_requested.connect(self._check_out_by_name)
        self.welcome.language_requested.connect(self.switch_language)
        for index, step in enumerate(self.steps):
            step.back_requested.connect(lambda i=index: self._show_step(i - 1))
            step.next_requested.connect(lambda i=index: self._show_step(i + 1))
        assert isinstance(self.review, ReviewPage)
        self.review.submit_requested.connect(self._submit)
        # A permit holder (出入证) shows the permit instead of checking in to see someone.
        assert isinstance(self.steps[0], VisitorTypePage)
        self.steps[0].permit_requested.connect(self.start_permit_entry)
        self.permit_entry.back_requested.connect(self.go_home)
        self.permit_entry.finished.connect(self.go_home)
        self.permit_entry.let_in.connect(self._permit_let_in)
        self.done.finished.connect(self.go_home)
        self.declined.finished.connect(self.go_home)
        self.declined.message_submitted.connect(self._leave_message)
        self.waiting.cancel_requested.connect(self._withdraw)
        self._return_timer = QTimer(self)
        self._return_timer.setSingleShot(True)
        self._return_timer.timeout.connect(self.go_home)
        self.pages.currentChanged.connect(lambda _i: self._return_timer.stop())
        self._visit_id: int | None = None
        self._submit_key: str | None = None
        self._waiting_since = station.clock.now()
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
        # The badge printer is here: the server's queue tells this station of its jobs.
        self.runner = StationPrintRunner(station.printing, self)
        # The waiting visitor's badge just came out: say so now, not at the next poll.
        self.runner.jobs_sent.connect(self._jobs_printed)
        self._events = station.listen(lambda event: call_in_gui(self, self._server_event, event))
        self._read_kinds()
        # Temporary visitor cards, where the site hands them out: encoded after the badge, tapped
        # on the encoder to leave.
        self._card_cancel: threading.Event | None = None
        self._pending_done: tuple[str, str | None, bool] | None = None
        self.card_page.retry_requested.connect(self._start_card)
        self.card_page.desk_requested.connect(self._card_to_desk)
        self.card_watcher: CardTapWatcher | None = None
        if self._encoder is not None:
            self.card_watcher = CardTapWatcher(station, self._encoder, self)
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
        if current_language() != self._station.local.language:
            self.switch_language(self._station.local.language)

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
        # One key for every try of this visitor's submit, a new one for the next visitor.
        self._submit_key = None
        self.draft.clear()
        for step in self.steps:
            step.enter()
        self.done.clear()
        self.waiting.reset()
        self.declined.reset()
        self.check_out.enter()
        self.invitation.enter()
        self.permit_entry.enter()

    def start_check_out(self) -> None:
        self._wipe()
        self.check_out.enter()
        self.pages.setCurrentWidget(self.check_out)
        self.check_out.name_edit.setFocus()

    def _exit_authorised(self) -> None:
        self._may_close = True
        self.exit_authorised.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            self.shutdown()
            super().closeEvent(event)
        else:
            event.ignore()

    def _leave_message(self, phone: str, text: str) -> None:
        visit_id = self._visit_id
        if visit_id is None:
            return
        self._return_timer.stop()  # the visitor is typing: do not cut them off
        self._idle.start(self._station.local.idle_timeout_s * 1000)
        run_in_background(
            self,
            lambda: self._station.visits.leave_message(visit_id, phone, text),
            lambda _id: self._message_left(),
            self._message_failed,
        )

    def _message_left(self) -> None:
        self.declined.message_sent()
        self._return_timer.start(THANK_YOU_RETURN_MS)

    def _message_failed(self, error: Exception) -> None:
        text = error_message(error)
        if isinstance(error, ValidationError) and error.field == "message" and error.code in MESSAGE_REFUSALS:
            self.declined.message_refused(text)
            self._return_timer.start(DONE_PAGE_RETURN_MS)
        else:
            self.declined.show_error(text)

    def start_permit_entry(self, code: str = "") -> None:
        self._wipe()
        self.pages.setCurrentWidget(self.permit_entry)
        self.permit_entry.code_edit.setFocus()
        self.permit_entry.enter(code)

    def _permit_let_in(self) -> None:
        self._return_timer.start(DONE_PAGE_RETURN_MS)

    def _read_kinds(self) -> None:
        """Whether this site takes permit holders at the kiosk ([visitor_kinds]): the type page
        offers them only then. Until the server has said, offered (the seed's default; the server
        refuses a kind that is off whatever a screen shows)."""
        run_in_background(self, self._station.visitor_kinds.rules, self._kinds_read, lambda _e: None)

    def _kinds_read(self, rules: list[KindRule]) -> None:
        offered = any(rule.kind is VisitorKind.PERMIT_HOLDER for rule in rules)
        assert isinstance(self.steps[0], VisitorTypePage)
        self.steps[0].permit_button.setVisible(offered)

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
        key = self._submit_key = self._submit_key or uuid.uuid4().hex
        run_in_background(
            self,
            lambda: self._station.visits.check_in_invited(code, language, declaration_accepted=True, key=key),
            self._invited_checked_in,
            self._invitation_failed,
        )

    def _invited_checked_in(self, result: CheckInResult) -> None:
        self._submitted(result)  # approved already: the first poll shows the badge

    def _invitation_failed(self, error: Exception) -> None:
        self.invitation.show_error(error_message(error))

    def _scanned(self, code: str) -> None:
        page = self.pages.currentWidget()
        if page is self.permit_entry or (page is self.welcome and is_permit_code(code)):
            # A permit's QR at the permit page, or shown to the welcome screen: checked at once.
            take_back_scan(code)
            self.scanner.consume()
            if page is self.permit_entry:
                self.permit_entry.check(code)
            else:
                self.start_permit_entry(code)
            return
        if page not in (self.welcome, self.check_out, self.invitation):
            return
        take_back_scan(code)
        if code.strip().upper().startswith(INVITATION_PREFIX):
            self.start_invitation(code)
            return
        try:
            badge = parse_checkout_code(code)
        except UnsignedBadgeCodeError:
            # Printed before badges were signed: anyone could print one, so the desk decides.
            self.start_check_out()
            self.check_out.show_error(validation_message(ValidationError("badge", "unsigned")))
            return
        if badge is None:
            self.start_check_out()
            self.check_out.show_error(self.tr("That code is not a visitor badge of this building."))
            return
        self._run_check_out(lambda: self._station.visits.check_out_by_badge(code))

    def _check_out_by_name(self, name: str, mobile_last_four: str) -> None:
        self._run_check_out(lambda: self._station.visits.check_out_by_name(name, mobile_last_four))

    def _run_check_out(self, work: Callable[[], object]) -> None:
        run_in_background(self, work, lambda _r: self._checked_out(), self._check_out_failed)

    def _checked_out(self) -> None:
        self.pages.setCurrentWidget(self.thank_you)
        self._return_timer.start(THANK_YOU_RETURN_MS)

    def _check_out_failed(self, error: Exception) -> None:
        if self.pages.currentWidget() is not self.check_out:
            self.start_check_out()
        self.check_out.show_error(error_message(error))

    # --- privacy: an unattended screen forgets ---------------------------------------------------
    def _mid_entry(self) -> bool:
        """Whether the screen shows an unfinished entry, which an idle timeout wipes."""
        return self.pages.currentWidget() in (
            *self.steps,
            self.check_out,
            self.card_page,
            self.invitation,
            self.staff_exit,
            self.declined,
            self.permit_entry,
        )

    def _restart_idle(self) -> None:
        if self._mid_entry():
            self._idle.start(self._station.local.idle_timeout_s * 1000)
        else:
            self._idle.stop()

    def _idle_timeout(self) -> None:
        if self._mid_entry():
            log.info("kiosk idle: wiping the unfinished entry")
            self.go_home()

    # --- submit and wait -----------------------------------------------------------------------
    def _submit(self) -> None:
        request = self.draft.request(current_language())
        key = self._submit_key = self._submit_key or uuid.uuid4().hex
        run_in_background(
            self,
            lambda: self._station.visits.check_in(request, key),
            self._submitted,
            self._submit_failed,
        )

    def _submitted(self, result: CheckInResult) -> None:
        self._submit_key = None
        self._visit_id = result.visit_id
        self._waiting_since = self._station.clock.now()
        self.waiting.reset()
        self.pages.setCurrentWidget(self.waiting)
        self._poll.start(WAIT_POLL_MS)
        self._poll_visit()  # at once: the page says whom the visitor waits for

    def _submit_failed(self, error: Exception) -> None:
        self.review.next_button.setEnabled(True)
        if isinstance(error, ValidationError):
            # Send the visitor back to the step that holds the field to fix.
            target = {"visitor_name": 1, "company": 1, "permit_number": 1, "mobile": 1, "id_number": 1,
                      "host": 2, "purpose": 3, "party_size": 3, "declaration": 4}.get(error.field, 5)  # fmt: skip
            self._show_step(target)
            self.steps[target].error_label.setText(validation_message(error))
        else:
            self.review.error_label.setText(error_message(error))

    def _poll_visit(self) -> None:
        visit_id = self._visit_id
        if visit_id is None or self._polling:
            return
        self._polling = True
        run_in_background(
            self, lambda: self._station.visits.state(visit_id), self._visit_polled, self._poll_failed
        )

    def _poll_failed(self, error: Exception) -> None:
        self._polling = False
        # The cause is logged where the work ran; the next tick asks again.
        log.warning("reading the state of visit %s failed: %s", self._visit_id, type(error).__name__)

    def _withdraw(self) -> None:
        """The waiting visitor cancels: the request is withdrawn, then back to the start."""
        visit_id = self._visit_id
        if visit_id is None:
            return
        self._poll.stop()
        self._withdrawing = True  # a poll already under way must not show our own withdrawal
        run_in_background(
            self,
            lambda: self._station.visits.withdraw(visit_id),
            lambda _none: self.go_home(),
            self._withdraw_failed,
        )

    def _withdraw_failed(self, error: Exception) -> None:
        self._withdrawing = False
        if isinstance(error, ValidationError):
            # Decided meanwhile (approved or declined): the next poll shows the outcome.
            log.info("visit %s could not be withdrawn: %s", self._visit_id, error.code)
        else:
            self.waiting.show_error(error_message(error))
        self._poll.start(WAIT_POLL_MS)

    def _visit_polled(self, state: VisitState) -> None:
        self._polling = False
        if state.visit_id != self._visit_id or self._withdrawing:
            return  # a late answer for a visitor who has gone, or who is cancelling
        elapsed = int((self._station.clock.now() - self._waiting_since).total_seconds())
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
            if self._station.settings.visitor_cards:
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
        visit_id, encoder, cards = self._visit_id, self._encoder, self._station.cards
        if visit_id is None:
            return
        if encoder is None:
            self._card_to_desk()  # no encoder at this kiosk: the desk issues the card
            return
        cancel = threading.Event()
        self._card_cancel = cancel
        self.card_page.start()
        self.pages.setCurrentWidget(self.card_page)
        page, emit_progress = self.card_page, self.card_page.progress.emit

        def progress(step: str) -> None:  # on the worker: posted, never emitted from there
            call_in_gui(page, emit_progress, step)

        run_in_background(
            self,
            lambda: cards.issue_visitor_card(encoder, visit_id, CARD_WAIT_S, cancel, progress),
            self._card_issued,
            self._card_failed,
        )

    def _card_issued(self, issued: IssuedCardView) -> None:
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

    # --- the server ------------------------------------------------------------------------------
    def _jobs_printed(self, _outcomes: list[PrintOutcome]) -> None:
        if self.pages.currentWidget() is self.waiting:
            self._poll_visit()

    def _server_event(self, event: StationEvent) -> None:
        if event.topic in ("print_jobs", "connected", "resync"):
            self.runner.tick()
        if event.topic in ("connected", "resync"):
            self._read_kinds()
        if self._visit_id is not None and (
            event.visit_id == self._visit_id or event.topic in ("connected", "resync")
        ):
            self._poll_visit()  # decided: the visitor hears it now, not at the next poll

    def shutdown(self) -> None:
        """Stop listening to the server and stop the card reader (the window is going away)."""
        self._events.stop()
        if self.card_watcher is not None:
            self.card_watcher.stop(wait=True)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_frame_painted.emit()
