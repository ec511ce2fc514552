"""Machine-room passes at the server: the signer's and the guard's PINs are checked there, and a
completed sheet is queued for this station's printer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from urllib.parse import quote

from kiosk.api.passes import (
    DeskSignature,
    GuardSignature,
    PassesBoard,
    PassNumbers,
    PassVisitorIn,
    ResolveRequest,
    RetireRequest,
    SignOutRequest,
)
from kiosk.api.work_calendar import CancelOverrideRequest, OverrideRequest
from kiosk.client.http import SiteClient
from kiosk.domain.views import LoanReceipt, PassVisitor, PrintOutcome, ReconciliationView, ReturnOutcome
from kiosk.domain.work_calendar import CalendarYear, DayKind, OverrideView


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

    def sign_as_guard(
        self,
        username: str,
        secret: str,
        counted: int,
        language: str,
        due_on: date | None = None,
        late_reason: str = "",
    ) -> ReconciliationView:
        """Today's sheet, or (``due_on``) a missed day's, late, with the reason."""
        body = GuardSignature(
            username=username[:200],
            secret=secret[:200],
            counted=counted,
            language=language,
            due_on=due_on,
            late_reason=late_reason[:2000],
        )
        return self._c.post("/passes/reconciliation/guard", ReconciliationView, body)

    def sign_as_desk(
        self, language: str, due_on: date | None = None, late_reason: str = ""
    ) -> ReconciliationView:
        body = DeskSignature(language=language, due_on=due_on, late_reason=late_reason[:2000])
        return self._c.post("/passes/reconciliation/desk", ReconciliationView, body)

    def reconciliation(self, day: date) -> ReconciliationView:
        """A working day's sheet: as signed, or a preview (a missed day's as of its 09:00)."""
        return self._c.get(f"/passes/reconciliation/{day.isoformat()}", ReconciliationView)

    def print_again(self, day: date | None = None) -> PrintOutcome:
        """Today's (or ``day``'s) signed sheet again, queued for this station's printer."""
        path = "/passes/reconciliation/print" + (f"?day={day.isoformat()}" if day else "")
        return self._c.post(path, PrintOutcome)

    # --- the working-day calendar -------------------------------------------------------------
    def calendar(self, year: int) -> CalendarYear:
        return self._c.get("/calendar", CalendarYear, {"year": year})

    def add_override(self, day: date, kind: DayKind, note: str) -> OverrideView:
        """A submit: sent again after a lost answer, it is stored once."""
        body = OverrideRequest(day=day, kind=kind, note=note[:2000])
        return self._c.post("/calendar/overrides", OverrideView, body, submit=True)

    def cancel_override(self, override_id: int, reason: str) -> None:
        self._c.act(f"/calendar/overrides/{override_id}/cancel", CancelOverrideRequest(reason=reason[:2000]))

    def resolve(self, discrepancy_id: int, note: str) -> None:
        self._c.act(f"/passes/discrepancies/{discrepancy_id}/resolve", ResolveRequest(note=note[:2000]))
