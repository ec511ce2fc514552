"""Leaving the building at the kiosk: by badge QR at the scanner, or by one's own name."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.domain.badge import checkout_code
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import Approver, VisitStatus
from kiosk.services.audit import Actor
from kiosk.services.site_keys import load_or_create_key
from kiosk.storage.models import Visit
from tests.conftest import FixedClock
from tests.ui.conftest import type_by_hand, type_text
from tests.ui.test_kiosk_window import current_page, find, open_kiosk, tap, walk_to_review
from tests.ui.test_scanner import wedge_keys


def on_site(app: KioskApp, name: str, company: str = "", mobile: str = "") -> tuple[int, str]:
    """A visit approved and on site: its id and the code its badge's QR carries."""
    host = app.directory.search("李四")[0].host_id
    request = CheckInRequest(name, host, company, mobile=mobile, declaration_accepted=True)
    pending = app.checkin.check_in(request, app.actor)
    result = app.checkin.approve(pending.visit_id, Actor.desk("t"), Approver.DESK)
    assert result.badge_number is not None
    return result.visit_id, badge_code(app, result.visit_id)


def badge_code(app: KioskApp, visit_id: int) -> str:
    """What the visit's printed badge QR says (signed with the site's key)."""
    with app.database.sessions() as session:
        visit = session.get_one(Visit, visit_id)
        assert visit.badge_number is not None and visit.checked_in_at is not None
        key = load_or_create_key(app.site_key_dir / "release-slips.key")
        return checkout_code(key, visit.id, visit.badge_number, visit.checked_in_at)


def status(app: KioskApp, visit_id: int) -> VisitStatus:
    with app.database.sessions() as session:
        return session.get_one(Visit, visit_id).status


def test_scanning_the_badge_on_the_welcome_screen_checks_out(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    visit_id, badge = on_site(app, "张三")
    clock.advance(hours=12)  # long past valid-until: still checks out
    kiosk = open_kiosk(qtbot, app)
    qtbot.keyClicks(kiosk, badge)  # the scanner types fast...
    qtbot.keyClick(kiosk, Qt.Key.Key_Return)  # ...and ends with Enter
    qtbot.waitUntil(lambda: current_page(kiosk) == "thankYouPage", timeout=3000)
    assert status(app, visit_id) is VisitStatus.CHECKED_OUT


def test_a_scanner_sending_shift_around_capitals_checks_out_from_the_welcome_screen(
    qtbot: QtBot, app: KioskApp
) -> None:
    visit_id, badge = on_site(app, "张三")
    kiosk = open_kiosk(qtbot, app)
    wedge_keys(kiosk, badge)
    qtbot.waitUntil(lambda: current_page(kiosk) == "thankYouPage", timeout=3000)
    assert status(app, visit_id) is VisitStatus.CHECKED_OUT


def test_a_scanner_sending_shift_checks_out_from_the_check_out_page(qtbot: QtBot, app: KioskApp) -> None:
    visit_id, badge = on_site(app, "张三")
    kiosk = open_kiosk(qtbot, app)
    kiosk.activateWindow()  # as in the lobby, where the kiosk is the only window
    qtbot.waitUntil(kiosk.isActiveWindow)
    tap(qtbot, kiosk, "welcomeCheckOutButton")
    search = find(kiosk, QLineEdit, "checkOutNameEdit")
    assert search.hasFocus()  # the scanner types into the search field
    wedge_keys(kiosk, badge)
    qtbot.waitUntil(lambda: current_page(kiosk) == "thankYouPage", timeout=3000)
    assert status(app, visit_id) is VisitStatus.CHECKED_OUT
    assert search.text() == ""


@pytest.mark.on_screen_keyboard
def test_a_scan_survives_the_screen_being_busy_between_its_keys(qtbot: QtBot, app: KioskApp) -> None:
    visit_id, badge = on_site(app, "张三")
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeCheckOutButton")
    search = find(kiosk, QLineEdit, "checkOutNameEdit")
    stalls = [0.15]  # the first key brings up the keyboard panel, which takes a while to draw
    search.textChanged.connect(lambda _t: time.sleep(stalls.pop()) if stalls else None)
    wedge_keys(kiosk, badge)  # meanwhile the scanner's keys wait in the queue
    qtbot.waitUntil(lambda: current_page(kiosk) == "thankYouPage", timeout=3000)
    assert status(app, visit_id) is VisitStatus.CHECKED_OUT


def test_a_key_held_down_is_not_taken_for_the_scanner(qtbot: QtBot, app: KioskApp) -> None:
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeCheckOutButton")
    search = find(kiosk, QLineEdit, "checkOutNameEdit")
    qtbot.keyClicks(search, "z")
    for _ in range(8):  # the key repeats by itself, far faster than anyone types
        qtbot.wait(5)
        held = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Z, Qt.KeyboardModifier.NoModifier, "z", True)
        QApplication.sendEvent(search, held)
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert search.text() == "z" * 9
    assert find(kiosk, QLabel, "checkOutError").text() == ""


def test_a_person_typing_a_code_is_not_taken_for_the_scanner(qtbot: QtBot, app: KioskApp) -> None:
    visit_id, badge = on_site(app, "张三")
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeCheckOutButton")
    search = find(kiosk, QLineEdit, "checkOutNameEdit")
    type_by_hand(search, badge, gap_ms=80, enter=True)
    assert current_page(kiosk) == "checkOutPage"
    assert status(app, visit_id) is VisitStatus.ON_SITE
    # The same keys at a scanner's pace are the scanner's.
    search.clear()
    type_by_hand(search, badge, gap_ms=5, enter=True)
    qtbot.waitUntil(lambda: status(app, visit_id) is VisitStatus.CHECKED_OUT)


def test_check_out_by_name_asks_for_the_mobiles_last_four_digits_and_lists_nobody(
    qtbot: QtBot, app: KioskApp
) -> None:
    visit_id, _badge = on_site(app, "张三", "华南数据", mobile="13812345678")
    other, _ = on_site(app, "张三", mobile="13900009999")  # the same name, another mobile
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeCheckOutButton")
    page = kiosk.check_out
    assert page.findChildren(QListWidget) == []  # nobody on site is listed, no company shown
    tap(qtbot, kiosk, "checkOutConfirmButton")
    error = find(kiosk, QLabel, "checkOutError")
    assert error.text() == "Please type your name, or scan your badge."
    type_text(qtbot, find(kiosk, QLineEdit, "checkOutNameEdit"), "张三")
    digits = find(kiosk, QLineEdit, "checkOutMobileDigitsEdit")
    assert digits.inputMethodHints() & Qt.InputMethodHint.ImhDigitsOnly  # the keyboard's number pad
    type_text(qtbot, digits, "56a7")  # a letter is not taken
    assert digits.text() == "567"
    tap(qtbot, kiosk, "checkOutConfirmButton")
    assert "last four digits" in error.text()
    type_text(qtbot, digits, "0")  # 5670: not theirs
    tap(qtbot, kiosk, "checkOutConfirmButton")
    qtbot.waitUntil(lambda: "No visitor on site has this name" in error.text(), timeout=3000)
    assert status(app, visit_id) is VisitStatus.ON_SITE
    qtbot.keyClick(digits, Qt.Key.Key_Backspace)
    type_text(qtbot, digits, "8")
    assert find(kiosk, QPushButton, "checkOutConfirmButton").minimumSizeHint().height() >= 72
    tap(qtbot, kiosk, "checkOutConfirmButton")
    qtbot.waitUntil(lambda: current_page(kiosk) == "thankYouPage", timeout=3000)
    assert status(app, visit_id) is VisitStatus.CHECKED_OUT
    assert status(app, other) is VisitStatus.ON_SITE


def test_wrong_names_make_the_kiosk_wait_and_say_for_how_long(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    visit_id, _badge = on_site(app, "张三", mobile="13812345678")
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeCheckOutButton")
    error = find(kiosk, QLabel, "checkOutError")
    name, digits = (
        find(kiosk, QLineEdit, "checkOutNameEdit"),
        find(kiosk, QLineEdit, "checkOutMobileDigitsEdit"),
    )
    type_text(qtbot, digits, "0000")
    for guess in ("王一", "王二", "王三", "王四", "王五"):
        name.clear()
        type_text(qtbot, name, guess)
        error.clear()
        tap(qtbot, kiosk, "checkOutConfirmButton")
        qtbot.waitUntil(lambda: error.text() != "", timeout=3000)
    assert (
        error.text()
        == "Too many entries here did not match. Please wait 1 min and try again, or see the front desk."
    )
    # Even the right name and digits wait: the server decides, not this screen.
    name.clear()
    type_text(qtbot, name, "张三")
    digits.clear()
    type_text(qtbot, digits, "5678")
    error.clear()
    tap(qtbot, kiosk, "checkOutConfirmButton")
    qtbot.waitUntil(lambda: error.text() != "", timeout=3000)
    assert "Please wait 1 min" in error.text()
    assert status(app, visit_id) is VisitStatus.ON_SITE
    clock.advance(seconds=31)
    tap(qtbot, kiosk, "checkOutConfirmButton")
    qtbot.waitUntil(lambda: current_page(kiosk) == "thankYouPage", timeout=3000)


def test_an_old_unsigned_badge_is_sent_to_the_desk(qtbot: QtBot, app: KioskApp) -> None:
    visit_id, _code = on_site(app, "张三")
    kiosk = open_kiosk(qtbot, app)
    wedge_keys(kiosk, "LKV:V000001")  # printed before badges were signed
    error = find(kiosk, QLabel, "checkOutError")
    qtbot.waitUntil(lambda: error.text() != "", timeout=3000)
    assert error.text() == (
        "This badge is of an older kind the kiosk no longer accepts. Please check out at the front desk."
    )
    assert status(app, visit_id) is VisitStatus.ON_SITE


def test_scanning_a_foreign_code_says_so(qtbot: QtBot, app: KioskApp) -> None:
    kiosk = open_kiosk(qtbot, app)
    qtbot.keyClicks(kiosk, "https://example.com/x")
    qtbot.keyClick(kiosk, Qt.Key.Key_Return)
    assert current_page(kiosk) == "checkOutPage"
    assert "not a visitor badge" in find(kiosk, QLabel, "checkOutError").text()


def test_idle_kiosk_wipes_a_half_filled_check_in(qtbot: QtBot, app: KioskApp) -> None:
    app.config = replace(app.config, idle_timeout_s=1)
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeCheckInButton")
    tap(qtbot, kiosk, "visitorType_guest")
    type_text(qtbot, find(kiosk, QLineEdit, "visitorNameEdit"), "张三")
    qtbot.waitUntil(lambda: current_page(kiosk) == "welcomePage", timeout=4000)
    assert kiosk.draft.visitor_name == ""
    tap(qtbot, kiosk, "welcomeCheckInButton")
    tap(qtbot, kiosk, "visitorType_guest")
    assert find(kiosk, QLineEdit, "visitorNameEdit").text() == ""


def test_waiting_for_the_host_is_not_cut_short_by_the_idle_timer(qtbot: QtBot, app: KioskApp) -> None:
    app.config = replace(app.config, idle_timeout_s=1)
    kiosk = open_kiosk(qtbot, app)
    walk_to_review(qtbot, kiosk, "张三")
    tap(qtbot, kiosk, "reviewPageNextButton")
    qtbot.waitUntil(lambda: current_page(kiosk) == "waitingPage", timeout=3000)
    qtbot.wait(1500)
    assert current_page(kiosk) == "waitingPage"


def invitation(app: KioskApp, clock: FixedClock) -> str:
    from datetime import timedelta

    host = app.directory.search("王芳")[0].host_id
    start = clock.now() - timedelta(hours=1)
    return app.invitations.invite("欧阳娜娜", host, start, start + timedelta(hours=4), Actor.desk("t")).code


def test_invited_visitor_types_the_code_and_gets_the_badge(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    code = invitation(app, clock)
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeInvitationButton")
    assert current_page(kiosk) == "invitationPage"
    edit = find(kiosk, QLineEdit, "invitationCodeEdit")
    type_by_hand(edit, "WXY34A", gap_ms=60)
    tap(qtbot, kiosk, "invitationFindButton")
    error = find(kiosk, QLabel, "invitationError")
    qtbot.waitUntil(lambda: error.text() != "")  # the server looked the code up
    assert "no invitation with this code" in error.text()
    edit.clear()
    type_by_hand(edit, code.lower(), gap_ms=60)
    tap(qtbot, kiosk, "invitationFindButton")
    qtbot.waitUntil(find(kiosk, QPushButton, "invitationConfirmButton").isVisible)
    assert error.text() == ""
    details = find(kiosk, QLabel, "invitationDetailsLabel").text()
    assert "欧***" in details and "王芳" in details and "欧阳娜娜" not in details
    tap(qtbot, kiosk, "invitationConfirmButton")
    qtbot.waitUntil(lambda: current_page(kiosk) == "donePage", timeout=5000)
    assert "V000001" in find(kiosk, QLabel, "badgeNumberLabel").text()
    assert find(kiosk, QLabel, "doneTitleLabel").text() == "Welcome, 欧***"


def test_scanning_the_invitation_qr_finds_it(qtbot: QtBot, app: KioskApp, clock: FixedClock) -> None:
    code = invitation(app, clock)
    kiosk = open_kiosk(qtbot, app)
    qtbot.keyClicks(kiosk, f"LKI:{code}")
    qtbot.keyClick(kiosk, Qt.Key.Key_Return)
    assert current_page(kiosk) == "invitationPage"
    qtbot.waitUntil(find(kiosk, QPushButton, "invitationConfirmButton").isVisible)  # found on the server
    assert find(kiosk, QLineEdit, "invitationCodeEdit").text() == code


def test_staff_leave_kiosk_mode_with_their_pin(qtbot: QtBot, app: KioskApp) -> None:
    from kiosk.domain.staff import Role

    # Leaving kiosk mode is for a supervisor or an administrator (the server's rule, #14).
    app.staff.add("1001", "赵敏", Role.SUPERVISOR, "2468", Actor("cli", "root"))
    app.staff.add("1002", "钱多多", Role.RECEPTIONIST, "1357", Actor("cli", "root"))
    kiosk = open_kiosk(qtbot, app)
    site = find(kiosk, QLabel, "siteNameLabel")
    for _ in range(5):
        qtbot.mouseClick(site, Qt.MouseButton.LeftButton)
    assert current_page(kiosk) == "staffExitPage"
    type_text(qtbot, find(kiosk, QLineEdit, "staffNumberEdit"), "1001")
    type_text(qtbot, find(kiosk, QLineEdit, "staffPinEdit"), "1111")
    tap(qtbot, kiosk, "staffExitButton")
    error = find(kiosk, QLabel, "staffExitError")
    qtbot.waitUntil(lambda: error.text() != "")  # the server checked the PIN
    assert error.text() == "Staff number or PIN is wrong."
    assert find(kiosk, QLineEdit, "staffPinEdit").text() == ""
    number = find(kiosk, QLineEdit, "staffNumberEdit")
    number.clear()
    type_text(qtbot, number, "1002")
    type_text(qtbot, find(kiosk, QLineEdit, "staffPinEdit"), "1357")
    tap(qtbot, kiosk, "staffExitButton")
    qtbot.waitUntil(lambda: error.text() != "Staff number or PIN is wrong.")
    assert error.text() == "Only a supervisor or an administrator may leave kiosk mode."
    assert current_page(kiosk) == "staffExitPage"
    number.clear()
    type_text(qtbot, number, "1001")
    type_text(qtbot, find(kiosk, QLineEdit, "staffPinEdit"), "2468")
    with qtbot.waitSignal(kiosk.exit_authorised):
        tap(qtbot, kiosk, "staffExitButton")


def test_the_check_out_page_forgets_a_bad_scan_once_the_visitor_moves_on(qtbot: QtBot, app: KioskApp) -> None:
    kiosk = open_kiosk(qtbot, app)
    qtbot.keyClicks(kiosk, "https://example.com/x")
    qtbot.keyClick(kiosk, Qt.Key.Key_Return)
    error = find(kiosk, QLabel, "checkOutError")
    assert "not a visitor badge" in error.text()
    type_text(qtbot, find(kiosk, QLineEdit, "checkOutNameEdit"), "张")  # types their name instead
    assert error.text() == ""
    wedge_keys(kiosk, "https://example.com/x")
    qtbot.waitUntil(lambda: "not a visitor badge" in error.text(), timeout=3000)
    tap(qtbot, kiosk, "checkOutBackButton")
    tap(qtbot, kiosk, "welcomeCheckOutButton")
    assert error.text() == ""


@pytest.mark.on_screen_keyboard
def test_the_pin_page_does_not_flood_the_terminal(qtbot: QtBot, app: KioskApp, qtlog: object) -> None:
    kiosk = open_kiosk(qtbot, app)
    kiosk.activateWindow()
    qtbot.waitUntil(kiosk.isActiveWindow)
    for _ in range(5):
        qtbot.mouseClick(find(kiosk, QLabel, "siteNameLabel"), Qt.MouseButton.LeftButton)
    for name in ("staffNumberEdit", "staffPinEdit", "staffNumberEdit", "staffPinEdit"):
        edit = find(kiosk, QLineEdit, name)
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(edit, "12")
    assert kiosk.keyboard is not None and kiosk.keyboard.isVisible()
    assert not [m for m in qtlog.records if "echoMode" in m.message or "non-bindable" in m.message]  # type: ignore[attr-defined]
