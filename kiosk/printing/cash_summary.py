"""交班收款汇总: a clerk's receipts and refunds for the shift, the cash the drawer should hold."""

from __future__ import annotations

from kiosk.domain.documents import CashSummary
from kiosk.domain.money import format_yuan
from kiosk.printing.common import header, pick, signature, stamp
from kiosk.printing.layout import Block, Columns, Cut, Document, Feed, PrinterProfile, Rule, Text
from kiosk.printing.receipt import RECEIPT_WORDS

CASH_SUMMARY_WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "交班收款汇总",
        "clerk": "收款人",
        "period": "班次时间",
        "receipts": "收据编号",
        "taken": "收款",
        "refunded": "退款",
        "net": "净额",
        "by_method": "按付款方式（净额）",
        "total": "合计净额",
        "none": "本班次无收款",
        "count": "笔",
        "clerk_sign": "交班人签字",
        "checker_sign": "核对人签字",
        "printed": "打印时间",
    },
    "en": {
        "title": "SHIFT CASH SUMMARY",
        "clerk": "Clerk",
        "period": "Shift",
        "receipts": "Receipt numbers",
        "taken": "Taken",
        "refunded": "Refunded",
        "net": "Net",
        "by_method": "By method (net)",
        "total": "Net total",
        "none": "No payments this shift",
        "count": "x",
        "clerk_sign": "Clerk",
        "checker_sign": "Checked by",
        "printed": "Printed",
    },
}


def yuan(fen: int) -> str:
    """-¥100.00 rather than ¥-100.00 for money paid out."""
    return ("-¥" if fen < 0 else "¥") + format_yuan(abs(fen))


def cash_summary_document(
    summary: CashSummary, lang: str, profile: PrinterProfile, copy: bool = False
) -> Document:
    words = pick(CASH_SUMMARY_WORDS, lang)
    kinds = pick(RECEIPT_WORDS, lang)

    def money(label: str, count: int, fen: int) -> Columns:
        return Columns(f"{label} {count} {words['count']}", yuan(fen))

    blocks: list[Block] = [
        *header(summary.site_name, words["title"], copy),
        Columns(words["clerk"], summary.clerk),
        Columns(words["period"], f"{stamp(summary.period_start)} ~ {stamp(summary.period_end)}"),
    ]
    if summary.first_receipt:
        blocks.append(Columns(words["receipts"], f"{summary.first_receipt} ~ {summary.last_receipt}"))
    blocks.append(Rule())
    if not summary.lines:
        blocks.append(Text(words["none"]))
    for line in summary.lines:
        blocks += [
            Text(kinds[line.purpose.value], bold=True),
            money(words["taken"], line.count, line.total_fen),
        ]
        if line.refund_count:
            blocks.append(money(words["refunded"], line.refund_count, -line.refund_fen))
        blocks.append(Columns(words["net"], yuan(line.net_fen)))
    blocks += [Rule(), Text(words["by_method"], bold=True)]
    blocks += [Columns(kinds[m.method.value], yuan(m.net_fen)) for m in summary.methods]
    blocks += [
        Rule(),
        Columns(words["total"], yuan(summary.net_fen)),
        *signature(words["clerk_sign"]),
        *signature(words["checker_sign"]),
        Columns(words["printed"], stamp(summary.printed_at)),
        Feed(2),
        Cut(),
    ]
    return Document(tuple(blocks))
