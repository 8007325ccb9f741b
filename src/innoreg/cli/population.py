"""`innoreg population`: populations to simulate — for now a synthetic Luoyang."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from innoreg.cli.edge import user_errors

app = typer.Typer(help="Populations: make a synthetic city to simulate.", no_args_is_help=True)


@app.command("synth")
def synth_command(
    n: Annotated[int, typer.Option("--n", "-n", min=0, help="Number of enterprises.")] = 10_000,
    seed: Annotated[int, typer.Option("--seed", help="The same seed gives the same city.")] = 2024,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="A .parquet or .csv file to write.")
    ] = Path("luoyang.parquet"),
) -> None:
    """Write a synthetic Luoyang: enterprises with the public inputs, district and size class."""
    # polars and numpy are imported here, not at start-up: other commands do not need them.
    from innoreg.batch.synth import synthesise, write_population

    with user_errors():
        if output.suffix.lower() not in (".parquet", ".csv"):
            from innoreg.errors import InputError

            raise InputError(f"{output.name}: write .csv or .parquet", field="output")
        frame = synthesise(n, seed)
        write_population(frame, output)
    typer.echo(f"{n:,} enterprises (seed {seed}) -> {output}")
