"""Determinations keep each rule pack's version, so replay names the pack that changed.

Determinations stored before this revision keep ``NULL``: their packs' versions were not
recorded, and replay then names only the chain's combined version.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 02:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("determinations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pack_versions", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("determinations", schema=None) as batch_op:
        batch_op.drop_column("pack_versions")
