"""Pieces every printed document shares: the header, the reprint mark, signature lines."""

from __future__ import annotations

from datetime import datetime

from kiosk.printing.layout import Block, Columns, Feed, Text

COPY_MARK = "副本 / COPY"
SIGNATURE_BLANK = "________________"


def header(site_name: str, title: str, copy: bool) -> list[Block]:
    """Site name, the document's title, and the reprint mark when this is not the original."""
    blocks: list[Block] = [
        Text(site_name, align="center", bold=True),
        Text(title, align="center", bold=True, size=2),
    ]
    if copy:
        blocks.append(Text(COPY_MARK, align="center", bold=True))
    return blocks


def signature(label: str) -> list[Block]:
    """A line to sign on, with room above it for the pen."""
    return [Feed(1), Columns(label, SIGNATURE_BLANK)]


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def labelled(label: str, value: str, lang: str) -> str:
    """``label: value`` with the colon of ``lang``: full-width in Chinese (预约码：K7M2Q9), the
    language printed when ``lang`` is not one we print (as :func:`pick`)."""
    return f"{label}: {value}" if lang == "en" else f"{label}：{value}"


def pick(words: dict[str, dict[str, str]], lang: str) -> dict[str, str]:
    """The word table for ``lang``; Chinese when the language is not one we print."""
    return words.get(lang, words["zh_CN"])
