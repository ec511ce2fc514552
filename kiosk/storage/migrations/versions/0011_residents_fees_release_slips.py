"""residents, the fee ledger, owner calls and release slips (物品放行条)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 14:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _party_kind() -> sa.Enum:
    return sa.Enum("owner", "tenant", name="party_kind", native_enum=False, create_constraint=True, length=20)


def upgrade() -> None:
    op.create_table(
        "residents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("kind", _party_kind(), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("updated_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_residents")),
    )
    op.create_index(op.f("ix_residents_unit_name"), "residents", ["unit", "name"], unique=True)
    op.create_table(
        "fee_ledger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("payer", _party_kind(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("due_fen", sa.BigInteger(), nullable=False),
        sa.Column("paid_fen", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("settled_by_receipt", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_ledger")),
    )
    op.create_index(
        op.f("ix_fee_ledger_unit_payer_month"), "fee_ledger", ["unit", "payer", "month"], unique=True
    )
    op.create_table(
        "owner_calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("tenant_name", sa.String(length=60), nullable=False),
        sa.Column("owner_name", sa.String(length=60), nullable=False),
        sa.Column("owner_phone", sa.String(length=30), nullable=False),
        sa.Column("owner_knows", sa.Boolean(), nullable=False),
        sa.Column("rent_owed", sa.Boolean(), nullable=False),
        sa.Column("owner_items", sa.Boolean(), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("phoned_by", sa.String(length=80), nullable=False),
        sa.Column("phoned_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_owner_calls")),
    )
    op.create_index(op.f("ix_owner_calls_unit"), "owner_calls", ["unit"], unique=False)
    op.create_table(
        "release_slips",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slip_number", sa.String(length=20), nullable=False),
        sa.Column("party_kind", _party_kind(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("holder_name", sa.String(length=60), nullable=False),
        sa.Column("id_type", sa.String(length=30), nullable=False),
        sa.Column("id_last_four", sa.String(length=4), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("signed_name", sa.String(length=60), nullable=False),
        sa.Column("owner_call_id", sa.Integer(), nullable=True),
        sa.Column("arrears_months", sa.Integer(), nullable=False),
        sa.Column("arrears_fen", sa.BigInteger(), nullable=False),
        sa.Column("override_by", sa.String(length=80), nullable=True),
        sa.Column("override_reason", sa.String(length=200), nullable=True),
        sa.Column("issued_by", sa.String(length=80), nullable=False),
        sa.Column("issued_by_name", sa.String(length=60), nullable=False),
        sa.Column("issued_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "issued",
                "released",
                "voided",
                name="slip_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("checked_by", sa.String(length=80), nullable=True),
        sa.Column("checked_by_name", sa.String(length=60), nullable=True),
        sa.Column("checked_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("void_reason", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["owner_call_id"], ["owner_calls.id"], name=op.f("fk_release_slips_owner_call_id_owner_calls")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release_slips")),
        sa.UniqueConstraint("slip_number", name=op.f("uq_release_slips_slip_number")),
    )
    op.create_index(op.f("ix_release_slips_issued_at"), "release_slips", ["issued_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_release_slips_issued_at"), table_name="release_slips")
    op.drop_table("release_slips")
    op.drop_index(op.f("ix_owner_calls_unit"), table_name="owner_calls")
    op.drop_table("owner_calls")
    op.drop_index(op.f("ix_fee_ledger_unit_payer_month"), table_name="fee_ledger")
    op.drop_table("fee_ledger")
    op.drop_index(op.f("ix_residents_unit_name"), table_name="residents")
    op.drop_table("residents")
