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
    """Reads values of the subject ``<prefix><id>`` from the joined determination's result."""

    dialect: str
    prefix: str
    subject_id: InstrumentedAttribute[int]

    def _subject(self) -> Column:
        return literal(self.prefix) + cast(self.subject_id, String)

    def _text(self, name: str) -> Column:
        """The value as SQL text (SQLite: the JSON scalar itself; a boolean is 1 or 0)."""
        if self.dialect == "sqlite":
            path = literal('$.results."') + self._subject() + literal(f'".{name}')
            return func.json_extract(Determination.result, path)
        if self.dialect == "postgresql":
            document = type_coerce(Determination.result, postgresql.JSON())
            subject = document.op("->")(literal("results")).op("->")(self._subject())
            return subject.op("->>", return_type=String())(literal(name))
        raise NotImplementedError(f"figures are read on SQLite and PostgreSQL, not {self.dialect}")

    def flag(self, name: str) -> Column:
        """A boolean value: 1, 0, or NULL when absent or null."""
        value = self._text(name)
        if self.dialect == "sqlite":
            return value
        return case((value == "true", 1), (value == "false", 0), else_=None)

    def fen(self, name: str) -> Column:
        """A money value in integer fen, or NULL."""
        value = self._text(name)
        if self.dialect == "sqlite":
            return cast(func.replace(value, ".", ""), BigInteger)
        return cast(cast(value, Numeric(20, 2)) * 100, BigInteger)
