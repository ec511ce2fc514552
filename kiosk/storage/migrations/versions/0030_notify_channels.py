"""host notification channels (WeCom / DingTalk webhooks, SMS)

Each host of the staff directory may name how they are asked about a visitor (e-mail, a WeCom or
DingTalk group robot, SMS) and an address of their own for it; both empty: the site's [notify]
channel, as every host was asked so far.

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-05 11:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None


NOTIFY_CHANNEL = sa.Enum(
    "email", "wecom", "dingtalk", "sms", name="notify_channel", native_enum=False, create_constraint=True,
    length=20,
)  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("hosts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notify_channel", NOTIFY_CHANNEL, nullable=True))
        batch_op.add_column(sa.Column("notify_address", sa.String(length=300), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("hosts", schema=None) as batch_op:
        # The enum's CHECK constraint first: SQLite's copy of the table would keep it.
        batch_op.drop_constraint(op.f("ck_hosts_notify_channel"), type_="check")
        batch_op.drop_column("notify_address")
        batch_op.drop_column("notify_channel")
