"""`innoreg db`: the records database — schema versions, the demo city, backups, and the act
facts a bureau records."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from innoreg.cli.edge import user_errors
from innoreg.cli.records_common import UrlOption, cli_actor, open_database, parse_day

app = typer.Typer(help="The records database: schema, demo data, backups.", no_args_is_help=True)


@app.command()
def upgrade(
    revision: Annotated[str, typer.Argument(help="Target revision.")] = "head",
    url: UrlOption = None,
) -> None:
    """Create or upgrade the schema (to the newest revision by default)."""
    _migrate(url, "upgrade", revision)


@app.command()
def downgrade(
    revision: Annotated[str, typer.Argument(help="Target revision (base: empty).")] = "-1",
    url: UrlOption = None,
) -> None:
    """Step the schema back (one revision by default; `base` removes every table)."""
    _migrate(url, "downgrade", revision)


def _migrate(url: str | None, direction: str, revision: str) -> None:
    from innoreg.records import schema

    with user_errors():
        database = open_database(url, at_head=False)
        getattr(schema, direction)(database.engine, revision)
        at = schema.current(database.engine) or "base (empty)"
        typer.echo(f"{database.url.render_as_string()}: schema at {at}")


@app.command()
def current(url: UrlOption = None) -> None:
    """Show where the schema stands and the newest revision this innoreg knows."""
    from innoreg.records import schema

    with user_errors():
        database = open_database(url, at_head=False)
        at = schema.current(database.engine) or "none (empty)"
        typer.echo(
            f"{database.url.render_as_string()}: schema at {at}; head {', '.join(schema.heads())}"
        )


@app.command()
def check(url: UrlOption = None) -> None:
    """Check the schema is at head and the models match the migrations (exit 1 if not)."""
    from innoreg.records import schema

    with user_errors():
        database = open_database(url)
        differences = schema.differences(database.engine)
    if differences:
        for difference in differences:
            typer.echo(f"differs: {difference}")
        raise typer.Exit(1)
    typer.echo("schema at head; models match the migrations")


@app.command()
def demo(
    enterprises: Annotated[int, typer.Option(help="How many enterprises.", min=10)] = 3000,
    url: UrlOption = None,
) -> None:
    """Load the synthetic Luoyang city (deterministic; does nothing if already loaded). It
    creates no accounts: it prints how to create the first bureau admin."""
    from innoreg.records.demo import load_demo

    with user_errors():
        summary = load_demo(open_database(url), enterprises=enterprises)
    counts = ", ".join(f"{v} {k}" for k, v in summary.counts.items())
    typer.echo(("loaded the demo city: " if summary.loaded else "demo already loaded: ") + counts)
    typer.echo(
        "the demo creates no accounts; create the first bureau admin with\n"
        "  innoreg users create --email ADDRESS --role bureau_admin --password-stdin\n"
        "(the password on standard input: 12 characters or more, not a common one)"
    )
    typer.echo(
        "IP assets are decided (Luoyang's in-force date is a labelled DEMO ASSUMPTION); decide "
        "the filings with `innoreg determinations decide --kind filings --as-of 2024-06-30`",
        err=True,
    )


@app.command()
def backup(
    file: Annotated[Path, typer.Argument(help="The backup file to create.")],
    url: UrlOption = None,
) -> None:
    """Copy the database to FILE (SQLite: VACUUM INTO; PostgreSQL: pg_dump custom format)."""
    from innoreg.records.backup import backup as run_backup

    with user_errors():
        run_backup(open_database(url, at_head=False), file)
    typer.echo(f"backed up to {file}")


@app.command()
def restore(
    file: Annotated[Path, typer.Argument(help="A backup made by `innoreg db backup`.")],
    force: Annotated[bool, typer.Option("--force", help="Replace records already there.")] = False,
    url: UrlOption = None,
) -> None:
    """Replace the database's contents with a backup, after checking its audit chain."""
    from innoreg.records.backup import restore as run_restore

    with user_errors():
        run_restore(open_database(url, at_head=False), file, force=force)
    typer.echo(f"restored from {file}")


@app.command("record-fact")
def record_fact(
    jurisdiction: Annotated[str, typer.Argument(help="e.g. cn-ha-luoyang")],
    value: Annotated[str, typer.Argument(metavar="DATE", help="The day the act came into force.")],
    source: Annotated[str, typer.Option("--source", help="Where the bureau has it from.")],
    url: UrlOption = None,
) -> None:
    """Record an act's in-force date, which evaluations then read as an assumption."""
    from innoreg.records.acts import record_in_force

    with user_errors():
        day = parse_day(value, "DATE")
        database = open_database(url)
        with database.write(actor=cli_actor()) as session:
            record_in_force(
                session, jurisdiction=jurisdiction, day=day, source_note=source, actor=cli_actor()
            )
    typer.echo(f"{jurisdiction}.in_force = {day.isoformat()} recorded")
