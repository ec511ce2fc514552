"""visitor kinds and who approves each, the duty officer and night duty, the lists the desk keeps (company leaders)

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-05 12:10:00
"""

from __future__ import annotations

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
