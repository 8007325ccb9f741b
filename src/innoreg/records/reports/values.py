"""The engine's values read inside SQL from a stored determination, so that figures over
100,000 records are one group-by, not 100,000 documents decoded in Python.

A determination keeps the engine's answer as JSON: ``{"results": {"filing-17": {"rd_shortfall":
"300000.00", "support_eligible": false, …}}}``. Each function here is one value of one subject
as a SQL expression, for SQLite (``json_extract``) and PostgreSQL (``->``/``->>``): booleans as
1 / 0 / NULL, money as integer fen (the contract writes money with exactly two decimals,
``rules.money.format_money``, so dropping the point is exact).

This is the one module that knows the values live in JSON. Reading JSON costs a parse per row
(see docs/records.md, "Dashboard figures", for what it costs at 100,000 filings and the typed
columns that would replace it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Numeric,
    String,
    case,
    cast,
    func,
    literal,
    type_coerce,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import InstrumentedAttribute

from innoreg.records.models.determinations import Determination

Column = ColumnElement[Any]


@dataclass(frozen=True)
class ResultReader:
    """Reads a subject's values from the joined determination's result: first the subject's
    own small document, once per row (the one parse of the whole result), then its values."""

    dialect: str

    def subject(self, prefix: str, subject_id: InstrumentedAttribute[int]) -> Column:
        """The values of the subject ``<prefix><id>`` as a JSON document (NULL if undecided)."""
        key = (literal(prefix) + cast(subject_id, String)).self_group()
        if self.dialect == "sqlite":
            path = literal('$.results."') + key + literal('"')
            return func.json_extract(Determination.result, path)
        if self.dialect == "postgresql":
            document = type_coerce(Determination.result, postgresql.JSON())
            return document.op("->")(literal("results")).op("->")(key)
        raise NotImplementedError(f"figures are read on SQLite and PostgreSQL, not {self.dialect}")

    def _text(self, document: Column, name: str) -> Column:
        """A value of ``document`` as SQL text (SQLite: the scalar itself, a boolean 1 or 0)."""
        if self.dialect == "sqlite":
            return func.json_extract(document, literal(f"$.{name}"))
        return type_coerce(document, postgresql.JSON()).op("->>", return_type=String())(
            literal(name)
        )

    def flag(self, document: Column, name: str) -> Column:
        """A boolean value: 1, 0, or NULL when absent or null."""
        value = self._text(document, name)
        if self.dialect == "sqlite":
            return value
        return case((value == "true", 1), (value == "false", 0), else_=None)

    def fen(self, document: Column, name: str) -> Column:
        """A money value in integer fen, or NULL."""
        value = self._text(document, name)
        if self.dialect == "sqlite":
            return cast(func.replace(value, ".", ""), BigInteger)
        return cast(cast(value, Numeric(20, 2)) * 100, BigInteger)
