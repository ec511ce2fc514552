"""invitations: pre-registered visitors with a 6-character code

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 03:21:20.330618
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "invitations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("visitor_name", sa.String(length=60), nullable=False),
        sa.Column("company", sa.String(length=80), nullable=False),
        sa.Column("mobile", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=120), nullable=True),
        sa.Column("host_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=200), nullable=False),
        sa.Column("party_size", sa.Integer(), nullable=False),
        sa.Column("valid_from", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("valid_until", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["host_id"], ["hosts.id"], name=op.f("fk_invitations_host_id_hosts")),
        sa.ForeignKeyConstraint(["visit_id"], ["visits.id"], name=op.f("fk_invitations_visit_id_visits")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitations")),
        sa.UniqueConstraint("code", name=op.f("uq_invitations_code")),
    )
    with op.batch_alter_table("invitations", schema=None) as batch_op:
        batch_op.create_index("ix_invitations_valid_from", ["valid_from"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("invitations", schema=None) as batch_op:
        batch_op.drop_index("ix_invitations_valid_from")

    op.drop_table("invitations")
