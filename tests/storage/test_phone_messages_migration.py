"""Migration 0023 turns the kiosk's stored messages into the desk's inbox, and goes back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import select
from sqlalchemy import text as sql

from kiosk.domain.phone_messages import CallerRequest, MessageSource, MessageStatus
from kiosk.storage import migrate
from kiosk.storage.database import Database
from kiosk.storage.migrate import _alembic_config
from kiosk.storage.models import HostMessage


@pytest.fixture
def empty(empty_database: str) -> Iterator[Database]:
    with Database.open(empty_database) as db:
        yield db


def test_messages_left_before_0023_are_open_kiosk_messages_of_their_time(empty: Database) -> None:
    with empty.engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0022")
    with empty.engine.begin() as conn:
        conn.execute(
            sql(
                "INSERT INTO hosts (name, department, active, pinyin, initials) VALUES ('李四', '财务部', :t, '', '')"
            ),
            {"t": True},
        )
        for phone, relayed in (("13912345678", None), ("", "2026-11-25 03:00:00")):
            conn.execute(
                sql(
                    "INSERT INTO host_messages (host_id, caller_name, company, phone, text, recorded_by, "
                    "created_at, relayed_at) VALUES (1, '欧阳娜娜', '', :phone, '请回电', 'kiosk:k1', "
                    "'2026-11-25 02:00:00', :relayed)"
                ),
                {"phone": phone, "relayed": relayed},
            )
    assert migrate.upgrade(empty.engine)
    migrate.check(empty.engine)
    with empty.sessions() as session:
        rows = session.scalars(select(HostMessage).order_by(HostMessage.id)).all()
        got = [(r.source, r.status, r.caller_request, r.received_at == r.created_at, r.city) for r in rows]
    assert got == [
        (MessageSource.KIOSK, MessageStatus.OPEN, CallerRequest.CALL_BACK, True, ""),
        (MessageSource.KIOSK, MessageStatus.PASSED_ON, CallerRequest.NONE, True, ""),
    ]
    # Back to 0022 while every message is for a person of the directory; then up again.
    migrate.downgrade(empty.engine, "0022")
    assert migrate.upgrade(empty.engine)
    with empty.engine.begin() as conn:
        conn.execute(sql("UPDATE host_messages SET host_id = NULL WHERE id = 2"))
    # A message for a unit has nowhere to go before 0023: refused, nothing deleted.
    with pytest.raises(RuntimeError, match="1 phone messages"):
        migrate.downgrade(empty.engine, "0022")
    with empty.sessions() as session:
        assert len(session.scalars(select(HostMessage)).all()) == 2
