"""After the visitor submits: waiting for the host's answer, then the badge (done) or a polite
refusal (declined) with the offer to leave a message.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.text import with_aside
from kiosk.domain.views import VisitState
from kiosk.domain.visit import ESCALATE_AFTER, Approver, VisitStatus
from kiosk.domain.visitor import MESSAGE_MAX_CHARS, MESSAGE_PHONE_MAX_CHARS
from kiosk.ui.common.widgets import named
from kiosk.ui.kiosk.base import TranslatedPage, limited_field, wrapped_label


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

    @property
    def state(self) -> VisitState | None:
        """The visit as the server last said (None until its first answer)."""
        return self._state

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
        if state is None:
            # The server has not said yet whom the visitor waits for: promise nothing.
            self.title.setText(self.tr("Please wait a moment"))
            self.detail.clear()
        elif not waiting:
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
        self._refused = False
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

    def message_refused(self, text: str) -> None:
        """The server takes no message for this visit (too late, one sent already...): the form
        goes, so the visitor does not type in vain, and the reason stays."""
        self._refused = True
        for widget in (*self.form, self.leave_button):
            widget.setVisible(False)
        self.error_label.setText(text)
        self._show_detail()

    def message_sent(self) -> None:
        self._sent = True
        for widget in (*self.form, self.leave_button):
            widget.setVisible(False)
        self.error_label.clear()
        self._show_detail()

    def _show_detail(self) -> None:
        if self._sent:
            self.detail.setText(self.tr("Thank you. The front desk will pass your details to your host."))
        elif self._refused:
            # No longer offered: the detail no longer invites the visitor to leave one.
            self.detail.setText(
                self.tr(
                    "Your host cannot receive you today. The front desk will gladly help you find another "
                    "person to see."
                )
            )
        else:
            self.detail.setText(
                self.tr(
                    "Your host cannot receive you today. You can leave your contact details for your host, "
                    "or the front desk will gladly help you find another person to see."
                )
            )
