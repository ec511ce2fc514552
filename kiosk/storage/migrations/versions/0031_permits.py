"""the management office's permits: material permits (搬运材料凭据) and entry permits
(decoration, newspaper and milk delivery), with their expiry

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-05 11:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def upgrade() -> None:
    op.create_table(
        "permits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column(
            "kind", _enum("permit_kind", "material", "decoration", "newspaper", "milk"), nullable=False
        ),
        sa.Column("status", _enum("permit_status", "issued", "cancelled"), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("holder_name", sa.String(length=60), nullable=False),
        sa.Column("id_type", sa.String(length=30), nullable=False),
        sa.Column("id_last_four", sa.String(length=4), nullable=False),
        sa.Column("company", sa.String(length=60), nullable=False),
        sa.Column("materials", sa.Text(), nullable=False),
        sa.Column("route", _enum("permit_route", "goods_lift", "stairs"), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("ends_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("code_nonce", sa.String(length=32), nullable=False),
        sa.Column("issued_by", sa.String(length=80), nullable=False),
        sa.Column("issued_by_name", sa.String(length=60), nullable=False),
        sa.Column("issued_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("cancelled_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("cancelled_by", sa.String(length=80), nullable=False),
        sa.Column("cancelled_by_name", sa.String(length=60), nullable=False),
        sa.Column("cancel_reason", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_permits")),
        sa.UniqueConstraint("number", name=op.f("uq_permits_number")),
    )
    op.create_index("ix_permits_status_valid_until", "permits", ["status", "valid_until"], unique=False)
    op.create_table(
        "permit_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("permit_id", sa.Integer(), nullable=False),
        sa.Column("at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("decision", _enum("entry_decision", "let_in", "refused"), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.Column("by_name", sa.String(length=60), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["permit_id"], ["permits.id"], name=op.f("fk_permit_entries_permit_id_permits")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_permit_entries")),
    )
    op.create_index(op.f("ix_permit_entries_permit_id"), "permit_entries", ["permit_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_permit_entries_permit_id"), table_name="permit_entries")
    op.drop_table("permit_entries")
    op.drop_index("ix_permits_status_valid_until", table_name="permits")
    op.drop_table("permits")
