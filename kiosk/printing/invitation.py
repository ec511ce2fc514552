"""访客预约凭证: the invitee's code and QR, the host and the time window, in one language."""

from __future__ import annotations

from kiosk.domain.documents import InvitationSlip
from kiosk.printing.common import header, labelled, pick, stamp
from kiosk.printing.layout import Block, Columns, Cut, Document, Feed, PrinterProfile, Qr, Rule, Text

INVITATION_WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "访客预约凭证",
        "visitor": "访客",
        "company": "单位",
        "group": "来访单位",
        "host": "被访人",
        "from": "有效起",
        "until": "有效至",
        "code": "预约码",
        "how": "请在大堂自助终端选择“我有预约”，扫描二维码或输入预约码。",
    },
    "en": {
        "title": "VISITOR INVITATION",
        "visitor": "Visitor",
        "company": "Company",
        "group": "Visiting unit",
        "host": "Host",
        "from": "Valid from",
        "until": "Valid until",
        "code": "Code",
        "how": 'At the lobby kiosk tap "I have an invitation" and scan the QR or type the code.',
    },
}


def invitation_document(
    slip: InvitationSlip, lang: str, profile: PrinterProfile, copy: bool = False
) -> Document:
    words = pick(INVITATION_WORDS, lang)
    blocks: list[Block] = [
        *header(slip.site_name, words["title"], copy),
        Columns(words["visitor"], slip.visitor_name),
    ]
    if slip.company:
        blocks.append(Columns(words["company"], slip.company))
    if slip.group_unit:
        blocks.append(Columns(words["group"], slip.group_unit))
    blocks += [
        Columns(words["host"], slip.host_name),
        Columns(words["from"], stamp(slip.valid_from)),
        Columns(words["until"], stamp(slip.valid_until)),
        Rule(),
        Text(labelled(words["code"], slip.code, lang), align="center", bold=True, size=2),
        Qr(slip.qr, module_size=8 if profile.paper_width_mm == 80 else 6),
        Text(words["how"]),
        Feed(3),
        Cut(),
    ]
    return Document(tuple(blocks))
