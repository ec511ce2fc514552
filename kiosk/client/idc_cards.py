"""IDC identity-verification cards (IDC身份校验卡) at the desk, as typed calls to the site server.

The card is written on this desk's own encoder with the keys of the server's write plan; the
server checks what was read back, records the card and queues its confirmation for this desk's
printer. Everything here blocks (the network, the encoder): run it off the GUI thread.
"""

from __future__ import annotations

import threading

from kiosk.api.idc_cards import (
    ApplicationFiled,
    ApplicationForm,
    Decision,
    IdcCardPlanRequest,
    IdcHistory,
    IdcIssued,
    Revoked,
    RevokeRequest,
    SendResult,
)
from kiosk.api.schemas import CardPlanView, CardWriteFailed, CardWritten
from kiosk.client.cards import Cards, content_of, plan_of, seen
from kiosk.client.http import SiteClient
from kiosk.devices.card_writing import Progress, issue_card
from kiosk.devices.interfaces import Card, CardEncoder
from kiosk.domain.cards import CardKeys, CardRead, WritePlan
from kiosk.domain.idc_cards import ApplicationStatus, RevokeReason
from kiosk.domain.views import ApplicationView, DeliveryView


class IdcCards:
    def __init__(self, client: SiteClient, cards: Cards) -> None:
        self._c = client
        self._cards = cards

    # --- lists ---------------------------------------------------------------------------------

    def applications(
        self,
        search: str = "",
        status: ApplicationStatus | None = None,
        company: str = "",
        expiring: bool = False,
    ) -> list[ApplicationView]:
        params: dict[str, str] = {"search": search[:100], "company": company[:200]}
        if status is not None:
            params["status"] = status.value
        if expiring:
            params["expiring"] = "true"
        return self._c.get_list("/idc/applications", ApplicationView, params)

    def my_applications(self) -> list[ApplicationView]:
        """Those the signed-in salesperson filed."""
        return self._c.get_list("/idc/applications/mine", ApplicationView)

    def companies(self) -> list[str]:
        return self._c.get_list("/idc/companies", str)

    def deliveries(self) -> list[DeliveryView]:
        return self._c.get_list("/idc/deliveries", DeliveryView)

    def history(self, application_id: int) -> IdcHistory:
        return self._c.get(f"/idc/applications/{application_id}/history", IdcHistory)

    # --- the application -----------------------------------------------------------------------

    def file(self, form: ApplicationForm, key: str | None = None) -> int:
        """Filed once however often it is sent (``key``: a RetryKey's, for a second press)."""
        return self._c.post("/idc/applications", ApplicationFiled, form, submit=True, key=key).application_id

    def approve(self, application_id: int, note: str) -> None:
        self._c.act(f"/idc/applications/{application_id}/approve", Decision(note=note[:2000]))

    def reject(self, application_id: int, note: str) -> None:
        self._c.act(f"/idc/applications/{application_id}/reject", Decision(note=note[:2000]))

    def revoke(self, application_id: int, reason: RevokeReason, note: str) -> str:
        body = RevokeRequest(reason=reason, note=note[:2000])
        return self._c.post(f"/idc/applications/{application_id}/revoke", Revoked, body).card_label

    def send_now(self, delivery_id: int) -> str | None:
        """The upload sent again now; None when acknowledged, else the sink's error."""
        return self._c.post(f"/idc/deliveries/{delivery_id}/send", SendResult).error

    # --- the card, on this desk's encoder ------------------------------------------------------

    def plan(self, application_id: int, card: Card, read: CardRead, language: str) -> WritePlan:
        body = IdcCardPlanRequest(card=seen(card), content=content_of(read), language=language)
        return plan_of(self._c.post(f"/idc/applications/{application_id}/card/plan", CardPlanView, body))

    def written(self, plan: WritePlan, read_back: CardRead) -> IdcIssued:
        # Retried when the answer is lost: the server answers a repeated report the same.
        body = CardWritten(read_back=content_of(read_back))
        return self._c.post(f"/idc/card-attempts/{plan.attempt_id}/written", IdcIssued, body, submit=True)

    def failed(self, plan: WritePlan, error: Exception) -> None:
        body = CardWriteFailed(error=f"{type(error).__name__}: {error}"[:200])
        self._c.act(f"/idc/card-attempts/{plan.attempt_id}/failed", body)

    def issue(
        self,
        encoder: CardEncoder,
        application_id: int,
        language: str,
        timeout_s: float,
        cancel: threading.Event | None = None,
        progress: Progress | None = None,
    ) -> IdcIssued:
        """Wait for a card on ``encoder`` and issue it for the application, as the server plans."""
        planner = _IdcPlanner(self, self._cards, application_id, language)
        return issue_card(encoder, planner, timeout_s, cancel, progress)


class _IdcPlanner:
    def __init__(self, idc: IdcCards, cards: Cards, application_id: int, language: str) -> None:
        self._idc = idc
        self._cards = cards
        self._application_id = application_id
        self._language = language

    def read_keys(self, card: Card) -> CardKeys:
        return self._cards.read_keys(card)

    def plan(self, card: Card, content: CardRead) -> WritePlan:
        return self._idc.plan(self._application_id, card, content, self._language)

    def complete(self, plan: WritePlan, read_back: CardRead) -> IdcIssued:
        return self._idc.written(plan, read_back)

    def abandon(self, plan: WritePlan, failure: Exception) -> None:
        self._idc.failed(plan, failure)
