"""`innoreg population synth`, `innoreg simulate` and `innoreg evaluate --reform` as an analyst
runs them."""

import json
from pathlib import Path

import polars as pl
import pytest
import yaml
from typer.testing import CliRunner

from innoreg.cli import app

ROOT = Path(__file__).resolve().parents[2]
LAW = ["-j", "luoyang", "--date", "2024-06-30", "--assume", "cn-ha-luoyang.in_force=2015-03-01"]
REFORM = {
    "name": "luoyang-threshold-1.5",
    "parameters": {
        "luoyang.support_rd_intensity_above_designated_size": [
            {"from": "2024-01-01", "value": 0.015}
        ]
    },
}
runner = CliRunner()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("simulate-cli")
    (path / "reform.yaml").write_text(yaml.safe_dump(REFORM), encoding="utf-8")
    result = runner.invoke(
        app, ["population", "synth", "--n", "2000", "--seed", "3", "-o", str(path / "city.parquet")]
    )
    assert result.exit_code == 0, result.output
    return path


def test_synth_writes_the_same_city_for_the_same_seed_as_csv_or_parquet(folder: Path) -> None:
    out = folder / "again.csv"
    result = runner.invoke(
        app, ["population", "synth", "-n", "2000", "--seed", "3", "-o", str(out)]
    )
    assert result.exit_code == 0 and "2,000 enterprises" in result.stdout
    parquet = pl.read_parquet(folder / "city.parquet")
    csv = pl.read_csv(out, schema=parquet.schema)
    assert csv.equals(parquet)
    result = runner.invoke(app, ["population", "synth", "-o", str(folder / "city.json")])
    assert result.exit_code == 2 and "error: output: city.json" in result.output


def test_simulate_prints_the_summary_and_writes_results_and_a_report(folder: Path) -> None:
    result = runner.invoke(
        app,
        [
            "simulate",
            str(folder / "city.parquet"),
            *LAW,
            "--reform",
            str(folder / "reform.yaml"),
            "-o",
            str(folder / "results.csv"),
            "--report",
            str(folder / "report"),
        ],
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "2,000 rows of" in out and "reform luoyang-threshold-1.5" in out
    for words in (
        "Eligible",
        "R&D shortfall",
        "Jianxi District",
        "C Manufacturing",
        "medium",
        "Lose",
    ):
        assert words in out, words
    results = pl.read_csv(folder / "results.csv", infer_schema=False)
    assert results.height == 2000 and "support_eligible_reform" in results.columns
    assert (folder / "report" / "report.html").is_file()
    assert (folder / "report" / "summaries.xlsx").is_file()


def test_simulate_in_chinese_shows_wan_yuan(folder: Path) -> None:
    result = runner.invoke(app, ["simulate", str(folder / "city.parquet"), *LAW, "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert "万元" in result.stdout and "涧西区" in result.stdout and "符合扶持条件" in result.stdout


def test_bad_rows_are_listed_and_nothing_is_written(folder: Path) -> None:
    city = pl.read_parquet(folder / "city.parquet").head(30)
    bad = city.with_columns(pl.col("sales_revenue").cast(pl.String)).with_columns(
        pl.when(pl.col("id") == city["id"][4])
        .then(pl.lit("12.345"))
        .otherwise("sales_revenue")
        .alias("sales_revenue")
    )
    bad.write_csv(folder / "bad.csv")
    out = folder / "bad-results.parquet"
    result = runner.invoke(app, ["simulate", str(folder / "bad.csv"), *LAW, "-o", str(out)])
    assert result.exit_code == 2
    assert f"row 5 (id {city['id'][4]}), sales_revenue = '12.345'" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("error: population: 1 row not valid")
    assert not out.exists()
    result = runner.invoke(
        app, ["simulate", str(folder / "bad.csv"), *LAW, "-o", str(out), "--skip-invalid"]
    )
    assert result.exit_code == 0, result.output
    assert "skipped 1 invalid rows" in result.stderr
    assert pl.read_parquet(out).height == 29


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--reform", "{folder}/wrong.yaml"], "did you mean 'luoyang.support_rd_intensity"),
        (["--date", "2024-13-01"], "--date: '2024-13-01' is not a date"),
        (["--assume", "nothing"], "--assume: 'nothing' is not NAME=VALUE"),
        (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler and --workers need --engine dask"),
        (["-o", "{folder}/r.txt"], "write .parquet, .csv, .xlsx or a directory"),
    ],
)
def test_wrong_options_are_one_line_errors(
    folder: Path, arguments: list[str], message: str
) -> None:
    wrong = {
        "name": "w",
        "parameters": {
            "luoyang.support_rd_intensity_above_designated": [
                {"from": "2024-01-01", "value": 0.015}
            ]
        },
    }
    (folder / "wrong.yaml").write_text(yaml.safe_dump(wrong), encoding="utf-8")
    shown = [a.format(folder=folder) for a in arguments]
    result = runner.invoke(app, ["simulate", str(folder / "city.parquet"), *LAW, *shown])
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.startswith("error: ")
    assert "Traceback" not in result.output


def test_evaluate_applies_a_reform_to_one_case(folder: Path) -> None:
    case = str(ROOT / "examples/luoyang-enterprises.yaml")
    before = json.loads(runner.invoke(app, ["evaluate", case]).stdout)
    result = runner.invoke(app, ["evaluate", case, "--reform", str(folder / "reform.yaml")])
    assert result.exit_code == 0, result.output
    after = json.loads(result.stdout)
    assert before["results"]["luoyang-bearing"]["rd_shortfall"] == "300000.00"
    assert after["results"]["luoyang-bearing"]["rd_shortfall"] == "700000.00"
    assert after["reform"] == "luoyang-threshold-1.5"
