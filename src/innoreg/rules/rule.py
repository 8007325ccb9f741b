"""Rules: named variables of one entity kind, each with labels, a unit, the eIds it
implements, an optional validity period and one formula.

A formula is a plain function ``(v, p, ctx) -> Expr`` called once per evaluation context (a
jurisdiction, a date, a set of interpretations): ``v.rd_expense`` names an input or another
variable, ``p("cn.hightech.rd_intensity_required")`` reads a parameter's value on that date,
``ctx.interpretation(name)`` the chosen reading of an ambiguous sentence. Dates are data
(``since=``/``until=``), never part of a name.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from innoreg.labels import Label

if TYPE_CHECKING:
    from innoreg.rules.expr import Expr
    from innoreg.rules.formula_context import Context, Params, Vars

Unit = Literal["money", "quantity", "rate", "ratio", "bool", "date", "text", "count", "year"]
Combine = Literal["max"]
Formula = Callable[["Vars", "Params", "Context"], "Expr"]


@dataclass(frozen=True)
class RuleSpec:
    """One variable of the law. ``combine`` marks a binding-floor aggregate: its value is the
    ``max`` of the rules that declare ``contributes_to`` it, across every level in force."""

    name: str
    entity: str
    unit: Unit
    label: Label
    cites: tuple[str, ...]
    formula: Formula | None
    doc: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    combine: Combine | None = None
    contributes_to: str | None = None
    options: tuple[tuple[str, Label], ...] = ()
    """For a text variable: its possible values and what each means."""
    pack: str = field(default="", compare=False)

    def in_force(self, on: dt.date) -> bool:
        return (self.since is None or on >= self.since) and (self.until is None or on <= self.until)


def rule(
    *,
    entity: str,
    unit: Unit,
    label: tuple[str, str],
    cites: tuple[str, ...] | list[str],
    since: str | None = None,
    until: str | None = None,
    contributes_to: str | None = None,
    options: dict[str, tuple[str, str]] | None = None,
) -> Callable[[Formula], RuleSpec]:
    """Declare a rule; ``label`` is (English, 中文); the function's docstring quotes the law;
    ``options`` lists a text variable's values with their meaning (English, 中文)."""

    def declare(formula: Formula) -> RuleSpec:
        return RuleSpec(
            name=formula.__name__,
            entity=entity,
            unit=unit,
            label=Label(*label),
            cites=tuple(cites),
            formula=formula,
            doc=inspect.cleandoc(formula.__doc__ or ""),
            since=dt.date.fromisoformat(since) if since else None,
            until=dt.date.fromisoformat(until) if until else None,
            contributes_to=contributes_to,
            options=tuple((code, Label(*words)) for code, words in (options or {}).items()),
        )

    return declare


def binding_floor(
    name: str,
    *,
    entity: str,
    unit: Unit,
    label: tuple[str, str],
    cites: tuple[str, ...] | list[str],
    doc: str,
) -> RuleSpec:
    """A variable whose value is the highest floor any level in force sets (the binding one)."""
    return RuleSpec(
        name=name,
        entity=entity,
        unit=unit,
        label=Label(*label),
        cites=tuple(cites),
        formula=None,
        doc=doc,
        combine="max",
    )
