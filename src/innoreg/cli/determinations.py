"""`innoreg determinations`: decide stored cases again and report every difference."""

from __future__ import annotations

from typing import Annotated

import typer

from innoreg.cli.edge import fail, user_errors
from innoreg.cli.records_common import UrlOption, open_database

app = typer.Typer(help="Stored determinations: replay them.", no_args_is_help=True)


@app.command()
def replay(
    determination_id: Annotated[
        int | None, typer.Argument(metavar="ID", help="One determination's id.")
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every stored determination.")] = False,
    url: UrlOption = None,
) -> None:
    """Recompute determinations; list each difference and its cause (exit 1 if any differ)."""
    from sqlalchemy import select

    from innoreg.records.determinations import replay as run_replay
    from innoreg.records.errors import NotFoundError
    from innoreg.records.models import Determination

    if (determination_id is None) == (not all_):
        raise fail("give one determination ID or --all")
    differing = total = 0
    with user_errors():
        database = open_database(url)
        with database.read() as session:
            query = select(Determination).order_by(Determination.id)
            if determination_id is not None:
                query = query.where(Determination.id == determination_id)
            for determination in session.scalars(query.execution_options(yield_per=500)):
                total += 1
                outcome = run_replay(determination)
                if outcome.same:
                    if not all_:
                        typer.echo(f"determination {outcome.determination_id}: same result")
                    continue
                differing += 1
                typer.echo(f"determination {outcome.determination_id}: differs — {outcome.cause}")
                for difference in outcome.differences:
                    typer.echo(f"  {difference}")
            if total == 0 and determination_id is not None:
                raise NotFoundError("determination", determination_id)
    typer.echo(f"{total} replayed, {total - differing} same, {differing} differ")
    if differing:
        raise typer.Exit(1)
