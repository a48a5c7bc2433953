"""payments: one Razorpay payment link per order, and webhook events for de-duplication

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

import vyaparai.db.types

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("provider", sa.String(length=16), nullable=False),
        sa.Column("link_id", sa.String(length=64), nullable=False),
        sa.Column("reference_id", sa.String(length=64), nullable=False),
        sa.Column("short_url", sa.String(length=300), nullable=False),
        sa.Column("amount_paise", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("provider_payment_id", sa.String(length=64), nullable=True),
        sa.Column("refunded_paise", sa.BigInteger(), nullable=False),
        sa.Column("expires_at", vyaparai.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_at", vyaparai.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", vyaparai.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('created', 'paid', 'expired', 'cancelled', 'failed')",
                           name=op.f("ck_payments_status_known")),
        sa.CheckConstraint("amount_paise > 0 AND refunded_paise >= 0", name=op.f("ck_payments_amounts_valid")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_payments_order_id_orders"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        sa.UniqueConstraint("link_id", name=op.f("uq_payments_link_id")),
        sa.UniqueConstraint("order_id", name=op.f("uq_payments_order_id")),
    )
    with op.batch_alter_table("payments") as batch:
        batch.create_index(batch.f("ix_payments_expires_at"), ["expires_at"], unique=False)
        batch.create_index(batch.f("ix_payments_provider_payment_id"), ["provider_payment_id"], unique=False)

    op.create_table(
        "payment_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider", sa.String(length=16), nullable=False),
        sa.Column("event_id", sa.String(length=191), nullable=False),
        sa.Column("event_type", sa.String(length=64), nullable=False),
        sa.Column("received_at", vyaparai.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_events")),
        sa.UniqueConstraint("provider", "event_id", name=op.f("uq_payment_events_provider")),
    )


def downgrade() -> None:
    op.drop_table("payment_events")
    with op.batch_alter_table("payments") as batch:
        batch.drop_index(batch.f("ix_payments_provider_payment_id"))
        batch.drop_index(batch.f("ix_payments_expires_at"))
    op.drop_table("payments")
