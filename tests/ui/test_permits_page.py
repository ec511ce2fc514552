"""The management office's permits at the desk and the guard screen, driven as a person taps: a
material permit issued and printed from the desk's form, an expired decoration permit typed at the
desk and refused with its last day, a permit scanned at the guard screen (into the slip's field:
the window takes it to the permits' tab) and let in, and a refusal that needs its reason."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QRadioButton, QTableView
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.devices.escpos.codec import parse_escpos
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.permits import EntryDecision, PermitKind, PermitRoute
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.services.permits import PermitDraft
from tests.conftest import FixedClock
from tests.ui.conftest import STAFF_PIN, open_desk, type_text
from tests.ui.test_guard_window import open_guard, press, settle, sign_in, wedge_scan
from tests.ui.test_kiosk_window import find

TODAY = date(2026, 11, 25)


def issue(app: KioskApp, draft: PermitDraft) -> str:
    app.staff.add("office", "赵敏", Role.RECEPTIONIST, STAFF_PIN, Actor("staff", "admin"))
    return app.permits.issue(draft, app.staff.sign_in("office", STAFF_PIN)).permit.number


def decoration(until: date) -> PermitDraft:
    return PermitDraft(
        PermitKind.DECORATION,
        TODAY,
        until,
        unit="2-104",
        holder_name="李建国",
        id_type="resident_id",
        id_number="11010519491231002X",
        company="安居装饰",
    )


def test_a_material_permit_is_issued_from_the_desk_form_and_printed(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter
) -> None:
    desk = open_desk(qtbot, app)
    desk.show_section("permits")
    kind = find(desk, QComboBox, "permitKindCombo")
    assert kind.currentData() is PermitKind.MATERIAL
    type_text(qtbot, find(desk, QLineEdit, "permitUnitEdit"), "2-104")
    type_text(qtbot, find(desk, QLineEdit, "permitCompanyEdit"), "安居装饰")
    # Issued without a way up: the form says what is missing, in the desk's words.
    type_text(qtbot, find(desk, QLineEdit, "permitMaterialEdit"), "瓷砖（箱）")
    find(desk, QLineEdit, "permitMaterialEdit").setFocus()
    qtbot.keyClick(find(desk, QLineEdit, "permitMaterialEdit"), Qt.Key.Key_Return)
    press(qtbot, desk, "permitIssueButton")
    status = find(desk, QLabel, "permitIssueStatus")
    assert status.text() == "Please choose how the materials go up: the goods lift or the stairs."
    qtbot.mouseClick(find(desk, QRadioButton, "permitStairsRadio"), Qt.MouseButton.LeftButton)
    press(qtbot, desk, "permitIssueButton")
    assert status.text() == "Issued Material permit CL000001, valid 2026-11-25."
    text = "\n".join(parse_escpos(printer.documents[-1]).text_lines())
    assert "CL000001" in text and "瓷砖（箱）" in text and "Stairs" in text  # the desk's language
    table = find(desk, QTableView, "permitTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    assert table.model().index(0, 0).data() == "CL000001"


def test_an_expired_decoration_permit_is_refused_at_the_desk_with_its_expiry_date(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    number = issue(app, decoration(TODAY + timedelta(days=2)))
    clock.advance(days=3)
    desk = open_desk(qtbot, app)
    desk.show_section("permits")
    code = find(desk, QLineEdit, "permitCodeEdit")
    type_text(qtbot, code, number.lower())
    qtbot.keyClick(code, Qt.Key.Key_Return)
    settle(qtbot)
    verdict = find(desk, QLabel, "permitVerdict").text()
    assert verdict == (
        f"REFUSE: Permit {number} expired on 2026-11-27: it cannot be accepted. "
        "The management office issues a new one."
    )
    # Nothing to let in: the buttons wait for a valid permit.
    assert (
        not find(desk, QLabel, "permitVerdict")
        .parent()
        .findChild(QLineEdit, "permitRefuseReasonEdit")
        .isEnabled()
    )


def test_a_permit_scanned_at_the_guard_screen_is_let_in_and_a_refusal_needs_its_reason(
    qtbot: QtBot, app: KioskApp
) -> None:
    draft = PermitDraft(
        PermitKind.MATERIAL,
        TODAY,
        TODAY,
        unit="2-104",
        materials=(("水泥（袋）", 12),),
        route=PermitRoute.GOODS_LIFT,
    )
    number = issue(app, draft)
    app.staff.add("guard", "钱勇", Role.GUARD, STAFF_PIN, Actor("staff", "admin"))
    guard = open_guard(qtbot, app)
    sign_in(qtbot, guard, "guard")
    qtbot.waitUntil(lambda: guard.session is not None)
    # Scanned while the slip's field has the focus: the window checks it as a permit.
    wedge_scan(qtbot, find(guard, QLineEdit, "slipCodeEdit"), number)
    assert guard.tabs.currentWidget() is guard.permits
    verdict = find(guard, QLabel, "permitVerdict")
    assert verdict.text() == f"VALID: Material permit {number}. Check the goods or the worker against it."
    assert "Goes up by: Goods lift" in find(guard, QLabel, "permitDetails").text()
    press(qtbot, guard, "permitRefuseButton")
    assert verdict.text() == "Type why it is refused first."
    press(qtbot, guard, "permitLetInButton")
    assert verdict.text() == f"Let in on permit {number}."
    [entry] = app.permits.permit(1).entries
    assert (entry.decision, entry.by_name) == (EntryDecision.LET_IN, "钱勇")
