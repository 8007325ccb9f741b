"""Filings keep their latest determination's three dashboard figures in typed columns.

``support_eligible``, ``rd_shortfall`` and ``rd_super_deduction`` (fen) are copied from the
determination whenever a filing is decided; this revision adds them, indexes ``fiscal_year``
and fills them from each filing's latest determination already stored, so the dashboard sums
columns instead of parsing 100,000 JSON documents (docs/records.md, "Dashboard figures").
The copy is a schema change, not a decision: the audit log keeps the determinations
themselves, from which these values are read.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 14:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE = """
UPDATE filings SET
  support_eligible = (SELECT json_extract(d.result,
      '$.results."filing-' || filings.id || '".support_eligible')
    FROM determinations d WHERE d.id = filings.determination_id),
  rd_shortfall = (SELECT CAST(replace(json_extract(d.result,
      '$.results."filing-' || filings.id || '".rd_shortfall'), '.', '') AS INTEGER)
    FROM determinations d WHERE d.id = filings.determination_id),
  rd_super_deduction = (SELECT CAST(replace(json_extract(d.result,
      '$.results."filing-' || filings.id || '".rd_super_deduction'), '.', '') AS INTEGER)
    FROM determinations d WHERE d.id = filings.determination_id)
WHERE determination_id IS NOT NULL
"""
_POSTGRESQL = """
UPDATE filings f SET
  support_eligible = (d.result -> 'results' -> ('filing-' || f.id)
      ->> 'support_eligible')::boolean,
  rd_shortfall = round((d.result -> 'results' -> ('filing-' || f.id)
      ->> 'rd_shortfall')::numeric * 100)::bigint,
  rd_super_deduction = round((d.result -> 'results' -> ('filing-' || f.id)
      ->> 'rd_super_deduction')::numeric * 100)::bigint
FROM determinations d WHERE d.id = f.determination_id
"""


def upgrade() -> None:
    with op.batch_alter_table("filings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("support_eligible", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("rd_shortfall", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("rd_super_deduction", sa.BigInteger(), nullable=True))
        batch_op.create_index(batch_op.f("ix_filings_fiscal_year"), ["fiscal_year"], unique=False)
    dialect = op.get_bind().dialect.name
    op.execute(_POSTGRESQL if dialect == "postgresql" else _SQLITE)


def downgrade() -> None:
    with op.batch_alter_table("filings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_filings_fiscal_year"))
        batch_op.drop_column("rd_super_deduction")
        batch_op.drop_column("rd_shortfall")
        batch_op.drop_column("support_eligible")
