"""Shift handover and the duty log at the server: both PIN signatures are checked there."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from kiosk.api.handover import (
    CloseIssueRequest,
    CountersignRequest,
    DutyLogRef,
    HandoverBoard,
    HandoverItem,
    HandoverRef,
    HandOverRequest,
    IncidentRequest,
)
from kiosk.client.http import SiteClient
from kiosk.domain.handover import HandoverItemKind
from kiosk.domain.views import HandoverView, ItemCount, Prefill


class Handover:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def board(self) -> HandoverBoard:
        """The handover waiting for a signature, open issues, recent handovers, the duty log."""
        return self._c.get("/handover", HandoverBoard)

    def prefill(self) -> Prefill:
        return self._c.get("/handover/prefill", Prefill)

    def hand_over(
        self, secret: str, work_done: str, items: Sequence[ItemCount], issues: Sequence[str], notes: str
    ) -> int:
        """The signed-in clerk hands over, signing with their own PIN (``secret``)."""
        body = HandOverRequest(
            secret=secret[:200],
            work_done=work_done[:2000],
            items=[HandoverItem(kind=i.kind, count=i.count, label=i.label[:200]) for i in items],
            issues=[text[:2000] for text in issues[:50]],
            notes=notes[:2000],
        )
        return self._c.post("/handover", HandoverRef, body, submit=True).handover_id

    def sign(
        self,
        handover_id: int,
        username: str,
        secret: str,
        counted: Mapping[HandoverItemKind, int],
        discrepancy_note: str,
    ) -> HandoverView:
        """The incoming clerk countersigns with their own staff number and PIN."""
        body = CountersignRequest(
            username=username[:200],
            secret=secret[:200],
            counted=dict(counted),
            discrepancy_note=discrepancy_note[:2000],
        )
        return self._c.post(f"/handover/{handover_id}/sign", HandoverView, body)

    def close_issue(self, issue_id: int, note: str) -> None:
        self._c.act(f"/handover/issues/{issue_id}/close", CloseIssueRequest(note=note[:2000]))

    def log_incident(
        self, occurred_at: datetime, place: str, what: str, action_taken: str, people: str
    ) -> int:
        body = IncidentRequest(
            occurred_at=occurred_at,
            place=place[:200],
            what=what[:2000],
            action_taken=action_taken[:2000],
            people=people[:2000],
        )
        return self._c.post("/handover/duty-log", DutyLogRef, body, submit=True).entry_id
