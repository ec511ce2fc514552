"""Machine-room passes at the server: the signer's and the guard's PINs are checked there, and a
completed sheet is queued for this station's printer."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from kiosk.api.passes import (
    GuardSignature,
    PassesBoard,
    PassNumbers,
    PassVisitorIn,
    ResolveRequest,
    RetireRequest,
    SignOutRequest,
)
from kiosk.api.payments import PrintLanguage
from kiosk.client.http import SiteClient
from kiosk.domain.views import LoanReceipt, PassVisitor, PrintOutcome, ReconciliationView, ReturnOutcome


class MachineRoomPasses:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def board(self) -> PassesBoard:
        """The pool, today's reconciliation sheet and its state, the open discrepancies."""
        return self._c.get("/passes", PassesBoard)

    def add_passes(self, numbers: Sequence[str]) -> list[str]:
        return self._c.post("/passes", PassNumbers, PassNumbers.of(list(numbers))).numbers

    def retire(self, number: str, reason: str) -> None:
        self._c.act(f"/passes/{quote(number[:40], safe='')}/retire", RetireRequest(reason=reason[:2000]))

    def sign_out(
        self, numbers: Sequence[str], visitors: Sequence[PassVisitor], signer: str, secret: str
    ) -> LoanReceipt:
        """A submit: sent again after a lost answer, it is stored once."""
        body = SignOutRequest(
            numbers=[n[:40] for n in numbers[:500]],
            visitors=[
                PassVisitorIn(
                    name=v.name[:200],
                    company=v.company[:200],
                    id_type=v.id_type[:40],
                    id_number=v.id_number[:40],
                )
                for v in visitors[:500]
            ],
            signer_username=signer[:200],
            signer_secret=secret[:200],
        )
        return self._c.post("/passes/sign-out", LoanReceipt, body, submit=True)

    def return_passes(self, numbers: Sequence[str]) -> ReturnOutcome:
        return self._c.post("/passes/return", ReturnOutcome, PassNumbers.of(list(numbers)))

    def sign_as_guard(self, username: str, secret: str, counted: int, language: str) -> ReconciliationView:
        body = GuardSignature(
            username=username[:200], secret=secret[:200], counted=counted, language=language
        )
        return self._c.post("/passes/reconciliation/guard", ReconciliationView, body)

    def sign_as_desk(self, language: str) -> ReconciliationView:
        return self._c.post(
            "/passes/reconciliation/desk", ReconciliationView, PrintLanguage(language=language)
        )

    def print_again(self) -> PrintOutcome:
        """Today's signed sheet again, queued for this station's printer."""
        return self._c.post("/passes/reconciliation/print", PrintOutcome)

    def resolve(self, discrepancy_id: int, note: str) -> None:
        self._c.act(f"/passes/discrepancies/{discrepancy_id}/resolve", ResolveRequest(note=note[:2000]))
