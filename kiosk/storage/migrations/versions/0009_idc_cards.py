"""cards: the registry of every card encoded; IDC identity-verification card applications and
their uploads to the access-control system

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 14:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


CARD_KIND = _enum("card_kind", "idc_identity", "visitor", "machine_room")
CARD_STATUS = _enum("card_status", "issuing", "issued", "returned", "revoked", "expired", "void")
APPLICATION_STATUS = _enum(
    "idc_application_status", "filed", "approved", "rejected", "issued", "revoked", "expired"
)
DELIVERY_EVENT = _enum("card_delivery_event", "issued", "revoked")
DELIVERY_STATUS = _enum("card_delivery_status", "pending", "acknowledged")


def upgrade() -> None:
    op.create_table(
        "cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", CARD_KIND, nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=20), nullable=False),
        sa.Column("technology", sa.String(length=30), nullable=False),
        sa.Column("uid", sa.String(length=20), nullable=True),
        sa.Column("status", CARD_STATUS, nullable=False),
        sa.Column("valid_from", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("valid_until", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("holder", sa.String(length=80), nullable=False),
        sa.Column("reference", sa.String(length=40), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("issued_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("status_changed_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("status_note", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cards")),
        sa.UniqueConstraint("kind", "number", name="uq_cards_kind_number"),
        sa.UniqueConstraint("label", name=op.f("uq_cards_label")),
    )
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cards_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_cards_uid"), ["uid"], unique=False)

    op.create_table(
        "idc_card_applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_number", sa.String(length=40), nullable=False),
        sa.Column("company", sa.String(length=80), nullable=False),
        sa.Column("holder_name", sa.String(length=60), nullable=False),
        sa.Column("holder_mobile", sa.String(length=20), nullable=False),
        sa.Column("id_type", sa.String(length=30), nullable=False),
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("id_last_four", sa.String(length=4), nullable=False),
        sa.Column("id_sealed", sa.LargeBinary(), nullable=False),
        sa.Column("letter_reference", sa.String(length=60), nullable=False),
        sa.Column("areas", sa.String(length=1000), nullable=False),
        sa.Column("valid_from", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("valid_until", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("status", APPLICATION_STATUS, nullable=False),
        sa.Column("filed_by", sa.String(length=80), nullable=False),
        sa.Column("filed_by_name", sa.String(length=60), nullable=False),
        sa.Column("filed_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("decided_by", sa.String(length=80), nullable=True),
        sa.Column("decided_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("decision_note", sa.String(length=200), nullable=False),
        sa.Column("card_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["card_id"], ["cards.id"], name=op.f("fk_idc_card_applications_card_id_cards")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idc_card_applications")),
        sa.UniqueConstraint("form_number", name=op.f("uq_idc_card_applications_form_number")),
    )
    with op.batch_alter_table("idc_card_applications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_idc_card_applications_company"), ["company"], unique=False)
        batch_op.create_index(batch_op.f("ix_idc_card_applications_id_hash"), ["id_hash"], unique=False)
        batch_op.create_index(batch_op.f("ix_idc_card_applications_status"), ["status"], unique=False)

    op.create_table(
        "card_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.Integer(), nullable=False),
        sa.Column("sink", sa.String(length=40), nullable=False),
        sa.Column("event", DELIVERY_EVENT, nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("status", DELIVERY_STATUS, nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("next_attempt_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("acknowledged_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["card_id"], ["cards.id"], name=op.f("fk_card_deliveries_card_id_cards")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_deliveries")),
    )
    with op.batch_alter_table("card_deliveries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_card_deliveries_card_id"), ["card_id"], unique=False)
        batch_op.create_index(
            "ix_card_deliveries_status_next_attempt_at", ["status", "next_attempt_at"], unique=False
        )


def downgrade() -> None:
    op.drop_table("card_deliveries")
    op.drop_table("idc_card_applications")
    op.drop_table("cards")
