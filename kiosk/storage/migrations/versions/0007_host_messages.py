"""host messages (留言): contact details a declined visitor leaves, and switchboard messages

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 03:42:53.697601
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "host_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("host_id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("caller_name", sa.String(length=60), nullable=False),
        sa.Column("company", sa.String(length=80), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column("recorded_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("relayed_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["host_id"], ["hosts.id"], name=op.f("fk_host_messages_host_id_hosts")),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], name=op.f("fk_host_messages_visit_id_visits")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_host_messages")),
    )


def downgrade() -> None:
    op.drop_table("host_messages")
