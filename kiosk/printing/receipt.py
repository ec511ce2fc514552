"""收据: amount in figures and in capital numerals; a refund names the original receipt."""

from __future__ import annotations

from kiosk.domain.documents import PaymentMethod, Receipt, ReceiptPurpose
from kiosk.domain.money import chinese_capital, format_yuan
from kiosk.printing.common import header, pick, signature, stamp
from kiosk.printing.layout import Barcode, Block, Columns, Cut, Document, Feed, PrinterProfile, Rule

RECEIPT_WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "收据",
        "refund_title": "退款收据",
        "number": "收据编号",
        "date": "日期",
        "payer": "交款人",
        "payee": "收款人",
        "purpose": "收费项目",
        "amount": "金额（元）",
        "refund_amount": "退款金额（元）",
        "capital": "大写",
        "method": "付款方式",
        "refund_of": "原收据编号",
        "note": "备注",
        "clerk": "经办人",
        "signature": "交款人签字",
        "refund_signature": "领款人签字",
        str(ReceiptPurpose.CARD_DEPOSIT.value): "卡押金",
        str(ReceiptPurpose.PASS_DEPOSIT.value): "机房访客证押金",
        str(ReceiptPurpose.DECORATION_PASS_DEPOSIT.value): "装修出入证押金",
        str(ReceiptPurpose.FEE_ON_BEHALF.value): "代收费用",
        str(ReceiptPurpose.DECORATION_BOND.value): "装修保证金",
        "deposit": "原收金额（元）",
        "deducted": "已扣款（元）",
        str(PaymentMethod.CASH.value): "现金",
        str(PaymentMethod.WECHAT.value): "微信",
        str(PaymentMethod.ALIPAY.value): "支付宝",
        str(PaymentMethod.BANK_CARD.value): "银行卡",
    },
    "en": {
        "title": "RECEIPT",
        "refund_title": "REFUND RECEIPT",
        "number": "Receipt No.",
        "date": "Date",
        "payer": "Received from",
        "payee": "Paid to",
        "purpose": "For",
        "amount": "Amount (CNY)",
        "refund_amount": "Refunded (CNY)",
        "capital": "In words (大写)",
        "method": "Paid by",
        "refund_of": "Original receipt",
        "note": "Note",
        "clerk": "Clerk",
        "signature": "Payer's signature",
        "refund_signature": "Received by",
        str(ReceiptPurpose.CARD_DEPOSIT.value): "Card deposit",
        str(ReceiptPurpose.PASS_DEPOSIT.value): "Machine-room pass deposit",
        str(ReceiptPurpose.DECORATION_PASS_DEPOSIT.value): "Decoration pass deposit",
        str(ReceiptPurpose.FEE_ON_BEHALF.value): "Fee collected for finance",
        str(ReceiptPurpose.DECORATION_BOND.value): "Decoration bond",
        "deposit": "Deposit taken (CNY)",
        "deducted": "Deducted (CNY)",
        str(PaymentMethod.CASH.value): "Cash",
        str(PaymentMethod.WECHAT.value): "WeChat Pay",
        str(PaymentMethod.ALIPAY.value): "Alipay",
        str(PaymentMethod.BANK_CARD.value): "Bank card",
    },
}


def receipt_document(receipt: Receipt, lang: str, profile: PrinterProfile, copy: bool = False) -> Document:
    words = pick(RECEIPT_WORDS, lang)
    refund = receipt.refund_of is not None
    blocks: list[Block] = [
        *header(receipt.site_name, words["refund_title" if refund else "title"], copy),
        Columns(words["number"], receipt.receipt_number),
        Columns(words["date"], stamp(receipt.issued_at)),
    ]
    if refund:
        blocks.append(Columns(words["refund_of"], str(receipt.refund_of)))
    blocks += [
        Rule(),
        Columns(words["payee"] if refund else words["payer"], receipt.payer),
        Columns(words["purpose"], words[receipt.purpose.value]),
    ]
    if refund and receipt.deducted_fen:
        # The balance after finance's deductions: each deduction has its own numbered note.
        blocks += [
            Columns(words["deposit"], "¥" + format_yuan(receipt.amount_fen + receipt.deducted_fen)),
            Columns(words["deducted"], "¥" + format_yuan(receipt.deducted_fen)),
        ]
    blocks += [
        Columns(words["refund_amount" if refund else "amount"], "¥" + format_yuan(receipt.amount_fen)),
        # Capital numerals are what makes a receipt hard to alter; always printed in Chinese.
        Columns(words["capital"], chinese_capital(receipt.amount_fen)),
        Columns(words["method"], words[receipt.method.value]),
    ]
    if receipt.note:
        blocks.append(Columns(words["note"], receipt.note))
    blocks += [
        Rule(),
        Columns(words["clerk"], receipt.clerk),
        *signature(words["refund_signature" if refund else "signature"]),
        Feed(1),
        # Scanned at refund time to find the original receipt.
        Barcode(receipt.receipt_number),
        Feed(2),
        Cut(),
    ]
    return Document(tuple(blocks))
