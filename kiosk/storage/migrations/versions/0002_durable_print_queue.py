"""durable print queue: keep the document, per-station retries with backoff, claims

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 03:25:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        # Jobs from 0001 kept only bytes; they get an empty document and can still be re-sent.
        batch_op.add_column(sa.Column("data", sa.Text(), nullable=False, server_default="{}"))
        batch_op.add_column(
            sa.Column("language", sa.String(length=10), nullable=False, server_default="zh_CN")
        )
        batch_op.add_column(sa.Column("copy", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("station", sa.String(length=80), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("next_attempt_at", kiosk.storage.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("claimed_at", kiosk.storage.types.UTCDateTime(), nullable=True))
        batch_op.alter_column("payload", existing_type=sa.LargeBinary(), nullable=True)
    op.execute("UPDATE print_jobs SET next_attempt_at = created_at")
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.alter_column(
            "next_attempt_at", existing_type=kiosk.storage.types.UTCDateTime(), nullable=False
        )
        for column in ("data", "language", "copy", "station"):
            batch_op.alter_column(column, server_default=None)
        batch_op.create_index(
            "ix_print_jobs_station_next_attempt_at", ["station", "next_attempt_at"], unique=False
        )
        batch_op.create_index("ix_print_jobs_visit_id", ["visit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.drop_index("ix_print_jobs_visit_id")
        batch_op.drop_index("ix_print_jobs_station_next_attempt_at")
        batch_op.alter_column("payload", existing_type=sa.LargeBinary(), nullable=False)
        for column in ("claimed_at", "next_attempt_at", "station", "copy", "language", "data"):
            batch_op.drop_column(column)
