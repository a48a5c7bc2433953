"""panel login codes: one-time codes sent to the owner's WhatsApp, kept hashed

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

import vyaparai.db.types

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "panel_login_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("expires_at", vyaparai.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("used_at", vyaparai.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", vyaparai.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"], name=op.f("fk_panel_login_codes_store_id_stores"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_panel_login_codes")),
    )
    with op.batch_alter_table("panel_login_codes") as batch:
        batch.create_index(batch.f("ix_panel_login_codes_expires_at"), ["expires_at"], unique=False)
        batch.create_index("ix_panel_login_codes_phone", ["phone", "created_at"], unique=False)
        batch.create_index(batch.f("ix_panel_login_codes_store_id"), ["store_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("panel_login_codes") as batch:
        batch.drop_index(batch.f("ix_panel_login_codes_store_id"))
        batch.drop_index("ix_panel_login_codes_phone")
        batch.drop_index(batch.f("ix_panel_login_codes_expires_at"))
    op.drop_table("panel_login_codes")
