"""A brand-new install: an empty database, every window opened, the desk signed in as every role
with every section visited. Nothing may alarm, and nothing may claim a reconciliation, a shift
start or a count that the site's own history does not justify.

Where the console raises alarms: the lobby board's alert line (the pass reconciliation, its open
discrepancies, the handover's open issues), the follow-up tabs (auto check-outs with cards not
returned), the pass page's reconciliation line, red labels and error lines on any page, and the
figures the handover and the payments page start from. Each is read here as the user sees it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp, build_app
from kiosk.config import Config
from kiosk.devices.fakes import FakePrinter, MemoryEncoder
from kiosk.domain.machine_room_pass import ReconciliationDue
from kiosk.domain.staff import Role
from tests.conftest import TEST_HASHER, FixedClock, close_test_app
from tests.ui.conftest import guard_window, open_desk, refresh_board
from tests.ui.test_kiosk_window import find, open_kiosk

# The colours the console paints alarms and warnings in.
ALARM_COLOURS = ("#c62828", "#b71c1c", "#ffcdd2", "#d32f2f")


def alarms(window: QWidget) -> list[str]:
    """Every label on screen painted as an alarm or marked as an error, with its text."""
    return [
        f"{label.objectName()}: {label.text()}"
        for label in window.findChildren(QLabel)
        if label.isVisible()
        and label.text()
        and (any(c in label.styleSheet() for c in ALARM_COLOURS) or label.property("error"))
    ]


def warned_tabs(window: QWidget) -> list[str]:
    return [
        tabs.tabText(i)
        for tabs in window.findChildren(QTabWidget)
        for i in range(tabs.count())
        if "⚠" in tabs.tabText(i)
    ]


# The moment of the first start: a weekday past 09:00 (the reconciliation hour), and the evening
# of the field test (2026-12-01 18:45, a Tuesday).
MOMENTS = {
    "weekday_morning": datetime(2026, 11, 25, 2, 0, tzinfo=UTC),
    "field_test_evening": datetime(2026, 12, 1, 10, 45, tzinfo=UTC),
}


@pytest.fixture(params=sorted(MOMENTS))
def moment(request: pytest.FixtureRequest, clock: FixedClock) -> datetime:
    clock._now = MOMENTS[request.param]
    return clock._now


@pytest.fixture
def configured(
    config: Config, printer: FakePrinter, clock: FixedClock, moment: datetime, tmp_path: Path
) -> Iterator[KioskApp]:
    """A site with its own configuration file (not demo mode): nothing at all in the database."""
    built = build_app(
        replace(config, source=tmp_path / "kiosk.toml"),
        "desk",
        printer=printer,
        encoder=MemoryEncoder(),
        clock=clock,
        password_hasher=TEST_HASHER,  # the database, though, is migrated from nothing, as on site
    )
    assert not built.demo_mode
    yield built
    close_test_app(built)


def _local(app: KioskApp, at: datetime, fmt: str) -> str:
    return at.astimezone(app.site.timezone).strftime(fmt)


def test_a_new_site_raises_no_alarm_in_any_window_as_any_role(
    qtbot: QtBot, configured: KioskApp, moment: datetime
) -> None:
    app = configured
    # The services the alarms come from, before any window asks.
    passes = app.machine_room_passes.board_state()
    assert passes.due is ReconciliationDue.NOTHING and passes.open_discrepancies == 0
    assert app.handover.open_issues() == [] and app.lobby.waiting() == []

    kiosk = open_kiosk(qtbot, app)
    assert alarms(kiosk) == []
    guard = guard_window(app)
    qtbot.addWidget(guard)
    guard.show()
    assert alarms(guard) == []

    sign_in_time = _local(app, moment, "%m-%d %H:%M")
    for role in Role:
        desk = open_desk(qtbot, app, role)
        for section in desk.sections():
            desk.show_section(section)
            qtbot.wait(10)  # what a page loads off the GUI thread on show comes back
            assert alarms(desk) == [], (role, section)
            assert warned_tabs(desk) == [], (role, section)
        assert desk.sections(), role
        if "board" in desk.sections():
            desk.show_section("board")
            refresh_board(qtbot, desk)  # as the server has it now, not a read still under way
            assert not find(desk, QLabel, "boardAlertLabel").isVisible()
            assert find(desk, QLabel, "onSiteCountLabel").text() == "0 on site"
            tabs = find(desk, QTabWidget, "boardFollowUpTabs")
            assert tabs.tabText(0) == "Expected today (0)"
        if "machine_room_passes" in desk.sections():
            desk.show_section("machine_room_passes")
            due_label = find(desk, QLabel, "reconciliationDueLabel")
            qtbot.waitUntil(lambda: bool(due_label.text()))  # noqa: B023 - the server's answer is in
            due = due_label.text()
            assert "DUE" not in due and due.endswith("nothing to reconcile."), due
            assert find(desk, QLabel, "passPoolSummary").text() == "0 in the drawer, 0 out, 0 retired"
        if "payments" in desk.sections():
            desk.show_section("payments")
            # The shift began when this clerk signed in: not a day before the site existed.
            summary = find(desk, QLabel, "paymentSummaryLabel")
            qtbot.waitUntil(lambda: bool(summary.text()))  # noqa: B023 - the server's answer is in
            assert summary.text() == f"My shift since {sign_in_time}: no payments.", summary.text()
        if "handover" in desk.sections():
            desk.show_section("handover")
            # The server's answers are in.
            for name in ("handoverPendingLabel", "handoverPrefillLabel"):
                answer = find(desk, QLabel, name)
                qtbot.waitUntil(lambda: bool(answer.text()))  # noqa: B023 - waited for here
            assert find(desk, QLineEdit, "handoverCashEdit").text() == "0.00"
            for spin in desk.handover.count_spins.values():
                assert spin.value() == 0, spin.objectName()
            prefill = find(desk, QLabel, "handoverPrefillLabel").text()
            assert prefill.startswith("No earlier handover") and "out with visitors" not in prefill
            pending = find(desk, QLabel, "handoverPendingLabel").text()
            assert pending == "No handover is waiting for a signature."
            assert find(desk, QTabWidget, "handoverTabs").tabText(2) == "Open issues (0)"
        desk.close()


def test_demo_mode_alarms_only_for_what_its_own_data_holds(
    qtbot: QtBot, app: KioskApp, moment: datetime
) -> None:
    """Demo mode (no configuration file) as ``kiosk`` builds it: whatever demo data it brings,
    the reconciliation is due only for passes that went out or came back in its period."""
    assert app.demo_mode
    sheet = app.machine_room_passes.reconciliation().sheet
    justified = bool(sheet.issued or sheet.returned)
    desk = open_desk(qtbot, app, Role.SUPERVISOR)
    desk.show_section("board")
    refresh_board(qtbot, desk)  # the alerts come with the server's board read
    alert = find(desk, QLabel, "boardAlertLabel")
    due = "Machine-room pass reconciliation is due (09:00)." in alert.text() and alert.isVisible()
    assert due == (justified and app.machine_room_passes.due_state() is ReconciliationDue.DUE)
    if not justified:
        desk.show_section("machine_room_passes")
        due_label = find(desk, QLabel, "reconciliationDueLabel")
        qtbot.waitUntil(lambda: bool(due_label.text()))  # the server's answer is in
        assert due_label.text().endswith("nothing to reconcile."), due_label.text()
    desk.show_section("payments")
    since = _local(app, moment, "%m-%d %H:%M")
    summary = find(desk, QLabel, "paymentSummaryLabel")
    qtbot.waitUntil(lambda: bool(summary.text()))  # the shift's sums come from the server
    assert summary.text().startswith(f"My shift since {since}")
