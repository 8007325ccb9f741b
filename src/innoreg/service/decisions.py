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


def verdict(values: Mapping[str, Any], lang: str) -> str | None:
    """One line saying what a decision means for an enterprise.

    ADAPTER: becomes ``innoreg.engine.verdict.verdict_line("enterprise", values, lang)``."""
    eligible = values.get("support_eligible")
    if eligible is None and "rd_obligation_met" in values:
        met = values["rd_obligation_met"]
        if met is None:
            return None
        if lang == "zh":
            return "符合：研发投入达到规定比例" if met else "不符合：研发投入未达到规定比例"
        return "Meets the R&D obligation" if met else "Does not meet the R&D obligation"
    if eligible is None:
        return None
    shortfall = values.get("rd_shortfall")
    if lang == "zh":
        return "符合条件" if eligible else f"不符合：尚需增加研发投入{money(shortfall, lang)}"
    return "Eligible" if eligible else f"Not eligible: {money(shortfall, lang)} more R&D needed"


def check_input(jurisdiction: str, entity: str, name: str, raw: Any) -> Any:
    """The engine's own check of one input value; an InputError names the field.

    ADAPTER: becomes a look-up in ``innoreg.rules.vocabulary``."""
    from innoreg.engine.plan import plan_for
    from innoreg.errors import InputError

    spec = plan_for(resolve(jurisdiction), dt.date.today()).entities[entity].inputs[name]
    try:
        return spec.coerce(raw)
    except ValueError as exc:
        raise InputError(str(exc), field=name, rule=spec.type) from None


_OPTION_LABELS = {
    "holder_kind": {
        "university": ("University", "高等院校"),
        "research_institute": ("Research institute", "科研机构"),
        "enterprise": ("Enterprise", "企业"),
    },
    "mode": {
        "transfer": ("Transfer", "转让"),
        "license": ("Licence", "许可"),
        "equity_investment": ("Investment as equity", "作价投资"),
    },
    "kind": {
        "patent": ("Patent", "专利"),
        "software_copyright": ("Software copyright", "计算机软件著作权"),
        "ic_layout_design": ("Integrated circuit layout design", "集成电路布图设计专有权"),
        "plant_variety": ("New plant variety", "植物新品种权"),
    },
}


def options(name: str, lang: str) -> list[tuple[str, str]]:
    """An input's option codes with their names in ``lang``.

    ADAPTER: becomes the options (codes and Chinese terms) of ``innoreg.rules.vocabulary``."""
    return [(code, en if lang == "en" else zh) for code, (en, zh) in _OPTION_LABELS[name].items()]
