"""audit chain: each audit row's HMAC over the one before

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 07:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("chain_prev", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("chain_hmac", sa.String(length=64), nullable=True))
    # A sign-in refused for an unknown user name kept the name as typed, and people type their
    # PIN there by mistake. These events come before the chain (nothing signs them), and no key
    # is at hand here to hash them as new ones are (kiosk.services.audit_chain.typed_name): the
    # text goes, "unknown" stays.
    op.execute("UPDATE audit_events SET actor = 'unknown:?' WHERE actor LIKE 'unknown:%'")


def downgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("chain_hmac")
        batch.drop_column("chain_prev")
