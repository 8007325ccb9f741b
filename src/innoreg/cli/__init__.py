"""The one innoreg command line. Sub-commands live in their own modules and import heavy
libraries inside the command functions, so that `innoreg evaluate` starts fast."""

from __future__ import annotations

import sys

import typer

from innoreg.errors import InnoregError

app = typer.Typer(
    name="innoreg",
    help="Science-and-technology innovation regulations as executable, explainable law.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _register() -> None:
    from innoreg.cli import demo, evaluate, law, population, rules, simulate

    app.add_typer(law.app, name="law")
    app.add_typer(rules.app, name="rules")
    app.command("evaluate")(evaluate.evaluate)
    app.command("demo")(demo.demo)
    app.add_typer(population.app, name="population")
    app.command("simulate")(simulate.simulate)


_register()


def main() -> None:
    """Entry point: every InnoregError becomes one line and exit code 2, never a traceback."""
    try:
        app()
    except InnoregError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        sys.exit(2)
