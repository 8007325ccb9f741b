"""The synthetic city: deterministic, shaped like Luoyang, and a valid population."""

import polars as pl

from innoreg.batch import synthesise
from innoreg.batch.checks import check_rows
from innoreg.batch.places import DISTRICTS
from innoreg.engine.plan import plan_for

from .conftest import DATE


def test_the_same_seed_gives_the_same_city_and_another_seed_another() -> None:
    assert synthesise(2_000, seed=5).equals(synthesise(2_000, seed=5))
    assert not synthesise(2_000, seed=5).equals(synthesise(2_000, seed=6))


def test_the_city_has_ids_districts_size_classes_and_only_public_inputs(city: pl.DataFrame) -> None:
    inputs = plan_for("luoyang", DATE).entities["enterprise"].inputs
    extra = set(city.columns) - set(inputs)
    assert extra == {"id", "district", "size_class"}
    assert city["id"].is_unique().all()
    assert set(synthesise(20_000)["district"].unique()) == set(DISTRICTS)
    assert set(city["size_class"].unique()) <= {"large", "medium", "small", "micro"}


def test_the_city_is_manufacturing_heavy_with_heavy_tailed_revenue() -> None:
    city = synthesise(20_000, seed=3)
    sections = city["industry"].drop_nulls().str.slice(0, 1)
    assert (sections == "C").mean() > 0.4  # type: ignore[operator]
    revenue = city["sales_revenue"].cast(pl.Float64)
    assert revenue.quantile(0.99) > 20 * revenue.median()  # type: ignore[operator]


def test_rd_intensity_clusters_near_the_one_per_cent_line_and_sits_on_it_exactly() -> None:
    city = synthesise(20_000, seed=3)
    ratio = (city["rd_expense"].cast(pl.Float64) / city["sales_revenue"].cast(pl.Float64)).alias(
        "r"
    )
    above = city.with_columns(ratio).filter(
        pl.col("above_designated_size") & ~pl.col("high_tech") & (pl.col("r") > 0)
    )
    assert 0.007 < above["r"].median() < 0.013  # type: ignore[operator]
    high_tech = city.with_columns(ratio).filter(pl.col("high_tech"))
    assert 0.03 < high_tech["r"].median() < 0.07  # type: ignore[operator]
    fen = city.select(
        (pl.col("rd_expense", "sales_revenue") * 100).cast(pl.Int64), "above_designated_size"
    )
    on_line = fen.filter(  # the least R&D that reaches 1 %, to the fen
        (pl.col("rd_expense") * 100 >= pl.col("sales_revenue"))
        & ((pl.col("rd_expense") - 1) * 100 < pl.col("sales_revenue"))
    )
    assert on_line.height > 20


def test_the_city_breaks_no_input_rule(city: pl.DataFrame) -> None:
    entity = plan_for("luoyang", DATE).entities["enterprise"]
    assert check_rows(city, entity, first_row=1).problems.height == 0
