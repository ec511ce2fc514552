"""IDC identity-verification cards at the console, driven as sales, a supervisor and the desk would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.absent import NoEncoder
from kiosk.devices.fakes import FakePrinter, MemoryEncoder, VirtualCard
from kiosk.domain.cards import CardVerdict
from kiosk.domain.idc_cards import ApplicationStatus, DeliveryStatus, RevokeReason
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.storage.models import AuditEvent
from kiosk.ui.console.desk_window import DeskWindow
from tests.conftest import FixedClock
from tests.services.test_idc_cards import RecordingSink
from tests.ui.conftest import STAFF_PIN, open_desk, server_round, type_text
from tests.ui.test_kiosk_window import find, tap

ID = "11010519491231002X"
UID = bytes.fromhex("04A1B2C3")


@pytest.fixture
def sink(app: KioskApp) -> RecordingSink:
    recording = RecordingSink("email")
    app.idc_cards.sinks = [recording]
    return recording


def encoder(app: KioskApp) -> MemoryEncoder:
    assert isinstance(app.encoder, MemoryEncoder)
    return app.encoder


def file_as_sales(qtbot: QtBot, app: KioskApp, form_number: str = "IDC-2026-0042") -> DeskWindow:
    desk = open_desk(qtbot, app, Role.SALES, station="sales-office")  # another PC than the desk's
    assert "idc_cards" not in desk.sections()
    desk.show_section("idc_applications")
    type_text(qtbot, find(desk, QLineEdit, "idcFormNumberEdit"), form_number)
    type_text(qtbot, find(desk, QLineEdit, "idcCompanyEdit"), "星河数据有限公司")
    type_text(qtbot, find(desk, QLineEdit, "idcHolderEdit"), "陈立")
    type_text(qtbot, find(desk, QLineEdit, "idcMobileEdit"), "13912345678")
    type_text(qtbot, find(desk, QLineEdit, "idcIdEdit"), ID)
    type_text(qtbot, find(desk, QLineEdit, "idcLetterEdit"), "星河函〔2026〕17号")
    areas = find(desk, QPlainTextEdit, "idcAreasEdit")
    type_text(qtbot, areas, "A201机房")
    qtbot.keyClick(areas, Qt.Key.Key_Return)
    type_text(qtbot, areas, "B3-cage 12")
    file_and_wait(qtbot, desk)
    return desk


def file_and_wait(qtbot: QtBot, desk: DeskWindow) -> None:
    """Press "File the application" and wait for the server's answer, as the clerk does."""
    status = find(desk, QLabel, "idcApplicationStatus")
    status.clear()
    tap(qtbot, desk, "idcFileButton")
    qtbot.waitUntil(lambda: bool(status.text()) and desk.idc_applications.file_button.isEnabled())


def wait_status(qtbot: QtBot, desk: DeskWindow, check: object) -> str:
    """The card page's result line once it says what ``check`` (a text, or a test) expects."""
    status = find(desk, QLabel, "idcStatus")
    test = check if callable(check) else (lambda text: text == check)
    qtbot.waitUntil(lambda: test(status.text()))
    return status.text()


def listed(desk: DeskWindow) -> list[str]:
    model = find(desk, QTableView, "idcCardTable").model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def select_form(qtbot: QtBot, desk: DeskWindow, form_number: str) -> None:
    """Select the application once the list read from the server shows it."""
    table = find(desk, QTableView, "idcCardTable")
    qtbot.waitUntil(lambda: form_number in listed(desk))
    table.selectRow(listed(desk).index(form_number))


def approve_as_supervisor(qtbot: QtBot, app: KioskApp, form_number: str = "IDC-2026-0042") -> None:
    desk = open_desk(qtbot, app, Role.SUPERVISOR)
    desk.show_section("idc_cards")
    select_form(qtbot, desk, form_number)
    type_text(qtbot, find(desk, QLineEdit, "idcNoteEdit"), "letter checked")
    tap(qtbot, desk, "idcApproveButton")
    wait_status(qtbot, desk, f"Application {form_number} approved.")


def issue_at_desk(
    qtbot: QtBot, app: KioskApp, card: VirtualCard, form_number: str = "IDC-2026-0042"
) -> DeskWindow:
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("idc_cards")
    select_form(qtbot, desk, form_number)
    qtbot.waitUntil(desk.idc_cards.issue_button.isEnabled)
    encoder(app).present(card)
    with qtbot.waitSignal(desk.idc_cards.refreshed, timeout=10000):  # and the list read again
        tap(qtbot, desk, "idcIssueButton")
        qtbot.waitUntil(lambda: not desk.idc_cards.busy, timeout=10000)
    return desk


def audit_trail(app: KioskApp) -> list[tuple[str, str]]:
    with app.database.sessions() as session:
        return [(e.actor, e.action) for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_filed_approved_issued_uploaded_and_revoked(
    qtbot: QtBot, app: KioskApp, sink: RecordingSink, printer: FakePrinter
) -> None:
    sales = file_as_sales(qtbot, app)
    assert find(sales, QLabel, "idcApplicationStatus").text().startswith("Application IDC-2026-0042 filed")
    mine = find(sales, QTableView, "idcMyApplicationsTable").model()
    qtbot.waitUntil(lambda: mine.rowCount() == 1)
    assert mine.index(0, 3).data() == "**************002X"
    approve_as_supervisor(qtbot, app)

    card = VirtualCard(UID)
    desk = issue_at_desk(qtbot, app, card)
    status = find(desk, QLabel, "idcStatus").text()
    assert status.startswith("Card IDC000001 issued and verified (UID 04A1B2C3).")
    assert card.data is not None
    printed = printer.documents[-1].decode("gb18030", errors="replace")
    assert "IDC000001" in printed and ID not in printed
    table = find(desk, QTableView, "idcCardTable")
    # The lists are read again from the server after the card is written, off the GUI thread.
    qtbot.waitUntil(lambda: table.model().index(0, 4).data() == "IDC000001")
    assert table.model().index(0, 5).data() == "Issued"
    deliveries = find(desk, QTableView, "idcDeliveryTable").model()
    delivered = ["IDC000001", "E-mail to 系统部", "Issued", "Acknowledged"]
    qtbot.waitUntil(lambda: [deliveries.index(0, c).data() for c in (0, 1, 2, 3)] == delivered)
    history = find(desk, QTableView, "idcHistoryTable").model()
    select_form(qtbot, desk, "IDC-2026-0042")
    qtbot.waitUntil(lambda: history.rowCount() == 6)
    assert [history.index(r, 2).data() for r in range(history.rowCount())] == [
        "Application filed",
        "Approved",
        "Encoding started",
        "Card written and verified",
        "Card issued",
        "Uploaded to access control",
    ]

    qtbot.waitUntil(desk.idc_cards.revoke_button.isEnabled)
    find(desk, QComboBox, "idcRevokeReasonCombo").setCurrentIndex(1)  # card lost
    type_text(qtbot, find(desk, QLineEdit, "idcNoteEdit"), "lost on 2026-11-24")
    with qtbot.waitSignal(desk.idc_cards.refreshed, timeout=5000):
        tap(qtbot, desk, "idcRevokeButton")
        wait_status(qtbot, desk, lambda text: text.startswith("Card IDC000001 revoked"))
    assert [(m.event, m.reason) for m in sink.messages] == [("issued", ""), ("revoked", "lost")]
    qtbot.waitUntil(lambda: table.model().index(0, 5).data() == "Revoked")

    # The revoked card presented at the kiosk's reader: recognised and refused.
    encoder(app).present(card)
    assert app.cards.read_presented(Actor("kiosk", "lobby-1"), timeout_s=0.05).verdict is CardVerdict.REVOKED
    trail = audit_trail(app)
    for entry in [
        ("staff:sales", "idc.filed"),
        ("staff:supervisor", "idc.approved"),
        ("staff:receptionist", "card.issued"),
        ("staff:receptionist", "idc.issued"),
        ("staff:receptionist", "idc.revoked"),
        ("staff:receptionist", "card.revoked"),
        ("kiosk:lobby-1", "card.refused"),
    ]:
        assert entry in trail


def test_the_card_is_written_on_the_desk_s_own_encoder_with_the_server_s_plan(
    qtbot: QtBot, app: KioskApp, sink: RecordingSink, printer: FakePrinter
) -> None:
    app.cards.encoder = NoEncoder()  # as the site server is built: it opens no encoder
    file_as_sales(qtbot, app)
    approve_as_supervisor(qtbot, app)
    card = VirtualCard(UID)
    desk = issue_at_desk(qtbot, app, card)  # the desk station's encoder (the tests' MemoryEncoder)
    wait_status(qtbot, desk, lambda text: text.startswith("Card IDC000001 issued and verified"))
    assert desk.idc_cards.status.text().endswith("The issue confirmation is printing.")
    assert "IDC000001" in printer.documents[-1].decode("gb18030", errors="replace")
    assert app.idc_cards.applications()[0].status is ApplicationStatus.ISSUED


def test_the_revoked_card_is_refused_at_the_encoder(qtbot: QtBot, app: KioskApp, sink: RecordingSink) -> None:
    file_as_sales(qtbot, app)
    approve_as_supervisor(qtbot, app)
    card = VirtualCard(UID)
    issue_at_desk(qtbot, app, card)
    application_id = app.idc_cards.applications()[0].application_id
    app.idc_cards.revoke(application_id, app.staff.sign_in("receptionist", STAFF_PIN), RevokeReason.NOTICE)
    file_as_sales(qtbot, app, "IDC-2026-0043")
    approve_as_supervisor(qtbot, app, "IDC-2026-0043")
    desk = issue_at_desk(qtbot, app, card, "IDC-2026-0043")  # the clerk takes the revoked card
    wait_status(qtbot, desk, "This card is revoked and can never be used again. Keep it aside.")
    assert app.idc_cards.applications(search="IDC-2026-0043")[0].status is ApplicationStatus.APPROVED
    assert ("staff:receptionist", "card.refused_issue") in audit_trail(app)


def test_wrong_roles_are_refused(qtbot: QtBot, app: KioskApp) -> None:
    guard = open_desk(qtbot, app, Role.GUARD)
    assert not {"idc_cards", "idc_applications"} & set(guard.sections())
    file_as_sales(qtbot, app)
    clerk = open_desk(qtbot, app, Role.RECEPTIONIST)
    assert "idc_applications" not in clerk.sections()
    clerk.show_section("idc_cards")
    select_form(qtbot, clerk, "IDC-2026-0042")
    approve = clerk.idc_cards.approve_button
    assert not approve.isVisible()  # a receptionist does not approve
    clerk.idc_cards.approve()  # even if the page were driven around the hidden button
    assert find(clerk, QLabel, "idcStatus").text() == "Your role may not do this."
    assert not clerk.idc_cards.issue_button.isEnabled()  # not approved yet
    assert app.idc_cards.applications()[0].status is ApplicationStatus.FILED

    # Whoever filed may not approve their own application, even as an admin.
    app.staff.add("s-admin", "Sam", Role.ADMIN, STAFF_PIN, Actor("staff", "admin"))
    admin = open_desk(qtbot, app, Role.ADMIN, "s-admin")
    admin.show_section("idc_applications")
    page = admin.idc_applications
    for name, text in (
        ("idcFormNumberEdit", "F-9"),
        ("idcCompanyEdit", "蓝海云"),
        ("idcHolderEdit", "林夕"),
        ("idcMobileEdit", "13800138000"),
        ("idcIdEdit", ID),
        ("idcLetterEdit", "L-1"),
    ):
        type_text(qtbot, find(admin, QLineEdit, name), text)
    type_text(qtbot, page.areas_edit, "C1")
    file_and_wait(qtbot, admin)
    admin.show_section("idc_cards")
    select_form(qtbot, admin, "F-9")
    tap(qtbot, admin, "idcApproveButton")
    wait_status(qtbot, admin, "You filed this application: another supervisor must decide it.")
    assert ("staff:s-admin", "idc.decision_refused") in audit_trail(app)


def test_a_bad_form_is_explained(qtbot: QtBot, app: KioskApp) -> None:
    desk = open_desk(qtbot, app, Role.SALES)
    desk.show_section("idc_applications")
    file_and_wait(qtbot, desk)
    status = find(desk, QLabel, "idcApplicationStatus")
    assert status.text() == "Please enter the application form number."
    type_text(qtbot, find(desk, QLineEdit, "idcFormNumberEdit"), "F-1")
    type_text(qtbot, find(desk, QLineEdit, "idcCompanyEdit"), "星河")
    type_text(qtbot, find(desk, QLineEdit, "idcHolderEdit"), "陈立")
    type_text(qtbot, find(desk, QLineEdit, "idcMobileEdit"), "13912345678")
    type_text(qtbot, find(desk, QLineEdit, "idcIdEdit"), "110105194912310021")
    file_and_wait(qtbot, desk)
    assert "does not add up" in status.text()
    assert app.idc_cards.applications() == []


def test_waiting_for_a_card_can_be_cancelled(qtbot: QtBot, app: KioskApp, sink: RecordingSink) -> None:
    file_as_sales(qtbot, app)
    approve_as_supervisor(qtbot, app)
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    desk.show_section("idc_cards")
    select_form(qtbot, desk, "IDC-2026-0042")
    qtbot.waitUntil(desk.idc_cards.issue_button.isEnabled)
    tap(qtbot, desk, "idcIssueButton")  # no card on the encoder
    status = find(desk, QLabel, "idcStatus")
    assert status.text() == "Place a blank card on the encoder…"
    assert desk.idc_cards.progress.isVisible() and not desk.idc_cards.issue_button.isEnabled()
    tap(qtbot, desk, "idcCancelIssueButton")
    qtbot.waitUntil(lambda: status.text() == "Cancelled: no card was written.")
    assert app.idc_cards.applications()[0].status is ApplicationStatus.APPROVED
    qtbot.waitUntil(desk.idc_cards.issue_button.isEnabled)
    assert not any(action == "card.issued" for _, action in audit_trail(app))


def test_failed_uploads_are_shown_and_sent_again(
    qtbot: QtBot, app: KioskApp, sink: RecordingSink, clock: FixedClock
) -> None:
    sink.failing = True
    file_as_sales(qtbot, app)
    approve_as_supervisor(qtbot, app)
    desk = issue_at_desk(qtbot, app, VirtualCard(UID))
    deliveries = find(desk, QTableView, "idcDeliveryTable")
    # The upload's failure is recorded after the card is: the list shows it once the server has.
    qtbot.waitUntil(lambda: "access control is down" in (deliveries.model().index(0, 6).data() or ""))
    assert deliveries.model().index(0, 3).data() == "Pending"
    sink.failing = False
    deliveries.selectRow(0)
    desk.idc_cards.tabs.setCurrentIndex(1)
    tap(qtbot, desk, "idcSendNowButton")
    wait_status(qtbot, desk, "Upload acknowledged.")
    qtbot.waitUntil(lambda: deliveries.model().index(0, 3).data() == "Acknowledged")
    assert [d.status for d in app.idc_cards.deliveries()] == [DeliveryStatus.ACKNOWLEDGED]


def test_list_filters_and_the_expiry_timer(
    qtbot: QtBot, app: KioskApp, sink: RecordingSink, clock: FixedClock
) -> None:
    file_as_sales(qtbot, app)
    approve_as_supervisor(qtbot, app)
    desk = issue_at_desk(qtbot, app, VirtualCard(UID))
    file_as_sales(qtbot, app, "IDC-2026-0050")
    # Filed at another console: the server's "cards" event brings it onto this desk's list.
    qtbot.waitUntil(lambda: len(listed(desk)) == 2)
    type_text(qtbot, find(desk, QLineEdit, "idcSearchEdit"), "IDC000001")
    qtbot.waitUntil(lambda: listed(desk) == ["IDC-2026-0042"])
    find(desk, QLineEdit, "idcSearchEdit").clear()
    statuses = find(desk, QComboBox, "idcStatusFilter")
    statuses.setCurrentIndex(statuses.findText("Waiting for approval"))
    qtbot.waitUntil(lambda: listed(desk) == ["IDC-2026-0050"])
    statuses.setCurrentIndex(0)
    expiring = find(desk, QCheckBox, "idcExpiringCheck")
    expiring.setChecked(True)
    qtbot.waitUntil(lambda: listed(desk) == [])  # a year ahead
    clock.advance(days=340)
    desk.idc_cards.refresh()
    qtbot.waitUntil(lambda: listed(desk) == ["IDC-2026-0042"])
    clock.advance(days=30)
    # The server's own round (no desk timer): expired, then uploaded; the desk hears "cards".
    server_round(app)
    assert len(sink.messages) == 2
    assert app.idc_cards.applications(search="IDC000001")[0].status is ApplicationStatus.EXPIRED
    assert sink.messages[-1].reason == "expired"
    qtbot.waitUntil(lambda: listed(desk) == [])  # no longer issued, so no longer "expiring"
    expiring.setChecked(False)
    companies = find(desk, QComboBox, "idcCompanyFilter")
    qtbot.waitUntil(lambda: companies.findData("星河数据有限公司") >= 0)
    companies.setCurrentIndex(companies.findData("星河数据有限公司"))
    qtbot.waitUntil(lambda: len(listed(desk)) == 2)
    assert ("server:housekeeping", "idc.expired") in audit_trail(app)


def test_the_card_list_loads_when_shown_and_says_so_meanwhile(
    qtbot: QtBot, app: KioskApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    desk = open_desk(qtbot, app, Role.RECEPTIONIST)  # the list is read at sign-in: empty
    file_as_sales(qtbot, app)  # at another console, meanwhile
    # The database answers slowly: the query runs off the GUI thread until let go.
    answer = threading.Event()
    slow = app.idc_cards.applications

    def applications(**filters: object) -> object:
        answer.wait(10)
        return slow(**filters)  # type: ignore[arg-type]

    monkeypatch.setattr(app.idc_cards, "applications", applications)
    desk.show_section("idc_cards")
    loading = find(desk, QLabel, "idcLoadingLabel")
    table = find(desk, QTableView, "idcCardTable")
    assert loading.isVisible() and loading.text() == "Loading the card list…"
    answer.set()
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=5000)
    assert table.model().index(0, 0).data() == "IDC-2026-0042"
    assert not loading.isVisible()
