"""Deposits, fees and refunds at the desk, as typed calls to the site server."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

from kiosk.api.payments import DepositRequest, FeeRequest, PrintLanguage, RefundRequest
from kiosk.client.http import SiteClient
from kiosk.domain.documents import CashSummary
from kiosk.domain.views import PaymentResult, PaymentView, PrintOutcome


class Payments:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def taken_since(self, since: datetime) -> list[PaymentView]:
        return self._c.get_list("/payments", PaymentView, {"since": since.isoformat()})

    def cash_summary(self) -> CashSummary:
        """The signed-in clerk's takings since their shift began."""
        return self._c.get("/payments/cash-summary", CashSummary)

    def print_cash_summary(self, language: str) -> PrintOutcome:
        return self._c.post("/payments/cash-summary/print", PrintOutcome, PrintLanguage(language=language))

    # Taking money: each a submit, stored (and its receipt printed) once however often it is sent.

    def take_deposit(self, request: DepositRequest, key: str | None = None) -> PaymentResult:
        return self._c.post("/payments/deposits", PaymentResult, request, submit=True, key=key)

    def record_fee(self, request: FeeRequest, key: str | None = None) -> PaymentResult:
        return self._c.post("/payments/fees", PaymentResult, request, submit=True, key=key)

    def refund(self, receipt_or_reference: str, language: str, key: str | None = None) -> PaymentResult:
        body = RefundRequest(receipt_or_reference=receipt_or_reference[:80], language=language)
        return self._c.post("/payments/refunds", PaymentResult, body, submit=True, key=key)

    def reprint(self, receipt_number: str) -> PrintOutcome:
        path = f"/payments/receipts/{quote(receipt_number[:40], safe='')}/reprint"
        return self._c.post(path, PrintOutcome)
