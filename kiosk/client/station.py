"""A station's side of the site: its link to the server, what the server says of the site, and its
own devices. Holds no database URL and no site key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time
from zoneinfo import ZoneInfo

from kiosk.api.schemas import SiteSettings
from kiosk.client.api import PrintJobs, Session, Stations, Visits
from kiosk.client.events import Connect, EventListener, StationEvent
from kiosk.client.http import SiteClient
from kiosk.client.printing import StationPrinting
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
    session: Session = field(init=False)
    print_jobs: PrintJobs = field(init=False)
    stations: Stations = field(init=False)
    printing: StationPrinting = field(init=False)
    _listeners: list[EventListener] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.visits = Visits(self.client)
        self.session = Session(self.client)
        self.print_jobs = PrintJobs(self.client)
        self.stations = Stations(self.client)
        self.printing = StationPrinting(self.print_jobs, self.printers)

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
