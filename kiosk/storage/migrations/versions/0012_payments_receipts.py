"""payments and receipts: deposits, fees collected for finance, refunds (收据)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 14:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receipt_number", sa.String(length=20), nullable=False),
        sa.Column(
            "purpose",
            sa.Enum(
                "card_deposit",
                "pass_deposit",
                "decoration_pass_deposit",
                "fee_on_behalf",
                name="receipt_purpose",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column(
            "method",
            sa.Enum(
                "cash",
                "wechat",
                "alipay",
                "bank_card",
                name="payment_method",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("payer", sa.String(length=60), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("description", sa.String(length=120), nullable=False),
        sa.Column("refund_of_id", sa.Integer(), nullable=True),
        sa.Column("taken_by", sa.String(length=80), nullable=False),
        sa.Column("clerk_name", sa.String(length=60), nullable=False),
        sa.Column("taken_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["refund_of_id"], ["payments.id"], name=op.f("fk_payments_refund_of_id_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        sa.UniqueConstraint("receipt_number", name=op.f("uq_payments_receipt_number")),
        sa.UniqueConstraint("refund_of_id", name=op.f("uq_payments_refund_of_id")),
    )
    op.create_index(op.f("ix_payments_reference"), "payments", ["reference"], unique=False)
    op.create_index("ix_payments_taken_at", "payments", ["taken_at"], unique=False)
    op.create_index("ix_payments_taken_by_taken_at", "payments", ["taken_by", "taken_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_payments_taken_by_taken_at", table_name="payments")
    op.drop_index("ix_payments_taken_at", table_name="payments")
    op.drop_index(op.f("ix_payments_reference"), table_name="payments")
    op.drop_table("payments")
