"""Temporary visitor cards at the kiosk: the "place a card" page, and the tap that checks out.

The card page runs after the badge, when the site hands out cards ([kiosk] visitor_cards). Every
failure (no card, a card that is not blank nor back from a visitor, lifted mid-write, a write
that did not verify) offers "try again" and a way out to the desk; the visit itself is on the
board already, and a visit with no card number tells the desk to hand one over.

The tap watcher listens on the encoder while the welcome or check-out page shows: a valid
visitor card laid on it checks its visitor out. It waits in short slices so the pad can be seen
empty between taps; a card it has just handled (or just issued) is ignored until it is lifted.

The kiosk holds no card key: the site server gives the key that reads a tapped card and the
write plan of a card to issue, and decides (``kiosk.client.cards``).
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout

from kiosk.client.station import Station
from kiosk.devices.errors import DeviceError, NoCardError
from kiosk.devices.interfaces import CardEncoder
from kiosk.domain.errors import ValidationError
from kiosk.ui.common.background import call_in_gui
from kiosk.ui.common.messages import error_message
from kiosk.ui.common.widgets import named
from kiosk.ui.kiosk.base import TranslatedPage, wrapped_label

log = logging.getLogger(__name__)

# A visitor at the kiosk is given this long to lay a card on the pad before being asked again.
CARD_WAIT_S = 30.0
# One slice of waiting on the pad: short, so a lifted card is noticed and stopping is quick.
TAP_SLICE_S = 0.5
# After a device error the watcher leaves the port alone for this long before trying again.
TAP_RETRY_AFTER_S = 5.0


def tap_refusal_message(error: Exception) -> str:
    """What a visitor who tapped a card that does not check anyone out is told."""
    if isinstance(error, ValidationError) and error.field == "station":
        return error_message(error)  # too many refused taps: how long to wait
    code = error.code if isinstance(error, ValidationError) else ""
    if code == "returned":
        return QCoreApplication.translate(
            "kiosk_card", "This card has been returned already. Please leave it at the front desk."
        )
    if code in ("not_visitor", "unknown"):
        return QCoreApplication.translate(
            "kiosk_card", "This is not a visitor card of an open visit. Please see the front desk."
        )
    return QCoreApplication.translate(
        "kiosk_card", "This card cannot check you out. Please see the front desk."
    )


class CardPage(TranslatedPage):
    """ "Place a card on the reader", what the encoder is doing, and the ways on after a failure."""

    retry_requested = Signal()
    desk_requested = Signal()
    # Emitted from the worker thread; Qt queues it onto the page's (GUI) thread.
    progress = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("cardPage")
        self._step = "waiting"
        self._failure = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        layout.addStretch(1)
        self.title = named(wrapped_label("title"), "cardTitleLabel", "")
        self.instruction = named(wrapped_label(), "cardInstructionLabel", "")
        self.step_label = named(wrapped_label(), "cardStepLabel", "")
        self.step_label.setStyleSheet("font-size: 30px; color: #455a64;")
        self.error_label = named(wrapped_label("error"), "cardErrorLabel", "")
        for widget in (self.title, self.instruction, self.step_label, self.error_label):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.desk_button = named(QPushButton(), "cardDeskButton", "")
        self.retry_button = named(QPushButton(), "cardRetryButton", "")
        self.retry_button.setProperty("role", "primary")
        row.addWidget(self.desk_button)
        row.addStretch(1)
        row.addWidget(self.retry_button)
        layout.addLayout(row)
        self.desk_button.clicked.connect(self.desk_requested)
        self.retry_button.clicked.connect(self.retry_requested)
        self.progress.connect(self.show_step)
        self.start()

    def start(self) -> None:
        """A fresh attempt: the instruction, no error, no buttons until it fails."""
        self._step, self._failure = "waiting", ""
        self.retry_button.hide()
        self.desk_button.hide()
        self.retranslate()

    def show_step(self, step: str) -> None:
        self._step = step
        self.retranslate()

    def show_failure(self, text: str) -> None:
        self._failure = text
        self.retry_button.show()
        self.desk_button.show()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your visitor card"))
        self.title.setAccessibleName(self.tr("Visitor card"))
        self.instruction.setText(
            self.tr("Take one card from the tray and lay it flat on the card reader below the screen.")
        )
        self.instruction.setAccessibleName(self.tr("What to do"))
        steps = {
            "waiting": self.tr("Waiting for a card…"),
            "checking": self.tr("Checking the card…"),
            "wiping": self.tr("Preparing the card…"),
            "writing": self.tr("Writing the card — please keep it still…"),
            "verifying": self.tr("Checking what was written…"),
            "recording": self.tr("Almost done…"),
        }
        self.step_label.setText("" if self._failure else steps.get(self._step, ""))
        self.step_label.setAccessibleName(self.tr("Progress"))
        self.error_label.setText(self._failure)
        self.error_label.setAccessibleName(self.tr("What went wrong"))
        self.retry_button.setText(self.tr("Try again"))
        self.retry_button.setAccessibleName(self.tr("Try again"))
        self.desk_button.setText(self.tr("Get my card at the desk"))
        self.desk_button.setAccessibleName(self.tr("Get my card at the desk"))


class CardTapWatcher(QObject):
    """Watches the encoder for a visitor card tapped to check out, on a thread of its own."""

    # Emitted in the GUI thread: the watcher thread posts to it (call_in_gui) and never touches
    # this object, which its window may delete meanwhile.
    checked_out = Signal(object)  # CardCheckout
    refused = Signal(object)  # Exception

    def __init__(self, station: Station, encoder: CardEncoder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cards = station.cards
        self._encoder = encoder
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None
        self._ignore_uid: str | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def ignore_until_lifted(self, uid_hex: str | None) -> None:
        """A card just handed out is still on the pad: it must not check its new owner out."""
        self._ignore_uid = uid_hex

    def start(self) -> None:
        if self.running and self._stop is not None and not self._stop.is_set():
            return
        # A stopped thread may still finish its last slice; a new one starts beside it.
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, args=(self._stop,), name="card-tap", daemon=True)
        self._thread.start()

    def stop(self, wait: bool = False) -> None:
        if self._stop is not None:
            self._stop.set()
        if wait and self._thread is not None:
            self._thread.join(timeout=TAP_SLICE_S * 4 + 1)

    def _watch(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                card = self._encoder.wait_for_card(TAP_SLICE_S, stop)
            except NoCardError:
                self._ignore_uid = None  # the pad was seen empty: the last card was lifted
                continue
            except DeviceError as exc:
                log.warning("card reader: %s", exc)
                stop.wait(TAP_RETRY_AFTER_S)
                continue
            if card.uid_hex == self._ignore_uid:
                stop.wait(TAP_SLICE_S)
                continue
            self._ignore_uid = card.uid_hex
            try:
                result = self._cards.tapped(self._encoder, card)
            except ValidationError as exc:
                if exc.code != "blank":  # a blank card on the pad is the stack, not a visitor
                    call_in_gui(self, self._refuse, exc)
            except Exception as exc:  # the screen says "see the desk"; the log keeps the cause
                log.exception("checking out by card failed")
                call_in_gui(self, self._refuse, exc)
            else:
                call_in_gui(self, self._check_out, result)

    def _check_out(self, result: object) -> None:
        self.checked_out.emit(result)

    def _refuse(self, error: Exception) -> None:
        self.refused.emit(error)
