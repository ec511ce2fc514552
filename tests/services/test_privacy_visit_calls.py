"""The desk's calls about a visit (whom, the number, what they said) and the resident a walk-in
visited go with their visit: blanked by the purge after visits_days once the visit is over, and
found, exported and erased with it on a person's request, found under the resident too."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.calls import CallAnswer, CallChannel, CallDraft, Callee, WalkInRequest
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import VisitStatus
from kiosk.domain.visitor_log import parse_filter
from kiosk.services.audit import Actor
from kiosk.services.privacy import PrivacyError, PrivacyService, Query
from kiosk.services.retention import PURGED
from kiosk.storage.models import DeskRegistration, VisitCall
from tests.conftest import FixedClock
from tests.services.test_desk_visits import CLERK, DESK, RESIDENTS_CSV
from tests.services.test_privacy_registers import left_in_rows
from tests.services.test_retention import CLI, encoded
from tests.test_cli import run_cli

VISITOR = "欧阳奶奶"
RESIDENT = "周敏"  # of 2-104 in RESIDENTS_CSV, phone 13729552354
# What the clerk wrote of each call: only the calls' rows hold these.
NOTES = ("门铃没人应，改打手机", "周女士说马上下楼接")
ON_SITE_NOTE = "李先生说在家等"


@dataclass(frozen=True)
class Planted:
    left: int  # the walk-in, checked out: its calls and resident may go
    staying: int  # another walk-in still on site: kept whatever its age


def plant(app: KioskApp) -> Planted:
    """Through the real services: a walk-in to 2-104 visiting 周敏, the intercom unanswered, then
    周敏 agreeing on her phone, checked out; and a walk-in to 3-201 let in and still on site."""
    assert app.residents.import_residents(RESIDENTS_CSV.encode(), "r.csv", Actor("cli", "pm")).imported
    zhou = next(r for r in app.desk_visits.unit("2-104", CLERK).residents if r.name == RESIDENT)
    request = CheckInRequest(VISITOR, 0, declaration_accepted=True, purpose="探亲")
    left = app.desk_visits.register(WalkInRequest(request, "2-104", zhou.resident_id), CLERK, DESK).visit_id
    unanswered = CallDraft(Callee.UNIT, CallChannel.INTERCOM, "2-104", CallAnswer.NO_ANSWER, note=NOTES[0])
    app.desk_visits.record_call(left, unanswered, CLERK)
    agreed = CallDraft(
        Callee.RESIDENT, CallChannel.PHONE, "13729552354", CallAnswer.AGREED, zhou.resident_id, NOTES[1]
    )
    assert app.desk_visits.record_call(left, agreed, CLERK).visit_status == VisitStatus.ON_SITE.value
    app.lobby.check_out(left, Actor.desk(DESK))
    other = CheckInRequest("钱途广", 0, declaration_accepted=True)
    staying = app.desk_visits.register(WalkInRequest(other, "3-201"), CLERK, DESK).visit_id
    yes = CallDraft(Callee.UNIT, CallChannel.INTERCOM, "3-201", CallAnswer.AGREED, note=ON_SITE_NOTE)
    app.desk_visits.record_call(staying, yes, CLERK)
    return Planted(left, staying)


def calls(app: KioskApp, visit_id: int) -> list[tuple[object, ...]]:
    with app.database.sessions() as session:
        rows = session.scalars(select(VisitCall).where(VisitCall.visit_id == visit_id).order_by(VisitCall.id))
        return [
            (c.callee_name, c.number, c.note, c.resident_id, c.channel, c.answer, c.called_by_name)
            for c in rows
        ]


def registration(app: KioskApp, visit_id: int) -> tuple[str, int | None, str]:
    with app.database.sessions() as session:
        row = session.get(DeskRegistration, visit_id)
        assert row is not None
        return row.resident_name, row.resident_id, row.registered_by_name


def test_the_purge_blanks_the_calls_and_the_resident_visited_with_their_visit(
    app: KioskApp, clock: FixedClock
) -> None:
    p = plant(app)
    day = clock.now().astimezone(app.site.timezone).date()
    clock.advance(days=179)  # inside visits_days (180): nothing of them goes
    counts = {c.kind: c.rows for c in app.retention.purge(CLI).counts}
    assert (counts["visit_calls"], counts["desk_registrations"]) == (0, 0)
    clock.advance(days=2)
    report = app.retention.purge(CLI)
    counts = {c.kind: c.rows for c in report.counts}
    assert (counts["visits"], counts["visit_calls"], counts["desk_registrations"]) == (1, 2, 1)
    # Whom, the number, the note and the resident go; how, the answer and the clerk stay.
    assert calls(app, p.left) == [
        (PURGED, "", "", None, CallChannel.INTERCOM, CallAnswer.NO_ANSWER, "李娜"),
        (PURGED, "", "", None, CallChannel.PHONE, CallAnswer.AGREED, "李娜"),
    ]
    assert registration(app, p.left) == (PURGED, None, "李娜")
    # The visitor still on site keeps everything, however old.
    assert [c[:3] for c in calls(app, p.staying)] == [("3-201", "3-201", ON_SITE_NOTE)]
    assert left_in_rows(app, encoded([VISITOR, *NOTES])) == []
    # The log still says who registered the visitor and that the desk called, and the answers.
    (row,) = [r for r in app.visitor_log.search(parse_filter(day, day)).rows if r.visit_id == p.left]
    assert row.registered_by == "李娜" and [c.answer for c in row.calls] == [
        CallAnswer.NO_ANSWER,
        CallAnswer.AGREED,
    ]
    # A second run changes nothing.
    assert app.retention.purge(CLI).total == 0


def test_a_visit_is_found_under_the_resident_and_exported_and_erased_with_its_calls(
    app: KioskApp,
) -> None:
    p = plant(app)
    privacy = PrivacyService(app.database.sessions, app.clock, app.site.timezone)
    (found,) = privacy.find(Query(VISITOR))
    assert found.ref == f"visit:{p.left}" and not found.open
    assert f"registered at the desk by 李娜, visiting resident {RESIDENT}" in found.details
    assert f"desk called {RESIDENT}" in found.details
    # The resident asking: the visit names her (visited, called); the one still on site never did.
    assert [f.ref for f in privacy.find(Query("周 敏"))] == [f"visit:{p.left}"]
    assert privacy.find(Query(RESIDENT, since=date(2027, 1, 1))) == []
    # The same from the server machine's command.
    listed = run_cli(
        "privacy", "find", "--name", RESIDENT, env_extra={"KIOSK_DATABASE_URL": app.config.database_url}
    )
    assert listed.returncode == 0, listed.stderr
    assert re.findall(r"^([a-z]+:\d+) ", listed.stdout, re.MULTILINE) == [f"visit:{p.left}"]

    written: list[bytes] = []
    assert privacy.export([found.ref], CLI, written.append) == 1
    (record,) = json.loads(b"".join(written))["records"]
    assert (record["registered at the desk by"], record["resident visited"]) == ("李娜", RESIDENT)
    assert [
        (c["how"], c["to"], c["number"], c["answer"], c["note"], c["called by"])
        for c in record["calls the desk made"]
    ] == [
        ("intercom", "2-104", "2-104", "no_answer", NOTES[0], "李娜"),
        ("phone", RESIDENT, "13729552354", "agreed", NOTES[1], "李娜"),
    ]

    # Still on site: refused, nothing changed.
    with pytest.raises(PrivacyError, match="on site"):
        privacy.erase([f"visit:{p.staying}"], CLI)
    erased = privacy.erase([found.ref], CLI)
    counts = {c.kind: c.rows for c in erased.counts}
    assert (counts["visits"], counts["visit_calls"], counts["desk_registrations"]) == (1, 2, 1)
    assert [c[:4] for c in calls(app, p.left)] == [(PURGED, "", "", None)] * 2
    assert registration(app, p.left) == (PURGED, None, "李娜")
    assert left_in_rows(app, encoded([VISITOR, *NOTES])) == []
    assert [c[2] for c in calls(app, p.staying)] == [ON_SITE_NOTE]
    assert privacy.find(Query(RESIDENT)) == []
