"""Filings listed by fiscal year continue from the last (year, id) shown: an index on both
columns lets either database walk to the next page instead of sorting the year's filings
again for every page (the records API's lists, p95 ≤ 50 ms over 100,000 filings).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 21:20:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_filings_fiscal_year_id", "filings", ["fiscal_year", "id"])


def downgrade() -> None:
    op.drop_index("ix_filings_fiscal_year_id", table_name="filings")
