"""Whose "fiscal funds" Luoyang arts. 13 and 14 speak of: an explicit reading, shared by both."""

from __future__ import annotations

from innoreg.labels import Label
from innoreg.rules.expr import Expr, Warn
from innoreg.rules.formula_context import Context, Vars

LOCAL_LEVELS = ("municipal", "county")


def funded_as_art_13_14_reads(v: Vars, ctx: Context) -> Expr:
    """The achievement or right comes from a project funded by fiscal funds as the chosen reading
    of “science and technology projects established with fiscal funds” takes them: of any level,
    or only the city's and its counties' own. Under the second reading a funded project whose
    level the case does not give is null (a needed fact)."""
    if ctx.interpretation("luoyang.arts13_14.fiscal_funds") == "any_level":
        return v.fiscally_funded
    unknown = v.fiscally_funded & v.funding_level.is_null()
    message = Label(
        "funding_level is not given; read as Luoyang's own funds only "
        "(luoyang.arts13_14.fiscal_funds=local_only), arts. 13 and 14 need it",
        "未提供 funding_level（财政资金层级）；按仅指本市财政资金的解释，第十三、十四条需要该事实",
    )
    local = Warn(unknown, message, v.funding_level.isin(LOCAL_LEVELS))
    return v.fiscally_funded & local
