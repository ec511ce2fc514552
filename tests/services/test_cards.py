"""The card registry over virtual cards: issue, read back, revoke, copies and edits refused."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.devices.errors import CardRemovedError, ForeignCardError, NoCardError
from kiosk.devices.fakes import MemoryEncoder, VirtualCard
from kiosk.devices.interfaces import Card
from kiosk.domain.cards import CardKeys, CardStatus, CardVerdict
from kiosk.domain.credential import CardKind, Credential, encode_chip, encode_compact
from kiosk.services.audit import Actor
from kiosk.services.cards import CardRecordError, CardRefusedError
from kiosk.storage.models import AuditEvent, PhysicalCard
from tests.conftest import FixedClock

CLERK = Actor("staff", "1001")
KIOSK = Actor("kiosk", "lobby-1")
UID_A = bytes.fromhex("04A1B2C3")
UID_B = bytes.fromhex("04D5E6F7")


def encoder_of(app: KioskApp) -> MemoryEncoder:
    assert isinstance(app.encoder, MemoryEncoder)
    return app.encoder


def issue_visitor(app: KioskApp, card: VirtualCard, hours: int = 8) -> int:
    encoder_of(app).present(card)
    now = app.clock.now()
    issued = app.cards.issue(CardKind.VISITOR, now, now + timedelta(hours=hours), CLERK, holder="张三")
    return issued.record.number


def present(app: KioskApp, card: VirtualCard) -> CardVerdict:
    encoder_of(app).present(card)
    return app.cards.read_presented(KIOSK, timeout_s=0.05).verdict


def actions(app: KioskApp) -> list[str]:
    with app.database.sessions() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_issue_read_back_revoke_then_refused(app: KioskApp) -> None:
    card = VirtualCard(UID_A)
    steps: list[str] = []
    encoder_of(app).present(card)
    now = app.clock.now()
    issued = app.cards.issue(
        CardKind.IDC_IDENTITY, now, now + timedelta(days=90), CLERK, progress=steps.append
    )
    assert issued.uid == "04A1B2C3" and issued.label == "IDC000001"
    assert steps == ["waiting", "checking", "writing", "verifying", "recording"]
    assert card.data is not None and len(card.data) == 32

    identity = app.cards.read_presented(KIOSK, timeout_s=0.05)
    assert identity.accepted and identity.credential == issued.credential

    app.cards.revoke(CardKind.IDC_IDENTITY, 1, CLERK, "lost")
    assert app.cards.record(CardKind.IDC_IDENTITY, 1).status is CardStatus.REVOKED  # type: ignore[union-attr]
    assert present(app, card) is CardVerdict.REVOKED
    assert actions(app)[-2:] == ["card.revoked", "card.refused"]
    # The encoder refuses it too: it cannot be reissued nor wiped.
    with pytest.raises(CardRefusedError):
        app.cards.issue(CardKind.IDC_IDENTITY, now, now + timedelta(days=1), CLERK, timeout_s=0.05)
    with pytest.raises(CardRefusedError):
        app.cards.wipe(CLERK, timeout_s=0.05)
    with pytest.raises(CardRecordError):
        app.cards.set_status(CardKind.IDC_IDENTITY, 1, CardStatus.RETURNED, CLERK)  # revoked stays revoked


def test_payload_copied_onto_another_card_is_refused(app: KioskApp) -> None:
    original = VirtualCard(UID_A)
    issue_visitor(app, original)
    clone = VirtualCard(UID_B, data=original.data)
    encoder_of(app).present(clone)
    identity = app.cards.read_presented(KIOSK, timeout_s=0.05)
    assert (identity.verdict, identity.reason) == (CardVerdict.INVALID, "signature")
    assert present(app, original) is CardVerdict.VALID


def test_edited_payload_and_another_sites_key_are_refused(app: KioskApp) -> None:
    card = VirtualCard(UID_A)
    issue_visitor(app, card)
    assert card.data is not None
    edited = bytearray(card.data)
    edited[14] ^= 0x01  # a minute more of validity
    assert present(app, VirtualCard(UID_A, data=bytes(edited))) is CardVerdict.INVALID
    now = app.clock.now()
    forged = Credential(CardKind.VISITOR, 1, app.cards.site_id, now, now + timedelta(hours=1))
    other_key = encode_chip(forged, UID_A, b"k" * 32)
    assert present(app, VirtualCard(UID_A, data=other_key)) is CardVerdict.INVALID


def test_signed_by_us_but_never_recorded_is_not_accepted(app: KioskApp) -> None:
    # A card written with our key whose number the registry never recorded as issued (e.g. the
    # recording failed after the write, or it comes from another database).
    now = app.clock.now()
    credential = Credential(CardKind.VISITOR, 77, app.cards.site_id, now, now + timedelta(hours=1))
    payload = encode_chip(credential, UID_A, app.cards._site_key)
    assert present(app, VirtualCard(UID_A, data=payload)) is CardVerdict.NOT_ISSUED


def test_blank_foreign_expired_and_returned(app: KioskApp, clock: FixedClock) -> None:
    assert present(app, VirtualCard(UID_B)) is CardVerdict.BLANK
    card = VirtualCard(UID_A)
    number = issue_visitor(app, card, hours=1)
    clock.advance(hours=1)
    assert present(app, card) is CardVerdict.EXPIRED  # by its own validity, before any timer ran
    assert [r.label for r in app.cards.expire_due(CLERK)] == ["V000001"]
    assert app.cards.record(CardKind.VISITOR, number).status is CardStatus.EXPIRED  # type: ignore[union-attr]

    returned = VirtualCard(UID_B)
    n2 = issue_visitor(app, returned)
    app.cards.set_status(CardKind.VISITOR, n2, CardStatus.RETURNED, CLERK)
    assert present(app, returned) is CardVerdict.RETURNED

    class ForeignEncoder(MemoryEncoder):
        def read_payload(self, card: Card, keys: CardKeys | None = None) -> bytes | None:
            raise ForeignCardError("no key opens it")

    app.cards.encoder = ForeignEncoder()
    app.cards.encoder.present(VirtualCard(UID_A))
    assert app.cards.read_presented(KIOSK, timeout_s=0.05).verdict is CardVerdict.FOREIGN


def test_issue_refuses_a_card_in_use_and_reuses_a_returned_one(app: KioskApp) -> None:
    card = VirtualCard(UID_A)
    first = issue_visitor(app, card)
    now = app.clock.now()
    with pytest.raises(CardRefusedError) as info:
        app.cards.issue(CardKind.VISITOR, now, now + timedelta(hours=1), CLERK, timeout_s=0.05)
    assert info.value.identity.verdict is CardVerdict.VALID
    app.cards.set_status(CardKind.VISITOR, first, CardStatus.RETURNED, CLERK)
    steps: list[str] = []
    second = app.cards.issue(
        CardKind.VISITOR, now, now + timedelta(hours=1), CLERK, timeout_s=0.05, progress=steps.append
    )
    assert "wiping" in steps and second.record.number == first + 1  # never the same number again
    assert present(app, card) is CardVerdict.VALID


def test_a_failed_write_spends_its_number_and_never_counts(app: KioskApp) -> None:
    encoder = encoder_of(app)
    encoder.remove_during_write = True
    encoder.present(VirtualCard(UID_A))
    now = app.clock.now()
    with pytest.raises(CardRemovedError):
        app.cards.issue(CardKind.VISITOR, now, now + timedelta(hours=1), CLERK, timeout_s=0.05)
    assert app.cards.record(CardKind.VISITOR, 1).status is CardStatus.VOID  # type: ignore[union-attr]
    encoder.remove_during_write = False
    assert issue_visitor(app, VirtualCard(UID_B)) == 2
    assert "card.issue_failed" in actions(app)


def test_wait_can_be_cancelled(app: KioskApp) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(NoCardError):
        app.cards.read_presented(KIOSK, timeout_s=30, cancel=cancel)


def test_wipe_returns_an_issued_card_and_blanks_it(app: KioskApp) -> None:
    card = VirtualCard(UID_A)
    number = issue_visitor(app, card)
    identity = app.cards.wipe(CLERK, timeout_s=0.05)
    assert identity.verdict is CardVerdict.VALID and card.data is None
    assert app.cards.record(CardKind.VISITOR, number).status is CardStatus.RETURNED  # type: ignore[union-attr]
    assert actions(app)[-2:] == ["card.returned", "card.wiped"]


def test_magnetic_stripes_use_the_compact_form(app: KioskApp) -> None:
    stripe = VirtualCard(b"", technology="magstripe")
    number = issue_visitor(app, stripe)
    assert stripe.data is not None and len(stripe.data) == 15
    assert present(app, stripe) is CardVerdict.VALID
    app.cards.revoke(CardKind.VISITOR, number, CLERK)
    # A stripe has no UID: a copy is the card. The registry is what refuses it.
    assert present(app, VirtualCard(b"", data=stripe.data, technology="magstripe")) is CardVerdict.REVOKED
    now = app.clock.now()
    other_site = Credential(
        CardKind.VISITOR, 5, (app.cards.site_id + 1) % 4096, now, now + timedelta(hours=1)
    )
    foreign_site = encode_compact(other_site, app.cards._site_key)
    identity_verdict = present(app, VirtualCard(b"", data=foreign_site, technology="magstripe"))
    assert identity_verdict is CardVerdict.INVALID


def test_registry_rows_keep_uid_and_times(app: KioskApp) -> None:
    issue_visitor(app, VirtualCard(UID_A))
    with app.database.sessions() as session:
        row = session.scalars(select(PhysicalCard)).one()
    assert (row.uid, row.status, row.holder, row.issued_at) == (
        "04A1B2C3",
        CardStatus.ISSUED,
        "张三",
        app.clock.now(),
    )
