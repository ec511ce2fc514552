"""The watchlist does not fail open: a name typed another way, another company or none, or an ID
number typed beside a listed name, holds the visit for staff, and the desk's board says why."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.app import KioskApp
from kiosk.domain.views import CheckInRequest
from kiosk.domain.visit import VisitStatus
from kiosk.domain.watchlist import WatchlistHold, WatchlistMatch
from kiosk.services.audit import Actor
from kiosk.storage.models import AuditEvent, Visit, WatchlistEntry
from tests.conftest import FixedClock

SUPERVISOR = Actor("staff", "supervisor-1")
ID = "11010519491231002X"
OTHER_ID = "110105194912310046"


def check_in(app: KioskApp, name: str, company: str = "", id_number: str = "") -> tuple[int, VisitStatus]:
    host = app.directory.search("李四")[0].host_id
    request = CheckInRequest(
        name,
        host,
        company=company,
        declaration_accepted=True,
        id_type="resident_id" if id_number else "",
        id_number=id_number,
    )
    result = app.checkin.check_in(request, app.actor)
    return result.visit_id, result.status


def hold_on_the_board(app: KioskApp, visit_id: int) -> WatchlistHold | None:
    (row,) = [w for w in app.lobby.waiting() if w.visit_id == visit_id]
    return row.hold


@pytest.mark.parametrize(
    "typed",
    ["王强", "王 强", "王　强", "王強", "  王·强 "],
    ids=["as-listed", "space", "ideographic-space", "traditional", "middle-dot"],
)
def test_a_listed_name_typed_another_way_is_held(app: KioskApp, typed: str) -> None:
    app.watchlist.add("王强", "寻衅闹事", SUPERVISOR)
    visit_id, status = check_in(app, typed)
    assert status is VisitStatus.HELD
    entry = app.watchlist.entries()[0].entry_id
    assert hold_on_the_board(app, visit_id) == WatchlistHold(entry, WatchlistMatch.NAME)


@pytest.mark.parametrize(
    "typed",
    ["ZHANG San", "ｚｈａｎｇ ｓａｎ", "Zhang-San", "zhangsan"],
    ids=["case", "full-width", "hyphen", "joined"],
)
def test_a_latin_name_in_any_case_width_or_spacing_is_held(app: KioskApp, typed: str) -> None:
    app.watchlist.add("Zhang San", "x", SUPERVISOR, company="Acme Co., Ltd.")
    visit_id, status = check_in(app, typed, company="ACME")
    assert status is VisitStatus.HELD
    hold = hold_on_the_board(app, visit_id)
    assert hold is not None and hold.match is WatchlistMatch.NAME_AND_COMPANY


@pytest.mark.parametrize(
    ("company", "match"),
    [
        ("某某有限公司", WatchlistMatch.NAME_AND_COMPANY),  # the legal form added
        ("別的公司", WatchlistMatch.NAME_COMPANY_DIFFERS),
        ("", WatchlistMatch.NAME_NO_COMPANY),
    ],
    ids=["same-company", "company-differs", "no-company"],
)
def test_a_changed_or_missing_company_still_holds_and_says_so(
    app: KioskApp, company: str, match: WatchlistMatch
) -> None:
    entry = app.watchlist.add("王强", "寻衅闹事", SUPERVISOR, company="某某公司")
    visit_id, status = check_in(app, "王强", company=company)
    assert status is VisitStatus.HELD
    assert hold_on_the_board(app, visit_id) == WatchlistHold(entry, match)
    with app.database.sessions() as session:
        held = session.scalars(select(AuditEvent).where(AuditEvent.action == "visit.held")).one()
    detail = json.loads(held.detail)
    assert (detail["watchlist_entry"], detail["match"]) == (entry, match.value)


def test_an_id_number_holds_by_itself_and_a_namesakes_other_number_is_shown_to_staff(
    app: KioskApp,
) -> None:
    entry = app.watchlist.add("王强", "寻衅闹事", SUPERVISOR, id_type="resident_id", id_number=ID)
    alias, status = check_in(app, "王小强", id_number=ID)
    assert status is VisitStatus.HELD
    assert hold_on_the_board(app, alias) == WatchlistHold(entry, WatchlistMatch.ID_NUMBER)
    namesake, status = check_in(app, "王强", id_number=OTHER_ID)
    assert status is VisitStatus.HELD
    assert hold_on_the_board(app, namesake) == WatchlistHold(entry, WatchlistMatch.NAME_ID_DIFFERS)


def test_the_strongest_of_several_matches_names_its_entry(app: KioskApp) -> None:
    app.watchlist.add("王强", "x", SUPERVISOR, company="别的公司")
    same_company = app.watchlist.add("王強", "y", SUPERVISOR, company="某某公司")
    visit_id, _ = check_in(app, "王强", company="某某公司")
    assert hold_on_the_board(app, visit_id) == WatchlistHold(same_company, WatchlistMatch.NAME_AND_COMPANY)


def test_another_name_goes_on_and_a_removed_or_ended_entry_holds_nobody(
    app: KioskApp, clock: FixedClock
) -> None:
    entry = app.watchlist.add("王强", "x", SUPERVISOR, until=clock.now() + timedelta(days=1))
    for other in ("王强强", "王", "汪强"):
        assert check_in(app, other)[1] is VisitStatus.PENDING, other
    clock.advance(days=2)
    assert check_in(app, "王强")[1] is VisitStatus.PENDING
    clock.advance(days=-2)
    app.watchlist.remove(entry, SUPERVISOR)
    assert check_in(app, "王强")[1] is VisitStatus.PENDING


def test_an_invited_visitor_at_another_company_is_held_not_let_in(app: KioskApp, clock: FixedClock) -> None:
    entry = app.watchlist.add("欧阳娜娜", "x", SUPERVISOR, company="某某公司")
    host = app.directory.search("王芳")[0].host_id
    start = clock.now() - timedelta(hours=1)
    code = app.invitations.invite(
        "歐陽 娜娜", host, start, start + timedelta(hours=4), Actor.desk("d"), company="华南数据"
    ).code
    result = app.checkin.check_in_invited(code, app.actor, "zh_CN", True)
    assert (result.status, result.badge_number) == (VisitStatus.HELD, None)
    assert hold_on_the_board(app, result.visit_id) == WatchlistHold(
        entry, WatchlistMatch.NAME_COMPANY_DIFFERS
    )


def test_a_released_hold_waits_for_the_host_and_keeps_its_reason_for_the_record(app: KioskApp) -> None:
    entry = app.watchlist.add("王强", "x", SUPERVISOR)
    visit_id, _ = check_in(app, "王强")
    app.checkin.release_hold(visit_id, SUPERVISOR, "not the same person: checked the ID card")
    assert hold_on_the_board(app, visit_id) is None  # waiting for the host like any other
    with app.database.sessions() as session:
        visit = session.get_one(Visit, visit_id)
        assert (visit.status, visit.hold_entry_id, visit.hold_match) == (
            VisitStatus.PENDING,
            entry,
            WatchlistMatch.NAME,
        )


def test_every_way_of_adding_an_entry_stores_the_key_it_is_looked_up_by(
    app: KioskApp, clock: FixedClock
) -> None:
    added = app.watchlist.add("ＷＡＮＧ　Qiang", "x", SUPERVISOR)
    with app.database.sessions.begin() as session:
        session.add(WatchlistEntry(name="歐陽 娜娜", reason="y", added_by="s", added_at=clock.now()))
    with app.database.sessions() as session:
        keys = {
            row.id: row.name_key
            for row in session.execute(select(WatchlistEntry.id, WatchlistEntry.name_key))
        }
    assert keys[added] == "wangqiang"
    assert "欧阳娜娜" in keys.values()
