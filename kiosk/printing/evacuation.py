"""紧急疏散名单: everyone on site, for the roll call at the assembly point."""

from __future__ import annotations

from kiosk.domain.documents import EvacuationList
from kiosk.printing.common import header, labelled, pick, stamp
from kiosk.printing.layout import Block, Columns, Cut, Document, Feed, PrinterProfile, Rule, Text

EVACUATION_WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "紧急疏散名单",
        "as_of": "在场时点",
        "count": "在场人数",
        "snapshot": "注意：数据库无法连接，本名单为服务器最后一次保存的副本",
        "station_copy": "注意：服务器无法连接，本名单为本台最后一次取得的副本",
        "none": "无在场访客",
        "host": "被访人",
        "printed": "打印时间",
        "tick": "点名后请在 [ ] 内打勾",
    },
    "en": {
        "title": "EVACUATION ROLL CALL",
        "as_of": "On site at",
        "count": "People on site",
        "snapshot": "NOTE: database unreachable; this is the server's last saved copy",
        "station_copy": "NOTE: site server unreachable; this is this station's last copy",
        "none": "Nobody on site",
        "host": "Host",
        "printed": "Printed",
        "tick": "Tick [ ] as each person answers",
    },
}


def evacuation_document(
    sheet: EvacuationList, lang: str, profile: PrinterProfile, copy: bool = False
) -> Document:
    words = pick(EVACUATION_WORDS, lang)
    blocks: list[Block] = [
        *header(sheet.site_name, words["title"], copy),
        Columns(words["as_of"], stamp(sheet.as_of)),
        Columns(words["count"], str(len(sheet.people))),
    ]
    if sheet.station_copy:
        blocks.append(Text(words["station_copy"], bold=True))
    elif sheet.from_snapshot:
        blocks.append(Text(words["snapshot"], bold=True))
    blocks += [Text(words["tick"]), Rule()]
    if not sheet.people:
        blocks.append(Text(words["none"], align="center"))
    for person in sheet.people:
        blocks += [
            Columns(f"[ ] {person.visitor_name}", person.time_in.strftime("%H:%M")),
            Text(" · ".join(part for part in (person.company, person.badge_or_card) if part)),
            Text(labelled(words["host"], person.host, lang)),
            Rule(),
        ]
    blocks += [Columns(words["printed"], stamp(sheet.printed_at)), Feed(3), Cut()]
    return Document(tuple(blocks))
