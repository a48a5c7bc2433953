"""stores: owner_languages, each owner's chat language (set by chat, else the language they write in)

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A server default, so existing stores get an empty map without a data migration.
    with op.batch_alter_table("stores") as batch:
        batch.add_column(sa.Column("owner_languages", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("stores") as batch:
        batch.drop_column("owner_languages")
