"""Deposits tied to what they secure, as typed calls to the site server."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from kiosk.api.deposits import DeductionRequest, DepositTake, ForfeitRequest
from kiosk.client.http import SiteClient
from kiosk.domain.deposits import DepositItem, DepositItemView, DepositNoteResult, DepositView
from kiosk.domain.documents import ReceiptPurpose
from kiosk.domain.views import PaymentResult


def _path(receipt_number: str) -> str:
    return f"/deposits/{quote(receipt_number[:40], safe='')}"


class Deposits:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def listing(self, which: str = "open", search: str = "") -> list[DepositView]:
        return self._c.get_list("/deposits", DepositView, {"which": which, "q": search[:80]})

    def items(self, purpose: ReceiptPurpose) -> list[DepositItemView]:
        return self._c.get_list("/deposits/items", DepositItemView, {"purpose": purpose.value})

    def due_for(self, item: DepositItem, labels: Sequence[str]) -> list[DepositView]:
        """What to refund now that these passes, cards or permits are back (the desk's prompt)."""
        wanted = [label[:40] for label in labels if label.strip()][:50]
        if not wanted:
            return []
        return self._c.get_list("/deposits/due", DepositView, {"item": item.value, "label": wanted})

    def deposit(self, receipt_number: str) -> DepositView:
        return self._c.get(_path(receipt_number), DepositView)

    # Each a submit: stored (and its paper printed) once however often it is sent.

    def take(self, request: DepositTake, key: str | None = None) -> PaymentResult:
        return self._c.post("/deposits", PaymentResult, request, submit=True, key=key)

    def deduct(
        self, receipt_number: str, request: DeductionRequest, key: str | None = None
    ) -> DepositNoteResult:
        return self._c.post(
            f"{_path(receipt_number)}/deductions", DepositNoteResult, request, submit=True, key=key
        )

    def forfeit(
        self, receipt_number: str, request: ForfeitRequest, key: str | None = None
    ) -> DepositNoteResult:
        return self._c.post(
            f"{_path(receipt_number)}/forfeit", DepositNoteResult, request, submit=True, key=key
        )
