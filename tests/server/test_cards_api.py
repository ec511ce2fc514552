"""Cards over the API: the station's encoder writes and reads, the server keys, plans and judges.
The site key never leaves the server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from kiosk.app import KioskApp
from kiosk.config import Config
from kiosk.devices.errors import NoCardError
from kiosk.devices.fakes import FakePrinter
from kiosk.domain.cards import CardStatus
from kiosk.domain.credential import CardKind, diversify_keys
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.domain.visit import VisitStatus
from kiosk.server.context import ServerContext
from kiosk.services.cards import SITE_KEY_FILE
from kiosk.services.site_keys import load_or_create_key
from kiosk.station import Enrolment, open_station
from kiosk.storage.models import Visit
from tests.conftest import FixedClock, build_test_app
from tests.ui.test_check_out import on_site

Station = Callable[..., TestClient]
T = TypeVar("T")
UID = "04A1B2C3"
CHIP = {"uid": UID, "technology": "mifare-classic-1k"}
BLANK = {"card": CHIP, "content": {"payload": None}}


@pytest.fixture
def app(config: Config, clock: FixedClock, migrated_database: Path) -> Iterator[KioskApp]:
    built = build_test_app(replace(config, visitor_cards=True), migrated_database, clock=clock)
    yield built
    built.close()


def site_key(app: KioskApp) -> bytes:
    return load_or_create_key(app.site_key_dir / SITE_KEY_FILE)


def card_number(app: KioskApp, visit_id: int) -> str | None:
    with app.database.sessions() as session:
        return session.get_one(Visit, visit_id).card_number


def plan(kiosk: TestClient, visit_id: int, body: dict[str, Any] = BLANK) -> dict[str, Any]:
    reply = kiosk.post(f"/api/v1/visits/{visit_id}/card/plan", json=body)
    assert reply.status_code == 200, reply.text
    answer: dict[str, Any] = reply.json()
    return answer


def test_a_kiosk_gets_key_a_to_read_and_a_plan_with_both_keys_for_one_card(
    app: KioskApp, station: Station
) -> None:
    kiosk = station(StationRole.KIOSK)
    key_a, key_b = diversify_keys(site_key(app), bytes.fromhex(UID))
    keys = kiosk.post("/api/v1/cards/read-keys", json=CHIP).json()
    assert keys == {"key_a": key_a.hex(), "key_b": ""}  # reading needs no write key
    visit_id, _badge = on_site(app, "张三")
    planned = plan(kiosk, visit_id)
    assert planned["keys"] == {"key_a": key_a.hex(), "key_b": key_b.hex()}
    assert planned["label"] == "V000001" and not planned["wipe_first"]
    report = {"read_back": {"payload": planned["payload"]}}
    written = kiosk.post(f"/api/v1/cards/attempts/{planned['attempt_id']}/written", json=report)
    assert written.status_code == 200, written.text
    assert written.json()["label"] == "V000001" and card_number(app, visit_id) == "V000001"
    # The answer was lost; the station reports again and hears the same.
    again = kiosk.post(f"/api/v1/cards/attempts/{planned['attempt_id']}/written", json=report)
    assert again.json() == written.json()
    # Tapped to leave: the station sends what it read, the server decides.
    tap = {"card": CHIP, "content": {"payload": planned["payload"]}}
    left = kiosk.post("/api/v1/cards/check-out", json=tap)
    assert left.status_code == 200, left.text
    assert left.json() == {"label": "V000001", "visit_id": visit_id}
    record = app.cards.record(CardKind.VISITOR, 1)
    assert record is not None and record.status is CardStatus.RETURNED


def test_a_plan_is_reported_only_by_the_station_it_was_given_to(app: KioskApp, station: Station) -> None:
    kiosk, other = station(StationRole.KIOSK), station(StationRole.KIOSK)
    visit_id, _badge = on_site(app, "李雷")
    planned = plan(kiosk, visit_id)
    attempt = planned["attempt_id"]
    stolen = other.post(f"/api/v1/cards/attempts/{attempt}/written", json={"read_back": planned["payload"]})
    assert stolen.status_code == 422  # not even the right shape
    stolen = other.post(
        f"/api/v1/cards/attempts/{attempt}/written", json={"read_back": {"payload": planned["payload"]}}
    )
    assert (stolen.status_code, stolen.json()["reason"]) == (422, "attempt_over")
    failed = kiosk.post(
        f"/api/v1/cards/attempts/{attempt}/failed", json={"error": "CardRemovedError: lifted"}
    )
    assert failed.status_code == 204
    record = app.cards.record(CardKind.VISITOR, 1)
    assert record is not None and record.status is CardStatus.VOID and card_number(app, visit_id) is None


def test_a_card_in_use_is_refused_with_its_verdict(app: KioskApp, station: Station) -> None:
    kiosk = station(StationRole.KIOSK)
    first, _ = on_site(app, "王五")
    planned = plan(kiosk, first)
    kiosk.post(
        f"/api/v1/cards/attempts/{planned['attempt_id']}/written",
        json={"read_back": {"payload": planned["payload"]}},
    )
    second, _ = on_site(app, "赵六")
    refused = kiosk.post(
        f"/api/v1/visits/{second}/card/plan", json={"card": CHIP, "content": {"payload": planned["payload"]}}
    )
    assert refused.status_code == 422
    assert (refused.json()["field"], refused.json()["reason"]) == ("card_on_encoder", "valid")
    odd = kiosk.post("/api/v1/cards/read-keys", json={"uid": "ABC", "technology": "x"})
    assert odd.status_code == 422  # half a byte: refused by the schema, not a 500


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/cards/read-keys", CHIP),
        ("/api/v1/visits/{visit}/card/plan", BLANK),
        ("/api/v1/cards/attempts/1/written", {"read_back": {"payload": None}}),
        ("/api/v1/cards/attempts/1/failed", {"error": "x"}),
        ("/api/v1/cards/check-out", BLANK),
    ],
)
def test_a_guard_screen_may_not_touch_cards(app: KioskApp, station: Station, path: str, body: Any) -> None:
    visit_id, _ = on_site(app, "张三")
    guard = station(StationRole.GUARD, staff=Role.GUARD)
    reply = guard.post(path.format(visit=visit_id), json=body)
    assert (reply.status_code, reply.json()["code"]) == (403, "forbidden")


def test_at_the_desk_a_plan_needs_a_member_who_decides_visits(app: KioskApp, station: Station) -> None:
    visit_id, _ = on_site(app, "张三")
    nobody = station(StationRole.DESK)
    reply = nobody.post(f"/api/v1/visits/{visit_id}/card/plan", json=BLANK)
    assert (reply.status_code, reply.json()["code"]) == (401, "sign_in_required")
    sales = station(StationRole.DESK, staff=Role.SALES)
    reply = sales.post(f"/api/v1/visits/{visit_id}/card/plan", json=BLANK)
    assert (reply.status_code, reply.json()["code"]) == (403, "forbidden")
    # Only the kiosk checks a visitor out by a tapped card.
    reply = station(StationRole.DESK, staff=Role.ADMIN).post("/api/v1/cards/check-out", json=BLANK)
    assert (reply.status_code, reply.json()["code"]) == (403, "forbidden")


def off_gui(work: Callable[[], T]) -> T:
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(work).result(30)


def test_a_key_less_station_writes_a_pn532_card_on_the_wire_as_the_server_plans(
    app: KioskApp, config: Config, server: FastAPI, context: ServerContext, tmp_path: Path
) -> None:
    """The kiosk opens its encoder (`emulated:`: the PN532 driver on the PN532 emulator over a
    pseudo-terminal) without any key; the card is written with keys the server derived, the
    server verifies it, and the tap to leave reads it with key A alone. The station's own folder
    holds no key file afterwards."""
    home = tmp_path / "station-home"
    token = context.stations.ensure_enrolled("kiosk-pty", StationRole.KIOSK, app.actor)
    station_config = replace(config, encoder_url="emulated:?cards=1", data_dir=home)
    http = TestClient(server, raise_server_exceptions=False)
    enrolment = Enrolment("http://testserver", token, "kiosk-pty", "kiosk", None)
    kiosk = off_gui(lambda: open_station(station_config, enrolment, printer=FakePrinter(), http=http))
    try:
        encoder = kiosk.encoder
        assert encoder is not None and encoder.name == "emulated:pn532"
        assert encoder.driver._site_key is None  # type: ignore[attr-defined]
        visit_id, _ = on_site(app, "陈立")
        issued = off_gui(lambda: kiosk.cards.issue_visitor_card(encoder, visit_id, 5))
        assert issued.label == "V000001" and card_number(app, visit_id) == "V000001"
        chip = encoder.emulator.card_on_pad  # type: ignore[attr-defined]
        key_a, key_b = diversify_keys(site_key(app), chip.uid)
        trailer = bytes(chip.blocks[7])
        assert (trailer[:6], trailer[10:]) == (key_a, key_b)  # the card's own keys, never the factory's
        with pytest.raises(NoCardError):  # the new card goes to its visitor, the stack is empty
            off_gui(lambda: encoder.wait_for_card(0.2))
        encoder.emulator.present(chip)  # type: ignore[attr-defined]  # back to leave
        card = off_gui(lambda: encoder.wait_for_card(1))
        left = off_gui(lambda: kiosk.cards.tapped(encoder, card))
        assert left.visit_id == visit_id
        with app.database.sessions() as session:
            assert session.get_one(Visit, visit_id).status is VisitStatus.CHECKED_OUT
    finally:
        kiosk.close()
    written = [p for p in home.rglob("*") if p.is_file()] if home.exists() else []
    assert not [p for p in written if p.suffix == ".key" or p.name == SITE_KEY_FILE], written
