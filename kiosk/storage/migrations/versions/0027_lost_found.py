"""lost and found (失物招领)

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-05 11:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def upgrade() -> None:
    op.create_table(
        "lost_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("source", _enum("lost_item_source", "found", "meeting"), nullable=False),
        sa.Column(
            "category",
            _enum(
                "lost_item_category",
                "cash",
                "valuables",
                "documents",
                "electronics",
                "keys_cards",
                "bags",
                "clothing",
                "other",
            ),
            nullable=False,
        ),
        sa.Column("what", sa.String(length=200), nullable=False),
        sa.Column("found_where", sa.String(length=120), nullable=False),
        sa.Column("found_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("finder", sa.String(length=60), nullable=False),
        sa.Column("kept_at", sa.String(length=80), nullable=False),
        sa.Column("meeting", sa.String(length=80), nullable=False),
        sa.Column("room", sa.String(length=40), nullable=False),
        sa.Column("cash_fen", sa.BigInteger(), nullable=True),
        sa.Column(
            "status", _enum("lost_item_status", "held", "claimed", "disposed", "voided"), nullable=False
        ),
        sa.Column("logged_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("logged_by", sa.String(length=80), nullable=False),
        sa.Column("logged_by_name", sa.String(length=60), nullable=False),
        sa.Column("claimant_name", sa.String(length=60), nullable=False),
        sa.Column("claimant_phone", sa.String(length=30), nullable=False),
        sa.Column("claimant_id_type", sa.String(length=20), nullable=False),
        sa.Column("claimant_id_last_four", sa.String(length=4), nullable=False),
        sa.Column("claimant_signed_name", sa.String(length=60), nullable=False),
        sa.Column("claimed_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("handed_over_by", sa.String(length=80), nullable=False),
        sa.Column("handed_over_by_name", sa.String(length=60), nullable=False),
        sa.Column(
            "disposal_method",
            _enum("disposal_method", "returned_to_finder", "handed_to_police", "donated", "destroyed"),
            nullable=True,
        ),
        sa.Column("disposal_note", sa.String(length=200), nullable=False),
        sa.Column("disposed_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("disposed_by", sa.String(length=80), nullable=False),
        sa.Column("disposed_by_name", sa.String(length=60), nullable=False),
        sa.Column("approved_by", sa.String(length=80), nullable=False),
        sa.Column("approved_by_name", sa.String(length=60), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=False),
        sa.Column("voided_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("voided_by_name", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lost_items")),
        sa.UniqueConstraint("number", name=op.f("uq_lost_items_number")),
    )
    op.create_index(op.f("ix_lost_items_found_at"), "lost_items", ["found_at"], unique=False)
    op.create_index("ix_lost_items_status_found_at", "lost_items", ["status", "found_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_lost_items_status_found_at", table_name="lost_items")
    op.drop_index(op.f("ix_lost_items_found_at"), table_name="lost_items")
    op.drop_table("lost_items")
