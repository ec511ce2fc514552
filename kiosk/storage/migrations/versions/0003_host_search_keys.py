"""host search keys: pinyin and initials for the kiosk's type-ahead

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 03:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("hosts", schema=None) as batch_op:
        # Existing hosts get empty keys; the next directory import fills them.
        batch_op.add_column(sa.Column("pinyin", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("initials", sa.String(length=60), nullable=False, server_default=""))
    with op.batch_alter_table("hosts", schema=None) as batch_op:
        batch_op.alter_column("pinyin", server_default=None)
        batch_op.alter_column("initials", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("hosts", schema=None) as batch_op:
        batch_op.drop_column("initials")
        batch_op.drop_column("pinyin")
