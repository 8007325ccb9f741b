"""`innoreg audit`: check the audit log's hash chain."""

from __future__ import annotations

import typer

from innoreg.cli.edge import user_errors
from innoreg.cli.records_common import UrlOption, open_database

app = typer.Typer(help="The audit log: verify its hash chain.", no_args_is_help=True)


@app.command()
def verify(url: UrlOption = None) -> None:
    """Walk the chain from the first entry; name every edited, deleted, inserted or reordered
    row (exit 1 if any). Note the printed head hash: a later run must extend it."""
    from innoreg.records.audit_verify import verify_chain

    with user_errors():
        database = open_database(url)
        with database.read() as session:
            report = verify_chain(session)
    for problem in report.problems:
        typer.echo(f"tampered: {problem}")
    typer.echo(
        f"{report.rows} entries; head {report.head_seq} {report.head_hash}; "
        + ("chain intact" if report.intact else f"{len(report.problems)} problem(s)")
    )
    if not report.intact:
        raise typer.Exit(1)
