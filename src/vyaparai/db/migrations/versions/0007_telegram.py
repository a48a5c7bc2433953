"""telegram: each store's own bot (token encrypted) and owners' linked Telegram chats

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

import vyaparai.db.types

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "telegram_bots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("bot_id", sa.String(length=32), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=True),
        sa.Column("token_encrypted", sa.Text(), nullable=False),
        sa.Column("created_at", vyaparai.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"], name=op.f("fk_telegram_bots_store_id_stores"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_telegram_bots")),
        sa.UniqueConstraint("bot_id", name=op.f("uq_telegram_bots_bot_id")),
        sa.UniqueConstraint("store_id", name=op.f("uq_telegram_bots_store_id")),
    )
    op.create_table(
        "telegram_owner_chats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("bot_id", sa.String(length=32), nullable=False),
        sa.Column("chat_id", sa.String(length=32), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("linked_at", vyaparai.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"], name=op.f("fk_telegram_owner_chats_store_id_stores"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_telegram_owner_chats")),
        sa.UniqueConstraint("bot_id", "chat_id", name=op.f("uq_telegram_owner_chats_bot_id")),
    )
    with op.batch_alter_table("telegram_owner_chats") as batch:
        batch.create_index(batch.f("ix_telegram_owner_chats_store_id"), ["store_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("telegram_owner_chats") as batch:
        batch.drop_index(batch.f("ix_telegram_owner_chats_store_id"))
    op.drop_table("telegram_owner_chats")
    op.drop_table("telegram_bots")
