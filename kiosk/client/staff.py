"""Staff accounts at the server (admins only; the server decides)."""

from __future__ import annotations

from kiosk.api.schemas import StaffAdd, StaffRef, StaffSecret, StaffUpdate
from kiosk.client.http import SiteClient
from kiosk.domain.staff import Role
from kiosk.domain.views import StaffListing


class StaffAccounts:
    def __init__(self, client: SiteClient) -> None:
        self._c = client

    def members(self) -> list[StaffListing]:
        return self._c.get_list("/staff", StaffListing)

    def add(self, username: str, name: str, role: Role, secret: str) -> int:
        body = StaffAdd(username=username[:80], name=name[:80], role=role, secret=secret[:200])
        return self._c.post("/staff", StaffRef, body, submit=True).staff_id

    def update(
        self, staff_id: int, *, name: str | None = None, role: Role | None = None, active: bool | None = None
    ) -> None:
        body = StaffUpdate(name=None if name is None else name[:80], role=role, active=active)
        self._c.act(f"/staff/{staff_id}", body)

    def reset_secret(self, staff_id: int, secret: str) -> None:
        self._c.act(f"/staff/{staff_id}/secret", StaffSecret(secret=secret[:200]))

    def unlock(self, staff_id: int) -> None:
        self._c.act(f"/staff/{staff_id}/unlock")
