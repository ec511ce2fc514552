"""the lobby assistants' duty roster (大堂助理值班表)

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-05 12:10:00
"""

from __future__ import annotations

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
