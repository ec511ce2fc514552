"""the site's working-day calendar overrides and late-signed reconciliations

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-05 11:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "work_calendar_overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "holiday",
                "workday",
                name="work_day_kind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.String(length=60), nullable=False),
        sa.Column("added_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=80), nullable=False),
        sa.Column("cancelled_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("cancelled_by", sa.String(length=80), nullable=True),
        sa.Column("cancel_reason", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_calendar_overrides")),
    )
    op.create_index(op.f("ix_work_calendar_overrides_day"), "work_calendar_overrides", ["day"], unique=False)
    op.create_table(
        "pass_sheet_reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("alerted_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pass_sheet_reminders")),
        sa.UniqueConstraint("due_on", name=op.f("uq_pass_sheet_reminders_due_on")),
    )
    with op.batch_alter_table("pass_reconciliations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("desk_late_reason", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("guard_late_reason", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pass_reconciliations", schema=None) as batch_op:
        batch_op.drop_column("guard_late_reason")
        batch_op.drop_column("desk_late_reason")
    op.drop_table("pass_sheet_reminders")
    op.drop_index(op.f("ix_work_calendar_overrides_day"), table_name="work_calendar_overrides")
    op.drop_table("work_calendar_overrides")
