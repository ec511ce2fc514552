"""Pre-registration (预约) at the server, for the desk's section."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from kiosk.api.schemas import GroupInvitationRequest, InvitationRequest, Invited, InviteeLine, PrintRequest
from kiosk.client.http import SiteClient
from kiosk.domain.views import ExpectedArrival, Invitee, NewInvitation, PrintOutcome


class PreRegistration:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def expected(self, start: datetime, end: datetime) -> list[ExpectedArrival]:
        params = {"start": start.isoformat(), "end": end.isoformat()}
        return self._c.get_list("/pre-registrations", ExpectedArrival, params)

    def invite(
        self,
        visitor_name: str,
        host_id: int,
        valid_from: datetime,
        valid_until: datetime,
        *,
        company: str = "",
        mobile: str = "",
        email: str = "",
        purpose: str = "",
    ) -> NewInvitation:
        body = InvitationRequest(
            visitor_name=visitor_name[:80], host_id=host_id, valid_from=valid_from,
            valid_until=valid_until, company=company[:80], mobile=mobile[:40], email=email[:200],
            purpose=purpose[:500],
        )  # fmt: skip
        return self._c.post("/pre-registrations", Invited, body, submit=True).invitations[0]

    def invite_group(
        self,
        host_id: int,
        visiting_unit: str,
        headcount: int,
        valid_from: datetime,
        valid_until: datetime,
        invitees: Sequence[Invitee],
        *,
        requirements: str = "",
        notes: str = "",
    ) -> Invited:
        body = GroupInvitationRequest(
            host_id=host_id,
            visiting_unit=visiting_unit[:80],
            headcount=headcount,
            valid_from=valid_from,
            valid_until=valid_until,
            invitees=[
                InviteeLine(name=p.name[:80], mobile=p.mobile[:40], email=p.email[:200]) for p in invitees
            ],
            requirements=requirements[:500],
            notes=notes[:500],
        )
        return self._c.post("/pre-registrations/groups", Invited, body, submit=True)

    def cancel(self, invitation_id: int) -> None:
        self._c.act(f"/pre-registrations/{invitation_id}/cancel")

    def print_slip(self, invitation_id: int, language: str) -> PrintOutcome:
        """Queued at the server for this station's printer (print it with StationPrinting)."""
        body = PrintRequest(language=language[:10])
        return self._c.post(f"/pre-registrations/{invitation_id}/print", PrintOutcome, body)

    def email_slip(self, invitation_id: int) -> None:
        self._c.act(f"/pre-registrations/{invitation_id}/email")
