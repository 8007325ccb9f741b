"""Decide one partition of a population: check its rows, decide them under the baseline and
(if any) the reform with the engine's population pass, write the per-row results, and return
what the whole run adds up (problems, warnings, the summary cube, the R&D histogram).

The same function runs in the local process and as a Dask task, so the two engines give the
same rows by construction. Baseline and reform decide the same in-memory rows: one read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from innoreg.batch.checks import ID, ROW, check_rows, no_problems
from innoreg.batch.scenario import BENEFITS, EFFECT, PASSED_THROUGH, REFORM_SUFFIX, Scenario
from innoreg.batch.summary import cube_of, histogram_of
from innoreg.engine.population import population_query
from innoreg.labels import Label

PROBLEMS_KEPT = 1_000
"""Bad rows a partition reports in full (all are counted)."""


@dataclass
class PartOutcome:
    index: int
    rows: int
    """Rows decided (and written)."""
    problems: pl.DataFrame
    bad_rows: int
    warnings: dict[Label, int] = field(default_factory=dict)
    """Each row warning of the engine -> the rows it concerns."""
    cube: pl.DataFrame | None = None
    histogram: pl.DataFrame | None = None
    part: str | None = None
    assumed: tuple[str, ...] = ()
    """Inputs without a column, and the default every row took (the engine's words)."""


def decide_frame(
    frame: pl.DataFrame,
    *,
    scenario: Scenario,
    first_row: int,
    index: int = 0,
    sink: Path | None = None,
    duplicates: pl.DataFrame | None = None,
) -> PartOutcome:
    """Decide ``frame`` (rows ``first_row`` onwards of the population); write its results to
    ``sink`` (Parquet) unless a row is bad and bad rows are not to be skipped."""
    entity = scenario.entity_plan()
    if ID not in frame.columns:
        ids = pl.int_range(first_row, first_row + frame.height, dtype=pl.Int64, eager=True)
        frame = frame.with_columns(ids.alias(ID))
    checked = check_rows(frame, entity, first_row=first_row)
    problems = checked.problems
    if duplicates is not None and duplicates.height:
        problems = pl.concat([problems, duplicates]).sort(ROW, maintain_order=True)
    bad = problems[ROW].unique()
    outcome = PartOutcome(index, 0, problems.head(PROBLEMS_KEPT), bad.len())
    if bad.len() and not scenario.skip_invalid:
        return outcome
    rows = checked.frame
    if bad.len():
        numbers = pl.int_range(first_row, first_row + rows.height, dtype=pl.Int64, eager=True)
        rows = rows.filter(~numbers.is_in(bad.implode()))
    keep = [c for c in (*PASSED_THROUGH, *scenario.keep) if c in rows.columns]
    baseline, warnings, outcome.assumed = _decided(rows, scenario, keep, reform=False)
    results = baseline
    if scenario.reform is not None:
        reformed, more, _ = _decided(rows, scenario, keep, reform=True)
        for message, count in more.items():
            if warnings.get(message) != count:  # the reform's own, not the baseline's again
                under = Label(f"under the reform: {message.en}", f"改革方案下：{message.zh}")
                warnings[under] = count
        results = _beside(baseline, reformed, scenario)
    outcome.rows = results.height
    outcome.warnings = warnings
    outcome.cube = cube_of(results, scenario)
    outcome.histogram = histogram_of(results)
    if sink is not None:
        results.select(scenario.output_columns()).write_parquet(sink)
        outcome.part = str(sink)
    return outcome


def _decided(
    rows: pl.DataFrame, scenario: Scenario, keep: Sequence[str], *, reform: bool
) -> tuple[pl.DataFrame, dict[Label, int], tuple[str, ...]]:
    """Every variable for every row, in the public units (the engine's population pass), and
    the rows each row warning concerns."""
    query = population_query(
        rows,
        jurisdiction=scenario.jurisdiction,
        date=scenario.date,
        entity=scenario.entity,
        interpretations=dict(scenario.interpretations),
        money="yuan",
        validate=True,
        keep=keep,
        reform=scenario.reform if reform else None,
        assumptions=dict(scenario.assumptions),
    )
    assumed = tuple(query.assumed)
    if query.counts is None:
        return query.frame.collect(), {}, assumed
    frame, totals = pl.collect_all([query.frame, query.counts])
    counts = {m: int(totals[f"w{i}"][0] or 0) for i, m in enumerate(query.messages)}
    return frame, {m: c for m, c in counts.items() if c}, assumed


def _beside(baseline: pl.DataFrame, reformed: pl.DataFrame, scenario: Scenario) -> pl.DataFrame:
    """The baseline's rows with each variable's reform value beside it, and the effect."""
    variables = scenario.variables
    reform = reformed.select(pl.col(v).alias(v + REFORM_SUFFIX) for v in variables)
    joined = pl.concat([baseline, reform], how="horizontal")
    return joined.with_columns(_effect(scenario, joined.schema).alias(EFFECT))


def _effect(scenario: Scenario, schema: pl.Schema) -> pl.Expr:
    """gains / loses / mixed / unchanged, read on the entity's benefits (any variable for an
    entity kind without declared benefits: changed / unchanged)."""
    benefits = BENEFITS.get(scenario.entity)
    if not benefits:
        changed = pl.any_horizontal(
            pl.col(v).ne_missing(pl.col(v + REFORM_SUFFIX)) for v in scenario.variables
        )
        return pl.when(changed).then(pl.lit("changed")).otherwise(pl.lit("unchanged"))
    ups, downs = [], []
    for name in benefits:
        zero = False if schema[name] == pl.Boolean else 0
        before = pl.col(name).fill_null(zero)
        after = pl.col(name + REFORM_SUFFIX).fill_null(zero)
        if schema[name] == pl.Boolean:
            before, after = before.cast(pl.Int8), after.cast(pl.Int8)
        ups.append(after > before)
        downs.append(after < before)
    up, down = pl.any_horizontal(ups), pl.any_horizontal(downs)
    return (
        pl.when(up & down)
        .then(pl.lit("mixed"))
        .when(up)
        .then(pl.lit("gains"))
        .when(down)
        .then(pl.lit("loses"))
        .otherwise(pl.lit("unchanged"))
    )


__all__ = ["PartOutcome", "decide_frame", "no_problems"]
