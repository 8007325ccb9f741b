"""The summary `innoreg simulate` prints: what was decided, the warnings and assumptions, and
the headline tables (all rows; by district, industry section and size class)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console, JustifyMethod
from rich.table import Table

from innoreg.batch.scenario import GROUPS
from innoreg.batch.simulate import Simulation
from innoreg.batch.tables import GROUP_LABELS, cell, headline, totals
from innoreg.labels import Language

TITLES = {
    "en": "{rows:,} rows of {name} decided in {seconds:.1f} s",
    "zh": "已判定 {name} 的 {rows:,} 行，用时 {seconds:.1f} 秒",
}


def report_and_summary(
    result: Simulation, seconds: float, report: Path | None, lang: Language
) -> None:
    """Write the report (if asked) before anything is printed — a closed pipe loses no
    file — then print the summary and where the report is."""
    index = None
    if report is not None:
        from innoreg.batch.report import write_report

        index = write_report(result, report, lang=lang)
    print_summary(result, seconds, lang)
    if index is not None:
        typer.echo(f"report: {index}")


def print_summary(result: Simulation, seconds: float, lang: Language) -> None:
    terminal = Console()
    # On a terminal, its width (long cells fold, never cut); in a file, wide enough for all.
    console = Console(soft_wrap=False, width=terminal.width if terminal.is_terminal else 200)
    plan = result.plan
    reform = result.scenario.reform
    console.print(
        TITLES[lang].format(rows=result.rows, name=result.population, seconds=seconds)
        + f" — {plan.jurisdiction} {plan.date.isoformat()}"
        + (f", reform {reform.name}" if reform else "")
        + (
            f", {result.partitions} partitions on {result.engine}"
            if result.engine == "dask"
            else ""
        ),
        highlight=False,
    )
    if result.output is not None:
        console.print(f"results: {result.output}", highlight=False)
    for line in result.assumed:
        console.print(f"assumed: {line}", highlight=False)
    for warning in result.warnings:
        console.print(f"warning: {warning.in_(lang)}", highlight=False, style="yellow")
    heads = {"en": ["", "baseline", "reform", "change"], "zh": ["", "现行", "改革后", "变化"]}
    table = Table(title=GROUP_LABELS[None].in_(lang), title_justify="left")
    lines = totals(result.cube, result.scenario, lang)
    for index, head in enumerate(heads[lang][: max(len(line) for line in lines)]):
        table.add_column(head, justify="left" if index == 0 else "right")
    for cells in lines:
        table.add_row(*cells)
    console.print(table)
    for by in GROUPS:
        if result.cube[by].is_null().all():
            continue
        frame, columns = headline(result.cube, result.scenario, by, lang, compact=True)
        table = Table(title=GROUP_LABELS[by].in_(lang), title_justify="left")
        for column in columns:
            justify: JustifyMethod = "left" if column.key == by else "right"
            table.add_column(column.header, justify=justify, overflow="fold")
        for row in frame.iter_rows(named=True):
            table.add_row(*(cell(row[c.key], c, lang) for c in columns))
        console.print(table)
