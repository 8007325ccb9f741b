"""Luoyang arts. 7, 8 and 10: municipal support for enterprises that invest in R&D, priority
for innovative and demonstration enterprises, rewards for leading standards."""

from __future__ import annotations

from innoreg.rules.expr import Expr, max_of, min_of, ratio_of, reaches, scale, when
from innoreg.rules.formula_context import Context, Params, Vars
from innoreg.rules.packs.cn.rules.hightech_figures import (
    MEASURES_OF_2008,
    hightech_band_rate,
    three_year_figures,
)
from innoreg.rules.packs.cn.rules.standards import led_a_standard
from innoreg.rules.rule import rule


def _ratio_figures(v: Vars, ctx: Context) -> tuple[Expr, Expr]:
    """(R&D expense, sales revenue) under the chosen revenue base."""
    if ctx.interpretation("luoyang.art7.revenue_base") == "three_years":
        return three_year_figures(v)
    return v.rd_expense, v.sales_revenue


@rule(
    entity="enterprise",
    unit="rate",
    label=(
        "Least R&D ratio through which the enterprise can qualify",
        "可据以享受扶持的最低研发投入比例",
    ),
    cites=["art_7__para_1"],
)
def rd_intensity_required(v: Vars, p: Params, ctx: Context) -> Expr:
    """“If the research and development expenses of enterprises above designated size account for
    1% of annual sales revenue and high-tech enterprises reach 3% to 6% in accordance with
    relevant regulations, they can undertake municipal science and technology” … “planned projects” (art_7__para_1).
    The lowest ratio of the routes open to the enterprise; null where none is."""
    above = when(
        v.above_designated_size, p.expr("luoyang.support_rd_intensity_above_designated_size"), None
    )
    if ctx.interpretation("luoyang.art7.high_tech_ratio_source") == "measures_of_2008":
        band = hightech_band_rate(p, ctx, v.sales_revenue, on=MEASURES_OF_2008)
    else:
        band = v.hightech_rd_intensity_required
    high_tech = when(v.high_tech, band, None)
    if ctx.interpretation("luoyang.art7.dual_route") == "yes":
        return min_of(above, high_tech)
    return when(high_tech.is_not_null(), high_tech, above)


@rule(
    entity="enterprise",
    unit="bool",
    label=("Eligible for municipal S&T support", "可承担市级计划项目并享受市政府扶持政策"),
    cites=["art_7__para_1"],
)
def support_eligible(v: Vars, p: Params, ctx: Context) -> Expr:
    """“… account for 1% … reach 3% to 6% …, they can undertake municipal science and technology
    … planned projects, enjoy the support policies of the Municipal People’s Government.”
    Reaching the ratio exactly qualifies (达到, Civil Code art. 1259); no revenue, no ratio."""
    expense, revenue = _ratio_figures(v, ctx)
    required = v.rd_intensity_required
    qualifies = required.is_not_null() & (revenue > 0)
    return when(qualifies, reaches(expense, revenue, required), False)


@rule(
    entity="enterprise",
    unit="money",
    label=("Extra R&D expense needed for support", "达到扶持条件尚需增加的研发投入"),
    cites=["art_7__para_1"],
)
def rd_shortfall(v: Vars, p: Params, ctx: Context) -> Expr:
    """The least extra R&D expense (to the fen) that reaches the required ratio; 0.00 when
    eligible; null where no route is open or there is no revenue."""
    expense, revenue = _ratio_figures(v, ctx)
    required = v.rd_intensity_required
    needed = scale(revenue, required, "ceil") - expense
    return when(required.is_not_null() & (revenue > 0), max_of(needed, 0), None)


@rule(
    entity="enterprise",
    unit="bool",
    label=("Priority for municipal support", "优先享受市政府扶持政策"),
    cites=["art_8"],
)
def support_priority(v: Vars, p: Params, ctx: Context) -> Expr:
    """“National and provincial innovative (pilot) enterprises and technological innovation
    demonstration enterprises can have priority in enjoying the support policies of the
    Municipal People's Government.” (art_8)"""
    return v.innovative_enterprise | v.technology_innovation_demonstration


@rule(
    entity="enterprise",
    unit="bool",
    label=("Rewarded for leading standards", "主导制定标准应予奖励"),
    cites=["art_10"],
)
def standard_setting_reward_eligible(v: Vars, p: Params, ctx: Context) -> Expr:
    """“Enterprises that play a leading role in participating in the formulation of industry
    standards, national standards, and international standards shall be rewarded by the municipal
    and county (city, district) people's governments in accordance with relevant regulations.”
    The amount is left to those regulations; innoreg decides who is owed a reward."""
    return led_a_standard(v)


@rule(
    entity="enterprise",
    unit="ratio",
    label=("R&D ratio on the chosen revenue base", "按所选口径计算的研发投入比例"),
    cites=["art_7__para_1"],
)
def rd_intensity_for_support(v: Vars, p: Params, ctx: Context) -> Expr:
    """The ratio art. 7 ¶1 compares, on the revenue base the interpretation chooses."""
    expense, revenue = _ratio_figures(v, ctx)
    return ratio_of(expense, revenue)
