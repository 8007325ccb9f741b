"""A formula as one readable line, for explanations and ``innoreg rules show``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from innoreg.rules import expr as e

_INFIX = {"and": "and", "or": "or", "==": "=", "!=": "≠", "<=": "≤", ">=": "≥"}


def formula_text(node: e.Expr, row: Mapping[str, Any] | None = None) -> str:
    """The formula in one line; with a ``row``, a formula chosen by fiscal year shows only the
    row's year."""

    def text(node: e.Expr) -> str:
        match node:
            case e.Ref(name=name):
                return name
            case e.Lit(value=value, shown=shown):
                return shown if shown is not None else _literal(value)
            case e.Binary(op=op, left=left, right=right):
                return f"({text(left)} {_INFIX.get(op, op)} {text(right)})"
            case e.Not(operand=operand):
                return f"not {text(operand)}"
            case e.IsNull(operand=operand, negate=negate):
                return f"{text(operand)} is {'given' if negate else 'null'}"
            case e.IsIn(operand=operand, values=values):
                return f"{text(operand)} in {{{', '.join(map(str, values))}}}"
            case e.StartsWithAny(operand=operand, prefixes=prefixes):
                return f"{text(operand)} starts with one of {{{', '.join(prefixes)}}}"
            case e.When(condition=c, then=t, otherwise=o):
                return f"if {text(c)} then {text(t)} else {text(o)}"
            case e.Scale(money=money, rate=rate, rounding=rounding):
                return f"{rounding}({text(money)} × {text(rate)})"
            case e.RatioOf(numerator=n, denominator=d):
                return f"{text(n)} / {text(d)}"
            case e.Horizontal(kind=kind, items=items):
                return f"{kind}({', '.join(text(i) for i in items)})"
            case e.AddYears(start=start, years=years):
                return f"{text(start)} + {years} years (Civil Code arts. 201-202)"
            case e.ShiftDays(date=date):
                return f"next_working_day({text(date)}) (Civil Code art. 203)"
            case e.Share(money=money, numerator=num, denominator=den, rounding=rounding):
                return f"{rounding}({text(money)} × {num}/{den})"
            case e.ByYear(year=e.Ref(name=name)) if row is not None and row.get(name) is not None:
                branch = node.branch_for(int(row[name]))
                return f"(fiscal year {row[name]}) {text(branch.expr)}"
            case e.ByYear(branches=branches):
                parts = [f"{_years(b.years)}: {text(b.expr)}" for b in branches]
                return "by fiscal year — " + "; ".join(parts)
            case e.Warn(value=value):
                return text(value)
        return type(node).__name__

    return text(node)


def _years(years: tuple[int, ...]) -> str:
    """1 2 3 5 -> "1–3, 5"."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _literal(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value) if isinstance(value, str) else str(value)
