"""The page docs/vocabulary.md, generated from the packs so that the public vocabulary cannot
drift from the code: every jurisdiction's chain, entity kinds, inputs (type, what leaving them
out means, options with their Chinese terms, labels, what they feed) and variables (unit,
labels, level, the law they cite as people write it). `make docs` writes it; a test compares."""

from __future__ import annotations

from collections.abc import Iterable

from innoreg.engine.trace import cite
from innoreg.engine.vocabulary import InputInfo, VariableInfo, entity_kinds, inputs, variables
from innoreg.rules.pack import Pack
from innoreg.rules.registry import registry

INTRODUCTION = """\
# Public vocabulary

What a case may say and what it gets back, for every jurisdiction innoreg decides. This page
is generated from the rule packs by `make docs` (`python -m innoreg.engine.vocabulary_page`);
a test keeps it equal to the packs. At the command line, `innoreg inputs [--jurisdiction J]
[--entity E]` lists the same inputs and `innoreg template --jurisdiction J` prints a case to
fill in.

## A case

A case is a JSON or YAML document: the jurisdiction whose law decides it (with every level
above it), the date whose law applies, and zero or more entities of each kind, each with an
`id` unique in the case.

```yaml
jurisdiction: cn-ha-luoyang      # a code or an alias: luoyang, 洛阳
date: 2024-06-30                 # the law in force on this day decides the case
enterprises:
  - {id: e1, sales_revenue: "80000000.00", rd_expense: "500000.00", above_designated_size: true}
transfers:
  - {id: 2, holder_kind: 高等院校, mode: 许可, net_income: "2000000.00", fiscally_funded: 是}
assumptions:                     # optional: an act's in-force date the sources do not record
  cn-ha-luoyang.in_force: 2015-03-01
interpretations:                 # optional: another reading of an ambiguous sentence
  luoyang.art14.rest_day: calendar_day
```

- **Values.** Money is a decimal string in yuan with at most two decimals (`"300000.00"`);
  an equity quantity (`quantity`) a decimal string exact to six decimals, in the unit the case
  names (`equity_unit`: shares or percent); dates are `YYYY-MM-DD`; booleans are `true`/`false`
  (or `是`/`否`); options are their code or their Chinese term (`license` or `许可`); ids are
  text or whole numbers; `year` and `count` are whole numbers.
- **Strict.** An unknown field, a wrong type, negative money, a malformed date, an unknown
  option (with the nearest valid one suggested), an unknown jurisdiction or a key given twice
  is an error naming the field.
- **Left out.** An input with a default takes it, and the output lists it in `assumed`
  (`"e1.fiscal_year=2024"`) where some result rests on it. An *optional* input's absence has
  a meaning (the hint says which). Without a *needed* input the results that use it are null,
  with a warning naming it.

## What comes back

```json
{"jurisdiction": "cn-ha-luoyang", "date": "2024-06-30", "pack_version": "…",
 "interpretations": {"luoyang.art7.dual_route": "yes", "…": "…"},
 "warnings": ["…"], "assumed": ["e1.fiscal_year=2024", "…"],
 "results": {"e1": {"support_eligible": false, "rd_shortfall": "300000.00", "…": "…"}}}
```

Money as decimal strings with two decimals, quantities as plain decimal strings, rates and
ratios as numbers (`0.01` is 1 %), dates as ISO strings, booleans as booleans, and null where a
variable does not apply or a fact it needs is missing. `--explain` (or `explain=True`) adds,
per entity and variable, the formula, what it read, the parameters with the notices that set
them, the readings chosen and the text of the law it cites.

Each jurisdiction below lists its chain of levels, then per entity kind the inputs a case may
give and the variables it gets back. An input's *feeds* are the variables that read it,
directly or through others, under the law in force now.
"""


def vocabulary_markdown() -> str:
    """The whole page."""
    lines = [INTRODUCTION.rstrip("\n"), "", *_jurisdictions_table()]
    for code in registry().headers:
        lines += _jurisdiction(code)
    return "\n".join(lines) + "\n"


def _jurisdictions_table() -> list[str]:
    lines = [
        "## Jurisdictions",
        "",
        "| code | name | aliases | chain (national first) | act |",
        "| --- | --- | --- | --- | --- |",
    ]
    for code in registry().headers:
        pack = registry().packs[code]
        act = pack.act_meta
        lines.append(
            _row(
                f"`{code}`",
                f"{pack.name.en} / {pack.name.zh}",
                _codes(pack.aliases),
                " → ".join(p.jurisdiction for p in registry().chain(code)),
                f"{act.title_en} / {act.title_zh}" if act else "—",
            )
        )
    return lines


def _jurisdiction(code: str) -> list[str]:
    chain = registry().chain(code)
    packs = {p.jurisdiction: p for p in chain}
    pack = chain[-1]
    lines = [
        "",
        f"## `{code}` — {pack.name.en} / {pack.name.zh}",
        "",
        f"Decided under {' → '.join(f'`{p.jurisdiction}`' for p in chain)}."
        + (f" Also written {_codes(pack.aliases)}." if pack.aliases else ""),
    ]
    found = inputs(code)
    for name, plural, label in entity_kinds(code):
        lines += [
            "",
            f"### `{code}` {name} (`{plural}:`) — {label.en} / {label.zh}",
            "",
            *_inputs_table(i for i in found if i.spec.entity == name),
            "",
            *_variables_table(variables(code, name), packs),
        ]
    return lines


def _inputs_table(found: Iterable[InputInfo]) -> list[str]:
    lines = [
        "| input | type | left out | label | options | level | feeds |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for info in found:
        spec = info.spec
        left_out = {
            "optional": "optional",
            "needed": "needed: results that use it are null, with a warning",
        }.get(spec.missing, f"default `{info.default_text}`")
        if spec.default == "case_year":
            left_out = f"default {info.default_text}"
        label = f"{spec.label.en} / {spec.label.zh}"
        if spec.hint:
            label += f" ({spec.hint.en})"
        options = "; ".join(
            f"`{o.code}` {o.label.zh}" + (f" (also {', '.join(o.also)})" if o.also else "")
            for o in spec.options
        )
        lines.append(
            _row(
                f"`{spec.name}`",
                spec.type,
                left_out,
                label,
                options,
                spec.pack,
                _codes(info.feeds),
            )
        )
    return lines


def _variables_table(found: Iterable[VariableInfo], packs: dict[str, Pack]) -> list[str]:
    lines = [
        "| variable | unit | label | values | level | law |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for info in found:
        readings = []
        for citation in info.cites:
            reads = cite(packs[info.level], citation)["reads"]
            readings.append(f"{reads['zh']} ({reads['en']})")
        values = "; ".join(f"`{code}` {label.en} / {label.zh}" for code, label in info.options)
        lines.append(
            _row(
                f"`{info.name}`",
                info.unit,
                f"{info.label.en} / {info.label.zh}",
                values,
                info.level,
                "; ".join(readings),
            )
        )
    return lines


def _codes(names: Iterable[str]) -> str:
    return ", ".join(f"`{n}`" for n in names)


def _row(*cells: str) -> str:
    return "| " + " | ".join(" ".join(c.replace("|", "\\|").split()) for c in cells) + " |"


if __name__ == "__main__":
    print(vocabulary_markdown(), end="")
