"""Organisations, filings and IP assets to .xlsx or CSV, in the columns the imports read (so
an export can be edited and imported elsewhere), and registry entries as the bureau lists
them. Personal data is never exported here."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Select, select
from sqlalchemy.orm import Session

from innoreg.errors import InputError
from innoreg.records.db import streaming
from innoreg.records.imports import COLUMNS
from innoreg.records.models.filings import AnnualFiling
from innoreg.records.models.ip import IPAsset
from innoreg.records.models.organisations import Organisation
from innoreg.records.models.projects import FundedProject
from innoreg.records.repositories.registers import (
    EntryFilter,
    EntryRow,
    entry_conditions,
    entry_query,
)
from innoreg.records.repositories.scope import Scope
from innoreg.records.tables import write_csv, write_xlsx

TEXT_COLUMNS = {"credit_code", "registration_no", "project_number", "id"}
MONEY_COLUMNS = {"sales_revenue", "rd_expense", "rd_expense_q4"}


def _query(kind: str, scope: Scope, where: Sequence[Any] = ()) -> Select[Any]:
    if kind == "organisations":
        return (
            select(*(getattr(Organisation, c.name) for c in COLUMNS[kind]))
            .where(scope.where(Organisation.id), *where)
            .order_by(Organisation.id)
        )
    if kind == "filings":
        return (
            select(
                Organisation.credit_code,
                *(getattr(AnnualFiling, c.name) for c in COLUMNS[kind][1:]),
            )
            .join(Organisation, Organisation.id == AnnualFiling.organisation_id)
            .where(scope.where(AnnualFiling.organisation_id))
            .order_by(AnnualFiling.id)
        )
    return (
        select(
            Organisation.credit_code,
            *(getattr(IPAsset, c.name) for c in COLUMNS[kind][1:-1]),
            FundedProject.number,
        )
        .join(Organisation, Organisation.id == IPAsset.organisation_id)
        .outerjoin(FundedProject, FundedProject.id == IPAsset.project_id)
        .where(scope.where(IPAsset.organisation_id))
        .order_by(IPAsset.id)
    )


def export_file(
    session: Session, *, scope: Scope, kind: str, path: Path, where: Sequence[Any] = ()
) -> int:
    """Write ``kind`` to ``path`` (.csv or .xlsx); the number of rows written. ``where``:
    conditions narrowing organisations (a page's filters)."""
    if kind not in COLUMNS:
        raise InputError(f"unknown kind; known: {', '.join(COLUMNS)}", field="kind")
    header = [c.name for c in COLUMNS[kind]]
    money_at = {i for i, name in enumerate(header) if name in MONEY_COLUMNS}

    def rows(connection: Connection) -> Iterator[list[Any]]:
        query = _query(kind, scope, where).execution_options(yield_per=5_000)
        for row in connection.execute(query):
            yield [
                Decimal(v).scaleb(-2) if i in money_at and v is not None else v
                for i, v in enumerate(row)
            ]

    with streaming(session) as connection:
        return _write(path, header, rows(connection))


ENTRY_HEADER = (
    "register",
    "name",
    "level",
    "category",
    "valid_from",
    "valid_until",
    "credit_code",
    "organisation",
    "district",
)


def export_entries(session: Session, *, scope: Scope, chosen: EntryFilter, path: Path) -> int:
    """Registry entries as a page of the bureau's registries filters them (every page of
    them), with their organisation's credit code, name and district."""
    query = entry_query(entry_conditions(scope, chosen)).execution_options(yield_per=5_000)

    def rows(connection: Connection) -> Iterator[list[Any]]:
        for r in connection.execute(query):
            entry = EntryRow(*r)
            yield [
                entry.register,
                entry.name,
                entry.level,
                entry.category,
                entry.valid_from,
                entry.valid_until,
                entry.credit_code,
                entry.organisation,
                entry.district,
            ]

    with streaming(session) as connection:
        return _write(path, ENTRY_HEADER, rows(connection))


def _write(path: Path, header: Sequence[str], rows: Iterator[list[Any]]) -> int:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return write_csv(path, header, rows)
    if suffix == ".xlsx":
        return write_xlsx(path, header, rows, text_columns=TEXT_COLUMNS)
    raise InputError("must end in .csv or .xlsx", field=str(path), rule="file type")
