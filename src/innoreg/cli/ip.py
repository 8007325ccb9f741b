"""`innoreg ip`: IP assets under Luoyang art. 14 — those the government may now implement."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from innoreg.cli.edge import user_errors
from innoreg.cli.records_common import AsOfOption, UrlOption, cli_actor, open_database, parse_day

app = typer.Typer(help="IP assets: overdue implementation, notices.", no_args_is_help=True)


class Format(StrEnum):
    text = "text"
    json = "json"


@app.command()
def overdue(
    as_of: AsOfOption = None,
    notify: Annotated[
        bool, typer.Option("--notify", help="Record a notice for each listed asset without one.")
    ] = False,
    output: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
    url: UrlOption = None,
) -> None:
    """List assets not implemented within three years that the government may now implement
    or license (Luoyang art. 14), ready for a notice."""
    from innoreg.records.repositories import BUREAU
    from innoreg.records.workflows.ip import issue_notices, overdue_assets

    with user_errors():
        day = parse_day(as_of, "--as-of")
        database = open_database(url)
        if notify:
            with database.write(actor=cli_actor()) as session:
                issued = issue_notices(session, scope=BUREAU, as_of=day, actor=cli_actor())
            typer.echo(f"{len(issued)} notice(s) recorded", err=True)
        with database.read() as session:
            items = overdue_assets(session, scope=BUREAU, as_of=day)
    if output is Format.json:
        rows = [
            {
                "asset_id": i.asset_id,
                "registration_no": i.registration_no,
                "title": i.title,
                "organisation": i.organisation,
                "credit_code": i.credit_code,
                "deadline": i.deadline.isoformat(),
                "determination_id": i.determination_id,
                "notice_id": i.notice_id,
            }
            for i in items
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for i in items:
        notice = f"notice {i.notice_id}" if i.notice_id else "no notice yet"
        typer.echo(
            f"{i.registration_no:<20} deadline {i.deadline.isoformat()}  {i.credit_code}  "
            f"{i.organisation}  — {i.title} ({notice})"
        )
    typer.echo(f"{len(items)} asset(s) the government may implement on {day.isoformat()}")
