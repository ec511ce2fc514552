"""shift handover (交接班记录表) with counted items and open issues; duty log (值班记录表)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 14:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handovers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("work_done", sa.String(length=2000), nullable=False),
        sa.Column("notes", sa.String(length=2000), nullable=False),
        sa.Column("outgoing", sa.String(length=80), nullable=False),
        sa.Column("outgoing_name", sa.String(length=60), nullable=False),
        sa.Column("outgoing_signed_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("outgoing_digest", sa.String(length=64), nullable=False),
        sa.Column("incoming", sa.String(length=80), nullable=True),
        sa.Column("incoming_name", sa.String(length=60), nullable=True),
        sa.Column("incoming_signed_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("incoming_digest", sa.String(length=64), nullable=True),
        sa.Column("discrepancy_note", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handovers")),
    )
    op.create_index(
        op.f("ix_handovers_incoming_signed_at"), "handovers", ["incoming_signed_at"], unique=False
    )
    op.create_table(
        "handover_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handover_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "cash",
                "visitor_cards",
                "machine_room_passes",
                "decoration_passes",
                "keys",
                name="handover_item_kind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("label", sa.String(length=60), nullable=False),
        sa.Column("handed", sa.BigInteger(), nullable=False),
        sa.Column("counted", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["handover_id"], ["handovers.id"], name=op.f("fk_handover_items_handover_id_handovers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_items")),
    )
    op.create_index(op.f("ix_handover_items_handover_id"), "handover_items", ["handover_id"], unique=False)
    op.create_table(
        "open_issues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("raised_by", sa.String(length=80), nullable=False),
        sa.Column("raised_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("handover_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=80), nullable=True),
        sa.Column("closing_note", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["handover_id"], ["handovers.id"], name=op.f("fk_open_issues_handover_id_handovers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_open_issues")),
    )
    op.create_index(op.f("ix_open_issues_closed_at"), "open_issues", ["closed_at"], unique=False)
    op.create_table(
        "duty_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("place", sa.String(length=80), nullable=False),
        sa.Column("what", sa.String(length=500), nullable=False),
        sa.Column("action_taken", sa.String(length=500), nullable=False),
        sa.Column("people", sa.String(length=120), nullable=False),
        sa.Column("recorded_by", sa.String(length=80), nullable=False),
        sa.Column("recorded_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_log")),
    )
    op.create_index(op.f("ix_duty_log_occurred_at"), "duty_log", ["occurred_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_duty_log_occurred_at"), table_name="duty_log")
    op.drop_table("duty_log")
    op.drop_index(op.f("ix_open_issues_closed_at"), table_name="open_issues")
    op.drop_table("open_issues")
    op.drop_index(op.f("ix_handover_items_handover_id"), table_name="handover_items")
    op.drop_table("handover_items")
    op.drop_index(op.f("ix_handovers_incoming_signed_at"), table_name="handovers")
    op.drop_table("handovers")
