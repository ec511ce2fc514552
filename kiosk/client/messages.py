"""Phone messages (电话记录 / 代客留言) at the server: the switchboard form, the inbox, the stamp."""

from __future__ import annotations

from kiosk.api.messages import (
    CancelMessageRequest,
    MessageListing,
    MessageRef,
    PassOnRequest,
    TakeMessageRequest,
)
from kiosk.api.payments import PrintLanguage
from kiosk.client.http import SiteClient
from kiosk.domain.phone_messages import NewPhoneMessage, PhoneMessageView, RelayMethod
from kiosk.domain.views import DeskHostEntry, PrintOutcome


class PhoneMessages:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def inbox(self, *, open_only: bool = True, search: str = "") -> MessageListing:
        """Newest call first: those not yet passed on, or all; ``search`` narrows them."""
        params = {"show": "open" if open_only else "all", "q": search[:80]}
        return self._c.get("/messages", MessageListing, params)

    def directory(self, text: str) -> list[DeskHostEntry]:
        """People of the staff directory a message can be for."""
        return self._c.get_list("/messages/directory", DeskHostEntry, {"q": text[:80]})

    def take(self, form: NewPhoneMessage, key: str | None = None) -> int:
        """Write a message down (one submit: stored once however often it is sent)."""
        body = TakeMessageRequest(
            caller_name=form.caller_name[:200],
            company=form.company[:200],
            phone=form.phone[:200],
            extension=form.extension[:200],
            city=form.city[:200],
            text=form.text[:2000],
            caller_request=form.caller_request,
            received_at=form.received_at,
            host_id=form.host_id,
            recipient_unit=form.recipient_unit[:200],
            recipient_name=form.recipient_name[:200],
            source=form.source,
        )
        return self._c.post("/messages", MessageRef, body, submit=True, key=key).message_id

    def pass_on(self, message_id: int, method: RelayMethod, note: str = "") -> PhoneMessageView:
        body = PassOnRequest(method=method, note=note[:2000])
        return self._c.post(f"/messages/{message_id}/passed-on", PhoneMessageView, body)

    def cancel(self, message_id: int, reason: str) -> None:
        self._c.act(f"/messages/{message_id}/cancel", CancelMessageRequest(reason=reason[:2000]))

    def print_slip(self, message_id: int, language: str) -> PrintOutcome:
        """The slip for the person it is for, queued for this desk's printer."""
        return self._c.post(f"/messages/{message_id}/print", PrintOutcome, PrintLanguage(language=language))
