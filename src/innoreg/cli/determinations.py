"""`innoreg determinations`: decide stored records in bulk, and decide stored cases again to
report every difference."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from innoreg.cli.edge import fail, user_errors
from innoreg.cli.records_common import (
    UrlOption,
    cli_actor,
    open_database,
    parse_day,
    progress_bar,
    url_of,
)

app = typer.Typer(help="Determinations: decide records in bulk; replay them.", no_args_is_help=True)


@app.command()
def replay(
    determination_id: Annotated[
        int | None, typer.Argument(metavar="ID", help="One determination's id.")
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every stored determination.")] = False,
    url: UrlOption = None,
) -> None:
    """Recompute determinations; list each difference and its cause (exit 1 if any differ)."""
    from innoreg.records.errors import NotFoundError
    from innoreg.records.models import Determination
    from innoreg.records.replay import Replay, replay_all
    from innoreg.records.replay import replay as run_replay

    if (determination_id is None) == (not all_):
        raise fail("give one determination ID or --all")

    def report(outcome: Replay) -> None:
        typer.echo(f"determination {outcome.determination_id}: differs — {outcome.cause}")
        for difference in outcome.differences:
            typer.echo(f"  {difference}")

    with user_errors():
        database = open_database(url)
        if determination_id is not None:
            with database.read() as session:
                determination = session.get(Determination, determination_id)
                if determination is None:
                    raise NotFoundError("determination", determination_id)
                outcome = run_replay(determination)
            if outcome.same:
                typer.echo(f"determination {determination_id}: same result")
                return
            report(outcome)
            raise typer.Exit(1)
        database.dispose()
        run = replay_all(url_of(database))
        total, differing = run.total, 0
        with progress_bar(f"replaying ({run.workers} processes)", total) as advance:
            for chunk in run.chunks:
                for outcome in chunk.differing:
                    report(outcome)
                differing += len(chunk.differing)
                advance(chunk.replayed)
    typer.echo(f"{total} replayed, {total - differing} same, {differing} differ")
    if differing:
        raise typer.Exit(1)


class Kind(StrEnum):
    filings = "filings"
    transfers = "transfers"
    ip_assets = "ip-assets"


@app.command()
def decide(
    kind: Annotated[Kind, typer.Option("--kind", help="Which records to decide.")],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="The decision date (default today; a transfer's conclusion date).",
        ),
    ] = None,
    undecided: Annotated[
        bool, typer.Option("--undecided", help="Only records without a determination yet.")
    ] = False,
    url: UrlOption = None,
) -> None:
    """Decide every record of a kind through its workflow and store the determinations (IP
    assets: their art. 14 deadlines too) — after `innoreg db demo` or an import."""
    from innoreg.records.repositories import BUREAU
    from innoreg.records.workflows.bulk import decide_all

    with user_errors():
        day = None if as_of is None else parse_day(as_of, "--as-of")
        database = open_database(url)
        run = decide_all(
            database,
            kind=kind.value,
            scope=BUREAU,
            actor=cli_actor(),
            day=day,
            undecided_only=undecided,
        )
        with progress_bar(f"deciding {kind.value}", run.total) as advance:
            for done in run.batches:
                advance(done)
    on = day.isoformat() if day else "today" if kind is not Kind.transfers else "conclusion dates"
    typer.echo(f"decided {run.total} {kind.value} ({on}): {run.total} determination(s) stored")
