"""Committed changes are told to every server sharing a PostgreSQL database (kiosk.storage.changes):
one NOTIFY per transaction, sent in it, so a listener hears a change only once it is committed and
never one rolled back; SQLite, one server by nature, sends nothing."""

from __future__ import annotations

import json
import select
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import update
from sqlalchemy.engine import make_url

from kiosk.domain.printing import PrintJobStatus
from kiosk.services.counters import next_value
from kiosk.storage import changes, migrate
from kiosk.storage.changes import CHANNEL, MAX_PAYLOAD, Change, decode, encode
from kiosk.storage.database import Database, sqlite_url_for
from kiosk.storage.models import Host, PrintJob
from tests.conftest import TEST_NOW, postgres_cluster


@pytest.fixture
def database(postgres_database: str) -> Iterator[Database]:
    with Database.open(postgres_database) as opened:
        yield opened


@pytest.fixture
def listener(postgres_database: str) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    """Another connection to the same database, listening as another server's relay does."""
    name = make_url(postgres_database).database
    assert name is not None
    with psycopg.connect(postgres_cluster().dsn(name), autocommit=True) as conn:
        conn.execute(f"LISTEN {CHANNEL}")
        yield conn


def heard(conn: psycopg.Connection[tuple[object, ...]], wait_s: float = 5) -> list[Change]:
    """The notices that arrive together, the first within ``wait_s``."""
    found = []
    if select.select([conn.fileno()], [], [], wait_s)[0]:
        for note in conn.notifies(timeout=0.05):
            change = decode(note.payload)
            assert change is not None, note.payload
            found.append(change)
    return found


def nothing_else_heard(database: Database, listener: psycopg.Connection[tuple[object, ...]]) -> None:
    """Nothing was told since the last notice: the next one heard is that of a change committed
    now (notices arrive in commit order, so any other would come first)."""
    with database.sessions.begin() as session:
        marker = host("标记")
        session.add(marker)
        session.flush()
        marker_id = marker.id
    assert [c.tables for c in heard(listener, 5)] == [{"hosts": [marker_id]}]


def host(name: str = "王芳") -> Host:
    return Host(name=name, department="财务部")


def print_job(station: str) -> PrintJob:
    return PrintJob(
        document="badge",
        reference="B0001",
        data="{}",
        language="zh_CN",
        station=station,
        status=PrintJobStatus.QUEUED,
        created_at=TEST_NOW,
        next_attempt_at=TEST_NOW,
    )


def test_a_committed_change_is_heard_on_another_connection_with_its_rows(
    database: Database, listener: psycopg.Connection[tuple[object, ...]]
) -> None:
    with database.sessions.begin() as session:
        first, second = host("王芳"), host("李强")
        session.add_all([first, second])
        session.flush()
        first.department = "工程部"  # a second flush in the same transaction
        next_value(session, "badge")  # a number taken: bookkeeping, not named
        ids = sorted([first.id, second.id])
    [change] = heard(listener)  # one notice for the whole transaction
    assert change.origin == database.sessions.origin
    assert change.tables == {"hosts": ids}
    assert change.print_stations == []


def test_nothing_is_heard_before_the_commit_nor_of_a_rollback(
    database: Database, listener: psycopg.Connection[tuple[object, ...]]
) -> None:
    session = database.sessions()
    session.add(host())
    session.flush()
    assert heard(listener, 0.1) == []  # written, not committed: no one may read it yet
    session.rollback()
    session.close()
    nothing_else_heard(database, listener)
    # A failed commit is rolled back with its notice.
    with pytest.raises(RuntimeError), database.sessions.begin() as session:
        session.add(host())
        raise RuntimeError("the service refused half-way")
    nothing_else_heard(database, listener)
    # A transaction that only read, or only took a number, tells nothing.
    with database.sessions.begin() as session:
        session.get(Host, 1)
        next_value(session, "badge")
    nothing_else_heard(database, listener)


def test_print_jobs_name_their_stations_and_bulk_statements_their_table(
    database: Database, listener: psycopg.Connection[tuple[object, ...]]
) -> None:
    with database.sessions.begin() as session:
        session.add_all([print_job("kiosk-1"), print_job("desk-2"), print_job("kiosk-1")])
    [change] = heard(listener)
    assert change.print_stations == ["desk-2", "kiosk-1"]
    assert change.tables is not None and len(change.tables["print_jobs"] or []) == 3
    # A statement with no objects behind it: the table without ids...
    with database.sessions.begin() as session:
        session.execute(update(PrintJob).where(PrintJob.station == "kiosk-1").values(copy=True))
    [change] = heard(listener)
    assert change.tables == {"print_jobs": None}
    # ...and only if it changed a row (a station asking for jobs when there are none).
    with database.sessions.begin() as session:
        session.execute(update(PrintJob).where(PrintJob.station == "nobody").values(copy=True))
    nothing_else_heard(database, listener)


def test_a_large_change_is_named_without_its_ids(
    database: Database, listener: psycopg.Connection[tuple[object, ...]]
) -> None:
    with database.sessions.begin() as session:
        session.add_all([host(f"访客{n}") for n in range(changes.MAX_IDS + 1)])
    [change] = heard(listener)
    assert change.tables == {"hosts": None}


def test_a_notice_always_fits_postgresql_s_limit() -> None:
    pending = changes._Pending()
    for table in range(400):
        for row in range(changes.MAX_IDS):
            pending.touch(f"table_{table}", 10**9 + row)
    pending.stations = {f"打印站{n}" * 10 for n in range(changes.MAX_STATIONS)}
    text = encode("origin", pending)
    assert len(text.encode()) <= MAX_PAYLOAD
    change = decode(text)
    assert change is not None and change.origin == "origin"
    # Too many tables even to name: "anything may have changed".
    assert change.tables is None or all(ids is None for ids in change.tables.values())


@given(
    st.dictionaries(
        st.text(min_size=1, max_size=30),
        st.none() | st.lists(st.integers(min_value=1, max_value=2**62), max_size=60),
        max_size=8,
    ),
    st.none() | st.sets(st.text(max_size=80), max_size=25),
)
def test_encode_and_decode_agree(tables: dict[str, list[int] | None], stations: set[str] | None) -> None:
    pending = changes._Pending({k: None if v is None else set(v) for k, v in tables.items()}, stations)
    change = decode(encode("abc", pending))
    assert change is not None and change.origin == "abc" and change.tables is not None
    for name, ids in tables.items():
        if name in changes.UNTOLD:
            continue
        told = change.tables[name]
        assert told is None or (ids is not None and told == sorted(set(ids)))
    if change.print_stations is not None:
        assert stations is not None and change.print_stations == sorted(stations)


@given(st.text(max_size=200) | st.from_regex(r'\{"o": ?("x"|1|null), ?"t": ?.{0,30}\}', fullmatch=True))
def test_decode_never_raises_on_someone_else_s_notice(payload: str) -> None:
    change = decode(payload)
    assert change is None or isinstance(change.origin, str)


def test_a_notice_not_of_ours_is_ignored() -> None:
    assert decode("hello") is None
    assert decode(json.dumps({"o": 5, "t": {}})) is None
    assert decode(json.dumps({"o": "x", "t": {"visits": ["a"]}})) is None


def test_sqlite_sends_nothing(tmp_path: Path) -> None:
    with Database.open(sqlite_url_for(tmp_path / "kiosk.db")) as database:
        migrate.upgrade(database.engine)
        assert database.sessions.origin is None
        # SQLite has no pg_notify: a commit that tried to send a notice would fail here.
        with database.sessions.begin() as session:
            session.add(host())
        with database.sessions.reads() as session:
            assert session.get(Host, 1) is not None
