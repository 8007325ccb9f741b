"""One dependency graph per jurisdiction and date, evaluated on one row (a case) or on many
(a population), with explanations.

    >>> result = evaluate_case({"jurisdiction": "cn-ha-luoyang", "date": "2024-06-30",
    ...     "enterprises": [{"id": "e1", "sales_revenue": "80000000.00",
    ...                      "rd_expense": "800000.00", "above_designated_size": True}]})
    >>> result["results"]["e1"]["support_eligible"], result["results"]["e1"]["rd_shortfall"]
    (True, '0.00')
"""

from innoreg.engine.decision import Decision, EntityDecision
from innoreg.engine.evaluate import decide, evaluate_case
from innoreg.engine.plan import Plan, plan_for

__all__ = [
    "Decision",
    "EntityDecision",
    "Plan",
    "decide",
    "evaluate_case",
    "evaluate_population",
    "plan_for",
]


def __getattr__(name: str) -> object:
    if name == "evaluate_population":  # polars is imported only for populations
        from innoreg.engine.population import evaluate_population

        return evaluate_population
    raise AttributeError(name)
