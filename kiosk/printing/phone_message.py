"""电话留言单: a message printed for the person it is for (left in their pigeonhole or on their desk)."""

from __future__ import annotations

from typing import Literal

from kiosk.domain.phone_messages import CallerRequest, MessageSource, PhoneMessageSlip
from kiosk.domain.text import display_width
from kiosk.printing.common import header, pick, stamp
from kiosk.printing.layout import Block, Columns, Cut, Document, Feed, PrinterProfile, Rule, Text

MESSAGE_WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "电话留言单",
        "title_counter": "代客留言单",
        "number": "编号",
        "for": "受话人",
        "caller": "来电人",
        "visitor": "来访人",
        "company": "单位",
        "phone": "电话",
        "extension": "分机",
        "city": "城市",
        "time": "来电时间",
        "time_left": "留言时间",
        "message": "留言内容",
        "call_back": "请回电",
        "will_call_again": "对方会再来电",
        "none": "仅转告",
        "recorded_by": "记录人",
        "kiosk": "大堂自助终端",
    },
    "en": {
        "title": "PHONE MESSAGE",
        "title_counter": "MESSAGE FOR YOU",
        "number": "No.",
        "for": "For",
        "caller": "Caller",
        "visitor": "Visitor",
        "company": "Company",
        "phone": "Phone",
        "extension": "Ext.",
        "city": "City",
        "time": "Called at",
        "time_left": "Left at",
        "message": "Message",
        "call_back": "Please call back",
        "will_call_again": "Will call again",
        "none": "For your information",
        "recorded_by": "Taken by",
        "kiosk": "Lobby kiosk",
    },
}


def phone_message_document(
    slip: PhoneMessageSlip, lang: str, profile: PrinterProfile, copy: bool = False
) -> Document:
    words = pick(MESSAGE_WORDS, lang)
    called = slip.source is MessageSource.PHONE
    # Whom it is for, large enough to read across the desk when the paper has room.
    size: Literal[1, 2] = 2 if 2 * display_width(slip.recipient) <= profile.columns else 1
    blocks: list[Block] = [
        *header(slip.site_name, words["title"] if called else words["title_counter"], copy),
        Columns(words["number"], slip.message_number),
        Text(slip.recipient or "—", align="center", bold=True, size=size),
        Rule(),
        Columns(words["caller"] if called else words["visitor"], slip.caller_name or "—"),
    ]
    if slip.company:
        blocks.append(Columns(words["company"], slip.company))
    if slip.phone:
        phone = f"{slip.phone} {words['extension']} {slip.extension}" if slip.extension else slip.phone
        blocks.append(Columns(words["phone"], phone))
    if slip.city:
        blocks.append(Columns(words["city"], slip.city))
    blocks += [
        Columns(words["time"] if called else words["time_left"], stamp(slip.received_at)),
        Rule(),
    ]
    if slip.text:
        blocks += [Text(words["message"], bold=True), Text(slip.text)]
    if slip.caller_request is not CallerRequest.NONE or not slip.text:
        asked = words[slip.caller_request.value]
        big: Literal[1, 2] = 2 if 2 * display_width(asked) <= profile.columns else 1
        blocks.append(Text(asked, align="center", bold=True, size=big))
    recorded_by = words["kiosk"] if slip.source is MessageSource.KIOSK else slip.recorded_by
    blocks += [Rule(), Columns(words["recorded_by"], recorded_by or "—"), Feed(3), Cut()]
    return Document(tuple(blocks))
