"""the key register and key loans (钥匙借用)

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-05 11:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.Column("opens", sa.String(length=120), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "key", "access_card", name="key_kind", native_enum=False, create_constraint=True, length=20
            ),
            nullable=False,
        ),
        sa.Column("key_count", sa.Integer(), nullable=False),
        sa.Column("kept_at", sa.String(length=60), nullable=False),
        sa.Column("added_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=80), nullable=False),
        sa.Column("retired_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("retired_by", sa.String(length=80), nullable=True),
        sa.Column("retired_reason", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_sets")),
    )
    op.create_table(
        "key_loans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("set_id", sa.Integer(), nullable=False),
        sa.Column("keys_lent", sa.Integer(), nullable=False),
        sa.Column("borrower", sa.String(length=60), nullable=False),
        sa.Column("company", sa.String(length=80), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("id_type", sa.String(length=30), nullable=False),
        sa.Column("id_last_four", sa.String(length=4), nullable=False),
        sa.Column("staff_number", sa.String(length=20), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("lent_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("lent_by", sa.String(length=80), nullable=False),
        sa.Column("lent_by_name", sa.String(length=60), nullable=False),
        sa.Column("due_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("keys_back", sa.Integer(), nullable=False),
        sa.Column("keys_lost", sa.Integer(), nullable=False),
        sa.Column("closed_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["set_id"], ["key_sets.id"], name=op.f("fk_key_loans_set_id_key_sets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_loans")),
    )
    op.create_index(op.f("ix_key_loans_set_id"), "key_loans", ["set_id"], unique=False)
    op.create_index(op.f("ix_key_loans_lent_at"), "key_loans", ["lent_at"], unique=False)
    op.create_index("ix_key_loans_closed_at_due_at", "key_loans", ["closed_at", "due_at"], unique=False)
    op.create_table(
        "key_returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("keys", sa.Integer(), nullable=False),
        sa.Column("lost", sa.Boolean(), nullable=False),
        sa.Column("received_by", sa.String(length=80), nullable=False),
        sa.Column("received_by_name", sa.String(length=60), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["loan_id"], ["key_loans.id"], name=op.f("fk_key_returns_loan_id_key_loans")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_returns")),
    )
    op.create_index(op.f("ix_key_returns_loan_id"), "key_returns", ["loan_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_key_returns_loan_id"), table_name="key_returns")
    op.drop_table("key_returns")
    op.drop_index("ix_key_loans_closed_at_due_at", table_name="key_loans")
    op.drop_index(op.f("ix_key_loans_lent_at"), table_name="key_loans")
    op.drop_index(op.f("ix_key_loans_set_id"), table_name="key_loans")
    op.drop_table("key_loans")
    op.drop_table("key_sets")
