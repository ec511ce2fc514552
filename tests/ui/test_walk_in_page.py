"""A walk-in registered at the desk, the desk's ID-card reader filling the form, a unit and its
residents as the person visited, and the desk's intercom or phone call recorded (#20 items 1-3).

The reader is the SAM emulator on a pty, read through the real driver, as at the kiosk.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QLineEdit, QListWidget, QRadioButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.fakes import FakePrinter
from kiosk.devices.idreader.emulator import EmulatedIdCardReader
from kiosk.domain.calls import CallAnswer, CallChannel
from kiosk.domain.errors import ValidationError
from kiosk.domain.visit import Approver, VisitStatus
from kiosk.domain.visitor_kinds import KindApprover, VisitorKind
from kiosk.services.audit import Actor
from kiosk.storage.models import DeskRegistration, Visit, VisitCall, VisitKindRecord
from kiosk.ui.console.desk_window import DeskWindow
from kiosk.ui.console.walk_in_page import WalkInPage
from tests.devices.idcards import card
from tests.ui.conftest import answer_dialog, open_desk, type_text
from tests.ui.test_kiosk_window import find, tap

MASKED = "1101**********1230"  # the number on 张三's card, as the desk shows it
RESIDENTS_CSV = """房号,姓名,身份,电话
2-104,赵伟,业主,13875090595
2-104,周敏,租户,13729552354
"""


@pytest.fixture
def reader(app: KioskApp) -> Iterator[EmulatedIdCardReader]:
    device = EmulatedIdCardReader(card(), reply_timeout_s=0.4, poll_s=0.05)
    app.id_reader = device  # the in-process stations get it: this desk's reader
    yield device
    device.close()


def walk_in_page(qtbot: QtBot, app: KioskApp) -> tuple[DeskWindow, WalkInPage]:
    desk = open_desk(qtbot, app)
    assert "walk_in" in desk.sections()
    desk.show_section("walk_in")
    page = desk.page("walk_in")
    assert isinstance(page, WalkInPage)
    return desk, page


def read_the_card(qtbot: QtBot, page: WalkInPage) -> None:
    tap(qtbot, page, "walkInReadIdButton")
    qtbot.waitUntil(page.read_button.isEnabled, timeout=10000)
    assert find(page, QLineEdit, "walkInNameEdit").text() == "张三"
    number = find(page, QLineEdit, "walkInIdNumberEdit")
    assert number.text() == MASKED and number.isReadOnly()


def register(qtbot: QtBot, page: WalkInPage, wanted: str) -> str:
    find(page, QCheckBox, "walkInDeclarationCheck").setChecked(True)
    tap(qtbot, page, "walkInRegisterButton")
    status = find(page, QLabel, "walkInStatus")
    qtbot.waitUntil(lambda: wanted in status.text(), timeout=5000)
    return status.text()


def test_a_walk_in_to_a_unit_read_from_the_id_card_is_let_in_after_the_recorded_intercom_call(
    qtbot: QtBot, app: KioskApp, reader: EmulatedIdCardReader, printer: FakePrinter
) -> None:
    assert app.residents.import_residents(RESIDENTS_CSV.encode(), "r.csv", Actor("cli", "pm")).imported
    _desk, page = walk_in_page(qtbot, app)
    read_the_card(qtbot, page)
    type_text(qtbot, find(page, QLineEdit, "walkInPurposeEdit"), "探亲")
    find(page, QRadioButton, "walkInUnitRadio").click()
    type_text(qtbot, find(page, QLineEdit, "walkInUnitEdit"), "2-104")
    tap(qtbot, page, "walkInUnitButton")
    residents = find(page, QListWidget, "walkInResidentList")
    qtbot.waitUntil(lambda: residents.count() == 3, timeout=5000)
    # The desk sees whom to call: each resident with their phone.
    texts = [residents.item(i).text() for i in range(residents.count())]
    assert texts[0].startswith("Unit 2-104")
    assert "赵伟 (owner), phone 13875090595" in texts and "周敏 (tenant), phone 13729552354" in texts
    residents.setCurrentRow(texts.index("赵伟 (owner), phone 13875090595"))
    assert "waits for the host" in register(qtbot, page, "registered")
    assert find(page, QLineEdit, "walkInIdNumberEdit").text() == ""  # the number is not left on screen
    with app.database.sessions() as session:
        visit = session.scalars(select(Visit)).one()
        assert (visit.visitor_name, visit.id_last_four, visit.status) == ("张三", "1230", VisitStatus.PENDING)
        assert visit.host.unit == "2-104" and visit.station == "desk-test"
        registration = session.get(DeskRegistration, visit.id)
        assert registration is not None and registration.resident_name == "赵伟"
        assert registration.registered_by == "staff:receptionist"
        visit_id = visit.id

    # Nobody answers the intercom: recorded, the visit still waits.
    def no_answer(dialog: QDialog) -> None:
        assert find(dialog, QComboBox, "calleeCombo").currentText() == "Unit 2-104 on the intercom"
        assert find(dialog, QLineEdit, "callNumberEdit").text() == "2-104"
        find(dialog, QRadioButton, "callAnswer_no_answer").click()

    answer_dialog("confirmOkButton", no_answer)
    tap(qtbot, page, "walkInCallButton")
    status = find(page, QLabel, "walkInStatus")
    qtbot.waitUntil(lambda: "still waits" in status.text(), timeout=5000)

    # 赵伟 on the phone agrees: let in, the badge prints at this desk.
    seen: list[str] = []

    def agreed(dialog: QDialog) -> None:
        callee = find(dialog, QComboBox, "calleeCombo")
        callee.setCurrentIndex(callee.findText("赵伟 (owner), phone 13875090595"))
        assert find(dialog, QLineEdit, "callNumberEdit").text() == "13875090595"
        assert find(dialog, QComboBox, "callChannelCombo").currentText() == "Phone"
        find(dialog, QRadioButton, "callAnswer_agreed").click()

    answer_dialog("confirmOkButton", agreed, seen)
    tap(qtbot, page, "walkInCallButton")
    qtbot.waitUntil(lambda: "Let in" in status.text(), timeout=5000)
    assert any("Intercom to 2-104 (2-104): no answer, by Receptionist" in text for text in seen), seen
    qtbot.waitUntil(lambda: bool(printer.documents), timeout=5000)
    with app.database.sessions() as session:
        visit = session.get_one(Visit, visit_id)
        assert (visit.status, visit.approver) == (VisitStatus.ON_SITE, Approver.DESK)
        calls = session.scalars(select(VisitCall).order_by(VisitCall.id)).all()
        assert [(c.callee_name, c.channel, c.number, c.answer, c.called_by_name) for c in calls] == [
            ("2-104", CallChannel.INTERCOM, "2-104", CallAnswer.NO_ANSWER, "Receptionist"),
            ("赵伟", CallChannel.PHONE, "13875090595", CallAnswer.AGREED, "Receptionist"),
        ]


def test_a_listed_walk_in_read_from_the_card_is_held_for_a_supervisor(
    qtbot: QtBot, app: KioskApp, reader: EmulatedIdCardReader, printer: FakePrinter
) -> None:
    app.watchlist.add("张三", "寻衅闹事", Actor("staff", "boss"))
    _desk, page = walk_in_page(qtbot, app)
    read_the_card(qtbot, page)
    type_text(qtbot, find(page, QLineEdit, "walkInHostEdit"), "王芳")
    hosts = find(page, QListWidget, "walkInHostList")
    qtbot.waitUntil(lambda: hosts.currentItem() is not None, timeout=5000)
    assert "on hold" in register(qtbot, page, "on hold")
    assert not page.call_button.isEnabled()  # nobody agrees over a hold
    with app.database.sessions() as session:
        visit = session.scalars(select(Visit)).one()
        assert visit.status is VisitStatus.HELD and visit.hold_entry_id is not None
    assert printer.documents == []


def test_an_official_registered_at_the_desk_waits_for_the_duty_officer(
    qtbot: QtBot, app: KioskApp, reader: EmulatedIdCardReader
) -> None:
    _desk, page = walk_in_page(qtbot, app)
    read_the_card(qtbot, page)
    type_text(qtbot, find(page, QLineEdit, "walkInHostEdit"), "王芳")
    hosts = find(page, QListWidget, "walkInHostList")
    qtbot.waitUntil(lambda: hosts.currentItem() is not None, timeout=5000)
    kinds = find(page, QComboBox, "walkInKindCombo")
    kinds.setCurrentIndex(kinds.findText("Government official"))
    register(qtbot, page, "registered")
    with app.database.sessions() as session:
        visit = session.scalars(select(Visit)).one()
        record = session.get_one(VisitKindRecord, visit.id)
        assert (record.kind, record.required) == (VisitorKind.GOVERNMENT, KindApprover.DUTY_OFFICER)
    # The desk's own call to the host does not let an official in: the duty officer approves.
    with pytest.raises(ValidationError, match="duty_officer"):
        app.checkin.approve(visit.id, Actor("staff", "receptionist"), Approver.DESK)
