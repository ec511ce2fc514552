"""物品放行条: the slip the holder shows, and the guard copy torn off at the cut."""

from __future__ import annotations

from typing import Literal

from kiosk.domain.documents import PartyKind, ReleaseSlip
from kiosk.domain.money import format_yuan
from kiosk.domain.release_slip import short_code_of
from kiosk.printing.common import header, pick, signature, stamp
from kiosk.printing.layout import Block, Columns, Cut, Document, Feed, PrinterProfile, Qr, Rule, Text

SLIP_WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "物品放行条",
        "guard_copy": "保安联（交大堂护卫员）",
        "number": "编号",
        "date": "日期",
        "owner": "业主",
        "tenant": "租户",
        "unit": "房号",
        "id": "证件号",
        "item": "物品",
        "quantity": "数量",
        "total": "合计件数",
        "confirmed": "确认",
        "owner_consent": "业主电话同意",
        "override": "欠费放行批准",
        "reminder": "提醒：尚欠管理费 {months} 个月，共 ¥{amount}，请尽快交清",
        "no_fee_record": "管理费：无缴费记录",
        "clerk": "经办人",
        "holder_signature": "放行人签字",
        "guard_signature": "护卫员签字",
        "check": "出门时请交大堂护卫员核对物品",
    },
    "en": {
        "title": "RELEASE SLIP",
        "guard_copy": "GUARD COPY (hand to the lobby guard)",
        "number": "No.",
        "date": "Date",
        "owner": "Owner",
        "tenant": "Tenant",
        "unit": "Unit",
        "id": "ID",
        "item": "Item",
        "quantity": "Qty",
        "total": "Items in total",
        "confirmed": "Confirmed",
        "owner_consent": "Owner consented by phone",
        "override": "Arrears override",
        "reminder": "Reminder: {months} month(s) of management fees outstanding, ¥{amount}",
        "no_fee_record": "Management fees: no record",
        "clerk": "Issued by",
        "holder_signature": "Holder's signature",
        "guard_signature": "Guard's signature",
        "check": "Show this slip and the goods to the lobby guard",
    },
}


def release_slip_document(
    slip: ReleaseSlip, lang: str, profile: PrinterProfile, copy: bool = False
) -> Document:
    words = pick(SLIP_WORDS, lang)
    party = words["owner"] if slip.party_kind is PartyKind.OWNER else words["tenant"]
    qr_size = 6 if profile.paper_width_mm == 80 else 5
    # The code a guard types when the scanner fails, right where the placeholder says it is;
    # double size where the paper is wide enough, to be read at arm's length without a slip.
    short_code = short_code_of(slip.slip_code)
    short_size: Literal[1, 2] = 2 if 2 * len(short_code) <= profile.columns else 1
    under_qr: list[Block] = [Qr(slip.slip_code, qr_size), Text(short_code, "center", True, short_size)]
    items: list[Block] = [Columns(words["item"], words["quantity"]), Rule()]
    items += [Columns(item.name, str(item.quantity)) for item in slip.items]
    items += [Rule(), Columns(words["total"], str(sum(item.quantity for item in slip.items)))]
    confirmation = words["confirmed"] if slip.party_kind is PartyKind.OWNER else words["owner_consent"]
    notes: list[Block] = []
    if slip.override_by:
        notes.append(Columns(words["override"], slip.override_by))
    if not slip.fees_known:
        notes.append(Text(words["no_fee_record"]))
    if slip.arrears_months:
        reminder = words["reminder"].replace("{months}", str(slip.arrears_months))
        notes.append(Text(reminder.replace("{amount}", format_yuan(slip.arrears_fen))))
    holder_part: list[Block] = [
        *header(slip.site_name, words["title"], copy),
        Columns(words["number"], slip.slip_number),
        Columns(words["date"], stamp(slip.issued_at)),
        Columns(party, slip.holder_name),
        Columns(words["unit"], slip.unit),
        Columns(words["id"], slip.id_masked),
        Rule(),
        *items,
        Columns(confirmation, slip.confirmed_by),
        *notes,
        Columns(words["clerk"], slip.clerk),
        *signature(words["holder_signature"]),
        Feed(1),
        *under_qr,
        Text(words["check"], align="center"),
        Feed(2),
        Cut(),
    ]
    guard_part: list[Block] = [
        Text(f"{words['title']} · {words['guard_copy']}", align="center", bold=True),
        Columns(words["number"], slip.slip_number),
        Columns(words["unit"], f"{slip.unit} {slip.holder_name}"),
        *items,
        Columns(words["clerk"], slip.clerk),
        *signature(words["guard_signature"]),
        Feed(1),
        *under_qr,
        Feed(2),
        Cut(),
    ]
    return Document(tuple(holder_part + guard_part))
