"""邮件标签: the label stuck on a registered item or parcel at arrival, with the item's QR (scanned at
the desk to bring it up when its addressee comes to collect), who it is for and where it is kept."""

from __future__ import annotations

from kiosk.domain.mail import DAMAGED_SEAL, MailLabel
from kiosk.printing.common import header, labelled, pick, stamp
from kiosk.printing.layout import Block, Columns, Cut, Document, Feed, PrinterProfile, Qr, Rule, Text

MAIL_LABEL_WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "邮件标签",
        "number": "编号",
        "kind": "种类",
        "registered": "挂号信",
        "parcel": "包裹",
        "parcel_slip": "包裹单",
        "money_order": "汇兑单",
        "carrier": "承运",
        "tracking": "运单号",
        "addressee": "收件人",
        "unit": "房号",
        "company": "单位",
        "received": "签收时间",
        "shelf": "存放",
        "clerk": "签收人",
        "moved_out": "迁出用户 · 存放专柜",
        "damaged": "破损",
        "scan": "凭有效证件领取，前台扫描此码",
    },
    "en": {
        "title": "MAIL LABEL",
        "number": "No.",
        "kind": "Kind",
        "registered": "Registered letter",
        "parcel": "Parcel",
        "parcel_slip": "Parcel slip",
        "money_order": "Money order",
        "carrier": "Carrier",
        "tracking": "Tracking",
        "addressee": "For",
        "unit": "Unit",
        "company": "Company",
        "received": "Received",
        "shelf": "Shelf",
        "clerk": "Signed for by",
        "moved_out": "MOVED OUT · separate shelf",
        "damaged": "Damage",
        "scan": "Collected against ID: scan this code at the desk",
    },
}


def mail_label_document(label: MailLabel, lang: str, profile: PrinterProfile, copy: bool = False) -> Document:
    words = pick(MAIL_LABEL_WORDS, lang)
    blocks: list[Block] = [
        *header(label.site_name, words["title"], copy),
        # Read from across the shelf: whose it is.
        Text(label.addressee, align="center", bold=True, size=2),
    ]
    if label.unit:
        blocks.append(Text(label.unit, align="center", bold=True))
    if label.moved_out:
        blocks.append(Text(f"** {words['moved_out']} **", align="center", bold=True))
    blocks += [
        Rule(),
        Columns(words["number"], label.number),
        Columns(words["kind"], words[label.kind.value]),
        Columns(words["carrier"], label.carrier),
        Columns(words["tracking"], label.tracking_number),
    ]
    if label.company:
        blocks.append(Columns(words["company"], label.company))
    blocks.append(Columns(words["received"], stamp(label.received_at)))
    if label.shelf:
        blocks.append(Columns(words["shelf"], label.shelf))
    blocks.append(Columns(words["clerk"], label.clerk))
    if label.damage:
        blocks += [
            Rule(),
            Text(DAMAGED_SEAL, bold=True),
            Text(labelled(words["damaged"], label.damage, lang)),
        ]
    blocks += [
        Feed(1),
        Qr(label.code, 6 if profile.paper_width_mm == 80 else 5),
        Text(label.number, align="center", bold=True),
        Text(words["scan"], align="center"),
        Feed(2),
        Cut(),
    ]
    return Document(tuple(blocks))
