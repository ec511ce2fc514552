"""The lobby guard's screen (``kiosk run --role guard``): sign in as at the desk console, then
scan release slips. The barcode scanner types into the window as a keyboard would.

Who may sign in here is the server's decision: a guard station gets a session only for a role
that checks slips (anyone else is refused, and the refusal audited, by the server)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.client.station import Station
from kiosk.domain.staff import Role
from kiosk.ui.common.scanner import ScannerFilter, take_back_scan
from kiosk.ui.common.widgets import SectionPage, filter_app_while_shown
from kiosk.ui.console.shell import SignedInShell
from kiosk.ui.console.slip_verify_page import SlipVerifyPage

# The size the guard screen is laid out for; a smaller screen gets all it has, never more.
GUARD_SIZE = QSize(1024, 768)


class GuardWindow(SignedInShell):
    def __init__(self, station: Station) -> None:
        super().__init__(station, "guard", demo_roles=[Role.GUARD])
        self.setWindowTitle(self.tr("Lobby Kiosk — Guard: release slips"))
        self.open_within_screen(GUARD_SIZE)
        self.verify = SlipVerifyPage(station)
        self.set_body(self.verify)
        # Read standing, at arm's length, with the goods in front: larger than at the console.
        self.verify.items.setStyleSheet("font-size: 26px;")
        self.verify.details.setStyleSheet("font-size: 22px;")
        self.scanner = ScannerFilter(self)
        self.scanner.scanned.connect(self._scanned)
        filter_app_while_shown(self, self.scanner)

    # -- the shell's hooks ---------------------------------------------------------------------

    def _session_pages(self) -> list[SectionPage]:
        return [self.verify]

    def _sign_in_title(self) -> str:
        return self.tr("Guard screen: sign in")

    def _opened(self) -> None:
        self.verify.code_edit.setFocus()

    def _scanned(self, code: str) -> None:
        if self.session is None or not self.isVisible():
            return
        if QApplication.focusWidget() is self.verify.code_edit:
            return  # the scanner typed into the code field; its Enter already checked it
        take_back_scan(code)  # typed into another field
        self.verify.scan(code)
