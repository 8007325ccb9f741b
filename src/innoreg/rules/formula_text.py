"""A formula as one readable line, for explanations and ``innoreg rules show``."""

from __future__ import annotations

import datetime as dt

from innoreg.rules import expr as e

_INFIX = {"and": "and", "or": "or", "==": "=", "!=": "≠", "<=": "≤", ">=": "≥"}


def formula_text(node: e.Expr) -> str:
    match node:
        case e.Ref(name=name):
            return name
        case e.Lit(value=value, shown=shown):
            return shown if shown is not None else _literal(value)
        case e.Binary(op=op, left=left, right=right):
            return f"({formula_text(left)} {_INFIX.get(op, op)} {formula_text(right)})"
        case e.Not(operand=operand):
            return f"not {formula_text(operand)}"
        case e.IsNull(operand=operand, negate=negate):
            return f"{formula_text(operand)} is {'given' if negate else 'null'}"
        case e.IsIn(operand=operand, values=values):
            return f"{formula_text(operand)} in {{{', '.join(map(str, values))}}}"
        case e.StartsWithAny(operand=operand, prefixes=prefixes):
            return f"{formula_text(operand)} starts with one of {{{', '.join(prefixes)}}}"
        case e.When(condition=c, then=t, otherwise=o):
            return f"if {formula_text(c)} then {formula_text(t)} else {formula_text(o)}"
        case e.Scale(money=money, rate=rate, rounding=rounding):
            return f"{rounding}({formula_text(money)} × {formula_text(rate)})"
        case e.RatioOf(numerator=n, denominator=d):
            return f"{formula_text(n)} / {formula_text(d)}"
        case e.Horizontal(kind=kind, items=items):
            return f"{kind}({', '.join(formula_text(i) for i in items)})"
        case e.AddYears(start=start, years=years):
            return f"{formula_text(start)} + {years} years (Civil Code arts. 201-202)"
        case e.ShiftDays(date=date):
            return f"next_working_day({formula_text(date)}) (Civil Code art. 203)"
        case e.Warn(value=value):
            return formula_text(value)
    return type(node).__name__


def _literal(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value) if isinstance(value, str) else str(value)
