"""A permit holder (出入证: decoration, newspaper, milk) at the kiosk, tapped and scanned the way
they do: an expired decoration permit refused with the day it expired, a good one let in with its
last day and a line in the visitor record, a permit's QR shown to the welcome screen checked at
once; nothing of the holder shown on the public screen."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.app import KioskApp
from kiosk.domain.permit_views import PermitView
from kiosk.domain.permits import PermitKind
from kiosk.domain.staff import Role
from kiosk.domain.visitor_kinds import ApprovalWay, VisitorKind
from kiosk.services.audit import Actor
from kiosk.services.permits import PermitDraft
from kiosk.ui.kiosk.window import KioskWindow
from tests.conftest import FixedClock
from tests.ui.conftest import type_by_hand, type_text
from tests.ui.test_kiosk_window import current_page, find, open_kiosk, tap

TODAY = date(2026, 11, 25)


def issue(app: KioskApp, kind: PermitKind, days: int, holder: str) -> PermitView:
    app.staff.add("office", "管理处", Role.RECEPTIONIST, "135790", Actor("staff", "admin"))
    office = app.staff.sign_in("office", "135790")
    draft = PermitDraft(
        kind,
        TODAY,
        TODAY + timedelta(days=days - 1),
        unit="2-104",
        holder_name=holder,
        id_number="11010519491231002X",
        company="安居装饰",
    )
    return app.permits.issue(draft, office).permit


def answer(qtbot: QtBot, kiosk: KioskWindow) -> QLabel:
    result = find(kiosk, QLabel, "permitEntryResultLabel")
    qtbot.waitUntil(result.isVisible, timeout=5000)
    return result


def test_an_expired_decoration_permit_is_refused_at_the_kiosk_with_its_expiry_date(
    qtbot: QtBot, app: KioskApp, clock: FixedClock
) -> None:
    permit = issue(app, PermitKind.DECORATION, 1, "李建国")
    clock.advance(days=1)  # the permit's only day is over
    kiosk = open_kiosk(qtbot, app)
    tap(qtbot, kiosk, "welcomeCheckInButton")
    tap(qtbot, kiosk, "visitorTypePermitHolder")
    assert current_page(kiosk) == "permitEntryPage"
    type_text(qtbot, find(kiosk, QLineEdit, "permitEntryCodeEdit"), permit.number.lower())
    tap(qtbot, kiosk, "permitEntryCheckButton")
    result = answer(qtbot, kiosk)
    assert result.text() == (
        f"Permit {permit.number} expired on 2026-11-25: it cannot be accepted. "
        "The management office issues a new one."
    )
    assert not find(kiosk, QPushButton, "permitEntryDoneButton").isVisible()
    assert app.visitor_kinds.recent() == []  # nobody let in

    # Back to the start; the next person finds the page empty.
    tap(qtbot, kiosk, "permitEntryBackButton")
    assert current_page(kiosk) == "welcomePage"
    assert find(kiosk, QLineEdit, "permitEntryCodeEdit").text() == ""


def test_a_valid_permit_scanned_at_the_welcome_screen_lets_its_holder_in_with_its_last_day(
    qtbot: QtBot, app: KioskApp
) -> None:
    permit = issue(app, PermitKind.NEWSPAPER, 3, "邮递员")
    kiosk = open_kiosk(qtbot, app)
    # The scanner types the number and Enter, a few ms apart, into whatever has the focus.
    type_by_hand(kiosk.welcome, permit.number, gap_ms=5, enter=True)
    qtbot.waitUntil(lambda: current_page(kiosk) == "permitEntryPage")
    result = answer(qtbot, kiosk)
    assert result.text() == f"Permit {permit.number} is valid until 2026-11-27. Please go in."
    assert "邮递员" not in result.text()
    [line] = app.visitor_kinds.recent()
    assert (line.kind, line.way, line.reference) == (
        VisitorKind.PERMIT_HOLDER,
        ApprovalWay.PERMIT_CHECK,
        permit.number,
    )
    tap(qtbot, kiosk, "permitEntryDoneButton")
    assert current_page(kiosk) == "welcomePage"
