"""Outgoing courier (快递寄发) through the API, as the desk calls it: items logged (a retried submit
stored once), found by a scanned tracking number, handed to the courier in a signed batch, the
month's statement printed at the desk's own printer (decoded from the job) and its workbook
downloaded and read with openpyxl; who may void an item on the courier's bill, who keeps the
companies."""

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
from tests.server.test_stations_api import assert_problem

Make = Callable[..., TestClient]
API = "/api/v1/courier"


def step(desk: TestClient, path: str, body: dict[str, Any] | None = None) -> Any:
    reply = desk.post(path, json=body)
    assert reply.status_code == 200, reply.text
    return reply.json()


def item_body(company_id: int, tracking: str, department: str, cost_fen: int) -> dict[str, Any]:
    return {
        "sender": "王芳",
        "department": department,
        "addressee": "李雷",
        "destination": "上海市浦东新区世纪大道100号",
        "company_id": company_id,
        "tracking_number": tracking,
        "cost_fen": cost_fen,
    }


def test_a_month_logged_handed_over_printed_and_exported(station: Make, context: ServerContext) -> None:
    desk = station(StationRole.DESK, "front-desk", staff=Role.RECEPTIONIST)
    companies = {c["code"]: c["company_id"] for c in desk.get(f"{API}/companies").json()}
    sf = companies["SF"]
    first = desk.post(
        f"{API}/items",
        json=item_body(sf, "SF1234567890", "IDC运维部", 2300),
        headers={"Idempotency-Key": "k1"},
    )
    again = desk.post(
        f"{API}/items",
        json=item_body(sf, "SF1234567890", "IDC运维部", 2300),
        headers={"Idempotency-Key": "k1"},
    )
    assert first.status_code == again.status_code == 200, again.text
    assert first.json()["item_id"] == again.json()["item_id"]
    second = step(desk, f"{API}/items", item_body(sf, "SF1234567891", "财务部", 1550))
    third = step(desk, f"{API}/items", item_body(sf, "SF1234567892", "IDC运维部", 1200))
    # The waybill scanned into the search brings its item up.
    found = desk.get(f"{API}/items", params={"q": "sf 1234 5678 91", "which": "all"}).json()
    assert [i["item_id"] for i in found] == [second["item_id"]]
    ids = [first.json()["item_id"], second["item_id"], third["item_id"]]
    refused = desk.post(f"{API}/batches", json={"item_ids": ids, "courier_name": "刘师傅"})
    assert_problem(refused, 422, "validation", field="signature", reason="required")
    batch = step(desk, f"{API}/batches", {"item_ids": ids, "courier_name": "刘师傅", "confirmed": True})
    assert [i["status"] for i in batch["items"]] == ["handed_over"] * 3
    assert desk.get(f"{API}/batches/{batch['batch_id']}").json()["number"] == batch["number"]

    # The receptionist may not void what is on the courier's bill; a supervisor may.
    refused = desk.post(f"{API}/items/{third['item_id']}/void", json={"reason": "未揽收"})
    assert_problem(refused, 422, "validation", field="staff", reason="not_allowed")
    edit = desk.post(f"{API}/items/{third['item_id']}/edit", json=item_body(sf, "SF1234567892", "财务部", 1))
    assert_problem(edit, 422, "validation", field="courier_item", reason="is_handed_over")
    boss = station(StationRole.DESK, "boss-desk", staff=Role.SUPERVISOR)
    assert step(boss, f"{API}/items/{third['item_id']}/void", {"reason": "未揽收"})["status"] == "voided"

    month = desk.get(f"{API}/statements/2026-11").json()
    [sf_month] = month["statements"]
    assert {(d["department"], d["count"], d["cost_fen"]) for d in sf_month["departments"]} == {
        ("IDC运维部", 1, 2300),
        ("财务部", 1, 1550),
    }
    assert sf_month["voided"] == 1
    printed = step(desk, f"{API}/statements/2026-11/print", {"company_id": sf, "language": "zh_CN"})
    assert printed["printed"] is False and printed["error"] is None  # this desk's own printer prints it
    [job] = desk.post("/api/v1/print-jobs/claim").json()
    assert (job["document"], job["reference"]) == ("courier-statement", "SF 2026-11")
    lines = parse_escpos(
        render_stored(job["document"], job["data"], job["language"], PrinterProfile(58))
    ).text_lines()
    assert any(line.startswith("IDC运维部") and line.endswith("1 / ¥23.00") for line in lines)
    assert any(line.startswith("财务部") and line.endswith("1 / ¥15.50") for line in lines)
    assert any(line.startswith("合计") and line.endswith("2 / ¥38.50") for line in lines)

    reply = desk.post(f"{API}/statements/2026-11/export", json={"language": "en"})
    assert reply.status_code == 200, reply.text
    assert 'filename="courier-statement-2026-11.xlsx"' in reply.headers["content-disposition"]
    book = openpyxl.load_workbook(io.BytesIO(reply.content), read_only=True)
    assert book.sheetnames == ["SF SF Express", "Items"]
    rows = list(book["SF SF Express"].iter_rows(values_only=True))
    assert rows[0] == ("Department", "Items", "Cost (yuan)")
    assert rows[-1] == ("Total", 2, 38.5)
    book.close()
    assert not list(context.core.export_dir.iterdir())  # the server kept no copy


def test_only_supervisors_keep_the_companies_and_guards_see_no_book(station: Make) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    body = {"code": "DBL", "name": "德邦快递", "name_en": "Deppon Express"}
    assert desk.post(f"{API}/companies", json=body).status_code == 403
    boss = station(StationRole.DESK, "boss", staff=Role.SUPERVISOR)
    added = step(boss, f"{API}/companies", body)
    assert step(boss, f"{API}/companies/{added['company_id']}/active", {"active": False})["active"] is False
    assert "DBL" not in [c["code"] for c in desk.get(f"{API}/companies").json()]
    assert "DBL" in [c["code"] for c in desk.get(f"{API}/companies", params={"retired": True}).json()]
    for role in (Role.GUARD, Role.SALES):
        other = station(StationRole.DESK, f"desk-{role.value}", staff=role)
        assert other.get(f"{API}/items").status_code == 403
        assert other.post(f"{API}/statements/2026-11/export", json={}).status_code == 403
    bad = desk.get(f"{API}/statements/2026-13")
    assert_problem(bad, 422, "validation", field="month")
