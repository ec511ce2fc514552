"""Evacuation: one tap shows and prints everyone on site, even with the database unreachable."""

from __future__ import annotations

import stat

import httpx
import pytest
from PySide6.QtWidgets import QLabel, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from kiosk.app import KioskApp
from kiosk.client.evacuation import COPY_FILE
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.staff import Role
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver
from kiosk.services.audit import Actor
from kiosk.services.evacuation import EvacuationUnavailableError
from tests.stations import serve
from tests.ui.conftest import STAFF_PIN, open_desk, type_text
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
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
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
    # At sign-in the desk fetches the roll call (the server keeps its copy as it answers).
    qtbot.waitUntil((app.config.data_dir / COPY_FILE).exists)

    def network_down() -> None:
        raise OperationalError("SELECT", {}, ConnectionError("could not connect to server"))

    monkeypatch.setattr(app.lobby, "on_site", network_down)
    desk.show_section("evacuation")
    tap(qtbot, desk, "evacuationPrintButton")
    summary = find(desk, QLabel, "evacuationSummary")
    qtbot.waitUntil(lambda: summary.text() != "")
    assert "last local copy" in summary.text()
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


def test_without_the_server_the_desk_shows_and_prints_its_own_copy(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_site(app, "李雷")
    desk = open_desk(qtbot, app, Role.GUARD)
    copy = app.config.data_dir / COPY_FILE
    qtbot.waitUntil(copy.exists)  # fetched at sign-in
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600  # visitors' names: owner-only
    on_site(app, "韩梅梅")
    serve(app)[0].events.publish("board")  # what the server says after a check-in or a decision
    qtbot.waitUntil(lambda: "韩梅梅" in copy.read_text(encoding="utf-8"))

    def no_route(*_args: object, **_kwargs: object) -> None:
        raise httpx.ConnectError("no route to host")

    monkeypatch.setattr(desk._station.client.http, "request", no_route)  # the LAN is down
    desk.show_section("evacuation")
    tap(qtbot, desk, "evacuationPrintButton")
    summary = find(desk, QLabel, "evacuationSummary")
    qtbot.waitUntil(lambda: summary.text() != "")
    assert (
        summary.text()
        == "2 on site at 10:00. The server does not answer: this is this desk's last local copy."
    )
    table = find(desk, QTableView, "evacuationTable")
    assert [table.model().index(r, 0).data() for r in range(table.model().rowCount())] == ["李雷", "韩梅梅"]
    status = find(desk, QLabel, "evacuationStatus")
    qtbot.waitUntil(lambda: status.text().startswith("Printed on"), timeout=3000)
    assert status.text() == "Printed on receipt printer."
    text = printed_text(printer)
    assert "site server unreachable" in text and "李雷" in text and "韩梅梅" in text


def test_no_server_and_no_copy_says_so_in_red(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    qtbot.waitUntil((app.config.data_dir / COPY_FILE).exists)
    (app.config.data_dir / COPY_FILE).unlink()  # a desk that never got one (or lost its disk)

    def no_route(*_args: object, **_kwargs: object) -> None:
        raise httpx.ConnectError("no route to host")

    monkeypatch.setattr(desk._station.client.http, "request", no_route)
    desk.show_section("evacuation")
    documents = len(printer.documents)
    tap(qtbot, desk, "evacuationPrintButton")
    summary = find(desk, QLabel, "evacuationSummary")
    qtbot.waitUntil(lambda: summary.text() != "")
    assert summary.text() == (
        "The on-site list cannot be read: the server does not answer and this desk has no copy."
    )
    assert summary.property("error") is True
    assert len(printer.documents) == documents


def test_with_the_server_down_the_sign_in_page_prints_the_desks_copy(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An evacuation while the server is down and the console locked: nobody can sign in, so the
    sign-in page offers the paper list from this desk's last copy."""
    on_site(app, "李雷", "韩梅梅")
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    qtbot.waitUntil((app.config.data_dir / COPY_FILE).exists)  # fetched at sign-in
    desk.lock_now()
    page = desk.sign_in_page
    assert not page.evacuation_button.isVisible()  # nothing to offer while the server answers

    def no_route(*_args: object, **_kwargs: object) -> None:
        raise httpx.ConnectError("no route to host")

    monkeypatch.setattr(desk._station.client.http, "request", no_route)  # the LAN is down
    type_text(qtbot, page.pin_edit, STAFF_PIN)
    tap(qtbot, desk, "deskSignInButton")
    qtbot.waitUntil(page.evacuation_button.isVisible)
    assert desk.session is None and "cannot reach the site server" in page.error_label.text()
    printer.documents.clear()
    tap(qtbot, desk, "deskEvacuationCopyButton")
    status = find(desk, QLabel, "deskEvacuationCopyStatus")
    qtbot.waitUntil(lambda: status.text() != "")
    assert status.text() == "Evacuation list printed on receipt printer: 2 on site."
    text = printed_text(printer)
    assert "site server unreachable" in text and "李雷" in text and "韩梅梅" in text
