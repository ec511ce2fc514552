"""Two site servers on one PostgreSQL database, each a `kiosk serve` process with stations of its
own: a check-in through server A is on a desk of server B within a second (the check-in's own
transaction notifies, B's relay publishes it on B's event stream), and B's board shows it. When
B's relay loses its database connection it makes a new one and tells its stations to re-fetch."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from kiosk.client.api import Session, Visits
from kiosk.domain.staff import DEMO_PIN, Role
from kiosk.domain.station import StationRole
from kiosk.domain.views import CheckInRequest
from kiosk.server.events import EventHub
from kiosk.server.relay import SILENT, TOPICS, events_for, start_relay
from kiosk.storage.changes import UNTOLD, Change
from kiosk.storage.database import Database
from kiosk.storage.models import Base, WatchlistEntry
from tests.conftest import TEST_NOW, postgres_cluster
from tests.site.servers import ServerProcess, enrolled, keys_folder, next_event, two_servers


@dataclass
class Site:
    a: ServerProcess
    b: ServerProcess
    database: str
    kiosk_at_a: str  # station credentials
    desk_at_b: str


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    cluster = postgres_cluster()
    name = cluster.new_database()
    url = cluster.url(name)
    try:
        folder = Path(tmp_path_factory.mktemp("servers"))
        with two_servers(url, folder) as (a, b):
            stations = [("kiosk-a", StationRole.KIOSK), ("desk-b", StationRole.DESK)]
            tokens = enrolled(url, stations, keys_folder(folder / "server-a"))
            yield Site(a, b, name, tokens["kiosk-a"], tokens["desk-b"])
    finally:
        cluster.drop_database(name)


def check_in(site: Site, name: str) -> tuple[float, int]:
    visits = Visits(site.a.station(site.kiosk_at_a))
    host = visits.search_hosts("")[0].host_id
    sent = time.perf_counter()
    result = visits.check_in(
        CheckInRequest(name, host, company="华南数据科技有限公司", declaration_accepted=True)
    )
    return sent, result.visit_id


def test_a_check_in_through_a_reaches_a_desk_of_b_within_a_second(site: Site) -> None:
    listener, heard = site.b.events(site.desk_at_b)
    try:
        next_event(heard, "connected")
        sent, visit_id = check_in(site, "张伟")
        arrived = next_event(heard, "board", visit_id)
        assert arrived - sent < 1.0, f"the check-in took {arrived - sent:.2f} s to reach server B's desk"
    finally:
        listener.stop()
    # The desk of B reads the visit through B.
    desk = site.b.station(site.desk_at_b)
    Session(desk).sign_in(Role.RECEPTIONIST.value, DEMO_PIN)
    board = Visits(desk).board()
    assert visit_id in [v.visit_id for v in board.waiting] + [v.visit_id for v in board.on_site]


def test_b_s_relay_reconnects_when_its_connection_is_cut_and_tells_its_stations_to_re_fetch(
    site: Site,
) -> None:
    listener, heard = site.b.events(site.desk_at_b)
    try:
        next_event(heard, "connected")
        cut = f"""
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = '{site.database}' AND application_name = 'kiosk-relay:{site.b.process.pid}'
        """
        cluster = postgres_cluster()
        with psycopg.connect(cluster.dsn(site.database), autocommit=True) as conn:
            row = conn.execute(cut.encode()).fetchone()
        assert row is not None and row[0] == 1, "server B's relay has no connection to cut"
        next_event(heard, "resync")
        # Listening again: the next check-in through A still reaches B.
        sent, visit_id = check_in(site, "李强")
        arrived = next_event(heard, "board", visit_id)
        assert arrived - sent < 1.0
    finally:
        listener.stop()


def test_every_table_is_relayed_under_some_topic_or_said_to_need_none() -> None:
    tables = set(Base.metadata.tables)
    assert tables - set(TOPICS) - SILENT - UNTOLD == set(), "a new table: which topics does it change?"
    assert set(TOPICS) | SILENT <= tables


def test_a_notice_becomes_the_events_the_routes_publish() -> None:
    check_in = Change("other", {"visits": [12], "print_jobs": [40], "host_messages": [3]}, ["kiosk-1"])
    assert sorted(events_for(check_in), key=str) == sorted(
        [
            ("board", None, 12),
            ("messages", None, None),  # a kiosk's message for the desk's inbox
            ("print_queue", None, None),
            ("print_jobs", "kiosk-1", None),
        ],
        key=str,
    )
    # Many visits (an auto check-out), a claim (no station to tell), a notice too large to name.
    many = Change("other", {"visits": None, "print_jobs": None}, [])
    assert sorted(events_for(many), key=str) == [("board", None, None), ("print_queue", None, None)]
    assert events_for(Change("other", {"print_jobs": [1]}, None))[-1] == ("print_jobs", None, None)
    assert events_for(Change("other", None)) == [("resync", None, None)]
    assert events_for(Change("other", {"hosts": [1]}, [])) == []


def test_a_relay_publishes_what_other_servers_change_never_its_own(postgres_database: str) -> None:
    with Database.open(postgres_database) as ours, Database.open(postgres_database) as theirs:
        hub = EventHub()
        relay = start_relay(hub, ours.engine, ours.sessions.origin)
        assert relay is not None and relay.listening
        try:
            for database in (ours, theirs):  # ours first: its notice is heard first
                with database.sessions.begin() as session:
                    session.add(
                        WatchlistEntry(name="赵六", reason="寻衅滋事", added_by="admin", added_at=TEST_NOW)
                    )
            deadline = time.monotonic() + 5
            while hub.last_seq == 0 and time.monotonic() < deadline:
                time.sleep(0.01)
            events, _lost = hub.since(0, "desk-1")
            assert [e.topic for e in events] == ["watchlist"]  # theirs only: our routes publish ours
        finally:
            started = time.monotonic()
            relay.stop()
            assert time.monotonic() - started < 1, "stopping the relay kept the server's shutdown waiting"
