"""the lobby assistants' duty roster (大堂助理值班表)

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-05 12:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "duty_rosters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "submitted",
                "approved",
                name="roster_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("shifts", sa.Text(), nullable=False),
        sa.Column("drafted_by", sa.String(length=80), nullable=False),
        sa.Column("drafted_by_name", sa.String(length=60), nullable=False),
        sa.Column("changed_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("submitted_by_id", sa.Integer(), nullable=True),
        sa.Column("submitted_by_name", sa.String(length=60), nullable=False),
        sa.Column("submitted_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("approved_by", sa.String(length=80), nullable=False),
        sa.Column("approved_by_name", sa.String(length=60), nullable=False),
        sa.Column("approved_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("returned_reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["submitted_by_id"], ["staff.id"], name=op.f("fk_duty_rosters_submitted_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_rosters")),
        sa.UniqueConstraint("month", name=op.f("uq_duty_rosters_month")),
    )
    op.create_table(
        "duty_roster_cells",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("roster_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("staff_name", sa.String(length=60), nullable=False),
        sa.Column("shift", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["roster_id"], ["duty_rosters.id"], name=op.f("fk_duty_roster_cells_roster_id_duty_rosters")
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_duty_roster_cells_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_roster_cells")),
        sa.UniqueConstraint("roster_id", "day", "staff_id", name=op.f("uq_duty_roster_cells_roster_id")),
    )
    op.create_index(op.f("ix_duty_roster_cells_day"), "duty_roster_cells", ["day"], unique=False)
    op.create_table(
        "duty_roster_swaps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("roster_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("shift", sa.String(length=10), nullable=False),
        sa.Column("from_staff_id", sa.Integer(), nullable=False),
        sa.Column("from_name", sa.String(length=60), nullable=False),
        sa.Column("to_staff_id", sa.Integer(), nullable=False),
        sa.Column("to_name", sa.String(length=60), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("agreed_by", sa.String(length=80), nullable=False),
        sa.Column("agreed_by_name", sa.String(length=60), nullable=False),
        sa.Column("recorded_by", sa.String(length=80), nullable=False),
        sa.Column("recorded_by_name", sa.String(length=60), nullable=False),
        sa.Column("recorded_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["from_staff_id"], ["staff.id"], name=op.f("fk_duty_roster_swaps_from_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["roster_id"], ["duty_rosters.id"], name=op.f("fk_duty_roster_swaps_roster_id_duty_rosters")
        ),
        sa.ForeignKeyConstraint(
            ["to_staff_id"], ["staff.id"], name=op.f("fk_duty_roster_swaps_to_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_roster_swaps")),
    )
    op.create_index(op.f("ix_duty_roster_swaps_roster_id"), "duty_roster_swaps", ["roster_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_duty_roster_swaps_roster_id"), table_name="duty_roster_swaps")
    op.drop_table("duty_roster_swaps")
    op.drop_index(op.f("ix_duty_roster_cells_day"), table_name="duty_roster_cells")
    op.drop_table("duty_roster_cells")
    op.drop_table("duty_rosters")
