"""`innoreg simulate POPULATION`: every row of a population decided under the law in force,
and with `--reform` under a reform beside it; per-row results, a printed summary, a report."""

from __future__ import annotations

import datetime as dt
import time
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from innoreg.cli.edge import user_errors
from innoreg.cli.options import (
    AssumeOption,
    InterpretationOption,
    LangOption,
    ReformOption,
    ReportOption,
    ResultsOption,
    chosen_language,
)
from innoreg.errors import InputError

if TYPE_CHECKING:
    import polars as pl

    from innoreg.batch.simulate import Progress
    from innoreg.labels import Language

PROGRESS_MIN_ROWS = 100_000
PROBLEMS_SHOWN = 20


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def simulate(
    population: Annotated[
        str,
        typer.Argument(
            metavar="POPULATION",
            help="A .csv, .xlsx or .parquet file, a directory or a glob of .parquet files.",
        ),
    ],
    jurisdiction: Annotated[
        str, typer.Option("--jurisdiction", "-j", help="Whose law decides (e.g. luoyang).")
    ],
    date: Annotated[str, typer.Option("--date", help="The law in force on this day.")],
    reform: ReformOption = None,
    output: ResultsOption = None,
    report: ReportOption = None,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Decide the valid rows; report the others.")
    ] = False,
    engine: Annotated[Engine, typer.Option("--engine", help="local, or dask.")] = Engine.local,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="A Dask scheduler address (tcp://…).")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Start a local Dask cluster of N processes."),
    ] = None,
    assume: AssumeOption = None,
    interpretation: InterpretationOption = None,
    keep: Annotated[
        list[str] | None,
        typer.Option("--keep", metavar="COLUMN", help="Pass another column through the checks."),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Decide every row of a population (and a reform beside it); summarise and report."""
    # polars, the engine's population pass and (for --engine dask) distributed are imported
    # here, so that other commands start fast.
    from innoreg.batch.simulate import InvalidRowsError
    from innoreg.batch.simulate import simulate as run_simulation
    from innoreg.cli.decide import pairs
    from innoreg.engine.reform import Reform

    language = chosen_language(lang)
    with user_errors():
        day = _date(date, "--date")
        chosen_reform = Reform.from_yaml(reform) if reform is not None else None
        if engine is Engine.local and (scheduler or workers):
            raise InputError("--scheduler and --workers need --engine dask", field="--engine")
        started = time.perf_counter()
        with _ProgressBar() as progress:
            try:
                result = run_simulation(
                    population,
                    jurisdiction=jurisdiction,
                    date=day,
                    reform=chosen_reform,
                    output=output,
                    assumptions=_assumptions(assume),
                    interpretations=pairs(interpretation, "--interpretation"),
                    keep=keep or (),
                    skip_invalid=skip_invalid,
                    engine=engine.value,
                    scheduler=scheduler,
                    workers=workers,
                    progress=progress,
                )
            except InvalidRowsError as exc:
                _show_problems(exc.problems, exc.bad_rows, language)
                raise
        seconds = time.perf_counter() - started
        if result.skipped:
            typer.echo(f"skipped {result.skipped:,} invalid rows:", err=True)
            _show_problems(result.problems, result.skipped, language)
        from innoreg.cli.simulate_summary import report_and_summary

        report_and_summary(result, seconds, report, language)


def _date(text: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{text!r} is not a date (YYYY-MM-DD)", field=field) from None


def _assumptions(given: list[str] | None) -> dict[str, dt.date]:
    from innoreg.cli.decide import pairs

    return {fact: _date(day, f"--assume {fact}") for fact, day in pairs(given, "--assume").items()}


def _show_problems(problems: pl.DataFrame, count: int, lang: Language) -> None:
    """The first bad values in full, on stderr (``count`` rows are bad in all)."""
    for row in problems.head(PROBLEMS_SHOWN).iter_rows(named=True):
        typer.echo(
            f"  row {row['row']} (id {row['id']}), {row['column']} = {row['value']!r}: "
            f"{row['problem_zh' if lang == 'zh' else 'problem']}",
            err=True,
        )
    shown = min(problems.height, PROBLEMS_SHOWN)
    if problems.height > shown:
        typer.echo(
            f"  … {problems.height - shown:,} more problems, {count:,} rows in all", err=True
        )


class _ProgressBar:
    """A Rich progress bar on stderr for large populations, when stderr is a terminal."""

    def __enter__(self) -> Progress:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TimeElapsedColumn

        self.bar = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task: TaskID | None = None

        shown = self.bar.console.is_terminal

        def advance(done: int, total: int) -> None:
            if total < PROGRESS_MIN_ROWS or not shown:
                return
            if self.task is None:
                self.bar.start()
                self.task = self.bar.add_task("rows decided", total=total)
            self.bar.update(self.task, completed=done)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self.task is not None:
            self.bar.stop()
