"""Migration 0020 gives the watchlist entries already stored the key check-in now looks them up by."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import select
from sqlalchemy import text as sql

from kiosk.domain.names import name_key
from kiosk.storage import migrate
from kiosk.storage.database import Database
from kiosk.storage.migrate import _alembic_config
from kiosk.storage.models import WatchlistEntry

STORED = ["張 三", "ＷＡＮＧ　Qiang", "阿卜杜·熱合曼", "José Müller"]


@pytest.fixture
def empty(empty_database: str) -> Iterator[Database]:
    with Database.open(empty_database) as db:
        yield db


def test_entries_stored_before_0020_get_their_keys(empty: Database) -> None:
    with empty.engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0019")
    with empty.engine.begin() as conn:
        for name in STORED:
            conn.execute(
                sql(
                    "INSERT INTO watchlist (name, company, reason, added_by, added_at, active) "
                    "VALUES (:name, '', 'x', 'staff:1', '2026-11-25 02:00:00', :active)"
                ),
                {"name": name, "active": True},
            )
    assert migrate.upgrade(empty.engine)
    migrate.check(empty.engine)
    with empty.sessions() as session:
        rows = session.execute(select(WatchlistEntry.name, WatchlistEntry.name_key))
        stored = {row.name: row.name_key for row in rows}
    # The migration's own copy of the normalisation gives what the code gives today.
    assert stored == {name: name_key(name) for name in STORED}
    assert stored["張 三"] == "张三" and stored["阿卜杜·熱合曼"] == "阿卜杜热合曼"
