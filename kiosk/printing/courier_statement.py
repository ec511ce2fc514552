"""快递月结对账单: one courier company's month, count and cost per department with the totals,
signed by the desk and the courier company at the settlement (seed 003 第十条)."""

from __future__ import annotations

from kiosk.domain.courier import CourierStatement, statement_words
from kiosk.domain.money import format_yuan
from kiosk.printing.common import header, signature, stamp
from kiosk.printing.layout import Block, Columns, Cut, Document, Feed, PrinterProfile, Rule, Text


def _company(statement: CourierStatement) -> str:
    """``顺丰速运 SF Express (SF)``: both names, as the courier's own bill may use either."""
    names = [statement.company_name]
    if statement.company_name_en and statement.company_name_en != statement.company_name:
        names.append(statement.company_name_en)
    label = " ".join(names)
    return label if statement.company_code in names else f"{label} ({statement.company_code})"


def courier_statement_document(
    statement: CourierStatement, lang: str, profile: PrinterProfile, copy: bool = False
) -> Document:
    words = statement_words(lang)
    blocks: list[Block] = [
        *header(statement.site_name, words["title"], copy),
        Columns(words["company"], _company(statement)),
        Columns(words["month"], statement.month),
    ]
    if statement.first_day:
        blocks.append(Columns(words["period"], f"{statement.first_day} ~ {statement.last_day}"))
    blocks += [Rule(), Columns(words["department"], f"{words['count']} / {words['cost']}"), Rule()]
    if not statement.departments:
        blocks.append(Text(words["none"]))
    for line in statement.departments:
        blocks.append(Columns(line.department, f"{line.count} / ¥{format_yuan(line.cost_fen)}"))
    blocks += [
        Rule(),
        Columns(words["total"], f"{statement.count} / ¥{format_yuan(statement.cost_fen)}"),
    ]
    if statement.voided:
        blocks.append(Columns(words["voided"], str(statement.voided)))
    blocks += [
        Columns(words["clerk"], statement.clerk),
        *signature(words["desk_sign"]),
        *signature(words["courier_sign"]),
        Columns(words["printed"], stamp(statement.printed_at)),
        Feed(2),
        Cut(),
    ]
    return Document(tuple(blocks))
