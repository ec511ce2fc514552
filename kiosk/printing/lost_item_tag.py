"""失物招领标签: the tag stuck on a found item (or its bag), with the item's QR: scanned at the desk,
it brings the item up for its owner's claim. No finder's or owner's name on it."""

from __future__ import annotations

from kiosk.domain.lost_found import LostItemSource, LostItemTag
from kiosk.printing.common import header, pick, stamp
from kiosk.printing.layout import Block, Columns, Cut, Document, Feed, PrinterProfile, Qr, Rule, Text

LOST_ITEM_TAG_WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "失物招领",
        "meeting_title": "会议遗留物品",
        "number": "编号",
        "category": "类别",
        "what": "物品",
        "found_where": "拾获地点",
        "room": "会议室",
        "found_at": "拾获时间",
        "kept_at": "存放位置",
        "keep_until": "保管至",
        "scan": "认领时请到前台扫描此码",
        "cash": "现金",
        "valuables": "贵重物品",
        "documents": "证件",
        "electronics": "电子产品",
        "keys_cards": "钥匙、门卡",
        "bags": "包袋",
        "clothing": "衣物",
        "other": "其他",
    },
    "en": {
        "title": "LOST PROPERTY",
        "meeting_title": "LEFT AFTER A MEETING",
        "number": "No.",
        "category": "Category",
        "what": "Item",
        "found_where": "Found at",
        "room": "Meeting room",
        "found_at": "Found on",
        "kept_at": "Kept at",
        "keep_until": "Kept until",
        "scan": "Scan this code at the desk when it is claimed",
        "cash": "Cash",
        "valuables": "Valuables",
        "documents": "Documents",
        "electronics": "Electronics",
        "keys_cards": "Keys and cards",
        "bags": "Bags",
        "clothing": "Clothing",
        "other": "Other",
    },
}


def lost_item_tag_document(
    tag: LostItemTag, lang: str, profile: PrinterProfile, copy: bool = False
) -> Document:
    words = pick(LOST_ITEM_TAG_WORDS, lang)
    title = words["meeting_title"] if tag.source is LostItemSource.MEETING else words["title"]
    blocks: list[Block] = [
        *header(tag.site_name, title, copy),
        Text(tag.number, align="center", bold=True, size=2),
        Columns(words["category"], words[tag.category.value]),
        Rule(),
        Text(words["what"], bold=True),
        Text(tag.what),
        Rule(),
        Columns(words["found_where"], tag.found_where),
    ]
    if tag.room:
        blocks.append(Columns(words["room"], tag.room))
    blocks += [
        Columns(words["found_at"], stamp(tag.found_at)),
        Columns(words["kept_at"], tag.kept_at),
        Columns(words["keep_until"], tag.keep_until.strftime("%Y-%m-%d")),
        Feed(1),
        Qr(tag.code, 6 if profile.paper_width_mm == 80 else 5),
        Text(words["scan"], align="center"),
        Feed(2),
        Cut(),
    ]
    return Document(tuple(blocks))
