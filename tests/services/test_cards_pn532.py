"""End to end through the wire: an IDC card issued, verified, revoked and refused on the PN532
emulator (a real pty, the PN532 frame protocol, Mifare Classic 1K with keys and access bits)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from kiosk.app import KioskApp
from kiosk.devices.errors import CardRemovedError
from kiosk.domain.cards import CardStatus, CardVerdict
from kiosk.domain.credential import CardKind, diversify_keys
from kiosk.domain.idc_cards import ApplicationStatus, RevokeReason
from kiosk.domain.staff import Role
from kiosk.services.audit import Actor
from kiosk.services.cards import SITE_KEY_FILE, CardRefusedError
from kiosk.services.idc_cards import ApplicationInput
from kiosk.services.site_keys import load_or_create_key
from kiosk.services.staff import SignedIn
from tests.services.test_idc_cards import RecordingSink

driver = pytest.importorskip("kiosk.devices.pn532.driver")
from kiosk.devices.pn532.emulator import Pn532Emulator  # noqa: E402 (after the skip)
from kiosk.devices.pn532.mifare import trailer_block  # noqa: E402

SALES = SignedIn(1, "s01", "王销售", Role.SALES)
SUPERVISOR = SignedIn(2, "m01", "李主管", Role.SUPERVISOR)
CLERK = SignedIn(3, "r01", "赵前台", Role.RECEPTIONIST)
KIOSK = Actor("kiosk", "lobby-1")
UID = bytes.fromhex("04A1B2C3")
OTHER_UID = bytes.fromhex("04D5E6F7")


@pytest.fixture
def emulator() -> Iterator[Pn532Emulator]:
    with Pn532Emulator() as running:
        yield running


@pytest.fixture
def on_the_wire(app: KioskApp, emulator: Pn532Emulator) -> Iterator[bytes]:
    """The app's card service on a PN532 driver, with the site key file the app uses."""
    key = load_or_create_key(app.site_key_dir / SITE_KEY_FILE)
    encoder = driver.Pn532Encoder(emulator.path, key, reply_timeout_s=1.0)
    app.cards.encoder = encoder
    app.idc_cards.sinks = [RecordingSink("email")]
    yield key
    encoder.close()


def test_issue_verify_revoke_and_refuse_through_the_pn532(
    app: KioskApp, emulator: Pn532Emulator, on_the_wire: bytes
) -> None:
    now = app.clock.now().replace(minute=0)
    form = ApplicationInput(
        "IDC-2026-0042",
        "星河数据有限公司",
        "陈立",
        "13912345678",
        "resident_id",
        "11010519491231002X",
        "星河函〔2026〕17号",
        now,
        now + timedelta(days=180),
        "A201机房",
    )
    application_id = app.idc_cards.file(form, SALES)
    app.idc_cards.approve(application_id, SUPERVISOR)
    card = emulator.present(UID)
    steps: list[str] = []
    result = app.idc_cards.issue(application_id, CLERK, "zh_CN", timeout_s=5, progress=steps.append)
    assert result.card.uid == "04A1B2C3" and steps[-1] == "recording"
    assert app.idc_cards.application(application_id).status is ApplicationStatus.ISSUED
    # Never the factory key on an issued card: the sector is closed with this card's own keys.
    key_a, key_b = diversify_keys(on_the_wire, UID)
    trailer = bytes(card.blocks[7])
    assert (trailer[:6], trailer[10:]) == (key_a, key_b) and not card.sector_is_factory(1)

    assert app.cards.read_presented(KIOSK, timeout_s=5).verdict is CardVerdict.VALID

    # A cloner who copies sector 1 byte for byte onto another card: no key of ours opens it.
    copy = emulator.new_card(OTHER_UID)
    for block in (4, 5, 6, 7):
        copy.blocks[block][:] = card.blocks[block]
    emulator.present(copy)
    assert app.cards.read_presented(KIOSK, timeout_s=5).verdict is CardVerdict.FOREIGN
    # Even re-keyed for its own UID (as if the site key had leaked), the MAC binds the first UID.
    rekeyed = emulator.new_card(bytes.fromhex("04998877"))
    other_a, other_b = diversify_keys(on_the_wire, rekeyed.uid)
    for block in (4, 5, 6):
        rekeyed.blocks[block][:] = card.blocks[block]
    rekeyed.blocks[7][:] = trailer_block(other_a, bytes(card.blocks[7][6:10]), other_b)
    emulator.present(rekeyed)
    identity = app.cards.read_presented(KIOSK, timeout_s=5)
    assert (identity.verdict, identity.reason) == (CardVerdict.INVALID, "signature")

    app.idc_cards.revoke(application_id, CLERK, RevokeReason.LOST)
    emulator.present(card)
    assert app.cards.read_presented(KIOSK, timeout_s=5).verdict is CardVerdict.REVOKED
    with pytest.raises(CardRefusedError):  # and the encoder will not reissue or wipe it
        app.cards.wipe(Actor("staff", "r01"), timeout_s=5)


def test_a_card_lifted_mid_write_is_void_and_the_next_try_issues(
    app: KioskApp, emulator: Pn532Emulator, on_the_wire: bytes
) -> None:
    now = app.clock.now()
    card = emulator.present(UID)
    emulator.faults.remove_after_writes = 1  # lifted after the first block of the credential
    with pytest.raises(CardRemovedError, match="not issued"):
        app.cards.issue(CardKind.VISITOR, now, now + timedelta(hours=8), KIOSK, timeout_s=5)
    [spent] = app.cards.records(CardKind.VISITOR)
    assert spent.status is CardStatus.VOID  # its number is never used again
    assert card.sector_is_factory(1)  # the trailer was never written: the card is still blank
    emulator.present(card)
    issued = app.cards.issue(CardKind.VISITOR, now, now + timedelta(hours=8), KIOSK, timeout_s=5)
    assert issued.record.status is CardStatus.ISSUED and issued.record.number != spent.number
    assert app.cards.read_presented(KIOSK, timeout_s=5).verdict is CardVerdict.VALID
