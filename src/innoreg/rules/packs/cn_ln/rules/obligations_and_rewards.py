"""Liaoning arts. 7 and 10: the R&D obligation of high-tech and innovative enterprises, and the
rewards for leading standards, famous brands and patent awards."""

from __future__ import annotations

from innoreg.rules.expr import Expr, when
from innoreg.rules.formula_context import Context, Params, Vars
from innoreg.rules.packs.cn.rules.standards import led_a_standard
from innoreg.rules.rule import rule


@rule(
    entity="enterprise",
    unit="bool",
    label=("Meets the R&D obligation", "研究开发经费投入符合规定比例"),
    cites=["art_7"],
)
def rd_obligation_met(v: Vars, p: Params, ctx: Context) -> Expr:
    """“The research and development expenses of high-tech enterprises and innovative enterprises
    shall not be less than the proportion stipulated in the national standards for the
    identification of high-tech enterprises” (art_7). Null for other enterprises."""
    return when(v.high_tech | v.innovative_enterprise, v.hightech_rd_ratio_met, None)


@rule(
    entity="enterprise",
    unit="bool",
    label=("Rewarded for leading standards", "主导制定标准应予奖励"),
    cites=["art_10"],
)
def standard_setting_reward_eligible(v: Vars, p: Params, ctx: Context) -> Expr:
    """“Enterprises that play a leading role in the formulation of standards … shall be rewarded
    in accordance with relevant regulations.” (art_10)"""
    return led_a_standard(v)


@rule(
    entity="enterprise",
    unit="bool",
    label=("Rewarded for a famous brand or a patent award", "获国家名牌或专利奖应予奖励"),
    cites=["art_10"],
)
def innovation_award_reward_eligible(v: Vars, p: Params, ctx: Context) -> Expr:
    """“… or have won the title of national famous and well-known brands, and won the national
    patent gold award and excellent award shall be rewarded in accordance with relevant
    regulations.” (art_10)"""
    return v.national_famous_brand | v.patent_gold_award | v.patent_excellence_award
