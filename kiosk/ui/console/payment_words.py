"""The names of the kinds of payment and of how they are paid, as the desk's pages say them (the
payments page, the Deposits page and the take-deposit dialog; translated in context "payments")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.domain.documents import PaymentMethod, ReceiptPurpose


def purpose_name(purpose: ReceiptPurpose) -> str:
    return {
        ReceiptPurpose.CARD_DEPOSIT: QCoreApplication.translate("payments", "Visitor card deposit"),
        ReceiptPurpose.PASS_DEPOSIT: QCoreApplication.translate("payments", "Machine-room pass deposit"),
        ReceiptPurpose.DECORATION_PASS_DEPOSIT: QCoreApplication.translate(
            "payments", "Decoration-worker pass deposit"
        ),
        ReceiptPurpose.FEE_ON_BEHALF: QCoreApplication.translate("payments", "Fee collected for finance"),
        ReceiptPurpose.DECORATION_BOND: QCoreApplication.translate("payments", "Decoration bond"),
    }[purpose]


def method_name(method: PaymentMethod) -> str:
    return {
        PaymentMethod.CASH: QCoreApplication.translate("payments", "Cash"),
        PaymentMethod.WECHAT: QCoreApplication.translate("payments", "WeChat Pay"),
        PaymentMethod.ALIPAY: QCoreApplication.translate("payments", "Alipay"),
        PaymentMethod.BANK_CARD: QCoreApplication.translate("payments", "Bank card"),
    }[method]
