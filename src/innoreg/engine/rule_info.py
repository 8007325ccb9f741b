"""One variable described in full, for `innoreg rules show`, ``GET /v1/rules/{variable}`` and the
law browser: its labels and unit, the law it quotes, its formula in words on a date, what it
reads, its citations with their text, and every dated value of every parameter it uses, each
with the source that set it and the day that source was issued."""

from __future__ import annotations

import datetime as dt
from typing import Any

from innoreg.engine.plan import plan_for
from innoreg.engine.trace import cite, parameter_text
from innoreg.errors import InputError
from innoreg.rules.formula_text import formula_text
from innoreg.rules.registry import registry


class UnknownVariableError(InputError):
    """No such variable (in that jurisdiction): a page or an API answers 404."""


def describe_rule(
    variable: str, *, jurisdiction: str | None = None, on: dt.date | None = None
) -> dict[str, Any]:
    """The description of ``variable``; an InputError (naming the nearest name) if unknown."""
    owners = [p for p in registry().packs.values() if any(r.name == variable for r in p.rules)]
    if jurisdiction:
        chain = {p.jurisdiction for p in registry().chain(jurisdiction)}
        owners = [p for p in owners if p.jurisdiction in chain]
    if not owners:
        import difflib

        known = sorted({r.name for p in registry().packs.values() for r in p.rules})
        near = difflib.get_close_matches(variable, known, n=1, cutoff=0.6)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        where = f" in {jurisdiction}" if jurisdiction else ""
        raise UnknownVariableError(f"no variable named {variable!r}{where}{hint}", field="variable")
    pack = owners[0]
    day = on or dt.date.today()
    plan = plan_for(jurisdiction or pack.jurisdiction, day)
    spec = next(r for r in pack.rules if r.name == variable)
    planned = plan.entities[spec.entity].variable(variable)
    parameters = {u.parameter.name: u.parameter for u in planned.parameters}
    return {
        "name": spec.name,
        "entity": spec.entity,
        "unit": spec.unit,
        "level": pack.jurisdiction,
        "label": spec.label.to_dict(),
        "law": spec.doc,
        "since": spec.since.isoformat() if spec.since else None,
        "until": spec.until.isoformat() if spec.until else None,
        "options": [{"code": c, "label": label.to_dict()} for c, label in spec.options],
        "formula_on": day.isoformat(),
        "formula": formula_text(planned.expr),
        "depends_on": list(planned.depends_on),
        "interpretations": list(planned.interpretations),
        "citations": [cite(pack, c, spec.doc) for c in spec.cites],
        "parameters": [
            {
                "name": parameter.name,
                "label": parameter.label.to_dict(),
                "unit": parameter.unit,
                "description": parameter.description,
                "values": [
                    {
                        "since": v.since.isoformat() if v.since else None,
                        "until": v.until.isoformat() if v.until else None,
                        "issued": v.issued.isoformat() if v.issued else None,
                        "value": parameter_text(parameter.unit, v.value),
                        "number": chart_number(parameter.unit, v.value),
                        "reference": v.reference,
                    }
                    for v in parameter.values
                ],
            }
            for parameter in parameters.values()
        ],
    }


def chart_number(unit: str, value: Any) -> float | None:
    """A value a chart can plot: rates as percentages, money in yuan, years; else None."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    if unit == "rate":
        return value / 10_000
    if unit == "money":
        return value / 100
    if unit == "years":
        return float(value)
    return None
