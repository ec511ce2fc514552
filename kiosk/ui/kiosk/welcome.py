"""The kiosk's welcome screen: site name, clock, language switch and the choices to start."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from kiosk.ui.common.i18n import current_language
from kiosk.ui.common.widgets import named
from kiosk.ui.kiosk.base import TranslatedPage, wrapped_label

# Staff leave kiosk mode by tapping the site name EXIT_TAPS times within EXIT_TAP_WINDOW_S.
EXIT_TAPS = 5
EXIT_TAP_WINDOW_S = 4.0


class WelcomePage(TranslatedPage):
    """Site name, clock, the language switch and the big choice to start."""

    check_in_requested = Signal()
    staff_exit_requested = Signal()
    invitation_requested = Signal()
    check_out_requested = Signal()
    language_requested = Signal(str)

    def __init__(self, site_name: str, demo_mode: bool, now: Callable[[], datetime]) -> None:
        """``now`` gives the time to show: the application's clock, in the site's zone."""
        super().__init__()
        self._now = now
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
        self.clock.setText(self._now().strftime("%Y-%m-%d  %H:%M"))
