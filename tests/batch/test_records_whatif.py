"""What-if over the records, on SQLite and PostgreSQL: the baseline of the filings in the
database is, row by row, what each filing's determination says; a reform beside it tells who
gains and loses by group and writes its report; a tenant simulates its own filings; the
command line runs it and refuses bad input in one line."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from innoreg.batch.records_whatif import records_population, records_whatif
from innoreg.cli import app
from innoreg.errors import InputError
from innoreg.records.db import Database
from innoreg.records.determinations import subject_result
from innoreg.records.models import AnnualFiling, Determination
from innoreg.records.repositories import BUREAU, Scope

from ..records.conftest import decided_city, postgres, sqlite_template  # noqa: F401

YEAR = 2023
DAY = dt.date(2024, 6, 30)
LOWER_LINE = {
    "name": "luoyang-line-0.5",
    "parameters": {
        "luoyang.support_rd_intensity_above_designated_size": [
            {"from": "2024-01-01", "value": 0.005}
        ]
    },
}
COMPARED = (
    "support_eligible",
    "rd_shortfall",
    "rd_super_deduction",
    "rd_super_deduction_rate",
    "support_priority",
    "standard_setting_reward_eligible",
    "hightech_rd_ratio_met",
)


def public(value: Any) -> Any:
    """A result as the determination's JSON holds it (money as a decimal string)."""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return value


def test_the_baseline_is_each_filings_determination_row_by_row(
    decided_city: Database,  # noqa: F811
    tmp_path: Path,
) -> None:
    output = tmp_path / "results.parquet"
    with decided_city.read() as session:
        population = records_population(session, scope=BUREAU, fiscal_year=YEAR, date=DAY)
        run = records_whatif(session, scope=BUREAU, fiscal_year=YEAR, date=DAY, output=output)
        stored = {
            filing.id: subject_result(
                session.get(Determination, filing.determination_id),  # type: ignore[arg-type]
                f"filing-{filing.id}",
            )
            for filing in session.scalars(
                select(AnnualFiling).where(AnnualFiling.fiscal_year == YEAR)
            )
        }
    assert run.rows == len(stored) == 100 and run.skipped == 0
    assert population["high_tech"].any() and population["sales_revenue"].dtype.is_decimal()
    assert population["innovative_enterprise"].any() or population["led_national_standards"].any()
    results = pl.read_parquet(output)
    for row in results.iter_rows(named=True):
        expected = stored[row["id"]]
        assert {k: public(row[k]) for k in COMPARED} == {k: expected[k] for k in COMPARED}
    assert run.assumed == ("cn-ha-luoyang.in_force=2015-01-01",)
    assert run.population == "records/filings/2023"


def test_a_reform_beside_the_law_says_who_gains_by_group_and_writes_the_report(
    decided_city: Database,  # noqa: F811
    tmp_path: Path,
) -> None:
    from innoreg.batch.report import write_report

    with decided_city.read() as session:
        run = records_whatif(session, scope=BUREAU, fiscal_year=YEAR, date=DAY, reform=LOWER_LINE)
    total = run.summary().row(0, named=True)
    assert total["gains"] > 0 and total["loses"] == 0
    assert total["support_eligible_reform"] == total["support_eligible"] + total["gains"]
    for group in ("district", "industry_section", "size_class"):
        assert run.summary(group)["gains"].sum() == total["gains"]
    page = write_report(run, tmp_path / "report", lang="zh")
    text = page.read_text(encoding="utf-8")
    assert "luoyang-line-0.5" in text and "gains-and-losses" in text
    assert (tmp_path / "report" / "summaries.xlsx").exists()


def test_a_tenant_simulates_only_its_own_filings(decided_city: Database) -> None:  # noqa: F811
    with decided_city.read() as session:
        owner = session.scalar(
            select(AnnualFiling.organisation_id).where(AnnualFiling.fiscal_year == YEAR).limit(1)
        )
        assert owner is not None
        run = records_whatif(session, scope=Scope.organisations(owner), fiscal_year=YEAR, date=DAY)
        with pytest.raises(InputError, match="no filings for fiscal year 1999") as caught:
            records_whatif(session, scope=BUREAU, fiscal_year=1999, date=DAY)
    assert run.rows == 1
    assert caught.value.field == "fiscal_year"


def test_the_command_line_runs_the_whatif_and_refuses_bad_input(
    decided_city: Database,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INNOREG_DATABASE_URL", decided_city.url.render_as_string(False))
    reform = tmp_path / "reform.yaml"
    reform.write_text(
        "name: line-0.5\nparameters:\n  luoyang.support_rd_intensity_above_designated_size:\n"
        "    - {from: 2024-01-01, value: 0.005}\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    args = ["whatif", "--fiscal-year", "2023", "--date", "2024-06-30"]
    result = runner.invoke(app, [*args, "--reform", str(reform), "--report", str(tmp_path / "r")])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("100 rows of records/filings/2023 decided in ")
    assert "Gain" in result.stdout and (tmp_path / "r" / "report.html").exists()
    for bad, said in (
        (["--date", "30/06/2024"], "error: --date: '30/06/2024' is not a date (YYYY-MM-DD)"),
        (["--reform", str(tmp_path / "none.yaml")], "no such reform file"),
        (["--fiscal-year", "1999"], "error: fiscal_year: no filings for fiscal year 1999"),
    ):
        result = runner.invoke(app, [*args, *bad])
        assert result.exit_code == 2 and result.stdout == ""
        assert len(result.stderr.splitlines()) == 1 and said in result.stderr


def test_the_pages_example_runs(
    decided_city: Database,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import re

    page = (Path(__file__).resolve().parents[2] / "docs" / "populations.md").read_text("utf-8")
    (block,) = [b for b in re.findall(r"```python\n(.*?)```", page, re.S) if "records_whatif" in b]
    monkeypatch.setenv("INNOREG_DATABASE_URL", decided_city.url.render_as_string(False))
    monkeypatch.chdir(tmp_path)
    exec(compile(block, "populations.md", "exec"), {})
    assert (tmp_path / "whatif" / "report.html").is_file()
