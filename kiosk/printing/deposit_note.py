"""扣款单 / 押金没收单: a deduction from a deposit recorded by finance, or a deposit forfeited with a
supervisor's approval, numbered from the receipt book's counter and naming the deposit's receipt:
with the receipt and the refund receipt, the whole trail of a deposit on paper."""

from __future__ import annotations

from kiosk.domain.deposits import DeductionKind, DepositNote
from kiosk.domain.money import chinese_capital, format_yuan
from kiosk.printing.common import header, pick, signature, stamp
from kiosk.printing.layout import Barcode, Block, Columns, Cut, Document, Feed, PrinterProfile, Rule, Text
from kiosk.printing.receipt import RECEIPT_WORDS

DEPOSIT_NOTE_WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "deduction_title": "押金扣款单",
        "forfeit_title": "押金没收单",
        "number": "单据编号",
        "date": "日期",
        "receipt": "原收据编号",
        "payer": "交款人",
        "purpose": "押金项目",
        "item": "证卡编号",
        "deposit": "原收金额（元）",
        "deduction_amount": "本次扣款（元）",
        "forfeit_amount": "没收金额（元）",
        "capital": "大写",
        "balance": "押金余额（元）",
        "reason": "原因",
        "recorded_by": "经办人",
        "approved_by": "批准人（主管）",
        "no_refund": "押金余额为零，不再退还。",
        "signature": "交款人签字",
    },
    "en": {
        "deduction_title": "DEPOSIT DEDUCTION",
        "forfeit_title": "DEPOSIT FORFEITED",
        "number": "Note No.",
        "date": "Date",
        "receipt": "Deposit receipt",
        "payer": "Paid by",
        "purpose": "Deposit for",
        "item": "Card / pass / permit",
        "deposit": "Deposit taken (CNY)",
        "deduction_amount": "Deducted now (CNY)",
        "forfeit_amount": "Forfeited (CNY)",
        "capital": "In words (大写)",
        "balance": "Balance left (CNY)",
        "reason": "Reason",
        "recorded_by": "Recorded by",
        "approved_by": "Approved by (supervisor)",
        "no_refund": "Nothing is left of this deposit to refund.",
        "signature": "Payer's signature",
    },
}


def deposit_note_document(
    note: DepositNote, lang: str, profile: PrinterProfile, copy: bool = False
) -> Document:
    words = pick(DEPOSIT_NOTE_WORDS, lang)
    kinds = pick(RECEIPT_WORDS, lang)
    forfeit = note.kind is DeductionKind.FORFEIT
    blocks: list[Block] = [
        *header(note.site_name, words["forfeit_title" if forfeit else "deduction_title"], copy),
        Columns(words["number"], note.note_number),
        Columns(words["date"], stamp(note.issued_at)),
        Columns(words["receipt"], note.receipt_number),
        Rule(),
        Columns(words["payer"], note.payer),
        Columns(words["purpose"], kinds[note.purpose.value]),
    ]
    if note.item_label:
        blocks.append(Columns(words["item"], note.item_label))
    blocks += [
        Columns(words["deposit"], "¥" + format_yuan(note.deposit_fen)),
        Columns(
            words["forfeit_amount" if forfeit else "deduction_amount"], "¥" + format_yuan(note.amount_fen)
        ),
        # As on a receipt: capital numerals make the amount hard to alter.
        Columns(words["capital"], chinese_capital(note.amount_fen)),
        Columns(words["balance"], "¥" + format_yuan(note.balance_fen)),
        Columns(words["reason"], note.reason),
    ]
    if note.balance_fen == 0:
        blocks.append(Text(words["no_refund"]))
    blocks += [Rule(), Columns(words["recorded_by"], note.recorded_by)]
    if note.approved_by:
        blocks.append(Columns(words["approved_by"], note.approved_by))
    blocks += [
        *signature(words["signature"]),
        Feed(1),
        Barcode(note.note_number),
        Feed(2),
        Cut(),
    ]
    return Document(tuple(blocks))
