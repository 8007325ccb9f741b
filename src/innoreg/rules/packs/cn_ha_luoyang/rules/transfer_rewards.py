"""Luoyang art. 13: rewards from transforming job-related achievements of fiscally funded
projects at research institutes and universities."""

from __future__ import annotations

from innoreg.rules.expr import Expr, scale, when
from innoreg.rules.formula_context import Context, Params, Vars
from innoreg.rules.packs.cn_ha_luoyang.rules.fiscal_funds import funded_as_art_13_14_reads
from innoreg.rules.rule import rule

ACADEMIC = ("research_institute", "university")


def _luoyang_floor_applies(v: Vars, ctx: Context) -> Expr:
    return v.holder_kind.isin(ACADEMIC) & funded_as_art_13_14_reads(v, ctx)


@rule(
    entity="transfer",
    unit="money",
    label=("Luoyang cash-reward floor", "洛阳市现金奖励下限"),
    cites=["art_13__para_1"],
    contributes_to="transfer_reward_minimum",
)
def luoyang_transfer_reward_floor(v: Vars, p: Params, ctx: Context) -> Expr:
    """“If scientific research institutions and colleges and universities use scientific and
    technological projects funded by fiscal funds to transform their work achievements through
    technology transfer, they shall give a one-time reward of more than 20% of the net income
    from the technology transfer.” ("20%以上": 20 % itself complies.)"""
    modes: tuple[str, ...] = ("transfer", "license")
    if ctx.interpretation("luoyang.art13.license_is_transfer") == "no":
        modes = ("transfer",)
    applies = _luoyang_floor_applies(v, ctx) & v.mode.isin(modes)
    return when(applies, scale(v.net_income, p.expr("luoyang.transfer_reward_floor"), "ceil"), None)


@rule(
    entity="transfer",
    unit="quantity",
    label=("Luoyang equity-reward floor", "洛阳市股权奖励下限"),
    cites=["art_13__para_1"],
    contributes_to="transfer_equity_reward_minimum",
)
def luoyang_transfer_equity_reward_floor(v: Vars, p: Params, ctx: Context) -> Expr:
    """“… if equity investment is used to implement transformation, the equity used for rewards
    should account for more than 20% of the shares of the scientific and technological
    achievements.”"""
    applies = _luoyang_floor_applies(v, ctx) & v.mode.eq("equity_investment")
    return when(
        applies, scale(v.equity_total, p.expr("luoyang.transfer_reward_floor"), "ceil"), None
    )
