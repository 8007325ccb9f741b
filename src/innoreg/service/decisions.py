"""The one adapter between the service and the engine.

Everything the service asks of the engine goes through here, so that the engine's next
contract (``innoreg.engine.decide``, ``innoreg.display``, ``verdict_line``,
``innoreg.rules.vocabulary``, jurisdiction aliases) is switched in this file alone. Until those
land, the few functions marked ``ADAPTER`` hold the smallest stand-in that serves the pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from innoreg.engine import evaluate_case
from innoreg.rules.registry import registry

ALIASES = {"luoyang": "cn-ha-luoyang", "liaoning": "cn-ln"}  # ADAPTER: registry().resolve


def decide(case: Mapping[str, Any], *, explain: bool = False) -> dict[str, Any]:
    """The decision document, exactly as ``innoreg evaluate --format json`` prints it.

    ADAPTER: becomes ``innoreg.engine.decide(case, explain=explain).to_dict()``."""
    return evaluate_case(case, explain=explain)


def resolve(jurisdiction: str) -> str:
    """A jurisdiction code from a code or an alias (ADAPTER: ``registry().resolve``)."""
    code = ALIASES.get(jurisdiction, jurisdiction)
    registry().chain(code)  # an unknown name is an InputError naming the field
    return code


def money(value: str | None, lang: str) -> str:
    """A decimal string in yuan with thousands separators (ADAPTER: ``innoreg.display.money``)."""
    if value is None:
        return "—"
    amount = Decimal(value)
    text = f"{amount:,.2f}"
    return f"{text} 元" if lang == "zh" else f"¥{text}"


def wan_yuan(value: str | None) -> str:
    """The same amount in 万元, as Chinese readers expect it (ADAPTER: ``innoreg.display``)."""
    if value is None:
        return "—"
    return f"{Decimal(value) / 10_000:,.2f} 万元"


def rate(value: float | None, lang: str) -> str:
    """A ratio as a percentage (ADAPTER: ``innoreg.display.rate``)."""
    if value is None:
        return "—"
    percent = Decimal(str(value)) * 100
    return f"{percent.normalize():f} %" if lang == "en" else f"{percent.normalize():f}%"


def date(value: str | dt.date | None, lang: str) -> str:
    """A date the way each language writes it (ADAPTER: ``innoreg.display.date``)."""
    if value is None:
        return "—"
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day.strftime('%B')} {day.year}"


def inputs(jurisdiction: str, on: dt.date) -> list[dict[str, Any]]:
    """Every input of every entity kind in force: name, entity, type, default, options, labels,
    citations (ADAPTER: ``innoreg.rules.vocabulary``)."""
    from innoreg.engine.plan import plan_for

    plan = plan_for(resolve(jurisdiction), on)
    found = []
    for entity in plan.entities.values():
        for spec in entity.inputs.values():
            found.append(
                {
                    "name": spec.name,
                    "entity": entity.kind.name,
                    "plural": entity.kind.plural,
                    "type": spec.type,
                    "default": _public_default(spec.type, spec.default),
                    "options": list(spec.values),
                    "label": spec.label.to_dict(),
                    "cites": list(spec.cites),
                    "level": spec.pack,
                }
            )
    return found


def _public_default(kind: str, value: Any) -> Any:
    from innoreg.engine.values import public_value

    return public_value(kind if kind != "count" else "count", value)
