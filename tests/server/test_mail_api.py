"""Registered mail through the API, as the desk calls it: a parcel logged with its label printed at
the desk (decoded from the printer's bytes, its QR found back), damage signed by the shift leader's
PIN (a wrong one counted), handed out against ID and signature, the loss search with the trail and
the last signer, a return approved by a supervisor, the board's mail for the roles that hand it
out, and the register's export for supervisors."""

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
from tests.server.conftest import ADMIN
from tests.server.test_stations_api import assert_problem

Make = Callable[..., TestClient]
MAIL = "/api/v1/mail"


def step(desk: TestClient, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    reply = desk.post(path, json=body)
    assert reply.status_code == 200, reply.text
    result: dict[str, Any] = reply.json()
    return result


def test_a_parcel_from_the_carrier_to_its_addressee_and_a_loss_report(
    station: Make, context: ServerContext
) -> None:
    desk = station(StationRole.DESK, "front-desk", staff=Role.RECEPTIONIST)
    context.core.staff.add("leader", "李领班", Role.SUPERVISOR, DEMO_PIN, ADMIN)
    logged = step(
        desk,
        MAIL,
        {"kind": "parcel", "carrier": "顺丰", "tracking_number": "sf 1234 5678 90", "addressee": "陈晓明",
         "unit": "2-104", "shelf": "B-3", "language": "en"},
    )  # fmt: skip
    item = logged["item"]
    assert (item["number"], item["tracking_number"], item["status"]) == (
        "YJ000001",
        "SF1234567890",
        "waiting",
    )
    [job] = desk.post("/api/v1/print-jobs/claim").json()
    assert (job["document"], job["reference"]) == ("mail-label", "YJ000001")
    label = parse_escpos(render_stored(job["document"], job["data"], job["language"], PrinterProfile()))
    assert "MAIL LABEL" in label.text_lines() and "陈晓明" in label.text_lines()
    [code] = label.qr_codes()
    assert step(desk, f"{MAIL}/find", {"code": code})["item_id"] == item["item_id"]
    item_id = item["item_id"]

    # The shift leader's PIN: a wrong one is refused and counted; theirs signs the record.
    wrong = desk.post(
        f"{MAIL}/{item_id}/damage",
        json={"what": "外箱破损", "leader_username": "leader", "leader_secret": "0000"},
    )
    assert_problem(wrong, 422, "validation", field="credentials", reason="invalid")
    damaged = step(
        desk,
        f"{MAIL}/{item_id}/damage",
        {"what": "外箱破损", "leader_username": "leader", "leader_secret": DEMO_PIN},
    )
    assert (damaged["damage"], damaged["damage_signed_by"]) == ("外箱破损", "李领班")

    hand_out = {
        "collector": "person",
        "name": "陈晓明",
        "id_type": "resident_id",
        "id_last_four": "002X",
        "signed_name": "陈晓明",
        "signature_confirmed": True,
    }
    unseen = desk.post(f"{MAIL}/{item_id}/hand-out", json=hand_out)
    assert_problem(unseen, 422, "validation", field="damage", reason="not_shown")
    out = step(desk, f"{MAIL}/{item_id}/hand-out", {**hand_out, "damage_shown": True})
    assert (out["status"], out["collector_id_last_four"], out["last_signer"]) == (
        "handed_out",
        "002X",
        "陈晓明",
    )

    # The loss report: by tracking number; the trail, and who signed last.
    [row] = desk.get(MAIL, params={"which": "all", "q": "SF1234567890"}).json()
    trail = desk.get(f"{MAIL}/{row['item_id']}").json()
    assert [(e["kind"], e["signer"]) for e in trail["events"]] == [
        ("received", trail["received_by_name"]),
        ("shelved", ""),
        ("damaged", "李领班"),
        ("handed_out", "陈晓明"),
    ]
    assert trail["last_signer"] == "陈晓明"


def test_a_return_needs_a_supervisor_and_the_board_and_export_follow_the_roles(
    station: Make, context: ServerContext
) -> None:
    desk = station(StationRole.DESK, "front-desk", staff=Role.RECEPTIONIST)
    boss = station(StationRole.DESK, "office", staff=Role.SUPERVISOR)
    guard = station(StationRole.DESK, "lobby", staff=Role.GUARD)
    letter = {"kind": "registered", "carrier": "中国邮政", "tracking_number": "RR1", "addressee": "王五"}
    item_id = step(desk, MAIL, letter)["item"]["item_id"]
    assert_problem(
        desk.post(f"{MAIL}/{item_id}/return", json={"reason": "查无此人"}),
        422,
        "validation",
        field="approver",
        reason="required",
    )
    returned = step(boss, f"{MAIL}/{item_id}/return", {"reason": "查无此人"})
    assert (returned["status"], returned["return_number"]) == ("returned", "TJ000001")
    assert [r["item_number"] for r in desk.get(f"{MAIL}/returns").json()] == ["YJ000001"]

    step(desk, MAIL, {**letter, "tracking_number": "RR2"})
    board = desk.get("/api/v1/board").json()["mail"]
    assert (board["waiting"], [i["number"] for i in board["items"]]) == (1, ["YJ000002"])
    assert guard.get("/api/v1/board").json()["mail"] is None  # guards read no addressees

    assert desk.post(f"{MAIL}/export", json={}).status_code == 403
    exported = boss.post(f"{MAIL}/export", json={"which": "all"})
    assert exported.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(exported.content)).active
    assert sheet is not None
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == ["YJ000001", "YJ000002"]
