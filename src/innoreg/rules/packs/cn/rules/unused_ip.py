"""The state's power over unused IP from state-funded projects (S&T Progress Law)."""

from __future__ import annotations

from innoreg.labels import Label
from innoreg.rules.expr import Expr, Warn, lit, when
from innoreg.rules.formula_context import Context, Params, Vars
from innoreg.rules.rule import rule

NO_PERIOD = Label(
    "state_may_implement_unused: national law sets no period (“在合理期限内”) and no level in "
    "force fixes one, so whether the reasonable period has run cannot be decided",
    "国家可否实施：法律未规定“合理期限”的长度，也没有下级规定加以明确，无法判断合理期限是否已届满",
)


@rule(
    entity="ip_asset",
    unit="bool",
    label=("The state's power over unused IP applies", "国家可以实施未实施的财政资助知识产权"),
    cites=["st-progress-law-2007#art_20", "st-progress-law-2021#art_32"],
    since="2008-07-01",
)
def state_may_implement_unused(v: Vars, p: Params, ctx: Context) -> Expr:
    """“在合理期限内没有实施的，国家可以无偿实施，也可以许可他人有偿实施或者无偿实施” (2007 art. 20;
    2021 art. 32: “在合理期限内没有实施且无正当理由的”). National law fixes no period. Where a
    lower level of the chain fixes it (Luoyang art. 14: three years, ``implementation_deadline``)
    the answer follows that period; where none does, the answer is null with the reason, never
    true the day after the right is obtained. False where it is certain: not fiscally funded,
    or (from 2022) a justifiable reason."""
    excused = (
        v.justifiable_reason if p.flag("cn.unused_ip.justifiable_reason_excuses") else lit(False)
    )
    if ctx.defines("implementation_deadline"):
        deadline = v.implementation_deadline
        unused = v.implemented_on.is_null() | (v.implemented_on > deadline)
        passed = lit(ctx.date) > deadline
        power = v.fiscally_funded & ~excused & unused & passed
        return when(v.fiscally_funded & ~excused & deadline.is_null(), None, power)
    certain_no = ~v.fiscally_funded | excused
    return when(certain_no, False, Warn(certain_no.is_not_null(), NO_PERIOD, lit(None)))
