"""registered mail and parcels (挂号邮件收发登记簿), returns (退件), damage (破损), moved-out forwarding

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-05 11:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

_UTC = kiosk.storage.types.UTCDateTime


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def upgrade() -> None:
    op.create_table(
        "mail_moved_out",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("name_key", sa.String(length=120), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("company", sa.String(length=80), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("forward_address", sa.String(length=200), nullable=False),
        sa.Column("moved_out_on", sa.Date(), nullable=False),
        sa.Column("forward_until", sa.Date(), nullable=False),
        sa.Column("last_told_at", _UTC(), nullable=True),
        sa.Column("recorded_by", sa.String(length=80), nullable=False),
        sa.Column("recorded_at", _UTC(), nullable=False),
        sa.Column("closed_at", _UTC(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_moved_out")),
    )
    op.create_index(op.f("ix_mail_moved_out_name_key"), "mail_moved_out", ["name_key"], unique=False)
    op.create_table(
        "mail_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column(
            "kind", _enum("mail_kind", "registered", "parcel", "parcel_slip", "money_order"), nullable=False
        ),
        sa.Column("carrier", sa.String(length=40), nullable=False),
        sa.Column("tracking_number", sa.String(length=40), nullable=False),
        sa.Column("addressee", sa.String(length=60), nullable=False),
        sa.Column("addressee_key", sa.String(length=120), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("company", sa.String(length=80), nullable=False),
        sa.Column("host_id", sa.Integer(), nullable=True),
        sa.Column("moved_out_id", sa.Integer(), nullable=True),
        sa.Column(
            "status", _enum("mail_status", "waiting", "handed_out", "forwarded", "returned"), nullable=False
        ),
        sa.Column("shelf", sa.String(length=20), nullable=False),
        sa.Column("received_at", _UTC(), nullable=False),
        sa.Column("received_by", sa.String(length=80), nullable=False),
        sa.Column("received_by_name", sa.String(length=60), nullable=False),
        sa.Column("notified_at", _UTC(), nullable=True),
        sa.Column("damage", sa.String(length=200), nullable=False),
        sa.Column("damage_signed_by", sa.String(length=60), nullable=False),
        sa.Column("collector", sa.String(length=10), nullable=False),
        sa.Column("collector_name", sa.String(length=60), nullable=False),
        sa.Column("collector_id_type", sa.String(length=20), nullable=False),
        sa.Column("collector_id_last_four", sa.String(length=4), nullable=False),
        sa.Column("handed_out_at", _UTC(), nullable=True),
        sa.Column("handed_out_by_name", sa.String(length=60), nullable=False),
        sa.Column("closed_at", _UTC(), nullable=True),
        sa.ForeignKeyConstraint(["host_id"], ["hosts.id"], name=op.f("fk_mail_items_host_id_hosts")),
        sa.ForeignKeyConstraint(
            ["moved_out_id"], ["mail_moved_out.id"], name=op.f("fk_mail_items_moved_out_id_mail_moved_out")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_items")),
        sa.UniqueConstraint("number", name=op.f("uq_mail_items_number")),
    )
    op.create_index(op.f("ix_mail_items_tracking_number"), "mail_items", ["tracking_number"], unique=False)
    op.create_index(op.f("ix_mail_items_addressee_key"), "mail_items", ["addressee_key"], unique=False)
    op.create_index(op.f("ix_mail_items_moved_out_id"), "mail_items", ["moved_out_id"], unique=False)
    op.create_index(op.f("ix_mail_items_received_at"), "mail_items", ["received_at"], unique=False)
    op.create_index("ix_mail_items_status_received_at", "mail_items", ["status", "received_at"], unique=False)
    op.create_table(
        "mail_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            _enum(
                "mail_event_kind",
                "received",
                "notified",
                "shelved",
                "damaged",
                "handed_out",
                "forwarded",
                "returned",
            ),
            nullable=False,
        ),
        sa.Column("at", _UTC(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("actor_name", sa.String(length=60), nullable=False),
        sa.Column("signer", sa.String(length=60), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["mail_items.id"], name=op.f("fk_mail_events_item_id_mail_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_events")),
    )
    op.create_index(op.f("ix_mail_events_item_id"), "mail_events", ["item_id"], unique=False)
    op.create_table(
        "mail_returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("approved_by", sa.String(length=80), nullable=False),
        sa.Column("approved_by_name", sa.String(length=60), nullable=False),
        sa.Column("returned_by", sa.String(length=80), nullable=False),
        sa.Column("returned_by_name", sa.String(length=60), nullable=False),
        sa.Column("returned_at", _UTC(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["mail_items.id"], name=op.f("fk_mail_returns_item_id_mail_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_returns")),
        sa.UniqueConstraint("item_id", name=op.f("uq_mail_returns_item_id")),
        sa.UniqueConstraint("number", name=op.f("uq_mail_returns_number")),
    )
    op.create_index(op.f("ix_mail_returns_returned_at"), "mail_returns", ["returned_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_mail_returns_returned_at"), table_name="mail_returns")
    op.drop_table("mail_returns")
    op.drop_index(op.f("ix_mail_events_item_id"), table_name="mail_events")
    op.drop_table("mail_events")
    op.drop_index("ix_mail_items_status_received_at", table_name="mail_items")
    op.drop_index(op.f("ix_mail_items_received_at"), table_name="mail_items")
    op.drop_index(op.f("ix_mail_items_moved_out_id"), table_name="mail_items")
    op.drop_index(op.f("ix_mail_items_addressee_key"), table_name="mail_items")
    op.drop_index(op.f("ix_mail_items_tracking_number"), table_name="mail_items")
    op.drop_table("mail_items")
    op.drop_index(op.f("ix_mail_moved_out_name_key"), table_name="mail_moved_out")
    op.drop_table("mail_moved_out")
