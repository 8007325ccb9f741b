"""Applications carry the reviewer they are assigned to, and every assignment is kept (who
assigned it to whom, and when): the review queue's assignment, and the reviewer's scope
("what is assigned to them").

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 20:20:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from innoreg.records.types import UTCDateTime

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("applications") as table:
        table.add_column(sa.Column("reviewer_id", sa.Integer(), nullable=True))
        table.create_foreign_key(
            op.f("fk_applications_reviewer_id_users"), "users", ["reviewer_id"], ["id"]
        )
        table.create_index(op.f("ix_applications_reviewer_id"), ["reviewer_id"])
    op.create_table(
        "application_assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_application_assignments_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"],
            ["users.id"],
            name=op.f("fk_application_assignments_reviewer_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_assignments")),
    )
    op.create_index(
        op.f("ix_application_assignments_application_id"),
        "application_assignments",
        ["application_id"],
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_application_assignments_application_id"), table_name="application_assignments"
    )
    op.drop_table("application_assignments")
    with op.batch_alter_table("applications") as table:
        table.drop_index(op.f("ix_applications_reviewer_id"))
        table.drop_constraint(op.f("fk_applications_reviewer_id_users"), type_="foreignkey")
        table.drop_column("reviewer_id")
