"""National floors of the rewards owed to inventors when a job-related achievement is
transformed (Law on Promoting the Transformation of S&T Achievements, 2015, art. 45), and the
binding floor across every level in force."""

from __future__ import annotations

from innoreg.rules.expr import Expr, max_of, scale, when
from innoreg.rules.formula_context import Context, Params, Vars
from innoreg.rules.rule import binding_floor, rule

ACADEMIC = ("research_institute", "university")

transfer_reward_minimum = binding_floor(
    "transfer_reward_minimum",
    entity="transfer",
    unit="money",
    label=("Least cash reward owed", "应给予的最低现金奖励"),
    cites=["achievements-law-2015#art_45"],
    doc="The highest cash-reward floor any level in force sets for this transfer binds.",
)

transfer_equity_reward_minimum = binding_floor(
    "transfer_equity_reward_minimum",
    entity="transfer",
    unit="quantity",
    label=("Least equity reward owed", "应给予的最低股权奖励"),
    cites=["achievements-law-2015#art_45"],
    doc="The highest equity-reward floor any level in force sets for this transfer binds.",
)


def national_floor_applies(v: Vars, p: Params) -> Expr:
    """From 2015: no rules or agreement, or a state-established institute or university whose
    rules must meet the floor (art. 45 ¶2). In 1996: every unit (art. 29)."""
    if not p.flag("cn.transfer.floor_yields_to_unit_rules"):
        return v.holder_kind.is_not_null()
    return ~v.has_reward_rules | (v.state_established & v.holder_kind.isin(ACADEMIC))


@rule(
    entity="transfer",
    unit="money",
    label=("National cash-reward floor", "国家法定现金奖励下限"),
    cites=["achievements-law-1996#art_29", "achievements-law-2015#art_45"],
    since="1996-10-01",
    contributes_to="transfer_reward_minimum",
)
def national_transfer_reward_floor(v: Vars, p: Params, ctx: Context) -> Expr:
    """“将该项职务科技成果转让、许可给他人实施的，从该项科技成果转让净收入或者许可净收入中提取不低于
    百分之五十的比例” (2015 art. 45 ¶1(1)), binding on state institutes' own rules (art. 45 ¶2);
    before 2015-10-01, “提取不低于百分之二十的比例” of a transfer's net income (1996 art. 29)."""
    modes = p.codes("cn.transfer.floor_modes")
    applies = national_floor_applies(v, p) & v.mode.isin(modes)
    return when(applies, scale(v.net_income, p.expr("cn.transfer.reward_floor"), "ceil"), None)


@rule(
    entity="transfer",
    unit="quantity",
    label=("National equity-reward floor", "国家法定股权奖励下限"),
    cites=["achievements-law-2015#art_45"],
    since="2015-10-01",
    contributes_to="transfer_equity_reward_minimum",
)
def national_transfer_equity_reward_floor(v: Vars, p: Params, ctx: Context) -> Expr:
    """“利用该项职务科技成果作价投资的，从该项科技成果形成的股份或者出资比例中提取不低于百分之五十的
    比例” (art. 45 ¶1(2))."""
    applies = national_floor_applies(v, p) & v.mode.eq("equity_investment")
    rate = p.expr("cn.transfer.equity_reward_floor")
    return when(applies, scale(v.equity_total, rate, "ceil"), None)


@rule(
    entity="transfer",
    unit="bool",
    label=("The reward meets the minimum", "奖励符合法定最低标准"),
    cites=["achievements-law-2015#art_45"],
)
def transfer_reward_compliant(v: Vars, p: Params, ctx: Context) -> Expr:
    """Cash for a transfer or licence, equity for an investment, at least the binding floor;
    null where no floor applies."""
    return when(
        v.mode.eq("equity_investment"),
        v.reward_equity >= v.transfer_equity_reward_minimum,
        v.reward_cash >= v.transfer_reward_minimum,
    )


@rule(
    entity="transfer",
    unit="money",
    label=("Cash reward still owed", "现金奖励差额"),
    cites=["achievements-law-2015#art_45"],
)
def transfer_reward_shortfall(v: Vars, p: Params, ctx: Context) -> Expr:
    """What must be added to the cash reward to reach the binding floor; null without one."""
    gap = v.transfer_reward_minimum - v.reward_cash
    return when(gap.is_null(), None, max_of(gap, 0))


@rule(
    entity="transfer",
    unit="quantity",
    label=("Equity reward still owed", "股权奖励差额"),
    cites=["achievements-law-2015#art_45"],
)
def transfer_equity_reward_shortfall(v: Vars, p: Params, ctx: Context) -> Expr:
    """What must be added to the equity reward to reach the binding floor; null without one."""
    gap = v.transfer_equity_reward_minimum - v.reward_equity
    return when(gap.is_null(), None, max_of(gap, 0))


@rule(
    entity="transfer",
    unit="text",
    label=("What sets the reward", "奖励标准的依据"),
    cites=["achievements-law-2015#art_45"],
    options={
        "statutory_floor": ("a statutory floor applies", "适用法定最低标准"),
        "unit_rules_govern": (
            "no statutory floor reaches this holder: its own reward rules or agreement govern",
            "法定最低标准不适用：依单位规定或者与科技人员的约定",
        ),
        "facts_missing": (
            "the holder's kind or the mode of transformation is not given",
            "未提供成果完成单位类型或转化方式",
        ),
    },
)
def transfer_reward_basis(v: Vars, p: Params, ctx: Context) -> Expr:
    """Why ``transfer_reward_minimum`` is what it is: a statutory floor binds, or — where “科技成果
    完成单位未规定、也未与科技人员约定奖励和报酬的方式和数额的” does not hold and no other level sets
    a floor — the unit's own rules govern (art. 45 ¶1), or the facts to decide are missing."""
    floor = when(
        v.mode.eq("equity_investment"),
        v.transfer_equity_reward_minimum,
        v.transfer_reward_minimum,
    )
    missing = v.holder_kind.is_null() | v.mode.is_null()
    return when(
        floor.is_not_null(), "statutory_floor", when(missing, "facts_missing", "unit_rules_govern")
    )


@rule(
    entity="transfer",
    unit="text",
    label=("Unit of the equity figures", "股权数量的单位"),
    cites=["achievements-law-2015#art_45"],
    options={
        "shares": ("shares", "股"),
        "percent": ("percent of the capital", "出资比例（%）"),
    },
)
def transfer_equity_unit(v: Vars, p: Params, ctx: Context) -> Expr:
    """The unit of ``equity_total``, ``reward_equity`` and the equity minimum (“股份或者出资比例”):
    shown where the transformation is an investment as equity."""
    return when(v.mode.eq("equity_investment"), v.equity_unit, None)
