"""The public vocabulary, read from the packs and the plans built from them: every input a case
may give and every variable it gets back, with type or unit, default, options (codes and Chinese
terms), labels in both languages, and the variables and articles each input feeds. One source
for `innoreg inputs`, `innoreg template`, ``GET /v1/inputs``, ``docs/vocabulary.md`` and forms."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from innoreg.engine.plan import EntityPlan, Plan, plan_for
from innoreg.labels import Label
from innoreg.rules.inputs import CASE_YEAR, InputSpec
from innoreg.rules.money import format_money, format_quantity
from innoreg.rules.registry import registry


@dataclass(frozen=True)
class InputInfo:
    spec: InputSpec
    feeds: tuple[str, ...]
    """The variables that read this input, directly or through others, in the chain asked."""
    articles: tuple[str, ...]
    """What those variables cite: eIds of the chain's acts and ``source#anchor``s."""

    article_readings: tuple[Label, ...] = ()
    """The same articles as people write them ("促进科技成果转化法 第四十五条")."""

    def readings(self, lang: str) -> list[str]:
        return [reading.zh if lang == "zh" else reading.en for reading in self.article_readings]

    @property
    def default_text(self) -> str:
        """The default as a case would write it, or what leaving the input out means."""
        spec = self.spec
        if spec.missing == "optional":
            return "optional: leaving it out has a meaning"
        if spec.missing == "needed":
            return "needed: results that use it are null without it"
        if spec.default == CASE_YEAR:
            return "the year of the case's date"
        return public_text(spec.type, spec.default)

    def to_dict(self) -> dict[str, Any]:
        spec = self.spec
        return {
            "entity": spec.entity,
            "name": spec.name,
            "type": spec.type,
            "label": spec.label.to_dict(),
            "hint": spec.hint.to_dict() if spec.hint else None,
            "when_missing": "default" if spec.missing == "default" else spec.missing,
            "default": self.default_text if spec.missing == "default" else None,
            "options": [
                {"code": o.code, "label": o.label.to_dict(), "also": list(o.also)}
                for o in spec.options
            ],
            "feeds": list(self.feeds),
            "articles": list(self.articles),
            "articles_read": [r.to_dict() for r in self.article_readings],
            "level": spec.pack,
        }


@dataclass(frozen=True)
class VariableInfo:
    entity: str
    name: str
    unit: str
    label: Label
    cites: tuple[str, ...]
    level: str
    options: tuple[tuple[str, Label], ...]
    summary: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "name": self.name,
            "unit": self.unit,
            "label": self.label.to_dict(),
            "cites": list(self.cites),
            "level": self.level,
            "options": [{"code": c, "label": label.to_dict()} for c, label in self.options],
            "summary": self.summary,
        }


def public_text(kind: str, value: Any) -> str:
    """A default as a case writes it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if kind == "money" and isinstance(value, int):
        return format_money(value)
    if kind == "quantity" and isinstance(value, int):
        return format_quantity(value)
    return str(value)


def _plans(jurisdiction: str | None) -> list[Plan]:
    """The plan of the jurisdiction, or of every jurisdiction no other has as its parent."""
    today = dt.date.today()
    if jurisdiction is not None:
        return [plan_for(jurisdiction, today)]
    packs = registry().packs
    parents = {p.parent for p in packs.values()}
    return [plan_for(code, today) for code in sorted(packs) if code not in parents]


def inputs(jurisdiction: str | None = None, entity: str | None = None) -> list[InputInfo]:
    """Every input of the jurisdiction's chain (or of every pack), optionally of one entity."""
    found: dict[tuple[str, str], InputInfo] = {}
    for plan in _plans(jurisdiction):
        for kind, entity_plan in plan.entities.items():
            if entity is not None and kind != entity:
                continue
            for name, spec in entity_plan.inputs.items():
                info = _input_info(plan, entity_plan, spec)
                known = found.get((kind, name))
                if known is None or len(info.feeds) > len(known.feeds):
                    found[(kind, name)] = info
    return list(found.values())


def _input_info(plan: Plan, entity: EntityPlan, spec: InputSpec) -> InputInfo:
    from innoreg.engine.trace import cite

    packs = {p.jurisdiction: p for p in plan.chain}
    fed = [v for v in entity.variables if v.spec.name in entity.dependents[spec.name]]
    cites = {(c, v.spec.pack): None for v in fed for c in v.spec.cites}
    readings = {}
    for citation, pack in cites:
        reads = cite(packs[pack], citation)["reads"]
        readings[reads["en"] or citation] = Label(reads["en"] or citation, reads["zh"] or citation)
    return InputInfo(
        spec,
        tuple(v.spec.name for v in fed),
        tuple(dict.fromkeys(c for c, _ in cites)),
        tuple(readings.values()),
    )


def variables(jurisdiction: str | None = None, entity: str | None = None) -> list[VariableInfo]:
    """Every variable of the jurisdiction's chain (or of every pack)."""
    packs = registry().chain(jurisdiction) if jurisdiction else tuple(registry().packs.values())
    return [
        VariableInfo(
            entity=r.entity,
            name=r.name,
            unit=r.unit,
            label=r.label,
            cites=r.cites,
            level=p.jurisdiction,
            options=r.options,
            summary=" ".join(r.doc.split("\n\n")[0].split()) if r.doc else "",
        )
        for p in packs
        for r in p.rules
        if entity is None or r.entity == entity
    ]


def entity_kinds(jurisdiction: str | None = None) -> list[tuple[str, str, Label]]:
    """(name, plural, label) of every entity kind of the chain (or of every pack)."""
    packs = registry().chain(jurisdiction) if jurisdiction else tuple(registry().packs.values())
    return [(k.name, k.plural, k.label) for p in packs for k in p.entity_kinds]
