"""A population evaluated in memory or streamed to Parquet: same rules, same answers."""

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from innoreg.engine import evaluate_case
from innoreg.engine.population import evaluate_population, stream_population
from innoreg.errors import InputError

DATE = dt.date(2024, 6, 30)


def enterprises(n: int) -> pl.DataFrame:
    codes = ["C", "c16", " F ", "I65", None, "R90", "K", "C39"]
    return pl.DataFrame(
        {
            "id": [f"e{i}" for i in range(n)],
            "sales_revenue": [f"{(i * 7919) % 300_000_000}.{i % 100:02d}" for i in range(n)],
            "rd_expense": [f"{(i * 104729) % 3_000_000}.00" for i in range(n)],
            "above_designated_size": [i % 3 == 0 for i in range(n)],
            "high_tech": [i % 5 == 0 for i in range(n)],
            "industry": [codes[i % len(codes)] for i in range(n)],
        }
    )


def test_a_population_agrees_with_deciding_each_row_as_a_case() -> None:
    frame = enterprises(64)
    result = evaluate_population(frame, jurisdiction="cn-ha-luoyang", date=DATE).frame
    rows = frame.to_dicts()
    case = {"jurisdiction": "cn-ha-luoyang", "date": DATE.isoformat(), "enterprises": rows}
    decided = evaluate_case(case)["results"]
    for row in result.iter_rows(named=True):
        expected = decided[row["id"]]
        assert str(row["rd_shortfall"]) == str(expected["rd_shortfall"])
        assert row["support_eligible"] == expected["support_eligible"]
        assert row["rd_intensity_required"] == expected["rd_intensity_required"]
        got = row["rd_super_deduction"]
        assert (None if got is None else str(got)) == expected["rd_super_deduction"]


def test_codes_are_normalised_as_a_case_normalises_them() -> None:
    result = evaluate_population(enterprises(8), jurisdiction="cn-ha-luoyang", date=DATE).frame
    assert result["industry"].to_list() == ["C", "C16", "F", "I65", None, "R90", "K", "C39"]
    assert result["rd_super_deduction_rate"].to_list()[1:3] == [0.0, 0.0]


def test_a_bad_code_is_an_error_naming_the_column_and_the_rows() -> None:
    frame = enterprises(8).with_columns(industry=pl.lit("manufacturing"))
    with pytest.raises(InputError, match=r"8 rows are not valid .*an industry code") as caught:
        evaluate_population(frame, jurisdiction="cn-ha-luoyang", date=DATE)
    assert caught.value.field == "industry"


def test_negative_money_is_an_error_naming_the_column() -> None:
    frame = enterprises(8).with_columns(rd_expense=pl.lit("-1.00"))
    with pytest.raises(InputError, match="8 rows: must not be negative") as caught:
        evaluate_population(frame, jurisdiction="cn-ha-luoyang", date=DATE)
    assert caught.value.field == "rd_expense"


def test_streaming_to_parquet_gives_the_in_memory_answers(tmp_path: Path) -> None:
    frame = enterprises(5_000)
    source = tmp_path / "population.parquet"
    frame.write_parquet(source)
    streamed = stream_population(
        pl.scan_parquet(source), tmp_path / "out.parquet", jurisdiction="cn-ln", date=DATE
    )
    in_memory = evaluate_population(frame, jurisdiction="cn-ln", date=DATE)
    assert streamed.rows == 5_000
    written = pl.read_parquet(streamed.path).sort("id")
    expected = in_memory.frame.sort("id")
    for name in ("rd_obligation_met", "hightech_rd_intensity_required", "rd_super_deduction"):
        assert written[name].to_list() == expected[name].to_list(), name
    assert streamed.warnings == in_memory.warnings


def test_streamed_ip_assets_count_the_rows_whose_deadline_the_calendar_cannot_move(
    tmp_path: Path,
) -> None:
    assets = pl.DataFrame(
        {
            "id": ["in-calendar", "beyond"],
            "fiscally_funded": [True, True],
            "rights_obtained_on": [dt.date(2021, 10, 1), dt.date(2030, 1, 1)],
        }
    )
    source = tmp_path / "assets.parquet"
    assets.write_parquet(source)
    streamed = stream_population(
        pl.scan_parquet(source),
        tmp_path / "out.parquet",
        jurisdiction="cn-ha-luoyang",
        date=dt.date(2025, 1, 1),
        entity="ip_asset",
        assumptions={"cn-ha-luoyang.in_force": dt.date(2015, 1, 1)},
    )
    deadlines = pl.read_parquet(streamed.path)["implementation_deadline"].to_list()
    # 2033-01-01 is a Saturday: beyond the calendar, weekends still move the last day
    assert deadlines == [dt.date(2024, 10, 8), dt.date(2033, 1, 3)]
    assert any(w.startswith("1 row: the holiday calendar") for w in streamed.warnings)
