"""A station's side of the site: its link to the server, what the server says of the site, and its
own devices. Holds no database URL and no site key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.api.schemas import SiteSettings
from kiosk.client.api import PrintJobs, Session, Stations, Visits
from kiosk.client.cards import Cards
from kiosk.client.complaints import Complaints
from kiosk.client.courier import Courier
from kiosk.client.deposits import Deposits
from kiosk.client.desk_visits import DeskVisits
from kiosk.client.evacuation import Evacuation
from kiosk.client.events import Connect, EventListener, StationEvent
from kiosk.client.handover import Handover
from kiosk.client.http import SiteClient
from kiosk.client.idc_cards import IdcCards
from kiosk.client.invitations import PreRegistration
from kiosk.client.key_loans import KeyLoans
from kiosk.client.lost_found import LostFound
from kiosk.client.machine_room_passes import MachineRoomPasses
from kiosk.client.mail import Mail
from kiosk.client.messages import PhoneMessages
from kiosk.client.monthly_figures import MonthlyFiguresClient
from kiosk.client.newspapers import Newspapers
from kiosk.client.payments import Payments
from kiosk.client.permits import Permits
from kiosk.client.print_queue import DeskPrintQueue
from kiosk.client.printing import StationPrinting
from kiosk.client.repairs import Repairs
from kiosk.client.roster import Roster
from kiosk.client.slips import ReleaseSlips
from kiosk.client.staff import StaffAccounts
from kiosk.client.visitor_kinds import VisitorKinds
from kiosk.client.visitor_log import VisitorLog
from kiosk.client.watchlist import Watchlist
from kiosk.devices.interfaces import CardEncoder, IdCardReader
from kiosk.domain.clock import Clock
from kiosk.domain.site import SiteInfo
from kiosk.printing.send import Printer


@dataclass(frozen=True)
class StationSettings:
    """What this station's own configuration says of its screen (the site's rules are the
    server's)."""

    language: str = "zh_CN"
    idle_timeout_s: int = 60
    fullscreen: bool = False
    on_screen_keyboard: bool = True
    desk_lock_after_s: int = 300
    # Demo mode: the sign-in page says the demo PIN, the welcome page says "demo".
    demo_mode: bool = False
    # This station's own files (the evacuation list's copy); None: it keeps none.
    data_dir: Path | None = None


@dataclass
class Station:
    client: SiteClient
    settings: SiteSettings
    local: StationSettings
    clock: Clock
    printers: list[Printer]
    connect_events: Connect
    encoder: CardEncoder | None = None
    id_reader: IdCardReader | None = None
    visits: Visits = field(init=False)
    cards: Cards = field(init=False)
    session: Session = field(init=False)
    print_jobs: PrintJobs = field(init=False)
    stations: Stations = field(init=False)
    staff: StaffAccounts = field(init=False)
    visitor_log: VisitorLog = field(init=False)
    print_queue: DeskPrintQueue = field(init=False)
    printing: StationPrinting = field(init=False)
    pre_registration: PreRegistration = field(init=False)
    watchlist: Watchlist = field(init=False)
    evacuation: Evacuation = field(init=False)
    release_slips: ReleaseSlips = field(init=False)
    payments: Payments = field(init=False)
    handover: Handover = field(init=False)
    machine_room_passes: MachineRoomPasses = field(init=False)
    idc_cards: IdcCards = field(init=False)
    phone_messages: PhoneMessages = field(init=False)
    monthly_figures: MonthlyFiguresClient = field(init=False)
    complaints: Complaints = field(init=False)
    newspapers: Newspapers = field(init=False)
    mail: Mail = field(init=False)
    permits: Permits = field(init=False)
    visitor_kinds: VisitorKinds = field(init=False)
    courier: Courier = field(init=False)
    key_loans: KeyLoans = field(init=False)
    deposits: Deposits = field(init=False)
    roster: Roster = field(init=False)
    desk_visits: DeskVisits = field(init=False)
    _listeners: list[EventListener] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.visits = Visits(self.client)
        self.cards = Cards(self.client)
        self.session = Session(self.client)
        self.print_jobs = PrintJobs(self.client)
        self.stations = Stations(self.client)
        self.staff = StaffAccounts(self.client)
        self.visitor_log = VisitorLog(self.client)
        self.print_queue = DeskPrintQueue(self.client)
        self.printing = StationPrinting(self.print_jobs, self.printers)
        self.pre_registration = PreRegistration(self.client)
        self.watchlist = Watchlist(self.client)
        self.release_slips = ReleaseSlips(self.client)
        self.repairs = Repairs(self.client)
        self.mail = Mail(self.client)
        self.lost_found = LostFound(self.client)
        self.payments = Payments(self.client)
        self.handover = Handover(self.client)
        self.machine_room_passes = MachineRoomPasses(self.client)
        self.idc_cards = IdcCards(self.client, self.cards)
        self.phone_messages = PhoneMessages(self.client)
        self.monthly_figures = MonthlyFiguresClient(self.client)
        self.complaints = Complaints(self.client)
        self.newspapers = Newspapers(self.client)
        self.permits = Permits(self.client)
        self.visitor_kinds = VisitorKinds(self.client)
        self.courier = Courier(self.client)
        self.key_loans = KeyLoans(self.client)
        self.deposits = Deposits(self.client)
        self.roster = Roster(self.client)
        self.desk_visits = DeskVisits(self.client)
        self.evacuation = Evacuation(
            self.client, self.printers, self.clock, self.site.timezone, self.local.data_dir
        )

    @property
    def name(self) -> str:
        return self.settings.station_name

    @property
    def site(self) -> SiteInfo:
        s = self.settings
        return SiteInfo(s.name, ZoneInfo(s.timezone), s.badge_valid_hours, s.night_starts, s.night_ends)

    @property
    def auto_checkout_at(self) -> time | None:
        return self.settings.auto_checkout_at

    def listen(self, on_event: Callable[[StationEvent], None]) -> EventListener:
        listener = EventListener(self.connect_events, on_event).start()
        self._listeners.append(listener)
        return listener

    def close(self) -> None:
        for listener in self._listeners:
            listener.stop()
        for printer in self.printers:
            printer.device.close()
        if self.encoder is not None:
            self.encoder.close()
        if self.id_reader is not None:
            self.id_reader.close()
        self.client.http.close()
