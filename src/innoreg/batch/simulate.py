"""``simulate``: a population decided under the law in force (and a reform beside it), row by
row through the engine's population pass, partition by partition, locally or on a Dask
cluster; per-row results written by the output's form; summaries as polars frames.

    >>> from innoreg.batch import simulate, synthesise
    >>> run = simulate(synthesise(2_000, seed=7), jurisdiction="luoyang",
    ...                date=dt.date(2024, 6, 30))
    >>> run.rows, run.summary()["rows"][0]
    (2000, 2000)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import polars as pl

from innoreg.batch.checks import ID, PROBLEM_COLUMNS, ROW, no_problems
from innoreg.batch.decide import PartOutcome, decide_frame
from innoreg.batch.output import Output
from innoreg.batch.scenario import PASSED_THROUGH, Scenario
from innoreg.batch.sources import DEFAULT_PARTITION_ROWS, Partition, Population, open_population
from innoreg.batch.summary import merge_cubes, merge_histograms, summaries, summary
from innoreg.engine.plan import Plan
from innoreg.engine.population_inputs import check_columns, rows
from innoreg.engine.reform import Reform
from innoreg.errors import InputError
from innoreg.labels import Label

Engine = Literal["local", "dask"]
Progress = Callable[[int, int], None]
"""Called with (rows done, rows in all) as partitions finish."""


class InvalidRowsError(InputError):
    """Rows that break the input contract; nothing was written."""

    def __init__(self, problems: pl.DataFrame, bad_rows: int) -> None:
        first = problems.row(0, named=True) if problems.height else None
        where = (
            f" (first: row {first[ROW]}, {first['column']}: {first['problem']})" if first else ""
        )
        super().__init__(
            f"{rows(bad_rows)} not valid{where}; nothing written "
            "(--skip-invalid decides the other rows)",
            field="population",
            rule="every row follows the input contract",
        )
        self.problems = problems
        self.bad_rows = bad_rows


@dataclass(frozen=True)
class Simulation:
    """A decided population: how many rows, where the results went, and what they add up to."""

    scenario: Scenario
    population: str
    rows: int
    skipped: int
    problems: pl.DataFrame
    warnings: tuple[Label, ...]
    """The plan's warnings, and each row warning with the number of rows it concerns."""
    assumed: tuple[str, ...]
    cube: pl.DataFrame
    histogram: pl.DataFrame | None
    output: Path | None
    partitions: int
    engine: str

    @property
    def plan(self) -> Plan:
        return self.scenario.plan()

    @property
    def reform_plan(self) -> Plan | None:
        return self.scenario.plan(reform=True) if self.scenario.reform else None

    def summary(self, by: str | None = None) -> pl.DataFrame:
        """Counts and totals by ``district``, ``industry_section`` or ``size_class``; all rows
        when ``by`` is None."""
        return summary(self.cube, by)

    def summaries(self) -> dict[str, pl.DataFrame]:
        return summaries(self.cube)

    def __repr__(self) -> str:
        reform = f" + reform {self.scenario.reform.name}" if self.scenario.reform else ""
        return (
            f"Simulation({self.rows:,} rows of {self.population}, {self.plan.jurisdiction} on "
            f"{self.plan.date.isoformat()}{reform}, {self.skipped} skipped, "
            f"{len(self.warnings)} warnings)"
        )


def simulate(
    population: str | Path | pl.DataFrame | pl.LazyFrame,
    *,
    jurisdiction: str,
    date: dt.date,
    reform: Reform | None = None,
    output: str | Path | None = None,
    entity: str = "enterprise",
    interpretations: Mapping[str, str] | None = None,
    assumptions: Mapping[str, dt.date] | None = None,
    keep: Sequence[str] = (),
    skip_invalid: bool = False,
    engine: Engine = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    partition_rows: int = DEFAULT_PARTITION_ROWS,
    progress: Progress | None = None,
) -> Simulation:
    """Decide every row of ``population`` (a path, a glob or a polars frame); with ``reform``,
    beside the baseline. Rows that break the input contract raise ``InvalidRowsError`` (nothing is
    written) unless ``skip_invalid``, which decides the others and reports them."""
    scenario = Scenario(
        jurisdiction,
        date,
        entity,
        tuple(sorted((interpretations or {}).items())),
        tuple(sorted((assumptions or {}).items())),
        reform,
        tuple(keep),
        skip_invalid,
    )
    entity_plan = scenario.entity_plan()  # the law, the readings and the assumptions checked
    if reform is not None:
        scenario.entity_plan(reform=True)
    source = open_population(population)
    names = source.columns()
    check_columns(names, entity_plan, [ID, *PASSED_THROUGH, *keep])
    total = source.rows()
    target = Output.plan(output, total) if output is not None else None
    duplicates = _duplicate_ids(source) if ID in names else no_problems()
    if target is not None:
        target.start()
    if progress is not None:
        progress(0, total)
    try:
        outcomes = _run(
            source,
            scenario,
            target,
            duplicates,
            engine,
            scheduler,
            workers,
            partition_rows,
            total,
            progress,
        )
        problems, bad = _problems(outcomes)
        if bad and not skip_invalid:
            raise InvalidRowsError(problems, bad)
        written = None
        if target is not None:
            written = target.finish([Path(o.part) for o in outcomes if o.part])
    except BaseException:
        if target is not None:
            target.discard()
        raise
    plan = scenario.plan()
    return Simulation(
        scenario=scenario,
        population=source.name,
        rows=sum(o.rows for o in outcomes),
        skipped=bad,
        problems=problems,
        warnings=_warnings(plan, outcomes),
        assumed=tuple(dict.fromkeys([*plan.assumed, *(a for o in outcomes for a in o.assumed)])),
        cube=merge_cubes([o.cube for o in outcomes if o.cube is not None]),
        histogram=merge_histograms([o.histogram for o in outcomes]),
        output=written,
        partitions=len(outcomes),
        engine=engine,
    )


def _run(
    source: Population,
    scenario: Scenario,
    target: Output | None,
    duplicates: pl.DataFrame,
    engine: Engine,
    scheduler: str | None,
    workers: int | None,
    partition_rows: int,
    total: int,
    progress: Progress | None,
) -> list[PartOutcome]:
    done = 0

    def finished(outcome: PartOutcome, length: int) -> None:
        nonlocal done
        done += length
        if progress is not None:
            progress(done, total)

    def task(partition: Partition) -> PartOutcome:
        return decide_partition(partition, scenario, target, duplicates)

    if engine == "dask":
        from innoreg.batch.distributed import run_on_dask

        partitions = source.partitions(partition_rows)
        tasks = [(p, scenario, target, _rows_of(duplicates, p)) for p in partitions]
        sizes = {p.index: p.length for p in partitions}
        outcomes = run_on_dask(
            tasks,
            scheduler=scheduler,
            workers=workers,
            on_done=lambda o: finished(o, sizes[o.index]),
        )
        return sorted(outcomes, key=lambda o: o.index)
    if engine != "local":
        raise InputError(f"unknown engine {engine!r}: local or dask", field="engine")
    outcomes = []
    for partition in source.batches(partition_rows):
        outcome = task(partition)
        outcomes.append(outcome)
        finished(outcome, partition.length)
    return outcomes


def decide_partition(
    partition: Partition, scenario: Scenario, target: Output | None, duplicates: pl.DataFrame
) -> PartOutcome:
    """One partition, read where it runs (a Dask worker reads its own rows)."""
    return decide_frame(
        partition.load(),
        scenario=scenario,
        first_row=partition.first_row,
        index=partition.index,
        sink=target.part(partition.index) if target is not None else None,
        duplicates=_rows_of(duplicates, partition),
    )


def _rows_of(duplicates: pl.DataFrame, partition: Partition) -> pl.DataFrame:
    end = partition.first_row + partition.length
    return duplicates.filter(pl.col(ROW).is_between(partition.first_row, end, closed="left"))


def _duplicate_ids(source: Population) -> pl.DataFrame:
    """Every row whose id another row also uses. One pass over the id column: ids are hashed
    and only rows whose hash repeats are compared as text."""
    ids = source.lazy().select(pl.col(ID).cast(pl.String)).with_row_index(ROW, offset=1)
    maybe = ids.filter(pl.col(ID).hash().is_duplicated()).collect()
    found = maybe.filter(pl.col(ID).is_duplicated() & pl.col(ID).is_not_null())
    if not found.height:
        return no_problems()
    others = found.group_by(ID).agg(pl.col(ROW).cast(pl.String).str.join(", ").alias("where"))
    return (
        found.join(others, on=ID)
        .select(
            pl.col(ROW).cast(pl.Int64),
            pl.col(ID),
            pl.lit(ID).alias("column"),
            pl.col(ID).alias("value"),
            pl.format("is used by more than one row (rows {})", "where").alias("problem"),
            pl.format("被多行使用（第 {} 行）", "where").alias("problem_zh"),
        )
        .cast(PROBLEM_COLUMNS)  # type: ignore[arg-type]
        .sort(ROW)
    )


def _problems(outcomes: Sequence[PartOutcome]) -> tuple[pl.DataFrame, int]:
    frames = [o.problems for o in outcomes if o.problems.height]
    found = pl.concat(frames).sort(ROW, maintain_order=True) if frames else no_problems()
    return found, sum(o.bad_rows for o in outcomes)


def _warnings(plan: Plan, outcomes: Sequence[PartOutcome]) -> tuple[Label, ...]:
    counts: dict[Label, int] = {}
    for outcome in outcomes:
        for message, count in outcome.warnings.items():
            counts[message] = counts.get(message, 0) + count
    found = [*plan.warnings]
    found += [Label(f"{rows(c)}: {m.en}", f"{c:,} 行：{m.zh}") for m, c in counts.items()]
    return tuple(dict.fromkeys(found))
