"""the management office's permits: material permits (搬运材料凭据) and entry permits
(decoration, newspaper and milk delivery), with their expiry

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-05 11:45:00
"""

from __future__ import annotations

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
