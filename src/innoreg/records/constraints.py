"""A value the database refused, told as the field and the rule it breaks. Constraint names
follow the naming convention of ``models.base``, so either database's message leads back to
the table's columns."""

from __future__ import annotations

import re
from functools import cache

from sqlalchemy import CheckConstraint, ForeignKeyConstraint, UniqueConstraint, exc

from innoreg.records.errors import ConstraintError


@cache
def _by_name() -> dict[str, tuple[str, tuple[str, ...], str]]:
    from innoreg.records.models import Base

    found: dict[str, tuple[str, tuple[str, ...], str]] = {}
    for table in Base.metadata.tables.values():
        for constraint in table.constraints:
            name = str(constraint.name) if constraint.name else None
            if not name:
                continue
            columns = tuple(c.name for c in getattr(constraint, "columns", ()))
            if isinstance(constraint, UniqueConstraint):
                rule = "must be unique"
            elif isinstance(constraint, ForeignKeyConstraint):
                rule = "must name an existing record"
            elif isinstance(constraint, CheckConstraint):
                rule = str(constraint.sqltext)
                mentioned = [c.name for c in table.columns if re.search(rf"\b{c.name}\b", rule)]
                columns = tuple(mentioned)
            else:
                continue
            found[name] = (table.name, columns, rule)
            found[f"{table.name}:{name.removeprefix(f'ck_{table.name}_')}"] = found[name]
    return found


def constraint_error(error: exc.IntegrityError) -> ConstraintError:
    """The refused write, said as ``table.column: rule``."""
    orig = error.orig
    diag = getattr(orig, "diag", None)
    message = str(orig).splitlines()[0] if orig is not None else str(error)
    if diag is not None:  # PostgreSQL names the constraint, or the column for NOT NULL
        if diag.column_name and diag.table_name:
            return _error(diag.table_name, (diag.column_name,), "is required")
        known = _by_name().get(diag.constraint_name or "")
        if known:
            return _error(*known)
        return ConstraintError(message)
    match = re.match(r"(UNIQUE|NOT NULL) constraint failed: (.+)", message)
    if match:
        pairs = [p.strip().split(".", 1) for p in match.group(2).split(",")]
        rule = "must be unique" if match.group(1) == "UNIQUE" else "is required"
        return _error(pairs[0][0], tuple(p[1] for p in pairs), rule)
    match = re.match(r"CHECK constraint failed: (\S+)", message)
    if match and match.group(1) in _by_name():
        return _error(*_by_name()[match.group(1)])
    if "FOREIGN KEY" in message:
        return ConstraintError("a referenced record does not exist", rule="foreign key")
    return ConstraintError(message)


def _error(table: str, columns: tuple[str, ...], rule: str) -> ConstraintError:
    field = f"{table}.{'+'.join(columns)}" if columns else table
    return ConstraintError(rule, field=field, rule=rule)
