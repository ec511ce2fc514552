"""Release slips at the office and at the guard's screen, as typed calls to the site server."""

from __future__ import annotations

from kiosk.api.slips import ArrearsPayment, MismatchNote, OwnerCallRequest, SlipCode, SlipIssue
from kiosk.client.http import SiteClient
from kiosk.domain.documents import PartyKind, PaymentMethod
from kiosk.domain.views import (
    IssuedSlip,
    OwnerAnswers,
    OwnerCallView,
    PaymentResult,
    ScanResult,
    SlipView,
    UnitRecord,
)


class ReleaseSlips:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    # --- the office -----------------------------------------------------------------------------

    def unit(self, unit: str) -> UnitRecord:
        return self._c.get("/slips/unit", UnitRecord, {"unit": unit[:80]})

    def slips(self, limit: int = 50) -> list[SlipView]:
        return self._c.get_list("/slips", SlipView, {"limit": limit})

    def record_owner_call(
        self, unit: str, tenant_name: str, owner_name: str, answers: OwnerAnswers
    ) -> OwnerCallView:
        body = OwnerCallRequest(
            unit=unit,
            tenant_name=tenant_name,
            owner_name=owner_name,
            owner_knows=answers.owner_knows,
            rent_owed=answers.rent_owed,
            owner_items=answers.owner_items,
            consent=answers.consent,
            note=answers.note,
        )
        return self._c.post("/slips/owner-calls", OwnerCallView, body)

    def issue(self, request: SlipIssue, key: str | None = None) -> IssuedSlip:
        """Stored once however often it is sent (the answer lost, the server away a moment)."""
        return self._c.post("/slips", IssuedSlip, request, submit=True, key=key)

    def pay_arrears(
        self,
        unit: str,
        payer_name: str,
        kind: PartyKind,
        method: PaymentMethod,
        language: str,
        key: str | None = None,
    ) -> PaymentResult:
        body = ArrearsPayment(
            unit=unit, payer_name=payer_name, party_kind=kind, method=method, language=language
        )
        return self._c.post("/slips/arrears-payments", PaymentResult, body, submit=True, key=key)

    # --- the lobby guard ------------------------------------------------------------------------

    def scan(self, code: str) -> ScanResult:
        return self._c.post("/slips/scan", ScanResult, SlipCode(code=code[:200]))

    def release(self, slip_id: int, key: str | None = None) -> SlipView:
        # A submit: a release whose answer was lost is sent again and answered the same, not
        # refused as "already used" by the guard's own first try.
        return self._c.post(f"/slips/{slip_id}/release", SlipView, submit=True, key=key)

    def mismatch(self, slip_id: int, note: str, key: str | None = None) -> SlipView:
        return self._c.post(
            f"/slips/{slip_id}/mismatch", SlipView, MismatchNote(note=note[:500]), submit=True
        )
