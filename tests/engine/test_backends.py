"""The scalar and the columnar backends compile the same tree to the same values."""

import datetime as dt
from typing import Any

import polars as pl
import pytest

from innoreg.rules import expr as e
from innoreg.rules.columnar import compile_columnar
from innoreg.rules.scalar import compile_scalar

ROWS: list[dict[str, Any]] = [
    {"a": 10, "b": 3, "f": True, "g": None, "s": "C16", "d": dt.date(2020, 2, 29)},
    {"a": None, "b": 0, "f": False, "g": True, "s": None, "d": None},
    {"a": 7, "b": None, "f": None, "g": False, "s": "F", "d": dt.date(2021, 3, 1)},
]
SCHEMA = {
    "a": pl.Int64,
    "b": pl.Int64,
    "f": pl.Boolean,
    "g": pl.Boolean,
    "s": pl.String,
    "d": pl.Date,
}
v = {name: e.Ref(name) for name in SCHEMA}

TREES = {
    "arithmetic": v["a"] + v["b"] - 1,
    "comparison": v["a"] >= v["b"],
    "kleene and": v["f"] & v["g"],
    "kleene or": v["f"] | v["g"],
    "not": ~v["f"],
    "when with null condition": e.when(v["g"], 1, 2),
    "isin": v["s"].isin(("F", "H")),
    "starts with": e.starts_with_any(v["s"], ("C", "R90")),
    "ratio by zero is null": e.ratio_of(v["a"], v["b"]),
    "max ignores nulls": e.max_of(v["a"], v["b"]),
    "min ignores nulls": e.min_of(v["a"], v["b"]),
    "coalesce": e.coalesce(v["a"], v["b"], 0),
    "scale ceil": e.scale(v["a"], e.lit(333_333), "ceil"),
    "scale half up": e.scale(v["a"], e.lit(250_000), "half_up"),
    "reaches": e.reaches(v["b"], v["a"], 300_000),
    "three years": e.AddYears(v["d"], 3),
    "shift": e.ShiftDays(v["d"], {dt.date(2020, 2, 29): dt.date(2020, 3, 2)}),
    "is null": v["a"].is_null(),
}


@pytest.mark.parametrize("name", TREES)
def test_one_row_and_columnar_evaluation_agree(name: str) -> None:
    tree = TREES[name]
    frame = pl.DataFrame(ROWS, schema=SCHEMA)
    columnar = frame.select(compile_columnar(tree).alias("out"))["out"].to_list()
    scalar = compile_scalar(tree)
    assert [scalar(row, []) for row in ROWS] == columnar


def test_a_warning_fires_only_where_its_condition_holds() -> None:
    tree = e.Warn(v["a"] > 8, "large", v["a"])
    warnings: list[str] = []
    compiled = compile_scalar(tree)
    assert [compiled(row, warnings) for row in ROWS] == [10, None, 7]
    assert warnings == ["large"]
