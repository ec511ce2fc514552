"""visit journey: visitor type, identity (hashed, last four, sealed), host decision, watchlist

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 03:08:15
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

OLD_STATUS = sa.Enum(
    "on_site", "checked_out", name="visit_status", native_enum=False, create_constraint=True, length=20
)
NEW_STATUS = sa.Enum(
    "pending", "held", "declined", "on_site", "checked_out",
    name="visit_status", native_enum=False, create_constraint=True, length=20,
)  # fmt: skip
VISITOR_TYPE = sa.Enum(
    "guest", "contractor", "delivery", "interview", "government", "idc_visit",
    name="visitor_type", native_enum=False, create_constraint=True, length=20,
)  # fmt: skip
APPROVER = sa.Enum(
    "host",
    "duty_officer",
    "preregistered",
    "desk",
    name="approver",
    native_enum=False,
    create_constraint=True,
    length=20,
)


def upgrade() -> None:
    op.create_table(
        "watchlist",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("company", sa.String(length=80), nullable=False),
        sa.Column("id_hash", sa.String(length=64), nullable=True),
        sa.Column("id_last_four", sa.String(length=4), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("added_by", sa.String(length=80), nullable=False),
        sa.Column("added_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("until", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watchlist")),
    )
    with op.batch_alter_table("watchlist", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_watchlist_id_hash"), ["id_hash"], unique=False)

    # Visits from before keep working: they were guests approved by their host at check-in.
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.add_column(sa.Column("visitor_type", VISITOR_TYPE, nullable=False, server_default="guest"))
        batch_op.add_column(sa.Column("permit_number", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("mobile", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("id_type", sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column("id_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("id_last_four", sa.String(length=4), nullable=True))
        batch_op.add_column(sa.Column("id_sealed", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("purpose", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("party_size", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(
            sa.Column("declaration_accepted_at", kiosk.storage.types.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(sa.Column("approver", APPROVER, nullable=False, server_default="host"))
        batch_op.add_column(sa.Column("requested_at", kiosk.storage.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("escalated_at", kiosk.storage.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("decided_at", kiosk.storage.types.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("decided_by", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("decision_note", sa.String(length=200), nullable=True))
        batch_op.alter_column("status", existing_type=OLD_STATUS, type_=NEW_STATUS, existing_nullable=False)
        batch_op.alter_column("badge_number", existing_type=sa.String(length=20), nullable=True)
        batch_op.alter_column("checked_in_at", existing_type=kiosk.storage.types.UTCDateTime(), nullable=True)
        batch_op.alter_column("valid_until", existing_type=kiosk.storage.types.UTCDateTime(), nullable=True)
        batch_op.create_index(batch_op.f("ix_visits_id_hash"), ["id_hash"], unique=False)
        batch_op.create_index("ix_visits_status_requested_at", ["status", "requested_at"], unique=False)
    op.execute("UPDATE visits SET requested_at = checked_in_at, decided_at = checked_in_at")
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.alter_column("requested_at", existing_type=kiosk.storage.types.UTCDateTime(), nullable=False)
        for column in ("visitor_type", "purpose", "party_size", "approver"):
            batch_op.alter_column(column, server_default=None)


def downgrade() -> None:
    op.execute("DELETE FROM visits WHERE status IN ('pending', 'held', 'declined')")
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index("ix_visits_status_requested_at")
        batch_op.drop_index(batch_op.f("ix_visits_id_hash"))
        batch_op.alter_column("status", existing_type=NEW_STATUS, type_=OLD_STATUS, existing_nullable=False)
        for column in ("valid_until", "checked_in_at"):
            batch_op.alter_column(column, existing_type=kiosk.storage.types.UTCDateTime(), nullable=False)
        batch_op.alter_column("badge_number", existing_type=sa.String(length=20), nullable=False)
        for column in (
            "decision_note", "decided_by", "decided_at", "escalated_at", "requested_at", "approver",
            "declaration_accepted_at", "party_size", "purpose", "id_sealed", "id_last_four", "id_hash",
            "id_type", "mobile", "permit_number", "visitor_type",
        ):  # fmt: skip
            batch_op.drop_column(column)
    with op.batch_alter_table("watchlist", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_watchlist_id_hash"))
    op.drop_table("watchlist")
