"""The report as one self-contained HTML file: no script, no link to anything outside it; the
charts are embedded SVG (as data URIs, so that their ids cannot collide), each beside the
table of its data; then the summary tables."""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence

import polars as pl

from innoreg.batch.report.charts import Chart
from innoreg.batch.simulate import Simulation
from innoreg.batch.tables import Column, cell
from innoreg.labels import Label, Language
from innoreg.rules.money import RATE_SCALE, format_money

WORDS = {
    "title": Label("Population simulation", "企业群体模拟"),
    "population": Label("Population", "数据"),
    "rows": Label("Rows decided", "已判定行数"),
    "skipped": Label("Invalid rows skipped", "跳过的无效行"),
    "law": Label("Law", "法规"),
    "pack": Label("Rule packs", "规则包版本"),
    "reform": Label("Reform", "改革方案"),
    "none": Label("none (the law in force only)", "无（仅现行规定）"),
    "changes": Label("Changes", "调整内容"),
    "from": Label("from", "自"),
    "warnings": Label("Warnings", "提示"),
    "assumed": Label("Assumed", "假定"),
    "summaries": Label("Summaries", "汇总"),
    "data": Label("The chart's data", "图表数据"),
    "files": Label("Files", "文件"),
}
STYLE = """
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei",
       system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; line-height: 1.5; }
main { max-width: 1400px; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .5rem; } h2 { font-size: 1.35rem; margin-top: 2.5rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { font-weight: bold; } dd { margin: 0; }
.pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem;
        align-items: start; }
.pair.wide { grid-template-columns: 1fr; }
@media (max-width: 1000px) { .pair { grid-template-columns: 1fr; } }
figure { margin: 0; } figure img { width: 100%; height: auto; }
.table { max-height: 34rem; overflow: auto; border: 1px solid #ccc; }
table { border-collapse: collapse; font-size: .95rem; width: 100%; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid #ddd; text-align: right;
         white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
thead th { position: sticky; top: 0; background: #f2f2f2; }
caption { text-align: left; font-weight: bold; padding: .4rem 0; }
.warning { color: #7a4a00; }
"""


def report_html(
    sim: Simulation,
    charts: Sequence[Chart],
    tables: dict[str, tuple[pl.DataFrame, list[Column]]],
    lang: Language,
    files: Sequence[str],
) -> str:
    """The whole report page."""
    w = {k: v.in_(lang) for k, v in WORDS.items()}
    parts = [
        f'<!doctype html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(w['title'])} — {_e(sim.population)}</title>",
        f"<style>{STYLE}</style>\n</head>\n<body>\n<main>",
        f"<h1>{_e(w['title'])}</h1>",
        _facts(sim, w, lang),
    ]
    for chart in charts:
        parts.append(_chart(chart, lang, w))
    parts.append(f"<h2>{_e(w['summaries'])}</h2>")
    for title, (frame, columns) in tables.items():
        parts.append(f'<div class="table">{_table(frame, columns, lang, caption=title)}</div>')
    parts.append(f"<h2>{_e(w['files'])}</h2><ul>")
    parts += [f'<li><a href="{_e(name)}">{_e(name)}</a></li>' for name in files]
    parts.append("</ul>\n</main>\n</body>\n</html>\n")
    return "\n".join(parts)


def _facts(sim: Simulation, w: dict[str, str], lang: Language) -> str:
    plan = sim.plan
    reform = sim.scenario.reform
    rows = [
        (w["population"], _e(sim.population)),
        (w["rows"], f"{sim.rows:,}"),
        (w["law"], _e(f"{plan.jurisdiction}, {plan.date.isoformat()}")),
        (w["pack"], _e(plan.pack_version)),
        (
            w["reform"],
            _e(reform.name + (f": {reform.description}" if reform.description else ""))
            if reform
            else _e(w["none"]),
        ),
    ]
    if sim.skipped:
        rows.insert(2, (w["skipped"], f"{sim.skipped:,}"))
    if reform is not None:
        units = {q.name: q.unit for p in plan.chain for q in p.parameters}
        changes = [
            f"{_e(v.parameter)} = {_e(_value(units.get(v.parameter, ''), v.value.value))} "
            f"({w['from']} {v.since.isoformat()})"
            for v in reform.values
        ] + [f"{_e(k)} = {_e(v)}" for k, v in reform.chosen]
        rows.append((w["changes"], "<br>".join(changes)))
    if sim.assumed:
        rows.append((w["assumed"], "<br>".join(_e(a) for a in sim.assumed)))
    if sim.warnings:
        shown = "<br>".join(f'<span class="warning">{_e(x.in_(lang))}</span>' for x in sim.warnings)
        rows.append((w["warnings"], shown))
    items = "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return f"<dl>{items}</dl>"


def _value(unit: str, value: object) -> str:
    """A reform's value as the parameter's unit reads (rates in per cent, money in yuan)."""
    if unit == "rate" and isinstance(value, int):
        return f"{value / (RATE_SCALE // 100):g} %"
    if unit == "money" and isinstance(value, int):
        return format_money(value)
    return str(value)


def _chart(chart: Chart, lang: Language, w: dict[str, str]) -> str:
    data = base64.b64encode(chart.svg.read_bytes()).decode("ascii")
    table = _table(chart.table, chart.columns, lang, caption=w["data"])
    layout = "pair" if chart.name == "rd-intensity" else "pair wide"
    return (
        f'<section id="{chart.name}"><h2>{_e(chart.title)}</h2><p>{_e(chart.description)}</p>'
        f'<div class="{layout}"><figure><img src="data:image/svg+xml;base64,{data}" '
        f'alt="{_e(chart.description)}"></figure><div class="table">{table}</div></div></section>'
    )


def _table(frame: pl.DataFrame, columns: list[Column], lang: Language, *, caption: str) -> str:
    head = "".join(f'<th scope="col">{_e(c.header)}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_e(cell(row[c.key], c, lang))}</td>" for c in columns) + "</tr>"
        for row in frame.iter_rows(named=True)
    )
    return (
        f"<table><caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)
