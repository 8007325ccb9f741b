"""Row-for-row comparison of the engines' results: every variable, exact, nulls included."""

from __future__ import annotations

import numpy as np
import polars as pl

from benchmarks import numpy_model, openfisca_model
from benchmarks.common import EngineMismatch
from innoreg.engine.population import PopulationResult

VARIABLES = openfisca_model.OUTPUTS
INPUTS = ("sales_revenue", "rd_expense", "industry", "above_designated_size", "high_tech")


def innoreg_variables(result: PopulationResult) -> pl.DataFrame:
    """The variables of an innoreg result; fails if innoreg has one the baselines lack."""
    computed = [v.spec.name for v in result.plan.entities["enterprise"].variables]
    extra = sorted(set(computed) - set(VARIABLES))
    if extra:
        raise EngineMismatch(
            "innoreg computes enterprise variables the baselines do not model: "
            + ", ".join(extra)
            + " (add them to benchmarks/numpy_model.py and benchmarks/openfisca_model.py)"
        )
    return result.frame.select(VARIABLES)


def numpy_frame(columns: dict[str, numpy_model.Column]) -> pl.DataFrame:
    return numpy_model.to_frame(columns).select(VARIABLES)


def openfisca_valid(name: str, results: dict[str, np.ndarray]) -> np.ndarray | None:
    """Where OpenFisca's values of ``name`` apply (None: everywhere), from its conventions."""
    values = results[name]
    if values.dtype == np.float64:
        return ~np.isnan(values)
    if name in ("rd_intensity_required", "rd_shortfall", "rd_super_deduction_rate"):
        return values != openfisca_model.NOT_APPLICABLE
    if name == "rd_super_deduction":
        return results["rd_super_deduction_rate"] != openfisca_model.NOT_APPLICABLE
    if name == "rd_shortfall":
        return values != openfisca_model.NOT_APPLICABLE
    if name == "above_designated_size_line_reached":
        return results["industrial_enterprise"]
    if name == "hightech_rd_ratio_met":
        return results["has_sales_revenue"]
    return None


def openfisca_frame(results: dict[str, np.ndarray]) -> pl.DataFrame:
    """OpenFisca's arrays with its not-applicable conventions turned back into nulls."""
    columns = {
        name: numpy_model.Column(results[name], openfisca_valid(name, results))
        for name in VARIABLES
    }
    return numpy_model.to_frame(columns).select(VARIABLES)


def assert_identical(
    reference: pl.DataFrame, candidate: pl.DataFrame, inputs: pl.DataFrame, engine: str
) -> None:
    """Raise ``EngineMismatch`` naming each variable where ``candidate`` differs from
    ``reference`` (innoreg), with the count of rows and a few examples."""
    problems = []
    for name in VARIABLES:
        left, right = reference[name], candidate[name]
        if left.dtype != right.dtype:
            problems.append(f"{name}: dtype {left.dtype} (innoreg) vs {right.dtype} ({engine})")
            continue
        differs = ~left.eq_missing(right)
        count = int(differs.sum())
        if count:
            sample = (
                inputs.select(c for c in INPUTS if c in inputs.columns)
                .with_columns(innoreg=left, **{engine: right})
                .filter(differs)
                .head(5)
            )
            problems.append(f"{name}: {count} of {len(left)} rows differ, e.g.\n{sample}")
    if problems:
        raise EngineMismatch(f"innoreg and {engine} disagree:\n" + "\n".join(problems))
