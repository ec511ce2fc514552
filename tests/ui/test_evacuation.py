"""Evacuation: one tap shows and prints everyone on site, even with the database unreachable."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.staff import Role
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver
from kiosk.services.audit import Actor
from kiosk.services.evacuation import EvacuationUnavailableError
from tests.ui.conftest import open_desk
from tests.ui.test_kiosk_window import find, tap

DESK = Actor.desk("front-desk")


def on_site(app: KioskApp, *names: str) -> None:
    host = app.directory.search("李四")[0].host_id
    for name in names:
        pending = app.checkin.check_in(
            CheckInRequest(name, host, "蓝海物流", declaration_accepted=True), app.actor
        )
        app.checkin.approve(pending.visit_id, DESK, Approver.DESK)


def printed_text(printer: FakePrinter) -> str:
    return "\n".join(parse_escpos(printer.documents[-1]).text_lines())


def test_one_tap_shows_and_prints_everyone_on_site(qtbot: QtBot, app: KioskApp, printer: FakePrinter) -> None:
    on_site(app, "李雷", "韩梅梅")
    desk = open_desk(qtbot, app, Role.GUARD)
    desk.show_section("evacuation")
    badges = len(printer.documents)
    tap(qtbot, desk, "evacuationPrintButton")
    table = find(desk, QTableView, "evacuationTable")
    assert [table.model().index(r, 0).data() for r in range(table.model().rowCount())] == ["李雷", "韩梅梅"]
    assert find(desk, QLabel, "evacuationSummary").text() == "2 on site at 10:00."
    status = find(desk, QLabel, "evacuationStatus")
    qtbot.waitUntil(lambda: status.text().startswith("Printed on"), timeout=3000)
    assert len(printer.documents) == badges + 1
    text = printed_text(printer)
    assert "EVACUATION ROLL CALL" in text and "李雷" in text and "韩梅梅" in text and "V000001" in text


def test_without_the_database_the_last_local_copy_is_used(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_site(app, "李雷")
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.board.refresh()  # the board keeps the local copy as it refreshes

    def network_down() -> None:
        raise OperationalError("SELECT", {}, ConnectionError("could not connect to server"))

    monkeypatch.setattr(app.lobby, "on_site", network_down)
    desk.show_section("evacuation")
    tap(qtbot, desk, "evacuationPrintButton")
    assert "last local copy" in find(desk, QLabel, "evacuationSummary").text()
    assert find(desk, QTableView, "evacuationTable").model().index(0, 0).data() == "李雷"
    status = find(desk, QLabel, "evacuationStatus")
    qtbot.waitUntil(lambda: status.text().startswith("Printed on"), timeout=3000)
    assert "database unreachable" in printed_text(printer)


def test_no_database_and_no_copy_says_so(app: KioskApp, monkeypatch: pytest.MonkeyPatch) -> None:
    def network_down() -> None:
        raise OperationalError("SELECT", {}, ConnectionError("down"))

    monkeypatch.setattr(app.lobby, "on_site", network_down)
    with pytest.raises(EvacuationUnavailableError):
        app.evacuation.roll_call()
