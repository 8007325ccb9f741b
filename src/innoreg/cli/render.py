"""Plain-text rendering of a decision for a person at a terminal, in English or Chinese: a verdict
per entity, each value with its label and its unit as people read it, and with ``--explain``
the trace — formula, what it read, the parameters with the notice (and its issue date) that set
them, the readings chosen, each level's floor, and the clause of law it rests on."""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Mapping
from typing import Any

from innoreg import display
from innoreg.engine.decision import Decision, EntityDecision
from innoreg.engine.plan import plan_for
from innoreg.engine.verdict import verdict_line
from innoreg.labels import Label, Language

WIDTH = 100


def _t(lang: Language, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def render_decision(decision: Decision, lang: Language = "en") -> str:
    plan = plan_for(decision.jurisdiction, decision.date)
    place = plan.chain[-1].name.in_(lang)
    day = display.date(decision.date, lang)
    lines = [
        _t(
            lang,
            f"{place} ({decision.jurisdiction}), law in force on {day}",
            f"{place}（{decision.jurisdiction}），适用{day}施行的法律",
        ),
        _t(lang, f"Rule packs {decision.pack_version}", f"规则包 {decision.pack_version}"),
    ]
    if decision.reform:
        lines.append(_t(lang, f"Reform: {decision.reform}", f"改革方案：{decision.reform}"))
    for notice in decision.notices:
        lines += _wrapped(_t(lang, "! ", "！ ") + notice.in_(lang))
    lines += _assumed(decision.assumed, lang)
    for entity in decision.entities:
        lines += ["", *_entity(entity, plan, lang)]
    return "\n".join(lines)


def _assumed(assumed: tuple[str, ...], lang: Language) -> list[str]:
    """What was assumed, one line per entity: "e1: fiscal_year=2024, high_tech=false"."""
    if not assumed:
        return []
    by_owner: dict[str, list[str]] = {}
    for item in assumed:
        name, _, value = item.partition("=")
        owner, _, field = name.rpartition(".") if "." in name else ("", "", name)
        if owner.endswith(".in_force") or field == "in_force":
            owner, field = _t(lang, "act", "法规"), name
        by_owner.setdefault(owner, []).append(f"{field}={value}")
    lines = [_t(lang, "Assumed (not given in the case):", "假定（案件未提供）：")]
    for owner, items in by_owner.items():
        lines += _wrapped(f"{owner}: {', '.join(items)}", "  ")
    return lines


def pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (a Chinese character takes two)."""
    columns = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - columns, 0)


def columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrapped(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")


def _entity(entity: EntityDecision, plan: Any, lang: Language) -> list[str]:
    entity_plan = plan.entities[entity.kind]
    kind = entity_plan.kind.label.in_(lang)
    lines = [f"{entity.id}  ({kind})"]
    lines += _wrapped(
        _t(lang, "Verdict: ", "结论：")
        + verdict_line(entity.kind, entity.values, lang, on=plan.date),
        "  ",
    )
    labels = {v.spec.name: (v.spec.label, v.spec.unit) for v in entity_plan.variables}
    meanings = {
        v.spec.name: {code: label.in_(lang) for code, label in v.spec.options}
        for v in entity_plan.variables
    }
    width = min(max((columns(label.in_(lang)) for label, _ in labels.values()), default=0), 48)
    for name, value in entity.values.items():
        label, unit = labels.get(name, (Label(name, name), "text"))
        shown = meanings.get(name, {}).get(value) or display.value(unit, value, lang)
        if unit == "quantity":  # equity, in the unit the case gave it
            shown = display.quantity(value, entity.values.get("transfer_equity_unit"), lang)
        lines.append(f"  {pad(label.in_(lang), width)}  {shown}    [{name}]")
        if entity.explanation is not None:
            lines += _trace(entity.explanation[name], lang)
    return lines


def _trace(step: Mapping[str, Any], lang: Language) -> list[str]:
    pad = "      "
    lines = _wrapped(f"= {step['formula']}", pad)
    reads = ", ".join(f"{n} = {_plain(v, lang)}" for n, v in step["reads"].items())
    if reads:
        lines += _wrapped(_t(lang, "reads ", "读取 ") + reads, pad)
    for parameter in step["parameters"]:
        lines += _wrapped(_parameter(parameter, lang), pad)
    for period in step.get("periods", []):
        if "note" in period:
            lines += _wrapped(period["note"], pad)
            continue
        values = ", ".join(f"{k.rsplit('.', 1)[-1]} {v}" for k, v in period["parameters"].items())
        lines += _wrapped(f"{period['from']} – {period['to']}: {values}", pad)
    for chosen in step["interpretations"]:
        lines += _wrapped(
            _t(lang, "reading ", "解释 ") + f"{chosen['name']} = {chosen['option']}: "
            f"{chosen['meaning']}",
            pad,
        )
    for level in step.get("levels", []):
        mark = _t(lang, "binds", "适用（最高）") if level["binding"] else level["why"]
        lines.append(f"{pad}{level['level']}: {_plain(level['value'], lang)} ({mark})")
    for citation in step["citations"]:
        lines += _citation(citation, lang, pad)
    if "note" in step:
        lines += _wrapped(_t(lang, "note: ", "说明：") + step["note"], pad)
    return lines


def _parameter(parameter: Mapping[str, Any], lang: Language) -> str:
    value = parameter["value"]
    shown = "; ".join(value) if isinstance(value, list) else str(value)
    applies = parameter["since"] + (f" – {parameter['until']}" if parameter.get("until") else "")
    issued = parameter.get("issued")
    source = parameter["reference"]
    if issued:
        source += _t(lang, f", issued {issued}", f"，{issued}发布")
    return _t(
        lang,
        f"parameter {parameter['name']} = {shown} (applies {applies}; {source})",
        f"参数 {parameter['name']} = {shown}（适用 {applies}；{source}）",
    )


def _citation(citation: Mapping[str, Any], lang: Language, pad: str) -> list[str]:
    reads = citation.get("reads", {}).get(lang) or citation["cite"]
    quote = citation.get("quote")
    if quote:
        return _wrapped(_t(lang, "cites ", "依据 ") + f"{reads}: “{quote}”", pad)
    if "text" in citation:
        text = textwrap.shorten(citation["text"], 160, placeholder=" …")
        return _wrapped(_t(lang, "cites ", "依据 ") + f"{reads}: “{text}”", pad)
    return _wrapped(_t(lang, "cites ", "依据 ") + f"{reads} ({citation['source']})", pad)


def _plain(value: Any, lang: Language) -> str:
    if value is None:
        return _t(lang, "— (not applicable)", "—（不适用）")
    if isinstance(value, bool):
        return display.yes_no(value, lang)
    return str(value)
