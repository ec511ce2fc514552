"""codes that cannot be guessed or replayed: release-slip nonces and expiry, throttles

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 07:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.storage.types

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Slips issued before keep both None: their codes verify as before (the number only) until the
    # end of the site day they were issued on (kiosk.services.release_slips).
    with op.batch_alter_table("release_slips") as batch:
        batch.add_column(sa.Column("code_nonce", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("valid_until", kiosk.storage.types.UTCDateTime(), nullable=True))
    op.create_table(
        "station_throttles",
        sa.Column("station", sa.String(length=40), nullable=False),
        sa.Column("window_started_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("streak", sa.Integer(), nullable=False),
        sa.Column("waits", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", kiosk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("blocked_until", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.Column("alerted_at", kiosk.storage.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("station", name=op.f("pk_station_throttles")),
    )


def downgrade() -> None:
    op.drop_table("station_throttles")
    with op.batch_alter_table("release_slips") as batch:
        batch.drop_column("valid_until")
        batch.drop_column("code_nonce")
