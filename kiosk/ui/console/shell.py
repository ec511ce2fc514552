"""The signed-in shell the desk console and the guard screen share: the sign-in page, a top bar
with who is signed in and a sign-out button, the inactivity lock, sign-out and lock recorded in the
audit trail, and the session handed to the pages. Each window adds only its own body."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.client.station import Station
from kiosk.domain.staff import DEMO_PIN, Role, SignedIn
from kiosk.ui.common.background import run_in_background
from kiosk.ui.common.widgets import SectionPage, named
from kiosk.ui.console.sign_in import InactivityLock, SignInPage

log = logging.getLogger(__name__)

# Room for a window manager's title bar and borders (openbox, GNOME and Windows take 20-40 px).
FRAME_ALLOWANCE = QSize(16, 48)


def fitted_geometry(available: QRect, wanted: QSize) -> QRect:
    """Where a window opens on a screen whose free area (without panels) is ``available``:
    ``wanted`` or as much of it as fits, centred, never past the screen's edges."""
    size = wanted.boundedTo(available.size())
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return rect


class SignedInShell(QMainWindow):
    """Sign-in first; after it the top bar over the window's body until sign-out or the lock.

    ``prefix`` names the window's widgets (``deskMain``, ``guardSignOutButton``...); ``demo_roles``
    are the accounts the demo-mode hint offers. A subclass puts its body in with ``set_body`` and
    may override the hooks below."""

    def __init__(self, station: Station, prefix: str, demo_roles: Sequence[Role]) -> None:
        """``station``: this console's link to the site server (sign-in, sessions, every section)."""
        super().__init__()
        self.setObjectName(f"{prefix}Window")
        self._station = station
        self.session: SignedIn | None = None
        self.sign_in_page = SignInPage(station)
        self.sign_in_page.signed_in.connect(self._signed_in)
        if station.local.demo_mode:
            roles = ", ".join(role.value for role in demo_roles)
            self.sign_in_page.set_hint(
                self.tr("Demo mode: sign in as %1 with PIN %2.").replace("%1", roles).replace("%2", DEMO_PIN)
            )
        self.who_label = named(QLabel(), f"{prefix}SignedInLabel", self.tr("Signed-in staff member"))
        self.sign_out_button = named(
            QPushButton(self.tr("Sign out")), f"{prefix}SignOutButton", self.tr("Sign out")
        )
        self.sign_out_button.clicked.connect(self.sign_out)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.who_label)
        top.addWidget(self.sign_out_button)
        self.main = QWidget()
        self.main.setObjectName(f"{prefix}Main")
        self._main_layout = QVBoxLayout(self.main)
        self._main_layout.addLayout(top)
        self.root = QStackedWidget()
        self.root.addWidget(self.sign_in_page)
        self.root.addWidget(self.main)
        self.setCentralWidget(self.root)
        self.lock = InactivityLock(station.local.desk_lock_after_s, self)
        self.lock.expired.connect(self.lock_now)
        self._show_sign_in()

    def open_within_screen(self, wanted: QSize) -> None:
        """Open at ``wanted`` where the screen has room; on a smaller screen, maximised, so the
        window manager fits the window, its frame included (a 1024x768 guard window on a 768-high
        screen lost its Released and Mismatch buttons below the edge)."""
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(wanted)
            return
        available = screen.availableGeometry()
        self.setGeometry(fitted_geometry(available, wanted))
        # The window manager's title bar and frame come on top of ``wanted``.
        framed = wanted + FRAME_ALLOWANCE
        if available.width() < framed.width() or available.height() < framed.height():
            self.setWindowState(Qt.WindowState.WindowMaximized)

    def set_body(self, body: QWidget) -> None:
        """What the window shows under the top bar while someone is signed in."""
        self._main_layout.addWidget(body, 1)

    # -- hooks -------------------------------------------------------------------------------

    def _session_pages(self) -> Iterable[SectionPage]:
        """The pages that act for the signed-in staff member (and stop when nobody is)."""
        return ()

    def _who_text(self, who: SignedIn) -> str:
        return who.name

    def _sign_in_title(self) -> str | None:
        """The sign-in page's title, if not the sign-in page's own."""
        return None

    def _opening(self, who: SignedIn) -> None:
        """Ready the body for ``who`` before it shows."""

    def _opened(self) -> None:
        """The body is on screen (put the focus where the work starts)."""

    # -- session -----------------------------------------------------------------------------

    def _show_sign_in(self) -> None:
        self.sign_in_page.show_sign_in()
        title = self._sign_in_title()
        if title is not None:
            self.sign_in_page.title.setText(title)
        self.root.setCurrentWidget(self.sign_in_page)

    def _signed_in(self, who: SignedIn) -> None:
        # Who may use this station is the server's decision: it opened the session.
        self.session = who
        self.who_label.setText(self._who_text(who))
        self._tell_pages(who)
        self._opening(who)
        self.root.setCurrentWidget(self.main)
        self._opened()
        self.lock.start()

    def sign_out(self) -> None:
        if self.session is not None:
            self._end_server_session("sign_out")
        self._leave()
        self._show_sign_in()

    def _end_server_session(self, reason: str) -> None:
        """The server forgets the session (and audits why); the window does not wait for it."""
        session = self._station.session
        token = session.leave()  # the next sign-in here never sends it
        run_in_background(
            self, lambda: session.sign_out(reason, token), lambda _none: None, self._sign_out_failed
        )

    def _sign_out_failed(self, error: Exception) -> None:
        # The window has signed out already; the server ends the session after its idle timeout.
        log.warning("the server did not hear the sign-out: %s", type(error).__name__)

    def lock_now(self) -> None:
        """Cover the window; its pages stop acting for anyone until someone signs in."""
        if self.session is None:
            return
        self._end_server_session("locked")
        username = self.session.username
        self._leave()
        self.sign_in_page.show_locked(username)
        self.root.setCurrentWidget(self.sign_in_page)

    def _leave(self) -> None:
        self.session = None
        self._tell_pages(None)
        self.lock.stop()

    def _tell_pages(self, who: SignedIn | None) -> None:
        """Every page learns who acts now (or that nobody does) and checks its role."""
        for page in self._session_pages():
            page.set_session(who)
