"""Every page of the desk console, and the guard screen, says what went wrong in red.

Field test (issue 12, item 7): a refusal on the console read in plain black, like a success. Each
page is driven here as a clerk does it (an empty or wrong form, a tap with nothing selected, a
printer out of paper), and its result line must then be marked as an error and drawn in red; a
following success on the same line reads plain again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QTabWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.devices.fakes import FakePrinter
from kiosk.devices.interfaces import PrinterStatus
from kiosk.domain.staff import Role
from kiosk.ui.common.widgets import ERROR_STYLE, StatusLabel
from kiosk.ui.console.desk_window import DeskWindow
from tests.ui.conftest import STAFF_PIN, open_desk, type_text
from tests.ui.test_guard_window import open_guard
from tests.ui.test_guard_window import sign_in as guard_sign_in
from tests.ui.test_kiosk_window import find, tap


def drawn_red(label: QLabel) -> bool:
    """The label as it is painted on screen has red text in it."""
    image = label.grab().toImage()
    return any(
        image.pixelColor(x, y).red() > 120 and image.pixelColor(x, y).green() < 80
        for x in range(image.width())
        for y in range(image.height())
    )


def assert_error(label: QLabel) -> None:
    assert isinstance(label, StatusLabel), f"{label.objectName()} is a plain label"
    assert label.property("error") is True and ERROR_STYLE in label.styleSheet(), label.text()
    assert drawn_red(label), f"{label.objectName()}: “{label.text()}” is not drawn in red"


def assert_plain(label: QLabel) -> None:
    assert label.property("error") is False and ERROR_STYLE not in label.styleSheet(), label.text()
    assert not drawn_red(label)


def show_tab(desk: DeskWindow, tabs: str, index: int) -> None:
    find(desk, QTabWidget, tabs).setCurrentIndex(index)


def fill_and_tap(qtbot: QtBot, desk: DeskWindow, fields: dict[str, str], button: str) -> None:
    """Type into each named field (what was in it first cleared, as a clerk retypes), then tap."""
    for name, text in fields.items():
        edit = find(desk, QLineEdit, name)
        edit.clear()
        type_text(qtbot, edit, text)
    tap(qtbot, desk, button)


Step = Callable[[QtBot, DeskWindow], None]


@dataclass(frozen=True)
class Case:
    role: Role
    label: str  # the page's result line
    provoke: Step  # what the clerk does wrong
    message: str  # what the line then says
    fix: Step | None = None  # what they do right next
    fixed: str = ""  # ... and what the line says then

    def __str__(self) -> str:
        return self.label


def _board(qtbot: QtBot, desk: DeskWindow) -> None:
    tap(qtbot, desk, "checkOutButton")  # nobody selected


def _print_queue(qtbot: QtBot, desk: DeskWindow) -> None:
    tap(qtbot, desk, "sendNowButton")  # no job selected


def _pre_register(qtbot: QtBot, desk: DeskWindow) -> None:
    tap(qtbot, desk, "preRegInviteButton")  # no host chosen


def _watchlist(qtbot: QtBot, desk: DeskWindow) -> None:
    tap(qtbot, desk, "watchlistAddButton")  # an empty form


def _watchlist_fixed(qtbot: QtBot, desk: DeskWindow) -> None:
    fill_and_tap(
        qtbot,
        desk,
        {"watchlistNameEdit": "王五", "watchlistReasonEdit": "多次滋扰前台"},
        "watchlistAddButton",
    )


def _evacuation(qtbot: QtBot, desk: DeskWindow) -> None:
    tap(qtbot, desk, "evacuationPrintButton")  # the printer is out of paper (see the test)


def _idc_cards(qtbot: QtBot, desk: DeskWindow) -> None:
    show_tab(desk, "idcDetailTabs", 1)
    tap(qtbot, desk, "idcSendNowButton")  # no upload selected


def _idc_applications(qtbot: QtBot, desk: DeskWindow) -> None:
    tap(qtbot, desk, "idcFileButton")  # an empty application


def _release_slips(qtbot: QtBot, desk: DeskWindow) -> None:
    tap(qtbot, desk, "slipIssueButton")  # no unit looked up


def _passes(qtbot: QtBot, desk: DeskWindow) -> None:
    show_tab(desk, "passTabs", 1)
    fill_and_tap(qtbot, desk, {"passAddNumbersEdit": "P1-P9999"}, "passAddButton")


def _passes_fixed(qtbot: QtBot, desk: DeskWindow) -> None:
    fill_and_tap(qtbot, desk, {"passAddNumbersEdit": "P001-P003"}, "passAddButton")


def _visitor_log(qtbot: QtBot, desk: DeskWindow) -> None:
    fill_and_tap(qtbot, desk, {"visitorLogLastFourEdit": "12"}, "visitorLogSearchButton")


def _visitor_log_fixed(qtbot: QtBot, desk: DeskWindow) -> None:
    fill_and_tap(qtbot, desk, {"visitorLogLastFourEdit": "1234"}, "visitorLogSearchButton")


def _staff(qtbot: QtBot, desk: DeskWindow) -> None:
    fields = {
        "staffUsernameEdit": "liuyang",
        "staffNameEdit": "刘洋",
        "staffPinEdit": "135790",
        "staffPinAgainEdit": "135791",
    }
    fill_and_tap(qtbot, desk, fields, "staffAddButton")


def _staff_fixed(qtbot: QtBot, desk: DeskWindow) -> None:
    fill_and_tap(qtbot, desk, {"staffPinAgainEdit": "135790"}, "staffAddButton")


def _payments(qtbot: QtBot, desk: DeskWindow) -> None:
    fill_and_tap(qtbot, desk, {"paymentAmountEdit": "五十"}, "paymentTakeButton")


def _handover(qtbot: QtBot, desk: DeskWindow) -> None:
    cash = find(desk, QLineEdit, "handoverCashEdit")
    qtbot.waitUntil(lambda: cash.text() != "")  # the system's counts are in, as the clerk sees
    tap(qtbot, desk, "handoverSubmitButton")  # nothing written, no PIN


CASES = {
    "board": Case(Role.RECEPTIONIST, "deskStatusLabel", _board, "Select a visitor in the table first."),
    "print_queue": Case(
        Role.RECEPTIONIST, "printQueueStatusLabel", _print_queue, "Select a job in the table first."
    ),
    "pre_register": Case(
        Role.RECEPTIONIST, "preRegStatus", _pre_register, "Choose the host from the list first."
    ),
    "watchlist": Case(
        Role.SUPERVISOR,
        "watchlistStatus",
        _watchlist,
        "Please enter your name.",
        _watchlist_fixed,
        "Added: check-ins by this person are now held for a supervisor.",
    ),
    "evacuation": Case(
        Role.GUARD,
        "evacuationStatus",
        _evacuation,
        # The station asks its printer first (as every print does): the state in the desk's words.
        "NOT printed: receipt printer: out of paper. Use the list on screen.",
    ),
    "idc_cards": Case(Role.RECEPTIONIST, "idcStatus", _idc_cards, "Select an upload first."),
    "idc_applications": Case(
        Role.SALES, "idcApplicationStatus", _idc_applications, "Please enter the application form number."
    ),
    "release_slips": Case(
        Role.RECEPTIONIST,
        "slipStatus",
        _release_slips,
        "Look up the unit and choose who is taking the goods out.",
    ),
    "machine_room_passes": Case(
        Role.RECEPTIONIST,
        "passStatus",
        _passes,
        "A range can name at most 500 passes.",
        _passes_fixed,
        "3 passes added to the pool.",
    ),
    "visitor_log": Case(
        Role.RECEPTIONIST,
        "visitorLogStatus",
        _visitor_log,
        "Type the last four characters of the ID number.",
        _visitor_log_fixed,
        "No visits match.",
    ),
    "staff": Case(
        Role.ADMIN,
        "staffStatus",
        _staff,
        "The two PINs differ. Please type them again.",
        _staff_fixed,
        "Account liuyang added.",
    ),
    "payments": Case(
        Role.RECEPTIONIST, "paymentStatus", _payments, "Type the amount in yuan, e.g. 100 or 50.50."
    ),
    "handover": Case(Role.RECEPTIONIST, "handoverStatus", _handover, "Write the work done this shift."),
}


@pytest.mark.parametrize("section", sorted(CASES))
def test_an_error_on_every_desk_page_is_red(
    qtbot: QtBot, app: KioskApp, printer: FakePrinter, section: str
) -> None:
    case = CASES[section]
    printer.state = PrinterStatus.PAPER_OUT  # only the evacuation list prints straight away
    desk = open_desk(qtbot, app, case.role)
    desk.show_section(section)
    label = find(desk, QLabel, case.label)
    case.provoke(qtbot, desk)
    # Some pages print off the GUI thread ("Printing…" meanwhile).
    qtbot.waitUntil(lambda: label.text() != "" and not label.text().endswith("…"), timeout=5000)
    assert label.text() == case.message
    assert_error(label)
    if case.fix is not None:
        case.fix(qtbot, desk)
        qtbot.waitUntil(lambda: label.text() != case.message, timeout=5000)  # the server's answer
        assert label.text() == case.fixed
        assert_plain(label)


def test_every_result_line_on_the_console_can_show_an_error(qtbot: QtBot, app: KioskApp) -> None:
    """A page added later with a plain QLabel for its results is caught here."""
    desk = open_desk(qtbot, app, Role.ADMIN)
    desk.every_page()  # made when first shown: all of them, for every result line
    lines = [label for label in desk.findChildren(QLabel) if label.accessibleName() == "Last action result"]
    assert len(lines) >= 10
    plain = [label.objectName() for label in lines if not isinstance(label, StatusLabel)]
    assert plain == []


def test_a_wrong_pin_at_the_desk_is_red_and_a_new_person_starts_clean(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    tap(qtbot, desk, "deskSignOutButton")
    page = desk.sign_in_page
    type_text(qtbot, page.user_edit, "receptionist")
    type_text(qtbot, page.pin_edit, "000000")
    tap(qtbot, desk, "deskSignInButton")
    qtbot.waitUntil(lambda: bool(page.error_label.text()))  # the server's answer
    assert desk.session is None
    assert_error(page.error_label)
    type_text(qtbot, page.pin_edit, STAFF_PIN)
    tap(qtbot, desk, "deskSignInButton")
    qtbot.waitUntil(lambda: desk.session is not None)
    assert page.error_label.text() == ""
    assert page.error_label.property("error") is False


def test_a_clerk_at_the_guard_screen_is_refused_in_red(qtbot: QtBot, app: KioskApp) -> None:
    open_desk(qtbot, app, Role.RECEPTIONIST).close()  # the account exists
    window = open_guard(qtbot, app)
    guard_sign_in(qtbot, window, "receptionist")
    label = window.sign_in_page.error_label
    assert window.session is None and label.text() == "Only lobby guards check slips here."
    assert_error(label)


def test_a_failed_action_leaves_no_red_line_for_the_next_person(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("payments")
    _payments(qtbot, desk)
    label = find(desk, QLabel, "paymentStatus")
    assert_error(label)
    tap(qtbot, desk, "deskSignOutButton")
    assert label.text() == "" and label.property("error") is False
