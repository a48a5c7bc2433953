"""orders: index (store_id, placed_at) for the panel's history, export and day figures

Revision ID: 0005
Revises: 0004
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_orders_store_placed", "orders", ["store_id", "placed_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_orders_store_placed", table_name="orders")
