"""pre-registration groups (会务贵宾接待工作单): visiting unit, headcount, requirements, notes

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 14:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "invitation_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visiting_unit", sa.String(length=80), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.Column("host_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("valid_until", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("requirements", sa.String(length=500), nullable=False),
        sa.Column("notes", sa.String(length=500), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["host_id"], ["hosts.id"], name=op.f("fk_invitation_groups_host_id_hosts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation_groups")),
    )
    with op.batch_alter_table("invitations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("group_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_invitations_group_id"), ["group_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_invitations_group_id_invitation_groups"), "invitation_groups", ["group_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("invitations", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_invitations_group_id_invitation_groups"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_invitations_group_id"))
        batch_op.drop_column("group_id")
    op.drop_table("invitation_groups")
