"""The desk in Chinese says everything in words: no "1 min", no document codes, no device URLs,
no raw audit keys, no English purpose in an export, and Qt's own dialogs in Chinese too."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QTableView
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.devices.fakes import FakePrinter
from kiosk.devices.interfaces import PrinterStatus
from kiosk.domain.documents import ReceiptPurpose
from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import Role
from kiosk.domain.views import CheckInRequest
from kiosk.printing.catalog import KINDS
from kiosk.server.routes.idc_cards import history as history_of
from kiosk.services.audit import Actor
from kiosk.services.idc_cards import ApplicationInput
from kiosk.ui.common.i18n import set_language
from kiosk.ui.console.idc_cards_page import HistoryTableModel
from kiosk.ui.console.print_queue_page import PrintJobTableModel
from tests.conftest import FixedClock
from tests.services.test_visitor_log import DAY, add_visit, at
from tests.stations import serve
from tests.ui.conftest import STAFF_PIN, open_desk, refresh_board
from tests.ui.test_idc_cards_page import ID
from tests.ui.test_kiosk_window import find, tap


def cell(table: QTableView, row: int, column: int) -> str:
    return str(table.model().index(row, column).data())


def export_last_week(qtbot: QtBot, app: KioskApp, tmp_path: Path) -> list[list[str]]:
    """A supervisor exports the last week's visitor log to CSV; its rows as read back."""
    desk = open_desk(qtbot, app, Role.SUPERVISOR)
    desk.show_section("visitor_log")
    desk.visitor_log.first_day_edit.setDate(desk.visitor_log.first_day_edit.date().addDays(-7))
    desk.visitor_log.ask_save_path = lambda *_: str(tmp_path / "log.csv")
    tap(qtbot, desk, "visitorLogExportCsvButton")
    # The server streams the file; the desk says so once it is written.
    status = find(desk, QLabel, "visitorLogStatus")
    qtbot.waitUntil(lambda: "Exported" in status.text() or "导出" in status.text(), timeout=10000)
    with (tmp_path / "log.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def is_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_the_board_says_how_long_in_words(qtbot: QtBot, app: KioskApp, clock: FixedClock) -> None:
    set_language("zh_CN")
    host = app.directory.search("李四")[0].host_id
    app.checkin.check_in(CheckInRequest("韩梅梅", host, declaration_accepted=True), app.actor)
    desk = open_desk(qtbot, app)
    waiting = find(desk, QTableView, "waitingTable")
    refresh_board(qtbot, desk)
    assert cell(waiting, 0, 4) == "刚刚"
    clock.advance(minutes=1)
    refresh_board(qtbot, desk)
    assert cell(waiting, 0, 4) == "1 分钟"
    clock.advance(minutes=64)
    refresh_board(qtbot, desk)
    assert cell(waiting, 0, 4) == "1 小时 05 分钟"


def test_every_printed_document_has_a_chinese_name_and_a_plain_number(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    set_language("zh_CN")
    model = PrintJobTableModel(app.site.timezone, app.print_queue.printers)
    for kind in KINDS:
        assert is_chinese(model._document_name(kind)), kind
    host = app.directory.search("李四")[0].host_id
    start = clock.now()
    invited = app.invitations.invite("欧阳娜娜", host, start, start + timedelta(hours=4), Actor.desk("t"))
    app.invitations.print_slip(invited.invitation_id, "zh_CN", Actor.desk("t"))
    desk = open_desk(qtbot, app)
    desk.show_section("print_queue")  # read from the server as the page opens
    jobs = find(desk, QTableView, "printJobTable")
    qtbot.waitUntil(lambda: jobs.model().rowCount() == 1, timeout=3000)
    assert (cell(jobs, 0, 2), cell(jobs, 0, 3)) == ("访客预约凭证", invited.code)


def test_printers_are_named_not_addressed(qtbot: QtBot, app: KioskApp, printer: FakePrinter) -> None:
    set_language("zh_CN")
    desk = open_desk(qtbot, app)
    desk.show_section("payments")
    from tests.ui.test_payments_page import take

    take(qtbot, desk, ReceiptPurpose.CARD_DEPOSIT, "50", "韩梅梅", "C-9")
    status = find(desk, QLabel, "paymentStatus").text()
    assert "小票打印机" in status and printer.name not in status
    printer.state = PrinterStatus.PAPER_OUT
    take(qtbot, desk, ReceiptPurpose.CARD_DEPOSIT, "50", "李雷", "C-10")
    status = find(desk, QLabel, "paymentStatus").text()
    assert "小票打印机：缺纸" in status and printer.name not in status
    desk.show_section("print_queue")  # each station's printers, as its runner last said
    label = find(desk, QLabel, "printerStatusLabel")
    qtbot.waitUntil(lambda: label.text() == "desk-test — 小票打印机：缺纸", timeout=3000)


def test_the_file_dialog_speaks_chinese(qtbot: QtBot, app: KioskApp, tmp_path: Path) -> None:
    set_language("zh_CN")
    desk = open_desk(qtbot, app, Role.SUPERVISOR)
    desk.show_section("visitor_log")
    seen: list[str] = []

    def look_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        seen.extend(button.text() for button in buttons.buttons())
        seen.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.reject()

    QTimer.singleShot(200, look_and_cancel)
    tap(qtbot, desk, "visitorLogExportCsvButton")
    assert "保存(&S)" in seen or "保存" in seen, seen
    assert "取消" in seen, seen
    assert any(text.startswith("文件名") for text in seen), seen


def test_the_exported_log_is_in_the_consoles_language(qtbot: QtBot, app: KioskApp, tmp_path: Path) -> None:
    # One visitor tapped "Other" at an English kiosk, one "开会" at a Chinese one, one typed.
    add_visit(app, "John Smith", at(9), purpose="Other", id_type="passport", id_last_four="1234")
    add_visit(app, "张三", at(10), purpose="开会")
    add_visit(app, "李雷", at(11), purpose="送货到 12 楼")
    set_language("zh_CN")
    table = export_last_week(qtbot, app, tmp_path)
    assert table[0][11] == "来访事由" or is_chinese(table[0][11])
    by_name = {row[4]: row for row in table[1:]}
    assert by_name["John Smith"][11] == "其他"
    assert by_name["张三"][11] == "开会"
    assert by_name["李雷"][11] == "送货到 12 楼"  # typed: as typed
    # Every coded column in words: type, ID document, status.
    assert (by_name["John Smith"][6], by_name["John Smith"][9], by_name["John Smith"][13]) == (
        "访客",
        "护照",
        "已离开",
    )
    assert DAY  # the seeded day lies in the searched week


def test_the_english_console_exports_a_chinese_tap_in_english(
    qtbot: QtBot, app: KioskApp, tmp_path: Path
) -> None:
    add_visit(app, "张三", at(10), purpose="商务洽谈")
    assert export_last_week(qtbot, app, tmp_path)[1][11] == "Business talk"


def test_card_history_names_people_and_says_details_in_words(qtbot: QtBot, app: KioskApp) -> None:
    app.staff.add("s-boss", "赵主任", Role.ADMIN, STAFF_PIN, Actor("staff", "admin"))
    boss = app.staff.sign_in("s-boss", STAFF_PIN)
    start = app.clock.now()
    form = ApplicationInput(
        "F-9",
        "蓝海云",
        "林夕",
        "13800138000",
        "resident_id",
        ID,
        "L-1",
        start,
        start + timedelta(days=30),
        "C1",
    )
    application = app.idc_cards.file(form, boss)
    with pytest.raises(ValidationError):
        app.idc_cards.approve(application, boss)  # their own application: refused and audited
    set_language("zh_CN")
    # The history as the server sends it to a desk (its entries and the members they name).
    context, _server = serve(app)
    model = HistoryTableModel(app.site.timezone)
    model.show(history_of(application, context))
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    texts = " ".join(str(text) for row in rows for text in row)
    assert "reason=" not in texts and "staff:" not in texts and "own_application" not in texts
    refused = rows[-1]
    assert refused[1] == "赵主任（管理员）"
    assert refused[3] == "原因：本人提交的申请，须由其他主管审批"
    assert rows[0][3] == "申请表编号：F-9"
    # Who holds it is on the application (purged with it), not in the trail kept for ever.
    assert "林夕" not in texts and "蓝海云" not in texts
