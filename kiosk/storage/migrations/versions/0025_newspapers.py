"""newspaper and magazine subscriptions, daily deliveries and shortfalls (报刊)

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-05 11:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def upgrade() -> None:
    op.create_table(
        "newspaper_subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=60), nullable=False),
        sa.Column("title_key", sa.String(length=60), nullable=False),
        sa.Column("frequency", _enum("newspaper_frequency", "daily", "weekly", "monthly"), nullable=False),
        sa.Column("weekdays", sa.Integer(), nullable=False),
        sa.Column("month_days", sa.String(length=20), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("supplier", sa.String(length=40), nullable=False),
        sa.Column("created_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_by_name", sa.String(length=60), nullable=False),
        sa.Column("stopped_on", sa.Date(), nullable=True),
        sa.Column("stop_reason", sa.String(length=200), nullable=False),
        sa.Column("stopped_by", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_newspaper_subscriptions")),
    )
    op.create_index(
        op.f("ix_newspaper_subscriptions_unit"), "newspaper_subscriptions", ["unit"], unique=False
    )
    op.create_index(
        op.f("ix_newspaper_subscriptions_title_key"), "newspaper_subscriptions", ["title_key"], unique=False
    )
    op.create_table(
        "newspaper_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("title_key", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=60), nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.Column("arrived_late", sa.Boolean(), nullable=False),
        sa.Column("counted_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("counted_by", sa.String(length=80), nullable=False),
        sa.Column("counted_by_name", sa.String(length=60), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_newspaper_deliveries")),
        sa.UniqueConstraint("day", "title_key", name=op.f("uq_newspaper_deliveries_day")),
    )
    op.create_table(
        "newspaper_shortfalls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("title_key", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=60), nullable=False),
        sa.Column("supplier", sa.String(length=40), nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("received", sa.Integer(), nullable=True),
        sa.Column("copies_missing", sa.Integer(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("status", _enum("newspaper_shortfall_status", "open", "resolved"), nullable=False),
        sa.Column("noticed_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("noticed_by", sa.String(length=80), nullable=False),
        sa.Column("noticed_by_name", sa.String(length=60), nullable=False),
        sa.Column("escalated_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("resolved_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=80), nullable=False),
        sa.Column("resolved_by_name", sa.String(length=60), nullable=False),
        sa.Column("resolution", sa.String(length=200), nullable=False),
        sa.Column("copies_made_good", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_newspaper_shortfalls")),
        sa.UniqueConstraint("number", name=op.f("uq_newspaper_shortfalls_number")),
    )
    op.create_index(op.f("ix_newspaper_shortfalls_day"), "newspaper_shortfalls", ["day"], unique=False)
    op.create_index(
        "ix_newspaper_shortfalls_status_noticed_at",
        "newspaper_shortfalls",
        ["status", "noticed_at"],
        unique=False,
    )
    op.create_table(
        "newspaper_shortfall_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shortfall_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            _enum("newspaper_step_kind", "noticed", "counted", "contacted", "escalated", "resolved"),
            nullable=False,
        ),
        sa.Column("at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("actor_name", sa.String(length=60), nullable=False),
        sa.Column("contact_name", sa.String(length=40), nullable=False),
        sa.Column("method", _enum("newspaper_contact_method", "phone", "in_person", "letter"), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["shortfall_id"],
            ["newspaper_shortfalls.id"],
            name=op.f("fk_newspaper_shortfall_steps_shortfall_id_newspaper_shortfalls"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_newspaper_shortfall_steps")),
    )
    op.create_index(
        op.f("ix_newspaper_shortfall_steps_shortfall_id"),
        "newspaper_shortfall_steps",
        ["shortfall_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_newspaper_shortfall_steps_shortfall_id"), table_name="newspaper_shortfall_steps")
    op.drop_table("newspaper_shortfall_steps")
    op.drop_index("ix_newspaper_shortfalls_status_noticed_at", table_name="newspaper_shortfalls")
    op.drop_index(op.f("ix_newspaper_shortfalls_day"), table_name="newspaper_shortfalls")
    op.drop_table("newspaper_shortfalls")
    op.drop_table("newspaper_deliveries")
    op.drop_index(op.f("ix_newspaper_subscriptions_title_key"), table_name="newspaper_subscriptions")
    op.drop_index(op.f("ix_newspaper_subscriptions_unit"), table_name="newspaper_subscriptions")
    op.drop_table("newspaper_subscriptions")
