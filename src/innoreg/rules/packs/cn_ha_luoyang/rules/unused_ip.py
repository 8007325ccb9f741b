"""Luoyang art. 14: the three-year clock after which the government may implement, or license
others to implement, unused IP formed by fiscally funded projects."""

from __future__ import annotations

import datetime as dt

from innoreg.labels import Label
from innoreg.rules.expr import AddYears, Expr, ShiftDays, Warn, coalesce, lit, when
from innoreg.rules.formula_context import Context, Params, Vars
from innoreg.rules.packs.cn_ha_luoyang.rules.fiscal_funds import funded_as_art_13_14_reads
from innoreg.rules.rule import rule

LONGEST_REST_RUN = dt.timedelta(days=14)
"""How far a statutory holiday can push a last day in a year the calendar lacks. No run of rest
days in the shipped calendar (2008-2026) moves a day by more than 9 days; 14 leaves a margin, so
a result is never true early (a test holds the bound against the calendar)."""


@rule(
    entity="ip_asset",
    unit="date",
    label=("Start of the implementation period", "实施期限起算日"),
    cites=["art_14", "legislation-law#art_104"],
)
def implementation_clock_start(v: Vars, p: Params, ctx: Context) -> Expr:
    """The day from which "within three years" counts (the day itself not counted, Civil Code
    art. 201); which day is an interpretation. Never earlier than the day the regulations came
    into force: “法律、行政法规、地方性法规、自治条例和单行条例、规章不溯及既往” (Legislation Law art. 104). Where
    that day is not recorded, a clock that could start before it is null, with a warning."""
    if ctx.interpretation("luoyang.art14.clock_start") == "project_accepted":
        start = coalesce(v.project_accepted_on, v.rights_obtained_on)
    else:
        start = v.rights_obtained_on
    act = ctx.act
    if act is None:
        return start
    if act.day is not None:
        return when(start < lit(act.day), lit(act.day), start)
    missing = act.missing_fact()
    message = Label(
        f"{missing.en}; the art. 14 clock cannot start before that day (non-retroactivity), so "
        "implementation_deadline and government_may_implement are null",
        f"{missing.zh}；第十四条的期限不得早于该日起算（不溯及既往），实施期限和政府可否实施均无法判断",
    )
    return when(start < lit(ctx.date), Warn(lit(True), message, lit(None)), start)


def _period_end(v: Vars, p: Params) -> Expr:
    return AddYears(v.implementation_clock_start, p("luoyang.implementation_period"))


@rule(
    entity="ip_asset",
    unit="date",
    label=("Last day to implement", "实施期限届满日"),
    cites=["art_14", "civil-code#art_203"],
)
def implementation_deadline(v: Vars, p: Params, ctx: Context) -> Expr:
    """“… fails to implement it within three years …”: the period ends on the corresponding day
    three years on, or that month's last day (Civil Code art. 202), moved off a rest day or
    statutory holiday to the next working day (art. 203) unless the interpretation says not. In a
    year the holiday calendar lacks, weekends still move the day, with a warning that a holiday
    could move it further."""
    end = _period_end(v, p)
    if ctx.interpretation("luoyang.art14.rest_day") == "calendar_day":
        return end
    first, last = ctx.calendar_coverage
    outside = (end < lit(first)) | (end > lit(last))
    message = Label(
        "the holiday calendar does not cover the implementation deadline's year: the deadline "
        "was moved off a weekend only, and a statutory holiday could move it later",
        "节假日日历未包含实施期限届满的年度：期限仅按周末顺延，法定节假日可能使其再顺延",
    )
    return Warn(outside, message, ShiftDays(end, ctx.next_working_day, ctx.calendar_coverage))


@rule(
    entity="ip_asset",
    unit="bool",
    label=("The government may implement or license it", "政府可以无偿实施或许可他人实施"),
    cites=["art_14"],
)
def government_may_implement(v: Vars, p: Params, ctx: Context) -> Expr:
    """“If the project undertaking unit meets the conditions for implementation and fails to
    implement it within three years without justifiable reasons, the municipal or county (city,
    district) people's government may implement it free of charge, or permit others to
    implement it with or without compensation.” True from the day after the last day; null
    where the answer could depend on holidays the calendar does not have."""
    deadline = v.implementation_deadline
    late = v.implemented_on.is_null() | (v.implemented_on > deadline)
    if ctx.interpretation("luoyang.art14.late_implementation") == "yes":
        late = v.implemented_on.is_null() | (v.implemented_on > lit(ctx.date))
    facts = (
        funded_as_art_13_14_reads(v, ctx)
        & v.implementation_conditions_met
        & ~v.justifiable_reason
        & late
    )
    decided = when(~facts, False, when(deadline.is_null(), None, lit(ctx.date) > deadline))
    if ctx.interpretation("luoyang.art14.rest_day") == "calendar_day":
        return decided
    end = _period_end(v, p)
    first, last = ctx.calendar_coverage
    uncovered = (end < lit(first)) | (end > lit(last))
    window = (lit(ctx.date) > end) & (deadline >= lit(ctx.date - LONGEST_REST_RUN))
    message = Label(
        "government_may_implement: the deadline falls in a year the holiday calendar lacks and "
        "the case's date is within a holiday's reach of it, so the answer could depend on "
        "holidays not yet published",
        "政府可否实施：期限届满日所在年度的节假日尚未公布，案件日期在节假日可能影响的范围内，暂无法判断",
    )
    return when(facts & uncovered & window, Warn(lit(True), message, lit(None)), decided)


@rule(
    entity="ip_asset",
    unit="bool",
    label=("Annual protection report required", "须报送年度知识产权保护情况"),
    cites=["art_14"],
)
def annual_status_report_required(v: Vars, p: Params, ctx: Context) -> Expr:
    """“Submit annual reports on conservation status to the project management department” —
    owed for IP formed by fiscally funded projects."""
    return funded_as_art_13_14_reads(v, ctx)
