"""The records schema: every aggregate, the audit log with its append-only triggers, and the
chain head at genesis.

Revision ID: 0001
Revises:
Create Date: 2026-11-30 01:15:10.534337
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from innoreg.records.migrations import append_only
from innoreg.records.types import UTCDateTime

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "act_facts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jurisdiction", sa.String(length=40), nullable=False),
        sa.Column(
            "fact",
            sa.Enum(
                "in_force", name="act_fact", native_enum=False, create_constraint=True, length=40
            ),
            nullable=False,
        ),
        sa.Column("value", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("source_note", sa.String(length=1000), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_act_facts")),
        sa.UniqueConstraint("jurisdiction", "fact", name=op.f("uq_act_facts_jurisdiction_fact")),
    )
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_head_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("entity", sa.String(length=60), nullable=False),
        sa.Column("entity_id", sa.String(length=60), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("canonical", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint(
            "action IN ('insert', 'update', 'delete')", name=op.f("ck_audit_log_action_known")
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
    )
    op.create_table(
        "organisations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "enterprise",
                "university",
                "research_institute",
                "intermediary_agency",
                "incubator_operator",
                "platform_host",
                name="organisation_kind",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("jurisdiction", sa.String(length=40), nullable=False),
        sa.Column("district", sa.String(length=40), nullable=True),
        sa.Column("industry", sa.String(length=5), nullable=True),
        sa.Column("state_owned", sa.Boolean(), nullable=False),
        sa.Column("state_established", sa.Boolean(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "suspended",
                "deregistered",
                name="organisation_status",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("status_since", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "length(credit_code) = 18", name=op.f("ck_organisations_credit_code_length")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
        sa.UniqueConstraint("credit_code", name=op.f("uq_organisations_credit_code")),
    )
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisations_district"), ["district"], unique=False)

    op.create_table(
        "awards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "national",
                "provincial",
                "municipal",
                name="award_level",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("grade", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("achievement", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_awards_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_awards")),
    )
    with op.batch_alter_table("awards", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_awards_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "certificates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "high_tech",
                "technology_based_sme",
                "integrated_circuit_or_machine_tool",
                name="certificate_kind",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("number", sa.String(length=40), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "valid_until IS NULL OR valid_until >= valid_from",
            name=op.f("ck_certificates_validity_in_order"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_certificates_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificates")),
    )
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_certificates_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "determinations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "subject_kind",
            sa.Enum(
                "filing",
                "transfer",
                "ip_asset",
                name="subject_kind",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("jurisdiction", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("pack_version", sa.String(length=80), nullable=False),
        sa.Column("interpretations", sa.JSON(), nullable=False),
        sa.Column("assumptions", sa.JSON(), nullable=False),
        sa.Column("case", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("explanation", sa.JSON(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("decided_at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_determinations_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_determinations")),
    )
    with op.batch_alter_table("determinations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_determinations_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            "ix_determinations_subject", ["subject_kind", "subject_id"], unique=False
        )

    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column(
            "funding_level",
            sa.Enum(
                "national",
                "provincial",
                "municipal",
                "county",
                "none",
                name="funding_level",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("funds", sa.BigInteger(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("funds >= 0", name=op.f("ck_projects_funds_not_negative")),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_projects_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
        sa.UniqueConstraint("number", name=op.f("uq_projects_number")),
    )
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_projects_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "registry_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "register",
            sa.Enum(
                "rd_platform",
                "rd_institution",
                "park",
                "incubator",
                "pioneer_park",
                "intermediary_agency",
                "innovative_enterprise",
                "demonstration_enterprise",
                name="register",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "national",
                "provincial",
                "municipal",
                name="registry_level",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("category", sa.String(length=40), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "valid_until IS NULL OR valid_until >= valid_from",
            name=op.f("ck_registry_entries_validity_in_order"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_registry_entries_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registry_entries")),
    )
    with op.batch_alter_table("registry_entries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_registry_entries_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_registry_entries_register"), ["register"], unique=False
        )

    op.create_table(
        "standards_led",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column(
            "level",
            sa.Enum(
                "international",
                "national",
                "industry",
                "local",
                "group",
                name="standard_level",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_standards_led_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_standards_led")),
        sa.UniqueConstraint("code", name=op.f("uq_standards_led_code")),
    )
    with op.batch_alter_table("standards_led", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_standards_led_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "filings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("sales_revenue", sa.BigInteger(), nullable=False),
        sa.Column("rd_expense", sa.BigInteger(), nullable=False),
        sa.Column("rd_expense_q4", sa.BigInteger(), nullable=True),
        sa.Column("special_rd_account", sa.Boolean(), nullable=False),
        sa.Column(
            "size_class",
            sa.Enum(
                "large",
                "medium",
                "small",
                "micro",
                name="size_class",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("above_designated_size", sa.Boolean(), nullable=False),
        sa.Column("determination_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "fiscal_year BETWEEN 1990 AND 2100", name=op.f("ck_filings_fiscal_year_plausible")
        ),
        sa.CheckConstraint("rd_expense >= 0", name=op.f("ck_filings_rd_expense_not_negative")),
        sa.CheckConstraint(
            "rd_expense_q4 IS NULL OR (rd_expense_q4 >= 0 AND rd_expense_q4 <= rd_expense)",
            name=op.f("ck_filings_rd_expense_q4_within_year"),
        ),
        sa.CheckConstraint(
            "sales_revenue >= 0", name=op.f("ck_filings_sales_revenue_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["determination_id"],
            ["determinations.id"],
            name=op.f("fk_filings_determination_id_determinations"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_filings_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_filings")),
        sa.UniqueConstraint(
            "organisation_id", "fiscal_year", name=op.f("uq_filings_organisation_id_fiscal_year")
        ),
    )
    with op.batch_alter_table("filings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_filings_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "ip_assets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "patent",
                "software_copyright",
                "ic_layout_design",
                "plant_variety",
                name="ip_kind",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("registration_no", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("fiscally_funded", sa.Boolean(), nullable=False),
        sa.Column("rights_obtained_on", sa.Date(), nullable=True),
        sa.Column("implemented_on", sa.Date(), nullable=True),
        sa.Column("implementation_conditions_met", sa.Boolean(), nullable=False),
        sa.Column("justifiable_reason", sa.Boolean(), nullable=False),
        sa.Column("implementation_deadline", sa.Date(), nullable=True),
        sa.Column("determination_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["determination_id"],
            ["determinations.id"],
            name=op.f("fk_ip_assets_determination_id_determinations"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_ip_assets_organisation_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_ip_assets_project_id_projects")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ip_assets")),
        sa.UniqueConstraint("registration_no", name=op.f("uq_ip_assets_registration_no")),
    )
    with op.batch_alter_table("ip_assets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ip_assets_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(
            "ix_ip_assets_overdue",
            ["implementation_deadline", "fiscally_funded", "implementation_conditions_met"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_ip_assets_project_id"), ["project_id"], unique=False)

    op.create_table(
        "transfers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("holder_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("achievement", sa.String(length=300), nullable=False),
        sa.Column("counterparty", sa.String(length=200), nullable=False),
        sa.Column(
            "mode",
            sa.Enum(
                "transfer",
                "license",
                "equity_investment",
                name="transfer_mode",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("concluded_on", sa.Date(), nullable=False),
        sa.Column("fiscally_funded", sa.Boolean(), nullable=False),
        sa.Column("has_reward_rules", sa.Boolean(), nullable=False),
        sa.Column("net_income", sa.BigInteger(), nullable=False),
        sa.Column("equity_total", sa.Numeric(precision=24, scale=6), nullable=True),
        sa.Column(
            "equity_unit",
            sa.Enum(
                "shares",
                "percent",
                name="equity_unit",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column(
            "state",
            sa.Enum(
                "draft",
                "final",
                name="transfer_state",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("determination_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "equity_total IS NULL OR equity_total >= 0",
            name=op.f("ck_transfers_equity_not_negative"),
        ),
        sa.CheckConstraint("net_income >= 0", name=op.f("ck_transfers_net_income_not_negative")),
        sa.ForeignKeyConstraint(
            ["determination_id"],
            ["determinations.id"],
            name=op.f("fk_transfers_determination_id_determinations"),
        ),
        sa.ForeignKeyConstraint(
            ["holder_id"], ["organisations.id"], name=op.f("fk_transfers_holder_id_organisations")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_transfers_project_id_projects")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfers")),
    )
    with op.batch_alter_table("transfers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transfers_holder_id"), ["holder_id"], unique=False)

    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("filing_id", sa.Integer(), nullable=False),
        sa.Column("programme", sa.String(length=200), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "draft",
                "submitted",
                "returned",
                "under_review",
                "approved",
                "rejected",
                name="application_state",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("determination_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["determination_id"],
            ["determinations.id"],
            name=op.f("fk_applications_determination_id_determinations"),
        ),
        sa.ForeignKeyConstraint(
            ["filing_id"], ["filings.id"], name=op.f("fk_applications_filing_id_filings")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_applications_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applications")),
    )
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_applications_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_applications_state"), ["state"], unique=False)

    op.create_table(
        "ip_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("asset_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "implemented",
                "licensed",
                "transferred",
                "pledged",
                "lapsed",
                name="ip_event_kind",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.CheckConstraint(
            "occurred_on >= '1985-01-01'", name=op.f("ck_ip_events_occurred_plausible")
        ),
        sa.ForeignKeyConstraint(
            ["asset_id"],
            ["ip_assets.id"],
            name=op.f("fk_ip_events_asset_id_ip_assets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ip_events")),
    )
    with op.batch_alter_table("ip_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ip_events_asset_id"), ["asset_id"], unique=False)

    op.create_table(
        "ip_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("asset_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "implementation",
                "protection",
                name="ip_report_kind",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.Column("summary", sa.String(length=2000), nullable=False),
        sa.ForeignKeyConstraint(
            ["asset_id"],
            ["ip_assets.id"],
            name=op.f("fk_ip_reports_asset_id_ip_assets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ip_reports")),
        sa.UniqueConstraint(
            "asset_id", "year", "kind", name=op.f("uq_ip_reports_asset_id_year_kind")
        ),
    )
    op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "unused_ip_may_be_implemented",
                name="notice_kind",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("ip_asset_id", sa.Integer(), nullable=True),
        sa.Column("determination_id", sa.Integer(), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("body", sa.String(length=2000), nullable=False),
        sa.ForeignKeyConstraint(
            ["determination_id"],
            ["determinations.id"],
            name=op.f("fk_notices_determination_id_determinations"),
        ),
        sa.ForeignKeyConstraint(
            ["ip_asset_id"], ["ip_assets.id"], name=op.f("fk_notices_ip_asset_id_ip_assets")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_notices_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
        sa.UniqueConstraint("kind", "ip_asset_id", name=op.f("uq_notices_kind_ip_asset_id")),
    )
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notices_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "reward_shares",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transfer_id", sa.Integer(), nullable=False),
        sa.Column("recipient_name", sa.String(length=100), nullable=False),
        sa.Column("recipient_id_number", sa.String(length=18), nullable=True),
        sa.Column("role", sa.String(length=100), nullable=False),
        sa.Column("cash", sa.BigInteger(), nullable=False),
        sa.Column("equity", sa.Numeric(precision=24, scale=6), nullable=False),
        sa.CheckConstraint("cash >= 0", name=op.f("ck_reward_shares_cash_not_negative")),
        sa.CheckConstraint("equity >= 0", name=op.f("ck_reward_shares_equity_not_negative")),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["transfers.id"],
            name=op.f("fk_reward_shares_transfer_id_transfers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reward_shares")),
    )
    with op.batch_alter_table("reward_shares", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reward_shares_transfer_id"), ["transfer_id"], unique=False
        )

    op.create_table(
        "application_transitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("from_state", sa.String(length=20), nullable=False),
        sa.Column("to_state", sa.String(length=20), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("reason", sa.String(length=1000), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_application_transitions_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_transitions")),
    )
    with op.batch_alter_table("application_transitions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_application_transitions_application_id"),
            ["application_id"],
            unique=False,
        )
    append_only.create()
    op.execute(f"INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '{'0' * 64}')")


def downgrade() -> None:
    append_only.drop()

    with op.batch_alter_table("application_transitions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_transitions_application_id"))

    op.drop_table("application_transitions")
    with op.batch_alter_table("reward_shares", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reward_shares_transfer_id"))

    op.drop_table("reward_shares")
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notices_organisation_id"))

    op.drop_table("notices")
    op.drop_table("ip_reports")
    with op.batch_alter_table("ip_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ip_events_asset_id"))

    op.drop_table("ip_events")
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applications_state"))
        batch_op.drop_index(batch_op.f("ix_applications_organisation_id"))

    op.drop_table("applications")
    with op.batch_alter_table("transfers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transfers_holder_id"))

    op.drop_table("transfers")
    with op.batch_alter_table("ip_assets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ip_assets_project_id"))
        batch_op.drop_index("ix_ip_assets_overdue")
        batch_op.drop_index(batch_op.f("ix_ip_assets_organisation_id"))

    op.drop_table("ip_assets")
    with op.batch_alter_table("filings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_filings_organisation_id"))

    op.drop_table("filings")
    with op.batch_alter_table("standards_led", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_standards_led_organisation_id"))

    op.drop_table("standards_led")
    with op.batch_alter_table("registry_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registry_entries_register"))
        batch_op.drop_index(batch_op.f("ix_registry_entries_organisation_id"))

    op.drop_table("registry_entries")
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_projects_organisation_id"))

    op.drop_table("projects")
    with op.batch_alter_table("determinations", schema=None) as batch_op:
        batch_op.drop_index("ix_determinations_subject")
        batch_op.drop_index(batch_op.f("ix_determinations_organisation_id"))

    op.drop_table("determinations")
    with op.batch_alter_table("certificates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificates_organisation_id"))

    op.drop_table("certificates")
    with op.batch_alter_table("awards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_awards_organisation_id"))

    op.drop_table("awards")
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisations_district"))

    op.drop_table("organisations")
    op.drop_table("audit_log")
    op.drop_table("audit_head")
    op.drop_table("act_facts")
