"""Explanations: for every variable of an entity, its value, its formula, what it read (inputs,
other variables, parameters with their values and references, interpretations) and the text
of the articles it cites, with a hash of that text so a changed text is noticed."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from innoreg.engine.plan import EntityPlan, Plan, PlannedVariable
from innoreg.engine.values import public_value
from innoreg.labels import Label
from innoreg.law.reading import citation_reading
from innoreg.rules import expr as e
from innoreg.rules.formula_context import shown_number
from innoreg.rules.formula_text import formula_text
from innoreg.rules.pack import Pack
from innoreg.rules.parameters import Bracket, ParameterData, ParameterUse


def explain_row(plan: Plan, entity: EntityPlan, row: dict[str, Any]) -> dict[str, Any]:
    units: dict[str, str] = {name: spec.type for name, spec in entity.inputs.items()}
    units.update({v.spec.name: v.spec.unit for v in entity.variables})
    packs = {p.jurisdiction: p for p in plan.chain}
    return {
        planned.spec.name: _explain_variable(plan, packs, planned, row, units, entity)
        for planned in entity.variables
    }


def _explain_variable(
    plan: Plan,
    packs: dict[str, Pack],
    planned: PlannedVariable,
    row: dict[str, Any],
    units: dict[str, str],
    entity: EntityPlan,
) -> dict[str, Any]:
    spec = planned.spec
    pack = packs[spec.pack]
    explained: dict[str, Any] = {
        "value": public_value(spec.unit, row[spec.name]),
        "label": spec.label.to_dict(),
        "unit": spec.unit,
        "level": pack.jurisdiction,
        "law": spec.doc,
        "formula": formula_text(planned.expr, row),
        "reads": {n: public_value(units[n], row[n]) for n in planned.depends_on},
        "parameters": [parameter_use(use) for use in _uses(planned, row)],
        "interpretations": [
            {
                "name": name,
                "option": plan.interpretations[name],
                "meaning": plan.known_interpretations[name].options[plan.interpretations[name]],
                "reads": plan.known_interpretations[name].reads,
                "justification": plan.known_interpretations[name].justification,
            }
            for name in planned.interpretations
        ],
        "citations": [cite(pack, c, spec.doc) for c in spec.cites],
    }
    periods = _periods(planned, row)
    if periods:
        explained["periods"] = periods
    if planned.note:
        explained["note"] = planned.note
    if planned.contributions:
        explained["levels"] = _levels(planned, row, entity)
    return explained


def parameter_use(use: ParameterUse) -> dict[str, Any]:
    """A parameter value as an explanation shows it: the value, the period it applies to, the
    source that set it and the day that source was issued."""
    value = use.value
    return {
        "name": use.parameter.name,
        "label": use.parameter.label.to_dict(),
        "value": parameter_text(use.parameter.unit, value.value),
        "since": value.since.isoformat() if value.since else "act in force",
        "until": value.until.isoformat() if value.until else None,
        "issued": value.issued.isoformat() if value.issued else None,
        "reference": value.reference,
    }


def _by_year(planned: PlannedVariable) -> list[e.ByYear]:
    return [node for node in e.walk(planned.expr) if isinstance(node, e.ByYear)]


def _uses(planned: PlannedVariable, row: dict[str, Any]) -> list[ParameterUse]:
    """The values this row used: those read once for the date, and those of its fiscal year."""
    by_year = _by_year(planned)
    yearly = {
        u.parameter.name
        for node in by_year
        for b in node.branches
        for q in b.periods
        for u in q.uses
    }
    uses = [u for u in planned.parameters if u.parameter.name not in yearly]
    for branch in _branches(by_year, row):
        for period in branch.periods:
            uses += [u for u in period.uses if all(u.value is not k.value for k in uses)]
    return uses


def _branches(by_year: list[e.ByYear], row: dict[str, Any]) -> list[e.YearBranch]:
    found = []
    for node in by_year:
        year = row.get(node.year.name) if isinstance(node.year, e.Ref) else None
        if year is not None:
            found.append(node.branch_for(int(year)))
    return found


def _periods(planned: PlannedVariable, row: dict[str, Any]) -> list[dict[str, Any]]:
    """The parts of the row's fiscal year and the values each applied (2022: two parts)."""
    found = []
    for node, branch in zip(_by_year(planned), _branches(_by_year(planned), row), strict=False):
        year = int(row[node.year.name]) if isinstance(node.year, e.Ref) else 0
        for period in branch.periods:
            found.append(
                {
                    "from": dt.date(year, *period.start).isoformat(),
                    "to": dt.date(year, *period.end).isoformat(),
                    "parameters": {
                        u.parameter.name: parameter_text(u.parameter.unit, u.value.value)
                        for u in period.uses
                    },
                }
            )
        if branch.note:
            found.append({"note": branch.note})
    return found


def _levels(planned: PlannedVariable, row: dict[str, Any], entity: EntityPlan) -> list[Any]:
    """Each level's floor and which binds: the highest, "以上" floors all being minimums."""
    binding = row[planned.spec.name]
    levels = []
    for name in planned.contributions:
        contribution = entity.variable(name)
        value = row[name]
        levels.append(
            {
                "variable": name,
                "level": contribution.spec.pack,
                "label": contribution.spec.label.to_dict(),
                "value": public_value(planned.spec.unit, value),
                "binding": value is not None and value == binding,
                "why": (
                    "not applicable to this case"
                    if value is None
                    else "the highest floor in force binds"
                    if value == binding
                    else "a lower floor, met whenever the binding one is"
                ),
            }
        )
    return levels


def cite(pack: Pack, citation: str, law: str = "") -> dict[str, Any]:
    """A citation as explanations show it: how it reads ("促进科技成果转化法 第四十五条"), the cited
    text where innoreg ships it (with its SHA-256 for an act), and ``quote``, the clause of that
    text the rule rests on (the fragments its docstring ``law`` quotes)."""
    if "#" in citation:
        source_id, anchor = citation.split("#", 1)
        source = pack.sources[source_id]
        found: dict[str, Any] = {
            "cite": citation,
            "reads": citation_reading(source.short, anchor).to_dict(),
            "source": source.title,
            "issued": source.issued,
            "at": anchor,
        }
        text = source.excerpts.get(anchor)
        if text is not None:
            found["text"] = text
    else:
        assert pack.act is not None and pack.act_meta is not None
        found = dict(_act_citation(pack.act, citation))
        short = Label(pack.act_meta.title_en, pack.act_meta.title_zh)
        found["reads"] = citation_reading(short, citation).to_dict()
        text = found["text"]
    if text is not None:
        quoted = [q for q in quoted_fragments(law) if q in plain_text(text)]
        if quoted:
            found["quote"] = " … ".join(quoted)
    return found


_QUOTE = re.compile(r"“([^”]+)”")
_BETWEEN_CJK = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


def plain_text(text: str) -> str:
    """Whitespace as one space, and none between two Chinese characters (a docstring's line
    break inside a Chinese sentence is not a space in the law)."""
    return _BETWEEN_CJK.sub("", " ".join(text.split()))


def quoted_fragments(text: str) -> list[str]:
    """The fragments of the law a docstring quotes: each “…” quote, split at its ellipses."""
    fragments = []
    for quote in _QUOTE.findall(text):
        for part in quote.split("…"):
            words = plain_text(part).strip(" ,.;:，。；：")
            if len(words) >= 2:
                fragments.append(words)
    return fragments


@functools.cache
def _act_citation(work_uri: str, eid: str) -> dict[str, Any]:
    from innoreg.law import Citation

    resolved = Citation.parse(f"{work_uri}~{eid}").resolve()
    return {"cite": f"{work_uri}~{eid}", "text": resolved.text, "sha256": resolved.sha256}


def parameter_text(unit: str, value: ParameterData) -> Any:
    """A parameter value as explanations show it: "1 %", "20,000,000.00", bands as lines."""
    if isinstance(value, tuple) and value and isinstance(value[0], Bracket):
        return [b.describe() for b in value if isinstance(b, Bracket)]
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, int) and not isinstance(value, bool) and unit in ("rate", "money"):
        return shown_number(unit, value)
    return value
