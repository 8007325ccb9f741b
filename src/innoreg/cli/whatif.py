"""`innoreg whatif`: the filings of a fiscal year in the records, decided under the law in force
and under a reform beside it — `innoreg simulate` over the database instead of a file."""

from __future__ import annotations

import time
from typing import Annotated

import typer

from innoreg.cli.edge import user_errors
from innoreg.cli.options import (
    InterpretationOption,
    LangOption,
    ReformOption,
    ReportOption,
    ResultsOption,
    chosen_language,
)
from innoreg.cli.records_common import UrlOption


def whatif(
    fiscal_year: Annotated[
        int, typer.Option("--fiscal-year", help="Decide the filings of this fiscal year.")
    ],
    date: Annotated[
        str,
        typer.Option(
            "--date",
            help="The law in force, and the certificates and registries valid, on this day.",
        ),
    ],
    reform: ReformOption = None,
    output: ResultsOption = None,
    report: ReportOption = None,
    jurisdiction: Annotated[
        str,
        typer.Option("--jurisdiction", "-j", help="Whose organisations and law (e.g. luoyang)."),
    ] = "luoyang",
    interpretation: InterpretationOption = None,
    lang: LangOption = None,
    url: UrlOption = None,
) -> None:
    """What if: every filing of a fiscal year in the records under the law and a reform;
    who gains and who loses, by district, industry section and size class."""
    # polars, the engine's population pass and the records are imported here, so that other
    # commands start fast.
    from innoreg.batch.records_whatif import records_whatif
    from innoreg.cli.decide import pairs
    from innoreg.cli.records_common import open_database, parse_day
    from innoreg.records.repositories import BUREAU

    language = chosen_language(lang)
    with user_errors():
        day = parse_day(date, "--date")
        database = open_database(url)
        started = time.perf_counter()
        with database.read() as session:
            result = records_whatif(
                session,
                scope=BUREAU,
                fiscal_year=fiscal_year,
                date=day,
                reform=reform,
                jurisdiction=jurisdiction,
                interpretations=pairs(interpretation, "--interpretation"),
                output=output,
            )
        seconds = time.perf_counter() - started
        from innoreg.cli.simulate_summary import report_and_summary

        report_and_summary(result, seconds, report, language)
