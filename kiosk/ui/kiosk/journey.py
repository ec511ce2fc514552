"""What a visitor has entered so far on the kiosk: one draft, wiped when the journey ends."""

from __future__ import annotations

from dataclasses import dataclass, fields

from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import VisitorType


@dataclass
class VisitDraft:
    visitor_type: VisitorType = VisitorType.GUEST
    visitor_name: str = ""
    company: str = ""
    mobile: str = ""
    id_type: str = ""
    id_number: str = ""
    # The number came from the visitor's ID card: shown masked only, never typed or edited.
    id_from_card: bool = False
    permit_number: str = ""
    host_id: int | None = None
    host_label: str = ""
    purpose: str = ""
    party_size: int = 1
    declaration_accepted: bool = False

    def clear(self) -> None:
        """Forget everything the last visitor entered (the page widgets share this object)."""
        for spec in fields(self):
            setattr(self, spec.name, spec.default)

    def request(self, language: str) -> CheckInRequest:
        if self.host_id is None:
            raise ValueError("no host chosen")
        return CheckInRequest(
            visitor_name=self.visitor_name,
            host_id=self.host_id,
            company=self.company,
            language=language,
            visitor_type=self.visitor_type,
            permit_number=self.permit_number,
            mobile=self.mobile,
            id_type=self.id_type if self.id_number.strip() else "",
            id_number=self.id_number,
            purpose=self.purpose,
            party_size=self.party_size,
            declaration_accepted=self.declaration_accepted,
        )
