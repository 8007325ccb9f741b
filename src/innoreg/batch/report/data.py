"""The data behind each chart, as the tables printed beside it: R&D intensity by band and
route with the lines the law draws, eligibility by group, and a reform's gains and losses.
The charts draw these frames and nothing else, so a table is exactly its chart's data."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from innoreg.batch.places import group_label
from innoreg.batch.scenario import REFORM_SUFFIX
from innoreg.batch.simulate import Simulation
from innoreg.batch.summary import NO_RD, ROUTE, ROUTES, ROWS, summary
from innoreg.batch.tables import COLUMN_LABELS, GROUP_LABELS, Column
from innoreg.engine.plan import Plan
from innoreg.labels import Label, Language
from innoreg.rules.money import RATE_SCALE

BAND_BINS = 2
"""Chart bars of 0.2 % (two of the histogram's 0.1 % bins)."""
TOP_BIN = 100
ROUTE_LABELS = {
    "high_tech": Label("High-tech enterprises", "高新技术企业"),
    "above_designated_size": Label("Above designated size", "规模以上企业"),
    "other": Label("Other enterprises", "其他企业"),
}
WORDS = {
    "band": Label("R&D intensity", "研发投入强度"),
    "total": Label("All", "合计"),
    "no_rd": Label("no R&D expense", "无研发费用"),
    "no_ratio": Label("no revenue (no ratio)", "无销售收入（无法计算）"),
    "top": Label("10 % and above", "10%及以上"),
    "share": Label("share", "占比"),
    "eligible": Label("Eligible", "符合扶持条件"),
    "reform": COLUMN_LABELS["reform"],
    "gains": COLUMN_LABELS["gains"],
    "loses": COLUMN_LABELS["loses"],
    "shortfall_change": Label("Change in R&D shortfall", "研发投入缺口变化"),
    "deduction_change": Label("Change in R&D super-deduction", "研发费用加计扣除变化"),
}


@dataclass(frozen=True)
class Threshold:
    rate: float
    label: str
    reform: bool = False


def intensity_bands(sim: Simulation, lang: Language) -> tuple[pl.DataFrame, list[Column]]:
    """Enterprises by R&D intensity band (0.2 %) and route, then those outside the bands."""
    histogram = sim.histogram
    assert histogram is not None, "R&D intensity is an enterprise result"
    band = pl.when(pl.col("bin") >= 0).then(pl.col("bin") // BAND_BINS * BAND_BINS)
    wide = (
        histogram.with_columns(band.otherwise(pl.col("bin")).alias("band"))
        .group_by("band")
        .agg((pl.col(ROWS).filter(pl.col(ROUTE) == r).sum()).alias(r) for r in ROUTES)
    )
    every = pl.DataFrame({"band": list(range(0, TOP_BIN, BAND_BINS))}, schema={"band": pl.Int64})
    inside = every.join(wide, on="band", how="left").fill_null(0).sort("band")
    outside = wide.filter(
        (pl.col("band") < 0) | (pl.col("band") >= TOP_BIN) | pl.col("band").is_null()
    )
    frame = pl.concat([inside, outside.sort("band", nulls_last=True)])
    frame = frame.with_columns(pl.sum_horizontal(ROUTES).alias("total"))
    labels = [_band_label(b, lang) for b in frame["band"].to_list()]
    frame = frame.with_columns(pl.Series("label", labels))
    columns = [Column("label", WORDS["band"].in_(lang))]
    columns += [Column(r, ROUTE_LABELS[r].in_(lang)) for r in ROUTES]
    columns.append(Column("total", WORDS["total"].in_(lang)))
    return frame, columns


def _band_label(band: int | None, lang: Language) -> str:
    if band is None:
        return WORDS["no_ratio"].in_(lang)
    if band == NO_RD:
        return WORDS["no_rd"].in_(lang)
    if band >= TOP_BIN:
        return WORDS["top"].in_(lang)
    return f"{band / 10:.1f}–{(band + BAND_BINS) / 10:.1f} %"


def thresholds(plan: Plan, lang: Language, *, reform: bool = False) -> list[Threshold]:
    """The ratios the law draws for support: each rate (and bracket) the rule deciding the
    least ratio reads, directly or through the variables it depends on."""
    entity = plan.entities["enterprise"]
    seen: set[str] = set()
    pending = ["rd_intensity_required"]
    found: list[Threshold] = []
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        planned = entity.variable(name) if name in {v.spec.name for v in entity.variables} else None
        if planned is None:
            continue
        pending += list(planned.depends_on)
        for use in planned.parameters:
            value = use.value.value
            label = use.parameter.label.in_(lang)
            if use.parameter.unit == "rate" and isinstance(value, int):
                found.append(Threshold(value / RATE_SCALE, label, reform))
            elif use.parameter.unit == "rate_brackets" and isinstance(value, tuple):
                for bracket in value:
                    rate = getattr(bracket, "rate", None)
                    if isinstance(rate, int):
                        found.append(
                            Threshold(rate / RATE_SCALE, f"{label} {rate / 10_000:g} %", reform)
                        )
    return sorted(set(found), key=lambda t: (t.rate, t.label))


def eligibility(sim: Simulation, by: str, lang: Language) -> tuple[pl.DataFrame, list[Column]]:
    """Eligible enterprises per group, counts and shares, baseline and reform."""
    frame = summary(sim.cube, by)
    eligible = "support_eligible"
    share = (pl.col(eligible) / pl.col(ROWS) * 100).round(1)
    frame = frame.with_columns(share.alias("share"))
    columns = [
        Column(by, GROUP_LABELS[by].in_(lang)),
        Column(ROWS, COLUMN_LABELS["enterprises"].in_(lang)),
        Column(eligible, WORDS["eligible"].in_(lang)),
        Column("share", f"{WORDS['share'].in_(lang)} (%)"),
    ]
    if sim.scenario.reform is not None:
        after = eligible + REFORM_SUFFIX
        frame = frame.with_columns(
            (pl.col(after) / pl.col(ROWS) * 100).round(1).alias("share_reform")
        )
        reform = WORDS["reform"].in_(lang)
        columns += [
            Column(after, f"{WORDS['eligible'].in_(lang)} ({reform})"),
            Column("share_reform", f"{WORDS['share'].in_(lang)} ({reform}, %)"),
        ]
    shown = [group_label(by, v, lang) for v in frame[by].to_list()]
    return frame.with_columns(pl.Series(by, shown)).select(c.key for c in columns), columns


def effects(sim: Simulation, by: str, lang: Language) -> tuple[pl.DataFrame, list[Column]]:
    """Per group: enterprises that gain and lose under the reform, and the change in amounts."""
    frame = summary(sim.cube, by)
    frame = frame.with_columns(
        (pl.col("rd_shortfall" + REFORM_SUFFIX) - pl.col("rd_shortfall")).alias("shortfall_change"),
        (pl.col("rd_super_deduction" + REFORM_SUFFIX) - pl.col("rd_super_deduction")).alias(
            "deduction_change"
        ),
    )
    columns = [
        Column(by, GROUP_LABELS[by].in_(lang)),
        Column("gains", WORDS["gains"].in_(lang)),
        Column("loses", WORDS["loses"].in_(lang)),
        Column("shortfall_change", WORDS["shortfall_change"].in_(lang), money=True),
        Column("deduction_change", WORDS["deduction_change"].in_(lang), money=True),
    ]
    if frame["mixed"].sum():
        columns.insert(3, Column("mixed", COLUMN_LABELS["mixed"].in_(lang)))
    shown = [group_label(by, v, lang) for v in frame[by].to_list()]
    return frame.with_columns(pl.Series(by, shown)).select(c.key for c in columns), columns
