"""The visitor log at the console says who registered each visitor and the desk's calls about the
visit: in its table (the compact lines, each call's note in the tooltip), in the detail of the row
tapped, and in the supervisor's export, in the desk's words."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QTableView
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.domain.staff import Role
from kiosk.storage.models import Visit
from tests.services.test_privacy_visit_calls import NOTES, RESIDENT, VISITOR, plant
from tests.ui.conftest import open_desk
from tests.ui.test_kiosk_window import find
from tests.ui.test_visitor_log_page import tap_and_wait


def test_the_log_shows_and_exports_who_registered_the_visitor_and_the_calls(
    qtbot: QtBot, app: KioskApp, tmp_path: Path
) -> None:
    planted = plant(app)  # a walk-in by 李娜 with two calls, checked out; another still on site
    desk = open_desk(qtbot, app, Role.SUPERVISOR)
    desk.show_section("visitor_log")
    today = QDate(2026, 11, 25)
    find(desk, QDateEdit, "visitorLogFirstDayEdit").setDate(today)
    find(desk, QDateEdit, "visitorLogLastDayEdit").setDate(today)
    tap_and_wait(qtbot, desk, "visitorLogSearchButton")
    table = find(desk, QTableView, "visitorLogTable")
    model = table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-2:] == ["Registered by", "Calls"]
    (row,) = [r for r in range(model.rowCount()) if model.index(r, 1).data() == VISITOR]
    assert model.index(row, 9).data() == "李娜"
    assert model.index(row, 10).data() == (
        f"10:00 Intercom 2-104 no answer (李娜); 10:00 Phone 13729552354 {RESIDENT} agreed (李娜)"
    )
    tooltip = str(model.index(row, 10).data(Qt.ItemDataRole.ToolTipRole))
    assert NOTES[0] in tooltip and NOTES[1] in tooltip

    # Tapping the row shows the visit: whom, the clerk who registered them, each call with its note.
    detail = find(desk, QLabel, "visitorLogDetailLabel")
    assert detail.text() == ""
    rect = table.visualRect(model.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with app.database.sessions() as session:
        badge = session.get_one(Visit, planted.left).badge_number
    assert badge
    assert detail.text().splitlines() == [
        f"{VISITOR} · Visitor",
        f"Visiting 2-104 (住户), resident {RESIDENT}",
        f"Registered by 李娜 · purpose 探亲 · badge {badge}",
        "Calls:",
        f"  10:00 Intercom 2-104 no answer — {NOTES[0]} (李娜)",
        f"  10:00 Phone 13729552354 {RESIDENT} agreed — {NOTES[1]} (李娜)",
    ]

    target = tmp_path / "log.csv"
    desk.visitor_log.ask_save_path = lambda *_: str(target)
    assert "Exported 2 visit(s)" in tap_and_wait(qtbot, desk, "visitorLogExportCsvButton")
    with target.open(encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh))
    assert header[-2:] == ["Registered by", "Calls"]
    by_visit = {r[0]: r for r in rows}
    assert by_visit[str(planted.left)][-2:] == [
        "李娜",
        f"10:00 Intercom 2-104 no answer — {NOTES[0]} (李娜); "
        f"10:00 Phone 13729552354 {RESIDENT} agreed — {NOTES[1]} (李娜)",
    ]
