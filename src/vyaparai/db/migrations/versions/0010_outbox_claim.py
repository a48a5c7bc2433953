"""outbox and inbound: partial indexes for the claim (a recipient's unfinished replies) and the catch-up
(messages waiting to be processed), so neither reads the delivered or processed history

Revision ID: 0010
Revises: 0009
"""
import sqlalchemy as sa

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

UNFINISHED = sa.text("status IN ('pending', 'sending')")
WAITING = sa.text("status = 'received'")


def upgrade() -> None:
    op.create_index("ix_outbox_unfinished", "outbox", ["channel", "recipient", "id"],
                    postgresql_where=UNFINISHED, sqlite_where=UNFINISHED)
    op.create_index("ix_inbound_waiting", "inbound_messages", ["attempts", "id"],
                    postgresql_where=WAITING, sqlite_where=WAITING)


def downgrade() -> None:
    op.drop_index("ix_inbound_waiting", table_name="inbound_messages")
    op.drop_index("ix_outbox_unfinished", table_name="outbox")
