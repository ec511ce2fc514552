"""Numbers people see, allocated in the database inside the caller's transaction."""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from kiosk.storage.models import Counter


def next_value(session: Session, name: str) -> int:
    """Increment counter ``name`` atomically and return the new value (the first is 1).

    One upsert statement, so two kiosks never get the same number; a rolled-back transaction
    gives its number back, so numbers are never skipped either.
    """
    dialect = session.get_bind().dialect.name
    insert = sqlite_insert if dialect == "sqlite" else pg_insert
    stmt = (
        insert(Counter)
        .values(name=name, value=1)
        .on_conflict_do_update(index_elements=[Counter.name], set_={"value": Counter.value + 1})
        .returning(Counter.value)
    )
    value: int = session.execute(stmt).scalar_one()
    return value
