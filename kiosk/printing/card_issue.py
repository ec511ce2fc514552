"""IDC身份校验卡 issue confirmation."""

from __future__ import annotations

from kiosk.domain.documents import CardIssueConfirmation
from kiosk.printing.common import header, pick, signature, stamp
from kiosk.printing.layout import Block, Columns, Cut, Document, Feed, PrinterProfile, Rule, Text

CARD_WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "IDC身份校验卡",
        "subtitle": "发卡确认",
        "number": "卡号",
        "holder": "持卡人",
        "id": "证件号",
        "company": "客户单位",
        "valid": "有效期",
        "areas": "授权区域",
        "clerk": "发卡人",
        "issued": "发卡时间",
        "signature": "持卡人签收",
    },
    "en": {
        "title": "IDC CARD",
        "subtitle": "Issue confirmation",
        "number": "Card No.",
        "holder": "Holder",
        "id": "ID",
        "company": "Customer",
        "valid": "Valid",
        "areas": "Access to",
        "clerk": "Issued by",
        "issued": "Issued at",
        "signature": "Received by holder",
    },
}


def card_issue_document(
    card: CardIssueConfirmation, lang: str, profile: PrinterProfile, copy: bool = False
) -> Document:
    words = pick(CARD_WORDS, lang)
    blocks: list[Block] = [
        *header(card.site_name, words["title"], copy),
        Text(words["subtitle"], align="center", bold=True),
        Columns(words["number"], card.card_number),
        Rule(),
        Columns(words["holder"], card.holder_name),
        Columns(words["id"], card.holder_id_masked),
        Columns(words["company"], card.company),
        Columns(words["valid"], f"{card.valid_from.isoformat()} ~ {card.valid_until.isoformat()}"),
        Columns(words["areas"], card.areas),
        Rule(),
        Columns(words["clerk"], card.clerk),
        Columns(words["issued"], stamp(card.issued_at)),
        *signature(words["signature"]),
        Feed(2),
        Cut(),
    ]
    return Document(tuple(blocks))
