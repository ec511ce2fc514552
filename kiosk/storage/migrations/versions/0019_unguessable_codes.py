"""codes that cannot be guessed or replayed: release-slip nonces and expiry, throttles

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 07:00:00
"""

from __future__ import annotations

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # PLACEHOLDER (codes helper): filled in by its slice of #16


def downgrade() -> None:
    pass
