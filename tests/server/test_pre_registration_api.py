"""Pre-registration through the API: the desk invites, lists, prints at its own printer, e-mails
and cancels; the audit names the member signed in at the station, and other roles are refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from kiosk.domain.errors import ValidationError
from kiosk.domain.staff import Role
from kiosk.domain.station import StationRole
from kiosk.server.context import ServerContext
from kiosk.storage.models import AuditEvent, IdempotentReply, Invitation, PrintJob
from tests.server.test_stations_api import assert_problem, clock_of

Make = Callable[..., TestClient]


def host_id(context: ServerContext) -> int:
    return next(h.host_id for h in context.core.directory.search("王芳") if h.name == "王芳")


def window(context: ServerContext, hours: int = 4) -> dict[str, str]:
    start = clock_of(context).now()
    return {"valid_from": start.isoformat(), "valid_until": (start + timedelta(hours=hours)).isoformat()}


def invite_body(context: ServerContext, name: str = "Emily Carter", **extra: object) -> dict[str, Any]:
    return {"visitor_name": name, "host_id": host_id(context), **window(context), **extra}


def invitations(context: ServerContext) -> list[Invitation]:
    with context.core.database.sessions() as session:
        return list(session.scalars(select(Invitation).order_by(Invitation.id)))


def test_a_desk_invites_and_lists_and_the_code_works_at_the_kiosk(
    station: Make, context: ServerContext
) -> None:
    desk = station(StationRole.DESK, staff=Role.SALES)
    reply = desk.post("/api/v1/pre-registrations", json=invite_body(context, company="Acme Data"))
    assert reply.status_code == 200, reply.text
    code = reply.json()["invitations"][0]["code"]
    start = clock_of(context).now()
    listed = desk.get(
        "/api/v1/pre-registrations",
        params={"start": start.isoformat(), "end": (start + timedelta(days=14)).isoformat()},
    )
    assert [row["code"] for row in listed.json()] == [code]
    assert context.core.checkin.find_invitation(code).company == "Acme Data"
    with context.core.database.sessions() as session:
        actor = session.scalars(
            select(AuditEvent.actor).where(AuditEvent.action == "invitation.created")
        ).one()
    assert actor.startswith("staff:sales")  # the member signed in, never a name the body carries


def test_a_group_with_a_bad_line_names_it_and_stores_nothing(station: Make, context: ServerContext) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    body = {
        "host_id": host_id(context),
        "visiting_unit": "Acme Data",
        "headcount": 3,
        **window(context),
        "invitees": [{"name": "欧阳娜娜"}, {"name": "Emily Carter", "mobile": "12345"}],
    }
    reply = desk.post("/api/v1/pre-registrations/groups", json=body)
    problem = assert_problem(reply, 422, "validation", field="mobile")
    assert problem["params"]["line"] == 2
    assert invitations(context) == []
    body["invitees"][1] = {"name": "Emily Carter", "email": "emily@example.com"}
    reply = desk.post("/api/v1/pre-registrations/groups", json=body)
    assert reply.status_code == 200 and len(reply.json()["invitations"]) == 2
    assert reply.json()["group_id"] is not None


def test_an_invitation_sent_twice_with_its_key_is_stored_once(station: Make, context: ServerContext) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    headers = {"Idempotency-Key": "invite-1"}
    first = desk.post("/api/v1/pre-registrations", json=invite_body(context), headers=headers)
    again = desk.post("/api/v1/pre-registrations", json=invite_body(context), headers=headers)
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json()
    assert len(invitations(context)) == 1


def test_a_group_whose_reply_was_lost_is_answered_from_what_was_stored(
    station: Make, context: ServerContext
) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    body = {
        "host_id": host_id(context),
        "visiting_unit": "Acme Data",
        "headcount": 2,
        **window(context),
        "invitees": [{"name": "欧阳娜娜"}, {"name": "Emily Carter"}],
    }
    headers = {"Idempotency-Key": "group-1"}
    first = desk.post("/api/v1/pre-registrations/groups", json=body, headers=headers)
    with context.core.database.sessions.begin() as session:
        # The server stopped after the group was stored, before its reply was.
        session.execute(
            update(IdempotentReply).values(
                status_code=0, body=json.dumps({"entity_id": first.json()["group_id"]})
            )
        )
    again = desk.post("/api/v1/pre-registrations/groups", json=body, headers=headers)
    assert again.status_code == 200 and again.json() == first.json()
    assert len(invitations(context)) == 2


def test_a_time_without_its_zone_is_refused(station: Make, context: ServerContext) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    body = invite_body(context, valid_from="2026-11-25T10:00:00", valid_until="2026-11-25T12:00:00")
    assert_problem(desk.post("/api/v1/pre-registrations", json=body), 422, "request_invalid")


def test_the_invitation_prints_at_the_calling_desk_and_cancel_stops_the_code(
    station: Make, context: ServerContext
) -> None:
    desk = station(StationRole.DESK, name="front-desk", staff=Role.RECEPTIONIST)
    invited = desk.post("/api/v1/pre-registrations", json=invite_body(context)).json()["invitations"][0]
    reply = desk.post(f"/api/v1/pre-registrations/{invited['invitation_id']}/print", json={"language": "en"})
    assert reply.status_code == 200, reply.text
    assert reply.json()["printed"] is False and reply.json()["error"] is None  # queued for the desk
    with context.core.database.sessions() as session:
        job = session.get_one(PrintJob, reply.json()["job_id"])
        assert (job.station, job.reference) == ("front-desk", invited["code"])
    claimed = desk.post("/api/v1/print-jobs/claim").json()
    assert [job["job_id"] for job in claimed] == [reply.json()["job_id"]]
    assert desk.post(f"/api/v1/pre-registrations/{invited['invitation_id']}/cancel").status_code == 204
    with pytest.raises(ValidationError):
        context.core.checkin.find_invitation(invited["code"])


def test_an_e_mail_without_a_mail_server_says_so(station: Make, context: ServerContext) -> None:
    desk = station(StationRole.DESK, staff=Role.RECEPTIONIST)
    invited = desk.post("/api/v1/pre-registrations", json=invite_body(context, email="e@example.com"))
    invitation_id = invited.json()["invitations"][0]["invitation_id"]
    reply = desk.post(f"/api/v1/pre-registrations/{invitation_id}/email")
    assert_problem(reply, 422, "validation", field="email", reason="not_configured")


ACTIONS: list[tuple[str, str, Callable[[ServerContext], Any]]] = [
    ("GET", "/api/v1/pre-registrations?start=2026-11-25T00:00:00%2B08:00&end=2026-11-26T00:00:00%2B08:00", lambda c: None),
    ("POST", "/api/v1/pre-registrations", invite_body),
    ("POST", "/api/v1/pre-registrations/groups", lambda c: {
        "host_id": host_id(c), "visiting_unit": "Acme", "headcount": 1, **window(c), "invitees": [{"name": "A"}],
    }),
    ("POST", "/api/v1/pre-registrations/1/cancel", lambda c: None),
    ("POST", "/api/v1/pre-registrations/1/print", lambda c: {"language": "en"}),
    ("POST", "/api/v1/pre-registrations/1/email", lambda c: None),
]  # fmt: skip


@pytest.mark.parametrize(("method", "path", "body"), ACTIONS, ids=[a[1].split("?")[0] for a in ACTIONS])
@pytest.mark.parametrize(
    ("role", "staff"),
    [(StationRole.DESK, Role.GUARD), (StationRole.KIOSK, None), (StationRole.GUARD, Role.GUARD)],
)
def test_every_action_is_refused_without_the_right(
    station: Make,
    context: ServerContext,
    method: str,
    path: str,
    body: Callable[[ServerContext], Any],
    role: StationRole,
    staff: Role | None,
) -> None:
    client = station(role, staff=staff)
    reply = client.request(method, path, json=body(context))
    assert_problem(reply, 403, "forbidden")
    assert invitations(context) == []
