"""The benchmarks' baselines stay honest: the hand-written numpy model and the OpenFisca model
give innoreg's results exactly, for every enterprise variable, on a synthetic population and
on edge cases (limits included or excluded, no revenue, unknown industry, huge amounts)."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl
import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # the benchmarks package lives at the project root
    sys.path.insert(0, str(ROOT))

from benchmarks.population_data import generate  # noqa: E402
from benchmarks.population_workers import PERIOD, innoreg  # noqa: E402

from benchmarks import bench_case, compare, numpy_model, openfisca_model  # noqa: E402

FEN = 100
EDGES = pl.DataFrame(
    {
        "sales_revenue": [
            50_000_000 * FEN,  # the 5 % band includes 50 M yuan
            50_000_000 * FEN + 1,
            200_000_000 * FEN,
            200_000_000 * FEN + 1,
            20_000_000 * FEN - 1,  # one fen under the designated-size line
            0,
            0,
            9_000_000_000_000_000,  # the largest amount innoreg accepts
            123_456_789,
            100_000_000 * FEN,
        ],
        "rd_expense": [
            2_500_000 * FEN,  # exactly 5 %
            2_000_000 * FEN,
            8_000_000 * FEN - 1,  # one fen under 4 %
            6_000_000 * FEN,
            200_000 * FEN,
            12_345,
            0,
            8_999_999_999_999_999,
            1_234_568,  # 1 % of 1,234,567.89 yuan rounds up to the fen
            999_999,
        ],
        "industry": ["C", "C16", "C1310", "R90", "R901", None, "F51", "I65", "D", "B"],
        "above_designated_size": [True, False, True, False, True, True, False, True, True, False],
        "high_tech": [True, True, False, True, False, True, False, True, False, False],
        "innovative_enterprise": [False] * 9 + [True],
        "technology_innovation_demonstration": [False, True] + [False] * 8,
        "integrated_circuit_or_machine_tool": [True, True, False, False, True] + [False] * 5,
        "technology_based_sme": [True, False, True, True, False, False, True, False, True, False],
        "led_international_standards": [0] * 9 + [1],
        "led_national_standards": [0, 2] + [0] * 8,
        "led_industry_standards": [0, 0, 1] + [0] * 7,
    },
    schema_overrides={"sales_revenue": pl.Int64, "rd_expense": pl.Int64},
)


def _check_all_engines(frame: pl.DataFrame) -> None:
    reference = compare.innoreg_variables(innoreg(frame))
    arrays = numpy_model.inputs_from_frame(frame)
    compare.assert_identical(
        reference, compare.numpy_frame(numpy_model.compute(arrays)), frame, "numpy"
    )
    simulation = openfisca_model.population_simulation(arrays, PERIOD)
    results = openfisca_model.calculate(simulation, PERIOD, helpers=True)
    compare.assert_identical(reference, compare.openfisca_frame(results), frame, "openfisca")


def test_models_agree_with_innoreg_on_a_synthetic_population() -> None:
    _check_all_engines(generate(5_000, seed=7))


def test_models_agree_with_innoreg_on_edge_cases() -> None:
    _check_all_engines(EDGES)


def test_the_synthetic_population_is_deterministic_and_mixed() -> None:
    frame = generate(5_000, seed=7)
    assert frame.equals(generate(5_000, seed=7))
    assert frame.schema["sales_revenue"] == pl.Int64
    assert frame["industry"].null_count() > 0
    assert {"C", "C16", "F", "I", "K", "R90"} <= set(frame["industry"].drop_nulls())
    assert (frame["sales_revenue"] == 0).any()


def test_openfisca_one_case_matches_evaluate_case() -> None:
    from innoreg.engine import evaluate_case

    expected = evaluate_case(bench_case.CASE)["results"]["e1"]
    got = openfisca_model.one_case(bench_case.openfisca_inputs(), PERIOD)
    assert bench_case.openfisca_public(got) == expected


def test_a_disagreement_is_reported_by_variable() -> None:
    frame = generate(200, seed=1)
    reference = compare.innoreg_variables(innoreg(frame))
    broken = reference.with_columns(pl.col("rd_super_deduction") + 1)
    with pytest.raises(compare.EngineMismatch, match=r"rd_super_deduction: \d+ of 200 rows"):
        compare.assert_identical(reference, broken, frame, "broken")
