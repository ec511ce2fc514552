"""audit chain: each audit row's HMAC over the one before

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 07:00:00
"""

from __future__ import annotations

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # PLACEHOLDER (audit helper): filled in by its slice of #16


def downgrade() -> None:
    pass
