"""Card issues split between the server (keys, numbers, verdicts) and a station's encoder: the
write plan, the station's report, and the attempts that never report."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.interfaces import Card
from kiosk.domain.cards import CARD_ON_ENCODER, CardRead, CardStatus, CardVerdict, WritePlan
from kiosk.domain.credential import CardKind, decode_chip, diversify_keys
from kiosk.domain.errors import ValidationError
from kiosk.services import cards as cards_module
from kiosk.services.audit import Actor
from kiosk.services.cards import SITE_KEY_FILE, CardRefusedError
from kiosk.services.site_keys import load_or_create_key
from kiosk.storage.models import AuditEvent
from tests.conftest import FixedClock

KIOSK = Actor("kiosk", "lobby-1")
CARD = Card(bytes.fromhex("04A1B2C3"), "mifare-classic-1k")
STRIPE = Card(b"", "magstripe")
ME, OTHER = "station:1", "station:2"
BLANK = CardRead()


def site_key(app: KioskApp) -> bytes:
    return load_or_create_key(app.site_key_dir / SITE_KEY_FILE)


def plan(app: KioskApp, card: Card = CARD, content: CardRead = BLANK, owner: str = ME) -> WritePlan:
    now = app.clock.now()
    return app.cards.plan(CardKind.VISITOR, card, content, now, now + timedelta(hours=8), KIOSK, owner=owner)


def status(app: KioskApp, number: int) -> CardStatus:
    record = app.cards.record(CardKind.VISITOR, number)
    assert record is not None
    return record.status


def actions(app: KioskApp) -> list[str]:
    with app.database.sessions() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_read_keys_are_key_a_alone_and_the_plan_carries_this_cards_keys(app: KioskApp) -> None:
    key_a, key_b = diversify_keys(site_key(app), CARD.uid)
    assert app.cards.read_keys(CARD).key_a == key_a and app.cards.read_keys(CARD).key_b == b""
    assert app.cards.read_keys(STRIPE).key_a == b""  # a stripe has no keys
    planned = plan(app)
    assert (planned.keys.key_a, planned.keys.key_b) == (key_a, key_b)
    assert planned.label == "V000001" and not planned.wipe_first
    # The payload is this card's credential, signed with the key the station never sees.
    assert decode_chip(planned.payload, CARD.uid, site_key(app)).card_number == 1
    assert status(app, 1) is CardStatus.ISSUING


def test_a_read_back_that_matches_is_issued_and_a_repeated_report_answers_the_same(app: KioskApp) -> None:
    planned = plan(app)
    issued = app.cards.complete(planned.attempt_id, ME, CardRead(planned.payload), KIOSK)
    assert issued.label == "V000001" and status(app, 1) is CardStatus.ISSUED
    # The answer was lost and the station reports again: the same answer, nothing recorded twice.
    again = app.cards.complete(planned.attempt_id, ME, CardRead(planned.payload), KIOSK)
    assert again == issued and actions(app).count("card.issued") == 1
    # What was written is what a kiosk accepts.
    assert app.cards.judge(CARD, CardRead(planned.payload)).verdict is CardVerdict.VALID


def test_a_read_back_that_differs_is_void(app: KioskApp) -> None:
    planned = plan(app)
    with pytest.raises(ValidationError) as refused:
        app.cards.complete(planned.attempt_id, ME, CardRead(planned.payload[:-1] + b"\x00"), KIOSK)
    assert (refused.value.field, refused.value.code) == (CARD_ON_ENCODER, "not_verified")
    assert status(app, 1) is CardStatus.VOID


def test_a_plan_is_its_stations_and_good_for_one_report(app: KioskApp) -> None:
    planned = plan(app)
    with pytest.raises(ValidationError, match="attempt_over"):
        app.cards.complete(planned.attempt_id, OTHER, CardRead(planned.payload), KIOSK)
    assert status(app, 1) is CardStatus.ISSUING  # another station's report changes nothing
    app.cards.abandon(planned.attempt_id, ME, "CardRemovedError: lifted", KIOSK)
    assert status(app, 1) is CardStatus.VOID
    with pytest.raises(ValidationError, match="attempt_over"):
        app.cards.complete(planned.attempt_id, ME, CardRead(planned.payload), KIOSK)
    assert status(app, 1) is CardStatus.VOID and "card.issue_failed" in actions(app)


def test_a_plan_never_reported_is_voided_and_audited(app: KioskApp, clock: FixedClock) -> None:
    lost = plan(app)  # the station stopped, or its report never arrived
    assert app.cards.void_stale(KIOSK) == []  # still within its time
    clock.advance(seconds=cards_module.ATTEMPT_S + 1)
    assert app.cards.void_stale(KIOSK) == ["V000001"]
    assert status(app, 1) is CardStatus.VOID and "card.issue_abandoned" in actions(app)
    with pytest.raises(ValidationError, match="attempt_over"):
        app.cards.complete(lost.attempt_id, ME, CardRead(lost.payload), KIOSK)
    # A written card whose report was lost is not issued: the kiosk refuses it, the next issue reuses it.
    assert app.cards.judge(CARD, CardRead(lost.payload)).verdict is CardVerdict.NOT_ISSUED
    assert plan(app, content=CardRead(lost.payload)).wipe_first


def test_an_issuing_row_from_before_a_restart_is_voided_by_the_next_plan(
    app: KioskApp, clock: FixedClock
) -> None:
    plan(app)
    app.cards._attempts.clear()  # the server restarted: its attempts were in memory
    clock.advance(seconds=cards_module.ATTEMPT_S + 1)
    plan(app, Card(bytes.fromhex("04D5E6F7"), CARD.technology))
    assert status(app, 1) is CardStatus.VOID and status(app, 2) is CardStatus.ISSUING


def test_a_card_in_use_or_foreign_is_refused_before_a_number_is_taken(app: KioskApp) -> None:
    planned = plan(app)
    app.cards.complete(planned.attempt_id, ME, CardRead(planned.payload), KIOSK)
    for content, verdict in ((CardRead(planned.payload), "valid"), (CardRead(foreign=True), "foreign")):
        with pytest.raises(CardRefusedError) as refused:
            plan(app, content=content)
        assert (refused.value.field, refused.value.code) == (CARD_ON_ENCODER, verdict)
    assert app.cards.record(CardKind.VISITOR, 2) is None
    with pytest.raises(ValidationError, match="card_uid"):
        plan(app, Card(b"\x01\x02", CARD.technology))  # no such UID size


def test_a_stripe_plan_is_the_compact_form_without_keys(app: KioskApp) -> None:
    planned = plan(app, STRIPE)
    assert len(planned.payload) == 15 and planned.keys.key_a == planned.keys.key_b == b""
    app.cards.complete(planned.attempt_id, ME, CardRead(planned.payload), KIOSK)
    assert app.cards.judge(STRIPE, CardRead(planned.payload)).verdict is CardVerdict.VALID
