"""The records over REST: awards and led standards carry the optimistic version every record
changed over the API carries (a change made on a stale version answers 409).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 20:40:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("awards", "standards_led"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default="1")
            )


def downgrade() -> None:
    for table in ("standards_led", "awards"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
