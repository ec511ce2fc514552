"""The receptionist's console: sign in, then side navigation with one page per section.

Each section needs a permission; a staff member sees only the sections their role allows,
and the pages check again before acting. The console locks itself after inactivity.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QSize, QThread, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QListWidget, QSplitter, QStackedWidget

from kiosk.client.events import StationEvent
from kiosk.client.station import Station
from kiosk.domain.staff import Permission, Role, SignedIn, allowed
from kiosk.ui.common.background import call_in_gui
from kiosk.ui.common.print_runner import StationPrintRunner
from kiosk.ui.common.scanner import ScannerFilter, take_back_scan
from kiosk.ui.common.widgets import SectionPage, cap_forms, filter_app_while_shown, named, role_name
from kiosk.ui.console.admissions_page import AdmissionsPage
from kiosk.ui.console.complaints_page import ComplaintsPage
from kiosk.ui.console.courier_page import CourierPage
from kiosk.ui.console.deposits_page import DepositsPage
from kiosk.ui.console.evacuation_page import EvacuationPage
from kiosk.ui.console.figures_page import FiguresPage
from kiosk.ui.console.handover_page import HandoverPage
from kiosk.ui.console.idc_cards_page import IdcApplicationsPage, IdcCardsPage
from kiosk.ui.console.key_loans_page import KeyLoansPage
from kiosk.ui.console.lobby_board import IssueCard, LobbyBoardPage
from kiosk.ui.console.lost_found_page import LostFoundPage
from kiosk.ui.console.machine_room_passes_page import MachineRoomPassesPage
from kiosk.ui.console.mail_page import MailPage
from kiosk.ui.console.messages_page import MessagesPage
from kiosk.ui.console.newspapers_page import NewspapersPage
from kiosk.ui.console.payments_page import PaymentsPage
from kiosk.ui.console.permits_page import PermitsPage
from kiosk.ui.console.pre_registration_page import PreRegistrationPage
from kiosk.ui.console.print_queue_page import PrintQueuePage
from kiosk.ui.console.release_slip_page import ReleaseSlipPage
from kiosk.ui.console.repairs_page import RepairsPage
from kiosk.ui.console.roster_page import RosterPage
from kiosk.ui.console.shell import SignedInShell
from kiosk.ui.console.slip_verify_page import SlipVerifyPage
from kiosk.ui.console.staff_page import StaffPage
from kiosk.ui.console.stations_page import StationsPage
from kiosk.ui.console.visitor_log_page import VisitorLogPage
from kiosk.ui.console.walk_in_page import WalkInPage
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


P = TypeVar("P", bound=SectionPage)


class _Page(Generic[P]):
    """``desk.repairs`` and the like: section ``key``'s page, made on first use (DeskWindow.page)."""

    def __init__(self, key: str, kind: type[P]) -> None:
        self._key = key
        self._kind = kind

    def __get__(self, desk: DeskWindow, _owner: type[DeskWindow]) -> P:
        page = desk.page(self._key)
        assert isinstance(page, self._kind)
        return page


class DeskWindow(SignedInShell):
    """Sign-in first; then sections on the left, the chosen page on the right."""

    # Sections whose own codes (SectionPage.wants) are taken from the desk's scanner whatever
    # section is on screen, asked in this order.
    # (admissions: a permit scanned while a permit holder is let through there; else the permits')
    SCANNING: tuple[str, ...] = ("repairs", "lost_found", "admissions", "permits", "mail")

    board = _Page("board", LobbyBoardPage)
    messages = _Page("messages", MessagesPage)
    print_queue = _Page("print_queue", PrintQueuePage)
    pre_registration = _Page("pre_register", PreRegistrationPage)
    watchlist = _Page("watchlist", WatchlistPage)
    evacuation = _Page("evacuation", EvacuationPage)
    idc_cards = _Page("idc_cards", IdcCardsPage)
    idc_applications = _Page("idc_applications", IdcApplicationsPage)
    release_slips = _Page("release_slips", ReleaseSlipPage)
    slip_verify = _Page("slip_verify", SlipVerifyPage)
    machine_room_passes = _Page("machine_room_passes", MachineRoomPassesPage)
    visitor_log = _Page("visitor_log", VisitorLogPage)
    staff_page = _Page("staff", StaffPage)
    stations_page = _Page("stations", StationsPage)
    payments = _Page("payments", PaymentsPage)
    deposits = _Page("deposits", DepositsPage)
    handover = _Page("handover", HandoverPage)
    complaints = _Page("complaints", ComplaintsPage)
    figures = _Page("figures", FiguresPage)
    repairs = _Page("repairs", RepairsPage)
    mail = _Page("mail", MailPage)
    permits = _Page("permits", PermitsPage)
    courier = _Page("courier", CourierPage)
    key_loans = _Page("key_loans", KeyLoansPage)
    roster = _Page("roster", RosterPage)
    lost_found = _Page("lost_found", LostFoundPage)
    newspapers = _Page("newspapers", NewspapersPage)
    admissions = _Page("admissions", AdmissionsPage)

    def __init__(self, station: Station) -> None:
        super().__init__(station, "desk", demo_roles=list(Role))
        self.setWindowTitle(self.tr("Lobby Kiosk — Desk console"))
        self.open_within_screen(DESK_SIZE)
        card_issuer = _desk_card_issuer(station)
        # (key, title, how its page is made, permission): the navigation shows the ones the role
        # allows. A page is made the first time it is wanted (``page``), not all at the start:
        # the nineteen pages took some 60 ms to make, and each fetched its list at every sign-in.
        self._sections: list[tuple[str, str, Callable[[Station], SectionPage], Permission]] = [
            (
                "board",
                self.tr("Lobby board"),
                lambda s: LobbyBoardPage(s, card_issuer),
                Permission.VIEW_BOARD,
            ),
            ("messages", self.tr("Phone messages"), MessagesPage, Permission.PHONE_MESSAGES),
            ("print_queue", self.tr("Print queue"), PrintQueuePage, Permission.PRINT_QUEUE),
            ("pre_register", self.tr("Pre-registration"), PreRegistrationPage, Permission.PRE_REGISTER),
            ("walk_in", self.tr("Walk-in registration"), WalkInPage, Permission.REGISTER_VISITORS),
            (
                "admissions",
                self.tr("Admissions (residents, staff)"),
                AdmissionsPage,
                Permission.DECIDE_VISITS,
            ),
            ("watchlist", self.tr("Watchlist"), WatchlistPage, Permission.MANAGE_WATCHLIST),
            ("evacuation", self.tr("Evacuation"), EvacuationPage, Permission.EVACUATION),
            ("idc_cards", self.tr("IDC cards"), IdcCardsPage, Permission.ISSUE_CARDS),
            (
                "idc_applications",
                self.tr("IDC card applications"),
                IdcApplicationsPage,
                Permission.FILE_CARD_APPLICATIONS,
            ),
            ("release_slips", self.tr("Release slips"), ReleaseSlipPage, Permission.ISSUE_RELEASE_SLIPS),
            ("slip_verify", self.tr("Check a release slip"), SlipVerifyPage, Permission.VERIFY_RELEASE_SLIPS),
            (
                "machine_room_passes",
                self.tr("Machine-room passes"),
                MachineRoomPassesPage,
                Permission.MACHINE_ROOM_PASSES,
            ),
            ("visitor_log", self.tr("Visitor log"), VisitorLogPage, Permission.SEARCH_VISITOR_LOG),
            ("staff", self.tr("Staff accounts"), StaffPage, Permission.MANAGE_STAFF),
            ("stations", self.tr("Stations"), StationsPage, Permission.MANAGE_STAFF),
            ("payments", self.tr("Deposits and receipts"), PaymentsPage, Permission.TAKE_PAYMENTS),
            ("deposits", self.tr("Deposits held"), DepositsPage, Permission.TAKE_PAYMENTS),
            ("handover", self.tr("Shift handover"), HandoverPage, Permission.HANDOVER),
            ("complaints", self.tr("Complaints and suggestions"), ComplaintsPage, Permission.COMPLAINTS),
            ("figures", self.tr("Monthly figures"), FiguresPage, Permission.MONTHLY_FIGURES),
            ("repairs", self.tr("Repairs"), RepairsPage, Permission.HANDLE_REPAIRS),
            ("mail", self.tr("Registered mail and parcels"), MailPage, Permission.HANDLE_MAIL),
            ("permits", self.tr("Permits"), PermitsPage, Permission.ISSUE_PERMITS),
            ("courier", self.tr("Outgoing courier"), CourierPage, Permission.COURIER),
            ("key_loans", self.tr("Key loans"), KeyLoansPage, Permission.KEY_LOANS),
            ("roster", self.tr("Duty roster"), RosterPage, Permission.VIEW_ROSTER),
            ("lost_found", self.tr("Lost and found"), LostFoundPage, Permission.LOST_PROPERTY),
            ("newspapers", self.tr("Newspapers and magazines"), NewspapersPage, Permission.NEWSPAPERS),
        ]
        self._made: dict[str, SectionPage] = {}
        self.pages = QStackedWidget()
        # Made at once: it keeps this station's copy of who is on site for a roll call without
        # the server from sign-in on, whether or not anyone opens it.
        self.page("evacuation")
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
        # Only the pages made so far: one made later is told who is signed in as it is made.
        return [self._made[key] for key, _t, _m, _p in self._sections if key in self._made]

    def _who_text(self, who: SignedIn) -> str:
        return f"{who.name} · {role_name(who.role)}"

    def _opening(self, who: SignedIn) -> None:
        self._visible = [key for key, _t, _p, perm in self._sections if allowed(who.role, perm)]
        self.nav.clear()
        for key, title, _make, _perm in self._sections:
            if key in self._visible:
                self.nav.addItem(title)
        self.nav.setCurrentRow(0)

    # -- navigation --------------------------------------------------------------------------

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._visible):
            self.pages.setCurrentWidget(self.page(self._visible[row]))

    def sections(self) -> list[str]:
        """The sections the signed-in staff member can open, in navigation order."""
        return list(self._visible) if self.session is not None else []

    def show_section(self, name: str) -> None:
        """Switch to ``name`` ("board", "print_queue", ...) as a click on the navigation would."""
        self.nav.setCurrentRow(self._visible.index(name))

    def page(self, key: str) -> SectionPage:
        """Section ``key``'s page ("board", "repairs"...), made now if it has not been wanted yet.
        Whatever talks to a page comes through here (or the attributes below, which do): the
        navigation, the scanner, screenshots, tests. The server's events go to the pages made so
        far; a page made later fetches what it shows as it is told who is signed in."""
        page = self._made.get(key)
        if page is None:
            # On the GUI thread and into the window's stack at once: a page held by Python alone
            # could be destroyed by the garbage collector on whichever thread it ran in, a crash.
            assert QThread.currentThread() is self.thread(), "a page is made on the GUI thread"
            make = next(make for name, _t, make, _p in self._sections if name == key)
            page = make(self._station)
            self.pages.addWidget(page)
            cap_forms(page)
            self._made[key] = page
            page.set_session(self.session)
        return page

    def every_page(self) -> list[SectionPage]:
        """Every section's page, whether the role may open it or not, made now where need be
        (for the checks that go over the whole console)."""
        return [self.page(key) for key, _t, _m, _p in self._sections]

    def _poll_current(self) -> None:
        page = self.pages.currentWidget()
        if self.session is not None and isinstance(page, SectionPage) and page.isVisible():
            page.poll()

    def _scanned(self, code: str) -> None:
        if self.session is None:
            return
        for key in self.SCANNING:
            if key in self._visible and self.page(key).wants(code):
                # Out of the field it went into first: once the section changes, that field has
                # lost the focus, and the code would stay in another page's form.
                take_back_scan(code)
                self.scanner.consume()
                self.show_section(key)
                self.page(key).scanned(code)
                return

    def _server_event(self, event: StationEvent) -> None:
        if event.topic in ("print_jobs", "connected", "resync"):
            self.runner.tick()  # locked or not: what was asked for at this desk still prints
        if self.session is None:
            return
        for page in self._session_pages():
            page.on_server_event(event.topic)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._events.stop()
        super().closeEvent(event)
