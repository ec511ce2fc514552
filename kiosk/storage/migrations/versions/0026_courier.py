"""outgoing courier items, batches and the month-end statement (快递寄发)

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-05 11:30:00
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

# The contracted couriers a site starts with (kiosk.domain.courier.DEFAULT_COMPANIES, written out:
# a migration does what it did the day it was written, whatever the code says later).
_DEFAULT_COMPANIES = (
    ("SF", "顺丰速运", "SF Express"),
    ("EMS", "中国邮政EMS", "China Post EMS"),
    ("JD", "京东快递", "JD Logistics"),
    ("ZTO", "中通快递", "ZTO Express"),
    ("YTO", "圆通速递", "YTO Express"),
    ("STO", "申通快递", "STO Express"),
    ("YUNDA", "韵达快递", "Yunda Express"),
)


def upgrade() -> None:
    companies = op.create_table(
        "courier_companies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("name_en", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("added_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_courier_companies")),
        sa.UniqueConstraint("code", name=op.f("uq_courier_companies_code")),
    )
    op.create_table(
        "courier_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("courier_name", sa.String(length=60), nullable=False),
        sa.Column("handed_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("handed_by", sa.String(length=80), nullable=False),
        sa.Column("handed_by_name", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["courier_companies.id"],
            name=op.f("fk_courier_batches_company_id_courier_companies"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_courier_batches")),
        sa.UniqueConstraint("number", name=op.f("uq_courier_batches_number")),
    )
    op.create_table(
        "courier_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "logged",
                "handed_over",
                "voided",
                name="courier_item_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("sender", sa.String(length=60), nullable=False),
        sa.Column("department", sa.String(length=60), nullable=False),
        sa.Column("addressee", sa.String(length=60), nullable=False),
        sa.Column("destination", sa.String(length=120), nullable=False),
        sa.Column("tracking_number", sa.String(length=32), nullable=False),
        sa.Column("cost_fen", sa.BigInteger(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("logged_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("logged_by", sa.String(length=80), nullable=False),
        sa.Column("logged_by_name", sa.String(length=60), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("handed_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("voided_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("voided_by", sa.String(length=80), nullable=False),
        sa.Column("voided_by_name", sa.String(length=60), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["courier_batches.id"], name=op.f("fk_courier_items_batch_id_courier_batches")
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["courier_companies.id"],
            name=op.f("fk_courier_items_company_id_courier_companies"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_courier_items")),
        sa.UniqueConstraint("number", name=op.f("uq_courier_items_number")),
    )
    op.create_index(op.f("ix_courier_items_batch_id"), "courier_items", ["batch_id"], unique=False)
    op.create_index(op.f("ix_courier_items_handed_at"), "courier_items", ["handed_at"], unique=False)
    op.create_index(op.f("ix_courier_items_logged_at"), "courier_items", ["logged_at"], unique=False)
    op.create_index(
        op.f("ix_courier_items_tracking_number"), "courier_items", ["tracking_number"], unique=False
    )
    op.create_index(
        "ix_courier_items_status_company_id", "courier_items", ["status", "company_id"], unique=False
    )
    now = datetime.now(UTC)
    op.bulk_insert(
        companies,
        [
            {
                "code": code,
                "name": name,
                "name_en": name_en,
                "active": True,
                "added_at": now,
                "added_by": "setup",
            }
            for code, name, name_en in _DEFAULT_COMPANIES
        ],
    )


def downgrade() -> None:
    op.drop_index("ix_courier_items_status_company_id", table_name="courier_items")
    op.drop_index(op.f("ix_courier_items_tracking_number"), table_name="courier_items")
    op.drop_index(op.f("ix_courier_items_logged_at"), table_name="courier_items")
    op.drop_index(op.f("ix_courier_items_handed_at"), table_name="courier_items")
    op.drop_index(op.f("ix_courier_items_batch_id"), table_name="courier_items")
    op.drop_table("courier_items")
    op.drop_table("courier_batches")
    op.drop_table("courier_companies")
