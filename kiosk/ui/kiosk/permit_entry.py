"""A permit holder at the kiosk (持“出入证”人员: decoration workers, newspaper and milk delivery,
seed 001 item 8): scan the permit's QR at the kiosk's scanner or type its number, and the server's
one permit check answers: let in (a line of the visitor record) with the permit's last day, or
refused with its reason and dates (an expired permit names the day it expired). Wrong numbers are
counted as the kiosk's wrong tries by the server; nothing of the holder comes back to this screen.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout

from kiosk.client.station import Station
from kiosk.domain.visitor_kinds import AdmissionView
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.widgets import named
from kiosk.ui.kiosk.base import TranslatedPage, back_and_primary, wrapped_label

# A scanned QR (prefix, number, signature) with room to spare; a typed number is 8 characters.
CODE_MAX_CHARS = 64
LET_IN_STYLE = "font-size: 30px; font-weight: bold; color: #1b5e20; background: #c8e6c9; padding: 16px;"
REFUSED_STYLE = "font-size: 28px; font-weight: bold; color: #b00020; background: #ffcdd2; padding: 16px;"


def last_day(ends_at: datetime, zone: ZoneInfo) -> date:
    """The permit's last valid day: the server gives the instant that day ends (the next day's
    00:00 on the site's clock)."""
    return (ends_at.astimezone(zone) - timedelta(microseconds=1)).date()


class PermitEntryPage(TranslatedPage):
    """Scan or type the permit, Check; the answer in large type, then Done (or Back)."""

    back_requested = Signal()
    finished = Signal()
    # The permit was good and the holder recorded: the window returns home after a while.
    let_in = Signal()

    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("permitEntryPage")
        self._station = station
        self._checking = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 30, 60, 30)
        self.title = wrapped_label("title")
        self.hint = named(wrapped_label(), "permitEntryHintLabel", "")
        self.code_edit = named(QLineEdit(), "permitEntryCodeEdit", "")
        self.code_edit.setMaxLength(CODE_MAX_CHARS)
        self.code_edit.setStyleSheet("font-size: 36px; letter-spacing: 4px;")
        self.code_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhUppercaseOnly | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.code_edit.returnPressed.connect(self.check)
        self.code_edit.textEdited.connect(self._edited)
        self.check_button = named(QPushButton(), "permitEntryCheckButton", "")
        self.check_button.clicked.connect(self._check_typed)
        row = QHBoxLayout()
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.check_button)
        self.result = named(wrapped_label(), "permitEntryResultLabel", "")
        self.result.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.title, self.hint):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.back_button, self.done_button = back_and_primary(
            layout, "permitEntryBackButton", "permitEntryDoneButton"
        )
        self.back_button.clicked.connect(self.back_requested)
        self.done_button.clicked.connect(self.finished)
        self.retranslate()
        self.enter()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Entry permit (decoration, newspaper, milk delivery)"))
        self.hint.setText(
            self.tr(
                "Hold the QR code of the permit the management office gave you under the scanner, "
                "or type the permit's number (e.g. RZ000123) and tap Check."
            )
        )
        self.hint.setAccessibleName(self.tr("How to show your permit"))
        self.code_edit.setAccessibleName(self.tr("Permit number"))
        self.code_edit.setPlaceholderText(self.tr("Permit number"))
        self.check_button.setText(self.tr("Check"))
        self.check_button.setAccessibleName(self.tr("Check the permit"))
        self.result.setAccessibleName(self.tr("Permit check result"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.done_button.setText(self.tr("Done"))
        self.done_button.setAccessibleName(self.tr("Done"))

    def enter(self, code: str = "") -> None:
        """Fresh for the next person; with ``code`` (a permit scanned on the welcome screen),
        checked at once."""
        self._checking = False
        self.code_edit.setText(code)
        self.result.clear()
        self.result.hide()
        self.check_button.setEnabled(True)
        self.done_button.hide()
        if code:
            self.check()

    def _edited(self) -> None:
        # The answer was about the number that stood there before.
        self.result.hide()
        self.done_button.hide()

    def _check_typed(self) -> None:
        self.check()

    def check(self, code: str | None = None) -> None:
        """Ask the server about ``code`` (a scan) or what is typed; one question at a time."""
        if code is not None:
            self.code_edit.setText(code)
        typed = self.code_edit.text().strip()
        if self._checking or not typed:
            return
        self._checking = True
        self.check_button.setEnabled(False)
        kinds = self._station.visitor_kinds
        QueryOp(self, lambda: kinds.permit_at_kiosk(typed), self._let_in, key="check").failure(
            self._refused
        ).run_in_background()

    def _let_in(self, view: AdmissionView) -> None:
        self._checking = False
        self.check_button.setEnabled(True)
        number = view.permit_number or view.reference
        if view.permit_valid_until is not None:
            until = last_day(view.permit_valid_until, self._station.site.timezone).isoformat()
            text = (
                self.tr("Permit %1 is valid until %2. Please go in.")
                .replace("%1", number)
                .replace("%2", until)
            )
        else:
            text = self.tr("Permit %1 is valid. Please go in.").replace("%1", number)
        self._say(text, LET_IN_STYLE)
        self.code_edit.clear()
        self.done_button.show()
        self.let_in.emit()

    def _refused(self, error: Exception) -> None:
        self._checking = False
        self.check_button.setEnabled(True)
        self._say(error_message(error), REFUSED_STYLE)

    def _say(self, text: str, style: str) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(style)
        self.result.show()
