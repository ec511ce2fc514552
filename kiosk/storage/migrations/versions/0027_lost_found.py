"""lost and found (失物招领)

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-05 11:30:00
"""

from __future__ import annotations

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
