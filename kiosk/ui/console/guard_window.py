"""The lobby guard's screen (``kiosk run --role guard``): sign in as at the desk console, then
scan release slips (goods out) and the management office's permits (goods and workers in), each
on its tab; a scanned code opens the tab it belongs to. The barcode scanner types into the window
as a keyboard would.

Who may sign in here is the server's decision: a guard station gets a session only for a role
that checks slips (anyone else is refused, and the refusal audited, by the server)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QTabWidget

from kiosk.client.station import Station
from kiosk.domain.permits import is_permit_code
from kiosk.domain.staff import Role
from kiosk.ui.common.scanner import ScannerFilter, take_back_scan
from kiosk.ui.common.widgets import SectionPage, filter_app_while_shown, named
from kiosk.ui.console.patrol_notices import PatrolNoticesPanel
from kiosk.ui.console.permit_check import PermitCheckPanel
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
        self.permits = PermitCheckPanel(station)
        # Residents let in on the records, for the patrol guard (巡逻岗) to follow and close.
        self.patrol = PatrolNoticesPanel(station)
        self.tabs = named(QTabWidget(), "guardTabs", self.tr("What to check"))
        self.tabs.addTab(self.verify, self.tr("Release slips (goods out)"))
        self.tabs.addTab(self.permits, self.tr("Permits (goods and workers in)"))
        self.tabs.addTab(self.patrol, self.tr("Patrol notices"))
        self.tabs.setStyleSheet("QTabBar::tab { font-size: 18px; padding: 10px 24px; }")
        self.set_body(self.tabs)
        # A permit's number typed into the slip's field (or a slip's into the permit's) is checked
        # where it belongs, not refused as "not a slip".
        self.verify.elsewhere = self._to_permits
        self.permits.elsewhere = self._to_slips
        self.permits.materials.setStyleSheet("font-size: 26px;")
        self.permits.details.setStyleSheet("font-size: 22px;")
        # Read standing, at arm's length, with the goods in front: larger than at the console.
        self.verify.items.setStyleSheet("font-size: 26px;")
        self.verify.details.setStyleSheet("font-size: 22px;")
        self.patrol.table.setStyleSheet("font-size: 20px;")
        self.scanner = ScannerFilter(self)
        self.scanner.scanned.connect(self._scanned)
        filter_app_while_shown(self, self.scanner)

    # -- the shell's hooks ---------------------------------------------------------------------

    def _session_pages(self) -> list[SectionPage]:
        return [self.verify, self.permits, self.patrol]

    def _sign_in_title(self) -> str:
        return self.tr("Guard screen: sign in")

    def _opened(self) -> None:
        self.tabs.setCurrentWidget(self.verify)
        self.verify.code_edit.setFocus()

    def _to_slips(self, code: str) -> bool:
        self.tabs.setCurrentWidget(self.verify)
        self.verify.scan(code)
        return True

    def _to_permits(self, code: str) -> bool:
        if not is_permit_code(code):
            return False
        self.tabs.setCurrentWidget(self.permits)
        self.permits.scan(code)
        return True

    def _scanned(self, code: str) -> None:
        if self.session is None or not self.isVisible():
            return
        if QApplication.focusWidget() in (self.verify.code_edit, self.permits.code_edit):
            return  # the scanner typed into a code field; its Enter already checked it
        take_back_scan(code)  # typed into another field
        if not self._to_permits(code):
            self._to_slips(code)
