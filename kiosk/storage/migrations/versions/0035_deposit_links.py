"""deposits tied to what they secure, the decoration bond and its deductions

Revision ID: 0035
Revises: 0034
Create Date: 2026-12-05 12:10:00
"""

from __future__ import annotations

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
