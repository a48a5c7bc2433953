"""inbound_messages.attempts (poison messages end as failed) and owner_sessions (panel logout ends every cookie)

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inbound_messages") as batch:
        batch.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "owner_sessions",
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"], name=op.f("fk_owner_sessions_store_id_stores"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("store_id", "phone", name=op.f("pk_owner_sessions")),
    )


def downgrade() -> None:
    op.drop_table("owner_sessions")
    with op.batch_alter_table("inbound_messages") as batch:
        batch.drop_column("attempts")
