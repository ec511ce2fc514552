"""The kiosk and the guard screen on a real X server (Xvfb, openbox), driven by X input events
as a keyboard-wedge scanner, a person's keyboard and a finger on the touchscreen send them
(xdotool). Each window is opened once, in a process of its own, and runs its scenarios one after
another (scenarios.py); the tests read its report. On a failure the screen is saved as a picture
and the message names it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.realinput.conftest import SCENARIO_TIMEOUT_S, run_scenario

# The scenarios' own time limit, which saves the screen, comes before the suite's per-test one
# (one xdist worker runs the whole layer: tests/conftest.py, pytest_xdist_make_scheduler).
# heavy: an X server and a window manager, and each window in a process of its own.
pytestmark = [pytest.mark.timeout(SCENARIO_TIMEOUT_S + 30), pytest.mark.heavy]

# What the scanner sends for the badge of V000001: Shift around each capital and the colon.
# The signed badge code (LKV2-V000001-...): Shift around each capital only; digits and dashes bare.
SCANNED_BADGE = ["Shift", "⇧L", "Shift", "⇧K", "Shift", "⇧V", "2", "-", "Shift", "⇧V", "0"]


class Run:
    """What one window's scenarios reported."""

    def __init__(self, report: dict[str, Any]) -> None:
        self.report = report

    def scenario(self, name: str) -> dict[str, Any]:
        part: dict[str, Any] = self.report[name]
        assert "error" not in part, self.why(name, f"{name} broke off:\n{part['error']}")
        return part

    def why(self, name: str, what: object) -> str:
        """``what`` was seen, and the pictures scenario ``name`` took of the screen."""
        pictures = [p for p in self.report["shots"] if Path(p).name.startswith(f"{name}-")]
        return f"{what}\nthe screen: {', '.join(pictures) or 'no picture taken'}"


@pytest.fixture(scope="module")
def kiosk_run(x_display: str, tmp_path_factory: pytest.TempPathFactory) -> Run:
    run = Run(run_scenario(x_display, "kiosk", tmp_path_factory.mktemp("kiosk-screens")))
    assert run.report["active"], run.why("start", "the kiosk window never became the active window")
    return run


@pytest.fixture(scope="module")
def guard_run(x_display: str, tmp_path_factory: pytest.TempPathFactory) -> Run:
    run = Run(run_scenario(x_display, "guard", tmp_path_factory.mktemp("guard-screens")))
    assert run.report["active"], run.why("start", "the guard window never became the active window")
    return run


@pytest.mark.parametrize("where", ["welcome", "check_out"])
def test_scanning_the_badge_qr_checks_the_visitor_out(kiosk_run: Run, where: str) -> None:
    scan = kiosk_run.scenario("check_out_by_badge")[where]
    assert scan["keys"][: len(SCANNED_BADGE)] == SCANNED_BADGE, "the scan reached Qt as a scanner sends it"
    assert scan["keys"][-1] == "Return"
    seen = kiosk_run.why("check_out_by_badge", scan)
    assert scan["status"] == "CHECKED_OUT", seen
    assert scan["done"], seen  # the thank-you page
    assert scan["error"] == "" and scan["search"] == "", seen  # no error, no code left in the field


def test_check_out_by_name_takes_the_last_four_tapped_on_the_keypad(kiosk_run: Run) -> None:
    by_name = kiosk_run.scenario("check_out_by_name")
    seen = kiosk_run.why("check_out_by_name", by_name)
    assert by_name["typed"] == "5678", seen  # the keypad's taps reached the digits field
    _x, y, _width, height = by_name["button"]
    assert y + height <= by_name["keyboard"][1], seen  # 签离 above the keypad, not under it
    assert by_name["done"] and by_name["status"] == "CHECKED_OUT" and by_name["said"] == "", seen


def test_pinyin_being_composed_on_the_screen_keyboard_filters_the_hosts(kiosk_run: Run) -> None:
    composed = kiosk_run.scenario("pinyin_host_search")
    assert composed["committed"] == "", "no candidate was picked: w and f are still being composed"
    assert composed["preedit"], "the Pinyin engine composed the taps"
    listed = composed["listed"]
    assert len(listed) == 1 and listed[0].startswith("王芳"), kiosk_run.why("pinyin_host_search", composed)


def test_next_tapped_with_the_keyboard_up_moves_on_every_time(kiosk_run: Run) -> None:
    tries = kiosk_run.scenario("next_tap")["tries"]
    assert [t["moved"] for t in tries] == [True] * 4, kiosk_run.why("next_tap", tries)


def test_an_entry_permit_scanned_at_the_welcome_screen_lets_its_holder_in(kiosk_run: Run) -> None:
    scan = kiosk_run.scenario("permit_scan")
    assert scan["keys"][:4] == ["Shift", "⇧R", "Shift", "⇧Z"], "the scan reached Qt as a scanner sends it"
    seen = kiosk_run.why("permit_scan", scan)
    assert scan["done"] and scan["page"] == "permitEntryPage", seen
    assert "Please go in" in scan["result"] or "请进" in scan["result"], seen


def test_the_guard_signs_in_at_the_keyboard_and_a_scanned_slip_shows_valid(guard_run: Run) -> None:
    scan = guard_run.scenario("guard_scan")
    assert scan["keys"][:4] == ["Shift", "⇧L", "Shift", "⇧K"], "the scan reached Qt as a scanner sends it"
    assert scan["done"] and scan["valid"], guard_run.why("guard_scan", scan)


def test_the_guard_types_the_short_code_printed_under_the_qr(guard_run: Run) -> None:
    typed = guard_run.scenario("guard_typed_code")
    assert typed["done"] and typed["valid"], guard_run.why("guard_typed_code", typed)


def test_the_staff_pin_page_button_is_tapped_with_the_keypad_up(kiosk_run: Run) -> None:
    pin = kiosk_run.scenario("staff_exit_pin")
    seen = kiosk_run.why("staff_exit_pin", pin)
    assert pin["typed"] == "135", seen  # the taps on the on-screen keypad reached the PIN field
    x, y, width, height = pin["button"]
    top_of_keypad = pin["keyboard"][1]
    screen_x, screen_y, screen_width, screen_height = pin["screen"]
    assert y + height <= top_of_keypad, seen  # above the keypad, not under it
    on_screen = screen_x <= x and x + width <= screen_x + screen_width
    assert on_screen and screen_y <= y and y + height <= screen_y + screen_height, seen
    assert pin["refused"] and pin["page"] == "staffExitPage", seen  # the tap reached the button


@pytest.fixture(scope="module")
def desk_run(desk_display: str, tmp_path_factory: pytest.TempPathFactory) -> Run:
    run = Run(run_scenario(desk_display, "desk", tmp_path_factory.mktemp("desk-screens")))
    assert run.report["active"], run.why("start", "the desk window never became the active window")
    return run


def test_the_receptionist_signs_in_at_the_keyboard_onto_the_board(desk_run: Run) -> None:
    signed_in = desk_run.scenario("desk_sign_in")
    seen = desk_run.why("desk_sign_in", signed_in)
    assert signed_in["typed"] == "receptionist" and signed_in["signed_in"], seen
    assert signed_in["role"] == "receptionist" and signed_in["section"] == "lobbyBoardPage", seen


@pytest.mark.parametrize("where", ["board", "messages_form"])
def test_a_scanned_work_order_opens_its_repair_from_any_section(desk_run: Run, where: str) -> None:
    scans = desk_run.scenario("desk_scan_work_order")
    scan = scans[where]
    # LKR:BX...: Shift around each capital and the colon, as the scanner sends them.
    assert scan["keys"][:8] == ["Shift", "⇧L", "Shift", "⇧K", "Shift", "⇧R", "Shift", "⇧:"]
    seen = desk_run.why("desk_scan_work_order", scan)
    assert scan["done"] and scan["section"] == "repairsPage", seen
    assert scan["detail"].startswith(scans["number"]), seen
    # The code typed into the focused field of the section left is taken back out of it.
    assert scan["left_in_field"] == ("" if where == "board" else "王经理"), seen


@pytest.mark.parametrize("what", ["parcel", "umbrella"])
@pytest.mark.parametrize("where", ["board", "borrower_field"])
def test_a_scanned_parcel_label_or_lost_property_tag_opens_its_item(
    desk_run: Run, what: str, where: str
) -> None:
    scans = desk_run.scenario("desk_scan_labels")
    scan = scans[f"{what}/{where}"]
    # LKM:YJ... / LKF:SW...: Shift around each capital and the colon, as the scanner sends them.
    assert scan["keys"][:6] == ["Shift", "⇧L", "Shift", "⇧K", "Shift", "⇧M" if what == "parcel" else "⇧F"]
    seen = desk_run.why("desk_scan_labels", scan)
    page = {"parcel": "mailPage", "umbrella": "lostFoundPage"}[what]
    assert scan["done"] and scan["section"] == page, seen
    assert scans[what] in scan["detail"], seen
    # The code typed into the borrower's field is taken back out of it; the name typed stays.
    assert scan["left_in_field"] == ("" if where == "board" else "陈立"), seen


def test_a_click_on_a_repairs_step_button_records_the_step(desk_run: Run) -> None:
    step = desk_run.scenario("desk_step_click")
    seen = desk_run.why("desk_step_click", step)
    assert step["chosen"], seen  # the click on its row in the list
    assert step["in_view"], seen  # the request's buttons brought into view, not under the fold
    assert step["stepped"] and step["status"] == "on_site", seen


def test_the_new_desk_pages_fit_a_desk_monitor(desk_run: Run) -> None:
    pages = desk_run.scenario("desk_pages")
    shown = [name.split("/")[1] for name in pages if name.startswith("1280x800/")]
    assert {"repairs", "complaints", "messages", "mail", "courier", "key-loans", "lost-found"} <= set(shown)
    cut = {name: seen for name, seen in pages.items() if seen}
    assert not cut, desk_run.why("desk_pages", cut)  # nothing cut off, no list scrolling sideways
