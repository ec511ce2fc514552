"""The public kiosk's host search gives out no phone number (seed 004: 原则上不把电话号码告知查询者):
the kiosk station does not even receive an extension or a mobile; the desk still gets the extension."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.storage.models import Host

MOBILE = "13800138001"


def test_the_kiosk_gets_names_and_departments_only_and_the_desk_the_extension(
    app: KioskApp, station: Callable[..., TestClient]
) -> None:
    with app.database.sessions.begin() as session:
        for host in session.scalars(select(Host)):
            host.mobile = MOBILE
            host.email = f"h{host.id}@example.com"
    kiosk = station(StationRole.KIOSK)
    answer = kiosk.get("/api/v1/directory", params={"q": "王芳"})
    assert answer.status_code == 200
    [wang] = [row for row in answer.json() if row["name"] == "王芳"]
    assert set(wang) == {"host_id", "name", "department"}
    assert "8101" not in answer.text and MOBILE not in answer.text and "@" not in answer.text
    everyone = kiosk.get("/api/v1/directory").text  # blank: the whole directory
    assert MOBILE not in everyone and "8101" not in everyone and '"extension"' not in everyone

    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    listed = desk.get("/api/v1/messages/directory", params={"q": "王芳"}).json()
    assert [row["extension"] for row in listed if row["name"] == "王芳"] == ["8101"]
    assert MOBILE not in str(listed)  # the desk phones the extension; mobiles stay in the directory
