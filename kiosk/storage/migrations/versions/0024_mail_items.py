"""registered mail and parcels (挂号邮件收发登记簿), returns (退件), damage (破损), moved-out forwarding

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-05 11:30:00
"""

from __future__ import annotations

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
