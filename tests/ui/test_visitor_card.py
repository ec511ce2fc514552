"""Temporary visitor cards at the kiosk: laid on the encoder after the badge, tapped to leave."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.config import Config
from kiosk.devices.absent import NoEncoder
from kiosk.devices.fakes import FakePrinter, MemoryEncoder, VirtualCard
from kiosk.domain.cards import CardStatus
from kiosk.domain.credential import CardKind
from kiosk.domain.staff import Role
from kiosk.domain.visit import Approver, CheckoutMethod, VisitStatus
from kiosk.services import visitor_cards
from kiosk.services.audit import Actor
from kiosk.storage.models import AuditEvent, Visit
from kiosk.ui.kiosk import window as kiosk_window
from kiosk.ui.kiosk.window import KioskWindow
from tests.conftest import FixedClock, build_test_app, close_test_app
from tests.ui.conftest import open_desk, refresh_board
from tests.ui.test_check_out import on_site
from tests.ui.test_kiosk_window import current_page, find, open_kiosk, submit_and_wait, tap, walk_to_review

DESK = Actor.desk("t")


@pytest.fixture
def encoder() -> MemoryEncoder:
    return MemoryEncoder()


@pytest.fixture
def app(
    config: Config, printer: FakePrinter, clock: FixedClock, encoder: MemoryEncoder, migrated_database: Path
) -> Iterator[KioskApp]:
    built = build_test_app(
        replace(config, visitor_cards=True), migrated_database, printer=printer, encoder=encoder, clock=clock
    )
    yield built
    close_test_app(built)


@pytest.fixture(autouse=True)
def short_card_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    # A visitor who lays no card is asked again after the wait; tests need not sit through 30 s.
    monkeypatch.setattr(visitor_cards, "CARD_WAIT_S", 0.3)
    monkeypatch.setattr(kiosk_window, "CARD_WAIT_S", 0.3)


def blank(n: int) -> VirtualCard:
    return VirtualCard(uid=bytes([0x04, 0xA1, 0xB2, n]))


def visit_row(app: KioskApp, visit_id: int) -> Visit:
    with app.database.sessions() as session:
        visit = session.get_one(Visit, visit_id)
        session.expunge(visit)
        return visit


def actions(app: KioskApp) -> list[str]:
    with app.database.sessions() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def approved_at_kiosk(qtbot: QtBot, app: KioskApp, kiosk: KioskWindow, name: str) -> int:
    walk_to_review(qtbot, kiosk, name)
    visit_id = submit_and_wait(qtbot, kiosk)
    app.checkin.approve(visit_id, DESK, Approver.HOST)
    qtbot.waitUntil(lambda: current_page(kiosk) == "cardPage", timeout=5000)
    return visit_id


def close_kiosk(kiosk: KioskWindow) -> None:
    kiosk._may_close = True  # the staff PIN was given (tested elsewhere)
    kiosk.close()


def issued_card(app: KioskApp, encoder: MemoryEncoder, name: str, n: int) -> tuple[int, VirtualCard]:
    visit_id, _badge = on_site(app, name)
    card = blank(n)
    encoder.present(card)
    app.visitor_cards.issue_for_visit(visit_id, DESK)
    encoder.remove()  # the visitor walks off with it
    return visit_id, card


def test_a_card_laid_on_the_reader_is_encoded_and_noted_on_the_visit(
    qtbot: QtBot, app: KioskApp, encoder: MemoryEncoder
) -> None:
    kiosk = open_kiosk(qtbot, app)
    encoder.present(blank(1))
    visit_id = approved_at_kiosk(qtbot, app, kiosk, "张三")
    qtbot.waitUntil(lambda: current_page(kiosk) == "donePage", timeout=5000)
    visit = visit_row(app, visit_id)
    assert visit.card_number == "V000001"
    detail = find(kiosk, QLabel, "doneDetailLabel").text()
    assert "V000001" in detail and "Tap it on the card reader" in detail
    record = app.cards.record(CardKind.VISITOR, 1)
    assert record is not None and record.status is CardStatus.ISSUED
    assert record.uid == blank(1).uid.hex().upper()
    assert "card.issued" in actions(app)
    # The new card still lies on the pad: back on the welcome page it must not check anyone out.
    tap(qtbot, kiosk, "doneFinishButton")
    assert current_page(kiosk) == "welcomePage"
    qtbot.wait(800)
    assert visit_row(app, visit_id).status is VisitStatus.ON_SITE
    close_kiosk(kiosk)


def test_no_card_offers_try_again_and_the_second_try_works(
    qtbot: QtBot, app: KioskApp, encoder: MemoryEncoder
) -> None:
    kiosk = open_kiosk(qtbot, app)
    visit_id = approved_at_kiosk(qtbot, app, kiosk, "李雷")
    error = find(kiosk, QLabel, "cardErrorLabel")
    qtbot.waitUntil(lambda: "No card was found" in error.text(), timeout=5000)
    assert visit_row(app, visit_id).status is VisitStatus.ON_SITE  # the visit never waits on a card
    encoder.present(blank(2))
    tap(qtbot, kiosk, "cardRetryButton")
    qtbot.waitUntil(lambda: current_page(kiosk) == "donePage", timeout=5000)
    assert visit_row(app, visit_id).card_number == "V000001"
    close_kiosk(kiosk)


def test_a_card_lifted_mid_write_is_not_issued_and_the_desk_is_the_way_out(
    qtbot: QtBot, app: KioskApp, encoder: MemoryEncoder
) -> None:
    encoder.present(blank(3))
    encoder.remove_during_write = True
    kiosk = open_kiosk(qtbot, app)
    visit_id = approved_at_kiosk(qtbot, app, kiosk, "王五")
    error = find(kiosk, QLabel, "cardErrorLabel")
    qtbot.waitUntil(lambda: "moved while it was being written" in error.text(), timeout=5000)
    record = app.cards.record(CardKind.VISITOR, 1)
    assert record is not None and record.status is CardStatus.VOID  # the number is spent, never reused
    tap(qtbot, kiosk, "cardDeskButton")
    assert current_page(kiosk) == "donePage"
    assert "collect your visitor card at the front desk" in find(kiosk, QLabel, "doneDetailLabel").text()
    visit = visit_row(app, visit_id)
    assert (visit.status, visit.card_number) == (VisitStatus.ON_SITE, None)
    close_kiosk(kiosk)


def test_a_card_from_another_visit_in_use_is_refused(
    qtbot: QtBot, app: KioskApp, encoder: MemoryEncoder
) -> None:
    other, card = issued_card(app, encoder, "韩梅梅", 4)
    kiosk = open_kiosk(qtbot, app)
    walk_to_review(qtbot, kiosk, "张三")
    visit_id = submit_and_wait(qtbot, kiosk)
    encoder.present(card)  # someone else's card, still in use, picked up by mistake
    app.checkin.approve(visit_id, DESK, Approver.HOST)
    error = find(kiosk, QLabel, "cardErrorLabel")
    qtbot.waitUntil(lambda: "cannot be used" in error.text(), timeout=5000)
    assert "card.refused_issue" in actions(app)
    assert visit_row(app, other).status is VisitStatus.ON_SITE
    close_kiosk(kiosk)


def test_tapping_the_card_on_the_welcome_screen_checks_out_and_returns_it(
    qtbot: QtBot, app: KioskApp, encoder: MemoryEncoder, clock: FixedClock
) -> None:
    visit_id, card = issued_card(app, encoder, "张三", 5)
    clock.advance(hours=12)  # long past valid-until: a visitor card still checks out
    kiosk = open_kiosk(qtbot, app)
    assert kiosk.card_watcher is not None and kiosk.card_watcher.running
    encoder.present(card)
    qtbot.waitUntil(lambda: current_page(kiosk) == "thankYouPage", timeout=5000)
    visit = visit_row(app, visit_id)
    assert (visit.status, visit.checkout_method) == (VisitStatus.CHECKED_OUT, CheckoutMethod.CARD)
    assert visit.card_returned_at is not None
    assert "visitor_card.returned" in actions(app)
    close_kiosk(kiosk)


def test_a_revoked_card_tapped_is_refused_and_checks_nobody_out(
    qtbot: QtBot, app: KioskApp, encoder: MemoryEncoder
) -> None:
    visit_id, card = issued_card(app, encoder, "李雷", 6)
    app.cards.revoke(CardKind.VISITOR, 1, DESK, "reported lost")
    kiosk = open_kiosk(qtbot, app)
    encoder.present(card)
    qtbot.waitUntil(lambda: current_page(kiosk) == "checkOutPage", timeout=5000)
    error = find(kiosk, QLabel, "checkOutError")
    qtbot.waitUntil(lambda: "cannot check you out" in error.text(), timeout=2000)
    assert visit_row(app, visit_id).status is VisitStatus.ON_SITE
    assert "card.refused_check-out" in actions(app)
    close_kiosk(kiosk)


def test_the_returned_card_is_wiped_and_issued_to_the_next_visitor(
    qtbot: QtBot, app: KioskApp, encoder: MemoryEncoder
) -> None:
    first, card = issued_card(app, encoder, "王五", 7)
    encoder.present(card)
    result = app.visitor_cards.check_out_by_card(card.as_card(), DESK)
    assert result.visit_id == first
    record = app.cards.record(CardKind.VISITOR, 1)
    assert record is not None and record.status is CardStatus.RETURNED
    second, _badge = on_site(app, "赵六")
    issued = app.visitor_cards.issue_for_visit(second, DESK)
    assert issued.uid == card.uid.hex().upper() and issued.label == "V000002"


def test_the_board_shows_visitors_without_a_card_and_the_desk_issues_one(
    qtbot: QtBot, app: KioskApp, encoder: MemoryEncoder
) -> None:
    visit_id, _badge = on_site(app, "张三")
    app.cards.encoder = NoEncoder()  # the server opens none: the card is the desk station's to write
    desk = open_desk(qtbot, app, Role.RECEPTIONIST)
    table = find(desk, QTableView, "onSiteTable")
    refresh_board(qtbot, desk)
    card_column = table.model().columnCount() - 1
    qtbot.waitUntil(lambda: table.model().index(0, card_column).data() == "No card", timeout=5000)
    assert table.model().index(0, card_column).data(Qt.ItemDataRole.BackgroundRole) is not None
    encoder.present(blank(9))
    table.selectRow(0)
    tap(qtbot, desk, "issueVisitorCardButton")
    status = find(desk, QLabel, "deskStatusLabel")
    qtbot.waitUntil(lambda: status.text() == "Visitor card V000001 issued.", timeout=5000)
    # The board reads the server again off the GUI thread: the row changes when its answer is in.
    qtbot.waitUntil(lambda: table.model().index(0, card_column).data() == "V000001", timeout=5000)
    assert visit_row(app, visit_id).card_number == "V000001"
    roll_call = app.evacuation.entries(app.lobby.on_site())
    assert roll_call[0].badge_or_card.endswith(" / V000001")
