"""Lost and found (失物招领) through the API, as the desk calls it: a meeting guest's laptop logged,
its tag printed at the desk (decoded with its QR) and scanned back, handed to its owner against
ID and signature; an umbrella nobody claimed listed after the keep period and disposed of with a
supervisor's PIN; a retried log stored once; the register exported."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import openpyxl
from fastapi.testclient import TestClient

from kiosk.devices.escpos.codec import parse_escpos
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.printing.catalog import render_stored
from kiosk.printing.layout import PrinterProfile
from kiosk.server.context import ServerContext
from kiosk.services.staff import DEMO_PIN
from tests.conftest import FixedClock
from tests.server.test_stations_api import ADMIN, assert_problem

Make = Callable[..., TestClient]
LOST = "/api/v1/lost-found"


def step(desk: TestClient, path: str, body: dict[str, Any] | None = None, **headers: str) -> dict[str, Any]:
    reply = desk.post(path, json=body, headers=headers)
    assert reply.status_code == 200, reply.text
    result: dict[str, Any] = reply.json()
    return result


def laptop() -> dict[str, Any]:
    return {
        "what": "银色笔记本电脑",
        "category": "electronics",
        "found_where": "三楼会议室",
        "found_at": "2026-11-25T09:40:00+08:00",
        "finder": "会务 小周",
        "kept_at": "前台储物柜 2号",
        "source": "meeting",
        "meeting": "华南数据季度会",
        "room": "301",
    }


def test_a_meeting_guests_laptop_is_tagged_scanned_and_claimed(station: Make, context: ServerContext) -> None:
    desk = station(StationRole.DESK, "front-desk", staff=Role.RECEPTIONIST)
    logged = step(desk, LOST, laptop(), **{"Idempotency-Key": "log-1"})
    again = step(desk, LOST, laptop(), **{"Idempotency-Key": "log-1"})
    assert logged == again and logged["number"] == "SW000001", "a retried submit is stored once"
    assert [r["number"] for r in desk.get(LOST, params={"which": "all"}).json()] == ["SW000001"]

    step(desk, f"{LOST}/{logged['item_id']}/tag", {"language": "zh_CN"})
    [job] = desk.post("/api/v1/print-jobs/claim").json()
    assert (job["document"], job["reference"]) == ("lost-item-tag", "SW000001")
    printout = parse_escpos(render_stored(job["document"], job["data"], job["language"], PrinterProfile()))
    assert "会议遗留物品" in printout.text_lines()
    assert any(line.startswith("会议室") and line.endswith("301") for line in printout.text_lines())
    assert printout.qr_codes() == ["LKF:SW000001"]
    assert step(desk, f"{LOST}/find", {"code": printout.qr_codes()[0]})["item_id"] == logged["item_id"]

    claim = {
        "claimant_name": "Emily Carter",
        "id_type": "passport",
        "id_last_four": "５６７８",  # full-width from a Chinese input method
        "signed_name": "emily carter",
        "signature_confirmed": True,
    }
    claimed = step(desk, f"{LOST}/{logged['item_id']}/claim", claim)
    assert (claimed["status"], claimed["claimant_id_type"], claimed["claimant_id_last_four"]) == (
        "claimed",
        "passport",
        "5678",
    )
    refused = desk.post(f"{LOST}/{logged['item_id']}/claim", json=claim)
    assert_problem(refused, 422, "validation", field="lost_item", reason="is_claimed")


def test_an_unclaimed_item_is_disposed_of_with_a_supervisors_pin_and_exported(
    station: Make, context: ServerContext
) -> None:
    desk = station(StationRole.DESK, "front-desk", staff=Role.RECEPTIONIST)
    context.core.staff.add("lingban", "李领班", Role.SUPERVISOR, DEMO_PIN, ADMIN)
    umbrella = {
        **laptop(),
        "what": "黑色雨伞",
        "category": "other",
        "source": "found",
        "meeting": "",
        "room": "",
    }
    item_id = step(desk, LOST, umbrella)["item_id"]
    dispose = {"method": "donated", "note": "", "supervisor": "lingban", "secret": DEMO_PIN}
    refused = desk.post(f"{LOST}/{item_id}/dispose", json=dispose)
    assert_problem(refused, 422, "validation", field="lost_item", reason="not_due")

    clock = context.core.clock
    assert isinstance(clock, FixedClock)
    clock.advance(days=91)
    assert [r["item_id"] for r in desk.get(LOST, params={"which": "unclaimed"}).json()] == [item_id]
    wrong = desk.post(f"{LOST}/{item_id}/dispose", json={**dispose, "secret": "9999"})
    assert_problem(wrong, 422, "validation", field="credentials")
    done = step(desk, f"{LOST}/{item_id}/dispose", dispose)
    assert (done["status"], done["disposal_method"], done["approved_by_name"]) == (
        "disposed",
        "donated",
        "李领班",
    )
    assert desk.get(LOST, params={"which": "unclaimed"}).json() == []

    refused = desk.post(f"{LOST}/export", json={"which": "all"})
    assert_problem(refused, 403, "forbidden")
    boss = station(StationRole.DESK, "office-desk", staff=Role.SUPERVISOR)
    reply = boss.post(
        f"{LOST}/export", json={"which": "disposed", "words": {"donated": "捐赠", "What": "物品"}}
    )
    assert reply.status_code == 200, reply.text
    sheet = openpyxl.load_workbook(io.BytesIO(reply.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][3] == "物品" and rows[1][3] == "黑色雨伞" and "捐赠" in rows[1]
