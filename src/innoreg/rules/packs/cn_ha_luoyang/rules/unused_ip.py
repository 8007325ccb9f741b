"""Luoyang art. 14: the three-year clock after which the government may implement, or license
others to implement, unused IP formed by fiscally funded projects."""

from __future__ import annotations

from innoreg.rules.expr import AddYears, Expr, ShiftDays, Warn, coalesce, lit, when
from innoreg.rules.formula_context import Context, Params, Vars
from innoreg.rules.rule import rule


@rule(
    entity="ip_asset",
    unit="date",
    label=("Start of the implementation period", "实施期限起算日"),
    cites=["art_14"],
)
def implementation_clock_start(v: Vars, p: Params, ctx: Context) -> Expr:
    """The day from which "within three years" counts (the day itself not counted, Civil Code
    art. 201); which day is an interpretation."""
    if ctx.interpretation("luoyang.art14.clock_start") == "project_accepted":
        return coalesce(v.project_accepted_on, v.rights_obtained_on)
    return v.rights_obtained_on


@rule(
    entity="ip_asset",
    unit="date",
    label=("Last day to implement", "实施期限届满日"),
    cites=["art_14"],
)
def implementation_deadline(v: Vars, p: Params, ctx: Context) -> Expr:
    """“… fails to implement it within three years …”: the period ends on the corresponding day
    three years on, or that month's last day (Civil Code art. 202), moved off a rest day or
    statutory holiday to the next working day (art. 203) unless the interpretation says not."""
    end = AddYears(v.implementation_clock_start, p("luoyang.implementation_period"))
    if ctx.interpretation("luoyang.art14.rest_day") == "calendar_day":
        return end
    first, last = ctx.calendar_coverage
    outside = (end < lit(first)) | (end > lit(last))
    message = (
        "the holiday calendar does not cover the implementation deadline's year; "
        "the deadline was not moved off a rest day"
    )
    return Warn(outside, message, ShiftDays(end, ctx.next_working_day))


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
    implement it with or without compensation.” True from the day after the last day."""
    deadline = v.implementation_deadline
    late = v.implemented_on.is_null() | (v.implemented_on > deadline)
    if ctx.interpretation("luoyang.art14.late_implementation") == "yes":
        late = v.implemented_on.is_null() | (v.implemented_on > lit(ctx.date))
    condition = (
        v.fiscally_funded
        & v.implementation_conditions_met
        & ~v.justifiable_reason
        & (lit(ctx.date) > deadline)
        & late
    )
    return when(deadline.is_null(), None, condition)


@rule(
    entity="ip_asset",
    unit="bool",
    label=("Annual protection report required", "须报送年度知识产权保护情况"),
    cites=["art_14"],
)
def annual_status_report_required(v: Vars, p: Params, ctx: Context) -> Expr:
    """“Submit annual reports on conservation status to the project management department” —
    owed for IP formed by fiscally funded projects."""
    return v.fiscally_funded
