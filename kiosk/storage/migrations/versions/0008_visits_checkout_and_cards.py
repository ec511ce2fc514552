"""visits: how each visit ended (auto check-out among them) and the temporary visitor card issued

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 14:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

CHECKOUT_METHOD = sa.Enum(
    "badge", "card", "name", "desk", "auto",
    name="checkout_method", native_enum=False, create_constraint=True, length=20,
)  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.add_column(sa.Column("checkout_method", CHECKOUT_METHOD, nullable=True))
        batch_op.add_column(sa.Column("card_number", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("card_returned_at", kiosk.storage.types.UTCDateTime(), nullable=True))
        batch_op.create_index(batch_op.f("ix_visits_card_number"), ["card_number"], unique=False)
    # Visits closed before this column existed were closed at the desk or the kiosk: unknown.


def downgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visits_card_number"))
        batch_op.drop_column("card_returned_at")
        batch_op.drop_column("card_number")
        batch_op.drop_column("checkout_method")
