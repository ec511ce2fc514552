"""Migration 0030 gives each host of the staff directory a channel and an address of their own,
and goes back without losing a host."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import inspect
from sqlalchemy import text as sql
from sqlalchemy.exc import IntegrityError

from kiosk.storage import migrate
from kiosk.storage.database import Database
from kiosk.storage.migrate import _alembic_config


@pytest.fixture
def empty(empty_database: str) -> Iterator[Database]:
    with Database.open(empty_database) as db:
        yield db


def test_hosts_keep_their_rows_down_and_up_again(empty: Database) -> None:
    with empty.engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0030")
    with empty.engine.begin() as conn:
        conn.execute(
            sql(
                "INSERT INTO hosts (name, department, active, pinyin, initials, notify_channel, notify_address) "
                "VALUES ('王芳', 'IDC运维部', true, '', '', 'wecom', 'https://qyapi.example/send?key=k')"
            )
        )
    with pytest.raises(IntegrityError), empty.engine.begin() as conn:  # the enum's CHECK
        conn.execute(sql("UPDATE hosts SET notify_channel = 'fax'"))
    migrate.downgrade(empty.engine, "0029")
    columns = {column["name"] for column in inspect(empty.engine).get_columns("hosts")}
    assert "notify_channel" not in columns and "notify_address" not in columns
    with empty.engine.begin() as conn:
        assert conn.scalar(sql("SELECT name FROM hosts")) == "王芳"
        command.upgrade(_alembic_config(conn), "0030")
        assert conn.scalar(sql("SELECT notify_channel FROM hosts")) is None
