"""Leaving the building at the kiosk: find one's visit (or scan the badge), then a thank-you."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QScroller, QVBoxLayout

from kiosk.client.station import Station
from kiosk.domain.views import CheckoutMatch
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.operations import QueryOp
from kiosk.ui.common.widgets import named
from kiosk.ui.kiosk.base import TranslatedPage, back_and_primary, wrapped_label


class CheckOutPage(TranslatedPage):
    """Leaving: scan the badge at the scanner, or find one's own name (shown masked) and tap it."""

    check_out_requested = Signal(int)
    back_requested = Signal()

    def __init__(self, station: Station) -> None:
        super().__init__()
        self.setObjectName("checkOutPage")
        self._station = station
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 30, 60, 30)
        self.title = wrapped_label("title")
        self.scan_hint = named(wrapped_label(), "checkOutScanHint", "")
        self.scan_hint.setStyleSheet("font-size: 28px;")
        self.search_label = wrapped_label()
        self.search = named(QLineEdit(), "checkOutSearchEdit", "")
        self.search.textChanged.connect(self.refresh)
        self.matches = named(QListWidget(), "checkOutMatches", "")
        QScroller.grabGesture(self.matches.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.error_label = named(wrapped_label("error"), "checkOutError", "")
        self.search.textEdited.connect(self.error_label.clear)  # a bad scan is old news once they type
        for widget in (self.title, self.scan_hint, self.search_label, self.search):
            layout.addWidget(widget)
        layout.addWidget(self.matches, 1)
        layout.addWidget(self.error_label)
        self.back_button, self.confirm_button = back_and_primary(
            layout, "checkOutBackButton", "checkOutConfirmButton"
        )
        self.back_button.clicked.connect(self.back_requested)
        self.confirm_button.clicked.connect(self._confirm)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Check out"))
        self.scan_hint.setText(self.tr("Hold your badge's QR code under the scanner."))
        self.scan_hint.setAccessibleName(self.tr("How to check out"))
        self.search_label.setText(self.tr("Or type your name and tap it in the list:"))
        self.search.setAccessibleName(self.tr("Your name"))
        self.matches.setAccessibleName(self.tr("Visitors on site with that name"))
        self.error_label.setAccessibleName(self.tr("What to fix"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.confirm_button.setText(self.tr("Check out"))
        self.confirm_button.setAccessibleName(self.tr("Check out the selected visitor"))
        self.refresh()

    def enter(self) -> None:
        self.search.clear()
        self.error_label.clear()
        self.refresh()

    def refresh(self) -> None:
        text = self.search.text()
        if not text.strip():
            self.matches.clear()  # nothing typed: nobody listed (the server would list nobody too)
            return
        QueryOp(
            self,
            lambda: self._station.visits.find_for_checkout(text),
            self._show_matches,
            key="matches",
            reads_only=True,
        ).failure(lambda error: self.show_error(error_message(error))).run_in_background()

    def _show_matches(self, matches: list[CheckoutMatch]) -> None:
        self.matches.clear()
        zone = self._station.site.timezone
        for match in matches:
            time_in = match.checked_in_at.astimezone(zone).strftime("%H:%M")
            company = f"  ·  {match.company}" if match.company else ""
            arrived = self.tr("in at %1").replace("%1", time_in)
            item = QListWidgetItem(f"{match.masked_name}{company}  ·  {arrived}")
            item.setData(Qt.ItemDataRole.UserRole, match.visit_id)
            self.matches.addItem(item)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)

    def _confirm(self) -> None:
        item = self.matches.currentItem()
        if item is None:
            self.error_label.setText(self.tr("Please find your name and tap it, or scan your badge."))
            return
        self.check_out_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))


class ThankYouPage(TranslatedPage):
    """Checked out: a thank-you, then back to the welcome screen by itself."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("thankYouPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        layout.addStretch(1)
        self.title = named(wrapped_label("title"), "thankYouTitleLabel", "")
        self.detail = named(wrapped_label(), "thankYouDetailLabel", "")
        for widget in (self.title, self.detail):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Thank you for your visit"))
        self.title.setAccessibleName(self.tr("Result"))
        self.detail.setText(
            self.tr("You are checked out. Please leave your badge in the box at the desk. Goodbye!")
        )
        self.detail.setAccessibleName(self.tr("What to do next"))
