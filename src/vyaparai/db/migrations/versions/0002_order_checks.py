"""order checks: known statuses, positive quantities, non-negative totals

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

STATUSES = "'pending', 'confirmed', 'processing', 'out_for_delivery', 'delivered', 'cancelled'"


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.create_check_constraint("status_known", f"status IN ({STATUSES})")
        batch.create_check_constraint("payment_status_known",
                                      "payment_status IN ('pending', 'paid', 'failed', 'refunded')")
        batch.create_check_constraint("totals_not_negative", "total_paise >= 0 AND subtotal_paise >= 0")
    with op.batch_alter_table("order_items") as batch:
        batch.create_check_constraint("qty_positive", "qty_milli > 0")


def downgrade() -> None:
    with op.batch_alter_table("order_items") as batch:
        batch.drop_constraint("ck_order_items_qty_positive", type_="check")
    with op.batch_alter_table("orders") as batch:
        batch.drop_constraint("ck_orders_totals_not_negative", type_="check")
        batch.drop_constraint("ck_orders_payment_status_known", type_="check")
        batch.drop_constraint("ck_orders_status_known", type_="check")
