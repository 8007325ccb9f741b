"""simulate: the engine's answers for every row, baseline and reform side by side, read from
any form and written by the output's form; bad rows reported and nothing written."""

from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from innoreg.batch import InvalidRowsError, Reform, simulate
from innoreg.batch.output import write_workbook
from innoreg.batch.scenario import EFFECT
from innoreg.engine import evaluate_case
from innoreg.errors import InputError

from .conftest import ASSUMED, DATE, LAW


def _case_rows(frame: pl.DataFrame) -> list[dict[str, Any]]:
    rows = frame.drop("district", "size_class").to_dicts()
    for row in rows:
        for name, value in list(row.items()):
            if isinstance(value, Decimal):
                row[name] = str(value)
            elif value is None:
                del row[name]
    return rows


def _public(value: object) -> object:
    return str(value) if isinstance(value, Decimal) else value


def test_every_row_is_decided_as_the_same_enterprise_in_a_case_is(
    city: pl.DataFrame, reform: Reform, tmp_path: Path
) -> None:
    sample = city.head(150)
    out = tmp_path / "results.parquet"
    run = simulate(sample, reform=reform, output=out, **LAW)
    results = pl.read_parquet(out)
    case = {
        "jurisdiction": "luoyang",
        "date": DATE.isoformat(),
        "assumptions": {k: v.isoformat() for k, v in ASSUMED.items()},
        "enterprises": _case_rows(sample),
    }
    baseline = evaluate_case(case)["results"]
    reformed = evaluate_case(case, reform=reform)["results"]
    variables = run.scenario.variables
    for row in results.iter_rows(named=True):
        for name in variables:
            assert _public(row[name]) == baseline[row["id"]][name], (row["id"], name)
            assert _public(row[name + "_reform"]) == reformed[row["id"]][name], (row["id"], name)
    assert run.rows == 150 and run.skipped == 0


def test_the_results_file_holds_id_and_each_variable_beside_its_reform_value(
    city: pl.DataFrame, reform: Reform, tmp_path: Path
) -> None:
    run = simulate(city, reform=reform, output=tmp_path / "r.parquet", **LAW)
    results = pl.read_parquet(tmp_path / "r.parquet")
    assert results.columns == run.scenario.output_columns()
    assert results.columns[:3] == ["id", "rd_intensity", "rd_intensity_reform"]
    assert results.schema["rd_shortfall"] == pl.Decimal(38, 2)
    assert results["id"].to_list() == city["id"].to_list()


def test_gains_and_losses_follow_the_reform(city: pl.DataFrame, reform: Reform) -> None:
    """Raising the line to 1.5 % loses support for those between 1 % and 1.5 %; raising the
    general super-deduction rate gains every enterprise with a deductible R&D expense."""
    frame = simulate(city, reform=reform, output=None, **LAW)
    results = simulate(city, reform=reform, **LAW)
    assert frame.cube.equals(results.cube)
    rows = _decided(city, reform)
    lost = rows.filter(pl.col("support_eligible") & ~pl.col("support_eligible_reform"))
    assert lost.height > 0
    assert lost["rd_intensity"].min() >= 0.01  # type: ignore[operator]
    assert (lost[EFFECT].is_in(["loses", "mixed"])).all()
    gained = rows.filter(pl.col("rd_super_deduction_reform") > pl.col("rd_super_deduction"))
    assert (gained[EFFECT].is_in(["gains", "mixed"])).all()
    total = results.summary()
    assert (
        total["loses"][0] + total["mixed"][0]
        == rows.filter(pl.col(EFFECT).is_in(["loses", "mixed"])).height
    )


def _decided(city: pl.DataFrame, reform: Reform) -> pl.DataFrame:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        simulate(city, reform=reform, output=Path(folder) / "r.parquet", **LAW)
        return pl.read_parquet(Path(folder) / "r.parquet")


def test_summaries_add_up_to_the_rows(city: pl.DataFrame) -> None:
    run = simulate(city, **LAW)
    total = run.summary()
    assert total["rows"][0] == city.height
    for by in ("district", "industry_section", "size_class"):
        part = run.summary(by)
        assert part["rows"].sum() == city.height
        assert part["support_eligible"].sum() == total["support_eligible"][0]
        assert part["rd_super_deduction"].sum() == total["rd_super_deduction"][0]
    assert set(run.summaries()) == {
        "total",
        "by_district",
        "by_industry_section",
        "by_size_class",
    }


def test_csv_xlsx_parquet_a_directory_and_a_glob_give_the_same_rows(
    city: pl.DataFrame, tmp_path: Path
) -> None:
    small = city.head(400)
    (tmp_path / "parts").mkdir()
    small.head(150).write_parquet(tmp_path / "parts" / "a.parquet")
    small.tail(250).write_parquet(tmp_path / "parts" / "b.parquet")
    small.write_csv(tmp_path / "city.csv")
    write_workbook(small, tmp_path / "city.xlsx")
    small.write_parquet(tmp_path / "city.parquet")
    results = []
    for source in ("city.csv", "city.xlsx", "city.parquet", "parts", "parts/*.parquet"):
        out = tmp_path / f"out-{len(results)}.parquet"
        simulate(str(tmp_path / source), output=out, **LAW)
        results.append(pl.read_parquet(out))
    for other in results[1:]:
        assert other.equals(results[0])


def test_outputs_follow_the_extension_in_the_public_form(
    city: pl.DataFrame, tmp_path: Path
) -> None:
    small = city.head(50)
    simulate(small, output=tmp_path / "r.csv", **LAW)
    simulate(small, output=tmp_path / "r.xlsx", **LAW)
    simulate(small, output=tmp_path / "dir", partition_rows=20, **LAW)
    text = pl.read_csv(tmp_path / "r.csv", infer_schema=False)
    workbook = pl.read_excel(tmp_path / "r.xlsx")
    parts = sorted(p.name for p in (tmp_path / "dir").iterdir())
    assert parts == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    shortfall = text.filter(pl.col("rd_shortfall").is_not_null())["rd_shortfall"]
    assert shortfall.str.contains(r"^\d+\.\d\d$").all()
    assert workbook.columns == text.columns
    assert pl.read_parquet(tmp_path / "dir").height == 50
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".innoreg")]
    assert leftovers == []


def test_partitions_change_nothing(city: pl.DataFrame, tmp_path: Path) -> None:
    simulate(city, output=tmp_path / "one.parquet", **LAW)
    run = simulate(city, output=tmp_path / "many.parquet", partition_rows=700, **LAW)
    assert run.partitions == 5
    one, many = (pl.read_parquet(tmp_path / f"{n}.parquet") for n in ("one", "many"))
    assert one.equals(many)


def test_bad_rows_stop_the_run_and_nothing_is_written(city: pl.DataFrame, tmp_path: Path) -> None:
    bad = city.head(100).with_columns(
        pl.col("sales_revenue").cast(pl.String),
        pl.col("high_tech").cast(pl.String),
    )
    bad = bad.with_columns(
        pl.when(pl.int_range(pl.len()) == 7)
        .then(pl.lit("12.345"))
        .otherwise(pl.col("sales_revenue"))
        .alias("sales_revenue"),
        pl.when(pl.int_range(pl.len()) == 41)
        .then(pl.lit("perhaps"))
        .otherwise(pl.col("high_tech"))
        .alias("high_tech"),
    )
    out = tmp_path / "r.parquet"
    with pytest.raises(InvalidRowsError) as caught:
        simulate(bad, output=out, partition_rows=30, **LAW)
    problems = caught.value.problems
    assert problems.select("row", "column").rows() == [(8, "sales_revenue"), (42, "high_tech")]
    assert problems["id"].to_list() == [bad["id"][7], bad["id"][41]]
    assert "2 rows not valid" in caught.value.message
    assert list(tmp_path.iterdir()) == []
    run = simulate(bad, output=out, skip_invalid=True, partition_rows=30, **LAW)
    assert (run.rows, run.skipped) == (98, 2)
    assert pl.read_parquet(out).height == 98


def test_an_id_used_twice_is_a_bad_row(city: pl.DataFrame) -> None:
    twice = pl.concat([city.head(5), city.slice(2, 1)])
    with pytest.raises(InvalidRowsError) as caught:
        simulate(twice, **LAW)
    assert caught.value.problems["row"].to_list() == [3, 6]
    assert "rows 3, 6" in caught.value.problems["problem"][0]


def test_a_misspelt_column_is_refused_before_any_work(city: pl.DataFrame) -> None:
    with pytest.raises(InputError, match="did you mean 'rd_expense'") as caught:
        simulate(city.rename({"rd_expense": "rd_expenses"}), **LAW)
    assert caught.value.field == "rd_expenses"


def test_a_form_innoreg_cannot_write_is_refused_before_any_work(
    city: pl.DataFrame, tmp_path: Path
) -> None:
    with pytest.raises(InputError, match=r"write \.parquet, \.csv, \.xlsx"):
        simulate(city, output=tmp_path / "r.json", **LAW)
    assert list(tmp_path.iterdir()) == []


def test_progress_is_reported_up_to_every_row(city: pl.DataFrame) -> None:
    seen: list[tuple[int, int]] = []
    simulate(
        city, partition_rows=1_000, progress=lambda done, total: seen.append((done, total)), **LAW
    )
    assert seen == [(0, 3_000), (1_000, 3_000), (2_000, 3_000), (3_000, 3_000)]
