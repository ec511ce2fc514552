"""repair requests (报修) and their events

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def _satisfaction() -> sa.Enum:
    return _enum("satisfaction", "satisfied", "fairly", "dissatisfied")


def upgrade() -> None:
    op.create_table(
        "repair_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("location", sa.String(length=120), nullable=False),
        sa.Column("caller_name", sa.String(length=60), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("what", sa.String(length=300), nullable=False),
        sa.Column(
            "category",
            _enum(
                "repair_category", "water", "electricity", "air_conditioning", "lift", "doors_locks", "other"
            ),
            nullable=False,
        ),
        sa.Column("repair_class", _enum("repair_class", "urgent", "general"), nullable=False),
        sa.Column(
            "status",
            _enum(
                "repair_status",
                "taken",
                "dispatched",
                "on_site",
                "completed",
                "signed_off",
                "closed",
                "cancelled",
            ),
            nullable=False,
        ),
        sa.Column("taken_by", sa.String(length=80), nullable=False),
        sa.Column("taken_by_name", sa.String(length=60), nullable=False),
        sa.Column("taken_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("cycle", sa.Integer(), nullable=False),
        sa.Column("clock_started_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("arrive_by", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("fix_by", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("dispatched_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("contractor", sa.String(length=80), nullable=False),
        sa.Column("engineer", sa.String(length=60), nullable=False),
        sa.Column("arrived_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("completed_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("last_completed_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("signed_off_by", sa.String(length=60), nullable=False),
        sa.Column("signed_off_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("satisfaction", _satisfaction(), nullable=True),
        sa.Column("closed_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("cancelled_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("cancel_reason", sa.String(length=200), nullable=False),
        sa.Column("arrival_alerted_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("fix_alerted_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("follows_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["follows_id"], ["repair_requests.id"], name=op.f("fk_repair_requests_follows_id_repair_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_repair_requests")),
        sa.UniqueConstraint("number", name=op.f("uq_repair_requests_number")),
    )
    op.create_index(op.f("ix_repair_requests_unit"), "repair_requests", ["unit"], unique=False)
    op.create_index(op.f("ix_repair_requests_taken_at"), "repair_requests", ["taken_at"], unique=False)
    op.create_index("ix_repair_requests_status_fix_by", "repair_requests", ["status", "fix_by"], unique=False)
    op.create_table(
        "repair_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("cycle", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            _enum(
                "repair_event_kind",
                "taken",
                "dispatched",
                "arrived",
                "completed",
                "signed_off",
                "callback",
                "reopened",
                "cancelled",
                "overdue",
            ),
            nullable=False,
        ),
        sa.Column("at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("actor_name", sa.String(length=60), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("satisfaction", _satisfaction(), nullable=True),
        sa.Column("clock", _enum("repair_clock", "arrival", "fix"), nullable=True),
        sa.ForeignKeyConstraint(
            ["request_id"], ["repair_requests.id"], name=op.f("fk_repair_events_request_id_repair_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_repair_events")),
    )
    op.create_index(op.f("ix_repair_events_request_id"), "repair_events", ["request_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_repair_events_request_id"), table_name="repair_events")
    op.drop_table("repair_events")
    op.drop_index("ix_repair_requests_status_fix_by", table_name="repair_requests")
    op.drop_index(op.f("ix_repair_requests_taken_at"), table_name="repair_requests")
    op.drop_index(op.f("ix_repair_requests_unit"), table_name="repair_requests")
    op.drop_table("repair_requests")
