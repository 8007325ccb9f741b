"""Readings of the high-tech identification measures that other levels borrow: the ratio for a
revenue band (with the 2008 overlap at 200 M yuan) and the three-year base of the ratio."""

from __future__ import annotations

import datetime as dt

from innoreg.rules.expr import Expr, when
from innoreg.rules.formula_context import Context, Params, Vars

HIGHTECH_RATIO = "cn.hightech.rd_intensity_required"
MEASURES_OF_2008 = dt.date(2008, 1, 1)
BAND_OVERLAP_2008 = 20_000_000_000
"""200 M yuan in fen: named by both the 4 % band ("至20,000万元") and the 3 % band ("以上") in 2008."""


def hightech_band_rate(p: Params, ctx: Context, base: Expr, on: dt.date | None = None) -> Expr:
    """The ratio of the band ``base`` falls in, under the measures in force on ``on`` (default:
    the case's date); the 2008 overlap is read as ``cn.hightech.band_2008_at_200m`` says."""
    version = p.value(HIGHTECH_RATIO, on=on)
    overlap: frozenset[int] = frozenset()
    # The reading matters (and is shown) only while the 2008 measures apply; `and` short-circuits.
    if (
        version.since == MEASURES_OF_2008
        and ctx.interpretation("cn.hightech.band_2008_at_200m") == "three_percent"
    ):
        overlap = frozenset({BAND_OVERLAP_2008})
    return p.bracket_rate(HIGHTECH_RATIO, base, on=on, exclude_upper=overlap)


def three_year_figures(v: Vars) -> tuple[Expr, Expr]:
    """(R&D expense, sales revenue) of the last three years where a case gives both totals, else
    the fiscal year's: never a three-year expense over one year's revenue."""
    both = v.rd_expense_3y.is_not_null() & v.sales_revenue_3y.is_not_null()
    return when(both, v.rd_expense_3y, v.rd_expense), when(
        both, v.sales_revenue_3y, v.sales_revenue
    )
