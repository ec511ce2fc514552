"""Alembic environment: always run on a connection the kiosk hands over (no alembic.ini)."""

from __future__ import annotations

from alembic import context

from kiosk.storage.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
