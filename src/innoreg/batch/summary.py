"""Summaries of a decided population as polars frames: counts and amounts by district,
industry section and size class, baseline and reform side by side, gains and losses.

Each partition reduces its rows to a small *cube* (one row per district × section × size
class, with row counts, the count of each boolean result that is true and the total of each
amount); cubes add up, so the summaries of a partitioned or distributed run are those of one
pass, and every summary is a roll-up of the cube.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from innoreg.batch.places import order_of
from innoreg.batch.scenario import EFFECT, GROUPS, REFORM_SUFFIX, Scenario

ROWS = "rows"
EFFECTS = ("gains", "loses", "mixed", "changed")
HISTOGRAM_BINS = 100
"""R&D intensity in bins of 0.1 % up to 10 %; bin 100 holds 10 % and above, bin -1 the rows
without R&D expense, a null bin the rows without a ratio (no revenue)."""
NO_RD = -1
BINS_PER_UNIT = 1000
ROUTE = "route"
ROUTES = ("high_tech", "above_designated_size", "other")


def measures(results: pl.DataFrame | pl.Schema, scenario: Scenario) -> list[str]:
    """The results a cube counts (booleans) or adds up (amounts), baseline and reform."""
    schema = results.schema if isinstance(results, pl.DataFrame) else results
    found = []
    for name in scenario.variables:
        if schema[name] == pl.Boolean or isinstance(schema[name], pl.Decimal):
            found += [name, name + REFORM_SUFFIX] if scenario.reform else [name]
    return found


def cube_of(results: pl.DataFrame, scenario: Scenario) -> pl.DataFrame:
    """One partition's results reduced to counts and totals per group."""
    keys = [_key(results.columns, g).alias(g) for g in GROUPS]
    aggregates = [pl.len().alias(ROWS)]
    aggregates += [pl.col(m).sum() for m in measures(results, scenario)]
    if EFFECT in results.columns:
        aggregates += [(pl.col(EFFECT) == e).sum().alias(e) for e in EFFECTS]
    return results.group_by(keys).agg(aggregates)


def merge_cubes(cubes: Sequence[pl.DataFrame]) -> pl.DataFrame:
    """Partitions' cubes -> the population's."""
    frames = [c for c in cubes if c.height]
    if not frames:
        return cubes[0] if cubes else pl.DataFrame()
    return (
        pl.concat(frames)
        .group_by(list(GROUPS))
        .agg(pl.exclude(GROUPS).sum())
        .sort(list(GROUPS), nulls_last=True)
    )


def summary(cube: pl.DataFrame, by: str | None = None) -> pl.DataFrame:
    """The cube rolled up by one group (``district``, ``industry_section``, ``size_class``),
    or to one row of totals (``by=None``)."""
    values = pl.exclude(GROUPS).sum()
    if by is None:
        return cube.select(values)
    if by not in GROUPS:
        raise ValueError(f"summaries group by one of {', '.join(GROUPS)}")
    return cube.group_by(by).agg(values).sort(order_of(by), nulls_last=True)


def summaries(cube: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """Every roll-up, named: ``total`` and ``by_<group>`` for each group the data has."""
    found = {"total": summary(cube)}
    for group in GROUPS:
        if cube[group].is_not_null().any():
            found[f"by_{group}"] = summary(cube, group)
    return found


def histogram_of(results: pl.DataFrame) -> pl.DataFrame | None:
    """Rows by R&D intensity bin (0.1 % wide) and route: high-tech, above designated size,
    other. ``None`` for an entity kind without R&D intensity."""
    if "rd_intensity" not in results.columns:
        return None
    route = (
        pl.when(pl.col("high_tech"))
        .then(pl.lit(ROUTES[0]))
        .when(pl.col("above_designated_size"))
        .then(pl.lit(ROUTES[1]))
        .otherwise(pl.lit(ROUTES[2]))
    )
    # A hair (1e-12) above the bin's floor: an intensity of exactly 1 % (a float an ulp or so
    # off) lands in the 1.0 % bin, and one fen below 1 % stays below on any revenue short of
    # 100 billion yuan.
    scaled = pl.col("rd_intensity") * BINS_PER_UNIT + 1e-12
    bin_ = (
        pl.when(pl.col("rd_intensity") == 0)
        .then(pl.lit(NO_RD, pl.Float64))
        .otherwise(scaled.floor().clip(0, HISTOGRAM_BINS))
    )
    return (
        results.group_by(route.alias(ROUTE), bin_.cast(pl.Int64).alias("bin"))
        .agg(pl.len().alias(ROWS))
        .sort(ROUTE, "bin", nulls_last=True)
    )


def merge_histograms(parts: Sequence[pl.DataFrame | None]) -> pl.DataFrame | None:
    frames = [p for p in parts if p is not None]
    if not frames:
        return None
    return (
        pl.concat(frames)
        .group_by(ROUTE, "bin")
        .agg(pl.col(ROWS).sum())
        .sort(ROUTE, "bin", nulls_last=True)
    )


def _key(columns: Sequence[str], group: str) -> pl.Expr:
    if group == "industry_section":
        source = "industry"
        return pl.col(source).str.slice(0, 1) if source in columns else pl.lit(None, pl.String)
    return pl.col(group).cast(pl.String) if group in columns else pl.lit(None, pl.String)
