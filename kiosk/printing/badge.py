"""The visitor badge, laid out for the paper and in the visitor's language."""

from __future__ import annotations

from kiosk.domain.badge import Badge
from kiosk.domain.text import with_aside
from kiosk.printing.common import header, pick
from kiosk.printing.layout import Block, Columns, Cut, Document, Feed, PrinterProfile, Qr, Rule, Text

# The words printed on a badge, per language (what staff and guards already call things).
BADGE_WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "访客证",
        "host": "被访人",
        "date": "来访日期",
        "time_in": "登记时间",
        "valid_until": "有效期至",
        "number": "证号",
        "leave": "离开时请扫码签离",
    },
    "en": {
        "title": "VISITOR",
        "host": "Host",
        "date": "Date",
        "time_in": "Checked in",
        "valid_until": "Valid until",
        "number": "Badge No.",
        "leave": "Scan at the kiosk when you leave",
    },
}


def badge_document(badge: Badge, lang: str, profile: PrinterProfile, copy: bool = False) -> Document:
    """The badge as a document in ``lang`` ("zh_CN" or "en"; others print Chinese).

    Times are printed in the zone of the datetimes given; ``copy`` marks a reprint.
    """
    words = pick(BADGE_WORDS, lang)
    host = with_aside(badge.host_name, badge.host_department)
    blocks: list[Block] = [
        *header(badge.site_name, words["title"], copy),
        Rule(),
        Text(badge.visitor_name, align="center", bold=True, size=2),
    ]
    if badge.company:
        blocks.append(Text(badge.company, align="center"))
    blocks += [
        Rule(),
        Columns(words["host"], host),
        Columns(words["date"], badge.checked_in_at.strftime("%Y-%m-%d")),
        Columns(words["time_in"], badge.checked_in_at.strftime("%H:%M")),
        # With its date: a guard reading a badge the morning after sees that it has run out.
        Columns(words["valid_until"], badge.valid_until.strftime("%Y-%m-%d %H:%M")),
        Columns(words["number"], badge.badge_number),
        Feed(1),
        Qr(badge.checkout_code, module_size=8 if profile.paper_width_mm == 80 else 6),
        Text(words["leave"], align="center"),
        Feed(2),
        Cut(),
    ]
    return Document(tuple(blocks))
