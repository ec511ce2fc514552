"""watchlist names normalised for matching

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 07:00:00
"""

from __future__ import annotations

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # PLACEHOLDER (watch helper): filled in by its slice of #16


def downgrade() -> None:
    pass
