"""watchlist names normalised for matching

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 07:00:00
"""

from __future__ import annotations

import unicodedata

import opencc
import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

KEY_MAX_CHARS = 120
WATCHLIST_MATCH = sa.Enum(
    "id_number", "name_and_company", "name", "name_no_company", "name_company_differs", "name_id_differs",
    name="watchlist_match", native_enum=False, create_constraint=True, length=20,
)  # fmt: skip


def _name_key(name: str) -> str:
    """kiosk.domain.names.name_key as it was when this migration was written, copied so that the
    keys filled here stay what they were whatever that module becomes (a change there that
    changes keys comes with a migration of its own that fills them again)."""
    folded = unicodedata.normalize("NFKC", name).casefold().replace("ı", "i")
    decomposed = unicodedata.normalize("NFKD", folded)
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))
    text = "".join(ch for ch in bare if unicodedata.category(ch)[0] in "LN")
    converter = opencc.OpenCC("t2s.json")
    for _ in range(4):
        converted: str = converter.convert(text)
        if converted == text:
            break
        text = converted
    return text[:KEY_MAX_CHARS]


def upgrade() -> None:
    with op.batch_alter_table("watchlist", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_key", sa.String(length=KEY_MAX_CHARS), nullable=False, server_default="")
        )
        batch_op.create_index(batch_op.f("ix_watchlist_name_key"), ["name_key"], unique=False)
    watchlist = sa.table(
        "watchlist", sa.column("id", sa.Integer()), sa.column("name", sa.String()), sa.column("name_key")
    )
    connection = op.get_bind()
    for entry_id, name in connection.execute(sa.select(watchlist.c.id, watchlist.c.name)).all():
        connection.execute(
            watchlist.update().where(watchlist.c.id == entry_id).values(name_key=_name_key(name))
        )
    with op.batch_alter_table("watchlist", schema=None) as batch_op:
        batch_op.alter_column("name_key", server_default=None)
    # Visits held before this revision have no recorded reason: the desk shows the plain hold.
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hold_entry_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("hold_match", WATCHLIST_MATCH, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_column("hold_match")
        batch_op.drop_column("hold_entry_id")
    with op.batch_alter_table("watchlist", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_watchlist_name_key"))
        batch_op.drop_column("name_key")
