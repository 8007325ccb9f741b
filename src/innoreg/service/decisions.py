"""The service's one door to the engine: decisions, the vocabulary of inputs, jurisdiction
names, and how values and verdicts read in each language — all the engine's own
(``innoreg.engine.decide``, ``innoreg.engine.vocabulary``, ``innoreg.display``,
``innoreg.engine.verdict``), so a page, the API and the CLI say the same thing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from innoreg import display
from innoreg.engine import decide as decide_case
from innoreg.engine.decision import Decision
from innoreg.engine.verdict import verdict_line
from innoreg.labels import Language
from innoreg.rules.registry import registry


def decision(case: Mapping[str, Any], *, explain: bool = False) -> Decision:
    """The typed decision of a case (warnings in both languages)."""
    return decide_case(case, explain=explain)


def decide(case: Mapping[str, Any], *, explain: bool = False) -> dict[str, Any]:
    """The decision document, exactly as ``innoreg evaluate --format json`` prints it."""
    return decide_case(case, explain=explain).to_dict()


def for_page(case: Mapping[str, Any], lang: str, *, explain: bool = True) -> dict[str, Any]:
    """The decision document for a page: the JSON contract plus ``notices``, the warnings in
    the page's language."""
    typed = decide_case(case, explain=explain)
    document = typed.to_dict()
    document["notices"] = [n.in_(_lang(lang)) for n in typed.notices]
    return document


def resolve(jurisdiction: str) -> str:
    """A jurisdiction code from a code or an alias; an unknown name is an InputError."""
    return registry().resolve(jurisdiction)


def aliases() -> list[str]:
    return sorted(registry().aliases)


def _lang(lang: str) -> Language:
    return "zh" if lang == "zh" else "en"


def money(value: Any, lang: str) -> str:
    return display.money(value, _lang(lang))


def wan_yuan(value: Any) -> str:
    return display.wan_yuan(value)


def rate(value: Any, lang: str) -> str:
    return display.rate(value, _lang(lang))


def date(value: Any, lang: str) -> str:
    return display.date(value, _lang(lang))


def inputs(jurisdiction: str, on: dt.date) -> list[dict[str, Any]]:
    """Every input of the chain (``engine.vocabulary``), with its entity's plural."""
    from innoreg.engine.vocabulary import entity_kinds
    from innoreg.engine.vocabulary import inputs as vocabulary_inputs

    code = resolve(jurisdiction)
    plurals = {name: plural for name, plural, _ in entity_kinds(code)}
    found = []
    for info in vocabulary_inputs(code):
        row = info.to_dict()
        row["plural"] = plurals[info.spec.entity]
        row["codes"] = [o["code"] for o in row["options"]]
        row["cites"] = list(info.spec.cites)
        found.append(row)
    return found


def verdict(
    values: Mapping[str, Any], lang: str, kind: str = "enterprise", on: dt.date | None = None
) -> str:
    """One line saying what a decision means for an entity of ``kind`` on the case's date."""
    return verdict_line(kind, values, _lang(lang), on=on)


def check_input(jurisdiction: str, entity: str, name: str, raw: Any) -> Any:
    """The engine's own check of one input value; an InputError names the field."""
    from innoreg.engine.plan import plan_for
    from innoreg.errors import InputError

    spec = plan_for(resolve(jurisdiction), dt.date.today()).entities[entity].inputs[name]
    try:
        return spec.coerce(raw)
    except ValueError as exc:
        raise InputError(
            str(exc), field=name, rule=spec.type, zh=getattr(exc, "zh", None)
        ) from None


def options(name: str, lang: str, jurisdiction: str = "cn-ha-luoyang") -> list[tuple[str, str]]:
    """An input's option codes with their names in ``lang``, from the packs."""
    from innoreg.engine.plan import plan_for

    plan = plan_for(resolve(jurisdiction), dt.date.today())
    for entity in plan.entities.values():
        spec = entity.inputs.get(name)
        if spec is not None and spec.options:
            return [(o.code, o.label.in_(_lang(lang))) for o in spec.options]
    raise KeyError(name)
