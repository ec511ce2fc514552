"""The desk's print-queue page, used as a receptionist would."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.devices.interfaces import PrinterStatus
from kiosk.domain.station import StationRole
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver
from kiosk.printing.samples import sample_receipt
from kiosk.services.print_queue import printing_for
from kiosk.ui.console.desk_window import DeskWindow
from tests.stations import in_process_station
from tests.ui.conftest import open_desk
from tests.ui.test_kiosk_window import find, tap


def open_print_queue(qtbot: QtBot, app: KioskApp) -> DeskWindow:
    desk = open_desk(qtbot, app)
    nav = find(desk, QListWidget, "deskNavigation")
    (item,) = nav.findItems("Print queue", Qt.MatchFlag.MatchExactly)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())
    assert desk.pages.currentWidget().objectName() == "printQueuePage"
    return desk


def test_waiting_job_is_visible_sent_now_and_reprinted_as_copy(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    printer.state = PrinterStatus.PAPER_OUT
    host = app.directory.search("李四")[0].host_id
    pending = app.checkin.check_in(CheckInRequest("韩梅梅", host, declaration_accepted=True), app.actor)
    app.checkin.approve(pending.visit_id, app.actor, Approver.DESK)

    desk = open_print_queue(qtbot, app)
    status = find(desk, QLabel, "printerStatusLabel")
    qtbot.waitUntil(lambda: "out of paper" in status.text(), timeout=3000)
    table = find(desk, QTableView, "printJobTable")
    model = table.model()
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    # Made without a station (the server's own printers, here the same device as the desk's).
    assert row[1:6] == ["site server", "Visitor badge", "V000001", "Waiting for printer", "1"]
    assert "receipt printer: out of paper" in row[7]  # named as the desk knows it, not its URL
    assert status.text() == "desk-test — receipt printer: out of paper"  # as the desk's runner said

    printer.state = PrinterStatus.ONLINE
    table.selectRow(0)
    preview = find(desk, QLabel, "printPreviewLabel")
    qtbot.waitUntil(lambda: not preview.pixmap().isNull(), timeout=3000)
    assert preview.pixmap().width() == 400  # the badge as it will print
    tap(qtbot, desk, "sendNowButton")
    result = find(desk, QLabel, "printQueueStatusLabel")
    qtbot.waitUntil(lambda: "Printed on receipt printer" in result.text(), timeout=3000)
    qtbot.waitUntil(lambda: model.index(0, 4).data() == "Printed", timeout=3000)
    assert len(printer.documents) == 1

    # Decided: the copy prints at the desk that asks for it, where the person who wants it stands.
    table.selectRow(0)
    tap(qtbot, desk, "reprintButton")
    qtbot.waitUntil(lambda: model.rowCount() == 2 and model.index(0, 4).data() == "Printed", timeout=3000)
    assert [model.index(0, c).data() for c in (1, 2)] == ["desk-test", "Visitor badge (copy)"]
    assert "Printed on receipt printer" in result.text()
    assert "副本 / COPY" in parse_escpos(printer.documents[1]).text_lines()


def test_a_kiosks_job_is_sent_back_to_the_kiosk_whose_printers_are_listed(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    kiosk = in_process_station(app, StationRole.KIOSK, "kiosk-lobby")
    host = app.directory.search("李四")[0].host_id
    with printing_for("kiosk-lobby"):  # checked in at that kiosk: its badge is the kiosk's job
        pending = app.checkin.check_in(CheckInRequest("韩梅梅", host, declaration_accepted=True), app.actor)
        app.checkin.approve(pending.visit_id, app.actor, Approver.DESK)
    desk = open_print_queue(qtbot, app)
    with ThreadPoolExecutor(1) as pool:  # what the kiosk's runner says after its round
        pool.submit(kiosk.print_jobs.report_printers, [("escpos+tcp://10.0.0.9:9100", "cover_open")]).result()
    status = find(desk, QLabel, "printerStatusLabel")
    qtbot.waitUntil(lambda: "kiosk-lobby — receipt printer: cover open" in status.text(), timeout=3000)
    table = find(desk, QTableView, "printJobTable")
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=3000)
    assert [model.index(0, c).data() for c in (1, 2, 4)] == ["kiosk-lobby", "Visitor badge", "Queued"]
    table.selectRow(0)
    tap(qtbot, desk, "sendNowButton")
    result = find(desk, QLabel, "printQueueStatusLabel")
    qtbot.waitUntil(lambda: result.text() == "Sent to the printer of kiosk-lobby.", timeout=3000)
    assert printer.documents == []  # not at the desk
    with ThreadPoolExecutor(1) as pool:  # the kiosk, told, prints it
        pool.submit(kiosk.printing.run_once).result()
    qtbot.waitUntil(lambda: model.index(0, 4).data() == "Printed", timeout=3000)
    assert "韩梅梅" in "\n".join(parse_escpos(printer.documents[0]).text_lines())
    kiosk.close()


def test_actions_need_a_selected_job(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_print_queue(qtbot, app)
    tap(qtbot, desk, "sendNowButton")
    assert "Select a job" in find(desk, QLabel, "printQueueStatusLabel").text()
    assert find(desk, QPushButton, "reprintButton").isEnabled()


def test_a_poison_job_shows_as_failed_with_its_error_and_the_next_job_printed(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    with app.database.sessions.begin() as session:
        # A badge stored by an older version, in a shape this one cannot lay out.
        app.print_queue._add_job(session, "badge", '{"badge_number": 7}', "V000007", "en", None, False)
        app.print_queue.enqueue(session, sample_receipt(), "R000107", "en")
    app.print_queue.retry_due(app.actor)  # the server's round
    assert len(printer.documents) == 1

    desk = open_print_queue(qtbot, app)
    table = find(desk, QTableView, "printJobTable")
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=3000)
    printed, poison = ([model.index(r, c).data() for c in range(model.columnCount())] for r in (0, 1))
    assert printed[3:5] == ["R000107", "Printed"]
    assert poison[3:5] == ["V000007", "Failed"]
    assert poison[7].startswith("the stored document cannot be laid out (badge: ")
    assert poison[7].endswith("; it is not tried again") and "→" not in poison[7]
    table.selectRow(1)
    preview = find(desk, QLabel, "printPreviewLabel")
    qtbot.waitUntil(lambda: "cannot be laid out" in preview.text(), timeout=3000)
    desk.grab().save("/tmp/poison-job.png")
