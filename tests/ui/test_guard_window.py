"""The lobby guard's screen (``kiosk run --role guard``) and the console's slip check: sign in with
a guard's PIN, scan the slip's QR with the keyboard-wedge scanner, let the goods out once or send
the person back; used, voided, forged and altered slips are told apart."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.release_slip import SlipStatus, sign_slip_code
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.services.release_slips import IssuedSlip
from kiosk.storage.models import AuditEvent, ReleaseSlipRecord
from kiosk.ui.common.background import in_flight
from kiosk.ui.common.i18n import set_language
from kiosk.ui.console.guard_window import GUARD_SIZE, GuardWindow
from tests.conftest import FixedClock
from tests.services.test_release_slips import load_residents, request
from tests.ui.conftest import STAFF_PIN, guard_window, open_desk, type_by_hand, type_text
from tests.ui.test_kiosk_window import find, tap


def issue(app: KioskApp, unit: str = "1-101", holder: str = "赵伟") -> IssuedSlip:
    """A slip written at the office by a receptionist."""
    clerk = app.staff.sign_in("clerk", STAFF_PIN)
    return app.release_slips.issue(request(unit, holder), clerk)


def people(app: KioskApp) -> None:
    load_residents(app)
    admin = Actor("staff", "admin")
    app.staff.add("clerk", "Clerk", Role.RECEPTIONIST, STAFF_PIN, admin)
    app.staff.add("guard", "Wang Qiang", Role.GUARD, STAFF_PIN, admin)


def open_guard(qtbot: QtBot, app: KioskApp) -> GuardWindow:
    window = guard_window(app)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def sign_in(qtbot: QtBot, window: GuardWindow, username: str) -> None:
    page = window.sign_in_page
    page.user_edit.clear()
    type_text(qtbot, page.user_edit, username)
    type_text(qtbot, page.pin_edit, STAFF_PIN)
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    settle(qtbot)


def settle(qtbot: QtBot) -> None:
    """Wait for the server's answers to arrive on screen (they come in the background)."""
    qtbot.waitUntil(lambda: in_flight() == 0)


def press(qtbot: QtBot, window: QWidget, button: str) -> None:
    """Tap a button that asks the server, and wait for its answer."""
    tap(qtbot, window, button)
    settle(qtbot)


def wedge_scan(qtbot: QtBot, widget: QWidget, code: str) -> None:
    """The scanner types the code in one fast burst, then Enter, into whatever has the focus."""
    widget.setFocus()
    qtbot.wait(60)  # the slip is scanned a moment after the last key a person pressed
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    settle(qtbot)


def verdict(window: QWidget) -> str:
    return find(window, QLabel, "slipVerdict").text()


def items(window: QWidget) -> list[str]:
    listed = find(window, QListWidget, "slipVerifyItems")
    return [listed.item(i).text() for i in range(listed.count())]


def status_of(app: KioskApp, number: str) -> ReleaseSlipRecord:
    with app.database.sessions() as session:
        slip = session.scalar(select(ReleaseSlipRecord).where(ReleaseSlipRecord.slip_number == number))
        assert slip is not None
        return slip


def trail(app: KioskApp) -> list[tuple[str, str]]:
    with app.database.sessions() as session:
        return [(e.actor, e.action) for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_the_guard_signs_in_scans_and_lets_the_goods_out_once(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    people(app)
    slip = issue(app)
    window = open_guard(qtbot, app)
    assert find(window, QLabel, "deskSignInTitle").text() == "Guard screen: sign in"
    sign_in(qtbot, window, "clerk")
    assert window.session is None
    assert window.sign_in_page.error_label.text() == "Only lobby guards check slips here."
    sign_in(qtbot, window, "guard")
    assert window.session is not None
    assert find(window, QLabel, "guardSignedInLabel").text() == "Wang Qiang"

    # The scanner types into the window wherever the focus is, even on the sign-out button.
    wedge_scan(qtbot, find(window, QPushButton, "guardSignOutButton"), slip.code)
    assert verdict(window) == "Valid slip S000001. Check the goods against the list."
    assert find(window, QLabel, "slipDetails").text() == (
        "Unit 1-101 · Owner 赵伟 · issued 2026-11-25 10:00 by Clerk"
    )
    assert items(window) == ["台式电脑主机 × 1", "显示器 × 2"]
    clock.advance(minutes=25)
    press(qtbot, window, "slipReleaseButton")
    assert verdict(window) == "Released: slip S000001 is now used up."
    assert not find(window, QPushButton, "slipReleaseButton").isEnabled()
    released = status_of(app, "S000001")
    assert (released.status, released.checked_by, released.checked_by_name) == (
        SlipStatus.RELEASED,
        "staff:guard",
        "Wang Qiang",
    )

    # The same slip again, typed into the code field this time.
    wedge_scan(qtbot, find(window, QLineEdit, "slipCodeEdit"), slip.code)
    assert verdict(window) == "ALREADY USED: slip S000001 was released on 2026-11-25 10:25 by Wang Qiang."
    assert not find(window, QPushButton, "slipReleaseButton").isEnabled()
    assert items(window) == ["台式电脑主机 × 1", "显示器 × 2"]
    assert trail(app)[-3:] == [
        ("staff:guard", "release_slip.scanned"),
        ("staff:guard", "release_slip.released"),
        ("staff:guard", "release_slip.scanned"),
    ]
    actions = trail(app)
    assert ("staff:clerk", "staff.guard_screen_refused") in actions
    assert actions.count(("staff:guard", "release_slip.scanned")) == 2
    assert actions.count(("staff:guard", "release_slip.released")) == 1

    tap(qtbot, window, "guardSignOutButton")
    assert window.session is None
    assert find(window, QLabel, "deskSignInTitle").text() == "Guard screen: sign in"
    wedge_scan(qtbot, window.sign_in_page.user_edit, slip.code)
    assert trail(app).count(("staff:guard", "release_slip.scanned")) == 2  # nobody signed in: no scan


def test_a_mismatch_voids_the_slip_and_sends_the_person_back(qtbot: QtBot, app: KioskApp) -> None:
    people(app)
    slip = issue(app)
    window = open_guard(qtbot, app)
    sign_in(qtbot, window, "guard")
    wedge_scan(qtbot, find(window, QLineEdit, "slipCodeEdit"), slip.code)
    type_text(qtbot, find(window, QLineEdit, "slipMismatchNoteEdit"), "多了一台打印机")
    press(qtbot, window, "slipMismatchButton")
    assert verdict(window) == "Slip S000001 voided. Send the person back to the office for a new slip."
    voided = status_of(app, "S000001")
    assert (voided.status, voided.void_reason, voided.checked_by) == (
        SlipStatus.VOIDED,
        "多了一台打印机",
        "staff:guard",
    )
    wedge_scan(qtbot, find(window, QLineEdit, "slipCodeEdit"), slip.code)
    assert verdict(window) == (
        "VOIDED: slip S000001 was voided on 2026-11-25 10:00 by Wang Qiang. Send the person back to the office."
    )
    assert not find(window, QPushButton, "slipMismatchButton").isEnabled()
    assert ("staff:guard", "release_slip.voided") in trail(app)


def test_forged_and_altered_codes_are_invalid(qtbot: QtBot, app: KioskApp) -> None:
    people(app)
    slip = issue(app)
    window = open_guard(qtbot, app)
    sign_in(qtbot, window, "guard")
    prefix, _number, mac = slip.code.split(":")
    altered = f"{prefix}:S000002:{mac}"  # the number changed by hand
    forged = sign_slip_code(b"not this building's key", "S000001")
    for code in (altered, forged):
        wedge_scan(qtbot, find(window, QLineEdit, "slipCodeEdit"), code)
        assert verdict(window) == (
            "INVALID: this is not a release slip of this building, or it has been altered. "
            "Do not let the goods out; call the office."
        )
        assert items(window) == [] and not find(window, QPushButton, "slipReleaseButton").isEnabled()
    assert status_of(app, "S000001").status is SlipStatus.ISSUED
    assert trail(app).count(("staff:guard", "release_slip.invalid_code")) == 2


def type_by_hand_and_enter(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """A person types a key at a time, far slower than a scanner, then presses Enter."""
    type_by_hand(widget, text, enter=True)
    settle(qtbot)


def test_the_guard_types_the_code_under_the_qr_when_the_scanner_fails(qtbot: QtBot, app: KioskApp) -> None:
    people(app)
    slip = issue(app)
    window = open_guard(qtbot, app)
    sign_in(qtbot, window, "guard")
    code_edit = find(window, QLineEdit, "slipCodeEdit")
    assert code_edit.placeholderText() == "Scan, or type the code under the QR"
    release = find(window, QPushButton, "slipReleaseButton")

    # The number at the top of the slip is not enough: the guard is asked for the code under the QR.
    type_by_hand_and_enter(qtbot, code_edit, "S000001")
    assert verdict(window) == (
        "S000001 is only the slip number. Type the whole code printed under the QR: "
        "the slip number and the 8 letters and digits after it."
    )
    assert code_edit.text() == "" and not release.isEnabled()
    # One character typed wrong: told it does not match (not "forged"), and nothing to release.
    wrong = slip.short_code[:-1] + ("X" if slip.short_code[-1] != "X" else "Y")
    type_by_hand_and_enter(qtbot, code_edit, wrong)
    assert verdict(window) == (
        f"The code {wrong} does not match. Compare it with the code under the QR and type it again. "
        "If it still does not match, do not let the goods out; call the office."
    )
    assert "#fff3cd" in find(window, QLabel, "slipVerdict").styleSheet()
    assert items(window) == [] and not release.isEnabled()

    # Typed right, in lower case and with spaces for the dashes: the slip is valid.
    type_by_hand_and_enter(qtbot, code_edit, slip.short_code.lower().replace("-", " "))
    assert verdict(window) == "Valid slip S000001. Check the goods against the list."
    assert items(window) == ["台式电脑主机 × 1", "显示器 × 2"]
    press(qtbot, window, "slipReleaseButton")
    assert status_of(app, "S000001").status is SlipStatus.RELEASED
    type_by_hand_and_enter(qtbot, code_edit, slip.short_code)
    assert verdict(window).startswith("ALREADY USED: slip S000001 was released")
    assert trail(app)[-5:] == [
        ("staff:guard", "release_slip.invalid_code"),
        ("staff:guard", "release_slip.invalid_code"),
        ("staff:guard", "release_slip.scanned"),
        ("staff:guard", "release_slip.released"),
        ("staff:guard", "release_slip.scanned"),
    ]


def test_the_console_checks_slips_for_a_guard_too(qtbot: QtBot, app: KioskApp) -> None:
    people(app)
    slip = issue(app)
    desk = open_desk(qtbot, app, Role.GUARD, username="guard")
    desk.show_section("slip_verify")
    code_edit = find(desk, QLineEdit, "slipCodeEdit")
    assert desk.focusWidget() is code_edit  # ready for the scanner without a click
    wedge_scan(qtbot, code_edit, slip.code)
    assert verdict(desk) == "Valid slip S000001. Check the goods against the list."
    press(qtbot, desk, "slipReleaseButton")
    assert status_of(app, "S000001").status is SlipStatus.RELEASED
    desk.lock_now()
    assert find(desk, QLabel, "slipVerdict").text() == ""  # the next person sees nothing of it


@pytest.mark.heavy
def test_kiosk_run_role_guard_opens_the_guard_window() -> None:
    from tests.test_cli import kiosk

    result = kiosk("run", "--role", "guard", "--smoke")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-2:] == [
        "first-frame guardWindow",
        "title 大堂访客系统 — 护卫员：物品放行条",
    ]


def test_on_a_screen_smaller_than_its_layout_the_guard_window_is_maximised(
    qtbot: QtBot, app: KioskApp
) -> None:
    """A 1024x768 window on a 768-high screen lost its Released and Mismatch buttons below the
    edge: on a smaller screen the window manager fits it, frame included."""
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    available = screen.availableGeometry()
    guard = open_guard(qtbot, app)
    too_small = available.width() < GUARD_SIZE.width() or available.height() < GUARD_SIZE.height()
    assert too_small  # the offscreen test screen is 800 wide
    assert guard.windowState() & Qt.WindowState.WindowMaximized
    # What the window needs fits a 1024x768 screen with room for a title bar and a panel.
    assert guard.minimumSizeHint().width() <= 1024 and guard.minimumSizeHint().height() <= 700


def test_without_its_server_the_guard_screen_keeps_the_slip_and_says_call_the_desk(
    qtbot: QtBot, app: KioskApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server stops answering between the scan and the release: the screen keeps the slip and
    its list, says in the guard's language that it cannot verify, and the release pressed again
    once the server is back lets the goods out once."""
    people(app)
    slip = issue(app)
    window = open_guard(qtbot, app)
    sign_in(qtbot, window, "guard")
    wedge_scan(qtbot, find(window, QLineEdit, "slipCodeEdit"), slip.code)
    assert verdict(window) == "Valid slip S000001. Check the goods against the list."
    http = window.verify._station.client.http
    answering = http.request

    def unreachable(*args: object, **kwargs: object) -> object:
        raise httpx.ConnectError("connection refused")

    monkeypatch.setattr(http, "request", unreachable)
    press(qtbot, window, "slipReleaseButton")
    cannot = "Cannot verify: the server does not answer. Do not let the goods out yet; call the desk."
    assert verdict(window) == cannot
    assert "#fff3cd" in find(window, QLabel, "slipVerdict").styleSheet()
    assert find(window, QLabel, "slipDetails").text().startswith("Unit 1-101 · Owner 赵伟")
    assert items(window) == ["台式电脑主机 × 1", "显示器 × 2"]
    assert find(window, QPushButton, "slipReleaseButton").isEnabled()
    assert status_of(app, "S000001").status is SlipStatus.ISSUED

    # Another slip scanned meanwhile: the code stays in the field to try again.
    wedge_scan(qtbot, find(window, QLineEdit, "slipCodeEdit"), slip.code)
    assert verdict(window) == cannot
    assert find(window, QLineEdit, "slipCodeEdit").text() == slip.code
    assert items(window) == ["台式电脑主机 × 1", "显示器 × 2"]

    monkeypatch.setattr(http, "request", answering)
    press(qtbot, window, "slipReleaseButton")
    assert verdict(window) == "Released: slip S000001 is now used up."
    assert status_of(app, "S000001").status is SlipStatus.RELEASED
    assert trail(app).count(("staff:guard", "release_slip.released")) == 1


def test_the_guard_screen_in_chinese_says_cannot_verify_call_the_desk(
    qtbot: QtBot, app: KioskApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_language("zh_CN")
    people(app)
    slip = issue(app)
    window = open_guard(qtbot, app)
    sign_in(qtbot, window, "guard")
    monkeypatch.setattr(
        window.verify._station.client.http,
        "request",
        lambda *a, **k: (_ for _ in ()).throw(httpx.ConnectError("x")),
    )
    wedge_scan(qtbot, find(window, QLineEdit, "slipCodeEdit"), slip.code)
    assert verdict(window) == "无法核验：服务器无响应。请勿放行，请联系前台。"


def test_an_expired_slip_says_expired_with_its_date_and_offers_no_release(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    people(app)
    slip = issue(app)  # 10:00 on 25 November: good for that day
    clock.advance(days=1)
    window = open_guard(qtbot, app)
    sign_in(qtbot, window, "guard")
    wedge_scan(qtbot, find(window, QLineEdit, "slipCodeEdit"), slip.code)
    assert verdict(window) == (
        "EXPIRED: slip S000001 was valid until 2026-11-26 00:00. Do not let the goods out; "
        "the holder asks the office for a new slip."
    )
    assert items(window) == ["台式电脑主机 × 1", "显示器 × 2"]  # what it listed, for the record
    assert not find(window, QPushButton, "slipReleaseButton").isEnabled()
    assert status_of(app, "S000001").status is SlipStatus.ISSUED


def test_a_slip_replayed_from_before_a_restored_backup_is_invalid_at_the_guard(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    from sqlalchemy import delete, update

    from kiosk.domain.release_slip import short_code_of
    from kiosk.storage.models import Counter

    people(app)
    old = issue(app)
    with app.database.sessions.begin() as session:  # the backup from before it, restored
        session.execute(delete(ReleaseSlipRecord))
        session.execute(update(Counter).where(Counter.name == "release_slip").values(value=0))
    clock.advance(minutes=30)
    new = issue(app, "1-102", "林静")
    assert new.slip_number == old.slip_number == "S000001"
    window = open_guard(qtbot, app)
    sign_in(qtbot, window, "guard")
    wedge_scan(qtbot, find(window, QLineEdit, "slipCodeEdit"), old.code)
    assert verdict(window).startswith("INVALID: this is not a release slip of this building")
    assert items(window) == [] and not find(window, QPushButton, "slipReleaseButton").isEnabled()
    type_by_hand_and_enter(qtbot, find(window, QLineEdit, "slipCodeEdit"), short_code_of(old.code))
    assert verdict(window).startswith("The code ")  # typed: checked, and refused as mistyped
    wedge_scan(qtbot, find(window, QLineEdit, "slipCodeEdit"), new.code)
    assert verdict(window) == "Valid slip S000001. Check the goods against the list."
