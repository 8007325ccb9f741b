"""`innoreg import KIND FILE` and `innoreg export KIND -o FILE`: organisations, filings and IP
assets from and to .xlsx or CSV. An import is all or nothing; its report lists every bad cell."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from innoreg.cli.edge import fail, user_errors
from innoreg.cli.records_common import Lang, LangOption, UrlOption, cli_actor, open_database

import_app = typer.Typer(
    help="Import organisations, filings or IP assets from .xlsx or CSV (all or nothing).",
    no_args_is_help=True,
)
export_app = typer.Typer(
    help="Export organisations, filings or IP assets to .xlsx or CSV.", no_args_is_help=True
)
KINDS = {
    "organisations": "organisations (credit_code, name, kind, district, industry, ...)",
    "filings": "annual filings (credit_code, fiscal_year, sales_revenue, rd_expense, ...)",
    "ip-assets": "IP assets (credit_code, registration_no, kind, title, dates, ...)",
}


def _importer(kind: str) -> None:
    def run(
        file: Annotated[Path, typer.Argument(help="A .csv (UTF-8 or GBK) or .xlsx file.")],
        lang: LangOption = Lang.en,
        url: UrlOption = None,
    ) -> None:
        from innoreg.records.errors import ImportRejectedError
        from innoreg.records.imports import import_file
        from innoreg.records.repositories import BUREAU

        heading = {"en": ("row", "column", "problem"), "zh": ("行", "列", "问题")}[lang.value]
        with user_errors():
            database = open_database(url)
            try:
                with database.write(actor=cli_actor()) as session:
                    result = import_file(
                        session,
                        scope=BUREAU,
                        kind=kind.replace("-", "_"),
                        path=file,
                        lang=lang.value,
                    )
            except ImportRejectedError as rejected:
                typer.echo("\t".join(heading), err=True)
                for p in rejected.problems:
                    typer.echo(f"{p.row}\t{p.column}\t{p.problem}", err=True)
                raise fail(rejected.message) from None
        typer.echo(f"imported {result.rows} {kind} from {file}")

    run.__doc__ = f"Import {KINDS[kind]}."
    import_app.command(kind)(run)


def _exporter(kind: str) -> None:
    def run(
        output: Annotated[
            Path, typer.Option("--output", "-o", help="A .csv or .xlsx file to write.")
        ],
        url: UrlOption = None,
    ) -> None:
        from innoreg.records.exports import export_file
        from innoreg.records.repositories import BUREAU

        with user_errors():
            database = open_database(url)
            with database.read() as session:
                rows = export_file(session, scope=BUREAU, kind=kind.replace("-", "_"), path=output)
        typer.echo(f"exported {rows} {kind} to {output}")

    run.__doc__ = f"Export {KINDS[kind]}."
    export_app.command(kind)(run)


for _kind in KINDS:
    _importer(_kind)
    _exporter(_kind)
