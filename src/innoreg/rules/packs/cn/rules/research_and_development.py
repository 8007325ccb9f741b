"""National rules on R&D expense: the high-tech ratio and the super-deduction."""

from __future__ import annotations

from innoreg.labels import Label
from innoreg.rules.expr import (
    Expr,
    Warn,
    max_of,
    ratio_of,
    reaches,
    scale,
    share,
    starts_with_any,
    when,
)
from innoreg.rules.fiscal_year import FiscalPeriod, by_fiscal_year
from innoreg.rules.formula_context import Context, Params, Vars
from innoreg.rules.packs.cn.rules.hightech_figures import hightech_band_rate, three_year_figures
from innoreg.rules.rule import rule


@rule(
    entity="enterprise",
    unit="ratio",
    label=("R&D intensity", "研究开发费用占销售收入比例"),
    cites=["guokefahuo-2016-32#art_11__point_6"],
)
def rd_intensity(v: Vars, p: Params, ctx: Context) -> Expr:
    """rd_expense / sales_revenue for the fiscal year; null where there is no revenue."""
    return ratio_of(v.rd_expense, v.sales_revenue)


@rule(
    entity="enterprise",
    unit="rate",
    label=("High-tech R&D ratio for the revenue band", "高新技术企业研究开发费用比例要求"),
    cites=["guokefahuo-2008-172#art_10__point_4", "guokefahuo-2016-32#art_11__point_6"],
    since="2008-01-01",
)
def hightech_rd_intensity_required(v: Vars, p: Params, ctx: Context) -> Expr:
    """“近三个会计年度” … “的研究开发费用总额占同期销售收入总额的比例符合如下要求：1. 最近一年销售收入
    小于5,000万元（含）的企业，比例不低于5%；2. 最近一年销售收入在5,000万元至2亿元（含）的企业，
    比例不低于4%；3. 最近一年销售收入在2亿元以上的企业，比例不低于3%” (2016 art. 11(6); 2008 art. 10(4)
    with 6 %, 4 % and 3 %). The band is the latest year's revenue."""
    return hightech_band_rate(p, ctx, v.sales_revenue)


@rule(
    entity="enterprise",
    unit="bool",
    label=("Reaches the high-tech R&D ratio", "达到高新技术企业研究开发费用比例"),
    cites=["guokefahuo-2016-32#art_11__point_6"],
    since="2008-01-01",
)
def hightech_rd_ratio_met(v: Vars, p: Params, ctx: Context) -> Expr:
    """“比例不低于…” — "not lower than" includes the ratio itself (Civil Code art. 1259). Without
    sales revenue the ratio is undefined: null, not a failure."""
    expense, revenue = v.rd_expense, v.sales_revenue
    if ctx.interpretation("cn.hightech.ratio_base") == "three_years":
        expense, revenue = three_year_figures(v)
    return when(revenue > 0, reaches(expense, revenue, v.hightech_rd_intensity_required), None)


SUPER_DEDUCTION_SOURCES = [
    "eit-law#art_30",
    "caishui-2015-119#art_4",
    "caishui-2017-34#art_1",
    "caishui-2018-99#art_1",
    "mof-sat-2021-6#art_1",
    "mof-sat-most-2022-16#art_1",
    "mof-sat-most-2022-28#art_2",
    "mof-sat-2021-13#art_1",
    "mof-sat-2023-7#art_1",
    "mof-sat-2023-44#art_1",
]


def super_deduction_rate(v: Vars, p: Params) -> Expr:
    """The rate for an enterprise over one period: by its industry and status, none for the
    industries of 财税〔2015〕119号 art. 4; unknown (null) without the industry, which decides it."""
    rate = p.expr("cn.super_deduction.general_rate")
    manufacturing = p.maybe_expr("cn.super_deduction.manufacturing_rate")
    if manufacturing is not None:
        rate = when(starts_with_any(v.industry, ("C",)), manufacturing, rate)
    tech_sme = p.maybe_expr("cn.super_deduction.tech_sme_rate")
    if tech_sme is not None:
        rate = max_of(rate, when(v.technology_based_sme, tech_sme, None))
    ic_machine_tool = p.maybe_expr("cn.super_deduction.ic_machine_tool_rate")
    if ic_machine_tool is not None:
        rate = when(v.integrated_circuit_or_machine_tool, ic_machine_tool, rate)
    excluded = p.codes("cn.super_deduction.excluded_industries")
    if excluded:
        rate = when(starts_with_any(v.industry, excluded), 0, rate)
    return when(v.industry.is_null(), None, rate)


@rule(
    entity="enterprise",
    unit="rate",
    label=("R&D super-deduction rate", "研发费用加计扣除比例"),
    cites=SUPER_DEDUCTION_SOURCES,
    since="2008-01-01",
)
def rd_super_deduction_rate(v: Vars, p: Params, ctx: Context) -> Expr:
    """“开发新技术、新产品、新工艺发生的研究开发费用” may be deducted again in part (EIT Law art. 30);
    the rate for the fiscal year by industry, as the notices issued by the case's date set it.
    Null where the enterprise's rate changes inside the fiscal year (2022: 75 % then, from
    1 October, 100 %): ``rd_super_deduction`` applies each rate to its part of the year."""

    def year(periods: tuple[FiscalPeriod, ...]) -> Expr:
        rates = [super_deduction_rate(v, period.p) for period in periods]
        same = rates[0].is_not_null()
        for rate in rates[1:]:
            same = same & rate.eq(rates[0])
        return rates[0] if len(rates) == 1 else when(same, rates[0], None)

    return by_fiscal_year(v.fiscal_year, p, year)


@rule(
    entity="enterprise",
    unit="money",
    label=("R&D super-deduction", "研发费用加计扣除额"),
    cites=["eit-law#art_30", "eit-regulations#art_95", "mof-sat-most-2022-28#art_2"],
    since="2008-01-01",
)
def rd_super_deduction(v: Vars, p: Params, ctx: Context) -> Expr:
    """The fiscal year's R&D expense times the rate of each part of the year, rounded half up to
    the fen (四舍五入). Where the rate changes inside the year, each part's expense is the actual
    one the case gives (``rd_expense_q4``) or the months' share, as 2022 No. 28 allows
    (“按全年实际发生的研发费用乘以2022年10月1日后的经营月份数占其2022年度实际经营月份数的比例计算”)."""

    def year(periods: tuple[FiscalPeriod, ...]) -> Expr:
        if len(periods) == 1:  # one rate for the year: the rate variable is that rate
            super_deduction_rate(v, periods[0].p)  # what it reads decides where years are cut
            return scale(v.rd_expense, v.rd_super_deduction_rate, "half_up")
        parts = [
            scale(expense, super_deduction_rate(v, period.p), "half_up")
            for period, expense in zip(periods, period_expenses(v, ctx, periods), strict=True)
        ]
        total = parts[0]
        for part in parts[1:]:
            total = total + part
        return total

    return by_fiscal_year(v.fiscal_year, p, year)


def period_expenses(v: Vars, ctx: Context, periods: tuple[FiscalPeriod, ...]) -> list[Expr]:
    """The year's R&D expense split over its periods: the fourth quarter's actual expense where
    the case gives it and the reading allows, the rest by the months each period covers."""
    reading = ctx.interpretation("cn.super_deduction.fourth_quarter_split")
    last = periods[-1]
    fourth_quarter = (last.start.month, last.start.day, last.end.month) == (10, 1, 12)
    if not fourth_quarter or reading == "months_share":
        return _by_months(v.rd_expense, periods)
    actual = v.rd_expense_q4
    earlier = _by_months(v.rd_expense - actual, periods[:-1])
    too_large = actual > v.rd_expense
    message = Label(
        "rd_expense_q4 is larger than rd_expense: the super-deduction is not computed",
        "第四季度研发费用大于全年研发费用：不计算加计扣除",
    )
    checked = [Warn(too_large, message, when(too_large, None, part)) for part in earlier]
    with_actual = [*checked, when(too_large, None, actual)]
    if reading == "actual":
        return with_actual
    months = _by_months(v.rd_expense, periods)
    return [when(actual.is_null(), m, a) for m, a in zip(months, with_actual, strict=True)]


def _by_months(amount: Expr, periods: tuple[FiscalPeriod, ...]) -> list[Expr]:
    """``amount`` shared by months, rounded half up; the first period takes the remainder so
    the parts add up to the whole."""
    total = sum(period.months for period in periods)
    later = [share(amount, period.months, total, "half_up") for period in periods[1:]]
    first: Expr = amount
    for part in later:
        first = first - part
    return [first, *later]


@rule(
    entity="enterprise",
    unit="bool",
    label=("Reaches the above-designated-size revenue line", "达到规模以上工业企业收入标准"),
    cites=["guotongzi-2010-87#main", "nbs-1998#main"],
)
def above_designated_size_line_reached(v: Vars, p: Params, ctx: Context) -> Expr:
    """Industrial enterprises (sections B, C, D) with main-business revenue of 20 M yuan or more
    from 2011 (5 M before). Informational: the statistics office's reported status
    (``above_designated_size``) is what the regulations use; null outside industry."""
    industrial = starts_with_any(v.industry, ("B", "C", "D"))
    line = p.expr("cn.statistics.designated_size_line")
    return when(industrial, v.sales_revenue >= line, None)
