"""Screen-to-screen on the kiosk: a tap on Next until the next page is painted (offscreen)."""

from __future__ import annotations

import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from bench.figures import Figure, percentile
from kiosk.app import build_app
from kiosk.config import load_config
from kiosk.domain.station import StationRole
from kiosk.server.run import claim_local, start_local
from kiosk.services.audit import Actor
from kiosk.station import Enrolment, open_station
from kiosk.storage.database import sqlite_url_for


def screen_transitions(rounds: int) -> list[Figure]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QPushButton

    from kiosk.ui.common.background import wait_for_background
    from kiosk.ui.common.qt import qt_application
    from kiosk.ui.kiosk.window import KioskWindow

    qt = qt_application()
    samples: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-screens-") as tmp:
        config = replace(
            load_config(None, {}),
            database_url=sqlite_url_for(Path(tmp) / "b.db"),
            data_dir=Path(tmp),
            source=None,
        )
        # As `kiosk run` with no configuration: a site server on loopback in this process, and the
        # window a station of it over HTTP.
        core = build_app(config, "server")
        lock = claim_local(config.data_dir)
        assert lock is not None, "a fresh data folder has no local server yet"
        server = start_local(core, lock)
        token = server.context.stations.ensure_enrolled(
            "bench-kiosk", StationRole.KIOSK, Actor("bench", "screens")
        )
        enrolment = Enrolment(server.url, token, "bench-kiosk", "kiosk", None)
        with ThreadPoolExecutor(1) as pool:  # the client refuses requests on the GUI thread
            station = pool.submit(open_station, config, enrolment).result(30)
        window = KioskWindow(station)
        window.resize(1080, 1920)
        window.show()
        QApplication.processEvents()

        def tap(name: str) -> None:
            button = window.findChild(QPushButton, name)
            assert button is not None, name
            start = time.perf_counter()
            button.click()
            window.repaint()  # the new page, painted
            samples.append((time.perf_counter() - start) * 1000)

        try:
            for _ in range(rounds):
                tap("welcomeCheckInButton")
                tap("visitorType_guest")
                name = window.findChild(QLineEdit, "visitorNameEdit")
                assert name is not None
                name.setText("张三")
                tap("identityPageNextButton")
                hosts = window.findChild(QListWidget, "hostList")
                assert hosts is not None
                deadline = time.monotonic() + 10
                while hosts.count() == 0 and time.monotonic() < deadline:  # the server's answer
                    QApplication.processEvents()
                hosts.setCurrentRow(0)
                tap("hostPageNextButton")
                tap("purposePageNextButton")
                tap("declarationPageNextButton")
                tap("reviewPageBackButton")
                window.go_home()
                QApplication.processEvents()
        finally:
            # The kiosk refuses to close without a staff PIN, and its print-queue runner would
            # tick on into a deleted scratch database: stop its timers and delete it instead.
            for timer in window.findChildren(QTimer):
                timer.stop()
            window.shutdown()
            window.deleteLater()
            QApplication.processEvents()
            wait_for_background()
            station.close()
            server.stop()
            core.close()
    qt.processEvents()
    return [
        Figure(
            "screen_transition_p95_ms",
            percentile(samples, 95),
            "ms",
            100,
            note=f"{len(samples)} taps through the check-in steps, 1080x1920 offscreen, tap -> next page painted",
        )
    ]
