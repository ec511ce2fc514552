"""The windows against the site server: how soon a kiosk's check-in is painted on a desk's board
(pushed, not polled), and the longest the GUI's event loop stalls while the server is slow."""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from bench.figures import Figure, percentile
from kiosk.app import KioskApp, build_app
from kiosk.client.api import Visits
from kiosk.client.http import SiteClient, http_client
from kiosk.client.station import Station
from kiosk.config import load_config
from kiosk.domain.station import StationRole
from kiosk.domain.views import CheckInRequest
from kiosk.server.context import ServerContext
from kiosk.server.run import ThreadedServer, bind, build_server, uvicorn_config
from kiosk.services.audit import Actor
from kiosk.station import Enrolment, open_station
from kiosk.storage.database import sqlite_url_for

SETUP = Actor("bench", "site-ui")
_W = TypeVar("_W")
DEMO_PIN = "2580"


@dataclass
class LocalSite:
    core: KioskApp
    context: ServerContext
    url: str
    config: Any
    opened: list[Station] = field(default_factory=list)

    def station(self, role: StationRole, name: str) -> Station:
        token = self.context.stations.ensure_enrolled(name, role, SETUP)
        enrolment = Enrolment(self.url, token, name, role.value, None)
        with ThreadPoolExecutor(1) as pool:  # the client refuses requests on the GUI thread
            station = pool.submit(open_station, self.config, enrolment).result(30)
        self.opened.append(station)
        return station

    def client(self, name: str) -> SiteClient:
        token = self.context.stations.ensure_enrolled(name, StationRole.KIOSK, SETUP)
        return SiteClient(http_client(self.url, None), token)


class SlowServer:
    """Every HTTP answer held back ``delay_s``, as from a server on a congested LAN."""

    def __init__(self, app: Any, delay_s: float) -> None:
        self.app, self.delay_s = app, delay_s

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            await asyncio.sleep(self.delay_s)
        await self.app(scope, receive, send)


@contextmanager
def local_site(folder: Path, delay_s: float = 0.0) -> Iterator[LocalSite]:
    config = replace(
        load_config(None, {}),
        database_url=sqlite_url_for(folder / "site.db"),
        printer_url=f"emulated:?dir={folder / 'printer'}",
        data_dir=folder,
        source=None,
        fullscreen=False,
        on_screen_keyboard=False,
    )
    core = build_app(config, "server")
    core.staff.add_demo_accounts(SETUP)
    context, app = build_server(core)
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    served = SlowServer(app, delay_s) if delay_s else app
    server = ThreadedServer(uvicorn_config(served, "127.0.0.1", port), sock).start()  # type: ignore[arg-type]
    site = LocalSite(core, context, f"http://127.0.0.1:{port}", config)
    try:
        yield site
    finally:
        from PySide6.QtCore import QCoreApplication, QEvent

        from kiosk.ui.common.background import wait_for_background

        # The windows deleted first (deleteLater waits for the event loop): their timers would
        # otherwise start rounds on stations already closed.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        wait_for_background()
        for station in site.opened:  # before the server goes: their runners would knock on its door
            station.close()
        server.stop()
        core.close()


def _spin_until(check: Callable[[], bool], timeout_s: float = 10.0) -> None:
    """Run the event loop until ``check()`` holds, sleeping while no event comes (a busy loop
    would take a core from the server and the stations it waits on)."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    wake = QTimer()  # an event at least this often: a check on the clock alone is made in time
    wake.start(5)
    try:
        while not check():
            if time.monotonic() > deadline:
                raise TimeoutError("the window did not get there")
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()


def _child(window: Any, cls: type[_W], name: str) -> _W:
    found = window.findChild(cls, name)
    assert found is not None, name
    return found  # type: ignore[no-any-return]


def _signed_in_desk(site: LocalSite) -> Any:
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.console.desk_window import DeskWindow

    desk = DeskWindow(site.station(StationRole.DESK, "bench-desk"))
    desk.resize(1366, 768)
    desk.show()
    QApplication.processEvents()
    desk.sign_in_page.user_edit.setText("receptionist")
    desk.sign_in_page.pin_edit.setText(DEMO_PIN)
    desk.sign_in_page.button.click()
    _spin_until(lambda: desk.session is not None)
    return desk


def board_push(rounds: int) -> list[Figure]:
    """A check-in sent by a kiosk station until its row is painted on a desk's board."""
    from PySide6.QtWidgets import QTableView

    from kiosk.ui.common.qt import qt_application

    qt_application()
    samples: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-push-") as tmp, local_site(Path(tmp)) as site:
        desk = _signed_in_desk(site)
        table = desk.findChild(QTableView, "waitingTable")
        assert table is not None
        kiosk = Visits(site.client("bench-kiosk"))
        host = site.core.directory.search("")[0].host_id
        with ThreadPoolExecutor(1) as pool:
            for n in range(rounds + 2):
                rows = table.model().rowCount()
                start = time.perf_counter()
                name = "访客" + "甲乙丙丁戊己庚辛壬癸"[n % 10] + "甲乙丙丁戊己庚辛壬癸"[n // 10 % 10]
                pool.submit(kiosk.check_in, CheckInRequest(name, host, declaration_accepted=True))

                def arrived(before: int = rows) -> bool:
                    return bool(table.model().rowCount() > before)

                _spin_until(arrived)
                # Painted now (offscreen, a window is only painted when asked): the frame it shows.
                table.viewport().repaint()
                if n >= 2:
                    samples.append((time.perf_counter() - start) * 1000)
        desk.close()
        desk.deleteLater()
    note = f"{rounds} check-ins by a kiosk station -> event -> desk board re-read -> row painted (offscreen)"
    return [Figure("board_push_p95_ms", percentile(samples, 95), "ms", 250, note=note)]


def gui_stall(delay_s: float = 0.3, dwell_s: float = 0.6) -> list[Figure]:
    """The longest stall of the GUI's event loop through a desk session and a kiosk check-in,
    while every answer of the server takes ``delay_s``; each desk section is looked at ``dwell_s``."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QListWidget, QPushButton, QTableView

    from kiosk.ui.common.qt import qt_application
    from kiosk.ui.kiosk.window import KioskWindow

    qt_application()
    tick_ms = 5
    gaps: list[tuple[float, str]] = []
    phase = ["start"]
    with tempfile.TemporaryDirectory(prefix="bench-stall-") as tmp, local_site(Path(tmp), delay_s) as site:
        kiosk_station = site.station(StationRole.KIOSK, "bench-kiosk")
        desk = _signed_in_desk(site)
        kiosk = KioskWindow(kiosk_station)
        kiosk.resize(1080, 1920)
        kiosk.show()
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def tick() -> None:
            now = clock.elapsed()
            gaps.append((now - last[0] - tick_ms, phase[0]))
            last[0] = now

        heartbeat = QTimer()
        heartbeat.timeout.connect(tick)
        heartbeat.start(tick_ms)

        def tap(window: Any, name: str) -> None:
            phase[0] = name
            button = window.findChild(QPushButton, name)
            assert button is not None, name
            _spin_until(lambda: button.isEnabled() and button.isVisible())
            button.click()

        # The kiosk: a visitor's whole check-in, the host looked up as they type.
        tap(kiosk, "welcomeCheckInButton")
        tap(kiosk, "visitorType_guest")
        _child(kiosk, QLineEdit, "visitorNameEdit").setText("张三")
        tap(kiosk, "identityPageNextButton")
        search = _child(kiosk, QLineEdit, "hostSearchEdit")
        phase[0] = "typing the host's name"
        for text in ("c", "ca", "cai", "财务"):
            search.setText(text)
            QApplication.processEvents()
        hosts = _child(kiosk, QListWidget, "hostList")
        _spin_until(lambda: hosts.count() > 0)
        hosts.setCurrentRow(0)
        for page in ("hostPage", "purposePage", "declarationPage", "reviewPage"):
            tap(kiosk, f"{page}NextButton")
        _spin_until(lambda: kiosk.pages.currentWidget() is kiosk.waiting)
        # The desk: the row arrives, the receptionist approves it, then looks through sections.
        table = _child(desk, QTableView, "waitingTable")
        _spin_until(lambda: table.model().rowCount() > 0)
        table.selectRow(0)

        def confirm() -> None:
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, QDialog):
                dialog.accept()
            else:
                QTimer.singleShot(20, confirm)

        QTimer.singleShot(20, confirm)
        tap(desk, "approveVisitButton")
        _spin_until(lambda: kiosk.pages.currentWidget() is kiosk.done, 15)
        for section in desk.sections():
            phase[0] = f"desk section {section}"
            desk.show_section(section)
            end = time.monotonic() + dwell_s

            def later(moment: float = end) -> bool:
                return time.monotonic() > moment

            _spin_until(later)
        heartbeat.stop()
        kiosk.shutdown()
        kiosk.deleteLater()
        desk.close()
        desk.deleteLater()
        QApplication.processEvents()
    note = f"kiosk check-in and a desk session (approve, every section) with every answer {delay_s * 1000:.0f} ms late"
    worst, where = max(gaps)
    return [Figure("gui_stall_max_ms", worst, "ms", 50, note=f"{note}; longest at: {where}")]
