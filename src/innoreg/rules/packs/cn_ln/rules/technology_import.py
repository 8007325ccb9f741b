"""Liaoning art. 12: screening of technology and equipment imports."""

from __future__ import annotations

from innoreg.rules.expr import Expr, when
from innoreg.rules.formula_context import Context, Params, Vars
from innoreg.rules.rule import rule


@rule(
    entity="technology_import",
    unit="bool",
    label=("Import prohibited", "禁止引进"),
    cites=["art_12"],
)
def technology_import_prohibited(v: Vars, p: Params, ctx: Context) -> Expr:
    """“… and prohibit the introduction of technologies and equipment with high energy
    consumption, high pollution and backwardness.” (art_12)"""
    return v.high_energy_consumption | v.high_pollution | v.backward_technology


@rule(
    entity="technology_import",
    unit="bool",
    label=("Import restricted", "限制引进"),
    cites=["art_12"],
)
def technology_import_restricted(v: Vars, p: Params, ctx: Context) -> Expr:
    """“… restrict the introduction of technologies and equipment that already have research and
    development capabilities in China” (art_12); a prohibited import is not merely restricted."""
    return ~v.technology_import_prohibited & v.developed_domestically


@rule(
    entity="technology_import",
    unit="text",
    label=("Screening outcome", "引进审查结论"),
    cites=["art_12"],
)
def technology_import_screening(v: Vars, p: Params, ctx: Context) -> Expr:
    """prohibited, restricted or permitted (guided towards "advanced technologies")."""
    return when(
        v.technology_import_prohibited,
        "prohibited",
        when(v.technology_import_restricted, "restricted", "permitted"),
    )
