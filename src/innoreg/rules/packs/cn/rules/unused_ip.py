"""The state's power over unused IP from state-funded projects (S&T Progress Law)."""

from __future__ import annotations

from innoreg.rules.expr import Expr, lit
from innoreg.rules.formula_context import Context, Params, Vars
from innoreg.rules.rule import rule


@rule(
    entity="ip_asset",
    unit="bool",
    label=("The state's power over unused IP applies", "国家可以实施未实施的财政资助知识产权"),
    cites=["st-progress-law-2007#art_20", "st-progress-law-2021#art_32"],
    since="2008-07-01",
)
def state_may_implement_unused(v: Vars, p: Params, ctx: Context) -> Expr:
    """“在合理期限内没有实施的，国家可以无偿实施，也可以许可他人有偿实施或者无偿实施” (2007 art. 20;
    2021 art. 32 adds "且无正当理由"). National law fixes no period ("合理期限"): true means the
    power applies in principle once a reasonable period has run; a city may fix the period."""
    unused = v.implemented_on.is_null() | (v.implemented_on > lit(ctx.date))
    condition = v.fiscally_funded & unused
    if p.flag("cn.unused_ip.justifiable_reason_excuses"):
        condition = condition & ~v.justifiable_reason
    return condition
