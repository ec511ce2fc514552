"""The management office's permits on paper: 搬运材料凭据 (materials coming in, shown to the lobby
guard with the goods) and 出入证 (a decoration worker's or a delivery's entry permit, carried by
its holder), each with its QR and its number printed large to type when the scanner fails."""

from __future__ import annotations

from typing import Literal

from kiosk.domain.permit_views import PermitSlip
from kiosk.domain.permits import PermitKind, PermitRoute
from kiosk.printing.common import header, pick, signature, stamp
from kiosk.printing.layout import Block, Columns, Cut, Document, Feed, PrinterProfile, Qr, Rule, Text

PERMIT_WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "material": "搬运材料凭据",
        "decoration": "装修出入证",
        "newspaper": "送报出入证",
        "milk": "送奶出入证",
        "number": "编号",
        "issued": "开具时间",
        "unit": "房号",
        "carrier": "搬运人",
        "holder": "持证人",
        "id": "证件号",
        "company": "单位",
        "material_name": "材料",
        "quantity": "数量",
        "total": "合计件数",
        "route": "搬运方式",
        "goods_lift": "开电梯（货梯）",
        "stairs": "走楼梯",
        "valid": "有效日期",
        "to": "至",
        "note": "备注",
        "clerk": "开具人",
        "office_stamp": "管理处盖章",
        "guard_signature": "护卫员签字",
        "holder_signature": "持证人签字",
        "check_material": "材料进入大堂时请交大堂护卫员核对",
        "check_entry": "请随身携带，进出大堂时出示；过期作废",
    },
    "en": {
        "material": "MATERIAL PERMIT",
        "decoration": "DECORATION WORKER PERMIT",
        "newspaper": "NEWSPAPER DELIVERY PERMIT",
        "milk": "MILK DELIVERY PERMIT",
        "number": "No.",
        "issued": "Issued",
        "unit": "Unit",
        "carrier": "Carried by",
        "holder": "Holder",
        "id": "ID",
        "company": "Company",
        "material_name": "Material",
        "quantity": "Qty",
        "total": "Items in total",
        "route": "Goes up by",
        "goods_lift": "Goods lift",
        "stairs": "Stairs",
        "valid": "Valid",
        "to": "to",
        "note": "Note",
        "clerk": "Issued by",
        "office_stamp": "Management office stamp",
        "guard_signature": "Guard's signature",
        "holder_signature": "Holder's signature",
        "check_material": "Show this permit and the materials to the lobby guard",
        "check_entry": "Carry it and show it in the lobby; void after its last day",
    },
}


def route_word(route: PermitRoute, lang: str) -> str:
    return pick(PERMIT_WORDS, lang)[route.value]


def kind_word(kind: PermitKind, lang: str) -> str:
    return pick(PERMIT_WORDS, lang)[kind.value]


def permit_document(permit: PermitSlip, lang: str, profile: PrinterProfile, copy: bool = False) -> Document:
    words = pick(PERMIT_WORDS, lang)
    material = permit.kind.is_material
    days = f"{permit.valid_from.isoformat()} {words['to']} {permit.valid_until.isoformat()}"
    if permit.valid_from == permit.valid_until:
        days = permit.valid_from.isoformat()
    blocks: list[Block] = [
        *header(permit.site_name, words[permit.kind.value], copy),
        Columns(words["number"], permit.number),
        Columns(words["issued"], stamp(permit.issued_at)),
    ]
    if permit.unit:
        blocks.append(Columns(words["unit"], permit.unit))
    if permit.holder_name:
        blocks.append(Columns(words["carrier" if material else "holder"], permit.holder_name))
    if permit.id_masked:
        blocks.append(Columns(words["id"], permit.id_masked))
    if permit.company:
        blocks.append(Columns(words["company"], permit.company))
    if material:
        blocks += [Rule(), Columns(words["material_name"], words["quantity"]), Rule()]
        blocks += [Columns(m.name, str(m.quantity)) for m in permit.materials]
        blocks += [Rule(), Columns(words["total"], str(sum(m.quantity for m in permit.materials)))]
        if permit.route is not None:
            blocks.append(Columns(words["route"], words[permit.route.value]))
    # The days are what the guard reads first: bold, on a line of their own.
    blocks += [Rule(), Text(words["valid"], bold=True), Text(days, align="center", bold=True)]
    if permit.note:
        blocks.append(Columns(words["note"], permit.note))
    blocks += [
        Columns(words["clerk"], permit.clerk),
        *signature(words["office_stamp"]),
        *signature(words["guard_signature"] if material else words["holder_signature"]),
        Feed(1),
        Qr(permit.code, 6 if profile.paper_width_mm == 80 else 5),
    ]
    # Double size where the paper is wide enough: typed at arm's length when the scanner fails.
    size: Literal[1, 2] = 2 if 2 * len(permit.number) <= profile.columns else 1
    blocks += [
        Text(permit.number, align="center", bold=True, size=size),
        Text(words["check_material" if material else "check_entry"], align="center"),
        Feed(2),
        Cut(),
    ]
    return Document(tuple(blocks))
