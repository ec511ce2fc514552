"""Render every screen of both windows to PNG, offscreen, with sample data in a scratch database."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import KioskApp, build_app
from kiosk.config import Config
from kiosk.devices.fakes import FakePrinter
from kiosk.devices.interfaces import PrinterStatus
from kiosk.services.checkin import CheckInRequest
from kiosk.storage.database import sqlite_url_for
from kiosk.ui.background import wait_for_background
from kiosk.ui.desk_window import DeskWindow
from kiosk.ui.i18n import LANGUAGES, set_language
from kiosk.ui.kiosk_window import KioskWindow

KIOSK_SIZE = (1080, 1920)  # a portrait lobby touchscreen
DESK_SIZE = (1366, 768)


def _grab(widget: QWidget, path: Path) -> Path:
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def render_all(out_dir: Path, base: Config) -> list[Path]:
    """Write one PNG per screen state into ``out_dir`` and return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-screens-") as scratch:
        config = _scratch_config(base, Path(scratch))
        printer = FakePrinter()
        app = build_app(config, "kiosk", printer=printer)
        try:
            for language in LANGUAGES:
                set_language(language)
                written += _kiosk_screens(app, printer, out_dir, language)
            for language in LANGUAGES:
                set_language(language)
                written += _desk_screens(app, out_dir, language, seed=language == LANGUAGES[0])
        finally:
            set_language(base.language)
            app.close()
    return written


def _scratch_config(base: Config, scratch: Path) -> Config:
    from dataclasses import replace

    # source=None: demo mode, so the demo staff directory is loaded into the scratch database.
    return replace(base, database_url=sqlite_url_for(scratch / "screens.db"), data_dir=scratch, source=None)


def _kiosk_screens(app: KioskApp, printer: FakePrinter, out_dir: Path, language: str) -> list[Path]:
    window = KioskWindow(app)
    window.resize(*KIOSK_SIZE)
    window.show()
    shots: list[tuple[str, Callable[[], None]]] = [
        ("kiosk-welcome", lambda: None),
        ("kiosk-checkin", lambda: _fill_check_in(window)),
        ("kiosk-checkin-error", lambda: _submit_name(window, "张三<3")),
        ("kiosk-done", lambda: _complete(window, "张三")),
        ("kiosk-done-not-printed", lambda: _complete(window, "Emily Carter", printer)),
    ]
    paths = []
    for name, prepare in shots:
        prepare()
        paths.append(_grab(window, out_dir / f"{name}-{language}.png"))
    window.close()
    return paths


def _fill_check_in(window: KioskWindow) -> None:
    window.start_check_in()
    window.check_in.name_edit.setText("张三")
    window.check_in.company_edit.setText("华南数据科技有限公司")
    window.check_in.host_search.setText("IDC")
    window.check_in.host_list.setCurrentRow(0)


def _submit_name(window: KioskWindow, name: str) -> None:
    window.check_in.name_edit.setText(name)
    window.check_in.submit_button.click()
    wait_for_background()
    QApplication.processEvents()


def _complete(window: KioskWindow, name: str, offline_printer: FakePrinter | None = None) -> None:
    if offline_printer is not None:
        offline_printer.state = PrinterStatus.OFFLINE
    _fill_check_in(window)
    _submit_name(window, name)
    if offline_printer is not None:
        offline_printer.state = PrinterStatus.ONLINE


def _desk_screens(app: KioskApp, out_dir: Path, language: str, seed: bool) -> list[Path]:
    if seed:
        hosts = app.directory.search("")
        for name, company in (("李雷", "蓝海物流"), ("韩梅梅", ""), ("John Smith", "Acme Data Ltd")):
            app.checkin.check_in(CheckInRequest(name, hosts[0].host_id, company), app.actor)
    window = DeskWindow(app)
    window.resize(*DESK_SIZE)
    window.show()
    window.board.table.selectRow(0)
    shots = [_grab(window, out_dir / f"desk-board-{language}.png")]
    window.show_section("print_queue")
    window.print_queue.refresh_printers()
    wait_for_background()
    QApplication.processEvents()
    window.print_queue.table.selectRow(0)
    shots.append(_grab(window, out_dir / f"desk-print-queue-{language}.png"))
    window.close()
    return shots
