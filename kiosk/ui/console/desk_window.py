"""The receptionist's console: sign in, then side navigation with one page per section.

Each section needs a permission; a staff member sees only the sections their role allows,
and the pages check again before acting. The console locks itself after inactivity.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QListWidget, QSplitter, QStackedWidget

from kiosk.client.events import StationEvent
from kiosk.client.station import Station
from kiosk.domain.staff import Permission, Role, SignedIn, allowed
from kiosk.ui.common.background import call_in_gui
from kiosk.ui.common.print_runner import StationPrintRunner
from kiosk.ui.common.scanner import ScannerFilter, take_back_scan
from kiosk.ui.common.widgets import SectionPage, cap_forms, filter_app_while_shown, named, role_name
from kiosk.ui.console.complaints_page import ComplaintsPage
from kiosk.ui.console.evacuation_page import EvacuationPage
from kiosk.ui.console.figures_page import FiguresPage
from kiosk.ui.console.handover_page import HandoverPage
from kiosk.ui.console.idc_cards_page import IdcApplicationsPage, IdcCardsPage
from kiosk.ui.console.lobby_board import IssueCard, LobbyBoardPage
from kiosk.ui.console.machine_room_passes_page import MachineRoomPassesPage
from kiosk.ui.console.messages_page import MessagesPage
from kiosk.ui.console.payments_page import PaymentsPage
from kiosk.ui.console.pre_registration_page import PreRegistrationPage
from kiosk.ui.console.print_queue_page import PrintQueuePage
from kiosk.ui.console.release_slip_page import ReleaseSlipPage
from kiosk.ui.console.repairs_page import RepairsPage
from kiosk.ui.console.shell import SignedInShell
from kiosk.ui.console.slip_verify_page import SlipVerifyPage
from kiosk.ui.console.staff_page import StaffPage
from kiosk.ui.console.stations_page import StationsPage
from kiosk.ui.console.visitor_log_page import VisitorLogPage
from kiosk.ui.console.watchlist_page import WatchlistPage

# How often the page on screen looks for changes made elsewhere (cheap, indexed lookups).
PAGE_POLL_MS = 2000
# How long the board's "Issue visitor card" waits for a card on the desk's encoder.
DESK_CARD_WAIT_S = 30.0
# The size the console is laid out for; a smaller screen gets all it has, never more.
DESK_SIZE = QSize(1280, 800)


def _desk_card_issuer(station: Station) -> IssueCard | None:
    """The board's "Issue visitor card": on this desk's own encoder, as the server plans it (the
    member is the one signed in at this station); none without an encoder here."""
    encoder = station.encoder
    if encoder is None:
        return None
    return lambda visit_id, _who: station.cards.issue_visitor_card(encoder, visit_id, DESK_CARD_WAIT_S).label


class DeskWindow(SignedInShell):
    """Sign-in first; then sections on the left, the chosen page on the right."""

    def __init__(self, station: Station) -> None:
        super().__init__(station, "desk", demo_roles=list(Role))
        self.setWindowTitle(self.tr("Lobby Kiosk — Desk console"))
        self.open_within_screen(DESK_SIZE)
        self.board = LobbyBoardPage(station, _desk_card_issuer(station))
        self.print_queue = PrintQueuePage(station)
        self.evacuation = EvacuationPage(station)
        self.watchlist = WatchlistPage(station)
        self.pre_registration = PreRegistrationPage(station)
        self.idc_cards = IdcCardsPage(station)
        self.idc_applications = IdcApplicationsPage(station)
        self.release_slips = ReleaseSlipPage(station)
        self.slip_verify = SlipVerifyPage(station)
        self.machine_room_passes = MachineRoomPassesPage(station)
        self.visitor_log = VisitorLogPage(station)
        self.staff_page = StaffPage(station)
        self.stations_page = StationsPage(station)
        self.payments = PaymentsPage(station)
        self.handover = HandoverPage(station)
        self.messages = MessagesPage(station)
        self.complaints = ComplaintsPage(station)
        self.figures = FiguresPage(station)
        self.repairs = RepairsPage(station)
        # (key, title, page, permission): the navigation shows the ones the role allows.
        self._sections: list[tuple[str, str, SectionPage, Permission]] = [
            ("board", self.tr("Lobby board"), self.board, Permission.VIEW_BOARD),
            ("messages", self.tr("Phone messages"), self.messages, Permission.PHONE_MESSAGES),
            ("print_queue", self.tr("Print queue"), self.print_queue, Permission.PRINT_QUEUE),
            ("pre_register", self.tr("Pre-registration"), self.pre_registration, Permission.PRE_REGISTER),
            ("watchlist", self.tr("Watchlist"), self.watchlist, Permission.MANAGE_WATCHLIST),
            ("evacuation", self.tr("Evacuation"), self.evacuation, Permission.EVACUATION),
            ("idc_cards", self.tr("IDC cards"), self.idc_cards, Permission.ISSUE_CARDS),
            (
                "idc_applications",
                self.tr("IDC card applications"),
                self.idc_applications,
                Permission.FILE_CARD_APPLICATIONS,
            ),
            ("release_slips", self.tr("Release slips"), self.release_slips, Permission.ISSUE_RELEASE_SLIPS),
            (
                "slip_verify",
                self.tr("Check a release slip"),
                self.slip_verify,
                Permission.VERIFY_RELEASE_SLIPS,
            ),
            (
                "machine_room_passes",
                self.tr("Machine-room passes"),
                self.machine_room_passes,
                Permission.MACHINE_ROOM_PASSES,
            ),
            ("visitor_log", self.tr("Visitor log"), self.visitor_log, Permission.SEARCH_VISITOR_LOG),
            ("staff", self.tr("Staff accounts"), self.staff_page, Permission.MANAGE_STAFF),
            ("stations", self.tr("Stations"), self.stations_page, Permission.MANAGE_STAFF),
            ("payments", self.tr("Deposits and receipts"), self.payments, Permission.TAKE_PAYMENTS),
            ("handover", self.tr("Shift handover"), self.handover, Permission.HANDOVER),
            ("complaints", self.tr("Complaints and suggestions"), self.complaints, Permission.COMPLAINTS),
            ("figures", self.tr("Monthly figures"), self.figures, Permission.MONTHLY_FIGURES),
            ("repairs", self.tr("Repairs"), self.repairs, Permission.HANDLE_REPAIRS),
        ]
        self.pages = QStackedWidget()
        for _key, _title, page, _perm in self._sections:
            self.pages.addWidget(page)  # all parented here; the navigation decides what is reachable
            cap_forms(page)
        self.nav = named(QListWidget(), "deskNavigation", self.tr("Sections"))
        self.nav.setMaximumWidth(220)
        self.nav.currentRowChanged.connect(self._show_row)
        self._visible: list[str] = []
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        self.set_body(splitter)
        # This desk's printer: the server queues the desk's receipts, slips and copies for it.
        self.runner = StationPrintRunner(station.printing, self)
        # Pages follow what other desks and the kiosk change: pushed by the server as events.
        self._events = station.listen(lambda event: call_in_gui(self, self._server_event, event))
        # Pages not on the server's events yet look again every few seconds (SectionPage.poll).
        self._poll_timer = QTimer(self)
        self._poll_timer.timeout.connect(self._poll_current)
        self._poll_timer.start(PAGE_POLL_MS)
        # A work order's QR scanned at this desk, whatever section is on screen, brings its
        # repair request up (the desk's wedge scanner types into the window as a keyboard would).
        self.scanner = ScannerFilter(self)
        self.scanner.scanned.connect(self._scanned)
        filter_app_while_shown(self, self.scanner)

    # -- the shell's hooks ---------------------------------------------------------------------

    def _session_pages(self) -> list[SectionPage]:
        return [page for _key, _title, page, _perm in self._sections]

    def _who_text(self, who: SignedIn) -> str:
        return f"{who.name} · {role_name(who.role)}"

    def _opening(self, who: SignedIn) -> None:
        self._visible = [key for key, _t, _p, perm in self._sections if allowed(who.role, perm)]
        self.nav.clear()
        for key, title, _page, _perm in self._sections:
            if key in self._visible:
                self.nav.addItem(title)
        self.nav.setCurrentRow(0)

    # -- navigation --------------------------------------------------------------------------

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._visible):
            page = next(p for key, _t, p, _perm in self._sections if key == self._visible[row])
            self.pages.setCurrentWidget(page)

    def sections(self) -> list[str]:
        """The sections the signed-in staff member can open, in navigation order."""
        return list(self._visible) if self.session is not None else []

    def show_section(self, name: str) -> None:
        """Switch to ``name`` ("board", "print_queue", ...) as a click on the navigation would."""
        self.nav.setCurrentRow(self._visible.index(name))

    def _poll_current(self) -> None:
        page = self.pages.currentWidget()
        if self.session is not None and isinstance(page, SectionPage) and page.isVisible():
            page.poll()

    def _scanned(self, code: str) -> None:
        if self.session is not None and "repairs" in self._visible and self.repairs.wants(code):
            # Out of the field it went into first: once the section changes, that field has lost
            # the focus, and the code would stay in another page's form.
            take_back_scan(code)
            self.show_section("repairs")
            self.repairs.scanned(code)

    def _server_event(self, event: StationEvent) -> None:
        if event.topic in ("print_jobs", "connected", "resync"):
            self.runner.tick()  # locked or not: what was asked for at this desk still prints
        if self.session is None:
            return
        for _key, _title, page, _perm in self._sections:
            page.on_server_event(event.topic)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._events.stop()
        super().closeEvent(event)
