"""Store status and rules (hours, minimum order, delivery charge, payment kinds, radius), store history,
operators for /admin, and customers.forgotten_at (the right to erasure)

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa

import vyaparai.db.types
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stores") as batch:
        batch.add_column(sa.Column("status", sa.String(length=16), nullable=False, server_default="active"))
        batch.add_column(sa.Column("min_order_paise", sa.BigInteger(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("delivery_charge_paise", sa.BigInteger(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("free_delivery_above_paise", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("cod_enabled", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch.add_column(sa.Column("online_enabled", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch.add_column(sa.Column("delivery_radius_km", sa.Float(), nullable=True))
        batch.add_column(sa.Column("orders_when_closed", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("customers") as batch:
        batch.add_column(sa.Column("forgotten_at", vyaparai.db.types.UTCDateTime(timezone=True), nullable=True))
    op.create_table(
        "store_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("at", vyaparai.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"], name=op.f("fk_store_events_store_id_stores"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_events")),
    )
    op.create_index("ix_store_events_store_at", "store_events", ["store_id", "at"])
    op.create_table(
        "operators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("session_version", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", vyaparai.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operators")),
        sa.UniqueConstraint("phone", name=op.f("uq_operators_phone")),
    )


def downgrade() -> None:
    op.drop_table("operators")
    op.drop_index("ix_store_events_store_at", table_name="store_events")
    op.drop_table("store_events")
    with op.batch_alter_table("customers") as batch:
        batch.drop_column("forgotten_at")
    with op.batch_alter_table("stores") as batch:
        for column in ("orders_when_closed", "delivery_radius_km", "online_enabled", "cod_enabled",
                       "free_delivery_above_paise", "delivery_charge_paise", "min_order_paise", "status"):
            batch.drop_column(column)
