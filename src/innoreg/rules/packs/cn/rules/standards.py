"""Facts about standards an enterprise led, shared by the provinces' and cities' reward rules
(the national inputs ``led_*_standards`` are counts per level of standard)."""

from __future__ import annotations

from innoreg.rules.expr import Expr
from innoreg.rules.formula_context import Vars


def led_a_standard(v: Vars) -> Expr:
    """The enterprise led the drafting of at least one industry, national or international standard."""
    return (
        (v.led_international_standards > 0)
        | (v.led_national_standards > 0)
        | (v.led_industry_standards > 0)
    )
