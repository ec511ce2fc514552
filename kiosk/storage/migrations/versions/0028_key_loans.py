"""the key register and key loans (钥匙借用)

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-05 11:30:00
"""

from __future__ import annotations

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
