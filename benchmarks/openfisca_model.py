"""An OpenFisca 46 country model of innoreg's enterprise rules (national R&D rules, Luoyang
arts. 7, 8 and 10, default interpretations), for the population and one-case comparisons.

One single entity, ``enterprise``; variables defined per day (the evaluation date), parameters
as dated YAML written to a temporary folder and loaded the way country packages load theirs.
Money is int64 fen and rates int64 parts per million, so results compare exactly with innoreg;
OpenFisca's own ``int``/``float`` are 32-bit, so those variables widen their dtype to 64 bits.
OpenFisca has no nulls: not-applicable values are -1 (money, rates), NaN (ratios) or, for
booleans, false with a helper variable saying where they apply (``industrial_enterprise`` for
``above_designated_size_line_reached``, ``has_sales_revenue`` for ``hightech_rd_ratio_met``).
The numeric kernels (exact scaling, industry prefix tests) are the numpy model's, so the
comparison measures the frameworks, not two different kernels.
"""

from __future__ import annotations

import contextlib
import functools
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import numpy as np
from openfisca_core.entities import build_entity
from openfisca_core.errors import ParameterNotFoundError
from openfisca_core.periods import DAY
from openfisca_core.simulations import Simulation, SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

from benchmarks.numpy_model import (
    BOOL_INPUTS,
    COUNT_INPUTS,
    INDUSTRY_WIDTH,
    scale,
    split,
    starts_with_any,
)

NOT_APPLICABLE = -1

PARAMETERS = {
    "cn/hightech/rd_intensity_required.yaml": """
        description: >-
          High-tech R&D ratio (ppm) by sales revenue (fen), 国科发火〔2008〕172号 art. 10(4) and
          〔2016〕32号 art. 11(6). A band's threshold is its least revenue: 2016's limits belong
          to the lower band, so the next band starts one fen above them.
        metadata: {type: single_amount, threshold_unit: fen, amount_unit: ppm}
        brackets:
          - threshold: {2008-01-01: {value: 0}}
            amount: {2008-01-01: {value: 60000}, 2016-01-01: {value: 50000}}
          - threshold: {2008-01-01: {value: 5000000000}, 2016-01-01: {value: 5000000001}}
            amount: {2008-01-01: {value: 40000}}
          - threshold: {2008-01-01: {value: 20000000001}}
            amount: {2008-01-01: {value: 30000}}
    """,
    "cn/super_deduction/general_rate.yaml": """
        description: R&D super-deduction rate (ppm).
        values:
          2008-01-01: {value: 500000}
          2018-01-01: {value: 750000}
          2023-01-01: {value: 1000000}
    """,
    "cn/super_deduction/manufacturing_rate.yaml": """
        description: Rate for manufacturing (section C), 2021 No. 13.
        values: {2021-01-01: {value: 1000000}}
    """,
    "cn/super_deduction/tech_sme_rate.yaml": """
        description: Rate for technology-based SMEs, 财税〔2017〕34号 and 2022 No. 16.
        values: {2017-01-01: {value: 750000}, 2022-01-01: {value: 1000000}}
    """,
    "cn/super_deduction/ic_machine_tool_rate.yaml": """
        description: Rate for integrated-circuit and mother-machine enterprises, 2023 No. 44.
        values: {2023-01-01: {value: 1200000}, 2028-01-01: {value: null}}
    """,
    "cn/super_deduction/excluded_industries.yaml": """
        description: Industry code prefixes excluded from the super-deduction, 财税〔2015〕119号.
        C16: {values: {2016-01-01: {value: true}}}
        F: {values: {2016-01-01: {value: true}}}
        H: {values: {2016-01-01: {value: true}}}
        K: {values: {2016-01-01: {value: true}}}
        L: {values: {2016-01-01: {value: true}}}
        R90: {values: {2016-01-01: {value: true}}}
    """,
    "cn/statistics/designated_size_line.yaml": """
        description: Above-designated-size line for industrial enterprises (fen).
        values: {1998-01-01: {value: 500000000}, 2011-01-01: {value: 2000000000}}
    """,
    "luoyang/support_rd_intensity_above_designated_size.yaml": """
        description: Luoyang art. 7 ¶1, R&D ratio for support above designated size (ppm).
        values: {2014-01-01: {value: 10000}}
    """,
}

Enterprise = build_entity(
    key="enterprise", plural="enterprises", label="An enterprise", is_person=True
)


class _Wide(Variable):
    """A variable whose values are 64-bit (OpenFisca's int and float are 32-bit)."""

    def __init__(self, baseline_variable: Any = None) -> None:
        super().__init__(baseline_variable)
        self.dtype = np.int64 if self.value_type is int else np.float64


def _input(name: str, value_type: type, wide: bool = False, **extra: Any) -> type[Variable]:
    attrs = {"value_type": value_type, "entity": Enterprise, "definition_period": DAY, **extra}
    return type(name, (_Wide if wide else Variable,), attrs)


def _variable(name: str, value_type: type, formula: Any, wide: bool = False) -> type[Variable]:
    return _input(name, value_type, wide, formula=formula)


def _rd_intensity(e: Any, period: Any, parameters: Any) -> np.ndarray:
    revenue = e("sales_revenue", period)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = e("rd_expense", period).astype(np.float64) / revenue.astype(np.float64)
    return np.where(revenue != 0, ratio, np.nan)


def _hightech_required(e: Any, period: Any, parameters: Any) -> np.ndarray:
    bands = parameters(period).cn.hightech.rd_intensity_required
    return bands.calc(e("sales_revenue", period)).astype(np.int64)


def _has_revenue(e: Any, period: Any, parameters: Any) -> np.ndarray:
    return e("sales_revenue", period) > 0


def _hightech_met(e: Any, period: Any, parameters: Any) -> np.ndarray:
    """Meaningful where there is revenue (``has_sales_revenue``)."""
    revenue = e("sales_revenue", period)
    floor = scale(split(revenue), e("hightech_rd_intensity_required", period), "ceil")
    return e("has_sales_revenue", period) & (e("rd_expense", period) >= floor)


def _super_deduction_rate(e: Any, period: Any, parameters: Any) -> np.ndarray:
    p = parameters(period).cn.super_deduction
    industry = e("industry", period)
    rate = np.full(len(industry), p.general_rate, dtype=np.int64)
    with contextlib.suppress(ParameterNotFoundError):  # from 2021
        rate[starts_with_any(industry, (b"C",))] = p.manufacturing_rate
    with contextlib.suppress(ParameterNotFoundError):  # from 2017: the higher rate
        sme = e("technology_based_sme", period)
        rate[sme] = np.maximum(rate[sme], p.tech_sme_rate)
    with contextlib.suppress(ParameterNotFoundError):  # 2023-2027
        rate[e("integrated_circuit_or_machine_tool", period)] = p.ic_machine_tool_rate
    excluded = tuple(code.encode() for code in p.excluded_industries if p.excluded_industries[code])
    rate[starts_with_any(industry, excluded)] = 0
    rate[industry == industry.dtype.type()] = NOT_APPLICABLE  # the industry decides the rate
    return rate


def _super_deduction(e: Any, period: Any, parameters: Any) -> np.ndarray:
    rd, rate = e("rd_expense", period), e("rd_super_deduction_rate", period)
    return np.where(rate == NOT_APPLICABLE, NOT_APPLICABLE, scale(split(rd), rate, "half_up"))


def _industrial(e: Any, period: Any, parameters: Any) -> np.ndarray:
    return starts_with_any(e("industry", period), (b"B", b"C", b"D"))


def _line_reached(e: Any, period: Any, parameters: Any) -> np.ndarray:
    line = parameters(period).cn.statistics.designated_size_line
    return e("industrial_enterprise", period) & (e("sales_revenue", period) >= line)


def _required(e: Any, period: Any, parameters: Any) -> np.ndarray:
    above_ratio = parameters(period).luoyang.support_rd_intensity_above_designated_size
    above, high_tech = e("above_designated_size", period), e("high_tech", period)
    required = np.where(high_tech, e("hightech_rd_intensity_required", period), above_ratio)
    np.minimum(required, above_ratio, out=required, where=above)
    required[~(above | high_tech)] = NOT_APPLICABLE
    return required


def _support_decided(e: Any, period: Any, parameters: Any) -> np.ndarray:
    route = e("rd_intensity_required", period) != NOT_APPLICABLE
    return route & e("has_sales_revenue", period)


def _support_rd_floor(e: Any, period: Any, parameters: Any) -> np.ndarray:
    """The least R&D expense that reaches the required ratio (where there is one)."""
    revenue = e("sales_revenue", period)
    return scale(split(revenue), e("rd_intensity_required", period), "ceil")


def _eligible(e: Any, period: Any, parameters: Any) -> np.ndarray:
    floor = e("support_rd_floor", period)
    return e("support_decided", period) & (e("rd_expense", period) >= floor)


def _shortfall(e: Any, period: Any, parameters: Any) -> np.ndarray:
    needed = e("support_rd_floor", period) - e("rd_expense", period)
    return np.where(e("support_decided", period), np.maximum(needed, 0), NOT_APPLICABLE)


def _same_as_rd_intensity(e: Any, period: Any, parameters: Any) -> np.ndarray:
    return e("rd_intensity", period)


def _priority(e: Any, period: Any, parameters: Any) -> np.ndarray:
    return e("innovative_enterprise", period) | e("technology_innovation_demonstration", period)


def _standards(e: Any, period: Any, parameters: Any) -> np.ndarray:
    return (
        (e("led_international_standards", period) > 0)
        | (e("led_national_standards", period) > 0)
        | (e("led_industry_standards", period) > 0)
    )


MONEY_INPUTS = ("sales_revenue", "rd_expense")

FORMULAS: dict[str, tuple[type, Any, bool]] = {
    "rd_intensity": (float, _rd_intensity, True),
    "rd_intensity_for_support": (float, _same_as_rd_intensity, True),
    "hightech_rd_intensity_required": (int, _hightech_required, True),
    "has_sales_revenue": (bool, _has_revenue, False),
    "hightech_rd_ratio_met": (bool, _hightech_met, False),
    "rd_super_deduction_rate": (int, _super_deduction_rate, True),
    "rd_super_deduction": (int, _super_deduction, True),
    "industrial_enterprise": (bool, _industrial, False),
    "above_designated_size_line_reached": (bool, _line_reached, False),
    "rd_intensity_required": (int, _required, True),
    "support_decided": (bool, _support_decided, False),
    "support_rd_floor": (int, _support_rd_floor, True),
    "support_eligible": (bool, _eligible, False),
    "rd_shortfall": (int, _shortfall, True),
    "support_priority": (bool, _priority, False),
    "standard_setting_reward_eligible": (bool, _standards, False),
}
HELPERS = ("has_sales_revenue", "industrial_enterprise", "support_decided", "support_rd_floor")
OUTPUTS = tuple(name for name in FORMULAS if name not in HELPERS)


@functools.cache
def tax_benefit_system() -> TaxBenefitSystem:
    """The model, built once per process (parameters written to and loaded from a temp dir)."""
    system = TaxBenefitSystem([Enterprise])
    with tempfile.TemporaryDirectory(prefix="innoreg-openfisca-") as folder:
        for relative, text in PARAMETERS.items():
            path = Path(folder) / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).strip() + "\n", encoding="utf-8")
        system.load_parameters(folder)
    variables = [_input(name, int, wide=True) for name in MONEY_INPUTS]
    variables += [_input(name, bool) for name in BOOL_INPUTS]
    variables += [_input(name, int) for name in COUNT_INPUTS]
    variables.append(_input("industry", str, max_length=INDUSTRY_WIDTH))
    variables += [_variable(n, t, f, wide) for n, (t, f, wide) in FORMULAS.items()]
    system.add_variables(*variables)
    return system


def population_simulation(arrays: dict[str, np.ndarray], period: str) -> Simulation:
    """A simulation of ``len`` enterprises fed arrays (the numpy model's inputs)."""
    system = tax_benefit_system()
    simulation = SimulationBuilder().build_default_simulation(
        system, count=len(arrays["sales_revenue"])
    )
    for name, values in arrays.items():
        simulation.set_input(name, period, values)
    return simulation


def calculate(simulation: Simulation, period: str, helpers: bool = False) -> dict[str, np.ndarray]:
    """Every output variable (and, with ``helpers``, the intermediate ones)."""
    names = OUTPUTS + HELPERS if helpers else OUTPUTS
    return {name: simulation.calculate(name, period) for name in names}


def one_case(inputs: dict[str, Any], period: str) -> dict[str, np.ndarray]:
    """One enterprise through OpenFisca's dict API (``build_from_entities``)."""
    situation = {"enterprises": {"e1": {name: {period: v} for name, v in inputs.items()}}}
    simulation = SimulationBuilder().build_from_entities(tax_benefit_system(), situation)
    return calculate(simulation, period, helpers=True)
