"""Screen-to-screen on the kiosk: a tap on Next until the next page is painted (offscreen)."""

from __future__ import annotations

import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.figures import Figure, percentile
from kiosk.app import build_app
from kiosk.config import load_config
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
        app = build_app(config, "kiosk")
        window = KioskWindow(app)
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
            window.deleteLater()
            QApplication.processEvents()
            wait_for_background()
            app.close()
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
