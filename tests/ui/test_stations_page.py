"""Admins enrol and revoke stations from the console's Stations section."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.ui.console.desk_window import DeskWindow
from tests.stations import SETUP, serve
from tests.ui.conftest import answer_dialog, open_desk, type_text
from tests.ui.test_kiosk_window import find, tap


def rows(desk: DeskWindow) -> dict[str, list[str]]:
    model = find(desk, QTableView, "stationsTable").model()
    return {
        model.index(r, 0).data(): [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    }


def select_station(qtbot: QtBot, desk: DeskWindow, name: str) -> None:
    qtbot.waitUntil(lambda: name in rows(desk))
    table = find(desk, QTableView, "stationsTable")
    table.selectRow(list(rows(desk)).index(name))


def test_only_admins_see_stations(qtbot: QtBot, app: KioskApp) -> None:
    for role in (Role.RECEPTIONIST, Role.SUPERVISOR, Role.GUARD, Role.SALES):
        assert "stations" not in open_desk(qtbot, app, role).sections()
    assert "stations" in open_desk(qtbot, app, Role.ADMIN).sections()


def test_admin_adds_a_station_and_sees_its_one_time_code(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.ADMIN)
    desk.show_section("stations")
    qtbot.waitUntil(lambda: "desk-test" in rows(desk))
    assert rows(desk)["desk-test"][4] == "Enrolled (this station)"
    name = find(desk, QLineEdit, "stationNameEdit")
    type_text(qtbot, name, "kiosk-lobby-2")
    role = find(desk, QComboBox, "stationRoleCombo")
    role.setCurrentIndex(role.findData(StationRole.KIOSK.value))
    tap(qtbot, desk, "stationAddButton")
    code = find(desk, QLabel, "stationCodeLabel")
    qtbot.waitUntil(lambda: bool(code.text()))
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}", code.text())
    # Good for ten minutes from the test clock's 10:00 (Shanghai).
    assert "until 10:10" in find(desk, QLabel, "stationCodeHelp").text()
    assert (
        find(desk, QLabel, "stationsStatus").text()
        == "Station kiosk-lobby-2 added: enrol it within ten minutes."
    )
    qtbot.waitUntil(lambda: "kiosk-lobby-2" in rows(desk))
    assert rows(desk)["kiosk-lobby-2"][1:5] == ["Kiosk", "—", "never", "Waiting for enrolment"]
    # The code the console showed is the one that enrols the station.
    context, _server = serve(app)
    identity, _token = context.stations.enrol(code.text(), "192.0.2.7")
    assert identity.name == "kiosk-lobby-2" and identity.role is StationRole.KIOSK
    # Nobody else sees it after this admin leaves.
    desk.sign_out()
    assert code.text() == ""


def test_a_bad_station_name_is_refused_in_words(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.ADMIN)
    desk.show_section("stations")
    type_text(qtbot, find(desk, QLineEdit, "stationNameEdit"), "kiosk/2")
    tap(qtbot, desk, "stationAddButton")
    status = find(desk, QLabel, "stationsStatus")
    qtbot.waitUntil(lambda: bool(status.text()))
    assert status.text() == "A station name may have letters, digits, spaces, dots and dashes only."
    assert status.property("error") is True
    assert find(desk, QLabel, "stationCodeLabel").text() == ""


def test_admin_revokes_a_station_after_confirming(qtbot: QtBot, app: KioskApp) -> None:
    context, _server = serve(app)
    token = context.stations.ensure_enrolled("guard-gate", StationRole.GUARD, SETUP)
    assert context.stations.authenticate(token, "192.0.2.9") is not None
    desk = open_desk(qtbot, app, Role.ADMIN)
    desk.show_section("stations")
    select_station(qtbot, desk, "guard-gate")
    assert rows(desk)["guard-gate"][1:3] == ["Guard screen", "192.0.2.9"]
    # Cancelled: nothing happens.
    answer_dialog("confirmCancelButton")
    tap(qtbot, desk, "stationRevokeButton")
    assert context.stations.authenticate(token, "192.0.2.9") is not None
    seen: list[str] = []
    answer_dialog("confirmOkButton", seen=seen)
    tap(qtbot, desk, "stationRevokeButton")
    status = find(desk, QLabel, "stationsStatus")
    qtbot.waitUntil(lambda: status.text() == "Station guard-gate revoked.")
    assert any("Revoke guard-gate (Guard screen)?" in text for text in seen)
    assert context.stations.authenticate(token, "192.0.2.9") is None  # cut off at once
    qtbot.waitUntil(lambda: rows(desk)["guard-gate"][4] == "Revoked")
    # Revoking it again, or the desk in use, is refused with a reason and no dialog.
    select_station(qtbot, desk, "guard-gate")
    tap(qtbot, desk, "stationRevokeButton")
    assert status.text() == "Station guard-gate is revoked already."
    select_station(qtbot, desk, "desk-test")
    tap(qtbot, desk, "stationRevokeButton")
    assert status.text().startswith("This is the station you are using")
    assert desk.session is not None
