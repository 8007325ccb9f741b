"""A simulation's report: ``report.html`` (self-contained), the charts as PNG and SVG, and a
workbook of the summaries, written into one folder."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from innoreg.batch.scenario import GROUPS
from innoreg.batch.simulate import Simulation
from innoreg.batch.tables import GROUP_LABELS, Column, headline
from innoreg.errors import InputError
from innoreg.labels import Language

SHEETS = {
    None: "totals",
    "district": "by district",
    "industry_section": "by industry section",
    "size_class": "by size class",
}


def write_report(sim: Simulation, folder: Path | str, *, lang: Language = "en") -> Path:
    """Write the report into ``folder``; returns the HTML page's path."""
    from innoreg.batch.report.charts import charts
    from innoreg.batch.report.html import report_html
    from innoreg.batch.report.workbook import write_workbook

    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise InputError(f"{target} is a file, not a folder", field="report")
    target.mkdir(parents=True, exist_ok=True)
    made = charts(sim, target / "charts", lang)
    tables: dict[str, tuple[pl.DataFrame, list[Column]]] = {}
    for by in (None, *GROUPS):
        if by is None or sim.cube[by].is_not_null().any():
            tables[GROUP_LABELS[by].in_(lang)] = headline(sim.cube, sim.scenario, by, lang)
    sheets = {
        SHEETS[by]: tables[GROUP_LABELS[by].in_(lang)]
        for by in SHEETS
        if GROUP_LABELS[by].in_(lang) in tables
    }
    sheets.update({chart.name: (chart.table, chart.columns) for chart in made})
    workbook = write_workbook(target / "summaries.xlsx", sheets)
    files = [workbook.name] + [f"charts/{p.name}" for c in made for p in (c.png, c.svg)]
    page = target / "report.html"
    page.write_text(report_html(sim, made, tables, lang, files), encoding="utf-8")
    return page
