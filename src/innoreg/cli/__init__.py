"""The one innoreg command line. Sub-commands live in their own modules and import heavy
libraries inside the command functions, so that `innoreg evaluate` starts fast. User errors of
every kind are one line and exit code 2 (``cli.edge``)."""

from __future__ import annotations

from typing import Annotated

import typer

from innoreg.cli.edge import InnoregGroup

app = typer.Typer(
    name="innoreg",
    cls=InnoregGroup,
    help="Science-and-technology innovation regulations as executable, explainable law.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"innoreg {version('innoreg')}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Science-and-technology innovation regulations as executable, explainable law."""


def _register() -> None:
    from innoreg.cli import demo, evaluate, inputs, law, population, rules, serve, simulate

    app.add_typer(law.app, name="law")
    app.add_typer(rules.app, name="rules")
    app.command("evaluate")(evaluate.evaluate)
    app.command("inputs")(inputs.inputs_command)
    app.command("template")(inputs.template_command)
    app.command("demo")(demo.demo)
    app.command("serve")(serve.serve)
    app.add_typer(population.app, name="population")
    app.command("simulate")(simulate.simulate)
    from innoreg.cli import audit, db, determinations, ip, records_io, users, whatif

    app.add_typer(db.app, name="db")
    app.add_typer(determinations.app, name="determinations")
    app.add_typer(ip.app, name="ip")
    app.add_typer(audit.app, name="audit")
    app.add_typer(records_io.import_app, name="import")
    app.add_typer(records_io.export_app, name="export")
    app.command("whatif")(whatif.whatif)
    app.add_typer(users.app, name="users")


_register()


def main() -> None:
    """Entry point (``cli.entry.main`` is the console script's, with a quick path)."""
    app()
